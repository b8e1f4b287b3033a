"""The unlock window (``ui/unlock.ui``): passphrase, recovery code, another vault, language.

Unlocking runs on a worker thread (Argon2id takes about a second); the window stays
responsive and shows one calm, generic message on failure. On success it emits ``unlocked``
with the open vault (its connection released, so the GUI thread opens its own).
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


def _open(path: Path, *, passphrase: str | None = None, code: str | None = None) -> Any:
    def job(_conn: object, _progress: object, _cancel: object) -> Vault:
        vault = open_vault(path, passphrase, recovery_code=code)
        vault.release_connection()
        return vault

    return job


class UnlockWindow(QWidget):
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
        child(self.form, QPushButton, "otherButton").clicked.connect(self.choose_vault)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(LANGUAGE.current))
        self.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language.currentData())
        )
        self._job: Job | None = None
        self._show_path()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_path(self) -> None:
        self.vault_label.setText(self.tr("Vault: %1").replace("%1", str(self.vault_path)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_path()
        super().changeEvent(event)

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
        self._run(_open(self.vault_path, passphrase=secret))

    def use_recovery(self) -> None:
        code, ok = QInputDialog.getText(
            self,
            self.tr("Recovery code"),
            self.tr("Type the recovery code you wrote down when the vault was created:"),
        )
        if ok and code.strip():
            self._run(_open(self.vault_path, code=code))

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
        self.error.setText(message_for(code, message if code == "INTERNAL" else ""))
        self.passphrase.setFocus()
