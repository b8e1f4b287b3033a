"""Disk faults during evidence ingest, export and import at HQ: ENOSPC and EIO at every write.

For each operation a clean run first counts the writes (``os.write``, the blob store's
writes, ``.write`` on the bundle file) and fsyncs (files and folders) it makes; then, for
every N over that whole range and for both errnos, the Nth write or fsync fails
(tests/faults.py). Each failure must surface as a typed error with the stable code
``STORAGE_FAILED`` naming the errno, leave the vault passing ``check`` with no new row, no
blob, no temp file and no partial output, and the operation must succeed when run again.

The one step that comes after a commit, the fsync of the folder a bundle was renamed into,
may fail only with the bundle complete and recorded (tests/e2e/test_crash_exchange.py
explains the order); the test holds that case to exactly that.

Each test prints what it tried: the counts and the sweep ranges.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from fielddoc.exchange.context import ExchangeContext, exchange_context
from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.importer import import_bundle
from fielddoc.vault.vault import Vault, open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE
from tests.exchange_support import add_sample_content, make_pair
from tests.faults import FSYNC, WRITE, DiskFaults, assert_vault_clean
from tests.suite_report import report

pytestmark = pytest.mark.slow

ERRNOS = (errno.ENOSPC, errno.EIO)
TABLES = (
    "records",
    "revisions",
    "evidence",
    "custody_events",
    "remote_custody_events",
    "provenance",
    "bundles_in",
    "bundles_out",
    "bundle_items",
)


@dataclass(frozen=True)
class Stage:
    root: Path
    bundle: Path
    photo: Path


def rows(vault: Vault) -> dict[str, int]:
    return {
        table: int(vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in TABLES
    }


def _open(folder: Path) -> Vault:
    return open_vault(folder, PASSPHRASE, floor=CHEAP_KDF)


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Stage:
    root = tmp_path_factory.mktemp("faults")
    pair = make_pair(root / "pair")
    add_sample_content(pair, evidence_bytes=90_000)
    photo = root / "new.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + os.urandom(120_000))  # eight 16 KiB chunks
    pair.field.vault.close()
    pair.hq.vault.close()
    shutil.copytree(pair.field.path, root / "field")
    shutil.copytree(pair.hq.path, root / "hq")
    bundle = root / "bundle.fdb"
    field = _open(pair.field.path)
    try:
        write_bundle(exchange_context(field), bundle)
    finally:
        field.close()
    return Stage(root, bundle, photo)


class ImportRejectedError(Exception):
    """An import the importer refused: its report's error code and message."""

    def __init__(self, code: str | None, message: str | None) -> None:
        super().__init__(message)
        self.code = code


Operation = Callable[[ExchangeContext, Path], object]
Judge = Callable[[Vault, Path, dict[str, int], bool, str], None]


def sweep(
    name: str,
    vault_name: str,
    context: tuple[Stage, Path, pytest.MonkeyPatch],
    operation: Operation,
    judge: Judge,
) -> None:
    """Count the writes and fsyncs of ``operation``, then fail each in turn with each errno.

    Every failure must be a ``STORAGE_FAILED`` error naming the errno; then ``judge``
    (vault, work folder, rows before, whether the last fsync failed, label) checks the state
    and runs the operation again, and the vault must be clean."""
    stage, tmp_path, monkeypatch = context

    def run(label: str, faults: DiskFaults | None) -> None:
        work = tmp_path / label.replace(" ", "-").replace("/", "of")
        shutil.copytree(stage.root / vault_name, work / vault_name)
        (work / "out").mkdir()
        vault = _open(work / vault_name)
        try:
            before = rows(vault)
            with monkeypatch.context() as patch:
                if faults is None:
                    counted.update(count=DiskFaults().install(patch))
                else:
                    faults.install(patch)
                try:
                    operation(exchange_context(vault), work)
                    error: Exception | None = None
                except Exception as exc:  # noqa: BLE001 - judged right below
                    error = exc
            if faults is None:
                assert error is None, f"{label}: {error!r}"
                return
            assert faults.fired, f"{label}: the fault never fired"
            assert error is not None, f"{label}: the fault was swallowed"
            assert not isinstance(error, OSError), f"{label}: untyped {error!r}"
            assert getattr(error, "code", None) == "STORAGE_FAILED", f"{label}: {error!r}"
            assert errno.errorcode[faults.code] in str(error), f"{label}: {error}"
            last = faults.kind == FSYNC and faults.at == counted["count"].fsyncs
            judge(vault, work, before, last, label)
            assert_vault_clean(vault, label)
        finally:
            vault.close()
            shutil.rmtree(work)

    counted: dict[str, DiskFaults] = {}
    run(f"{name} count", None)
    total = counted["count"]
    assert total.writes and total.fsyncs, f"{name}: nothing to sweep"
    runs = 0
    for kind, last in ((WRITE, total.writes), (FSYNC, total.fsyncs)):
        for number in range(1, last + 1):
            for code in ERRNOS:
                label = f"{name} {kind} {number}/{last} {errno.errorcode[code]}"
                run(label, DiskFaults(kind, number, code))
                runs += 1
    report(
        f"{name}: {total.writes} writes and {total.fsyncs} fsyncs counted; failed write "
        f"1..{total.writes} and fsync 1..{total.fsyncs}, each with ENOSPC and EIO: {runs} runs"
    )


# --- evidence ingest ----------------------------------------------------------------------------


def test_disk_faults_during_ingest(
    stage: Stage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ingest(ctx: ExchangeContext, _work: Path) -> object:
        return ctx.evidence.ingest(stage.photo)

    def judge(vault: Vault, work: Path, before: dict[str, int], _last: bool, label: str) -> None:
        assert rows(vault) == before, f"{label}: rows written"
        assert_vault_clean(vault, label)
        result = ingest(exchange_context(vault), work)
        assert rows(vault)["evidence"] == before["evidence"] + 1, label
        assert getattr(result, "size", None) == stage.photo.stat().st_size, label

    sweep("ingest", "field", (stage, tmp_path, monkeypatch), ingest, judge)


# --- export ---------------------------------------------------------------------------------


def test_disk_faults_during_export(
    stage: Stage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def export(ctx: ExchangeContext, work: Path) -> object:
        return write_bundle(ctx, work / "out" / "bundle.fdb")

    def judge(vault: Vault, work: Path, before: dict[str, int], last: bool, label: str) -> None:
        out = work / "out"
        files = sorted(path.name for path in out.iterdir())
        after = rows(vault)
        if last and files:  # the folder fsync after the commit: recorded and complete
            assert files == ["bundle.fdb"], f"{label}: {files}"
            assert after["bundles_out"] == before["bundles_out"] + 1, label
            shutil.copytree(stage.root / "hq", work / "hq")
            hq = _open(work / "hq")
            try:
                report = import_bundle(exchange_context(hq), out / "bundle.fdb")
                assert report.ok, f"{label}: {report.error_code}"
            finally:
                hq.close()
        else:
            assert files == [], f"{label}: output left behind: {files}"
            assert after == before, f"{label}: rows written"
        assert_vault_clean(vault, label)
        again = write_bundle(exchange_context(vault), out / "again.fdb")
        assert again.path.is_file(), label
        assert not [p for p in out.iterdir() if ".partial" in p.name], label

    sweep("export", "field", (stage, tmp_path, monkeypatch), export, judge)


# --- import at HQ ---------------------------------------------------------------------------


def test_disk_faults_during_import(
    stage: Stage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def import_(ctx: ExchangeContext, _work: Path) -> object:
        report = import_bundle(ctx, stage.bundle)
        if not report.ok:
            raise ImportRejectedError(report.error_code, report.error)
        return report

    def judge(vault: Vault, work: Path, before: dict[str, int], _last: bool, label: str) -> None:
        assert rows(vault) == before, f"{label}: rows written"
        assert_vault_clean(vault, label)
        import_(exchange_context(vault), work)
        after = rows(vault)
        assert after["bundles_in"] == 1, label
        assert after["evidence"] == before["evidence"] + 1, label

    sweep("import", "hq", (stage, tmp_path, monkeypatch), import_, judge)
