"""Safety features of the running application: Ctrl+L, auto-lock on idle and on screen lock,
the clipboard guard, and panic erase behind its typed confirmation.

Everything runs through :class:`Application` on real vaults (cheap KDF through the core API);
key presses go to an activated window so the real shortcuts fire. Helpers here (opening the
app, answering modal dialogs, reading every text a widget tree shows) are shared by the other
application-level GUI tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fielddoc import settings
from fielddoc.gui.app import Application
from fielddoc.gui.mainwindow import MainWindow
from fielddoc.gui.pages.exchange import ExchangePage
from fielddoc.gui.safety import ClipboardGuard, PanicDialog
from fielddoc.gui.session import Session
from fielddoc.gui.settings_dialog import SettingsDialog
from fielddoc.gui.unlock import UnlockWindow
from fielddoc.vault.vault import KEYSLOTS_NAME, classify_folder
from tests.conftest import PASSPHRASE, VaultHandle, make_vault
from tests.exchange_support import add_sample_content, make_pair

UNLOCK_MS = 30_000
CTRL = Qt.KeyboardModifier.ControlModifier
PANIC_KEYS = CTRL | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier


# --- helpers shared with the other application-level tests -------------------------------------


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def apps() -> Iterator[list[Application]]:
    """Applications made by a test; their sessions are locked (vaults closed) afterwards."""
    made: list[Application] = []
    yield made
    for app in made:
        if app.session is not None:
            app.session.lock()
        if app.autolock is not None:
            app.autolock.dispose()
        if app.window is not None and shiboken6.isValid(app.window):
            app.window.close()
            app.window.deleteLater()


def start_app(apps: list[Application], path: Path, clock: FakeClock | None = None) -> Application:
    app = Application(path, clock=clock)
    apps.append(app)
    app.start()
    return app


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Show and activate ``window`` so shortcuts reach it (offscreen needs the request)."""
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text`` (QTest's keyClicks accepts only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def is_locked(app: Application) -> bool:
    """Back on the unlock window with no session (a function, so checks do not narrow)."""
    return isinstance(app.window, UnlockWindow) and app.session is None


def try_unlock(
    qtbot: QtBot, app: Application, passphrase: str, keyfile: Path | None = None
) -> UnlockWindow:
    window = app.window
    assert isinstance(window, UnlockWindow)
    window.set_keyfile(keyfile)
    window.passphrase.setText(passphrase)
    window.try_unlock()
    qtbot.waitUntil(
        lambda: isinstance(app.window, MainWindow) or window.unlock_button.isEnabled(),
        timeout=UNLOCK_MS,
    )
    return window


def unlock(
    qtbot: QtBot, app: Application, passphrase: str = PASSPHRASE, keyfile: Path | None = None
) -> MainWindow:
    window = try_unlock(qtbot, app, passphrase, keyfile)
    assert isinstance(app.window, MainWindow), window.error.text()
    return app.window


class ModalAnswer:
    """When a modal ``kind`` opens (polled every 20 ms), run ``handle`` on it; the dialog is
    closed afterwards if still open, so a failing handler never leaves the test stuck in
    ``exec()``. ``seen`` holds the dialog once it appeared. Keep the object until then."""

    def __init__(
        self, kind: type[QWidget], handle: Callable[[QWidget], None], timeout_ms: int = UNLOCK_MS
    ) -> None:
        self.kind = kind
        self.handle = handle
        self.seen: list[QWidget] = []
        self._left = timeout_ms // 20
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        self._left -= 1
        if isinstance(widget, self.kind):
            self._timer.stop()
            self.seen.append(widget)
            try:
                self.handle(widget)
            finally:
                if shiboken6.isValid(widget) and widget.isVisible():
                    widget.close()
        elif self._left <= 0:
            self._timer.stop()


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _model_texts(model: QAbstractItemModel, *, cells: bool) -> Iterator[str]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    root = QModelIndex()
    # list models keep columnCount private (always one column)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for section in range(columns):
        for role in roles:
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    if not cells:
        return
    for row in range(model.rowCount(root)):
        for column in range(columns):
            for role in roles:
                value = model.data(model.index(row, column), role)
                if isinstance(value, str):
                    yield value


def widget_texts(
    root: QWidget, *, data: bool, accessible: bool = True, visible_only: bool = False
) -> list[tuple[str, str]]:
    """(widget, text) for every string the tree under ``root`` can show a person: titles,
    labels, buttons, group boxes, tabs, menus and actions, item-view headers, placeholders,
    tooltips, read-only text panes, and (``accessible``) accessible names. With ``data``, also
    what holds user data: line-edit and text contents, combo-box entries, item-view cells.
    ``visible_only`` skips widgets hidden in ``root`` (menus count: they open on demand)."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    if visible_only:
        widgets = [
            widget
            for widget in widgets
            if widget is root or isinstance(widget, QMenu) or widget.isVisibleTo(root)
        ]

    def add(widget: QWidget, text: str) -> None:
        text = _plain(text).replace("&&", "\x00").replace("&", "").replace("\x00", "&")
        if text.strip():
            found.append((f"{type(widget).__name__}#{widget.objectName()}", text))

    for widget in widgets:
        if not shiboken6.isValid(widget):
            continue
        for text in (widget.windowTitle(), widget.toolTip()):
            add(widget, text)
        if accessible:
            add(widget, widget.accessibleName())
        for action in widget.actions():
            add(widget, action.text())
            derived = action.text().replace("&", "").removesuffix("…")  # Qt's default tooltip
            add(widget, action.toolTip() if action.toolTip() != derived else "")
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox | QMenu):
            add(widget, widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
                add(widget, widget.tabToolTip(index))
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
            if data:
                add(widget, widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            add(widget, widget.placeholderText())
            if data or widget.isReadOnly():
                add(widget, widget.toPlainText())
        elif isinstance(widget, QAbstractSpinBox):
            add(widget, widget.specialValueText())
            if data:
                add(widget, widget.text())
        elif isinstance(widget, QComboBox) and data:
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for text in _model_texts(widget.model(), cells=data):
                add(widget, text)
    return found


def texts_containing(root: QWidget, needles: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (where, text)
        for where, text in widget_texts(root, data=True)
        if any(needle.casefold() in text.casefold() for needle in needles)
    ]


# --- fixtures -------------------------------------------------------------------------------------

TITLE = "Обыск в редакции «Вечерний Бишкек»"
NAME = "Абдуллаев Нурлан"
SECRET_WORDS = ("Обыск в редакции", "Абдуллаев", "ноутбуки")


def seeded_vault(folder: Path) -> tuple[VaultHandle, dict[str, str]]:
    handle = make_vault(folder, name="Полевой ноутбук")
    store = handle.store()
    person = store.create("person", {"name": NAME})
    testimony = store.create(
        "testimony",
        {
            "title": TITLE,
            "narrative": "Сотрудники в штатском изъяли ноутбуки.",
            "interviewee": person.id,
        },
    )
    handle.vault.close()
    return handle, {"person": person.id, "testimony": testimony.id}


# --- Ctrl+L --------------------------------------------------------------------------------------


def test_ctrl_l_closes_the_database_and_clears_every_view(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle, ids = seeded_vault(tmp_path / "vault")
    app = start_app(apps, handle.path)
    main = unlock(qtbot, app)
    activate(qtbot, main)
    session = app.session
    assert session is not None and session.vault is not None
    vault = session.vault
    # fill every view: each page shown once, the testimony selected, a search run
    for row in range(len(main.pages)):
        main.sidebar.setCurrentRow(row)
    main.open_record("testimony", ids["testimony"])
    QTest.keyClick(main, Qt.Key.Key_F, CTRL)
    assert main.search.hasFocus()
    type_text(main.search, "Абдуллаев")
    QTest.keyClick(main.search, Qt.Key.Key_Return)
    main.open_record("testimony", ids["testimony"])
    shown = texts_containing(main, SECRET_WORDS)
    where = {place.split("#")[0] for place, _ in shown}
    # the walk sees the record in the list, the detail pane and the search box
    assert {"QTableView", "QTextBrowser", "QLineEdit"} <= where, shown
    QGuiApplication.clipboard().setText(TITLE)

    QTest.keyClick(main, Qt.Key.Key_L, CTRL)

    assert isinstance(app.window, UnlockWindow)
    assert app.session is None
    assert not vault.is_open
    with pytest.raises(Exception):  # noqa: B017,PT011 - any failure: the key is gone
        vault.conn.execute("SELECT count(*) FROM records")
    assert shiboken6.isValid(main)  # deleted later; until then it must already be empty
    assert texts_containing(main, SECRET_WORDS) == []
    assert main.search.text() == ""
    assert QGuiApplication.clipboard().text() == ""


# --- auto-lock ------------------------------------------------------------------------------------


def test_autolock_after_idle_minutes_activity_resets_and_settings_change_the_timeout(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle, _ids = seeded_vault(tmp_path / "vault")
    clock = FakeClock()
    app = start_app(apps, handle.path, clock)
    main = unlock(qtbot, app)
    activate(qtbot, main)
    assert app.autolock is not None and app.autolock.minutes == 5  # the default setting
    autolock = app.autolock

    clock.advance(4 * 60 + 50)
    autolock.check()
    assert app.window is main
    QTest.keyClick(main.search, Qt.Key.Key_A)  # the user types: idle time starts again
    clock.advance(4 * 60 + 50)
    autolock.check()
    assert app.window is main and app.session is not None
    clock.advance(11)  # now five minutes without input
    autolock.check()
    assert is_locked(app)
    assert getattr(app, "autolock") is None  # noqa: B009 - not narrowed: unlock sets it again

    # the settings dialog, as the user opens it: one minute from now on
    main = unlock(qtbot, app)
    activate(qtbot, main)

    def one_minute(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.autolock.setValue(1)
        dialog.apply()

    answer = ModalAnswer(SettingsDialog, one_minute)
    main.settings_action.trigger()
    assert answer.seen, "the settings dialog did not open"
    assert app.autolock is not None and app.autolock.minutes == 1
    assert app.session is not None
    assert settings.get_int(app.session.records.conn, "autolock_minutes") == 1
    clock.advance(59)
    app.autolock.check()
    assert app.window is main
    clock.advance(2)
    app.autolock.check()
    assert isinstance(app.window, UnlockWindow)


def test_screen_lock_signal_locks_the_vault(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle, _ids = seeded_vault(tmp_path / "vault")
    app = start_app(apps, handle.path, FakeClock())
    main = unlock(qtbot, app)
    assert app.autolock is not None
    app.autolock.screensaver(False)  # the screen saver ending: nothing happens
    assert app.window is main and app.session is not None
    app.autolock.screensaver(True)
    assert isinstance(app.window, UnlockWindow)
    assert app.session is None


# --- clipboard ------------------------------------------------------------------------------------


def test_clipboard_guard_clears_what_it_copied_after_the_delay(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    guard = ClipboardGuard(0.2)
    guard.copy("fingerprint ABCD 1234")
    assert clipboard.text() == "fingerprint ABCD 1234"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)

    # another program replaced the text before the delay ran out: that text stays
    guard.copy("testimony excerpt")
    clipboard.blockSignals(True)  # the change does not come from one of fielddoc's windows
    try:
        clipboard.setText("another program's text")
    finally:
        clipboard.blockSignals(False)
    qtbot.wait(500)
    assert clipboard.text() == "another program's text"
    clipboard.clear()


def test_copy_in_an_active_window_is_cleared_too(qtbot: QtBot) -> None:
    """Ctrl+C in any field of an active fielddoc window, not only :meth:`copy`."""
    guard = ClipboardGuard(0.2)
    edit = QLineEdit("Абдуллаев Нурлан, ул. Токтогула 12")
    qtbot.addWidget(edit)
    activate(qtbot, edit)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_C, CTRL)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == edit.text()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)
    assert guard._copied is None


# --- panic ----------------------------------------------------------------------------------------


def test_panic_shortcut_opens_the_dialog_and_no_single_key_erases(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle, _ids = seeded_vault(tmp_path / "vault")
    app = start_app(apps, handle.path)
    main = unlock(qtbot, app)
    activate(qtbot, main)
    states: list[bool] = []

    def press_single_keys(dialog: QWidget) -> None:
        assert isinstance(dialog, PanicDialog)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_E):
            QTest.keyClick(dialog.focusWidget() or dialog, key)
            states.append(dialog.isVisible() and not dialog.erase_button.isEnabled())
        QTest.keyClick(dialog, Qt.Key.Key_E, PANIC_KEYS)  # the shortcut again
        states.append(dialog.isVisible())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        states.append(not dialog.isVisible())

    answer = ModalAnswer(PanicDialog, press_single_keys)
    QTest.keyClick(main, Qt.Key.Key_E, PANIC_KEYS)
    assert answer.seen, "Ctrl+Shift+Alt+E did not open the confirmation"
    assert states == [True] * 6
    assert (handle.path / KEYSLOTS_NAME).is_file()
    assert app.window is main and app.session is not None and app.session.is_open


def test_panic_needs_the_typed_word_then_erases_and_reopening_says_so(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle, _ids = seeded_vault(tmp_path / "vault")
    app = start_app(apps, handle.path)
    main = unlock(qtbot, app)

    for typed in ("", "ERAS", "erase it", "DELETE"):

        def type_wrong(dialog: QWidget, typed: str = typed) -> None:
            assert isinstance(dialog, PanicDialog)
            dialog.typed.setText(typed)
            assert not dialog.erase_button.isEnabled()
            dialog.typed.returnPressed.emit()
            assert dialog.isVisible()
            dialog.reject()

        answer = ModalAnswer(PanicDialog, type_wrong)
        main.panic_action.trigger()  # the Vault menu's entry
        assert answer.seen
        assert classify_folder(handle.path) == "vault"
        assert app.window is main and app.session is not None

    session = app.session
    assert session is not None and session.vault is not None
    vault = session.vault

    def type_word(dialog: QWidget) -> None:
        assert isinstance(dialog, PanicDialog)
        QTest.keyClicks(dialog.typed, "erase")
        assert dialog.erase_button.isEnabled()
        QTest.keyClick(dialog.typed, Qt.Key.Key_Return)

    answer = ModalAnswer(PanicDialog, type_word)
    main.panic_action.trigger()
    assert answer.seen
    assert classify_folder(handle.path) == "erased"
    assert not (handle.path / KEYSLOTS_NAME).exists()
    assert not vault.is_open
    assert app.session is None and app.main is None
    assert not main.isVisible()
    assert app.window is not None and app.window.objectName() == "erasedNotice"

    # a new start of the application on that folder: the notice, not a crash or an unlock
    again = start_app(apps, handle.path)
    assert again.window is not None
    assert again.window.objectName() == "erasedNotice"
    assert isinstance(again.window, QLabel)
    assert "was erased" in again.window.text()


def test_panic_erases_the_vault_that_is_open_not_the_default_folder(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    """The unlock window's "Open another vault" changes the folder; panic must follow it."""
    default, _ = seeded_vault(tmp_path / "default")
    other, _ = seeded_vault(tmp_path / "other")
    app = start_app(apps, default.path)
    window = app.window
    assert isinstance(window, UnlockWindow)
    window.vault_path = other.path  # what choose_vault() does after its folder dialog
    unlock(qtbot, app)
    app.erase_now()
    assert classify_folder(other.path) == "erased"
    assert classify_folder(default.path) == "vault"


# --- what is still undelivered ---------------------------------------------------------------


def _main_over(qtbot: QtBot, session: Session) -> MainWindow:
    main = MainWindow(session)
    qtbot.addWidget(main)
    return main


def test_field_window_shows_what_hq_has_not_confirmed_and_hq_window_does_not(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pair = make_pair(tmp_path)
    add_sample_content(pair, evidence_bytes=20_000)
    field_session, hq_session = Session(pair.field.vault), Session(pair.hq.vault)
    try:
        field = _main_over(qtbot, field_session)
        hq = _main_over(qtbot, hq_session)
        label = field.undelivered
        assert label is not None and label.isVisibleTo(field)

        def shows(text: str, *, exact: bool = True) -> None:
            # counted on a worker: wait for the label, not for a moment
            qtbot.waitUntil(
                lambda: label.text() == text if exact else label.text().startswith(text),
                timeout=UNLOCK_MS,
            )

        shows("Not yet confirmed by HQ: 2 of 2 records, 1 of 1 file (20.0 kB)")
        assert label.accessibleName()
        # HQ keeps everything: no such count anywhere in its window
        assert hq.undelivered is None
        assert texts_containing(hq, ("confirmed by HQ", "undelivered", "not yet")) == []

        outbox = field.pages[field.page_of(ExchangePage)]
        inbox = hq.pages[hq.page_of(ExchangePage)]
        assert isinstance(outbox, ExchangePage) and isinstance(inbox, ExchangePage)
        bundle = tmp_path / "out.fdbundle"
        with qtbot.waitSignal(outbox.operation_finished, timeout=UNLOCK_MS):
            outbox.export_bundle(bundle)
        # exported is not delivered: the count stays until HQ's receipt comes back
        with qtbot.waitSignal(field.delivery_shown, timeout=UNLOCK_MS):
            field.refresh_delivery()
        assert label.text().startswith("Not yet confirmed by HQ: 2 of 2 records, 1 of 1 file")

        receipts = tmp_path / "receipts"
        receipts.mkdir()
        inbox.set_receipts_dir(receipts)
        with qtbot.waitSignal(inbox.operation_finished, timeout=UNLOCK_MS):
            inbox.import_bundles([bundle])
        field_session.records.create("incident", {"title": "Новый случай"})
        field_session.notify("records")  # as the editor does after a save
        shows("Not yet confirmed by HQ: 3 of 3 records, 1 of 1 file", exact=False)
        (receipt,) = receipts.iterdir()
        with qtbot.waitSignal(outbox.operation_finished, timeout=UNLOCK_MS):
            outbox.import_receipt_file(receipt)
        shows("Not yet confirmed by HQ: 1 of 3 records, 0 of 1 file (0 bytes)")

        with qtbot.waitSignal(outbox.operation_finished, timeout=UNLOCK_MS):
            outbox.purge_now()
        shows("Not yet confirmed by HQ: 1 of 1 record, 0 of 0 files (0 bytes)")

        field_session.lock()
        assert label.text() == ""  # nothing of the vault stays after a lock
    finally:
        field_session.lock()
        hq_session.lock()
