"""Evidence ingest benchmark (issue 3): one pass of fielddoc (SHA-256 + C2SP encryption + fsync
+ database row) next to `openssl dgst -sha256` plus `age -r` on the same 1 GiB file, in one
run. Target: fielddoc / (openssl + age) <= 1.0. Also prints fielddoc's peak memory.

fielddoc runs in a child process that reports the ingest's own duration (vault unlock
excluded: the KDF is benchmarked separately) and its peak RSS.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import heading

SIZE = 1024**3
ROUNDS = 3
CHILD = """
import json, sys, time
from pathlib import Path
from fielddoc.crypto.kdf import KdfParams
from fielddoc.evidence.store import EvidenceStore
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import create_vault
def peak_kib():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork+exec from the parent
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1])
p = KdfParams(64, 1, 1)  # the KDF is not what this benchmark measures
vault, _ = create_vault(Path(sys.argv[1]), 'benchmark passphrase', kdf=p, floor=p)
store = EvidenceStore(RecordStore(vault.conn, vault_id=vault.vault_id,
                                  device_id=vault.info.device_id), vault.blobs_dir)
start = time.perf_counter()
result = store.ingest(Path(sys.argv[2]))
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "sha256": result.sha256,
                  "peak_mib": peak_kib() / 1024}))
"""


def run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    missing = [tool for tool in ("openssl", "age", "age-keygen") if not shutil.which(tool)]
    heading("Evidence ingest, 1 GiB (one pass) vs openssl dgst -sha256 + age -r")
    if missing:
        print(f"  skipped: {', '.join(missing)} not installed (.ci/run installs them)")
        return
    work = Path(tempfile.mkdtemp(prefix="fielddoc-bench-evidence-"))
    try:
        source = work / "video.bin"
        block = os.urandom(8 * 1024 * 1024)
        with source.open("wb") as out:
            for _ in range(SIZE // len(block)):
                out.write(block)
        identity = work / "age.key"
        subprocess.run(["age-keygen", "-o", str(identity)], check=True, capture_output=True)
        recipient = subprocess.run(
            ["age-keygen", "-y", str(identity)], check=True, capture_output=True, text=True
        ).stdout.strip()
        run(["cat", str(source)])  # warm the page cache for every contender alike
        sha, age, ours, peaks = [], [], [], []
        for index in range(ROUNDS):
            sha.append(run(["openssl", "dgst", "-sha256", str(source)]))
            encrypted = work / f"out{index}.age"
            age.append(run(["age", "-r", recipient, "-o", str(encrypted), str(source)]))
            encrypted.unlink()
            child = subprocess.run(
                [sys.executable, "-c", CHILD, str(work / f"vault{index}"), str(source)],
                check=True,
                capture_output=True,
                text=True,
            )
            report = json.loads(child.stdout)
            ours.append(report["seconds"])
            peaks.append(report["peak_mib"])
            shutil.rmtree(work / f"vault{index}")
        s, a, o = statistics.median(sha), statistics.median(age), statistics.median(ours)
        print(f"  openssl dgst -sha256     {s:7.3f} s   ({SIZE / s / 1e6:7.0f} MB/s)")
        print(f"  age -r                   {a:7.3f} s   ({SIZE / a / 1e6:7.0f} MB/s)")
        print(f"  sum of the two           {s + a:7.3f} s")
        print(f"  fielddoc ingest          {o:7.3f} s   ({SIZE / o / 1e6:7.0f} MB/s, incl. fsync)")
        print(f"  ratio fielddoc / (openssl + age) = {o / (s + a):.2f}  (target <= 1.0)")
        print(f"  fielddoc peak RSS        {max(peaks):7.1f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
