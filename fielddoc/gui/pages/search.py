"""Global search results across record types (Ctrl+F in the main window)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fielddoc.errors import FielddocError
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.pages.base import Page
from fielddoc.gui.session import Session
from fielddoc.records.search import search


class SearchPage(Page):
    open_record = Signal(str, str)  # template, record id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.query = ""
        self.summary = QLabel()
        self.results = QListWidget()
        self.results.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Search results")

    def retranslate(self) -> None:
        self.results.setAccessibleName(self.tr("Search results"))
        if self.query:
            self.search(self.query)

    def search(self, query: str) -> None:
        self.query = query
        self.results.clear()
        if not query.strip():
            self.summary.setText(self.tr("Type words to search for."))
            return
        try:
            hits = search(self.session.records.conn, query)
        except FielddocError:
            self.summary.setText(self.tr("Type words to search for."))
            return
        self.summary.setText(self.tr("%n record(s) found", "", len(hits)))
        for hit in hits:
            label = self.session.templates.get(hit.template).label(LANGUAGE.current)
            title = hit.title or self.tr("(untitled)")  # outside the f-string, for lupdate
            item = QListWidgetItem(f"{title} — {label}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.template, hit.id))
            self.results.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        template, record_id = item.data(Qt.ItemDataRole.UserRole)
        self.open_record.emit(template, record_id)

    def clear(self) -> None:
        self.results.clear()
        self.summary.clear()
        self.query = ""
