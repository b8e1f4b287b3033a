"""The unlock window (``ui/unlock.ui``): passphrase, optional key file, recovery code,
another vault, language.

Unlocking runs on a worker thread (Argon2id takes about a second); the window stays
responsive and shows one calm, generic message on failure: a wrong passphrase, a missing key
file and a wrong key file all read the same, so the screen never tells anyone that a key file
exists. On success it emits ``unlocked`` with the open vault (its connection released, so the
GUI thread opens its own).

The key file's path lives only in this window's memory (chosen in fielddoc's trace-free file
dialog, which scrubs Qt's dialog history); a new window after a lock starts without one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fielddoc.gui import dialogs
from fielddoc.gui.i18n import LANGUAGE, LANGUAGES
from fielddoc.gui.messages import message_for
from fielddoc.gui.uiloader import child, load_form
from fielddoc.gui.workers import Job
from fielddoc.vault.vault import Vault, open_vault


def _open(
    path: Path,
    *,
    passphrase: str | None = None,
    code: str | None = None,
    keyfile: Path | None = None,
) -> Any:
    def job(_conn: object, _progress: object, _cancel: object) -> Vault:
        vault = open_vault(path, passphrase, recovery_code=code, keyfile=keyfile)
        vault.release_connection()
        return vault

    return job


class UnlockWindow(QWidget):
    """Emits ``unlocked(vault)``; ``unlocked_with_recovery`` is True when the last success
    came from the recovery code (the app then asks for a new passphrase)."""

    unlocked = Signal(object)  # Vault
    language_chosen = Signal(str)

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_path = vault_path
        self.form = load_form("unlock.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.passphrase = child(self.form, QLineEdit, "passphraseEdit")
        self.error = child(self.form, QLabel, "errorLabel")
        self.vault_label = child(self.form, QLabel, "vaultLabel")
        self.unlock_button = child(self.form, QPushButton, "unlockButton")
        self.language = child(self.form, QComboBox, "languageCombo")
        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        child(self.form, QPushButton, "recoveryButton").clicked.connect(self.use_recovery)
        self.keyfile_label = child(self.form, QLabel, "keyfileLabel")
        self.keyfile_button = child(self.form, QPushButton, "keyfileButton")
        self.keyfile_clear = child(self.form, QPushButton, "keyfileClearButton")
        self.keyfile_button.clicked.connect(self.choose_keyfile)
        self.keyfile_clear.clicked.connect(lambda: self.set_keyfile(None))
        self.keyfile: Path | None = None
        self.unlocked_with_recovery = False
        child(self.form, QPushButton, "otherButton").clicked.connect(self.choose_vault)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(LANGUAGE.current))
        self.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language.currentData())
        )
        self._job: Job | None = None
        self._show_path()
        self._show_keyfile()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_path(self) -> None:
        self.vault_label.setText(self.tr("Vault: %1").replace("%1", str(self.vault_path)))

    def _show_keyfile(self) -> None:
        if self.keyfile is None:
            self.keyfile_label.setText(self.tr("Key file: none"))
        else:
            self.keyfile_label.setText(self.tr("Key file: %1").replace("%1", self.keyfile.name))
        self.keyfile_clear.setEnabled(self.keyfile is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.form.windowTitle())
            self._show_path()
            self._show_keyfile()
        super().changeEvent(event)

    def choose_keyfile(self) -> None:
        path = dialogs.open_file(self, self.tr("Choose the key file"))
        if path is not None:
            self.set_keyfile(path)

    def set_keyfile(self, path: Path | None) -> None:
        """Use ``path`` as the key file for the next unlock (None: no key file)."""
        self.keyfile = path
        self._show_keyfile()
        self.error.clear()

    def _busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Unlocking…"))

    def _run(self, job_fn: Any) -> None:
        self._busy(True)
        self._job = Job(job_fn, lambda: None, self)
        self._job.succeeded.connect(self._done)
        self._job.failed.connect(self._failed)
        self._job.start()

    def try_unlock(self) -> None:
        if self._job is not None and self._job.running:
            return
        secret = self.passphrase.text()
        self.passphrase.clear()
        if not secret:
            self.error.setText(self.tr("Type your passphrase."))
            return
        self.unlocked_with_recovery = False
        self._run(_open(self.vault_path, passphrase=secret, keyfile=self.keyfile))

    def use_recovery(self) -> None:
        code, ok = QInputDialog.getText(
            self,
            self.tr("Recovery code"),
            self.tr("Type the recovery code you wrote down when the vault was created:"),
        )
        if ok and code.strip():
            self.unlock_with_recovery(code)

    def unlock_with_recovery(self, code: str) -> None:
        """Unlock with the recovery code. The chosen key file (if any) does not open the
        vault here, but the new passphrase set afterwards keeps requiring it."""
        if self._job is not None and self._job.running:
            return
        self.unlocked_with_recovery = True
        self._run(_open(self.vault_path, code=code, keyfile=self.keyfile))

    def choose_vault(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Open a vault folder"))
        if folder is not None:
            self.vault_path = folder
            self._show_path()
            self.error.clear()

    def _done(self, vault: object) -> None:
        self._busy(False)
        self.error.clear()
        self.unlocked.emit(vault)

    def _failed(self, code: str, message: str) -> None:
        self._busy(False)
        if code == "UNLOCK_FAILED":
            text = self.tr(
                "The vault could not be unlocked with what was given. Check the passphrase, "
                "the keyboard layout and, if your vault needs one, the key file."
            )
        elif code == "BAD_INPUT" and self.keyfile is not None:
            text = self.tr("The chosen key file cannot be read. Choose it again.")
        else:
            text = message_for(code, message if code == "INTERNAL" else "")
        self.error.setText(text)
        self.passphrase.setFocus()
