"""The outbox part of the exchange page, in a field vault: how much HQ has not confirmed yet,
the export wizard, receipt import, purge of what was delivered (after a confirmation that
lists it) and the two purge settings.

Texts use the translation context ``"ExchangePage"``, the class users see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from fielddoc import settings
from fielddoc.errors import FielddocError
from fielddoc.exchange.export import ExportResult
from fielddoc.exchange.purge import PurgeResult
from fielddoc.gui import dialogs
from fielddoc.gui.counts import Counts, fill
from fielddoc.gui.exchange_format import data_size
from fielddoc.gui.export_wizard import ExportWizard, export_job
from fielddoc.gui.models import format_time
from fielddoc.gui.pages.exchange_base import SHOWN_BUNDLES, ExchangePageBase, new_table, table_item
from fielddoc.gui.pages.exchange_jobs import ReceiptOutcome, purge_job, receipt_job
from fielddoc.gui.purge_confirm import confirm_purge, purge_preview
from fielddoc.gui.workers import Job

translate = QCoreApplication.translate


class OutboxPart(ExchangePageBase):
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
        self.sent_table = new_table(6)
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
        self.purge_days.valueChanged.connect(lambda _v: self._days_suffix())
        self.purge_days.editingFinished.connect(self._save_days)

    def _retranslate_outbox(self) -> None:
        self.send_box.setTitle(translate("ExchangePage", "Sending to HQ"))
        self.status.setAccessibleName(translate("ExchangePage", "What HQ has not confirmed yet"))
        self.export_button.setText(translate("ExchangePage", "E&xport…"))
        self.export_button.setAccessibleName(translate("ExchangePage", "Export a bundle for HQ"))
        self.receipt_button.setText(translate("ExchangePage", "Import &receipt…"))
        self.receipt_button.setAccessibleName(translate("ExchangePage", "Import a receipt from HQ"))
        self.purge_button.setText(translate("ExchangePage", "&Purge delivered…"))
        self.purge_button.setAccessibleName(
            translate("ExchangePage", "Delete from this laptop what HQ confirmed receiving")
        )
        self.sent_table.setHorizontalHeaderLabels(
            [
                translate("ExchangePage", "Bundle"),
                translate("ExchangePage", "Written"),
                translate("ExchangePage", "Revisions"),
                translate("ExchangePage", "Files"),
                translate("ExchangePage", "Size"),
                translate("ExchangePage", "Confirmed by HQ"),
            ]
        )
        self.sent_table.setAccessibleName(translate("ExchangePage", "Bundles written"))
        self.policy_box.setTitle(translate("ExchangePage", "After HQ confirms"))
        self.purge_on_receipt.setText(
            translate("ExchangePage", "Purge &automatically when a receipt from HQ arrives")
        )
        self.purge_on_receipt.setAccessibleName(
            translate("ExchangePage", "Purge automatically on receipt")
        )
        self.purge_days_label.setText(
            translate("ExchangePage", "&Keep nothing HQ confirmed that is older than")
        )
        self._days_suffix()
        self.purge_days.setSpecialValueText(translate("ExchangePage", "no limit"))
        self.purge_days.setAccessibleName(
            translate(
                "ExchangePage",
                "Keep nothing older than this many days that HQ confirmed (0: no limit)",
            )
        )
        self._render_status()

    def _days_suffix(self) -> None:
        """ " day" or " days" after the number the box shows; set only when the form changes,
        so typing in the box is not disturbed."""
        suffix = Counts().days_suffix(self.purge_days.value())
        if suffix != self.purge_days.suffix():
            self.purge_days.setSuffix(suffix)

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
                format_time(confirmed) if confirmed else translate("ExchangePage", "not yet"),
            )
            for column, value in enumerate(values):
                self.sent_table.setItem(row, column, table_item(value))

    def _render_status(self) -> None:
        status = self._status
        if status is None:
            self.status.clear()
            return
        counts = Counts()
        if status.records_undelivered or status.evidence_undelivered:
            text = fill(
                translate("ExchangePage", "%1 and %2 (%3) not yet confirmed by HQ."),
                counts.records(status.records_undelivered),
                counts.files(status.evidence_undelivered),
                data_size(status.evidence_bytes_undelivered),
            )
        else:
            text = translate("ExchangePage", "HQ has confirmed everything on this laptop.")
        if status.purged_records or status.purged_evidence:
            text += " " + fill(
                translate("ExchangePage", "Removed after delivery so far: %1 and %2."),
                counts.records(status.purged_records),
                counts.files(status.purged_evidence),
            )
        self.status.setText(text)

    def _load_settings(self, conn: Any) -> None:
        for widget in (self.purge_on_receipt, self.purge_days):
            widget.blockSignals(True)
        self.purge_on_receipt.setChecked(settings.get_bool(conn, "purge_on_receipt"))
        self.purge_days.setValue(settings.get_int(conn, "purge_after_days"))
        for widget in (self.purge_on_receipt, self.purge_days):
            widget.blockSignals(False)
        self._days_suffix()  # valueChanged was blocked

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
            lambda: translate("ExchangePage", "Writing the bundle…"),
        )
        job.succeeded.connect(self._exported)
        job.failed.connect(self._export_failed)
        return job

    def _exported(self, result: object) -> None:
        assert isinstance(result, ExportResult)  # noqa: S101 - job result type
        self._show_result(
            lambda: fill(
                translate("ExchangePage", "Bundle %1 written to %2 (%3, %4, for %5)."),
                result.seq,
                result.path,
                Counts().revisions(result.revisions),
                Counts().files(result.evidence),
                ", ".join(result.recipients),
            )
        )
        self._finish("export", True, ("exchange", "evidence"))

    def _export_failed(self, code: str, message: str) -> None:
        self._show_error(code, message, lambda: translate("ExchangePage", "No bundle was written."))
        self._finish("export", False, ())

    # --- field: receipts and purge ----------------------------------------------------------

    def import_receipt_clicked(self) -> None:
        path = dialogs.open_file(
            self,
            translate("ExchangePage", "Import a receipt from HQ"),
            translate("ExchangePage", "Receipts (*.fdreceipt);;All files (*)"),
        )
        if path is not None:
            self.import_receipt_file(path)

    def import_receipt_file(self, path: Path) -> Job:
        name = path.name
        job = self._start(
            "receipt",
            receipt_job(self.session, path),
            lambda: translate("ExchangePage", "Checking the receipt %1…").replace("%1", name),
        )
        job.succeeded.connect(self._receipt_done)
        job.failed.connect(self._receipt_failed)
        return job

    def _receipt_done(self, outcome: object) -> None:
        assert isinstance(outcome, ReceiptOutcome)  # noqa: S101 - job result type
        result, policy = outcome.receipt, outcome.policy

        def render() -> str:
            if result.already_imported:
                return translate(
                    "ExchangePage", "This receipt was imported before; nothing changed."
                )
            counts = Counts()
            text = fill(
                translate("ExchangePage", "Receipt from %1: %2 confirmed delivered."),
                result.hq_name,
                counts.items(result.delivered),
            )
            records = result.purged_records + (policy.records if policy else 0)
            files = result.purged_evidence + (policy.evidence if policy else 0)
            if records or files:
                text += " " + fill(
                    translate("ExchangePage", "Removed from this laptop: %1 and %2."),
                    counts.records(records),
                    counts.files(files),
                )
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
                lambda: translate(
                    "ExchangePage",
                    "Nothing to purge: HQ has not confirmed anything that is still on this laptop.",
                )
            )
            return
        if confirm_purge(self, preview, self.session.templates):
            self.purge_now()

    def purge_now(self, older_than_days: int | None = None) -> Job:
        """Purge what HQ confirmed, without asking (the button asks first)."""
        job = self._start(
            "purge",
            purge_job(self.session, older_than_days),
            lambda: translate("ExchangePage", "Deleting what HQ confirmed…"),
        )
        job.succeeded.connect(self._purged)
        job.failed.connect(self._purge_failed)
        return job

    def _purged(self, result: object) -> None:
        assert isinstance(result, PurgeResult)  # noqa: S101 - job result type
        self._show_result(
            lambda: fill(
                translate("ExchangePage", "Deleted from this laptop: %1 and %2 (%3)."),
                Counts().records(result.records),
                Counts().evidence_files(result.evidence),
                data_size(result.bytes_freed),
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
            translate("ExchangePage", "Purge automatically"),
            translate(
                "ExchangePage",
                "From now on, whatever HQ confirms receiving is deleted from this laptop as "
                "soon as its receipt is imported, without asking again.",
            ),
            action=translate("ExchangePage", "Purge automatically"),
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
