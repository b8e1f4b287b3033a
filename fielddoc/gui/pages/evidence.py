"""The Evidence page: the list of evidence files, adding (file dialog or drag and drop),
viewing from memory, verification, extraction and attaching to records.

Long work (ingest, verify, extract) runs on a worker thread through :meth:`Session.run`, with
a progress bar and a Cancel button; the page hears back only through the job's signals. A
cancelled ingest leaves nothing of the file being read (the core removes its partial blob);
files finished before the cancel stay and are listed as added. Plaintext only reaches the disk
through Extract, after a warning, to a path the user chose in fielddoc's trace-free dialog.

Tests and other pages drive the page through :meth:`add_files`, :meth:`verify`,
:meth:`extract_to` and :meth:`select`; :attr:`ingest_finished`, :attr:`verify_finished` and
:attr:`extract_finished` fire when a job ends (also on failure or cancel).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import CancelledError, FielddocError
from fielddoc.evidence.ingest import EVIDENCE_RELATION, IngestResult
from fielddoc.evidence.store import Evidence, VerifyResult
from fielddoc.gui import dialogs
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.models import format_time
from fielddoc.gui.pages.base import Page
from fielddoc.gui.session import Session
from fielddoc.gui.viewer import EvidenceViewer, base_type
from fielddoc.gui.workers import Job

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole
SHORT_HASH = 12
PICKER_RECENT = 50


def _size_text(size: int) -> str:
    return LANGUAGE.locale().formattedDataSize(size)


def _fill(text: str, *values: object) -> str:
    """Replace ``%1``, ``%2``, ... (highest first, so %1 never eats the start of %10)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


# --- results of jobs ---------------------------------------------------------------------


@dataclass(frozen=True)
class IngestOutcome:
    """One file of an add: its result, or the error code that stopped it."""

    path: Path
    result: IngestResult | None = None
    error_code: str | None = None
    error_message: str = ""


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    cancelled: bool = False
    failed_code: str | None = None  # the whole job failed (vault locked, internal error)

    @property
    def added(self) -> list[IngestResult]:
        return [o.result for o in self.outcomes if o.result and o.result.duplicate_of is None]

    @property
    def duplicates(self) -> list[IngestResult]:
        return [o.result for o in self.outcomes if o.result and o.result.duplicate_of]


@dataclass
class ExtractReport:
    evidence_id: str
    destination: Path
    written: int = 0
    error_code: str | None = None


# --- the list ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    item: Evidence
    records: tuple[str, ...]  # titles of the records it is attached to


class EvidenceTableModel(QAbstractTableModel):
    COLUMNS = ("name", "type", "size", "acquired", "sha256", "records", "state")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self.verified: dict[str, VerifyResult] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Size"),
            self.tr("Acquired"),
            self.tr("SHA-256"),
            self.tr("Attached to"),
            self.tr("State"),
        ]

    def set_rows(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])
        self.verified = {}

    def set_verified(self, results: Sequence[VerifyResult]) -> None:
        for result in results:
            self.verified[result.id] = result
        self.refresh_texts()

    def refresh_texts(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def item(self, row: int) -> Evidence:
        return self._rows[row].item

    def records(self, row: int) -> tuple[str, ...]:
        return self._rows[row].records

    def row_of(self, evidence_id: str) -> int:
        for row, entry in enumerate(self._rows):
            if entry.item.id == evidence_id:
                return row
        return -1

    def ids(self) -> list[str]:
        return [row.item.id for row in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.headers()[section]
        return None

    def state_text(self, item: Evidence) -> str:
        if item.purged:
            return self.tr("Delivered, removed here")
        result = self.verified.get(item.id)
        if result is None:
            return self.tr("Stored")
        if result.ok:
            return self.tr("Verified: intact")
        return self.tr("FAILED: %1").replace("%1", problem_text(self, result.problem))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        item = entry.item
        column = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return item.id
        if role == SORT_ROLE:
            sort_values: dict[str, Any] = {
                "name": item.original_name.casefold(),
                "type": item.mime_type,
                "size": item.size,
                "acquired": item.acquired_at,
                "sha256": item.sha256,
                "records": len(entry.records),
                "state": self.state_text(item),
            }
            return sort_values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "sha256":
                return item.sha256
            if column == "records":
                return "\n".join(entry.records)
            if column == "name":
                return item.original_name
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = {
                "name": item.original_name,
                "type": base_type(item.mime_type),
                "size": _size_text(item.size),
                "acquired": format_time(item.acquired_at),
                "sha256": item.sha256[:SHORT_HASH],
                "records": ", ".join(entry.records),
                "state": self.state_text(item),
            }
            return texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def problem_text(context: QObject, problem: str | None) -> str:
    def tr(text: str) -> str:
        return context.tr(text)

    texts = {
        "missing": tr("the encrypted file is missing"),
        "damaged": tr("the encrypted file was altered or damaged"),
        "mismatch": tr("the content does not match the hash taken when it was added"),
        "unreadable": tr("the encrypted file cannot be read"),
        "purged": tr("delivered and removed from this laptop"),
    }
    return texts.get(problem or "", problem or "")


# --- picking a record --------------------------------------------------------------------


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
            item = QListWidgetItem(f"{title or self.tr('(untitled)')} — {label}")
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


# --- the page ----------------------------------------------------------------------------


class EvidencePage(Page):
    topics = ("evidence", "records")
    ingest_finished = Signal(object)  # IngestReport
    verify_finished = Signal(object)  # list[VerifyResult] (empty on failure or cancel)
    extract_finished = Signal(object)  # ExtractReport

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setAcceptDrops(True)
        self.job: Job | None = None
        self.job_kind = ""
        self.attach_record_id: str | None = None
        self.attach_record_title = ""
        self._notifying = False
        self._shown_id: str | None = None
        self._results: list[Callable[[], str]] = []
        self._progress_text: Callable[[], str] = str
        self._ingest_sizes: list[int] = []
        self._ingest_names: list[str] = []
        self._extract_target: tuple[str, Path] = ("", Path())

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        layout.addWidget(self._build_progress())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setSizes([620, 480])
        layout.addWidget(splitter, 1)
        self._connect()
        self.retranslate()

    def _build_top(self) -> QVBoxLayout:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.add_button = QPushButton()
        self.add_button.setShortcut(QKeySequence.StandardKey.Open)
        self.verify_all_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.add_button)
        top.addWidget(self.verify_all_button)
        self.target_label = QLabel()
        self.target_button = QPushButton()
        self.target_clear_button = QPushButton()
        target = QHBoxLayout()
        target.addWidget(self.target_label, 1)
        target.addWidget(self.target_button)
        target.addWidget(self.target_clear_button)
        both = QVBoxLayout()
        both.addLayout(top)
        both.addLayout(target)
        return both

    def _build_progress(self) -> QWidget:
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton()
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_row.hide()
        return self.progress_row

    def _build_list(self) -> QWidget:
        self.model = EvidenceTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, 140)
        self.table.verticalHeader().hide()
        self.results_label = QLabel()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setMaximumHeight(130)
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.results_label)
        layout.addWidget(self.results)
        return left

    def _build_detail(self) -> QWidget:
        self.verify_button = QPushButton()
        self.extract_button = QPushButton()
        self.attach_button = QPushButton()
        actions = QHBoxLayout()
        for button in (self.verify_button, self.extract_button, self.attach_button):
            button.setEnabled(False)
            actions.addWidget(button)
        actions.addStretch()
        self.viewer = EvidenceViewer()
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.viewer, "")
        self.tabs.addTab(self.details, "")
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.tabs)
        return pane

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.choose_files)
        self.verify_all_button.clicked.connect(lambda: self.verify(None))
        self.target_button.clicked.connect(self.choose_target)
        self.target_clear_button.clicked.connect(lambda: self.set_attach_target(None))
        self.cancel_button.clicked.connect(self.cancel)
        self.verify_button.clicked.connect(self.verify_selected)
        self.extract_button.clicked.connect(self.extract_selected)
        self.attach_button.clicked.connect(self.attach_selected)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        order = (
            self.add_button,
            self.verify_all_button,
            self.target_button,
            self.target_clear_button,
            self.cancel_button,
            self.table,
            self.results,
            self.verify_button,
            self.extract_button,
            self.attach_button,
            self.tabs,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- Page hooks ----------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Evidence")

    def retranslate(self) -> None:
        self.heading.setText(f"<h3>{html.escape(self.title())}</h3>")
        self.add_button.setText(self.tr("&Add files…"))
        self.add_button.setAccessibleName(self.tr("Add evidence files"))
        self.add_button.setToolTip(self.tr("Add files (you can also drop files on this page)"))
        self.verify_all_button.setText(self.tr("Verify a&ll"))
        self.verify_all_button.setAccessibleName(self.tr("Verify all evidence files"))
        self.target_button.setText(self.tr("Attach new files &to…"))
        self.target_button.setAccessibleName(self.tr("Choose a record for new files"))
        self.target_clear_button.setText(self.tr("&No record"))
        self.target_clear_button.setAccessibleName(self.tr("Do not attach new files to a record"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running operation"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.verify_button.setText(self.tr("&Verify"))
        self.verify_button.setAccessibleName(self.tr("Verify the selected file"))
        self.extract_button.setText(self.tr("E&xtract copy…"))
        self.extract_button.setAccessibleName(
            self.tr("Save an unencrypted copy of the selected file")
        )
        self.attach_button.setText(self.tr("Attach to &record…"))
        self.attach_button.setAccessibleName(self.tr("Attach the selected file to a record"))
        self.table.setAccessibleName(self.tr("Evidence files"))
        self.details.setAccessibleName(self.tr("Evidence details"))
        self.tabs.setTabText(0, self.tr("&Preview"))
        self.tabs.setTabText(1, self.tr("&Details"))
        self.tabs.setAccessibleName(self.tr("Selected evidence"))
        self.results_label.setText(self.tr("Results of the last operation:"))
        self.results.setAccessibleName(self.tr("Results of the last operation"))
        self._update_target_label()
        self.progress_label.setText(self._progress_text())
        self._render_results()
        self.model.refresh_texts()
        self._show_details()

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        keep = self.selected_id()
        store = self.session.evidence
        titles: dict[str, str] = {}

        def title_of(record_id: str) -> str:
            if record_id not in titles:
                try:
                    titles[record_id] = (
                        self.session.records.get(record_id).summary.title or record_id
                    )
                except FielddocError:
                    titles[record_id] = record_id
            return titles[record_id]

        rows = [
            _Row(item, tuple(title_of(r) for r in store.records_of(item.id)))
            for item in store.items()
        ]
        self.model.set_rows(rows)
        if keep is not None:
            self.select(keep)
        self._selected()

    def clear(self) -> None:
        self.model.clear()
        self.viewer.clear()
        self.details.clear()
        self.results.clear()
        self._results = []
        self._shown_id = None
        self.attach_record_id, self.attach_record_title = None, ""
        self._update_target_label()
        self._end_job()

    def _on_changed(self, topic: str) -> None:
        if not self._notifying:
            super()._on_changed(topic)

    def _changed(self) -> None:
        """Reload, then tell the other views (without reloading this page twice)."""
        self.refresh()
        self._notifying = True
        try:
            self.session.notify("evidence")
        finally:
            self._notifying = False

    # --- selection and details -----------------------------------------------------------

    def selected_id(self) -> str | None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return str(rows[0].data(ID_ROLE)) if rows else None

    def selected_item(self) -> Evidence | None:
        evidence_id = self.selected_id()
        if evidence_id is None:
            return None
        row = self.model.row_of(evidence_id)
        return self.model.item(row) if row >= 0 else None

    def select(self, evidence_id: str) -> bool:
        row = self.model.row_of(evidence_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _selected(self, *_args: QItemSelection) -> None:
        item = self.selected_item()
        busy = self.job is not None
        self.verify_button.setEnabled(item is not None and not item.purged and not busy)
        self.extract_button.setEnabled(item is not None and not item.purged and not busy)
        self.attach_button.setEnabled(item is not None and not busy)
        if item is None:
            if self._shown_id is not None:
                self.viewer.clear()
            self._shown_id = None
        elif item.id != self._shown_id or (item.purged and self.viewer.mode != "message"):
            self._shown_id = item.id
            self.viewer.show_item(self.session.evidence, item)
        self._show_details()

    def _show_details(self) -> None:
        item = self.selected_item()
        if item is None or not self.session.is_open:
            self.details.clear()
            return
        try:
            events = self.session.evidence.events(item.id)
        except FielddocError:
            events = []
        row = self.model.row_of(item.id)
        records = self.model.records(row) if row >= 0 else ()
        self.details.setHtml(self._details_html(item, records, events))

    def _details_html(self, item: Evidence, records: Sequence[str], events: Sequence[Any]) -> str:
        esc = html.escape

        def row(label: str, value: str, *, mono: bool = False) -> str:
            shown = f"<code>{esc(value)}</code>" if mono else esc(value)
            return f"<tr><th align='left' valign='top'>{esc(label)}</th><td>{shown}</td></tr>"

        device = self._device_text(item.acquired_device)
        rows = [
            row(self.tr("SHA-256"), item.sha256, mono=True),
            row(self.tr("Evidence id"), item.id, mono=True),
            row(self.tr("Size"), f"{_size_text(item.size)} ({item.size})"),
            row(self.tr("Type"), item.mime_type),
            row(self.tr("Acquired"), f"{format_time(item.acquired_at)} · {device}"),
        ]
        if item.file_modified:
            rows.append(row(self.tr("File last modified"), format_time(item.file_modified)))
        rows.append(row(self.tr("Attached to"), ", ".join(records) or self.tr("no record")))
        rows.append(row(self.tr("State"), self.model.state_text(item)))
        parts = [
            f"<h3>{esc(item.original_name)}</h3>",
            f"<table cellspacing='4'>{''.join(rows)}</table>",
        ]
        meta = self._metadata_rows(item.metadata)
        if meta:
            parts.append(f"<h4>{esc(self.tr('Metadata'))}</h4>")
            parts.append(
                "<table cellspacing='4'>"
                + "".join(row(label, value) for label, value in meta)
                + "</table>"
            )
        parts.append(f"<h4>{esc(self.tr('Chain of custody'))}</h4>")
        head = "".join(
            f"<th align='left'>{esc(h)}</th>"
            for h in (self.tr("#"), self.tr("Event"), self.tr("Time"), self.tr("Device"))
        )
        head += f"<th align='left'>{esc(self.tr('Details'))}</th>"
        body = "".join(
            "<tr>"
            f"<td>{event.seq}</td><td>{esc(self._event_text(event.event))}</td>"
            f"<td>{esc(format_time(event.at))}</td>"
            f"<td>{esc(self._device_text(event.device))}</td>"
            f"<td>{esc(self._event_detail(event.event, event.detail))}</td>"
            "</tr>"
            for event in events
        )
        parts.append(f"<table cellspacing='4'><tr>{head}</tr>{body}</table>")
        return "".join(parts)

    def _device_text(self, device: str) -> str:
        if device == self.session.device_id:
            return self.tr("this laptop")
        return self.tr("device %1").replace("%1", device[-12:])

    def _event_text(self, event: str) -> str:
        texts = {
            "ingest": self.tr("Added to the vault"),
            "verify": self.tr("Verified"),
            "extract": self.tr("Unencrypted copy extracted"),
            "export": self.tr("Exported in a bundle"),
            "import": self.tr("Imported from a bundle"),
            "delivery": self.tr("Delivery confirmed by HQ"),
            "purge": self.tr("Removed from this laptop"),
        }
        return texts.get(event, event)

    def _event_detail(self, event: str, detail: dict[str, Any]) -> str:
        if event == "verify":
            if detail.get("ok"):
                return self.tr("intact")
            return self.tr("FAILED: %1").replace("%1", problem_text(self, detail.get("problem")))
        if event == "ingest" and "size" in detail:
            return _size_text(int(detail["size"]))
        return ", ".join(f"{key}: {value}" for key, value in sorted(detail.items()))

    def _metadata_rows(self, metadata: dict[str, Any]) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        image = metadata.get("image", {})
        if "width" in image and "height" in image:
            size = f"{image['width']} × {image['height']}"
            rows.append((self.tr("Image size"), f"{size} ({image.get('format', '')})".strip()))
        exif = metadata.get("exif", {})
        if "capture_time" in exif:
            rows.append((self.tr("Photo taken (camera clock)"), str(exif["capture_time"])))
        camera = " ".join(str(exif[k]) for k in ("camera_make", "camera_model") if k in exif)
        if camera:
            rows.append((self.tr("Camera"), camera))
        if "software" in exif:
            rows.append((self.tr("Software"), str(exif["software"])))
        pdf = metadata.get("pdf", {})
        for key, label in (
            ("page_count", self.tr("Pages")),
            ("creation_date", self.tr("Document created")),
            ("producer", self.tr("Producer")),
            ("creator", self.tr("Creator")),
        ):
            if key in pdf:
                rows.append((label, str(pdf[key])))
        if pdf.get("encrypted"):
            rows.append((self.tr("Password protected"), self.tr("yes")))
        media = metadata.get("media", {})
        if "duration_ms" in media:
            seconds = int(media["duration_ms"]) // 1000
            rows.append(
                (
                    self.tr("Duration"),
                    f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
                )
            )
        for key, label in (
            ("container", self.tr("Container")),
            ("codec", self.tr("Codec")),
            ("channels", self.tr("Channels")),
            ("sample_rate", self.tr("Sample rate (Hz)")),
            ("creation_time", self.tr("Recorded (device clock)")),
        ):
            if key in media:
                rows.append((label, str(media[key])))
        for gps in (exif.get("gps"), media.get("gps")):
            if isinstance(gps, dict) and "latitude" in gps and "longitude" in gps:
                where = f"{gps['latitude']}, {gps['longitude']}"
                if "altitude_m" in gps:
                    where += " · " + self.tr("%1 m above sea level").replace(
                        "%1", str(gps["altitude_m"])
                    )
                rows.append((self.tr("GPS position"), where))
                if "time_utc" in gps:
                    rows.append((self.tr("GPS time (UTC)"), str(gps["time_utc"])))
        return rows

    # --- adding ---------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.job is not None:
            return
        paths = dialogs.open_files(self, self.tr("Add evidence files"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[Path], record_id: str | None = None) -> Job | None:
        """Ingest ``paths`` on a worker (attached to ``record_id``, default: the chosen
        target record). Returns the job, or None when another job is still running."""
        if self.job is not None or not paths or not self.session.is_open:
            if self.job is not None:
                self._set_results([lambda: self.tr("Wait until the current operation ends.")])
            return None
        files = [Path(p) for p in paths]
        target = record_id if record_id is not None else self.attach_record_id
        sizes = []
        for path in files:
            try:
                sizes.append(path.stat().st_size)
            except OSError:
                sizes.append(0)
        self._ingest_sizes = sizes
        self._ingest_names = [p.name for p in files]
        session = self.session

        def ingest(
            conn: Any, progress: Callable[[int, int], None], cancel: Callable[[], bool]
        ) -> IngestReport:
            store = session.worker_context(conn).evidence
            report = IngestReport()
            total = max(sum(sizes), 1)
            before = 0
            for path, size in zip(files, sizes, strict=True):
                if cancel():
                    report.cancelled = True
                    break
                start = before

                def step(done: int, _total: int, start: int = start) -> None:
                    progress(min(start + done, total), total)

                try:
                    result = store.ingest(path, record_id=target, progress=step, cancel=cancel)
                    report.outcomes.append(IngestOutcome(path, result))
                except CancelledError:
                    report.cancelled = True
                    break
                except FielddocError as exc:
                    message = exc.message if exc.code == "INTERNAL" else ""
                    report.outcomes.append(IngestOutcome(path, None, exc.code, message))
                before += size
                progress(min(before, total), total)
            return report

        count = len(files)
        self._start(
            "ingest",
            ingest,
            lambda: self.tr("Adding %n file(s)…", "", count),
        )
        return self.job

    def _ingest_progress_text(self, done: int, total: int) -> str:
        sizes = self._ingest_sizes
        whole = sum(sizes)
        reached = done * whole // total if total else 0
        index, running = 0, 0
        for index, size in enumerate(sizes):  # noqa: B007 - index is used after the loop
            running += size
            if reached < running:
                break
        return _fill(
            self.tr("Adding file %1 of %2: %3"),
            index + 1,
            len(sizes),
            self._ingest_names[index] if self._ingest_names else "",
        )

    def _ingest_done(self, report: IngestReport) -> None:
        lines: list[Callable[[], str]] = []
        for outcome in report.outcomes:
            name = outcome.path.name
            result = outcome.result
            if result is not None and result.duplicate_of is None:
                lines.append(partial(self._added_text, name, result.sha256[:SHORT_HASH]))
            elif result is not None:
                lines.append(partial(self._duplicate_text, name, result.original_name, result.id))
            else:
                lines.append(
                    partial(self._ingest_error_text, name, outcome.error_code or "INTERNAL")
                )
        if report.cancelled:
            lines.append(partial(self._cancelled_text, len(report.outcomes)))
        if report.failed_code is not None:
            lines.append(partial(message_text, report.failed_code))
        self._set_results(lines)

    def _added_text(self, name: str, short_hash: str) -> str:
        return _fill(self.tr("%1: added (SHA-256 %2…)"), name, short_hash)

    def _duplicate_text(self, name: str, existing: str, evidence_id: str) -> str:
        return _fill(
            self.tr("%1: already in the vault as “%2” (%3); it was not stored again."),
            name,
            existing,
            evidence_id,
        )

    def _cancelled_text(self, kept: int) -> str:
        return self.tr(
            "Cancelled. The file being read was not stored; %n file(s) finished before the "
            "cancel were kept.",
            "",
            kept,
        )

    def _ingest_error_text(self, name: str, code: str) -> str:
        if code == "BAD_INPUT":
            reason = self.tr(
                "could not be read (missing, a folder, unreadable, or changed while it was "
                "read). Nothing was stored."
            )
        else:
            reason = message_text(code)
        return _fill(self.tr("%1: %2"), name, reason)

    # --- drag and drop --------------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDropEvent) -> list[Path]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event) and self.job is None and self.session.is_open:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_paths(event) and self.job is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.add_files(paths)

    # --- the record new files are attached to --------------------------------------------

    def set_attach_target(self, record_id: str | None, title: str = "") -> None:
        self.attach_record_id = record_id
        self.attach_record_title = title or (record_id or "")
        self._update_target_label()

    def _update_target_label(self) -> None:
        if self.attach_record_id is None:
            self.target_label.setText(self.tr("New files are not attached to a record."))
        else:
            self.target_label.setText(
                self.tr("New files will be attached to: %1").replace("%1", self.attach_record_title)
            )
        self.target_label.setAccessibleName(self.target_label.text())

    def _pick_record(self) -> tuple[str, str] | None:
        picker = RecordPicker(self.session, self)
        try:
            if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen_id:
                return picker.chosen_id, picker.chosen_title
            return None
        finally:
            picker.deleteLater()

    def choose_target(self) -> None:
        chosen = self._pick_record()
        if chosen is not None:
            self.set_attach_target(*chosen)

    def attach_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        chosen = self._pick_record()
        if chosen is not None:
            self.attach(item.id, chosen[0])

    def attach(self, evidence_id: str, record_id: str) -> bool:
        """Attach existing evidence to a record (a revisioned link, audited)."""
        try:
            self.session.records.set_link(record_id, evidence_id, EVIDENCE_RELATION, active=True)
        except FielddocError as exc:
            code = exc.code
            self._set_results([lambda: message_text(code)])
            return False
        self._changed()
        return True

    # --- verify ---------------------------------------------------------------------------

    def verify_selected(self) -> None:
        evidence_id = self.selected_id()
        if evidence_id is not None:
            self.verify([evidence_id])

    def verify(self, ids: Sequence[str] | None) -> Job | None:
        """Re-hash ``ids`` (None: all) from their ciphertext on a worker."""
        if self.job is not None or not self.session.is_open:
            return None
        session = self.session
        targets = list(ids) if ids is not None else None

        def run(
            conn: Any, progress: Callable[[int, int], None], cancel: Callable[[], bool]
        ) -> list[VerifyResult]:
            store = session.worker_context(conn).evidence
            return store.verify(targets, progress=progress, cancel=cancel)

        count = len(targets) if targets is not None else len(self.model.ids())
        self._start("verify", run, lambda: self.tr("Verifying %n file(s)…", "", count))
        return self.job

    def _verify_done(self, results: list[VerifyResult]) -> None:
        self.model.set_verified(results)
        names = {i: self.model.item(self.model.row_of(i)).original_name for i in self.model.ids()}
        failed = sum(1 for r in results if not r.ok)
        lines: list[Callable[[], str]] = [partial(self._verify_summary, len(results), failed)]
        lines.extend(
            partial(self._verify_text, names.get(result.id, result.id), result)
            for result in sorted(results, key=lambda r: r.ok)
        )
        self._set_results(lines)

    def _verify_summary(self, total: int, failed: int) -> str:
        if failed:
            return self.tr("%n file(s) FAILED verification.", "", failed)
        return self.tr("%n file(s) verified, all intact.", "", total)

    def _verify_text(self, name: str, result: VerifyResult) -> str:
        if result.ok and result.problem == "purged":
            return _fill(self.tr("%1: delivered and removed here; skipped"), name)
        if result.ok:
            return _fill(self.tr("%1: intact, matches its SHA-256"), name)
        return _fill(
            self.tr("%1 (%2): FAILED, %3"), name, result.id, problem_text(self, result.problem)
        )

    # --- extract --------------------------------------------------------------------------

    def extract_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.purged or self.job is not None:
            return
        warning = self.tr(
            "The copy will NOT be encrypted. Anyone who gets this computer or the disk or "
            "USB stick you save it to can open it, and deleting it later may not remove it "
            "from the disk. Save it only where it is needed, and remove it when done."
        )
        if not dialogs.confirm(
            self,
            self.tr("Save an unencrypted copy?"),
            warning,
            action=self.tr("Save unencrypted copy"),
        ):
            return
        destination = dialogs.save_file(
            self, self.tr("Save an unencrypted copy"), item.original_name
        )
        if destination is None:
            return
        if destination.exists():
            dialogs.show_error(
                self,
                self.tr("Extract"),
                self.tr("A file with this name already exists there. Choose a new name."),
            )
            return
        self.extract_to(item.id, destination)

    def extract_to(self, evidence_id: str, destination: Path) -> Job | None:
        """Write the plaintext of ``evidence_id`` to ``destination`` (must not exist)."""
        if self.job is not None or not self.session.is_open:
            return None
        session = self.session
        target = Path(destination)
        self._extract_target = (evidence_id, target)

        def run(
            conn: Any, progress: Callable[[int, int], None], cancel: Callable[[], bool]
        ) -> ExtractReport:
            store = session.worker_context(conn).evidence
            written = store.extract(evidence_id, target, progress=progress, cancel=cancel)
            return ExtractReport(evidence_id, target, written)

        self._start("extract", run, lambda: self.tr("Writing an unencrypted copy…"))
        return self.job

    def _extract_done(self, report: ExtractReport) -> None:
        if report.error_code is None:
            self._set_results([partial(self._extracted_text, report)])
        else:
            self._set_results([partial(message_text, report.error_code)])

    def _extracted_text(self, report: ExtractReport) -> str:
        return _fill(
            self.tr("Unencrypted copy written to %1 (%2). Remove it when done."),
            report.destination,
            _size_text(report.written),
        )

    # --- jobs -----------------------------------------------------------------------------

    def _start(
        self,
        kind: str,
        fn: Callable[[Any, Callable[[int, int], None], Callable[[], bool]], Any],
        text: Callable[[], str],
    ) -> None:
        self.job_kind = kind
        self._progress_text = text
        self.progress_label.setText(text())
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress_row.show()
        self.cancel_button.setEnabled(True)
        for button in (self.add_button, self.verify_all_button):
            button.setEnabled(False)
        job = self.session.run(fn)
        self.job = job
        self._selected()
        job.progress.connect(self._job_progress)
        job.succeeded.connect(partial(self._job_succeeded, job))
        job.failed.connect(partial(self._job_failed, job))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _job_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))
        if self.job_kind == "ingest" and self.cancel_button.isEnabled():
            self.progress_label.setText(self._ingest_progress_text(done, total))

    def _end_job(self) -> None:
        self.job = None
        self.job_kind = ""
        self._progress_text = str
        self.progress_row.hide()
        self.progress.reset()
        for button in (self.add_button, self.verify_all_button):
            button.setEnabled(True)
        self._selected()

    def _job_succeeded(self, job: Job, result: object) -> None:
        if job is not self.job:
            return
        kind = self.job_kind
        self._end_job()
        if not self.session.is_open:
            return
        if kind == "ingest" and isinstance(result, IngestReport):
            self._changed()
            added = [r.id for r in result.added] or [r.id for r in result.duplicates]
            if added:
                self.select(added[-1])
            self._ingest_done(result)
            self.ingest_finished.emit(result)
        elif kind == "verify" and isinstance(result, list):
            self._changed()
            self._verify_done(result)
            self.verify_finished.emit(result)
        elif kind == "extract" and isinstance(result, ExtractReport):
            self._changed()
            self._extract_done(result)
            self.extract_finished.emit(result)

    def _job_failed(self, job: Job, code: str, message: str) -> None:
        if job is not self.job:
            return
        kind = self.job_kind
        self._end_job()
        if self.session.is_open:
            self._changed()
        if kind == "verify" and code == "CANCELLED":
            self._set_results([lambda: self.tr("Verification cancelled.")])
        else:
            self._set_results([lambda: self.error_text(code, message)])
        if kind == "ingest":
            self.ingest_finished.emit(IngestReport(cancelled=code == "CANCELLED", failed_code=code))
        elif kind == "verify":
            self.verify_finished.emit([])
        elif kind == "extract":
            evidence_id, destination = self._extract_target
            self.extract_finished.emit(ExtractReport(evidence_id, destination, error_code=code))

    # --- results list ---------------------------------------------------------------------

    def _set_results(self, lines: list[Callable[[], str]]) -> None:
        self._results = lines
        self._render_results()

    def _render_results(self) -> None:
        self.results.clear()
        for line in self._results:
            text = line()
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.results.addItem(item)

    def result_texts(self) -> list[str]:
        return [self.results.item(i).text() for i in range(self.results.count())]


def message_text(code: str) -> str:
    from fielddoc.gui.messages import message_for

    return message_for(code)
