"""age throughput: fielddoc's native age (fielddoc.crypto.age) next to the age CLI, and pyrage
for reference, on one 512 MiB random file in the same run.

Encryption: file to file (``encrypt_stream`` / ``age -r -o`` / ``pyrage.encrypt_io``).
Decryption of the file fielddoc wrote, to /dev/null (``decrypting_reader`` read in 1 MiB
buffers as the importer does / ``age -d -o /dev/null`` / ``pyrage.decrypt_io``). Each is run
ROUNDS times, interleaved, best time kept (the machine is shared, so the slowest runs measure
the neighbours). Ratio = fielddoc time / age time (lower is better; the bundle target is 1.2
for the whole export or import). Also checks, untimed, that the files of each tool decrypt
with the other to the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyrage

from bench.common import heading
from fielddoc.crypto.age import decrypting_reader, encrypt_stream, generate_identity

SIZE = 512 * 1024**2
ROUNDS = 3


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _drain(path: Path, secret: str, sink: Callable[[memoryview], object]) -> int:
    buffer = bytearray(1024 * 1024)
    view = memoryview(buffer)
    total = 0
    with path.open("rb") as source, decrypting_reader(source, [secret]) as reader:
        while count := reader.readinto(buffer):
            sink(view[:count])
            total += count
    return total


def main() -> None:
    heading("age, 512 MiB random file: fielddoc (native) vs age CLI (pyrage for reference)")
    if not shutil.which("age"):
        print("  skipped: age not installed (.ci/run installs it)")
        return
    ident = generate_identity()
    work = Path(tempfile.mkdtemp(prefix="fielddoc-bench-age-"))
    try:
        plain = work / "plain.bin"
        digest = hashlib.sha256()
        with plain.open("wb") as out:
            for _ in range(SIZE // (16 * 1024**2)):
                block = os.urandom(16 * 1024**2)
                digest.update(block)
                out.write(block)
        key = work / "key.txt"
        key.write_text(ident.secret + "\n", encoding="utf-8")
        ours_file, age_file, pyrage_file = work / "ours.age", work / "age.age", work / "py.age"
        recipient = pyrage.x25519.Recipient.from_str(ident.recipient)
        identity = pyrage.x25519.Identity.from_str(ident.secret)

        def ours_encrypt() -> None:
            with plain.open("rb") as source, ours_file.open("wb") as out:
                encrypt_stream(source, out, [ident.recipient])

        def age_encrypt() -> None:
            subprocess.run(
                ["age", "-r", ident.recipient, "-o", str(age_file), str(plain)], check=True
            )

        def pyrage_encrypt() -> None:
            with plain.open("rb") as source, pyrage_file.open("wb") as out:
                pyrage.encrypt_io(source, out, [recipient])

        def ours_decrypt() -> None:
            with Path(os.devnull).open("wb") as null:
                if _drain(ours_file, ident.secret, null.write) != SIZE:
                    raise RuntimeError("fielddoc decrypted the wrong size")

        def age_decrypt() -> None:
            subprocess.run(
                ["age", "-d", "-i", str(key), "-o", os.devnull, str(ours_file)], check=True
            )

        def pyrage_decrypt() -> None:
            with ours_file.open("rb") as source, Path(os.devnull).open("wb") as null:
                pyrage.decrypt_io(source, null, [identity])

        contenders = {
            "encrypt": {"fielddoc": ours_encrypt, "age": age_encrypt, "pyrage": pyrage_encrypt},
            "decrypt": {"fielddoc": ours_decrypt, "age": age_decrypt, "pyrage": pyrage_decrypt},
        }
        best: dict[tuple[str, str], float] = {}
        for _ in range(ROUNDS):
            for op, tools in contenders.items():
                for name, fn in tools.items():
                    seconds = _timed(fn)
                    best[op, name] = min(best.get((op, name), seconds), seconds)
        for op, tools in contenders.items():
            age_s = best[op, "age"]
            for name in tools:
                s = best[op, name]
                print(
                    f"  {op} {name:<9} {s:7.3f} s  ({SIZE / s / 1e6:6.0f} MB/s)"
                    f"  ratio to age {s / age_s:5.2f}"
                )
        cross = hashlib.sha256()
        _drain(age_file, ident.secret, cross.update)
        theirs = subprocess.run(
            ["age", "-d", "-i", str(key), str(ours_file)], check=True, capture_output=True
        ).stdout
        ok = cross.digest() == digest.digest() == hashlib.sha256(theirs).digest()
        verdict = "ok" if ok else "FAIL"
        print(f"  cross-check (age's file -> fielddoc, fielddoc's -> age -d): {verdict}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
