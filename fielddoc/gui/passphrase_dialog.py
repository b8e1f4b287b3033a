"""Setting a new passphrase (after a recovery-code unlock, or from the Vault menu)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fielddoc.gui.messages import message_for
from fielddoc.gui.workers import Job
from fielddoc.passphrases import strength
from fielddoc.vault.vault import MIN_PASSPHRASE_CHARS, Vault


class NewPassphraseDialog(QDialog):
    def __init__(self, vault: Vault, *, need_old: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.need_old = need_old
        self.setWindowTitle(self.tr("New passphrase"))
        self.old = QLineEdit()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.old, self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setAccessibleName(self.tr("Current passphrase"))
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second.setAccessibleName(self.tr("Repeat new passphrase"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        if need_old:
            form.addRow(self.tr("&Current passphrase"), self.old)
        form.addRow(self.tr("&New passphrase"), self.first)
        form.addRow(self.tr("&Repeat"), self.second)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._job: Job | None = None

    def apply(self) -> None:
        new = self.first.text()
        if new != self.second.text():
            self.message.setText(self.tr("The two entries differ."))
            return
        if len(new) < MIN_PASSPHRASE_CHARS or strength(new).score < 3:
            self.message.setText(self.tr("Choose a longer passphrase: several words."))
            return
        old = self.old.text()
        vault = self.vault

        def job(_conn: object, _progress: object, _cancel: object) -> None:
            # the slot work is KDF only; the audit row is written by the GUI thread after
            if self.need_old:
                vault.change_passphrase_keys_only(old, new)
            else:
                vault.set_passphrase(new)

        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Changing the passphrase…"))
        self._job = Job(job, lambda: None, self)
        self._job.succeeded.connect(self._done)
        self._job.failed.connect(self._failed)
        self._job.start()

    def _done(self, _result: object) -> None:
        self.vault.log("passphrase_change")
        self.accept()

    def _failed(self, code: str, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message_for(code, message if code == "INTERNAL" else ""))
