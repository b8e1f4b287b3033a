"""Ingesting and verifying a 2 GiB file keeps the process's peak memory under 100 MiB.

The file is generated (not committed). The measurement is the child process's own peak
resident set (VmHWM), which includes the interpreter, SQLCipher and OpenSSL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, make_vault

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status"),
]

SIZE = 2 * 1024**3
CHILD = """
import json, sys
from pathlib import Path
from fielddoc.crypto.kdf import KdfParams
from fielddoc.evidence.store import EvidenceStore
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import open_vault
def peak_kib():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork+exec from the parent
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1])
p = KdfParams(64, 1, 1)
vault = open_vault(Path(sys.argv[1]), sys.argv[2], floor=p)
store = EvidenceStore(RecordStore(vault.conn, vault_id=vault.vault_id,
                                  device_id=vault.info.device_id), vault.blobs_dir)
result = store.ingest(Path(sys.argv[3]))
after_ingest = peak_kib()
verified = store.verify([result.id])
with store.open_reader(result.id) as reader:
    reader.seek(result.size - 100)
    tail = reader.read()
peak = peak_kib()
print(json.dumps({"size": result.size, "sha256": result.sha256, "ok": verified[0].ok,
                  "tail": len(tail), "ingest_kib": after_ingest, "peak_kib": peak}))
"""


def test_two_gib_ingest_and_verify_in_flat_memory(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    source = tmp_path / "video.mp4"
    block = os.urandom(4 * 1024 * 1024)
    with source.open("wb") as out:
        for _ in range(SIZE // len(block)):
            out.write(block)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(handle.path), PASSPHRASE, str(source)],
        capture_output=True,
        check=True,
        timeout=900,
    )
    report = json.loads(result.stdout)
    print(
        f"2 GiB ingest + verify: peak RSS {report['peak_kib'] / 1024:.1f} MiB "
        f"(after ingest {report['ingest_kib'] / 1024:.1f} MiB)"
    )
    assert report["size"] == SIZE
    assert report["ok"] is True
    assert report["tail"] == 100
    assert report["peak_kib"] < 100 * 1024
