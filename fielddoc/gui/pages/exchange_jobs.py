"""The exchange page's work on the worker thread: one job function per operation (each runs
with the worker's own connection and context) and the results the page shows.

Nothing here touches a widget; the page hears back only through the job's signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fielddoc import settings
from fielddoc.exchange.importer import BundleReport
from fielddoc.exchange.purge import PurgeResult
from fielddoc.exchange.receipts import ReceiptResult
from fielddoc.gui.session import Session
from fielddoc.gui.workers import JobFunction

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


def import_job(
    session: Session, path: Path, accept_gap: bool, receipts_dir: Path | None
) -> JobFunction:
    def run(conn: Any, _progress: Any, cancel: Any) -> BundleReport:
        from fielddoc.exchange.importer import import_bundle

        ctx = session.worker_context(conn)
        return import_bundle(
            ctx, path, accept_gap=accept_gap, receipts_dir=receipts_dir, cancel=cancel
        )

    return run


def verify_job(session: Session, path: Path) -> JobFunction:
    def run(conn: Any, _progress: Any, cancel: Any) -> BundleReport:
        from fielddoc.exchange.importer import verify_bundle

        return verify_bundle(session.worker_context(conn), path, cancel=cancel)

    return run


def receipt_job(session: Session, path: Path) -> JobFunction:
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


def purge_job(session: Session, older_than_days: int | None) -> JobFunction:
    def run(conn: Any, _progress: Any, _cancel: Any) -> PurgeResult:
        from fielddoc.exchange.purge import purge_delivered

        return purge_delivered(session.worker_context(conn), older_than_days=older_than_days)

    return run


def write_receipt_job(session: Session, bundle_id: str, folder: Path) -> JobFunction:
    def run(conn: Any, _progress: Any, _cancel: Any) -> Path:
        from fielddoc.exchange.receipts import write_receipt

        return write_receipt(session.worker_context(conn), bundle_id, folder)

    return run


def bundle_report(result: object) -> BundleReport:
    assert isinstance(result, BundleReport)  # noqa: S101 - job result type
    return result
