"""fielddoc's SVG icons: every file is small, well-formed, in the house style and renders
sharp at 16, 32 and 256 px at 1x and 2x; the side bar of both roles, the main actions and
every top-level window carry one; and the names the GUI asks for are exactly the files that
ship (a missing file and an unused file both fail)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QXmlStreamReader
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fielddoc.gui import icons
from fielddoc.gui.app import Application
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.mainwindow import RECORD_TEMPLATES, MainWindow
from fielddoc.gui.pages.records import RecordsPage
from fielddoc.gui.session import Session
from fielddoc.gui.unlock import UnlockWindow
from fielddoc.resources import resource_path
from tests.conftest import make_vault

FOLDER = resource_path("icons")
FILES = sorted(FOLDER.glob("*.svg"))
GREY, ACCENT = "#37474f", "#00796b"
# the application icon is a filled picture; it may add white and two light greys for paper
APP_EXTRA = {"#ffffff", "#eceff1", "#b0bec5"}
PAINT_ATTRIBUTES = ("fill", "stroke")

pytestmark = pytest.mark.usefixtures("qapp")  # icons and pixmaps need the QApplication


def read_svg(path: Path) -> list[tuple[str, dict[str, str]]]:
    """(element name, attributes) of every element; fails the test on malformed XML."""
    reader = QXmlStreamReader(path.read_text(encoding="utf-8"))
    elements: list[tuple[str, dict[str, str]]] = []
    while not reader.atEnd():
        reader.readNext()
        if reader.isStartElement():
            found = reader.attributes()
            attributes = {
                found.at(i).qualifiedName(): found.at(i).value() for i in range(found.size())
            }
            elements.append((reader.name(), attributes))
    assert not reader.hasError(), f"{path.name}: {reader.errorString()}"
    return elements


def opaque_and_drawn(pixmap: QPixmap) -> tuple[int, int]:
    """(fully opaque pixels, pixels with any paint) of the pixmap's physical image."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Alpha8)
    # widths here are multiples of 4, so Alpha8 rows carry no padding bytes
    assert image.bytesPerLine() == image.width()
    alpha = bytes(image.constBits())
    return alpha.count(255), len(alpha) - alpha.count(0)


@pytest.fixture
def fresh_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count only the icon names this test asks for (the cache is per process)."""
    monkeypatch.setattr(icons, "_CACHE", {})


@pytest.fixture(params=["field", "hq"])
def main_window(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path
) -> Iterator[MainWindow]:
    handle = make_vault(tmp_path / "vault", role=request.param)
    session = Session(handle.vault)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        yield window
    finally:
        session.lock()


def test_qt_reads_svg() -> None:
    assert b"svg" in [f.data() for f in QImageReader.supportedImageFormats()]


def test_the_icon_set_is_there() -> None:
    names = {path.stem for path in FILES}
    assert icons.icon_file_names() == names
    assert {"app", "lock", "settings", "panic", "search", "inbox", "outbox"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_icon_file_is_small_plain_svg_in_the_house_style(path: Path) -> None:
    assert path.stat().st_size < 2048
    elements = read_svg(path)
    assert elements[0][0] == "svg"
    assert elements[0][1].get("viewBox") == "0 0 24 24"
    names = {name for name, _ in elements}
    # QtSvg draws SVG Tiny: no style sheets, filters, text, scripts or bitmaps
    assert not names & {"style", "filter", "text", "script", "image", "foreignObject"}
    assert not any("style" in attributes for _, attributes in elements)
    colours = {
        attributes[key].lower()
        for _, attributes in elements
        for key in PAINT_ATTRIBUTES
        if key in attributes
    } - {"none"}
    allowed = {GREY, ACCENT} | (APP_EXTRA if path.stem == "app" else set())
    assert colours <= allowed, colours - allowed
    if path.stem != "app":  # line icons: one stroke style, grey with the accent
        group = elements[1][1]
        assert elements[1][0] == "g"
        assert group.get("stroke") == GREY
        assert group.get("stroke-width") == "2"
        assert group.get("stroke-linecap") == group.get("stroke-linejoin") == "round"
        assert ACCENT in colours
    assert QSvgRenderer(str(path)).isValid()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_icon_renders_at_every_size_and_ratio(path: Path) -> None:
    icon = QIcon(str(path))
    assert not icon.isNull()
    for size in (16, 32, 256):
        for ratio in (1.0, 2.0):
            pixmap = icon.pixmap(QSize(size, size), ratio)
            assert not pixmap.isNull()
            assert pixmap.devicePixelRatio() == ratio
            physical = round(size * ratio)
            assert (pixmap.width(), pixmap.height()) == (physical, physical)
            opaque, drawn = opaque_and_drawn(pixmap)
            area = physical * physical
            # a legible mark: solid pixels exist, and it neither vanishes nor fills the square
            assert opaque > 0.01 * area, (size, ratio, opaque / area)
            assert 0.04 * area < drawn < 0.9 * area, (size, ratio, drawn / area)
        # 2x is drawn for the physical pixels, not a 1x picture scaled up
        sharp = icon.pixmap(QSize(size, size), 2.0).toImage()
        native = icon.pixmap(QSize(2 * size, 2 * size), 1.0).toImage()
        argb = QImage.Format.Format_ARGB32
        assert sharp.convertToFormat(argb) == native.convertToFormat(argb), size


def test_side_bar_and_main_actions_have_icons(main_window: MainWindow) -> None:
    sidebar = main_window.sidebar
    assert sidebar.count() == len(main_window.pages)
    keys = set()
    for row in range(sidebar.count()):
        item_icon = sidebar.item(row).icon()
        assert not item_icon.isNull(), sidebar.item(row).text()
        assert not item_icon.pixmap(QSize(16, 16)).isNull()
        keys.add(item_icon.cacheKey())
    assert len(keys) == sidebar.count()  # every section has its own picture
    exchange = "inbox" if main_window.session.role == "hq" else "outbox"
    assert icons.icon(exchange).cacheKey() in keys
    assert icons.icon("inbox" if exchange == "outbox" else "outbox").cacheKey() not in keys
    for action in (
        main_window.lock_action,
        main_window.search_action,
        main_window.settings_action,
        main_window.panic_action,
    ):
        assert not action.icon().isNull(), action.text()


def test_side_bar_labels_fit_beside_their_icons(qtbot: QtBot, main_window: MainWindow) -> None:
    """The icons take width from the labels: the longest (Russian) still needs no scrolling."""
    LANGUAGE.apply("ru")
    qtbot.wait(20)  # LanguageChange reaches the windows through the event loop
    main_window.resize(1200, 760)
    main_window.show()
    qtbot.waitExposed(main_window)
    sidebar = main_window.sidebar
    row = RECORD_TEMPLATES.index("detention_visit")  # the longest label in Russian
    page = main_window.pages[row]
    assert isinstance(page, RecordsPage)
    assert sidebar.item(row).text() == page.template.label("ru")
    assert sidebar.horizontalScrollBar().maximum() == 0, (
        sidebar.sizeHintForColumn(0),
        sidebar.viewport().width(),
    )


def test_windows_inherit_the_application_icon(qtbot: QtBot, tmp_path: Path) -> None:
    QApplication.setWindowIcon(QIcon())
    assert QApplication.windowIcon().isNull()
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    app = Application(handle.path)
    assert QApplication.windowIcon().cacheKey() == icons.icon("app").cacheKey()
    app.start()
    unlock = app.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.addWidget(unlock)
    assert unlock.windowIcon().cacheKey() == icons.icon("app").cacheKey()


@pytest.mark.usefixtures("fresh_requests")
def test_the_gui_asks_for_exactly_the_shipped_icons(qtbot: QtBot, tmp_path: Path) -> None:
    """Build everything that sets icons (the application, the main window of both roles):
    a name without a file and a file no code asks for both fail."""
    Application(tmp_path / "none")
    for role in ("field", "hq"):
        handle = make_vault(tmp_path / role, role=role)
        session = Session(handle.vault)
        try:
            qtbot.addWidget(MainWindow(session))
        finally:
            session.lock()
    asked, shipped = icons.requested(), icons.icon_file_names()
    assert not asked - shipped, f"icons asked for but not shipped: {sorted(asked - shipped)}"
    assert not shipped - asked, f"icons shipped but never used: {sorted(shipped - asked)}"


@pytest.mark.usefixtures("fresh_requests")
def test_a_missing_icon_is_empty_not_a_crash(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=icons.__name__):
        assert icons.icon("no_such_icon").isNull()
        assert icons.icon("../app").isNull()  # never a path outside the icon folder
        assert not icons.icon("app").isNull()
    assert icons.requested() == {"no_such_icon", "../app", "app"}
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "no_such_icon" in logged
    assert len(caplog.records) == 2
    assert str(FOLDER.parent) not in logged  # the log names the icon, never a path
    assert str(Path.home()) not in logged
