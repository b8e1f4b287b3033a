"""Bundle export and HQ import (issue 4), next to the standard tools on the same data.

Data: 10k records and one 1 GiB evidence file in a field vault. fielddoc export is timed
next to ``tar -c | age -r`` over the same bag (extracted from the bundle, so both archive
the same bytes); fielddoc import (decrypt, check signature and every hash, re-encrypt the
evidence into the HQ store, one transaction) next to ``age -d | tar -x`` plus
``sha256sum -c``. Target: ratio <= 1.2; peak memory (VmHWM of the fielddoc process) under
150 MiB. Each fielddoc side runs in its own process so its peak memory is its own.
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

from bench.common import heading, sample_records

ROUNDS = 2
# smaller runs while iterating: FIELDDOC_BENCH_EVIDENCE_MIB=256 FIELDDOC_BENCH_RECORDS=2000
EVIDENCE = int(os.environ.get("FIELDDOC_BENCH_EVIDENCE_MIB", "1024")) * 1024**2
RECORDS = int(os.environ.get("FIELDDOC_BENCH_RECORDS", "10000"))
PRELUDE = """
import json, sys, time
from pathlib import Path
from fielddoc.crypto.kdf import KdfParams
from fielddoc.exchange.context import exchange_context
from fielddoc.vault.vault import open_vault
def peak_mib():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
p = KdfParams(64, 1, 1)
vault = open_vault(Path(sys.argv[1]), 'benchmark passphrase', floor=p)
ctx = exchange_context(vault)
"""
EXPORT = (
    PRELUDE
    + """
from fielddoc.exchange.export import write_bundle
start = time.perf_counter()
write_bundle(ctx, Path(sys.argv[2]), everything=True)
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mib": peak_mib()}))
"""
)
IMPORT = (
    PRELUDE
    + """
from fielddoc.exchange.importer import import_bundle
start = time.perf_counter()
report = import_bundle(ctx, Path(sys.argv[2]))
assert report.ok, report.to_text()
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mib": peak_mib()}))
"""
)
SETUP = "import sys; from bench.bench_exchange import setup; setup(*sys.argv[1:])"


def setup(work_dir: str, video: str, records: str) -> None:
    """Field and HQ vaults that know each other, the records and the evidence (own process)."""
    from fielddoc.crypto.kdf import KdfParams
    from fielddoc.exchange import cards
    from fielddoc.exchange.context import exchange_context
    from fielddoc.vault.vault import create_vault

    cheap = KdfParams(64, 1, 1)  # the KDF is not what this benchmark measures
    work = Path(work_dir)
    field, _ = create_vault(
        work / "field",
        "benchmark passphrase",
        role="field",
        name="Bench field",
        kdf=cheap,
        floor=cheap,
    )
    hq, _ = create_vault(
        work / "hq", "benchmark passphrase", role="hq", name="Bench HQ", kdf=cheap, floor=cheap
    )
    f, h = exchange_context(field), exchange_context(hq)
    cards.import_card(
        f.conn,
        h.card,
        h.card.fingerprint,
        own_role="field",
        vault_id=f.vault_id,
        device=f.device_id,
    )
    cards.import_card(
        h.conn, f.card, f.card.fingerprint, own_role="hq", vault_id=h.vault_id, device=h.device_id
    )
    with f.records.batch():
        for template, body in sample_records(int(records), seed=3):
            f.records.create(template, body)
    f.evidence.ingest(Path(video))
    (work / "hq.key").write_text(h.keys.age.secret + "\n")
    (work / "hq.recipient").write_text(h.keys.age.recipient)
    field.close()
    hq.close()


def child(script: str, *args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", script, *args], check=False, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"benchmark child failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def shell(command: str) -> float:
    start = time.perf_counter()
    subprocess.run(["bash", "-o", "pipefail", "-c", command], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    heading(f"Bundle export / HQ import: {RECORDS} records + {EVIDENCE / 1024**3:g} GiB evidence")
    missing = [t for t in ("age", "tar", "sha256sum") if not shutil.which(t)]
    if missing:
        print(f"  skipped: {', '.join(missing)} not installed (.ci/run installs them)")
        return
    work = Path(tempfile.mkdtemp(prefix="fielddoc-bench-exchange-"))
    try:
        video = work / "video.bin"
        block = os.urandom(8 * 1024 * 1024)
        with video.open("wb") as out:
            for _ in range(EVIDENCE // len(block)):
                out.write(block)
        subprocess.run(
            [sys.executable, "-c", SETUP, str(work), str(video), str(RECORDS)],
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        video.unlink()
        key, recipient = work / "hq.key", (work / "hq.recipient").read_text()
        ours_out, ours_in, theirs_out, theirs_in, peaks = [], [], [], [], []
        for index in range(ROUNDS):
            bundle = work / f"b{index}.fdbundle"
            # a fresh copy each round: every round exports sequence 1 to an HQ that has
            # seen nothing, so no round is refused as a gap
            field_copy = work / f"field{index}"
            shutil.copytree(work / "field", field_copy)
            report = child(EXPORT, str(field_copy), str(bundle))
            shutil.rmtree(field_copy)
            ours_out.append(report["seconds"])
            peaks.append(report["peak_mib"])
            plain = work / f"plain{index}"
            plain.mkdir()
            shell(f"age -d -i {key} {bundle} | tar -x -C {plain}")
            bag_dir = next(plain.iterdir()).name
            baseline = work / f"baseline{index}.age"
            theirs_out.append(
                shell(f"tar -c -C {plain} {bag_dir} | age -r {recipient} -o {baseline}")
            )
            unpacked = work / f"unpacked{index}"
            unpacked.mkdir()
            theirs_in.append(
                shell(
                    f"age -d -i {key} {baseline} | tar -x -C {unpacked} && "
                    f"cd {unpacked}/{bag_dir} && sha256sum --quiet -c manifest-sha256.txt"
                )
            )
            shutil.rmtree(plain)
            shutil.rmtree(unpacked)
            baseline.unlink()
            hq_copy = work / f"hq{index}"
            shutil.copytree(work / "hq", hq_copy)
            report = child(IMPORT, str(hq_copy), str(bundle))
            ours_in.append(report["seconds"])
            peaks.append(report["peak_mib"])
            shutil.rmtree(hq_copy)
            bundle.unlink()
        for label, ours, theirs, tool in (
            ("export", ours_out, theirs_out, "tar -c | age -r"),
            ("import", ours_in, theirs_in, "age -d | tar -x; sha256sum -c"),
        ):
            o, t = statistics.median(ours), statistics.median(theirs)
            print(
                f"  {label}: fielddoc {o:6.2f} s   {tool:<32} {t:6.2f} s   "
                f"ratio {o / t:5.2f} (target <= 1.2)"
            )
        print(
            f"  fielddoc peak memory (VmHWM, export and import): {max(peaks):.1f} MiB "
            "(target < 150 MiB)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
