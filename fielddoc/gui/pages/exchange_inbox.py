"""The inbox part of the exchange page, in an HQ vault: import of one or many bundles (each on
the worker in turn), a verification report per bundle, receipts written into a chosen folder,
"accept the gap" only by an explicit confirmation on one out-of-sequence bundle, verify without
importing, and a receipt written again for any imported bundle.

Texts use the translation context ``"ExchangePage"``, the class users see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from fielddoc.exchange.importer import BundleReport
from fielddoc.gui import dialogs
from fielddoc.gui.counts import Counts, fill
from fielddoc.gui.exchange_format import data_size
from fielddoc.gui.messages import message_for
from fielddoc.gui.models import format_time
from fielddoc.gui.pages.exchange_base import (
    SHOWN_BUNDLES,
    ExchangePageBase,
    mono_font,
    new_table,
    table_item,
)
from fielddoc.gui.pages.exchange_jobs import (
    GAP_CODE,
    ReportEntry,
    bundle_report,
    import_job,
    verify_job,
    write_receipt_job,
)
from fielddoc.gui.workers import Job

translate = QCoreApplication.translate
# the one number the core keeps only in its English detail of a late arrival (importer.py)


def report_details(report: BundleReport) -> str:
    """The verification report under the headline, in the user's language, built from the
    report's fields (``BundleReport.to_text`` is the CLI's English). Identifiers (file path,
    bundle id, key id, fingerprint, error code) are shown as they are. Contents are stated
    only for a bundle that passed every check; a rejection names its code (the headline
    carries the explanation)."""
    lines = [translate("ExchangePage", "Bundle file: %1").replace("%1", report.file)]
    if report.bundle_id:
        lines.append(
            fill(
                translate("ExchangePage", "Bundle id %1, number %2, made %3"),
                report.bundle_id,
                report.seq,
                format_time(report.created),
            )
        )
    if report.device_key_id:  # set only once the signature has verified
        lines.append(
            fill(
                translate(
                    "ExchangePage", "Signed by %1 (key %2, fingerprint %3): the signature is valid."
                ),
                report.device_name or "?",
                report.device_key_id,
                report.device_fingerprint,
            )
        )
    if report.sequence:
        lines.append(translate("ExchangePage", "Sequence: %1").replace("%1", sequence_text(report)))
    if report.ok and not report.already_imported:
        counts = Counts()
        lines.append(
            fill(
                translate(
                    "ExchangePage",
                    "Contents: %1 %2, %3, %4 (%5). Every hash matches the signed manifest.",
                ),
                counts.revisions(report.revisions),
                counts.of_records(report.records),
                counts.link_changes(report.links),
                counts.evidence_files(report.evidence),
                data_size(report.evidence_bytes),
            )
        )
    lines.append(_result_text(report))
    return "\n".join(lines)


def sequence_text(report: BundleReport) -> str:
    """Where the bundle stands in its device's sequence, e.g. "next (follows bundle 2)".

    Every value ``importer._sequence`` returns has words here; a value this version does not
    know is shown as the core's code, untranslated rather than guessed."""
    before = str(report.seq - 1)
    late = (
        translate("ExchangePage", "arrived after bundle %1; bundle %2 has not arrived")
        .replace("%2", before)
        .replace("%1", str(report.sequence_last))
        if report.sequence_last is not None
        else translate(
            "ExchangePage", "arrived after a later bundle; bundle %1 has not arrived"
        ).replace("%1", before)
    )
    words = {
        "next": (
            translate("ExchangePage", "next"),
            translate("ExchangePage", "follows bundle %1").replace("%1", before),
        ),
        "first": (
            translate("ExchangePage", "first"),
            translate("ExchangePage", "the first bundle from this device"),
        ),
        "gap": (
            translate("ExchangePage", "gap"),
            translate("ExchangePage", "bundle %1 has not arrived").replace("%1", before),
        ),
        "late": (translate("ExchangePage", "late"), late),
        "already": (
            translate("ExchangePage", "already imported"),
            translate("ExchangePage", "this bundle was imported before"),
        ),
    }
    known = words.get(report.sequence)
    if known is None:
        return report.sequence
    return fill(translate("ExchangePage", "%1 (%2)", "a sequence state, then why"), *known)


def _result_text(report: BundleReport) -> str:
    if report.already_imported:
        return translate("ExchangePage", "Result: already imported earlier; nothing changed.")
    if report.ok and report.imported:
        return translate("ExchangePage", "Result: IMPORTED.")
    if report.ok:
        return translate("ExchangePage", "Result: verified, not imported.")
    code = report.error_code or "BUNDLE_INVALID"
    return translate("ExchangePage", "Result: REJECTED (%1).").replace("%1", code)


class InboxPart(ExchangePageBase):
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
        self.report_text.setFont(mono_font())
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
        self.bundles_table = new_table(7)
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

    def _retranslate_inbox(self) -> None:
        self.in_box.setTitle(translate("ExchangePage", "Bundles from field devices"))
        self.import_button.setText(translate("ExchangePage", "&Import bundles…"))
        self.import_button.setAccessibleName(
            translate("ExchangePage", "Import one or more bundles")
        )
        self.verify_button.setText(translate("ExchangePage", "Verif&y only…"))
        self.verify_button.setAccessibleName(
            translate("ExchangePage", "Verify bundles without importing them")
        )
        self.receipts_check.setText(
            translate("ExchangePage", "&Write a receipt for each imported bundle into:")
        )
        self.receipts_choose.setText(translate("ExchangePage", "C&hoose folder…"))
        self.receipts_choose.setAccessibleName(
            translate("ExchangePage", "Choose the folder for receipts")
        )
        self.receipts_path.setAccessibleName(translate("ExchangePage", "Folder for receipts"))
        self.reports.setAccessibleName(translate("ExchangePage", "Verification reports"))
        self.report_text.setAccessibleName(translate("ExchangePage", "Verification report"))
        self.gap_button.setText(translate("ExchangePage", "Import despite the &gap…"))
        self.gap_button.setAccessibleName(
            translate("ExchangePage", "Import the selected out-of-sequence bundle anyway")
        )
        self.bundles_box.setTitle(translate("ExchangePage", "Imported bundles"))
        self.bundles_table.setHorizontalHeaderLabels(
            [
                translate("ExchangePage", "Device"),
                translate("ExchangePage", "Sequence"),
                translate("ExchangePage", "Signed"),
                translate("ExchangePage", "Imported"),
                translate("ExchangePage", "Revisions"),
                translate("ExchangePage", "Files"),
                translate("ExchangePage", "Receipts written"),
            ]
        )
        self.bundles_table.setAccessibleName(translate("ExchangePage", "Imported bundles"))
        self.rewrite_button.setText(translate("ExchangePage", "Write receipt agai&n…"))
        self.rewrite_button.setAccessibleName(
            translate("ExchangePage", "Write the receipt of the selected bundle again")
        )
        self._render_receipts_dir()
        self._render_reports()

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
                self.bundles_table.setItem(row, column, table_item(value, bundle_id))
        self.rewrite_button.setEnabled(self.job is None and self.selected_bundle() is not None)

    # --- HQ: bundles ----------------------------------------------------------------------

    def _render_receipts_dir(self) -> None:
        if self.receipts_dir is None:
            self.receipts_path.setText(translate("ExchangePage", "(no folder chosen)"))
        else:
            self.receipts_path.setText(str(self.receipts_dir))

    def choose_receipts_dir(self) -> None:
        folder = dialogs.choose_folder(self, translate("ExchangePage", "Folder for receipts"))
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
        paths = dialogs.open_files(self, translate("ExchangePage", "Import bundles"))
        if paths:
            self.import_bundles(paths)

    def verify_bundles_clicked(self) -> None:
        paths = dialogs.open_files(self, translate("ExchangePage", "Verify bundles"))
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
                translate("ExchangePage", "Importing %1 of %2: %3…")
                if mode == "import"
                else translate("ExchangePage", "Verifying %1 of %2: %3…")
            )
            return text.replace("%1", str(number)).replace("%2", str(total)).replace("%3", name)

        fn = (
            import_job(self.session, path, accept_gap, self.receipts_dir)
            if mode == "import"
            else verify_job(self.session, path)
        )
        job = self._start(mode, fn, label)
        job.succeeded.connect(
            lambda report: self._bundle_done(
                ReportEntry(mode, path, bundle_report(report), "", "", accept_gap)
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
            verdict = translate("ExchangePage", "✗ Failed")
        elif report.already_imported:
            verdict = translate("ExchangePage", "= Already imported")
        elif report.ok and report.imported:
            verdict = translate("ExchangePage", "✓ Imported")
        elif report.ok:
            verdict = translate("ExchangePage", "✓ Verified (not imported)")
        elif report.error_code == GAP_CODE:
            verdict = translate("ExchangePage", "! Out of sequence, not imported")
        else:
            verdict = translate("ExchangePage", "✗ Rejected")
        device = report.device_name if report is not None and report.device_name else ""
        if device and report is not None:
            detail = (
                translate("ExchangePage", "%1, bundle %2")
                .replace("%1", device)
                .replace("%2", str(report.seq))
            )
            return f"{verdict} — {name} ({detail})"
        return f"{verdict} — {name}"

    def _entry_text(self, entry: ReportEntry) -> str:
        report = entry.report
        if report is None:
            return self.error_text(entry.code, entry.message)
        if report.already_imported:
            headline = translate(
                "ExchangePage", "This bundle was imported before; nothing changed."
            )
        elif report.ok and report.imported:
            headline = translate(
                "ExchangePage",
                "Verified and imported: the signature is valid and every file matches.",
            )
            if report.receipt:
                headline += " " + translate("ExchangePage", "Receipt written to %1.").replace(
                    "%1", report.receipt
                )
            if entry.gap_accepted and report.sequence in ("gap", "late"):
                headline += " " + translate(
                    "ExchangePage",
                    "Imported despite a gap in the sequence: an earlier bundle is missing.",
                )
        elif report.ok:
            headline = translate(
                "ExchangePage",
                "Verified: the signature is valid and every file matches. Nothing was imported.",
            )
        else:
            headline = translate("ExchangePage", "REJECTED. Nothing was imported.") + " "
            headline += message_for(report.error_code or "BUNDLE_INVALID")
            if report.error_code == GAP_CODE:
                headline += " " + translate(
                    "ExchangePage",
                    "Import the missing bundle first, or choose “Import despite the gap”.",
                )
        return headline + "\n\n" + report_details(report)

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
        text = translate(
            "ExchangePage",
            "Bundle %1 from %2 is out of sequence: an earlier bundle from this device has not "
            "been imported. It may be lost, delayed, or withheld by someone. Import this one "
            "anyway? The missing bundle can still be imported when it arrives.",
        )
        text = text.replace("%1", str(report.seq)).replace("%2", report.device_name or "?")
        if dialogs.confirm(
            self,
            translate("ExchangePage", "Import despite the gap"),
            text,
            action=translate("ExchangePage", "Import despite the gap"),
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
        folder = dialogs.choose_folder(self, translate("ExchangePage", "Write the receipt into"))
        if folder is not None:
            self.write_receipt_again(bundle_id, folder)

    def write_receipt_again(self, bundle_id: str, folder: Path) -> Job:
        job = self._start(
            "receipt_write",
            write_receipt_job(self.session, bundle_id, folder),
            lambda: translate("ExchangePage", "Writing the receipt…"),
        )
        job.succeeded.connect(self._receipt_written)
        job.failed.connect(self._receipt_write_failed)
        return job

    def _receipt_written(self, path: object) -> None:
        shown = str(path)
        self._show_result(
            lambda: translate("ExchangePage", "Receipt written to %1.").replace("%1", shown)
        )
        self._finish("receipt_write", True, ("exchange",))

    def _receipt_write_failed(self, code: str, message: str) -> None:
        self._show_error(code, message)
        self._finish("receipt_write", False, ())
