"""The record picker of the Evidence page: search records (an empty search lists the most
recently changed) and pick one; evidence records are never offered. After ``accept``,
:attr:`RecordPicker.chosen_id` and :attr:`RecordPicker.chosen_title` name the record.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import FielddocError
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.pages.evidence_table import ID_ROLE
from fielddoc.gui.session import Session

PICKER_RECENT = 50


class RecordPicker(QDialog):
    """Search records (empty search: the most recently changed) and pick one."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.chosen_id: str | None = None
        self.chosen_title = ""
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.hint = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self.query.textChanged.connect(self.search)
        self.query.returnPressed.connect(self._focus_results)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.results.currentRowChanged.connect(lambda _row: self._update_ok())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Choose a record"))
        self.hint.setText(self.tr("Type words from the record's title or text:"))
        self.query.setAccessibleName(self.tr("Search records"))
        self.results.setAccessibleName(self.tr("Records found"))
        self.resize(520, 420)
        self.search("")

    def _focus_results(self) -> None:
        if self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.results.currentItem() is not None)

    def search(self, text: str) -> None:
        from fielddoc.records.search import search

        self.results.clear()
        records = self.session.records
        found: list[tuple[str, str, str]] = []
        try:
            if text.strip():
                found = [(hit.id, hit.template, hit.title) for hit in search(records.conn, text)]
            else:
                found = [(s.id, s.template, s.title) for s in records.list(limit=PICKER_RECENT)]
        except FielddocError:
            found = []
        for record_id, template, title in found:
            if template == "evidence":
                continue
            label = self.session.templates.get(template).label(LANGUAGE.current)
            shown = title or self.tr("(untitled)")  # outside the f-string, for lupdate
            item = QListWidgetItem(f"{shown} — {label}")
            item.setData(ID_ROLE, (record_id, title or record_id))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._update_ok()

    def accept(self) -> None:
        if self.results.currentRow() < 0:
            return
        item = self.results.currentItem()
        self.chosen_id, self.chosen_title = item.data(ID_ROLE)
        super().accept()
