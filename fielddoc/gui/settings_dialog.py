"""Vault settings (stored in the vault, never in QSettings): auto-lock, clipboard, language,
and the way to the key-file dialog. OK stores what changed and announces ``settings`` on the
session, on which the application applies them at once (auto-lock timeout, clipboard delay,
language) without closing any window."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fielddoc import settings
from fielddoc.gui.i18n import LANGUAGES
from fielddoc.gui.session import Session


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Settings"))
        conn = session.records.conn
        self.autolock = QSpinBox()
        self.autolock.setRange(1, 240)
        self.autolock.setValue(settings.get_int(conn, "autolock_minutes"))
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.clipboard = QSpinBox()
        self.clipboard.setRange(5, 600)
        self.clipboard.setValue(settings.get_int(conn, "clipboard_clear_seconds"))
        self.clipboard.setSuffix(self.tr(" s"))
        self.clipboard.setAccessibleName(self.tr("Clear copied text after this many seconds"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(str(settings.get(conn, "language"))))
        self.language.setAccessibleName(self.tr("Language"))
        form = QFormLayout()
        form.addRow(self.tr("&Lock after idle"), self.autolock)
        form.addRow(self.tr("&Clear copied text after"), self.clipboard)
        form.addRow(self.tr("Lan&guage"), self.language)
        self.keyfile_button = QPushButton(self.tr("&Key file…"))
        self.keyfile_button.setAccessibleName(self.tr("Add, change or remove the key file"))
        self.keyfile_button.clicked.connect(self.open_keyfile)
        form.addRow(self.tr("Second factor"), self.keyfile_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def open_keyfile(self) -> None:
        from fielddoc.gui.passphrase_dialog import KeyFileDialog

        if self.session.vault is not None:
            KeyFileDialog(self.session.vault, parent=self).exec()

    def values(self) -> dict[str, object]:
        return {
            "autolock_minutes": self.autolock.value(),
            "clipboard_clear_seconds": self.clipboard.value(),
            "language": self.language.currentData(),
        }

    def apply(self) -> None:
        conn = self.session.records.conn
        for key, value in self.values().items():
            if settings.get(conn, key) != value:
                settings.set_value(
                    conn, key, value, vault_id=self.session.vault_id, device=self.session.device_id
                )
        self.session.notify("settings")
        self.accept()
