"""Crash suite for export, import, receipt import and purge: SIGKILL at every kind of step.

A forked child runs one operation on a copy of a prepared vault and numbers its durable
steps (writes, fsyncs, renames, unlinks, SQL statements: tests/faults.py). A dry run lists
them; then the child is killed exactly before step k, for k spread over the whole list, and
a few more times a random moment after a step. After each kill a fresh open must succeed,
``check`` must pass, no orphan may remain, the operation must be whole or absent, what the
child acknowledged must hold, and running the operation again must succeed.

Each test prints what it tried: kills, the phases they landed in, the crash-point range.
"""

from __future__ import annotations

import collections
import contextlib
import os
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fielddoc.exchange.context import ExchangeContext, exchange_context
from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.importer import import_bundle
from fielddoc.exchange.purge import purge_delivered
from fielddoc.exchange.receipts import import_receipt
from fielddoc.vault.vault import Vault, open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE
from tests.exchange_support import add_sample_content, make_pair
from tests.faults import (
    ChildRun,
    CrashPoints,
    TracedConnection,
    assert_vault_clean,
    run_child,
    spread_targets,
)
from tests.leakscan import find_strings, vault_db_key
from tests.suite_report import report

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="POSIX fork/signals")]

KILLS = 30  # kills exactly before a crash point, spread over all of them
LOOSE = 6  # kills a random moment (up to 5 ms) after a crash point was reported
BUNDLE = "bundle.fdb"
HQ_COUNTS = (
    "revisions",
    "link_revisions",
    "evidence",
    "custody_events",
    "remote_custody_events",
    "provenance",
    "bundles_in",
    "bundle_in_items",
)


@dataclass(frozen=True)
class Templates:
    """Vault folders at each stage of one exchange (copied for every run) and what they hold."""

    root: Path
    bundle: Path
    receipt: Path
    hq_empty: tuple[int, ...]
    hq_full: tuple[int, ...]
    deliveries: int
    evidence: int
    records: int
    canaries: tuple[str, ...]


@contextlib.contextmanager
def opened(folder: Path) -> Iterator[Vault]:
    vault = open_vault(folder, PASSPHRASE, floor=CHEAP_KDF)
    try:
        yield vault
    finally:
        vault.close()


def count(vault: Vault, table: str, where: str = "") -> int:
    return int(vault.conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0])


def hq_counts(vault: Vault) -> tuple[int, ...]:
    return tuple(count(vault, table) for table in HQ_COUNTS)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    root = tmp_path_factory.mktemp("crash_exchange")
    pair = make_pair(root / "pair")
    add_sample_content(pair, evidence_bytes=60_000)
    canaries = ("qzvcanaryone", "qzvcanarytwo")
    for canary in canaries:
        record = pair.f.records.create(
            "testimony", {"title": "Допрос", "narrative": f"Свидетель {canary} описал допрос."}
        )
        pair.f.records.edit(
            record.id, {"title": "Допрос", "narrative": f"Свидетель {canary} описал всё."}
        )
    second = root / "scan.png"
    second.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(40_000))
    pair.f.evidence.ingest(second)
    pair.field.vault.close()
    pair.hq.vault.close()
    shutil.copytree(pair.field.path, root / "field_fresh")
    shutil.copytree(pair.hq.path, root / "hq_fresh")

    bundle, receipts = root / BUNDLE, root / "receipts"
    with opened(pair.field.path) as field:
        write_bundle(exchange_context(field), bundle)
    shutil.copytree(pair.field.path, root / "field_exported")
    with opened(pair.hq.path) as hq:
        hq_empty = hq_counts(hq)
        report = import_bundle(exchange_context(hq), bundle, receipts_dir=receipts)
        assert report.ok, report.error
        hq_full = hq_counts(hq)
    assert report.receipt is not None
    with opened(pair.field.path) as field:
        delivered = import_receipt(exchange_context(field), Path(report.receipt)).delivered
        evidence = count(field, "evidence")
        records = count(field, "records")
    shutil.copytree(pair.field.path, root / "field_delivered")
    # the baseline the purge runs are held to: an uninterrupted purge leaves no canary
    with opened(pair.field.path) as field:
        purge_delivered(exchange_context(field))
        assert not any(find_strings(field.folder, vault_db_key(field), canaries).values())
    return Templates(
        root,
        bundle,
        Path(report.receipt),
        hq_empty,
        hq_full,
        delivered,
        evidence,
        records,
        canaries,
    )


def traced_context(folder: Path, points: CrashPoints) -> ExchangeContext:
    """Child side: open, then trace every durable step of what follows."""
    vault = open_vault(folder, PASSPHRASE, floor=CHEAP_KDF)
    points.install()
    return exchange_context(vault, TracedConnection(vault.conn, points))


Body = Callable[[Path], Callable[[CrashPoints], None]]
Check = Callable[[Path, ChildRun, str], None]


def sweep(
    name: str, tmp_path: Path, stages: dict[str, Path], body: Body, check: Check, *, seed: int
) -> None:
    """Dry run, then KILLS exact and LOOSE random kills; ``check`` after each (see module doc)."""

    def fresh(label: str) -> Path:
        work = tmp_path / label
        for target, source in stages.items():
            shutil.copytree(source, work / target)
        (work / "out").mkdir()
        return work

    work = fresh("dry")
    dry = run_child(body(work), target=0, block=False)
    assert dry.lines[-1] == "END", f"{name}: the uninterrupted run failed: {dry.lines[-1:]}"
    events = dry.events
    shutil.rmtree(work)
    rng = random.Random(seed)
    plans = [(target, True, 0.0) for target in spread_targets(events, KILLS)]
    plans += [(rng.randint(1, len(events)), False, rng.uniform(0, 0.005)) for _ in range(LOOSE)]
    phases: collections.Counter[str] = collections.Counter()
    kills = 0
    for attempt, (target, block, delay) in enumerate(plans):
        label = f"{name} run {attempt} (point {target}/{len(events)}, {events[target - 1]})"
        work = fresh(f"run{attempt}")
        run = run_child(body(work), target=target, block=block, delay=delay)
        assert not any(line.startswith("ERR") for line in run.lines), f"{label}: {run.lines}"
        kills += run.killed
        where = run.phase if block else f"after {run.phase}"
        phases[where if run.killed else "finished"] += 1
        check(work, run, label)
        shutil.rmtree(work)
    report(
        f"{name}: {kills} SIGKILLs ({KILLS} exact, {LOOSE} loose) over crash points "
        f"1..{len(events)}; phases: {dict(sorted(phases.items()))}"
    )
    assert kills >= KILLS, f"{name}: only {kills} kills landed"


# --- export ----------------------------------------------------------------------------------


def export_body(work: Path) -> Callable[[CrashPoints], None]:
    def body(points: CrashPoints) -> None:
        ctx = traced_context(work / "field", points)
        result = write_bundle(ctx, work / "out" / BUNDLE)
        points.say(f"ACK written {result.bundle_id}")

    return body


def check_export(t: Templates) -> Check:
    def check(work: Path, run: ChildRun, label: str) -> None:
        out = work / "out" / BUNDLE
        with opened(work / "field") as field, opened(work / "hq") as hq:
            assert_vault_clean(field, label)
            sent = [row[0] for row in field.conn.execute("SELECT id FROM bundles_out")]
            assert len(sent) in (0, 1), label
            exports = count(field, "custody_events", "WHERE event = 'export'")
            assert exports == len(sent) * t.evidence, f"{label}: export half recorded"
            if run.acks:
                assert out.is_file(), f"{label}: acknowledged bundle missing"
                assert run.acks == [f"written {sent[0]}"], label
            hq_ctx = exchange_context(hq)
            if out.exists():  # a file at -o must be a complete bundle the vault recorded
                assert sent, f"{label}: a bundle file exists that the vault did not record"
                report = import_bundle(hq_ctx, out)
                assert report.ok, f"{label}: {report.error_code}"
                assert report.bundle_id == sent[0], label
            # again: to the same name unless that one is taken by a complete bundle
            again = work / "out" / ("again.fdb" if out.exists() else BUNDLE)
            write_bundle(exchange_context(field), again)
            assert sorted(p.name for p in again.parent.iterdir() if ".partial" in p.name) == []
            # a bundle recorded but never renamed into place is a gap HQ accepts explicitly
            report = import_bundle(hq_ctx, again, accept_gap=True)
            assert report.ok, f"{label}: re-export does not import: {report.error_code}"
            # (remote custody may hold more events: a recorded, unsent bundle added some)
            held = hq_counts(hq)
            assert held[:4] + held[5:6] == t.hq_full[:4] + t.hq_full[5:6], f"{label}: {held}"
            assert_vault_clean(field, label + " after re-export")

    return check


def test_sigkill_during_export(templates: Templates, tmp_path: Path) -> None:
    stages = {"field": templates.root / "field_fresh", "hq": templates.root / "hq_fresh"}
    sweep("export", tmp_path, stages, export_body, check_export(templates), seed=11)


# --- import at HQ ----------------------------------------------------------------------------


def import_body(bundle: Path) -> Body:
    def make(work: Path) -> Callable[[CrashPoints], None]:
        def body(points: CrashPoints) -> None:
            ctx = traced_context(work / "hq", points)
            report = import_bundle(ctx, bundle)
            if not report.ok:
                raise RuntimeError(report.error_code)
            points.say("ACK imported")

        return body

    return make


def check_import(t: Templates) -> Check:
    def check(work: Path, run: ChildRun, label: str) -> None:
        with opened(work / "hq") as hq:
            assert_vault_clean(hq, label)
            after = hq_counts(hq)
            assert after in (t.hq_empty, t.hq_full), f"{label}: half imported: {after}"
            if run.acks:
                assert after == t.hq_full, f"{label}: an acknowledged import was lost"
            report = import_bundle(exchange_context(hq), t.bundle)
            assert report.ok, f"{label}: import again: {report.error_code}"
            assert report.already_imported == (after == t.hq_full), label
            assert hq_counts(hq) == t.hq_full, label
            assert_vault_clean(hq, label + " after import again")

    return check


def test_sigkill_during_import(templates: Templates, tmp_path: Path) -> None:
    stages = {"hq": templates.root / "hq_fresh"}
    body = import_body(templates.bundle)
    sweep("import", tmp_path, stages, body, check_import(templates), seed=12)


# --- receipt import on the field laptop ------------------------------------------------------


def receipt_body(receipt: Path) -> Body:
    def make(work: Path) -> Callable[[CrashPoints], None]:
        def body(points: CrashPoints) -> None:
            ctx = traced_context(work / "field", points)
            result = import_receipt(ctx, receipt)
            points.say(f"ACK delivered {result.delivered}")

        return body

    return make


def check_receipt(t: Templates) -> Check:
    def check(work: Path, run: ChildRun, label: str) -> None:
        with opened(work / "field") as field:
            assert_vault_clean(field, label)
            marked = count(field, "deliveries")
            receipts = count(field, "receipts_in")
            events = count(field, "custody_events", "WHERE event = 'delivery'")
            whole = (t.deliveries, 1, t.evidence)
            assert (marked, receipts, events) in ((0, 0, 0), whole), f"{label}: half marked"
            if run.acks:
                assert marked == t.deliveries, f"{label}: acknowledged deliveries lost"
            result = import_receipt(exchange_context(field), t.receipt)
            assert result.already_imported == (marked > 0), label
            assert count(field, "deliveries") == t.deliveries, label
            assert_vault_clean(field, label + " after receipt again")

    return check


def test_sigkill_during_receipt_import(templates: Templates, tmp_path: Path) -> None:
    stages = {"field": templates.root / "field_exported"}
    body = receipt_body(templates.receipt)
    sweep("receipt", tmp_path, stages, body, check_receipt(templates), seed=13)


# --- purge -------------------------------------------------------------------------------------


def purge_body(work: Path) -> Callable[[CrashPoints], None]:
    def body(points: CrashPoints) -> None:
        ctx = traced_context(work / "field", points)
        result = purge_delivered(ctx)
        points.say(f"ACK purged {result.records} {result.evidence}")

    return body


def check_purge(t: Templates) -> Check:
    def check(work: Path, run: ChildRun, label: str) -> None:
        with opened(work / "field") as field:  # the open finishes an interrupted wipe
            assert_vault_clean(field, label)
            purged = count(field, "purged")
            records = count(field, "records")
            held = count(field, "evidence", "WHERE blob_name IS NOT NULL")
            stubs = count(field, "evidence", "WHERE blob_name IS NULL AND original_name = ''")
            whole = (t.records + t.evidence, 0, 0, t.evidence)
            assert (purged, records, held, stubs) in ((0, t.records, t.evidence, 0), whole), (
                f"{label}: half purged: {(purged, records, held, stubs)}"
            )
            if run.acks:
                assert purged == t.records + t.evidence, f"{label}: acknowledged purge lost"
            if purged:  # committed, so the wipe must be complete after this open
                found = find_strings(field.folder, vault_db_key(field), t.canaries)
                hits = {needle: [h.where for h in where][:3] for needle, where in found.items()}
                assert not any(found.values()), f"{label}: purged text survives: {hits}"
            purge_delivered(exchange_context(field))
            assert count(field, "records") == 0, label
            assert not any(find_strings(field.folder, vault_db_key(field), t.canaries).values())
            assert_vault_clean(field, label + " after purge again")

    return check


def test_sigkill_during_purge(templates: Templates, tmp_path: Path) -> None:
    stages = {"field": templates.root / "field_delivered"}
    sweep("purge", tmp_path, stages, purge_body, check_purge(templates), seed=14)
