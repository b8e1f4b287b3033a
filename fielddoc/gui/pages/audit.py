"""The audit log: newest entries first, with the chain's state. Actions are shown as
translated phrases (an unknown action code, from a newer build, is shown as it is)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fielddoc import audit
from fielddoc.gui.models import format_time
from fielddoc.gui.pages.base import Page
from fielddoc.gui.session import Session

SHOWN = 500


class AuditPage(Page):
    topics = ("records", "evidence", "exchange", "cards", "settings")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.state = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):  # at most SHOWN rows: measuring them is cheap
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Audit log")

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Time"), self.tr("Action"), self.tr("Object")]
        )
        self.table.setAccessibleName(self.tr("Audit log"))
        if self.table.rowCount() and self.session.is_open:
            self.refresh()  # the actions and times are shown in the language just chosen

    def action_text(self, action: str) -> str:
        texts = {
            "vault_create": self.tr("Vault created"),
            "unlock": self.tr("Unlocked"),
            "recovery_unlock": self.tr("Unlocked with the recovery code"),
            "passphrase_change": self.tr("Passphrase changed"),
            "keyfile_change": self.tr("Key file changed"),
            "keys_export": self.tr("Keys exported"),
            "settings_change": self.tr("Setting changed"),
            "record_create": self.tr("Record created"),
            "record_edit": self.tr("Record edited"),
            "link_change": self.tr("Link changed"),
            "evidence_ingest": self.tr("Evidence added"),
            "evidence_verify": self.tr("Evidence verified"),
            "evidence_extract": self.tr("Evidence copy extracted"),
            "card_import": self.tr("Key card imported"),
            "card_revoke": self.tr("Key card revoked"),
            "export": self.tr("Bundle exported"),
            "import": self.tr("Bundle imported"),
            "receipt_write": self.tr("Receipt written"),
            "receipt_import": self.tr("Receipt imported"),
            "purge": self.tr("Delivered items purged"),
        }
        return texts.get(action, action)

    def refresh(self) -> None:
        conn = self.session.records.conn
        rows = list(audit.entries(conn, limit=SHOWN))[::-1]
        broken = audit.verify_chain(conn, self.session.vault_id)
        self.state.setText(
            self.tr("The audit chain links and hashes correctly.")
            if broken is None
            else self.tr("The audit chain is BROKEN at entry %1.").replace("%1", str(broken))
        )
        self.table.setRowCount(len(rows))
        for index, entry in enumerate(rows):
            for column, value in enumerate(
                (
                    str(entry.seq),
                    format_time(entry.at),
                    self.action_text(entry.action),
                    entry.object_id or "",
                )
            ):
                self.table.setItem(index, column, QTableWidgetItem(value))

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.state.clear()
