"""First run, unlock, lock, wrong passphrase, erased vault: the application's top-level flow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fielddoc.gui.app import Application
from fielddoc.gui.firstrun import CHECKED_GROUPS, FirstRunWizard
from fielddoc.gui.mainwindow import MainWindow
from fielddoc.gui.unlock import UnlockWindow
from fielddoc.vault.panic import erase
from tests.conftest import PASSPHRASE, make_vault


def unlock(qtbot: QtBot, app: Application, passphrase: str) -> None:
    window = app.window
    assert isinstance(window, UnlockWindow)
    window.passphrase.setText(passphrase)
    window.try_unlock()


def test_first_run_creates_vault_and_opens_main_window(qtbot: QtBot, tmp_path: Path) -> None:
    app = Application(tmp_path / "vault")
    app.start()
    wizard = app.window
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    # a label with a mnemonic and no buddy would show its '&' as text
    for label in wizard.findChildren(QLabel):
        if "&" in label.text().replace("&&", ""):
            assert label.buddy() is not None, f"{label.text()!r} shows its '&'"
    wizard.role_page.name.setText("Aigul laptop")
    assert wizard.role_page.isComplete()
    wizard.next()
    page = wizard.pass_page
    page.first.setText("short")
    page.second.setText("short")
    assert not page.isComplete()
    page._suggest()
    assert page.isComplete()
    wizard.next()
    recovery = wizard.recovery_page
    qtbot.waitUntil(lambda: bool(recovery.recovery_code), timeout=60_000)
    assert not recovery.isComplete()
    groups = recovery.recovery_code.split("-")
    recovery.check.setText(" ".join(groups[i].lower() for i in CHECKED_GROUPS))
    assert recovery.isComplete()
    wizard.accept()
    qtbot.waitUntil(lambda: isinstance(app.window, MainWindow), timeout=10_000)
    assert app.session is not None and app.session.role == "field"
    assert recovery.code.text() == ""  # the code is not left in a widget
    app.lock()
    assert isinstance(app.window, UnlockWindow)
    assert app.session is None


def test_wrong_passphrase_then_unlock_and_lock(qtbot: QtBot, tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    app = Application(handle.path)
    app.start()
    window = app.window
    assert isinstance(window, UnlockWindow)
    qtbot.addWidget(window)
    unlock(qtbot, app, "not the passphrase")
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=20_000)
    assert "could not be unlocked" in window.error.text()
    assert window.passphrase.text() == ""
    unlock(qtbot, app, PASSPHRASE)
    qtbot.waitUntil(lambda: isinstance(app.window, MainWindow), timeout=20_000)
    main = app.window
    assert isinstance(main, MainWindow)
    main.lock_action.trigger()
    assert isinstance(app.window, UnlockWindow)
    assert app.session is None


def test_erased_vault_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    erase(handle.path, handle.vault)
    app = Application(handle.path)
    app.start()
    assert app.window is not None
    qtbot.addWidget(app.window)
    assert app.window.objectName() == "erasedNotice"
