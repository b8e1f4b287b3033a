"""SIGKILL during ingest of a large file, 50 times: the vault opens, `check` passes, there is
no partial evidence row, and no orphan blob remains after the next open."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fielddoc.checks import run_checks
from fielddoc.evidence.store import EvidenceStore
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, make_vault
from tests.suite_report import report

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="POSIX signals")]

INGESTER = """
import sys
from pathlib import Path
from fielddoc.crypto.kdf import KdfParams
from fielddoc.evidence.store import EvidenceStore
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import open_vault
p = KdfParams(64, 1, 1)
vault = open_vault(Path(sys.argv[1]), sys.argv[2], floor=p)
records = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
store = EvidenceStore(records, vault.blobs_dir)
for name in sys.argv[3:]:
    result = store.ingest(Path(name))
    print(result.id, result.sha256, flush=True)
"""


def test_sigkill_during_ingest(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    sources = []
    for index in range(3):
        path = tmp_path / f"video{index}.mp4"
        with path.open("wb") as handle_out:
            block = os.urandom(1024 * 1024)
            for _ in range(96):  # 96 MiB each
                handle_out.write(block)
        sources.append(str(path))
    rng = random.Random(42)
    acknowledged: dict[str, str] = {}
    for attempt in range(50):
        child = subprocess.Popen(
            [sys.executable, "-c", INGESTER, str(handle.path), PASSPHRASE, *sources],
            stdout=subprocess.PIPE,
        )
        delay = rng.uniform(0.3, 1.5)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        for line in out.decode().splitlines(keepends=True):
            fields = line.split()
            if line.endswith("\n") and len(fields) == 2:  # a line cut by the kill is not an ack
                acknowledged[fields[0]] = fields[1]
        blobs_dir = handle.path / "blobs"
        leftovers = len(list(blobs_dir.iterdir()))
        vault = open_vault(handle.path, PASSPHRASE, floor=CHEAP_KDF)
        try:
            records = RecordStore(
                vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id
            )
            store = EvidenceStore(records, vault.blobs_dir)
            items = store.items()
            owned = {item.blob_name for item in items}
            on_disk = {p.name for p in vault.blobs_dir.iterdir()}
            assert on_disk == owned, f"attempt {attempt}: orphans {on_disk - owned}"
            failed = [r.name for r in run_checks(vault) if not r.ok]
            assert failed == [], f"attempt {attempt}: {failed}"
            for evidence_id, digest in acknowledged.items():
                assert store.get(evidence_id).sha256 == digest
            print(
                f"attempt {attempt}: killed after {delay:.2f}s; {len(items)} items, "
                f"{leftovers - len(on_disk)} leftovers removed at open"
            )
        finally:
            vault.close()
    report(
        f"evidence ingest: 50 SIGKILLs 0.3-1.5 s into ingesting 3 x 96 MiB; "
        f"{len(acknowledged)} acknowledged items intact, no orphan blob after open"
    )
