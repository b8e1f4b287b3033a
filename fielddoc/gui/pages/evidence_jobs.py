"""The Evidence page's work on the worker thread and the words for its results.

Job functions (:func:`ingest_job`, :func:`verify_job`, :func:`extract_job`) run with the
worker's own connection and never touch a widget. An ingest stops at a cancel between or
inside files; a file that failed to read is reported by its error code and the others go on.
The result lines are functions, so the page can say them again after a language switch; they
use the translation context ``"EvidencePage"``, the class users see. Lines with a count
(``%n``) stay methods of the page: lupdate marks a plural form only in ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from fielddoc.errors import CancelledError, FielddocError
from fielddoc.evidence.ingest import IngestResult
from fielddoc.evidence.store import VerifyResult
from fielddoc.gui.pages.evidence_table import fill, problem_text, size_text
from fielddoc.gui.session import Session
from fielddoc.gui.workers import JobFunction

translate = QCoreApplication.translate


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


# --- job functions (run on the worker with its own connection) ------------------------------


def ingest_job(
    session: Session, files: list[Path], sizes: list[int], target: str | None
) -> JobFunction:
    """Ingest ``files`` (of ``sizes`` bytes, for the progress) attached to ``target``."""

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

    return ingest


def verify_job(session: Session, targets: list[str] | None) -> JobFunction:
    def run(
        conn: Any, progress: Callable[[int, int], None], cancel: Callable[[], bool]
    ) -> list[VerifyResult]:
        store = session.worker_context(conn).evidence
        return store.verify(targets, progress=progress, cancel=cancel)

    return run


def extract_job(session: Session, evidence_id: str, target: Path) -> JobFunction:
    def run(
        conn: Any, progress: Callable[[int, int], None], cancel: Callable[[], bool]
    ) -> ExtractReport:
        store = session.worker_context(conn).evidence
        written = store.extract(evidence_id, target, progress=progress, cancel=cancel)
        return ExtractReport(evidence_id, target, written)

    return run


# --- result lines -------------------------------------------------------------------------


def ingest_progress_text(sizes: Sequence[int], names: Sequence[str], done: int, total: int) -> str:
    """Which file an ingest is reading at ``done`` of ``total`` (the job's progress units),
    from the sizes and names of the files in the order they are read."""
    whole = sum(sizes)
    reached = done * whole // total if total else 0
    index, running = 0, 0
    for index, size in enumerate(sizes):  # noqa: B007 - index is used after the loop
        running += size
        if reached < running:
            break
    return fill(
        translate("EvidencePage", "Adding file %1 of %2: %3"),
        index + 1,
        len(sizes),
        names[index] if names else "",
    )


def added_text(name: str, short_hash: str) -> str:
    return fill(translate("EvidencePage", "%1: added (SHA-256 %2…)"), name, short_hash)


def duplicate_text(name: str, existing: str, evidence_id: str) -> str:
    return fill(
        translate(
            "EvidencePage", "%1: already in the vault as “%2” (%3); it was not stored again."
        ),
        name,
        existing,
        evidence_id,
    )


def ingest_error_text(name: str, code: str) -> str:
    if code == "BAD_INPUT":
        reason = translate(
            "EvidencePage",
            "could not be read (missing, a folder, unreadable, or changed while it was "
            "read). Nothing was stored.",
        )
    else:
        reason = message_text(code)
    return fill(translate("EvidencePage", "%1: %2"), name, reason)


def verify_text(name: str, result: VerifyResult) -> str:
    """One file's verification, in the current language."""
    if result.ok and result.problem == "purged":
        return fill(translate("EvidencePage", "%1: delivered and removed here; skipped"), name)
    if result.ok:
        return fill(translate("EvidencePage", "%1: intact, matches its SHA-256"), name)
    return fill(
        translate("EvidencePage", "%1 (%2): FAILED, %3"),
        name,
        result.id,
        problem_text(result.problem),
    )


def extracted_text(report: ExtractReport) -> str:
    return fill(
        translate("EvidencePage", "Unencrypted copy written to %1 (%2). Remove it when done."),
        report.destination,
        size_text(report.written),
    )


def message_text(code: str) -> str:
    from fielddoc.gui.messages import message_for

    return message_for(code)
