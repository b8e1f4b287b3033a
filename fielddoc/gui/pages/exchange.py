"""The exchange page: "Outbox" in a field vault, "Inbox" in an HQ vault.

Both roles: this vault's key card (fingerprint large, copy, export to a file) and the other
side's cards (import with fingerprint confirmation, list, revoke).

Field: how much HQ has not confirmed yet, the export wizard, receipt import, purge of what was
delivered (with a confirmation that lists it), and the two purge settings.

HQ: import of one or many bundles (each on the worker in turn, all or nothing), a verification
report per bundle, receipts written into a chosen folder, "accept the gap" only by an explicit
confirmation on one out-of-sequence bundle, verify without importing, and a receipt written
again for any imported bundle.

Every long step runs through :meth:`Session.run` with the worker's own connection; the page
hears back through the job's signals and announces the end of each operation with
:attr:`ExchangePage.operation_finished` (kind, ok). The methods that take paths
(:meth:`export_bundle`, :meth:`import_bundles`, :meth:`import_receipt_file` ...) are the ones
the buttons call after their file dialog, so tests drive the page without dialogs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fielddoc import settings
from fielddoc.errors import FielddocError
from fielddoc.exchange import cards
from fielddoc.exchange.export import ExportResult
from fielddoc.exchange.importer import BundleReport
from fielddoc.exchange.purge import DeliveryStatus, PurgeResult, delivery_status
from fielddoc.exchange.receipts import ReceiptResult
from fielddoc.fsutil import write_new_file
from fielddoc.gui import dialogs
from fielddoc.gui.exchange_dialogs import (
    CardImportDialog,
    ExportWizard,
    FingerprintLabel,
    confirm_purge,
    data_size,
    export_job,
    purge_preview,
    role_text,
)
from fielddoc.gui.messages import message_for
from fielddoc.gui.models import format_time
from fielddoc.gui.pages.base import Page
from fielddoc.gui.session import Session
from fielddoc.gui.workers import Job, JobFunction

SHOWN_BUNDLES = 200
GAP_CODE = "BUNDLE_OUT_OF_SEQUENCE"


@dataclass(frozen=True)
class ReceiptOutcome:
    receipt: ReceiptResult
    policy: PurgeResult | None  # the purge_after_days policy run after the receipt, if any


@dataclass
class ReportEntry:
    mode: str  # "import" | "verify"
    path: Path
    report: BundleReport | None  # None: the job itself failed (code, message below)
    code: str = ""
    message: str = ""
    gap_accepted: bool = False


# --- job functions (run on the worker with its own connection) -----------------------------


def _import_job(
    session: Session, path: Path, accept_gap: bool, receipts_dir: Path | None
) -> JobFunction:
    def run(conn: Any, _progress: Any, cancel: Any) -> BundleReport:
        from fielddoc.exchange.importer import import_bundle

        ctx = session.worker_context(conn)
        return import_bundle(
            ctx, path, accept_gap=accept_gap, receipts_dir=receipts_dir, cancel=cancel
        )

    return run


def _verify_job(session: Session, path: Path) -> JobFunction:
    def run(conn: Any, _progress: Any, cancel: Any) -> BundleReport:
        from fielddoc.exchange.importer import verify_bundle

        return verify_bundle(session.worker_context(conn), path, cancel=cancel)

    return run


def _receipt_job(session: Session, path: Path) -> JobFunction:
    def run(conn: Any, _progress: Any, _cancel: Any) -> ReceiptOutcome:
        from fielddoc.exchange.purge import apply_policy
        from fielddoc.exchange.receipts import import_receipt

        ctx = session.worker_context(conn)
        result = import_receipt(ctx, path)
        policy = None
        if not result.already_imported and not settings.get_bool(conn, "purge_on_receipt"):
            policy = apply_policy(ctx)
        return ReceiptOutcome(result, policy)

    return run


def _purge_job(session: Session, older_than_days: int | None) -> JobFunction:
    def run(conn: Any, _progress: Any, _cancel: Any) -> PurgeResult:
        from fielddoc.exchange.purge import purge_delivered

        return purge_delivered(session.worker_context(conn), older_than_days=older_than_days)

    return run


def _write_receipt_job(session: Session, bundle_id: str, folder: Path) -> JobFunction:
    def run(conn: Any, _progress: Any, _cancel: Any) -> Path:
        from fielddoc.exchange.receipts import write_receipt

        return write_receipt(session.worker_context(conn), bundle_id, folder)

    return run


def _card_file_name(name: str) -> str:
    safe = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.") or "fielddoc"
    return f"{safe}.card"


def _mono() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def _item(text: str, data: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(columns: int) -> QTableWidget:
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


class ExchangePage(Page):
    topics = ("exchange", "cards", "settings")
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
        self._build_own_card()
        self._build_cards()
        self._build_activity()
        if self.hq:
            self._build_inbox()
        else:
            self._build_outbox()
        self.body.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    # --- building -------------------------------------------------------------------------

    def _build_own_card(self) -> None:
        self.own_box = QGroupBox()
        self.own_name = QLabel()
        self.own_name.setWordWrap(True)
        self.own_fingerprint = FingerprintLabel()
        self.own_fingerprint.setObjectName("ownFingerprint")
        self.own_hint = QLabel()
        self.own_hint.setWordWrap(True)
        self.copy_button = QPushButton()
        self.export_card_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.export_card_button)
        row.addStretch()
        layout = QVBoxLayout(self.own_box)
        layout.addWidget(self.own_name)
        layout.addWidget(self.own_fingerprint)
        layout.addWidget(self.own_hint)
        layout.addLayout(row)
        self.body.addWidget(self.own_box)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.export_card_button.clicked.connect(self.export_card_clicked)

    def _build_cards(self) -> None:
        self.cards_box = QGroupBox()
        self.cards_table = _table(4)
        self.cards_table.setObjectName("cardsTable")
        self.import_card_button = QPushButton()
        self.revoke_button = QPushButton()
        self.revoke_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.import_card_button)
        row.addWidget(self.revoke_button)
        row.addStretch()
        layout = QVBoxLayout(self.cards_box)
        layout.addWidget(self.cards_table)
        layout.addLayout(row)
        self.body.addWidget(self.cards_box)
        self.import_card_button.clicked.connect(self.import_card_clicked)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.cards_table.itemSelectionChanged.connect(self._card_selected)

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

    def _build_outbox(self) -> None:
        self.send_box = QGroupBox()
        self.status = QLabel()
        self.status.setObjectName("deliveryStatus")
        self.status.setWordWrap(True)
        self.status.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.export_button = QPushButton()
        self.receipt_button = QPushButton()
        self.purge_button = QPushButton()
        row = QHBoxLayout()
        for button in (self.export_button, self.receipt_button, self.purge_button):
            row.addWidget(button)
        row.addStretch()
        self.sent_table = _table(6)
        self.sent_table.setObjectName("sentBundles")
        layout = QVBoxLayout(self.send_box)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self._activity_widgets(layout)
        layout.addWidget(self.sent_table)
        self.body.addWidget(self.send_box)
        self.export_button.clicked.connect(self.open_export_wizard)
        self.receipt_button.clicked.connect(self.import_receipt_clicked)
        self.purge_button.clicked.connect(self.purge_clicked)

        self.policy_box = QGroupBox()
        self.purge_on_receipt = QCheckBox()
        self.purge_days = QSpinBox()
        self.purge_days.setRange(0, 3650)
        self.purge_days_label = QLabel()
        self.purge_days_label.setBuddy(self.purge_days)
        self._days_timer = QTimer(self)
        self._days_timer.setSingleShot(True)
        self._days_timer.setInterval(800)
        self._days_timer.timeout.connect(self._save_days)
        days = QHBoxLayout()
        days.addWidget(self.purge_days_label)
        days.addWidget(self.purge_days)
        days.addStretch()
        layout = QVBoxLayout(self.policy_box)
        layout.addWidget(self.purge_on_receipt)
        layout.addLayout(days)
        self.body.addWidget(self.policy_box)
        self.purge_on_receipt.toggled.connect(self._purge_on_receipt_toggled)
        self.purge_days.valueChanged.connect(lambda _v: self._days_timer.start())
        self.purge_days.editingFinished.connect(self._save_days)

    def _build_inbox(self) -> None:
        self.in_box = QGroupBox()
        self.import_button = QPushButton()
        self.verify_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.verify_button)
        row.addStretch()
        self.receipts_check = QCheckBox()
        self.receipts_path = QLabel()
        self.receipts_path.setWordWrap(True)
        self.receipts_choose = QPushButton()
        receipts = QHBoxLayout()
        receipts.addWidget(self.receipts_check)
        receipts.addWidget(self.receipts_path, 1)
        receipts.addWidget(self.receipts_choose)
        self.reports = QListWidget()
        self.reports.setObjectName("bundleReports")
        self.reports.setMinimumHeight(100)
        self.report_text = QPlainTextEdit()
        self.report_text.setObjectName("bundleReportText")
        self.report_text.setReadOnly(True)
        self.report_text.setFont(_mono())
        self.report_text.setTabChangesFocus(True)
        self.report_text.setMinimumHeight(140)
        self.gap_button = QPushButton()
        self.gap_button.setEnabled(False)
        layout = QVBoxLayout(self.in_box)
        layout.addLayout(row)
        layout.addLayout(receipts)
        self._activity_widgets(layout)
        layout.addWidget(self.reports)
        layout.addWidget(self.report_text)
        layout.addWidget(self.gap_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.in_box)
        self.import_button.clicked.connect(self.import_bundles_clicked)
        self.verify_button.clicked.connect(self.verify_bundles_clicked)
        self.receipts_check.toggled.connect(self._receipts_toggled)
        self.receipts_choose.clicked.connect(self.choose_receipts_dir)
        self.reports.currentRowChanged.connect(self._report_selected)
        self.gap_button.clicked.connect(self.accept_gap_selected)
        self._build_bundles_in()

    def _build_bundles_in(self) -> None:
        self.bundles_box = QGroupBox()
        self.bundles_table = _table(7)
        self.bundles_table.setObjectName("importedBundles")
        self.rewrite_button = QPushButton()
        self.rewrite_button.setEnabled(False)
        layout = QVBoxLayout(self.bundles_box)
        layout.addWidget(self.bundles_table)
        layout.addWidget(self.rewrite_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.bundles_box)
        self.rewrite_button.clicked.connect(self.write_receipt_again_clicked)
        self.bundles_table.itemSelectionChanged.connect(
            lambda: self.rewrite_button.setEnabled(
                self.job is None and self.selected_bundle() is not None
            )
        )

    # --- texts ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Inbox") if self.hq else self.tr("Outbox")

    def retranslate(self) -> None:
        self.heading.setText(f"<h3>{escape(self.title())}</h3>")
        self.own_box.setTitle(self.tr("My key card"))
        self.own_fingerprint.setAccessibleName(self.tr("My fingerprint"))
        self.own_hint.setText(
            self.tr(
                "Give the card file to the other side by any channel, then read them this "
                "fingerprint in person or by a phone call so they can check it."
            )
        )
        self.copy_button.setText(self.tr("Copy &fingerprint"))
        self.copy_button.setAccessibleName(self.tr("Copy my fingerprint"))
        self.export_card_button.setText(self.tr("Export my car&d…"))
        self.export_card_button.setAccessibleName(self.tr("Export my key card to a file"))
        self.cards_box.setTitle(self.tr("Device key cards") if self.hq else self.tr("HQ key cards"))
        self.cards_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Fingerprint"), self.tr("Imported"), self.tr("State")]
        )
        self.cards_table.setAccessibleName(
            self.tr("Registered device cards") if self.hq else self.tr("Registered HQ cards")
        )
        self.import_card_button.setText(self.tr("Import &card…"))
        self.import_card_button.setAccessibleName(self.tr("Import a key card from a file"))
        self.revoke_button.setText(self.tr("Rev&oke…"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected card"))
        self.cancel_button.setText(self.tr("S&top"))
        self.cancel_button.setAccessibleName(self.tr("Stop the running task"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.result.setAccessibleName(self.tr("Result of the last operation"))
        if self.hq:
            self._retranslate_inbox()
        else:
            self._retranslate_outbox()
        self._render_own_card()
        self._render_result()
        self._render_busy()

    def _retranslate_outbox(self) -> None:
        self.send_box.setTitle(self.tr("Sending to HQ"))
        self.status.setAccessibleName(self.tr("What HQ has not confirmed yet"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export a bundle for HQ"))
        self.receipt_button.setText(self.tr("Import &receipt…"))
        self.receipt_button.setAccessibleName(self.tr("Import a receipt from HQ"))
        self.purge_button.setText(self.tr("&Purge delivered…"))
        self.purge_button.setAccessibleName(
            self.tr("Delete from this laptop what HQ confirmed receiving")
        )
        self.sent_table.setHorizontalHeaderLabels(
            [
                self.tr("Bundle"),
                self.tr("Written"),
                self.tr("Revisions"),
                self.tr("Files"),
                self.tr("Size"),
                self.tr("Confirmed by HQ"),
            ]
        )
        self.sent_table.setAccessibleName(self.tr("Bundles written"))
        self.policy_box.setTitle(self.tr("After HQ confirms"))
        self.purge_on_receipt.setText(
            self.tr("Purge &automatically when a receipt from HQ arrives")
        )
        self.purge_on_receipt.setAccessibleName(self.tr("Purge automatically on receipt"))
        self.purge_days_label.setText(self.tr("&Keep nothing HQ confirmed that is older than"))
        self.purge_days.setSuffix(self.tr(" days"))
        self.purge_days.setSpecialValueText(self.tr("no limit"))
        self.purge_days.setAccessibleName(
            self.tr("Keep nothing older than this many days that HQ confirmed (0: no limit)")
        )
        self._render_status()

    def _retranslate_inbox(self) -> None:
        self.in_box.setTitle(self.tr("Bundles from field devices"))
        self.import_button.setText(self.tr("&Import bundles…"))
        self.import_button.setAccessibleName(self.tr("Import one or more bundles"))
        self.verify_button.setText(self.tr("Verif&y only…"))
        self.verify_button.setAccessibleName(self.tr("Verify bundles without importing them"))
        self.receipts_check.setText(self.tr("&Write a receipt for each imported bundle into:"))
        self.receipts_choose.setText(self.tr("C&hoose folder…"))
        self.receipts_choose.setAccessibleName(self.tr("Choose the folder for receipts"))
        self.receipts_path.setAccessibleName(self.tr("Folder for receipts"))
        self.reports.setAccessibleName(self.tr("Verification reports"))
        self.report_text.setAccessibleName(self.tr("Verification report"))
        self.gap_button.setText(self.tr("Import despite the &gap…"))
        self.gap_button.setAccessibleName(
            self.tr("Import the selected out-of-sequence bundle anyway")
        )
        self.bundles_box.setTitle(self.tr("Imported bundles"))
        self.bundles_table.setHorizontalHeaderLabels(
            [
                self.tr("Device"),
                self.tr("Sequence"),
                self.tr("Signed"),
                self.tr("Imported"),
                self.tr("Revisions"),
                self.tr("Files"),
                self.tr("Receipts written"),
            ]
        )
        self.bundles_table.setAccessibleName(self.tr("Imported bundles"))
        self.rewrite_button.setText(self.tr("Write receipt agai&n…"))
        self.rewrite_button.setAccessibleName(
            self.tr("Write the receipt of the selected bundle again")
        )
        self._render_receipts_dir()
        self._render_reports()

    # --- refresh / clear -----------------------------------------------------------------

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        conn = self.session.records.conn
        try:
            ctx = self.session.exchange()
            card = ctx.card
        except FielddocError:
            return
        self._own_name, self._own_role = card.name, card.role
        self._own_fingerprint = card.fingerprint
        self._render_own_card()
        self._fill_cards(conn)
        if self.hq:
            self._fill_bundles_in(conn)
        else:
            self._status = delivery_status(ctx)
            self._render_status()
            self._fill_bundles_out(conn)
            self._load_settings(conn)
        self._update_buttons()

    def clear(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self._queue.clear()
        self._own_fingerprint = ""
        self.own_fingerprint.set_fingerprint("")
        self.own_name.clear()
        self.cards_table.setRowCount(0)
        self._result_render = None
        self.result.clear()
        self.busy.clear()
        if self.hq:
            self.entries.clear()
            self.reports.clear()
            self.report_text.clear()
            self.bundles_table.setRowCount(0)
            self.receipts_dir = None
            self.receipts_path.clear()
        else:
            self._status = None
            self.status.clear()
            self.sent_table.setRowCount(0)

    def _render_own_card(self) -> None:
        if not self._own_fingerprint:
            self.own_name.clear()
            return
        text = self.tr("%1 (%2). Fingerprint:")
        self.own_name.setText(
            text.replace("%1", self._own_name).replace("%2", role_text(self._own_role))
        )
        self.own_fingerprint.set_fingerprint(self._own_fingerprint)

    def _fill_cards(self, conn: Any) -> None:
        role = "field" if self.hq else "hq"
        stored = cards.list_cards(conn, role=role)
        self.cards_table.setRowCount(len(stored))
        for row, item in enumerate(stored):
            state = (
                self.tr("revoked %1").replace("%1", format_time(item.revoked_at))
                if item.revoked_at
                else self.tr("active")
            )
            fingerprint = _item(item.card.fingerprint)
            fingerprint.setFont(_mono())
            self.cards_table.setItem(row, 0, _item(item.card.name, item.card.name))
            self.cards_table.setItem(row, 1, fingerprint)
            self.cards_table.setItem(row, 2, _item(format_time(item.imported_at)))
            self.cards_table.setItem(row, 3, _item(state, "revoked" if item.revoked_at else ""))
        self._card_selected()

    def _fill_bundles_out(self, conn: Any) -> None:
        rows = conn.execute(
            "SELECT b.seq, b.created_at, b.revisions, b.evidence, b.payload_bytes, "
            "(SELECT max(r.imported_at) FROM receipts_in r WHERE r.bundle_id = b.id) "
            "FROM bundles_out b ORDER BY b.seq DESC LIMIT ?",
            (SHOWN_BUNDLES,),
        ).fetchall()
        self.sent_table.setRowCount(len(rows))
        for row, (seq, created, revisions, evidence, size, confirmed) in enumerate(rows):
            values = (
                str(seq),
                format_time(created),
                str(revisions),
                str(evidence),
                data_size(int(size)),
                format_time(confirmed) if confirmed else self.tr("not yet"),
            )
            for column, value in enumerate(values):
                self.sent_table.setItem(row, column, _item(value))

    def _fill_bundles_in(self, conn: Any) -> None:
        rows = conn.execute(
            "SELECT b.id, coalesce(c.name, b.device_key_id), b.seq, b.created_at, "
            "b.imported_at, b.revisions, b.evidence, "
            "(SELECT count(*) FROM receipts_out r WHERE r.bundle_id = b.id) "
            "FROM bundles_in b LEFT JOIN cards c ON c.key_id = b.device_key_id "
            "ORDER BY b.imported_at DESC, b.seq DESC LIMIT ?",
            (SHOWN_BUNDLES,),
        ).fetchall()
        self.bundles_table.setRowCount(len(rows))
        for row, (bundle_id, device, seq, signed, imported, revs, files, receipts) in enumerate(
            rows
        ):
            values = (
                str(device),
                str(seq),
                format_time(signed),
                format_time(imported),
                str(revs),
                str(files),
                str(receipts),
            )
            for column, value in enumerate(values):
                self.bundles_table.setItem(row, column, _item(value, bundle_id))
        self.rewrite_button.setEnabled(self.job is None and self.selected_bundle() is not None)

    def _render_status(self) -> None:
        status = self._status
        if status is None:
            self.status.clear()
            return
        if status.records_undelivered or status.evidence_undelivered:
            text = self.tr("%1 records and %2 files (%3) not yet confirmed by HQ.")
            text = (
                text.replace("%1", str(status.records_undelivered))
                .replace("%2", str(status.evidence_undelivered))
                .replace("%3", data_size(status.evidence_bytes_undelivered))
            )
        else:
            text = self.tr("HQ has confirmed everything on this laptop.")
        if status.purged_records or status.purged_evidence:
            removed = self.tr("Removed after delivery so far: %1 records and %2 files.")
            text += " " + removed.replace("%1", str(status.purged_records)).replace(
                "%2", str(status.purged_evidence)
            )
        self.status.setText(text)

    def _load_settings(self, conn: Any) -> None:
        for widget in (self.purge_on_receipt, self.purge_days):
            widget.blockSignals(True)
        self.purge_on_receipt.setChecked(settings.get_bool(conn, "purge_on_receipt"))
        self.purge_days.setValue(settings.get_int(conn, "purge_after_days"))
        for widget in (self.purge_on_receipt, self.purge_days):
            widget.blockSignals(False)

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
            self.busy.setText(self.tr("Stopping…"))

    def _update_buttons(self) -> None:
        idle = self.job is None
        self.import_card_button.setEnabled(idle)
        if self.hq:
            self.import_button.setEnabled(idle)
            self.verify_button.setEnabled(idle)
            self.rewrite_button.setEnabled(idle and self.selected_bundle() is not None)
            self._report_selected(self.reports.currentRow())
        else:
            for button in (self.export_button, self.receipt_button, self.purge_button):
                button.setEnabled(idle)

    def _finish(self, kind: str, ok: bool, topics: tuple[str, ...]) -> None:
        if self.session.is_open:
            for topic in topics:
                self.session.notify(topic)
            if not (self.isVisible() and set(topics) & set(self.topics)):
                self.refresh()  # otherwise the notification refreshed this page already
        self.operation_finished.emit(kind, ok)

    # --- my card --------------------------------------------------------------------------

    def copy_fingerprint(self) -> None:
        """Put the fingerprint on the clipboard (the app's ClipboardGuard clears it later)."""
        if self._own_fingerprint:
            QGuiApplication.clipboard().setText(self._own_fingerprint)
            self._show_result(lambda: self.tr("Fingerprint copied."))

    def export_card_clicked(self) -> None:
        if not self.session.is_open:
            return
        name = _card_file_name(self.session.exchange().card.name)
        path = dialogs.save_file(self, self.tr("Save my key card"), name)
        if path is not None:
            self.export_card_to(path)

    def export_card_to(self, path: Path) -> bool:
        """Write this vault's card to a new file ``path``."""
        try:
            card = self.session.exchange().card
            write_new_file(path, card.to_text().encode("utf-8"))
        except FileExistsError:
            self._show_result(
                lambda: self.tr("A file with this name exists already; choose another name."),
                error=True,
            )
            return False
        except OSError:
            self._show_error("STORAGE_FAILED", "")
            return False
        except FielddocError as exc:
            self._show_error(exc.code, exc.message)
            return False
        shown = str(path)
        self._show_result(
            lambda: self.tr(
                "Card written to %1. Read the fingerprint to the other side so they can check it."
            ).replace("%1", shown)
        )
        return True

    # --- other cards ----------------------------------------------------------------------

    def import_card_clicked(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Import a key card"), self.tr("Key cards (*.card);;All files (*)")
        )
        if path is None:
            return
        dialog = self.card_dialog_for(path)
        if dialog is not None:
            dialog.exec()
            self.card_dialog_done(dialog)
            dialog.deleteLater()

    def card_dialog_for(self, path: Path) -> CardImportDialog | None:
        """Read the card file and build the confirmation dialog (None: not a card)."""
        try:
            card = cards.read_card_file(path)
        except FielddocError as exc:
            self._show_error(exc.code, exc.message)
            return None
        return CardImportDialog(self.session, card, self)

    def card_dialog_done(self, dialog: CardImportDialog) -> None:
        stored = dialog.stored
        if stored is None:
            return
        name = stored.card.name
        if dialog.created:
            self._show_result(lambda: self.tr("Card of %1 registered.").replace("%1", name))
        else:
            self._show_result(
                lambda: self.tr("The card of %1 was registered already; nothing changed.").replace(
                    "%1", name
                )
            )
        self._finish("card_import", True, ("cards",))

    def selected_card(self) -> tuple[str, bool] | None:
        """(name, revoked) of the selected card."""
        rows = self.cards_table.selectionModel().selectedRows()
        if not rows:
            return None
        name = self.cards_table.item(rows[0].row(), 0)
        state = self.cards_table.item(rows[0].row(), 3)
        if name is None or state is None:
            return None
        revoked = state.data(Qt.ItemDataRole.UserRole) == "revoked"
        return str(name.data(Qt.ItemDataRole.UserRole)), revoked

    def _card_selected(self) -> None:
        selected = self.selected_card()
        self.revoke_button.setEnabled(selected is not None and not selected[1])

    def revoke_selected(self) -> None:
        selected = self.selected_card()
        if selected is None or selected[1]:
            return
        name = selected[0]
        text = self.tr(
            "Revoke the card of %1? From now on, bundles or receipts signed with it are "
            "refused. Do this when a device or key is lost or seized. It cannot be undone: "
            "the owner will need a new vault and card."
        ).replace("%1", name)
        if dialogs.confirm(self, self.tr("Revoke a key card"), text, action=self.tr("Revoke")):
            self.revoke_card(name)

    def revoke_card(self, name: str) -> bool:
        try:
            cards.revoke(
                self.session.records.conn,
                name,
                vault_id=self.session.vault_id,
                device=self.session.device_id,
            )
        except FielddocError as exc:
            self._show_error(exc.code, exc.message)
            return False
        self._show_result(lambda: self.tr("The card of %1 is revoked.").replace("%1", name))
        self._finish("card_revoke", True, ("cards",))
        return True

    # --- field: export --------------------------------------------------------------------

    def make_export_wizard(self) -> ExportWizard:
        wizard = ExportWizard(self.session, self)
        wizard.exported.connect(self._exported)
        wizard.export_failed.connect(lambda _code: self.operation_finished.emit("export", False))
        self._wizard = wizard
        return wizard

    def open_export_wizard(self) -> None:
        wizard = self.make_export_wizard()
        wizard.exec()
        if wizard.job is not None and wizard.job.running:
            wizard.job.finished.connect(wizard.deleteLater)
        else:
            wizard.deleteLater()
        self._wizard = None

    def export_bundle(
        self, output: Path, *, to: list[str] | None = None, everything: bool = False
    ) -> Job:
        """Export without the wizard (the wizard's last step does the same)."""
        job = self._start(
            "export",
            export_job(self.session, output, to, everything),
            lambda: self.tr("Writing the bundle…"),
        )
        job.succeeded.connect(self._exported)
        job.failed.connect(self._export_failed)
        return job

    def _exported(self, result: object) -> None:
        assert isinstance(result, ExportResult)  # noqa: S101 - job result type
        self._show_result(
            lambda: (
                self.tr("Bundle %1 written to %2 (%3 revisions, %4 files, for %5).")
                .replace("%1", str(result.seq))
                .replace("%2", str(result.path))
                .replace("%3", str(result.revisions))
                .replace("%4", str(result.evidence))
                .replace("%5", ", ".join(result.recipients))
            )
        )
        self._finish("export", True, ("exchange", "evidence"))

    def _export_failed(self, code: str, message: str) -> None:
        self._show_error(code, message, lambda: self.tr("No bundle was written."))
        self._finish("export", False, ())

    # --- field: receipts and purge ----------------------------------------------------------

    def import_receipt_clicked(self) -> None:
        path = dialogs.open_file(
            self,
            self.tr("Import a receipt from HQ"),
            self.tr("Receipts (*.fdreceipt);;All files (*)"),
        )
        if path is not None:
            self.import_receipt_file(path)

    def import_receipt_file(self, path: Path) -> Job:
        name = path.name
        job = self._start(
            "receipt",
            _receipt_job(self.session, path),
            lambda: self.tr("Checking the receipt %1…").replace("%1", name),
        )
        job.succeeded.connect(self._receipt_done)
        job.failed.connect(self._receipt_failed)
        return job

    def _receipt_done(self, outcome: object) -> None:
        assert isinstance(outcome, ReceiptOutcome)  # noqa: S101 - job result type
        result, policy = outcome.receipt, outcome.policy

        def render() -> str:
            if result.already_imported:
                return self.tr("This receipt was imported before; nothing changed.")
            text = self.tr("Receipt from %1: %2 items confirmed delivered.")
            text = text.replace("%1", result.hq_name).replace("%2", str(result.delivered))
            records = result.purged_records + (policy.records if policy else 0)
            files = result.purged_evidence + (policy.evidence if policy else 0)
            if records or files:
                purged = self.tr("Removed from this laptop: %1 records and %2 files.")
                text += " " + purged.replace("%1", str(records)).replace("%2", str(files))
            return text

        self._show_result(render)
        self._finish("receipt", True, ("exchange", "records", "evidence"))

    def _receipt_failed(self, code: str, message: str) -> None:
        self._show_error(code, message)
        self._finish("receipt", False, ("exchange", "records", "evidence"))

    def purge_clicked(self) -> None:
        if not self.session.is_open:
            return
        preview = purge_preview(self.session.records.conn)
        if preview.empty:
            self._show_result(
                lambda: self.tr(
                    "Nothing to purge: HQ has not confirmed anything that is still on this laptop."
                )
            )
            return
        if confirm_purge(self, preview, self.session.templates):
            self.purge_now()

    def purge_now(self, older_than_days: int | None = None) -> Job:
        """Purge what HQ confirmed, without asking (the button asks first)."""
        job = self._start(
            "purge",
            _purge_job(self.session, older_than_days),
            lambda: self.tr("Deleting what HQ confirmed…"),
        )
        job.succeeded.connect(self._purged)
        job.failed.connect(self._purge_failed)
        return job

    def _purged(self, result: object) -> None:
        assert isinstance(result, PurgeResult)  # noqa: S101 - job result type
        self._show_result(
            lambda: (
                self.tr("Deleted %1 records and %2 evidence files (%3) from this laptop.")
                .replace("%1", str(result.records))
                .replace("%2", str(result.evidence))
                .replace("%3", data_size(result.bytes_freed))
            )
        )
        self._finish("purge", True, ("exchange", "records", "evidence"))

    def _purge_failed(self, code: str, message: str) -> None:
        self._show_error(code, message)
        self._finish("purge", False, ("exchange", "records", "evidence"))

    def run_purge_policy(self) -> Job | None:
        """Apply "keep nothing older than N days" now (None when the setting is off)."""
        if self.hq or not self.session.is_open or self.job is not None:
            return None
        days = settings.get_int(self.session.records.conn, "purge_after_days")
        return self.purge_now(days) if days else None

    # --- field: settings ------------------------------------------------------------------

    def _purge_on_receipt_toggled(self, on: bool) -> None:
        if on and not dialogs.confirm(
            self,
            self.tr("Purge automatically"),
            self.tr(
                "From now on, whatever HQ confirms receiving is deleted from this laptop as "
                "soon as its receipt is imported, without asking again."
            ),
            action=self.tr("Purge automatically"),
        ):
            self.purge_on_receipt.blockSignals(True)
            self.purge_on_receipt.setChecked(False)
            self.purge_on_receipt.blockSignals(False)
            return
        self.set_purge_on_receipt(on)

    def set_purge_on_receipt(self, on: bool) -> None:
        self._set_setting("purge_on_receipt", on)
        self.purge_on_receipt.blockSignals(True)
        self.purge_on_receipt.setChecked(on)
        self.purge_on_receipt.blockSignals(False)

    def _save_days(self) -> None:
        self._days_timer.stop()
        self.set_purge_after_days(self.purge_days.value())

    def set_purge_after_days(self, days: int) -> None:
        self._set_setting("purge_after_days", days)
        self.purge_days.blockSignals(True)
        self.purge_days.setValue(days)
        self.purge_days.blockSignals(False)

    def _set_setting(self, key: str, value: object) -> None:
        if not self.session.is_open:
            return
        conn = self.session.records.conn
        if settings.get(conn, key) == value:
            return
        try:
            settings.set_value(
                conn, key, value, vault_id=self.session.vault_id, device=self.session.device_id
            )
        except FielddocError as exc:
            self._show_error(exc.code, exc.message)
            return
        self.session.notify("settings")

    # --- HQ: bundles ----------------------------------------------------------------------

    def _render_receipts_dir(self) -> None:
        if self.receipts_dir is None:
            self.receipts_path.setText(self.tr("(no folder chosen)"))
        else:
            self.receipts_path.setText(str(self.receipts_dir))

    def choose_receipts_dir(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Folder for receipts"))
        if folder is not None:
            self.set_receipts_dir(folder)

    def set_receipts_dir(self, folder: Path | None) -> None:
        self.receipts_dir = folder
        self.receipts_check.blockSignals(True)
        self.receipts_check.setChecked(folder is not None)
        self.receipts_check.blockSignals(False)
        self._render_receipts_dir()

    def _receipts_toggled(self, on: bool) -> None:
        if on and self.receipts_dir is None:
            self.choose_receipts_dir()
        elif not on:
            self.set_receipts_dir(None)

    def import_bundles_clicked(self) -> None:
        paths = dialogs.open_files(self, self.tr("Import bundles"))
        if paths:
            self.import_bundles(paths)

    def verify_bundles_clicked(self) -> None:
        paths = dialogs.open_files(self, self.tr("Verify bundles"))
        if paths:
            self.verify_bundles(paths)

    def import_bundles(self, paths: list[Path], *, accept_gap: bool = False) -> None:
        """Import each file in turn on the worker; a report per file lands in the list."""
        self._enqueue([("import", path, accept_gap) for path in paths])

    def verify_bundles(self, paths: list[Path]) -> None:
        self._enqueue([("verify", path, False) for path in paths])

    def _enqueue(self, items: list[tuple[str, Path, bool]]) -> None:
        if not items or not self.session.is_open:
            return
        if self.job is None:  # a new batch
            self._queue_total, self._queue_done = 0, 0
            self._batch_kinds = set()
            self._batch_start = len(self.entries)
        self._queue.extend(items)
        self._queue_total += len(items)
        if self.job is None:
            self._next_bundle()

    def _next_bundle(self) -> None:
        if not self._queue or not self.session.is_open:
            self._queue.clear()
            batch = self.entries[self._batch_start :]
            imported = "import" in self._batch_kinds
            self._finish(
                "import" if imported else "verify",
                bool(batch) and all(self._entry_ok(entry) for entry in batch),
                ("exchange", "records", "evidence") if imported else (),
            )
            return
        mode, path, accept_gap = self._queue.pop(0)
        self._batch_kinds.add(mode)
        number, total, name = self._queue_done + 1, self._queue_total, path.name

        def label() -> str:
            text = (
                self.tr("Importing %1 of %2: %3…")
                if mode == "import"
                else self.tr("Verifying %1 of %2: %3…")
            )
            return text.replace("%1", str(number)).replace("%2", str(total)).replace("%3", name)

        fn = (
            _import_job(self.session, path, accept_gap, self.receipts_dir)
            if mode == "import"
            else _verify_job(self.session, path)
        )
        job = self._start(mode, fn, label)
        job.succeeded.connect(
            lambda report: self._bundle_done(
                ReportEntry(mode, path, _report(report), "", "", accept_gap)
            )
        )
        job.failed.connect(
            lambda code, message: self._bundle_done(
                ReportEntry(mode, path, None, code, message, accept_gap)
            )
        )

    def _bundle_done(self, entry: ReportEntry) -> None:
        """One file done (the job has finished): show its report, then the next file."""
        self._add_entry(entry)
        self._queue_done += 1
        self._next_bundle()

    @staticmethod
    def _entry_ok(entry: ReportEntry) -> bool:
        return entry.report is not None and entry.report.ok

    def _add_entry(self, entry: ReportEntry) -> None:
        self.entries.append(entry)
        item = QListWidgetItem(self._entry_title(entry))
        self.reports.addItem(item)
        self.reports.setCurrentRow(self.reports.count() - 1)

    def _entry_title(self, entry: ReportEntry) -> str:
        report = entry.report
        name = entry.path.name
        if report is None:
            verdict = self.tr("✗ Failed")
        elif report.already_imported:
            verdict = self.tr("= Already imported")
        elif report.ok and report.imported:
            verdict = self.tr("✓ Imported")
        elif report.ok:
            verdict = self.tr("✓ Verified (not imported)")
        elif report.error_code == GAP_CODE:
            verdict = self.tr("! Out of sequence, not imported")
        else:
            verdict = self.tr("✗ Rejected")
        device = report.device_name if report is not None and report.device_name else ""
        if device and report is not None:
            detail = self.tr("%1, bundle %2").replace("%1", device).replace("%2", str(report.seq))
            return f"{verdict} — {name} ({detail})"
        return f"{verdict} — {name}"

    def _entry_text(self, entry: ReportEntry) -> str:
        report = entry.report
        if report is None:
            return self.error_text(entry.code, entry.message)
        if report.already_imported:
            headline = self.tr("This bundle was imported before; nothing changed.")
        elif report.ok and report.imported:
            headline = self.tr(
                "Verified and imported: the signature is valid and every file matches."
            )
            if report.receipt:
                headline += " " + self.tr("Receipt written to %1.").replace("%1", report.receipt)
            if entry.gap_accepted and report.sequence in ("gap", "late"):
                headline += " " + self.tr(
                    "Imported despite a gap in the sequence: an earlier bundle is missing."
                )
        elif report.ok:
            headline = self.tr(
                "Verified: the signature is valid and every file matches. Nothing was imported."
            )
        else:
            headline = self.tr("REJECTED. Nothing was imported.") + " "
            headline += message_for(report.error_code or "BUNDLE_INVALID")
            if report.error_code == GAP_CODE:
                headline += " " + self.tr(
                    "Import the missing bundle first, or choose “Import despite the gap”."
                )
        return headline + "\n\n" + report.to_text()

    def _render_reports(self) -> None:
        for row, entry in enumerate(self.entries):
            item = self.reports.item(row)
            if item is not None:
                item.setText(self._entry_title(entry))
        self._report_selected(self.reports.currentRow())

    def _report_selected(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            entry = self.entries[row]
            self.report_text.setPlainText(self._entry_text(entry))
            self.gap_button.setEnabled(self.job is None and self._gap_acceptable(entry))
        else:
            self.report_text.clear()
            self.gap_button.setEnabled(False)

    @staticmethod
    def _gap_acceptable(entry: ReportEntry) -> bool:
        report = entry.report
        return entry.mode == "import" and report is not None and report.error_code == GAP_CODE

    def accept_gap_selected(self) -> None:
        """The explicit second step for an out-of-sequence bundle: confirm, then import."""
        row = self.reports.currentRow()
        if not 0 <= row < len(self.entries) or not self._gap_acceptable(self.entries[row]):
            return
        entry = self.entries[row]
        report = entry.report
        assert report is not None  # noqa: S101 - checked by _gap_acceptable
        text = self.tr(
            "Bundle %1 from %2 is out of sequence: an earlier bundle from this device has not "
            "been imported. It may be lost, delayed, or withheld by someone. Import this one "
            "anyway? The missing bundle can still be imported when it arrives."
        )
        text = text.replace("%1", str(report.seq)).replace("%2", report.device_name or "?")
        if dialogs.confirm(
            self,
            self.tr("Import despite the gap"),
            text,
            action=self.tr("Import despite the gap"),
        ):
            self.import_bundles([entry.path], accept_gap=True)

    def selected_bundle(self) -> str | None:
        rows = self.bundles_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.bundles_table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def write_receipt_again_clicked(self) -> None:
        bundle_id = self.selected_bundle()
        if bundle_id is None:
            return
        folder = dialogs.choose_folder(self, self.tr("Write the receipt into"))
        if folder is not None:
            self.write_receipt_again(bundle_id, folder)

    def write_receipt_again(self, bundle_id: str, folder: Path) -> Job:
        job = self._start(
            "receipt_write",
            _write_receipt_job(self.session, bundle_id, folder),
            lambda: self.tr("Writing the receipt…"),
        )
        job.succeeded.connect(self._receipt_written)
        job.failed.connect(self._receipt_write_failed)
        return job

    def _receipt_written(self, path: object) -> None:
        shown = str(path)
        self._show_result(lambda: self.tr("Receipt written to %1.").replace("%1", shown))
        self._finish("receipt_write", True, ("exchange",))

    def _receipt_write_failed(self, code: str, message: str) -> None:
        self._show_error(code, message)
        self._finish("receipt_write", False, ())


def _report(result: object) -> BundleReport:
    assert isinstance(result, BundleReport)  # noqa: S101 - job result type
    return result
