"""The Evidence page on a real vault (offscreen): adding with progress, cancel, drag and drop,
duplicates, viewing images / PDFs / text from memory only, verify, extract, attach, lock.

Files are added through the page's API (``add_files``), not the file dialog; jobs are awaited
through the page's ``*_finished`` signals. Plaintext that must never reach the disk carries
random canaries made per test, so a scan of shared temp folders cannot be fooled by other
tests' files.
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import tempfile
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fielddoc.crypto.chunked import CHUNK_SIZE
from fielddoc.evidence.store import EvidenceStore
from fielddoc.gui.decrypting_device import DecryptingDevice
from fielddoc.gui.pages.evidence import EvidencePage, ExtractReport, IngestReport
from fielddoc.gui.session import Session
from fielddoc.gui.viewer import EvidenceViewer, decode_text, kind_of
from tests.conftest import FIXTURES, VaultHandle, make_vault
from tests.gui.conftest import APP_FOLDER

MEDIA = FIXTURES / "media"
JOB_TIMEOUT = 30_000


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture
def handle(tmp_path: Path) -> Iterator[VaultHandle]:
    handle = make_vault(tmp_path / "vault")
    yield handle
    if handle.vault.is_open:
        handle.vault.close()


@pytest.fixture
def session(handle: VaultHandle) -> Iterator[Session]:
    session = Session(handle.vault)
    yield session
    if session.is_open:
        session.lock()


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> EvidencePage:
    page = EvidencePage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    return page


def add(qtbot: QtBot, page: EvidencePage, paths: list[Path], **kwargs: str) -> IngestReport:
    with qtbot.waitSignal(page.ingest_finished, timeout=JOB_TIMEOUT) as blocker:
        assert page.add_files(paths, **kwargs) is not None
    report = blocker.args[0]
    assert isinstance(report, IngestReport)
    return report


def store_of(session: Session) -> EvidenceStore:
    return session.evidence


def png_bytes(width: int, height: int, seed: int) -> bytes:
    """A PNG of random pixels (unique bytes per seed), made in memory."""
    rng = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(width):
            image.setPixel(x, y, rng.getrandbits(24))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; only str works
    return bytes(buffer.data().data())


def pdf_bytes(texts: list[str]) -> bytes:
    """A small valid PDF with one page per text (Helvetica, black), xref offsets exact."""
    pages = len(texts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(pages))
        + f"] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, text in enumerate(texts):
        content = f"BT /F1 14 Tf 10 100 Td ({text}) Tj ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents {5 + 2 * index} "
            "0 R /Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG that declares a huge canvas (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (1 + 3 * 64) * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def files_containing(
    roots: Iterable[Path],
    needles: dict[str, bytes],
    *,
    since: float | None = None,
    exclude: Iterable[Path] = (),
) -> list[tuple[Path, str]]:
    """(file, needle name) for every readable regular file under ``roots`` that contains a
    needle; with ``since``, only files modified at or after it."""
    skip = [p.resolve() for p in exclude]
    found: list[tuple[Path, str]] = []
    for root in roots:
        if not root.exists():
            continue
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                try:
                    info = path.lstat()
                    if not path.is_file() or path.is_symlink():
                        continue
                    if since is not None and info.st_mtime < since:
                        continue
                    if info.st_size > 256 * 1024 * 1024:
                        continue
                    if any(path.resolve().is_relative_to(s) for s in skip):
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                found.extend((path, label) for label, needle in needles.items() if needle in data)
    return found


# --- adding -------------------------------------------------------------------------------


def test_page_is_titled_and_labelled(page: EvidencePage) -> None:
    assert page.title() == "Evidence"
    for widget in (
        page.add_button,
        page.verify_all_button,
        page.table,
        page.cancel_button,
        page.verify_button,
        page.extract_button,
        page.attach_button,
        page.results,
        page.details,
        page.viewer.image_view,
        page.viewer.pdf_view,
        page.viewer.text_view,
    ):
        assert widget.accessibleName(), widget
    assert page.acceptDrops()


def test_add_several_files_with_progress_duplicates_and_errors(
    qtbot: QtBot, page: EvidencePage, session: Session, tmp_path: Path
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    big = inbox / "interview.bin"
    big.write_bytes(os.urandom(6 * 1024 * 1024 + 123))
    copy = inbox / "same_photo.jpg"
    shutil.copyfile(MEDIA / "photo_gps_ne.jpg", copy)
    paths = [
        MEDIA / "photo_gps_ne.jpg",
        MEDIA / "document.pdf",
        MEDIA / "notes_cyrillic.txt",
        big,
        copy,
        inbox / "vanished.jpg",
        inbox,  # a folder
    ]
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(page.ingest_finished, timeout=JOB_TIMEOUT) as blocker:
        job = page.add_files(paths)
        assert job is not None
        job.progress.connect(lambda done, total: seen.append((done, total)))
        assert page.progress_row.isVisibleTo(page)
        assert not page.add_button.isEnabled()
        assert page.add_files([big]) is None  # one job at a time
    report = blocker.args[0]
    assert isinstance(report, IngestReport)
    assert not report.cancelled
    assert len(report.added) == 4
    assert len(report.duplicates) == 1
    assert [o.error_code for o in report.outcomes[-2:]] == ["BAD_INPUT", "BAD_INPUT"]
    assert len(seen) >= 6  # per-MiB reports of the big file, and one per file
    dones = [done for done, _ in seen]
    assert dones == sorted(dones)
    assert seen[-1][0] == seen[-1][1]
    assert not page.progress_row.isVisibleTo(page)
    assert page.add_button.isEnabled()

    assert page.model.rowCount() == 4
    texts = page.result_texts()
    original = report.duplicates[0]
    assert any(
        "same_photo.jpg: already in the vault as “photo_gps_ne.jpg”" in t and original.id in t
        for t in texts
    ), texts
    assert any(t.startswith("vanished.jpg: could not be read") for t in texts)
    assert sum("added (SHA-256" in t for t in texts) == 4
    # the newest addition is selected, with its details
    assert page.selected_id() is not None
    stored = store_of(session).items()
    assert {e.original_name for e in stored} == {
        "photo_gps_ne.jpg",
        "document.pdf",
        "notes_cyrillic.txt",
        "interview.bin",
    }


def test_table_columns_and_details(qtbot: QtBot, page: EvidencePage, session: Session) -> None:
    report = add(qtbot, page, [MEDIA / "photo_gps_ne.jpg"])
    item = store_of(session).get(report.added[0].id)
    row = page.model.row_of(item.id)
    cells = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert cells[0] == "photo_gps_ne.jpg"
    assert cells[1] == "image/jpeg"
    assert cells[4] == item.sha256[:12]
    assert cells[6] == "Stored"
    assert page.select(item.id)
    details = page.details.toPlainText()
    assert item.sha256 in details
    assert "2024-03-15T14:22:05+06:00" in details  # EXIF capture time
    assert "FieldCam FC-1 Pro" in details  # camera
    assert "42.874600, 74.612200" in details  # GPS
    assert "Added to the vault" in details  # custody event
    assert "this laptop" in details


def test_cancel_large_ingest_leaves_nothing(
    qtbot: QtBot, page: EvidencePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = page.session
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    big = tmp_path / "in" / "video.mp4"
    big.parent.mkdir()
    block = os.urandom(1024 * 1024)
    with big.open("wb") as handle_out:
        for _ in range(200):
            handle_out.write(block)
    progress: list[int] = []

    def on_progress(done: int, _total: int) -> None:
        progress.append(done)
        if len(progress) == 3:
            page.cancel()

    with qtbot.waitSignal(page.ingest_finished, timeout=JOB_TIMEOUT) as blocker:
        job = page.add_files([big])
        assert job is not None
        job.progress.connect(on_progress)
    report = blocker.args[0]
    assert isinstance(report, IngestReport)
    assert report.cancelled
    assert report.outcomes == []
    assert progress and progress[-1] < big.stat().st_size
    assert store_of(session).items() == []
    assert page.model.rowCount() == 0
    assert session.vault is not None
    assert [p for p in session.vault.blobs_dir.rglob("*") if p.is_file()] == []
    assert list(private_tmp.iterdir()) == []
    assert any("Cancelled" in t for t in page.result_texts())
    assert not page.progress_row.isVisibleTo(page)


def test_drag_and_drop_of_several_files(qtbot: QtBot, page: EvidencePage, session: Session) -> None:
    files = [MEDIA / "image.png", MEDIA / "audio.wav", MEDIA / "table_cyrillic.csv"]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    where = QPointF(page.width() / 2, page.height() / 2)
    enter = QDragEnterEvent(
        where.toPoint(),  # QDragEnterEvent takes QPoint, QDropEvent QPointF
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.ingest_finished, timeout=JOB_TIMEOUT) as blocker:
        QApplication.sendEvent(page, drop)
    assert drop.isAccepted()
    report = blocker.args[0]
    assert [o.path for o in report.outcomes] == files
    assert len(report.added) == 3
    assert page.model.rowCount() == 3
    # a drag of something that is not a local file is refused
    other = QMimeData()
    other.setText("not files")
    refused = QDragEnterEvent(
        where.toPoint(),
        Qt.DropAction.CopyAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, refused)
    assert not refused.isAccepted()


def test_attach_new_and_existing_files_to_a_record(
    qtbot: QtBot, page: EvidencePage, session: Session
) -> None:
    record = session.records.create(
        "testimony", {"title": "Visit to SIZO-1", "narrative": "statement"}
    )
    page.set_attach_target(record.id, "Visit to SIZO-1")
    assert "Visit to SIZO-1" in page.target_label.text()
    report = add(qtbot, page, [MEDIA / "image.gif"])
    first = report.added[0].id
    assert store_of(session).records_of(first) == [record.id]
    row = page.model.row_of(first)
    assert page.model.index(row, 5).data() == "Visit to SIZO-1"
    page.set_attach_target(None)
    second = add(qtbot, page, [MEDIA / "image.bmp"]).added[0].id
    assert store_of(session).records_of(second) == []
    assert page.attach(second, record.id)
    assert {e.id for e in store_of(session).items(record.id)} == {first, second}
    # a duplicate added for a record links the existing evidence to it
    other = session.records.create("incident", {"title": "Raid", "narrative": "n"})
    dup = add(qtbot, page, [MEDIA / "image.gif"], record_id=other.id)
    assert dup.duplicates[0].id == first
    assert set(store_of(session).records_of(first)) == {record.id, other.id}


# --- viewing from memory ----------------------------------------------------------------------


def test_viewer_shows_image_pdf_and_text_from_memory_only(
    qtbot: QtBot, page: EvidencePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = time.time() - 1
    real_tmp = Path(tempfile.gettempdir())
    assert page.session.vault is not None
    vault_folder = page.session.vault.folder
    private_tmp = tmp_path / "tmp"
    cache = tmp_path / "cache"
    private_tmp.mkdir()
    cache.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setattr(tempfile, "tempdir", None)
    canary = os.urandom(8).hex()
    inbox = tmp_path / "in"
    inbox.mkdir()
    image = png_bytes(37, 23, seed=int(canary[:8], 16))
    pdf = pdf_bytes([f"CANARY-PDF-{canary}", f"SECOND-PAGE-{canary}"])
    text = f"Показания свидетеля CANARY-TEXT-{canary}\nвторая строка\n" * 20
    text16 = f"Пыток не было CANARY-UTF16-{canary}"
    (inbox / "injury.png").write_bytes(image)
    (inbox / "court.pdf").write_bytes(pdf)
    (inbox / "statement.txt").write_bytes(text.encode("utf-8"))
    (inbox / "letter.txt").write_bytes(codecs_utf16(text16))
    paths = [inbox / n for n in ("injury.png", "court.pdf", "statement.txt", "letter.txt")]
    paths.append(MEDIA / "image.png")
    ids = {o.path.name: o.result.id for o in add(qtbot, page, paths).outcomes if o.result}
    viewer = page.viewer

    assert page.select(ids["injury.png"])
    assert viewer.mode == "image"
    assert viewer.pixmap().size() == QSize(37, 23)
    assert viewer.pixmap().toImage().pixel(5, 5) & 0xFFFFFF == (
        QImage.fromData(image).pixel(5, 5) & 0xFFFFFF
    )

    assert page.select(ids["image.png"])
    assert viewer.mode == "image"
    assert viewer.pixmap().size() == QSize(20, 10)

    assert page.select(ids["court.pdf"])
    assert viewer.mode == "pdf"
    assert viewer.page_count() == 2
    rendered = viewer.pdf_document.render(0, QSize(300, 200))
    assert not rendered.isNull()
    qtbot.wait(300)  # let QPdfView's render thread read through the device too

    assert page.select(ids["statement.txt"])
    assert viewer.mode == "text"
    assert viewer.text() == text
    assert "UTF-8" in viewer.note.text()

    assert page.select(ids["letter.txt"])
    assert viewer.mode == "text"
    assert viewer.text() == text16

    page.clear()
    assert viewer.mode == "empty"
    needles = {
        "png": image[len(image) // 2 : len(image) // 2 + 48],
        "pdf": f"CANARY-PDF-{canary}".encode(),
        "pdf2": f"SECOND-PAGE-{canary}".encode(),
        "text-utf8": f"CANARY-TEXT-{canary}".encode(),
        "text-utf16": f"CANARY-TEXT-{canary}".encode("utf-16-le"),
        "utf16-file": f"CANARY-UTF16-{canary}".encode("utf-16-le"),
        "utf16-as-utf8": f"CANARY-UTF16-{canary}".encode(),
    }
    private = [vault_folder, private_tmp, cache, APP_FOLDER]
    assert files_containing(private, needles) == []
    shared = [real_tmp, Path.home() / ".cache"]
    shared += [Path.home() / ".local", Path.home() / ".config"]
    assert files_containing(shared, needles, since=started, exclude=[inbox]) == []
    # the committed fixture's bytes are not in the vault's files either
    fixture = (MEDIA / "image.png").read_bytes()
    assert files_containing([vault_folder], {"fixture": fixture[16:80]}) == []


def codecs_utf16(text: str) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


def test_viewer_messages_for_media_other_purged_and_bombs(
    qtbot: QtBot, page: EvidencePage, session: Session, tmp_path: Path
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "bomb.png").write_bytes(bomb_png(40_000, 40_000))
    paths = [MEDIA / "audio.flac", MEDIA / "video.mp4", MEDIA / "archive.zip", inbox / "bomb.png"]
    ids = {o.path.name: o.result.id for o in add(qtbot, page, paths).outcomes if o.result}
    viewer = page.viewer
    page.select(ids["audio.flac"])
    assert viewer.mode == "media"
    assert "later version" in viewer.message()
    assert "0:00:02" in viewer.message()
    page.select(ids["video.mp4"])
    assert viewer.mode == "media"
    assert "Video recording" in viewer.message()
    page.select(ids["archive.zip"])
    assert viewer.mode == "message"
    assert "application/zip" in viewer.message()
    page.select(ids["bomb.png"])
    assert viewer.mode == "message"
    assert viewer.pixmap().isNull()
    assert "too large" in viewer.message()


def test_viewer_refuses_what_qt_cannot_decode_safely(qtbot: QtBot, session: Session) -> None:
    viewer = EvidenceViewer()
    qtbot.addWidget(viewer)
    store = store_of(session)
    for name in ("libheif.heic",):
        item = store.get(store.ingest(MEDIA / name).id)
        viewer.show_item(store, item)
        assert viewer.mode == "message"
        assert viewer.pixmap().isNull()


def test_viewer_reports_a_damaged_blob(
    qtbot: QtBot, session: Session, handle: VaultHandle, tmp_path: Path
) -> None:
    viewer = EvidenceViewer()
    qtbot.addWidget(viewer)
    store = store_of(session)
    source = tmp_path / "scan.pdf"
    source.write_bytes(pdf_bytes(["page one"] * 3) + b"%" + os.urandom(3 * CHUNK_SIZE) + b"\n")
    item = store.get(store.ingest(source).id)
    assert item.blob_name is not None
    blob = handle.vault.blobs_dir / item.blob_name
    damaged = bytearray(blob.read_bytes())
    damaged[len(damaged) // 3] ^= 0x01
    blob.write_bytes(bytes(damaged))
    viewer.show_item(store, item)
    assert viewer.mode == "message"
    assert viewer.page_count() == 0
    assert "damaged or altered" in viewer.message()
    # an image whose blob was altered is not shown either
    photo = store.get(store.ingest(MEDIA / "image.webp").id)
    assert photo.blob_name is not None
    blob = handle.vault.blobs_dir / photo.blob_name
    data = bytearray(blob.read_bytes())
    data[-30] ^= 0x01
    blob.write_bytes(bytes(data))
    viewer.show_item(store, photo)
    assert viewer.mode == "message"
    assert viewer.pixmap().isNull()
    assert "damaged or altered" in viewer.message()
    viewer.clear()
    assert viewer.mode == "empty"


def test_text_decoding() -> None:
    assert decode_text("Привет".encode(), "text/plain") == ("Привет", "utf-8")
    assert decode_text((MEDIA / "notes_utf16.txt").read_bytes())[1] == "utf-16-le"
    cp1251 = (MEDIA / "notes_cp1251.txt").read_bytes()
    text, encoding = decode_text(cp1251, "text/plain")
    assert encoding == "windows-1251"
    assert text == cp1251.decode("cp1251")
    no_bom = "Абдуллаев".encode("utf-16-le")
    assert decode_text(no_bom) == ("Абдуллаев", "utf-16-le")
    cut = "ёж".encode()[:-1]  # a multi-byte character cut by the preview limit
    assert decode_text(cut, truncated=True) == ("ё", "utf-8")
    assert kind_of("text/csv; charset=utf-8") == "text"
    assert kind_of("image/svg+xml") == "text"
    assert kind_of("application/pdf") == "pdf"
    assert kind_of("application/octet-stream") == "other"


# --- the decrypting device ---------------------------------------------------------------------


def test_decrypting_device_random_access(session: Session, tmp_path: Path) -> None:
    store = store_of(session)
    plain = os.urandom(5 * CHUNK_SIZE + 777)
    source = tmp_path / "random.bin"
    source.write_bytes(plain)
    evidence_id = store.ingest(source).id
    device = DecryptingDevice(store, evidence_id)
    assert device.isOpen()
    assert device.isReadable() and not device.isWritable()
    assert not device.isSequential()
    assert device.size() == len(plain)
    assert device.bytesAvailable() == len(plain)
    rng = random.Random(7)
    points = [0, CHUNK_SIZE - 1, CHUNK_SIZE, 2 * CHUNK_SIZE + 5, len(plain) - 1, len(plain)]
    points += [rng.randrange(len(plain) + 1) for _ in range(200)]
    for start in points:
        count = rng.choice([0, 1, 17, CHUNK_SIZE, CHUNK_SIZE + 3, 3 * CHUNK_SIZE, 10**6])
        assert device.seek(start)
        assert device.pos() == start
        assert bytes(device.read(count).data()) == plain[start : start + count]
        assert device.pos() == min(start + count, len(plain))
        assert device.atEnd() == (device.pos() == len(plain))
    assert device.seek(0)
    assert bytes(device.readAll().data()) == plain
    assert device.atEnd()
    assert not device.seek(len(plain) + 1)
    assert not device.seek(-1)
    assert device.write(b"x") == -1
    device.close()
    device.close()  # idempotent
    assert not device.isOpen()
    assert bytes(device.read(10).data()) == b""


def test_decrypting_device_fails_on_a_damaged_chunk(
    session: Session, handle: VaultHandle, tmp_path: Path
) -> None:
    store = store_of(session)
    plain = os.urandom(4 * CHUNK_SIZE)
    source = tmp_path / "data.bin"
    source.write_bytes(plain)
    item = store.get(store.ingest(source).id)
    assert item.blob_name is not None
    blob = handle.vault.blobs_dir / item.blob_name
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0x80
    blob.write_bytes(bytes(data))
    device = DecryptingDevice(store, item.id)
    assert bytes(device.read(100).data()) == plain[:100]  # the first chunk is intact
    assert device.seek(0)
    assert bytes(device.readAll().data()) != plain
    assert device.failed
    device.close()


# --- verify, extract, lock -----------------------------------------------------------------------


def test_verify_reports_a_tampered_blob_by_id(
    qtbot: QtBot, page: EvidencePage, session: Session, handle: VaultHandle
) -> None:
    report = add(qtbot, page, [MEDIA / "image.png", MEDIA / "document.pdf", MEDIA / "audio.wav"])
    ids = [r.id for r in report.added]
    victim = store_of(session).get(ids[1])
    assert victim.blob_name is not None
    blob = handle.vault.blobs_dir / victim.blob_name
    data = bytearray(blob.read_bytes())
    data[-20] ^= 0x01
    blob.write_bytes(bytes(data))

    with qtbot.waitSignal(page.verify_finished, timeout=JOB_TIMEOUT) as blocker:
        assert page.verify(None) is not None
    results = {r.id: r for r in blocker.args[0]}
    assert set(results) == set(ids)
    assert not results[victim.id].ok
    assert results[victim.id].problem == "damaged"
    assert all(results[i].ok for i in ids if i != victim.id)
    texts = page.result_texts()
    assert texts[0] == "1 file FAILED verification."
    assert any(victim.id in t and "FAILED" in t and "document.pdf" in t for t in texts)
    row = page.model.row_of(victim.id)
    assert page.model.index(row, 6).data().startswith("FAILED")
    good = page.model.row_of(ids[0])
    assert page.model.index(good, 6).data() == "Verified: intact"

    # one item, from the selection
    page.select(ids[0])
    with qtbot.waitSignal(page.verify_finished, timeout=JOB_TIMEOUT) as blocker:
        page.verify_selected()
    assert [(r.id, r.ok) for r in blocker.args[0]] == [(ids[0], True)]
    assert page.result_texts()[0] == "1 file verified, intact."
    events = [e.event for e in store_of(session).events(ids[0])]
    assert events == ["ingest", "verify", "verify"]
    assert "Verified" in page.details.toPlainText()


def test_extract_writes_exactly_the_file(
    qtbot: QtBot, page: EvidencePage, session: Session, tmp_path: Path
) -> None:
    source = MEDIA / "photo_gps_sw.jpg"
    evidence_id = add(qtbot, page, [source]).added[0].id
    out = tmp_path / "out"
    out.mkdir()
    destination = out / "copy.jpg"
    with qtbot.waitSignal(page.extract_finished, timeout=JOB_TIMEOUT) as blocker:
        assert page.extract_to(evidence_id, destination) is not None
    report = blocker.args[0]
    assert isinstance(report, ExtractReport)
    assert report.error_code is None
    assert report.written == source.stat().st_size
    assert destination.read_bytes() == source.read_bytes()
    assert list(out.iterdir()) == [destination]
    assert [e.event for e in store_of(session).events(evidence_id)] == ["ingest", "extract"]
    assert any(str(destination) in t for t in page.result_texts())

    # never over an existing file
    destination.write_bytes(b"keep me")
    with qtbot.waitSignal(page.extract_finished, timeout=JOB_TIMEOUT) as blocker:
        page.extract_to(evidence_id, destination)
    assert blocker.args[0].error_code == "BAD_INPUT"
    assert destination.read_bytes() == b"keep me"


def test_lock_clears_the_page(qtbot: QtBot, page: EvidencePage, session: Session) -> None:
    report = add(qtbot, page, [MEDIA / "notes_cyrillic.txt"])
    page.select(report.added[0].id)
    assert page.viewer.mode == "text"
    session.lock()
    assert page.model.rowCount() == 0
    assert page.viewer.mode == "empty"
    assert page.viewer.text_view.toPlainText() == ""
    assert page.details.toPlainText() == ""
    assert page.result_texts() == []


def test_main_window_has_the_evidence_page(qtbot: QtBot, session: Session) -> None:
    from fielddoc.gui.mainwindow import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    row = window.page_of(EvidencePage)
    assert row >= 0
    assert window.sidebar.item(row).text() == "Evidence"


def test_dialog_flows_use_the_trace_free_dialogs(
    qtbot: QtBot, page: EvidencePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fielddoc.gui import dialogs

    asked: list[str] = []

    def open_files(_parent: object, title: str) -> list[Path]:
        asked.append(title)
        return [MEDIA / "image.png"]

    monkeypatch.setattr(dialogs, "open_files", open_files)
    with qtbot.waitSignal(page.ingest_finished, timeout=JOB_TIMEOUT):
        page.add_button.click()
    assert asked == ["Add evidence files"]
    evidence_id = page.model.ids()[0]
    page.select(evidence_id)
    assert page.extract_button.isEnabled()

    destination = tmp_path / "copy.png"
    warnings: list[str] = []

    def refuse(_parent: object, _title: str, text: str, *, action: str) -> bool:
        warnings.append(text)
        return False

    monkeypatch.setattr(dialogs, "confirm", refuse)
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: destination)
    page.extract_button.click()
    assert "NOT be encrypted" in warnings[0]
    assert not destination.exists()
    monkeypatch.setattr(dialogs, "confirm", lambda *_args, **_kw: True)
    with qtbot.waitSignal(page.extract_finished, timeout=JOB_TIMEOUT) as blocker:
        page.extract_button.click()
    assert blocker.args[0].error_code is None
    assert destination.read_bytes() == (MEDIA / "image.png").read_bytes()


def test_record_picker_finds_records(qtbot: QtBot, session: Session) -> None:
    from fielddoc.gui.pages.evidence import RecordPicker

    wanted = session.records.create("testimony", {"title": "Бишкек SIZO", "narrative": "n"})
    session.records.create("person", {"name": "Aigul"})
    picker = RecordPicker(session)
    qtbot.addWidget(picker)
    assert picker.results.count() == 2  # no words: the most recent records
    picker.query.setText("Бишкек")
    assert picker.results.count() == 1
    picker.accept()
    assert picker.chosen_id == wanted.id
    assert picker.chosen_title == "Бишкек SIZO"


def test_retranslate_keeps_results(qtbot: QtBot, page: EvidencePage) -> None:
    add(qtbot, page, [MEDIA / "image.png"])
    before = page.result_texts()
    page.retranslate()
    page.viewer.retranslate()
    assert page.result_texts() == before
    assert page.tabs.tabText(0) == "&Preview"
