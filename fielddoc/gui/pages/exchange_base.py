"""What every part of the exchange page shares: its state, the activity area (progress, Stop,
the result of the last operation) and the running of jobs.

:class:`ExchangePageBase` is not a page on its own: ``ExchangePage``
(:mod:`fielddoc.gui.pages.exchange`) combines it with the card, inbox and outbox parts and
fills in the two hooks (:meth:`_build_sections`, :meth:`_update_buttons`). At most one job
runs at a time (:attr:`job`); :attr:`operation_finished` is emitted once per operation, after
its topics were notified. Texts use the translation context ``"ExchangePage"``, the class users see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fielddoc.exchange.purge import DeliveryStatus
from fielddoc.gui.export_wizard import ExportWizard
from fielddoc.gui.pages.base import Page
from fielddoc.gui.pages.exchange_jobs import ReportEntry
from fielddoc.gui.session import Session
from fielddoc.gui.workers import Job, JobFunction

translate = QCoreApplication.translate

SHOWN_BUNDLES = 200


def mono_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def table_item(text: str, data: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def new_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    for column in range(columns - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumHeight(90)
    table.setMaximumHeight(220)
    return table


class ExchangePageBase(Page):
    operation_finished = Signal(str, bool)  # kind, ok

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("exchangePage")
        self.hq = session.role == "hq"
        self.job: Job | None = None
        self._job_kind = ""
        self._result_render: Callable[[], str] | None = None
        self._busy_label: Callable[[], str] = str
        self._result_error = False
        self._status: DeliveryStatus | None = None
        self._own_fingerprint = ""
        self._own_name = ""
        self._own_role: str = session.role
        self.receipts_dir: Path | None = None
        self.entries: list[ReportEntry] = []
        self._queue: list[tuple[str, Path, bool]] = []
        self._queue_total = 0
        self._queue_done = 0
        self._batch_kinds: set[str] = set()
        self._batch_start = 0
        self._wizard: ExportWizard | None = None

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.addWidget(self.heading)
        self._build_sections()
        self.body.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    def _build_sections(self) -> None:
        """Add the page's group boxes to :attr:`body`, top to bottom (the page decides)."""
        raise NotImplementedError

    def _update_buttons(self) -> None:
        """Enable what may be used now: nothing that starts a job while one runs."""
        raise NotImplementedError

    def _build_activity(self) -> None:
        """Progress of the running job and the result of the last operation."""
        self.progress = QProgressBar()
        self.progress.hide()
        self.busy = QLabel()
        self.busy.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_job)
        self.result = QLabel()
        self.result.setObjectName("exchangeResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.result.setTextFormat(Qt.TextFormat.PlainText)

    def _activity_widgets(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addWidget(self.busy)
        layout.addLayout(row)
        layout.addWidget(self.result)

    # --- results and jobs -----------------------------------------------------------------

    def _show_result(self, render: Callable[[], str] | None, *, error: bool = False) -> None:
        self._result_render = render
        self._result_error = error
        self._render_result()

    def _render_result(self) -> None:
        if self._result_render is None:
            self.result.clear()
            return
        self.result.setText(self._result_render())
        self.result.setStyleSheet("color: #b00020;" if self._result_error else "")

    def _show_error(self, code: str, message: str, prefix: Callable[[], str] | None = None) -> None:
        def render() -> str:
            text = self.error_text(code, message)
            return f"{prefix()} {text}" if prefix is not None else text

        self._show_result(render, error=True)

    def _start(self, kind: str, fn: JobFunction, label: Callable[[], str]) -> Job:
        self._job_kind = kind
        self._busy_label = label
        job = self.session.run(fn)
        self.job = job
        job.progress.connect(self._job_progress)
        job.finished.connect(self._job_finished)
        self.progress.setRange(0, 0)
        self._render_busy()
        self._update_buttons()
        return job

    def _render_busy(self) -> None:
        running = self.job is not None
        for widget in (self.progress, self.busy, self.cancel_button):
            widget.setVisible(running)
        if running:
            self.busy.setText(self._busy_label())

    def _job_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _job_finished(self) -> None:
        self.job = None
        self._render_busy()
        self._update_buttons()

    def cancel_job(self) -> None:
        self._queue.clear()
        if self.job is not None:
            self.job.cancel()
            self.busy.setText(translate("ExchangePage", "Stopping…"))

    def _finish(self, kind: str, ok: bool, topics: tuple[str, ...]) -> None:
        if self.session.is_open:
            for topic in topics:
                self.session.notify(topic)
            if not (self.isVisible() and set(topics) & set(self.topics)):
                self.refresh()  # otherwise the notification refreshed this page already
        self.operation_finished.emit(kind, ok)
