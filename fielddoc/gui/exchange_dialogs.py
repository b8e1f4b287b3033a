"""Dialogs of the exchange page: card import with fingerprint check, the export wizard, and
the purge confirmation.

* :class:`CardImportDialog` shows a card's name and role and asks for the fingerprint its
  owner reads aloud (typed, or compared digit group by digit group on screen). The card is
  registered only when the digits match; the core refuses anything else.
* :class:`ExportWizard`: what will go (counted on a worker from ``export.plan``), to whom
  (active HQ cards, all ticked), where (a path: :func:`dialogs.save_file` or
  :meth:`ExportWizard.set_output`), then the export on a worker with progress and cancel, and
  where the bundle was written.
* :func:`purge_preview` / :func:`confirm_purge`: exactly which records and files a purge of
  delivered items would destroy, as a confirmation whose safe answer is the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fielddoc.errors import FielddocError
from fielddoc.exchange import cards
from fielddoc.exchange.cards import KeyCard, StoredCard
from fielddoc.exchange.export import ExportResult
from fielddoc.gui import dialogs
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.messages import message_for
from fielddoc.gui.session import Session
from fielddoc.gui.workers import Job, JobFunction
from fielddoc.records.templates import TemplateSet

Connection = Any  # sqlcipher3 connection (untyped)
SHOWN_NAMES = 12  # how many titles / file names a purge confirmation lists by name


def data_size(size: int) -> str:
    """Bytes as "97.7 kB" in the user's locale (SI units, as file managers show them)."""
    return LANGUAGE.locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def role_text(role: str) -> str:
    return (
        QCoreApplication.translate("exchange", "HQ")
        if role == "hq"
        else QCoreApplication.translate("exchange", "field device")
    )


# --- fingerprints ---------------------------------------------------------------------------


def fingerprint_font(extra_points: int = 8) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    base = font.pointSize() if font.pointSize() > 0 else 10
    font.setPointSize(base + extra_points)
    font.setBold(True)
    return font


def fingerprint_lines(fingerprint: str) -> str:
    """8 groups of 5 digits on two lines of four, the way people read them aloud."""
    groups = fingerprint.split()
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


class FingerprintLabel(QLabel):
    """A fingerprint large and monospaced, selectable with mouse and keyboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(fingerprint_font())
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint = ""

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText(fingerprint_lines(fingerprint) if fingerprint else "")
        self.setAccessibleDescription(fingerprint)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


# --- card import ----------------------------------------------------------------------------


class CardImportDialog(QDialog):
    """Register ``card`` once the fingerprint its owner reads aloud matches.

    Typing the digits is the default (the card's own fingerprint is not shown, so it cannot be
    copied from the screen); "compare" shows it large and asks for an explicit tick. After
    ``accept``, :attr:`stored` is the registered card and :attr:`created` says whether it is
    new.
    """

    def __init__(self, session: Session, card: KeyCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.card = card
        self.stored: StoredCard | None = None
        self.created = False
        self.setObjectName("cardImportDialog")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.type_mode = QRadioButton()
        self.compare_mode = QRadioButton()
        self.type_mode.setChecked(True)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.type_mode)
        self.modes.addButton(self.compare_mode)
        self.typed = QLineEdit()
        self.typed.setFont(fingerprint_font(6))
        self.typed.setObjectName("fingerprintInput")
        self.typed.setMaxLength(80)
        self.typed_label = QLabel()
        self.typed_label.setBuddy(self.typed)
        self.count = QLabel()
        self.shown = FingerprintLabel()
        self.shown.set_fingerprint(card.fingerprint)
        self.compared = QCheckBox()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.typed.textChanged.connect(self._update)
        self.compared.toggled.connect(self._update)
        self.type_mode.toggled.connect(self._update)
        self._wrong_role = card.role == session.role
        self.retranslate()
        self._update()
        self.typed.setFocus()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.type_mode)
        layout.addWidget(self.typed_label)
        layout.addWidget(self.typed)
        layout.addWidget(self.count)
        layout.addWidget(self.compare_mode)
        layout.addWidget(self.shown)
        layout.addWidget(self.compared)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a key card"))
        heading = self.tr("Key card of <b>%1</b> (%2)")
        self.heading.setText(
            heading.replace("%1", _escape(self.card.name)).replace("%2", role_text(self.card.role))
        )
        self.explain.setText(
            self.tr(
                "Before you trust this card, ask its owner to read its fingerprint to you, in "
                "person or by a phone call: not through the channel that brought you the file."
            )
        )
        self.type_mode.setText(self.tr("&Type the 40 digits its owner reads to me"))
        self.typed_label.setText(self.tr("&Fingerprint as read aloud:"))
        self.typed.setPlaceholderText("00000 00000 00000 00000 00000 00000 00000 00000")
        self.typed.setAccessibleName(self.tr("Fingerprint as read aloud by the card's owner"))
        self.compare_mode.setText(self.tr("&Compare the digits on screen while its owner reads"))
        self.compared.setText(self.tr("Its owner read me &exactly these 40 digits"))
        self.shown.setAccessibleName(self.tr("Fingerprint of the card"))
        self.import_button.setText(self.tr("&Import card"))
        self.import_button.setAccessibleName(self.tr("Import the card"))
        self._update()

    def _update(self) -> None:
        typing = self.type_mode.isChecked()
        self.typed.setEnabled(typing)
        self.typed_label.setEnabled(typing)
        self.count.setVisible(typing)
        self.shown.setVisible(not typing)
        self.compared.setVisible(not typing)
        self.count.setText(self.tr("%1 of 40 digits").replace("%1", str(len(self._typed()))))
        if self._wrong_role:
            self.error.setText(
                self.tr("This is an HQ card; this HQ vault imports the cards of field devices.")
                if self.session.role == "hq"
                else self.tr("This is a field device's card; a field vault imports HQ cards.")
            )
        self.import_button.setEnabled(not self._wrong_role and self.ready())

    def _typed(self) -> str:
        return _digits(self.typed.text())

    def ready(self) -> bool:
        if self.type_mode.isChecked():
            return len(self._typed()) == 40
        return self.compared.isChecked()

    def fingerprint(self) -> str:
        """What the user confirmed: the typed digits, or the card's own when compared."""
        return self.typed.text() if self.type_mode.isChecked() else self.card.fingerprint

    def try_import(self) -> bool:
        """Register the card if the confirmed fingerprint matches; say why not otherwise."""
        if self._wrong_role or not self.ready():
            return False
        try:
            self.stored, self.created = cards.import_card(
                self.session.records.conn,
                self.card,
                self.fingerprint(),
                own_role=self.session.role,
                vault_id=self.session.vault_id,
                device=self.session.device_id,
            )
        except FielddocError as exc:
            if exc.code == "BAD_INPUT" and _name_taken(self.session, self.card):
                self.error.setText(
                    self.tr("Another active card is registered under the name %1.").replace(
                        "%1", self.card.name
                    )
                )
            else:
                self.error.setText(message_for(exc.code))
            return False
        self.error.clear()
        return True

    def accept(self) -> None:
        if self.try_import():
            super().accept()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _name_taken(session: Session, card: KeyCard) -> bool:
    return any(
        stored.card.name == card.name and stored.card.key_id != card.key_id
        for stored in cards.list_cards(session.records.conn, active=True)
    )


# --- export ---------------------------------------------------------------------------------


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
                text = self.tr(
                    "The bundle will carry %1 record revisions (of %2 records), %3 link "
                    "changes and %4 evidence files (%5), signed by this laptop and encrypted "
                    "so that only the chosen HQ keys can open it."
                )
                self.summary.setText(
                    text.replace("%1", str(counts.revisions))
                    .replace("%2", str(counts.records))
                    .replace("%3", str(counts.links))
                    .replace("%4", str(counts.evidence))
                    .replace("%5", data_size(counts.evidence_bytes))
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
            text = self.tr(
                "Bundle %1 written to %2: %3 record revisions, %4 link changes, %5 evidence "
                "files (%6), encrypted for %7. Take it to HQ by any channel."
            )
            state.setText(
                text.replace("%1", str(result.seq))
                .replace("%2", str(result.path))
                .replace("%3", str(result.revisions))
                .replace("%4", str(result.links))
                .replace("%5", str(result.evidence))
                .replace("%6", data_size(result.payload_bytes))
                .replace("%7", ", ".join(result.recipients))
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


# --- purge ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgePreview:
    """What ``purge_delivered`` would remove now (same selection, read only)."""

    records: int
    records_by_template: dict[str, int]
    record_titles: list[str]
    evidence: int
    evidence_bytes: int
    evidence_names: list[str]
    delivered_to: list[str]

    @property
    def empty(self) -> bool:
        return not (self.records or self.evidence)


_DOOMED_RECORDS = (
    "FROM records r JOIN deliveries d ON d.kind = 'revision' AND d.item_id = r.head_revision "
    "WHERE NOT EXISTS (SELECT 1 FROM revisions x WHERE x.record_id = r.id AND NOT EXISTS "
    "(SELECT 1 FROM deliveries y WHERE y.kind = 'revision' AND y.item_id = x.id))"
)
_DOOMED_EVIDENCE = (
    "FROM evidence e JOIN deliveries d ON d.kind = 'evidence' AND d.item_id = e.id "
    "WHERE e.blob_name IS NOT NULL"
)


def purge_preview(conn: Connection) -> PurgePreview:
    """Mirror of the selection in ``fielddoc.exchange.purge.purge_delivered`` (no age limit)."""
    by_template = dict(
        conn.execute(f"SELECT r.template, count(*) {_DOOMED_RECORDS} GROUP BY r.template")
    )
    titles = [
        str(row[0])
        for row in conn.execute(
            f"SELECT r.title {_DOOMED_RECORDS} ORDER BY r.updated_at LIMIT ?", (SHOWN_NAMES,)
        )
    ]
    count, size = conn.execute(
        f"SELECT count(*), coalesce(sum(e.size), 0) {_DOOMED_EVIDENCE}"
    ).fetchone()
    names = [
        str(row[0])
        for row in conn.execute(
            f"SELECT e.original_name {_DOOMED_EVIDENCE} ORDER BY e.acquired_at LIMIT ?",
            (SHOWN_NAMES,),
        )
    ]
    hqs = sorted(
        {
            str(row[0])
            for row in conn.execute(
                f"SELECT DISTINCT d.delivered_to {_DOOMED_RECORDS} UNION "
                f"SELECT DISTINCT d.delivered_to {_DOOMED_EVIDENCE}"
            )
        }
    )
    return PurgePreview(
        records=sum(int(n) for n in by_template.values()),
        records_by_template={str(k): int(v) for k, v in by_template.items()},
        record_titles=titles,
        evidence=int(count),
        evidence_bytes=int(size),
        evidence_names=names,
        delivered_to=hqs,
    )


def _listing(names: list[str], total: int) -> str:
    shown = ", ".join(f"“{name}”" for name in names if name)
    more = total - len(names)
    if more > 0:
        shown += " " + QCoreApplication.translate("exchange", "and %1 more").replace(
            "%1", str(more)
        )
    return shown


def purge_confirmation_text(preview: PurgePreview, templates: TemplateSet) -> str:
    """Exactly what will be destroyed, what stays, and that it cannot be undone."""
    lines = [QCoreApplication.translate("exchange", "This permanently deletes from this laptop:")]
    if preview.records:
        kinds = ", ".join(
            f"{count} × {templates.get(name).label(LANGUAGE.current)}"
            for name, count in sorted(preview.records_by_template.items())
        )
        lines.append(
            "• "
            + QCoreApplication.translate("exchange", "%1 records (%2): %3")
            .replace("%1", str(preview.records))
            .replace("%2", kinds)
            .replace("%3", _listing(preview.record_titles, preview.records))
        )
    if preview.evidence:
        lines.append(
            "• "
            + QCoreApplication.translate("exchange", "%1 evidence files (%2): %3")
            .replace("%1", str(preview.evidence))
            .replace("%2", data_size(preview.evidence_bytes))
            .replace("%3", _listing(preview.evidence_names, preview.evidence))
        )
    lines.append("")
    lines.append(
        QCoreApplication.translate(
            "exchange",
            "HQ (%1) confirmed with a signed receipt that it received each of them. The text, "
            "the files and their keys are destroyed; only a stub stays for each: its id, its "
            "hash, and when and to whom it was delivered. This cannot be undone.",
        ).replace("%1", ", ".join(preview.delivered_to))
    )
    return "\n".join(lines)


def confirm_purge(parent: QWidget | None, preview: PurgePreview, templates: TemplateSet) -> bool:
    """Ask before purging; Cancel is the default answer."""
    action = QCoreApplication.translate("exchange", "Delete %1 records and %2 files").replace(
        "%1", str(preview.records)
    )
    return dialogs.confirm(
        parent,
        QCoreApplication.translate("exchange", "Purge what HQ confirmed"),
        purge_confirmation_text(preview, templates),
        action=action.replace("%2", str(preview.evidence)),
    )
