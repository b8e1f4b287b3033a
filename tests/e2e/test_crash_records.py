"""Crash suite for record writes and passphrase changes (SIGKILL at random moments).

Each run prints what it tried, so a CI log shows the kill points.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fielddoc.checks import run_checks
from fielddoc.errors import UnlockError
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, make_vault
from tests.suite_report import report

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="POSIX signals")]

WRITER = """
import hashlib, sys
from pathlib import Path
from fielddoc.crypto.kdf import KdfParams
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import open_vault
p = KdfParams(64, 1, 1)
vault = open_vault(Path(sys.argv[1]), sys.argv[2], floor=p)
store = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
start = int(sys.argv[3])
for n in range(start, start + 100000):
    text = hashlib.sha256(str(n).encode()).hexdigest() * (1 + n % 50)
    rec = store.create("testimony", {"title": f"rec-{n}", "narrative": text})
    store.edit(rec.id, {"title": f"rec-{n}", "narrative": text + " edited"})
    print(n, flush=True)
"""


def expected_narrative(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest() * (1 + n % 50)


def test_sigkill_during_record_writes(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    rng = random.Random(20261127)
    acknowledged: set[int] = set()
    next_n = 0
    for attempt in range(50):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(handle.path), PASSPHRASE, str(next_n)],
            stdout=subprocess.PIPE,
        )
        delay = rng.uniform(0.3, 1.2)  # start-up is ~0.3 s, so kills land mid-write
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        done = [int(line) for line in out.decode().splitlines(keepends=True) if line.endswith("\n")]
        acknowledged.update(done)
        next_n += 100000
        print(f"attempt {attempt}: killed after {delay:.2f}s, {len(done)} records acknowledged")

        vault = open_vault(handle.path, PASSPHRASE, floor=CHEAP_KDF)
        try:
            failed = [r.name for r in run_checks(vault) if not r.ok]
            assert failed == [], f"attempt {attempt}: {failed}"
            store = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
            present = set()
            for summary in store.list():
                n = int(summary.title.removeprefix("rec-"))
                present.add(n)
                revisions = store.revisions(summary.id)
                assert revisions[0].body == {
                    "title": summary.title,
                    "narrative": expected_narrative(n),
                }
                if len(revisions) == 2:
                    assert revisions[1].body["narrative"] == expected_narrative(n) + " edited"
                assert len(revisions) in (1, 2)
            assert acknowledged <= present, "an acknowledged record was lost"
        finally:
            vault.close()
    assert acknowledged, "no write was ever acknowledged; the kill timings are wrong"
    report(
        f"record save: 50 SIGKILLs 0.3-1.2 s into a writer; {len(acknowledged)} acknowledged "
        "records all present after each kill; check passed every time"
    )


CHANGER = """
import sys
from pathlib import Path
from fielddoc.crypto.kdf import KdfParams
from fielddoc.vault.vault import open_vault
p = KdfParams(1024, 1, 1)
folder, a, b = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
current, other = a, b
vault = open_vault(folder, current, floor=p)
while True:
    vault.change_passphrase(current, other)
    current, other = other, current
    print(current, flush=True)
"""


def test_sigkill_during_passphrase_change(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    other = "the other passphrase"
    rng = random.Random(7)
    known = PASSPHRASE
    for attempt in range(50):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHANGER,
                str(handle.path),
                known,
                other if known == PASSPHRASE else PASSPHRASE,
            ],
            stdout=subprocess.PIPE,
        )
        delay = rng.uniform(0.3, 0.9)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.communicate()
        works = []
        for candidate in (PASSPHRASE, other):
            try:
                open_vault(handle.path, candidate, floor=CHEAP_KDF).close()
                works.append(candidate)
            except UnlockError:
                pass
        print(f"attempt {attempt}: killed after {delay:.2f}s; working: {len(works)}")
        assert len(works) == 1, f"attempt {attempt}: {len(works)} passphrases work"
        known = works[0]
    report("passphrase change: 50 SIGKILLs 0.3-0.9 s into a change loop; exactly one works")
