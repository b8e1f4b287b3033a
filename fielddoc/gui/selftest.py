"""``fielddoc-gui --self-test``: the core self-test, then what only a Qt build can get wrong.

A freezer that leaves out a Qt plugin or library does not fail at build time: the app starts
and then shows blank icons, an English UI or an empty PDF viewer on a monitor's laptop. These
checks load each such piece the way the app does:

- the platform plugin (the ``QApplication`` itself) and the SVG icon engine (every shipped icon
  renders to a non-empty pixmap);
- the compiled translations: fielddoc's own and Qt's, in Russian and Kyrgyz;
- the Qt Designer forms (QtUiTools);
- the image plugins used by the evidence viewer (JPEG, PNG) and QtPdf, on documents made in
  memory (nothing is written to disk).

Each check prints one line; the run stops at the first failure. Output goes to stdout when
the process has one; a windowed build without a console (Windows) shows the lines in a
message box instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QColor, QImage, QImageReader, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.icons import icon, icon_file_names
from fielddoc.gui.uiloader import load_form
from fielddoc.resources import data_dir
from fielddoc.selftest import run_self_test

# a string every translation carries (the main window's search box)
_PROBE_CONTEXT = "MainWindow"
_PROBE_SOURCE = "Search all records (Ctrl+F)"


class QtCheckError(Exception):
    """A Qt piece is missing or broken; the message names the piece, never data."""


def check_platform() -> str:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise QtCheckError("no QApplication")
    return f"platform plugin '{QApplication.platformName()}'"


def check_icons() -> str:
    names = sorted(icon_file_names())
    if not names:
        raise QtCheckError("no icons shipped")
    for name in names:
        image = icon(name).pixmap(32, 32).toImage()
        if image.isNull() or not any(
            image.pixelColor(x, y).alpha() for x in range(0, 32, 2) for y in range(0, 32, 2)
        ):
            raise QtCheckError(f"icon '{name}' does not render (SVG icon engine missing?)")
    return f"{len(names)} SVG icons render"


def check_translations() -> str:
    source = QCoreApplication.translate(_PROBE_CONTEXT, _PROBE_SOURCE)
    seen: list[str] = []
    try:
        for language in ("ru", "ky"):
            if not LANGUAGE.apply(language):
                raise QtCheckError(f"translation '{language}' did not load")
            ours = QCoreApplication.translate(_PROBE_CONTEXT, _PROBE_SOURCE)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
            buttons.deleteLater()
            if ours == source or cancel.replace("&", "") == "Cancel":
                raise QtCheckError(f"translation '{language}' incomplete (ours or Qt's)")
            seen.append(language)
    finally:
        LANGUAGE.apply("en")
    return "translations " + ", ".join(seen) + " (fielddoc and Qt)"


def check_forms() -> str:
    names = sorted(path.name for path in data_dir("ui").glob("*.ui"))
    for name in names:
        form = load_form(name)
        form.deleteLater()
    if not names:
        raise QtCheckError("no forms shipped")
    return f"{len(names)} Designer form(s) load"


def check_images() -> str:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 40, 40))
    formats = []
    for fmt in ("JPEG", "PNG"):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6's stubs say bytes; at run time only str is accepted
        if not image.save(buffer, fmt):  # type: ignore[call-overload]
            raise QtCheckError(f"cannot write {fmt}")
        buffer.close()
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        decoded = QImageReader(buffer).read()
        if decoded.isNull() or decoded.size() != image.size():
            raise QtCheckError(f"cannot read {fmt} (image plugin missing?)")
        formats.append(fmt)
    return "images " + ", ".join(formats)


def check_pdf() -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    painter = QPainter(writer)
    painter.drawText(100, 100, "fielddoc")
    painter.end()
    buffer.close()
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() != 1:
        raise QtCheckError("QtPdf cannot open a PDF")
    rendered = document.render(0, writer.pageLayout().paintRectPixels(72).size())
    if rendered.isNull():
        raise QtCheckError("QtPdf cannot render a page")
    return "PDF viewer (QtPdf)"


QT_CHECKS: tuple[Callable[[], str], ...] = (
    check_platform,
    check_icons,
    check_translations,
    check_forms,
    check_images,
    check_pdf,
)


def run_qt_checks(report: Callable[[str], None]) -> bool:
    """Every Qt check in order, one line each; False at the first failure."""
    for check in QT_CHECKS:
        try:
            what = check()
        except Exception as exc:  # noqa: BLE001 -- reported as one line, never raised
            name = check.__name__.removeprefix("check_")
            detail = str(exc) if isinstance(exc, QtCheckError) else type(exc).__name__
            report(f"FAIL {name}: {detail}")
            return False
        report(f"ok   {what}")
    return True


def run(app: QApplication) -> int:
    """The whole ``--self-test``: core pipeline, then the Qt checks; the exit code."""
    lines: list[str] = []

    def report(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    passed = run_self_test(report) and run_qt_checks(report)
    report("all checks passed" if passed else "SELF-TEST FAILED")
    if sys.stdout is None:  # a windowed build without a console
        box = QMessageBox.information if passed else QMessageBox.critical
        box(None, "fielddoc self-test", "\n".join(lines))
    del app
    return 0 if passed else 1
