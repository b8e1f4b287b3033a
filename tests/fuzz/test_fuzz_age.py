"""Fuzzing age decryption with the C2SP CCTV age vectors as seeds.

Seeds: all 143 CCTV age files (tests/fixtures/vectors/age-cctv; source and licence in
tests/fixtures/vectors/README.md), armored, scrypt and post-quantum ones included: fielddoc
must refuse those cleanly too. Each example takes one vector, applies byte edits (flips,
boundary bytes, deletions, format tokens, truncation, duplicated slices) or splices it with
another vector, and decrypts it twice: whole (:func:`~fielddoc.crypto.age.decrypt_bytes`) and
streamed (:func:`~fielddoc.crypto.age.decrypting_reader`), with the vector's identities.

Oracle: both raise ``BAD_INPUT``, ``INTEGRITY_FAILED`` or ``NOT_ADDRESSED_TO_US`` -- the same
one -- or both return the same plaintext, which must be the payload of some CCTV vector
(random edits cannot forge an authenticated plaintext; a splice may legitimately pair a header
with another vector's payload under the same file key). Each call runs under a hang guard.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fielddoc.crypto import age
from tests.conftest import FIXTURES
from tests.fuzz.mutate import mutated_bytes
from tests.fuzz.support import FuzzLog, attempt, fuzz_settings

CCTV = FIXTURES / "vectors" / "age-cctv"
CODES = {"BAD_INPUT", "INTEGRITY_FAILED", "NOT_ADDRESSED_TO_US"}
NO_KEY = age.generate_identity().secret  # for vectors that carry no X25519 identity


@dataclass(frozen=True)
class Seed:
    name: str
    identities: tuple[str, ...]
    payload: str | None
    body: bytes


def _load(path: Path) -> Seed:
    head, _, body = path.read_bytes().partition(b"\n\n")
    meta: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        meta.setdefault(key, []).append(value)
    if meta.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    keys = tuple(k for k in meta.get("identity", []) if k.startswith("AGE-SECRET-KEY-1"))
    return Seed(path.name, keys or (NO_KEY,), meta.get("payload", [None])[0], body)


SEEDS = [_load(path) for path in sorted(CCTV.iterdir())]
BODIES = tuple(seed.body for seed in SEEDS)
PAYLOADS = {seed.payload for seed in SEEDS if seed.payload is not None}
BINARY = [seed for seed in SEEDS if seed.body.startswith(age.MAGIC)]
# four in five examples start from a binary age file, where the header and payload parsers run
SEED_CHOICE = st.sampled_from(BINARY) | st.sampled_from(BINARY) | st.sampled_from(BINARY)
SEED_CHOICE |= st.sampled_from(BINARY) | st.sampled_from(SEEDS)


def _streamed(data: bytes, identities: tuple[str, ...]) -> bytes:
    out = bytearray()
    with age.decrypting_reader(io.BytesIO(data), list(identities)) as reader:
        while chunk := reader.read(10_000):
            out += chunk
    return bytes(out)


def test_seeds_loaded() -> None:
    assert len(SEEDS) == 143
    assert sum(seed.identities != (NO_KEY,) for seed in SEEDS) > 60
    assert len(BINARY) > 80


@fuzz_settings(250)
@given(seed=SEED_CHOICE, data=st.data())
def test_fuzz_age_decrypt(fuzz_log: FuzzLog, seed: Seed, data: st.DataObject) -> None:
    keep = len(age.MAGIC) if seed.body.startswith(age.MAGIC) and data.draw(st.booleans()) else 0
    tail = data.draw(mutated_bytes(seed.body[keep:], others=BODIES), label="edits")
    damaged = seed.body[:keep] + tail  # half the time past the version line, to the parsers
    whole = attempt(lambda: age.decrypt_bytes(damaged, seed.identities), what="decrypt_bytes")
    streamed = attempt(lambda: _streamed(damaged, seed.identities), what="decrypting_reader")
    fuzz_log.tried(seed.name, whole)
    for outcome in (whole, streamed):
        assert outcome.ok or outcome.code in CODES, outcome
    assert (whole.code, whole.value) == (streamed.code, streamed.value), (whole, streamed)
    if whole.ok:
        assert hashlib.sha256(whole.value).hexdigest() in PAYLOADS, "forged plaintext"
