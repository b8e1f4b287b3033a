"""The audit log: newest entries first, with the chain's state."""

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
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
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
                (str(entry.seq), format_time(entry.at), entry.action, entry.object_id or "")
            ):
                self.table.setItem(index, column, QTableWidgetItem(value))

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.state.clear()
