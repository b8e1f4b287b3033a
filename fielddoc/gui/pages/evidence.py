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

The page's pieces live beside it: the list model (:mod:`~fielddoc.gui.pages.evidence_table`),
the record picker (``evidence_picker``), the Details tab (``evidence_details``) and the worker
jobs with the words for their results (``evidence_jobs``); their names are importable from
here too. Texts outside this class keep the translation context ``"EvidencePage"``.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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

from fielddoc.errors import FielddocError
from fielddoc.evidence.ingest import EVIDENCE_RELATION
from fielddoc.evidence.store import Evidence, VerifyResult
from fielddoc.gui import dialogs
from fielddoc.gui.pages.base import Page
from fielddoc.gui.pages.evidence_details import details_html
from fielddoc.gui.pages.evidence_jobs import (
    ExtractReport,
    IngestOutcome,
    IngestReport,
    added_text,
    duplicate_text,
    extract_job,
    extracted_text,
    ingest_error_text,
    ingest_job,
    ingest_progress_text,
    message_text,
    verify_job,
    verify_text,
)
from fielddoc.gui.pages.evidence_picker import RecordPicker
from fielddoc.gui.pages.evidence_table import (
    ID_ROLE,
    SHORT_HASH,
    SORT_ROLE,
    EvidenceRow,
    EvidenceTableModel,
    problem_text,
)
from fielddoc.gui.session import Session
from fielddoc.gui.viewer import EvidenceViewer
from fielddoc.gui.workers import Job

__all__ = [
    "ID_ROLE",
    "SORT_ROLE",
    "EvidencePage",
    "EvidenceTableModel",
    "ExtractReport",
    "IngestOutcome",
    "IngestReport",
    "RecordPicker",
    "message_text",
    "problem_text",
]

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
            EvidenceRow(item, tuple(title_of(r) for r in store.records_of(item.id)))
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
        self.details.setHtml(
            details_html(
                item,
                records,
                events,
                this_device=self.session.device_id,
                state=self.model.state_text(item),
            )
        )

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
        count = len(files)
        self._start(
            "ingest",
            ingest_job(self.session, files, sizes, target),
            lambda: self.tr("Adding %n file(s)…", "", count),
        )
        return self.job

    def _ingest_done(self, report: IngestReport) -> None:
        lines: list[Callable[[], str]] = []
        for outcome in report.outcomes:
            name = outcome.path.name
            result = outcome.result
            if result is not None and result.duplicate_of is None:
                lines.append(partial(added_text, name, result.sha256[:SHORT_HASH]))
            elif result is not None:
                lines.append(partial(duplicate_text, name, result.original_name, result.id))
            else:
                lines.append(partial(ingest_error_text, name, outcome.error_code or "INTERNAL"))
        if report.cancelled:
            lines.append(partial(self._cancelled_text, len(report.outcomes)))
        if report.failed_code is not None:
            lines.append(partial(message_text, report.failed_code))
        self._set_results(lines)

    def _cancelled_text(self, kept: int) -> str:
        return self.tr(
            "Cancelled. The file being read was not stored; %n file(s) finished before the "
            "cancel were kept.",
            "",
            kept,
        )

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
        targets = list(ids) if ids is not None else None
        count = len(targets) if targets is not None else len(self.model.ids())
        self._start(
            "verify",
            verify_job(self.session, targets),
            lambda: self.tr("Verifying %n file(s)…", "", count),
        )
        return self.job

    def _verify_done(self, results: list[VerifyResult]) -> None:
        self.model.set_verified(results)
        names = {i: self.model.item(self.model.row_of(i)).original_name for i in self.model.ids()}
        failed = sum(1 for r in results if not r.ok)
        lines: list[Callable[[], str]] = [partial(self._verify_summary, len(results), failed)]
        lines.extend(
            partial(verify_text, names.get(result.id, result.id), result)
            for result in sorted(results, key=lambda r: r.ok)
        )
        self._set_results(lines)

    def _verify_summary(self, total: int, failed: int) -> str:
        if failed:
            return self.tr("%n file(s) FAILED verification.", "", failed)
        return self.tr("%n file(s) verified, all intact.", "", total)

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
        target = Path(destination)
        self._extract_target = (evidence_id, target)
        self._start(
            "extract",
            extract_job(self.session, evidence_id, target),
            lambda: self.tr("Writing an unencrypted copy…"),
        )
        return self.job

    def _extract_done(self, report: ExtractReport) -> None:
        if report.error_code is None:
            self._set_results([partial(extracted_text, report)])
        else:
            self._set_results([partial(message_text, report.error_code)])

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
            self.progress_label.setText(
                ingest_progress_text(self._ingest_sizes, self._ingest_names, done, total)
            )

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
