"""Changing what opens the vault: a new passphrase (after a recovery-code unlock, or from
the Vault menu) and the key file (add, change, remove, or create a new random one).

Both re-wrap the vault key with Argon2id, which takes about a second, so the keyslot work
runs on a worker thread and the audit row is written afterwards by the GUI thread (which owns
the database connection). A wrong current passphrase fails with the generic unlock message
and changes nothing. Key-file paths are held by the dialog only while it is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import FielddocError
from fielddoc.gui import dialogs
from fielddoc.gui.messages import message_for
from fielddoc.gui.workers import Job
from fielddoc.passphrases import strength
from fielddoc.vault.vault import MIN_PASSPHRASE_CHARS, Vault, create_keyfile


class NewPassphraseDialog(QDialog):
    """``keyfile_kept`` (after a recovery unlock): whether a key file was chosen at unlock,
    i.e. whether the new passphrase will need it too; the dialog says which."""

    def __init__(
        self,
        vault: Vault,
        *,
        need_old: bool,
        parent: QWidget | None = None,
        keyfile_kept: bool | None = None,
    ) -> None:
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
        self.message.setAccessibleName(self.tr("Message"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        if keyfile_kept is True:
            self.note.setText(
                self.tr("The new passphrase will work only together with the key file you chose.")
            )
        elif keyfile_kept is False:
            self.note.setText(
                self.tr(
                    "No key file was chosen: the new passphrase will open the vault on its own. "
                    "Add a key file again from the Vault menu if you used one."
                )
            )
        self.note.setVisible(keyfile_kept is not None)
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
        layout.addWidget(self.note)
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


class KeyFileDialog(QDialog):
    """Require a key file (an existing file, or a new random one written now) or stop
    requiring one. Needs the current passphrase; the current key file is the one the vault
    was unlocked with. Emits ``accepted`` after the change is on disk and audited."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.new_keyfile: Path | None = None
        self.setWindowTitle(self.tr("Key file"))
        intro = QLabel(
            self.tr(
                "A key file is a second secret kept apart from this laptop, for example on a "
                "USB stick. With one set, the vault opens only with the passphrase and the key "
                "file together. fielddoc never remembers where the key file is. Keep a copy: "
                "without it only the recovery code opens the vault."
            )
        )
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Current passphrase"))
        self.require = QRadioButton(self.tr("&Require this key file:"))
        self.remove = QRadioButton(self.tr("&Stop requiring a key file"))
        self.require.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.require)
        group.addButton(self.remove)
        self.chosen = QLabel(self.tr("(none chosen)"))
        self.chosen.setAccessibleName(self.tr("Chosen key file"))
        self.chosen.setWordWrap(True)
        choose = QPushButton(self.tr("&Choose a file…"))
        choose.setAccessibleName(self.tr("Choose an existing key file"))
        choose.clicked.connect(self.choose_existing)
        create = QPushButton(self.tr("Create a &new key file…"))
        create.setAccessibleName(self.tr("Create a new random key file"))
        create.clicked.connect(self.choose_new)
        file_row = QHBoxLayout()
        file_row.addWidget(self.chosen, 1)
        file_row.addWidget(choose)
        file_row.addWidget(create)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        form = QFormLayout()
        form.addRow(self.tr("&Current passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.require)
        layout.addLayout(file_row)
        layout.addWidget(self.remove)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._job: Job | None = None

    def set_new_keyfile(self, path: Path) -> None:
        self.new_keyfile = path
        self.require.setChecked(True)
        self.chosen.setText(path.name)
        self.message.clear()

    def choose_existing(self) -> None:
        path = dialogs.open_file(self, self.tr("Choose the key file"))
        if path is not None:
            self.set_new_keyfile(path)

    def choose_new(self) -> None:
        path = dialogs.save_file(self, self.tr("Where should the new key file go?"), "fielddoc.key")
        if path is not None:
            self.create_keyfile_at(path)

    def create_keyfile_at(self, path: Path) -> bool:
        """Write a new random key file at ``path`` (never over an existing file) and choose it."""
        try:
            create_keyfile(path)
        except FielddocError:
            self.message.setText(
                self.tr(
                    "No key file was written: a file of that name exists already, or the "
                    "folder cannot be written. Choose another place."
                )
            )
            return False
        self.set_new_keyfile(path)
        self.message.setText(
            self.tr("New key file written. Copy it somewhere safe before you press OK.")
        )
        return True

    def apply(self) -> None:
        if self._job is not None and self._job.running:
            return
        new = None if self.remove.isChecked() else self.new_keyfile
        if self.require.isChecked() and new is None:
            self.message.setText(self.tr("Choose a key file or create a new one first."))
            return
        secret = self.passphrase.text()
        vault = self.vault

        def job(_conn: object, _progress: object, _cancel: object) -> bool:
            return vault.change_keyfile_keys_only(secret, new)

        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Changing the key file…"))
        self._job = Job(job, lambda: None, self)
        self._job.succeeded.connect(self._done)
        self._job.failed.connect(self._failed)
        self._job.start()

    def _done(self, present: object) -> None:
        self.passphrase.clear()
        self.vault.log("keyfile_change", present=bool(present))
        self.accept()

    def _failed(self, code: str, message: str) -> None:
        self.buttons.setEnabled(True)
        self.passphrase.clear()
        if code == "UNLOCK_FAILED":
            self.message.setText(self.tr("The current passphrase is not right. Nothing changed."))
        else:
            self.message.setText(message_for(code, message if code == "INTERNAL" else ""))
