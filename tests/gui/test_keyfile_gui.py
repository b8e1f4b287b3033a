"""The key file in the GUI: chosen in the unlock window (trace-free dialog, never stored),
set, created, changed and removed from the Vault menu, and kept across a recovery unlock.

A wrong passphrase and a missing key file must read exactly the same on screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from fielddoc import audit
from fielddoc.gui.app import Application
from fielddoc.gui.mainwindow import MainWindow
from fielddoc.gui.passphrase_dialog import KeyFileDialog, NewPassphraseDialog
from fielddoc.gui.unlock import UnlockWindow
from fielddoc.vault.vault import open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, make_vault
from tests.gui.conftest import APP_FOLDER
from tests.gui.test_safety import ModalAnswer, start_app, try_unlock, unlock
from tests.gui.test_safety import apps as apps  # noqa: PLC0414 - the fixture, used by name

NEW_PASSPHRASE = "seven purple lanterns drift over quiet rivers"
JOB_MS = 30_000


def _locked_out_message(
    qtbot: QtBot, app: Application, passphrase: str, keyfile: Path | None
) -> str:
    window = try_unlock(qtbot, app, passphrase, keyfile)
    assert isinstance(app.window, UnlockWindow), "unlocked when it should not have"
    assert window.passphrase.text() == ""
    return window.error.text()


def _run_keyfile_dialog(qtbot: QtBot, main: MainWindow, fill: object) -> list[QWidget]:
    """Open Vault → Key file… and let ``fill(dialog)`` set it up; OK, wait until it closes."""

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, KeyFileDialog)
        fill(widget)  # type: ignore[operator]
        widget.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not widget.isVisible(), timeout=JOB_MS)
        assert widget.result() == QDialog.DialogCode.Accepted, widget.message.text()

    modal = ModalAnswer(KeyFileDialog, answer)
    main.keyfile_action.trigger()
    assert modal.seen, "Vault → Key file… did not open the dialog"
    return modal.seen


def _no_trace_of(path: Path) -> None:
    """Neither the full path nor the file name is in Qt's settings folder (dialog history)."""
    for stored in APP_FOLDER.rglob("*"):
        if stored.is_file():
            content = stored.read_bytes()
            assert str(path).encode() not in content, stored
            assert path.name.encode() not in content, stored


def test_key_file_set_from_the_menu_then_required_then_removed(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    app = start_app(apps, handle.path)
    main = unlock(qtbot, app)
    usb = tmp_path / "usb"
    usb.mkdir()
    key = usb / "stick-7f3a.key"

    # create a new random key file where the user says, and require it
    def create(dialog: KeyFileDialog) -> None:
        dialog.passphrase.setText(PASSPHRASE)
        assert dialog.create_keyfile_at(key)
        assert not dialog.create_keyfile_at(key)  # never over an existing file
        assert "No key file was written" in dialog.message.text()

    _run_keyfile_dialog(qtbot, main, create)
    assert key.stat().st_size == 64
    assert key.stat().st_mode & 0o077 == 0
    assert app.session is not None
    last = list(audit.entries(app.session.records.conn, limit=1))[-1]
    assert (last.action, last.detail) == ("keyfile_change", {"present": True})

    main.lock_action.trigger()
    wrong = _locked_out_message(qtbot, app, "not the passphrase at all", None)
    missing = _locked_out_message(qtbot, app, PASSPHRASE, None)
    other = tmp_path / "other.key"
    other.write_bytes(b"some other file")
    wrong_file = _locked_out_message(qtbot, app, PASSPHRASE, other)
    assert wrong == missing == wrong_file  # one calm message: nothing says a key file exists
    assert "could not be unlocked" in missing

    # choose the key file through the unlock window's button (Qt's own, scrubbed dialog)
    window = app.window
    assert isinstance(window, UnlockWindow)

    def pick(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        assert widget.testOption(QFileDialog.Option.DontUseNativeDialog)
        name_edit = widget.findChild(QLineEdit, "fileNameEdit")
        assert name_edit is not None
        name_edit.setText(str(key))  # typed into the dialog's file-name box
        widget.accept()

    chooser = ModalAnswer(QFileDialog, pick)
    window.keyfile_button.click()
    assert chooser.seen
    assert window.keyfile == key
    assert key.name in window.keyfile_label.text()
    _no_trace_of(key)
    main = unlock(qtbot, app, PASSPHRASE, key)

    # remove it again: the passphrase alone opens the vault
    def remove(dialog: KeyFileDialog) -> None:
        dialog.passphrase.setText(PASSPHRASE)
        dialog.remove.setChecked(True)

    _run_keyfile_dialog(qtbot, main, remove)
    main.lock_action.trigger()
    unlock(qtbot, app, PASSPHRASE)
    _no_trace_of(key)


def test_key_file_dialog_refuses_a_wrong_passphrase_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    key = tmp_path / "existing.key"
    key.write_bytes(b"\x01" * 32)
    app = start_app(apps, handle.path)
    main = unlock(qtbot, app)
    assert app.session is not None and app.session.vault is not None
    dialog = KeyFileDialog(app.session.vault, parent=main)
    qtbot.addWidget(dialog)
    dialog.apply()
    assert "Choose a key file" in dialog.message.text()  # nothing chosen yet
    dialog.set_new_keyfile(key)
    dialog.passphrase.setText("wrong passphrase here")
    assert dialog.buttons.isEnabled()  # nothing was started for the empty choice
    dialog.apply()
    assert dialog._job is not None
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=JOB_MS)
    assert "not right" in dialog.message.text()
    assert dialog.passphrase.text() == ""
    main.lock_action.trigger()
    unlock(qtbot, app, PASSPHRASE)  # still no key file needed


def test_recovery_unlock_with_the_key_file_keeps_it_for_the_new_passphrase(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle = make_vault(tmp_path / "vault")
    key = tmp_path / "usb.key"
    key.write_bytes(b"\x07" * 64)
    handle.vault.change_keyfile(PASSPHRASE, key)
    handle.vault.close()
    app = start_app(apps, handle.path)
    window = app.window
    assert isinstance(window, UnlockWindow)
    window.set_keyfile(key)
    notes: list[str] = []

    def new_passphrase(widget: QWidget) -> None:
        assert isinstance(widget, NewPassphraseDialog)
        notes.append(widget.note.text())
        widget.first.setText(NEW_PASSPHRASE)
        widget.second.setText(NEW_PASSPHRASE)
        widget.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not widget.isVisible(), timeout=JOB_MS)
        assert widget.result() == QDialog.DialogCode.Accepted, widget.message.text()

    modal = ModalAnswer(NewPassphraseDialog, new_passphrase)
    window.unlock_with_recovery(handle.recovery_code)
    qtbot.waitUntil(lambda: bool(modal.seen) and isinstance(app.window, MainWindow), timeout=JOB_MS)
    qtbot.waitUntil(lambda: not modal.seen[0].isVisible(), timeout=JOB_MS)
    assert "only together with the key file" in notes[0]
    assert isinstance(app.window, MainWindow)
    app.window.lock_action.trigger()
    missing = _locked_out_message(qtbot, app, NEW_PASSPHRASE, None)
    assert "could not be unlocked" in missing
    unlock(qtbot, app, NEW_PASSPHRASE, key).lock_action.trigger()
    # the core agrees: the new passphrase slot needs the key file
    open_vault(handle.path, NEW_PASSPHRASE, keyfile=key, floor=CHEAP_KDF).close()
