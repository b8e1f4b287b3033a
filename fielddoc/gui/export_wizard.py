"""The export of a bundle for HQ as a wizard (:class:`ExportWizard`), and the job functions
behind it.

What will go is counted on a worker from ``export.plan``; to whom lists the active HQ cards,
all ticked; where is a path (:func:`dialogs.save_file` or :meth:`ExportWizard.set_output`);
the last page runs the export on a worker with progress and Stop, and says where the bundle
was written or that none was. Closing the wizard while the export runs stops the export first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fielddoc.exchange import cards
from fielddoc.exchange.export import ExportResult
from fielddoc.gui import dialogs
from fielddoc.gui.counts import Counts, fill
from fielddoc.gui.exchange_format import data_size
from fielddoc.gui.messages import message_for
from fielddoc.gui.session import Session
from fielddoc.gui.workers import Job, JobFunction


@dataclass(frozen=True)
class ExportCounts:
    revisions: int
    records: int
    links: int
    evidence: int
    evidence_bytes: int

    @property
    def empty(self) -> bool:
        return not (self.revisions or self.links or self.evidence)


@dataclass(frozen=True)
class ExportOutlook:
    """What an incremental and a full export would carry, and the next bundle number."""

    incremental: ExportCounts
    everything: ExportCounts
    next_seq: int


def _counts(ctx: Any, everything: bool) -> ExportCounts:
    from fielddoc.exchange.export import plan

    work = plan(ctx, everything=everything)
    sql = "SELECT count(DISTINCT record_id) FROM revisions t"
    if not everything:
        sql += (
            " WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.kind = 'revision' "
            "AND d.item_id = t.id)"
        )
    return ExportCounts(
        revisions=len(work.revisions),
        records=int(ctx.conn.execute(sql).fetchone()[0]),
        links=len(work.links),
        evidence=len(work.evidence),
        evidence_bytes=sum(item.size for item in work.evidence),
    )


def outlook_job(session: Session) -> JobFunction:
    def run(conn: Any, _progress: Any, _cancel: Any) -> ExportOutlook:
        ctx = session.worker_context(conn)
        last = conn.execute("SELECT max(seq) FROM bundles_out").fetchone()[0]
        return ExportOutlook(_counts(ctx, False), _counts(ctx, True), int(last or 0) + 1)

    return run


def export_job(
    session: Session, output: Path, to: list[str] | None, everything: bool
) -> JobFunction:
    """The export as a job function (for :meth:`Session.run`)."""

    def run(conn: Any, progress: Any, cancel: Any) -> ExportResult:
        from fielddoc.exchange.export import write_bundle

        ctx = session.worker_context(conn)
        return write_bundle(
            ctx, output, to=to, everything=everything, progress=progress, cancel=cancel
        )

    return run


def suggested_bundle_name(seq: int, today: date | None = None) -> str:
    return f"fielddoc-{(today or date.today()).isoformat()}-{seq}.fdbundle"


class _ContentsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.everything = QCheckBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.everything)
        layout.addStretch()
        self.everything.toggled.connect(self.show_counts)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("What will go"))
        self.everything.setText(
            self.tr("Send a full copy of &everything, not only what HQ has not confirmed")
        )
        self.everything.setAccessibleName(self.tr("Send everything again"))
        self.summary.setAccessibleName(self.tr("What the bundle will carry"))
        self.show_counts()

    def counts(self) -> ExportCounts | None:
        outlook = self.owner.outlook
        if outlook is None:
            return None
        return outlook.everything if self.everything.isChecked() else outlook.incremental

    def show_counts(self) -> None:
        if self.owner.error:
            self.summary.setText(self.owner.error)
        else:
            counts = self.counts()
            if counts is None:
                self.summary.setText(self.tr("Counting what will go…"))
            elif counts.empty:
                self.summary.setText(message_for("NOTHING_TO_EXPORT"))
            else:
                words = Counts()
                text = self.tr(
                    "The bundle will carry %1 %2, %3 and %4 (%5), signed by this laptop and "
                    "encrypted so that only the chosen HQ keys can open it."
                )
                self.summary.setText(
                    fill(
                        text,
                        words.revisions(counts.revisions),
                        words.of_records(counts.records),
                        words.link_changes(counts.links),
                        words.evidence_files(counts.evidence),
                        data_size(counts.evidence_bytes),
                    )
                )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        counts = self.counts()
        return counts is not None and not counts.empty


class _RecipientsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.list = QListWidget()
        for stored in wizard.hq_cards:
            item = QListWidgetItem(f"{stored.card.name}\n{stored.card.fingerprint}")
            item.setData(Qt.ItemDataRole.UserRole, stored.card.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(lambda _item: self.completeChanged.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("To whom"))
        self.explain.setText(
            message_for("NO_HQ_CARD")
            if not self.owner.hq_cards
            else self.tr(
                "The bundle is encrypted to every ticked HQ key card. Untick a key only if "
                "you were told not to use it."
            )
        )
        self.list.setAccessibleName(self.tr("HQ key cards the bundle is encrypted to"))

    def names(self) -> list[str]:
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def isComplete(self) -> bool:
        return bool(self.names())


class _DestinationPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setObjectName("bundlePath")
        self.path_label = QLabel()
        self.path_label.setBuddy(self.path)
        self.choose = QPushButton()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addStretch()
        self.choose.clicked.connect(self.browse)
        self.path.textChanged.connect(self._changed)
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where to write it"))
        self.explain.setText(
            self.tr(
                "Choose where to write the bundle, for example a USB stick. The file is "
                "encrypted: it can travel by any channel."
            )
        )
        self.path_label.setText(self.tr("Bundle &file:"))
        self.path.setAccessibleName(self.tr("Bundle file"))
        self.choose.setText(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose where to write the bundle"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Export"))
        self._changed()

    def browse(self) -> None:
        chosen = dialogs.save_file(self, self.tr("Write the bundle to"), self.owner.suggested())
        if chosen is not None:
            self.path.setText(str(chosen))

    def output(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if text else None

    def _problem(self) -> str:
        output = self.output()
        if output is None:
            return ""
        if output.exists():
            return self.tr("A file with this name exists already; choose another name.")
        if not output.parent.is_dir():
            return self.tr("This folder does not exist.")
        return ""

    def _changed(self) -> None:
        self.warning.setText(self._problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.output() is not None and not self._problem()


class _ProgressPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.state.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.bar = QProgressBar()
        self.stop = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.state)
        layout.addStretch()
        self.stop.clicked.connect(wizard.cancel_export)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Writing the bundle"))
        self.stop.setText(self.tr("&Stop"))
        self.stop.setAccessibleName(self.tr("Stop the export"))
        self.bar.setAccessibleName(self.tr("Export progress"))
        self.state.setAccessibleName(self.tr("Export result"))
        self.show_state()

    def initializePage(self) -> None:
        self.owner.start_export()

    def show_state(self) -> None:
        owner, state = self.owner, self.state
        if owner.export_result is not None:
            result = owner.export_result
            words = Counts()
            text = self.tr(
                "Bundle %1 written to %2: %3, %4, %5 (%6), encrypted for %7. Take it to HQ by "
                "any channel."
            )
            state.setText(
                fill(
                    text,
                    result.seq,
                    result.path,
                    words.revisions(result.revisions),
                    words.link_changes(result.links),
                    words.evidence_files(result.evidence),
                    data_size(result.payload_bytes),
                    ", ".join(result.recipients),
                )
            )
        elif owner.failure is not None:
            code, message = owner.failure
            text = message_for(code, message if code == "INTERNAL" else "")
            state.setText(text + " " + self.tr("No bundle was written."))
        elif owner.job is not None:
            state.setText(self.tr("Writing…"))
        else:
            state.clear()

    def isComplete(self) -> bool:
        return self.owner.finished_export


class ExportWizard(QWizard):
    """The export in four steps; emits :attr:`exported` with the ``ExportResult``."""

    exported = Signal(object)
    export_failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("exportWizard")
        self.outlook: ExportOutlook | None = None
        self.error = ""
        self.hq_cards = cards.list_cards(session.records.conn, role="hq", active=True)
        self.job: Job | None = None
        self.export_result: ExportResult | None = None
        self.failure: tuple[str, str] | None = None
        self.finished_export = False
        self._close_when_done = False
        self.contents = _ContentsPage(self)
        self.recipients = _RecipientsPage(self)
        self.destination = _DestinationPage(self)
        self.progress = _ProgressPage(self)
        for page in (self.contents, self.recipients, self.destination, self.progress):
            self.addPage(page)
        self.setWindowTitle(self.tr("Export a bundle for HQ"))
        self.resize(620, 440)
        self.count_job = session.run(outlook_job(session))
        self.count_job.succeeded.connect(self._counted)
        self.count_job.failed.connect(self._count_failed)

    # --- counts ---------------------------------------------------------------------------

    def _counted(self, outlook: object) -> None:
        assert isinstance(outlook, ExportOutlook)  # noqa: S101 - job result type
        self.outlook = outlook
        self.contents.show_counts()

    def _count_failed(self, code: str, message: str) -> None:
        self.error = message_for(code, message if code == "INTERNAL" else "")
        self.contents.show_counts()

    def suggested(self) -> str:
        return suggested_bundle_name(self.outlook.next_seq if self.outlook else 1)

    # --- choices --------------------------------------------------------------------------

    def set_output(self, path: Path) -> None:
        """Where to write (what the file dialog would have chosen)."""
        self.destination.path.setText(str(path))

    def everything(self) -> bool:
        return self.contents.everything.isChecked()

    def recipient_names(self) -> list[str]:
        return self.recipients.names()

    # --- the export -----------------------------------------------------------------------

    def start_export(self) -> None:
        output = self.destination.output()
        if output is None or self.job is not None:
            return
        self.progress.bar.setRange(0, 0)
        self.progress.stop.setEnabled(True)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.job = self.session.run(
            export_job(self.session, output, self.recipient_names(), self.everything())
        )
        self.job.progress.connect(self._progress)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.render_result()

    def cancel_export(self) -> None:
        if self.job is not None and not self.finished_export:
            self.job.cancel()
            self.progress.stop.setEnabled(False)
            self.progress.state.setText(self.tr("Stopping…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.bar.setRange(0, max(total, 1))
        self.progress.bar.setValue(done)

    def _succeeded(self, result: object) -> None:
        assert isinstance(result, ExportResult)  # noqa: S101 - job result type
        self.export_result = result
        self._done()
        self.progress.bar.setRange(0, 1)
        self.progress.bar.setValue(1)
        self.exported.emit(result)

    def _failed(self, code: str, message: str) -> None:
        self.failure = (code, message)
        self._done()
        self.progress.bar.setRange(0, 1)
        self.progress.bar.setValue(0)
        self.export_failed.emit(code)

    def _done(self) -> None:
        self.finished_export = True
        self.progress.stop.setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.render_result()
        self.progress.completeChanged.emit()
        if self._close_when_done:
            super().reject()

    def render_result(self) -> None:
        self.progress.show_state()

    def reject(self) -> None:
        if self.job is not None and not self.finished_export:
            self._close_when_done = True
            self.cancel_export()
            return  # closes when the job has stopped
        super().reject()
