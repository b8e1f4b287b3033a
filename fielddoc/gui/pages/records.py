"""One page per record template: a lazily fetched, sortable list and a detail pane."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import FielddocError
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.models import RecordTableModel, format_time
from fielddoc.gui.pages.base import Page
from fielddoc.gui.provenance import provenance_html
from fielddoc.gui.render import record_html
from fielddoc.gui.session import Session


class RecordsPage(Page):
    topics = ("records", "evidence", "exchange")
    add_evidence_requested = Signal(str, str)  # record id, title

    def __init__(self, session: Session, template: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.template_name = template
        self.template = session.templates.get(template)
        self.model = RecordTableModel(session, template, self)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.new_button = QPushButton()
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.edit_button = QPushButton()
        self.edit_button.setShortcut(QKeySequence("Ctrl+E"))
        self.history_button = QPushButton()
        self.history_button.setShortcut(QKeySequence("Ctrl+H"))
        self.evidence_button = QPushButton()
        for button in (self.edit_button, self.history_button, self.evidence_button):
            button.setEnabled(False)
        self.table = QTableView()
        self.table.setModel(self.model)
        # the indicator first: switching sorting on then asks for the order the model has
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self.edit_selected)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading)
        buttons.addStretch()
        for button in (
            self.new_button,
            self.edit_button,
            self.history_button,
            self.evidence_button,
        ):
            buttons.addWidget(button)
        # the record below the list, not beside it: the list keeps the window's width, so
        # titles stay readable next to dates and levels (in Russian the columns are wide)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([450, 350])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.history_button.clicked.connect(self.show_history)
        self.evidence_button.clicked.connect(self._add_evidence)
        self.retranslate()

    def title(self) -> str:
        return self.template.label(LANGUAGE.current)

    def retranslate(self) -> None:
        self.heading.setText(f"<h3>{self.title()}</h3>")
        self.new_button.setText(self.tr("&New"))
        self.new_button.setAccessibleName(self.tr("New record"))
        self.edit_button.setText(self.tr("&Edit"))
        self.history_button.setText(self.tr("&History"))
        self.evidence_button.setText(self.tr("Add e&vidence…"))
        self.evidence_button.setAccessibleName(self.tr("Add evidence files to this record"))
        self.table.setAccessibleName(self.tr("Records"))
        # dates on one line: widths from a sample (measuring 100k rows would stall the view)
        sample = format_time("2026-12-31T23:59:00.000Z")
        width = self.table.fontMetrics().horizontalAdvance(sample) + 24
        for column in (1, 2):
            self.table.setColumnWidth(column, width)
        # the headers of the short columns whole (in Russian they are the longest text there)
        metrics = self.table.horizontalHeader().fontMetrics()
        for column in (3, 4):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, metrics.horizontalAdvance(title) + 40)
        self.detail.setAccessibleName(self.tr("Record details"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)
        self._show(self.selected_id())

    def refresh(self) -> None:
        keep = self.selected_id()
        self.model.reload()
        if keep:
            self.select(keep)

    def clear(self) -> None:
        self.model.clear()
        self.detail.clear()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record_id(rows[0].row()) if rows else None

    def select(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        while row < 0 and self.model.canFetchMore(self.model.index(-1, -1)):
            self.model.fetchMore(self.model.index(-1, -1))
            row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        record_id = self.selected_id()
        for button in (self.edit_button, self.history_button, self.evidence_button):
            button.setEnabled(record_id is not None)
        self._show(record_id)

    def _title_of(self, record_id: str) -> str:
        try:
            return self.session.records.get(record_id).summary.title or record_id
        except FielddocError:
            return record_id

    def _show(self, record_id: str | None) -> None:
        if record_id is None or not self.session.is_open:
            self.detail.clear()
            return
        try:
            record = self.session.records.get(record_id)
        except FielddocError:
            self.detail.clear()
            return
        body = record_html(
            self.template, record.body, self.session.templates, LANGUAGE.current, self._title_of
        )
        summary = record.summary
        meta = self.tr("Updated %1 · %n revision(s) · sensitivity: %2", "", summary.revision_count)
        meta = meta.replace("%1", format_time(summary.updated_at)).replace(
            "%2", self.model.sensitivity_text(summary.sensitivity)
        )
        attached = self._evidence_html(record_id)
        origin = provenance_html(self.session.records.conn, record_id)
        self.detail.setHtml(body + attached + origin + f"<p><small>{meta}</small></p>")

    def _evidence_html(self, record_id: str) -> str:
        items = self.session.evidence.items(record_id)
        if not items:
            return ""
        rows = "".join(
            f"<li>{html.escape(item.original_name or item.id)} "
            f"<small>({html.escape(item.mime_type)}, sha256 {item.sha256[:16]}…)</small></li>"
            for item in items
        )
        heading = html.escape(self.tr("Evidence"))  # not in the f-string: lupdate skips those
        return f"<h4>{heading}</h4><ul>{rows}</ul>"

    def _add_evidence(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.add_evidence_requested.emit(record_id, self._title_of(record_id))

    def new_record(self) -> None:
        from fielddoc.gui.editor import RecordEditor

        editor = RecordEditor(self.session, self.template_name, None, self)
        if editor.exec() and editor.saved_id:
            self.session.notify("records")
            self.refresh()
            self.select(editor.saved_id)

    def edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        from fielddoc.gui.editor import RecordEditor

        editor = RecordEditor(self.session, self.template_name, record_id, self)
        if editor.exec():
            self.session.notify("records")
            self.refresh()

    def show_history(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        from fielddoc.gui.history import HistoryDialog

        HistoryDialog(self.session, record_id, self).exec()
