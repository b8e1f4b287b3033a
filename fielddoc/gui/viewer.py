"""Shows one evidence item from memory: images, PDFs and text; audio and video as metadata.

Nothing here writes plaintext anywhere (DESIGN.md "Desktop hygiene"): images are decoded from
bytes read through the store's decrypting reader, PDFs are read by ``QPdfDocument`` through a
:class:`~fielddoc.gui.decrypting_device.DecryptingDevice`, and text is decoded from at most
:data:`TEXT_BYTES` bytes. No thumbnails are made and no file names reach Qt's image or PDF code.

Limits, so that a hostile or simply huge file cannot exhaust memory:

- images: files above :data:`IMAGE_BYTES` are not decoded; a declared size above
  :data:`IMAGE_PIXELS` is refused before decoding (decompression bombs: a few KB that declare
  gigapixels); decoding is capped by ``QImageReader.setAllocationLimit`` at
  :data:`ALLOCATION_MB`; images larger than :data:`DISPLAY_SIDE` on a side are decoded scaled
  down (JPEG scales while decoding);
- text: the first :data:`TEXT_BYTES` bytes, with a note when the file is longer;
- PDFs: pdfium reads pages on demand through the device; nothing is loaded whole.

Audio and video: QtMultimedia is not used yet (it needs system audio libraries that are not
present everywhere); the viewer shows what the metadata says and tells the user that
playback comes later.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import FielddocError
from fielddoc.evidence.store import Evidence, EvidenceStore
from fielddoc.gui.decrypting_device import DecryptingDevice
from fielddoc.gui.messages import message_for

IMAGE_BYTES = 64 * 1024 * 1024
IMAGE_PIXELS = 120_000_000
ALLOCATION_MB = 256
DISPLAY_SIDE = 8192
TEXT_BYTES = 1024 * 1024
SAMPLE_CHARS = 16 * 1024  # characters looked at to choose an encoding
BAD_TEXT = 0.02  # above this share of impossible characters, an encoding is rejected
IMAGE_FORMATS = frozenset({"bmp", "gif", "jpeg", "jpg", "png", "tiff", "tif", "webp"})
TEXT_TYPES = frozenset(
    {
        "application/json",
        "application/xml",
        "application/yaml",
        "application/geo+json",
        "application/gpx+xml",
        "application/vnd.google-earth.kml+xml",
        "application/x-subrip",
        "image/svg+xml",  # shown as its source: rendering SVG is not worth the risk
        "message/rfc822",
    }
)


def base_type(mime: str) -> str:
    return mime.split(";", 1)[0].strip().lower()


def kind_of(mime: str) -> str:
    """``image``, ``pdf``, ``text``, ``audio``, ``video`` or ``other``."""
    kind = base_type(mime)
    if kind == "application/pdf":
        return "pdf"
    if kind.startswith("text/") or kind in TEXT_TYPES:
        return "text"
    if kind.startswith("image/"):
        return "image"
    if kind.startswith("audio/"):
        return "audio"
    if kind.startswith("video/"):
        return "video"
    return "other"


def _charset(mime: str) -> str | None:
    for part in mime.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def _bad_fraction(text: str) -> float:
    """Share of characters no text has: controls (except whitespace), unassigned, private-use
    and surrogate code points, and replacement characters."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    bad = sum(
        1
        for char in sample
        if char == "\ufffd"
        or (char not in "\t\n\r\f\v" and unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs"))
    )
    return bad / len(sample)


def decode_text(data: bytes, mime: str = "", *, truncated: bool = False) -> tuple[str, str]:
    """(text, encoding name). Order: a byte-order mark; strict UTF-8 that reads as text;
    UTF-16 without a mark (the byte order that reads as text); the charset the sniffer
    found; Windows-1251 as the fallback (the region's legacy encoding)."""
    boms = (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, name in boms:
        if data.startswith(bom):
            return _decode(data[len(bom) :], name, truncated=truncated), name
    utf8: str | None = None
    try:
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        utf8 = decoder.decode(data, final=not truncated)
    except UnicodeDecodeError:
        pass
    if utf8 is not None and _bad_fraction(utf8) < BAD_TEXT:
        return utf8, "utf-8"
    sample = data[: 2 * SAMPLE_CHARS]
    scored = sorted(
        (_bad_fraction(_decode(sample, order, truncated=True)), order)
        for order in ("utf-16-le", "utf-16-be")
    )
    if len(data) >= 2 and scored[0][0] < BAD_TEXT:
        order = scored[0][1]
        return _decode(data, order, truncated=truncated), order
    if utf8 is not None:
        return utf8, "utf-8"
    charset = _charset(mime)
    if charset and not charset.startswith(("utf-", "us-ascii")):
        try:
            return data.decode(charset, "replace"), charset
        except LookupError:
            pass
    return data.decode("cp1251", "replace"), "windows-1251"


def _decode(data: bytes, encoding: str, *, truncated: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    return str(decoder.decode(data, final=not truncated))


class _ImageView(QScrollArea):
    """The full-resolution pixmap, shown scaled down to fit the view when it is larger."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pixmap = QPixmap()

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self._fit()

    def clear(self) -> None:
        self.pixmap = QPixmap()
        self.label.clear()

    def _fit(self) -> None:
        if self.pixmap.isNull():
            self.label.clear()
            return
        room = self.viewport().size()
        if self.pixmap.width() > room.width() or self.pixmap.height() > room.height():
            self.label.setPixmap(
                self.pixmap.scaled(
                    room.expandedTo(QSize(16, 16)),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.label.setPixmap(self.pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class EvidenceViewer(QWidget):
    """``show_item(store, item)`` shows one item; ``clear()`` drops it (and closes devices).

    ``mode`` says what is shown: ``empty``, ``image``, ``pdf``, ``text``, ``media`` (audio or
    video: metadata and a note) or ``message`` (no preview, an error, a refusal).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = "empty"
        self._device: DecryptingDevice | None = None
        self._message: Callable[[], str] = str
        self._note: Callable[[], str] = str
        self.stack = QStackedWidget()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.image_view = _ImageView()
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.pdf_document)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setUndoRedoEnabled(False)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        for widget in (self.message_label, self.image_view, self.pdf_view, self.text_view):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.stack)
        self.retranslate()
        self.clear()

    # --- what tests and the page read --------------------------------------------------

    def pixmap(self) -> QPixmap:
        return self.image_view.pixmap

    def page_count(self) -> int:
        return self.pdf_document.pageCount() if self.mode == "pdf" else 0

    def text(self) -> str:
        return self.text_view.toPlainText() if self.mode == "text" else ""

    def message(self) -> str:
        return self.message_label.text()

    # --- showing -----------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the shown item: close the PDF and its device, drop pixmap and text."""
        self.pdf_document.close()  # first: pdfium stops reading before the device closes
        if self._device is not None:
            self._device.close()
            self._device.deleteLater()
            self._device = None
        self.image_view.clear()
        self.text_view.clear()
        self._set_note(str)
        self._show_message(lambda: self.tr("Select a file to see it here."))
        self.mode = "empty"

    def show_item(self, store: EvidenceStore, item: Evidence) -> None:
        self.clear()
        if item.purged:
            self._show_message(lambda: message_for("EVIDENCE_PURGED"))
            return
        kind = kind_of(item.mime_type)
        try:
            if kind == "image":
                self._show_image(store, item)
            elif kind == "pdf":
                self._show_pdf(store, item)
            elif kind == "text":
                self._show_text(store, item)
            elif kind in ("audio", "video"):
                self._show_media(item, kind)
            else:
                mime = base_type(item.mime_type)
                self._show_message(
                    lambda: self.tr(
                        "No preview for this kind of file (%1). Its hash and metadata are "
                        "under Details."
                    ).replace("%1", mime)
                )
        except FielddocError as exc:
            code = exc.code
            self.clear()
            self._show_message(lambda: message_for(code))

    def _show_message(self, text: Callable[[], str]) -> None:
        self._message = text
        self.message_label.setText(text())
        self.stack.setCurrentWidget(self.message_label)
        self.mode = "message"

    def _set_note(self, text: Callable[[], str]) -> None:
        self._note = text
        self.note.setText(text())
        self.note.setVisible(bool(self.note.text()))

    def _show_image(self, store: EvidenceStore, item: Evidence) -> None:
        if item.size > IMAGE_BYTES:
            self._too_large()
            return
        with store.open_reader(item.id) as reader:
            data = QByteArray(reader.read(IMAGE_BYTES))
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        try:
            image = self._decode_image(buffer)
        finally:
            buffer.close()
            data.clear()
        if image is None:
            return
        self.image_view.set_pixmap(QPixmap.fromImage(image))
        self.stack.setCurrentWidget(self.image_view)
        self.mode = "image"

    def _decode_image(self, device: QIODevice) -> QImage | None:
        QImageReader.setAllocationLimit(ALLOCATION_MB)
        reader = QImageReader(device)
        reader.setAutoTransform(True)
        reader.setDecideFormatFromContent(True)
        fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
        if fmt not in IMAGE_FORMATS:
            self._show_message(
                lambda: self.tr(
                    "This image format cannot be shown here. Its hash and metadata are under "
                    "Details."
                )
            )
            return None
        size = reader.size()
        if size.isValid() and size.width() * size.height() > IMAGE_PIXELS:
            self._too_large()
            return None
        if size.isValid() and max(size.width(), size.height()) > DISPLAY_SIDE:
            reader.setScaledSize(
                size.scaled(DISPLAY_SIDE, DISPLAY_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
            )
        image = reader.read()
        if image.isNull():
            self._show_message(
                lambda: self.tr(
                    "This image could not be decoded: it is damaged, or too large to show safely."
                )
            )
            return None
        return image

    def _too_large(self) -> None:
        self._show_message(
            lambda: self.tr(
                "This image is too large to show safely inside fielddoc. To look at it, "
                "extract a copy (it will not be encrypted)."
            )
        )

    def _show_pdf(self, store: EvidenceStore, item: Evidence) -> None:
        device = DecryptingDevice(store, item.id, self)
        self._device = device
        self.pdf_document.load(device)
        status = self.pdf_document.status()
        if status == QPdfDocument.Status.Error or device.failed:
            error = self.pdf_document.error()
            self.clear()
            if error == QPdfDocument.Error.IncorrectPassword:
                self._show_message(
                    lambda: self.tr("This PDF is protected by a password; it cannot be shown.")
                )
            elif device.failed:
                self._show_message(lambda: message_for("INTEGRITY_FAILED"))
            else:
                self._show_message(lambda: self.tr("This PDF could not be read."))
            return
        self.stack.setCurrentWidget(self.pdf_view)
        self.mode = "pdf"

    def _show_text(self, store: EvidenceStore, item: Evidence) -> None:
        with store.open_reader(item.id) as reader:
            data = reader.read(TEXT_BYTES)
        truncated = item.size > len(data)
        text, encoding = decode_text(data, item.mime_type, truncated=truncated)
        self.text_view.setPlainText(text)
        self.text_view.moveCursor(self.text_view.textCursor().MoveOperation.Start)

        def note() -> str:
            text = self.tr("Shown as %1.").replace("%1", encoding.upper())
            if truncated:
                more = self.tr("Only the first %1 are shown; extract a copy to read the rest.")
                text += " " + more.replace("%1", _size_text(TEXT_BYTES))
            return text

        self._set_note(note)
        self.stack.setCurrentWidget(self.text_view)
        self.mode = "text"

    def _show_media(self, item: Evidence, kind: str) -> None:
        media: dict[str, Any] = dict(item.metadata.get("media", {}))

        def describe() -> str:
            lines = [self.tr("Audio recording") if kind == "audio" else self.tr("Video recording")]
            if "duration_ms" in media:
                seconds = int(media["duration_ms"]) // 1000
                lines.append(
                    self.tr("Duration: %1").replace(
                        "%1", f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
                    )
                )
            if "codec" in media or "container" in media:
                what = " / ".join(str(media[k]) for k in ("container", "codec") if k in media)
                lines.append(self.tr("Format: %1").replace("%1", what))
            lines.append(
                self.tr(
                    "Playback inside fielddoc will come in a later version. To listen or "
                    "watch now, extract a copy (it will not be encrypted)."
                )
            )
            return "\n".join(lines)

        self._show_message(describe)
        self.mode = "media"

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.message_label.setText(self._message())
        self.note.setText(self._note())
        self.message_label.setAccessibleName(self.tr("Preview message"))
        self.image_view.setAccessibleName(self.tr("Image preview"))
        self.pdf_view.setAccessibleName(self.tr("PDF preview"))
        self.text_view.setAccessibleName(self.tr("Text preview"))
        self.note.setAccessibleName(self.tr("Preview note"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _size_text(size: int) -> str:
    from fielddoc.gui.i18n import LANGUAGE

    return LANGUAGE.locale().formattedDataSize(size)
