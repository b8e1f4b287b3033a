"""Fuzzing the chunked-encryption reader that evidence blobs are read through.

Seeds: the valid Wycheproof C2SP chunked-encryption (AES-256-GCM) vectors
(tests/fixtures/vectors; source and licence in its README) and our own encryptions of
plaintexts around the 16 KiB chunk size. Mutations: byte edits and truncations of the
ciphertext, splices with other seeds.

Oracle: :class:`~fielddoc.crypto.chunked.ChunkedReader` (opened, then read from a few drawn
offsets) and :func:`~fielddoc.crypto.chunked.decrypt_stream` either raise
``INTEGRITY_FAILED`` or return the seed's plaintext -- and only when the ciphertext is the
seed's, or another seed's under the same key and context (every plaintext length has exactly
one encoding, and every chunk is authenticated).
"""

from __future__ import annotations

import io
import json
import os
import zlib
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from fielddoc.crypto.chunked import ChunkedEncryptor, ChunkedReader, decrypt_stream
from tests.conftest import FIXTURES
from tests.fuzz.mutate import mutated_bytes
from tests.fuzz.support import FuzzLog, attempt, fuzz_settings


@dataclass(frozen=True)
class Seed:
    name: str
    key: bytes
    context: bytes
    ciphertext: bytes
    plaintext: bytes | None  # None: the vector gives only a hash of it


def _ours(size: int) -> Seed:
    key, context, plaintext = os.urandom(32), b"evidence-id", os.urandom(size)
    out = io.BytesIO()
    with ChunkedEncryptor(out, key, context) as encryptor:
        encryptor.write(plaintext)
    return Seed(f"ours-{size}", key, context, out.getvalue(), plaintext)


def _wycheproof() -> list[Seed]:
    path = FIXTURES / "vectors" / "c2sp_chunked_encryption_aes_256_gcm_test.json"
    seeds = []
    for group in json.loads(path.read_text())["testGroups"]:
        for test in group["tests"]:
            ciphertext = zlib.decompress(bytes.fromhex(test["ct"]))
            if test["result"] == "valid" and len(ciphertext) < 200_000:
                seeds.append(
                    Seed(
                        f"wycheproof-{test['tcId']}",
                        bytes.fromhex(test["key"]),
                        bytes.fromhex(test["ctx"]),
                        ciphertext,
                        None,
                    )
                )
    return seeds


SEEDS = [_ours(size) for size in (0, 1, 16383, 16384, 16385, 40_000)] + _wycheproof()[:12]
CIPHERTEXTS = tuple(seed.ciphertext for seed in SEEDS)
SAME_KEY: dict[tuple[bytes, bytes], set[bytes]] = {}
for _seed in SEEDS:
    SAME_KEY.setdefault((_seed.key, _seed.context), set()).add(_seed.ciphertext)


def _read(seed: Seed, data: bytes, offsets: list[int]) -> bytes:
    with ChunkedReader(io.BytesIO(data), seed.key, seed.context) as reader:
        for offset in offsets:  # random access first, then everything
            reader.seek(offset)
            reader.read(100)
        reader.seek(0)
        return reader.read()


def _stream(seed: Seed, data: bytes) -> bytes:
    out = bytearray()
    decrypt_stream(io.BytesIO(data), seed.key, seed.context, out.extend)
    return bytes(out)


def test_seeds_are_valid() -> None:
    assert len(SEEDS) >= 12
    for seed in SEEDS:
        plain = _read(seed, seed.ciphertext, [])
        assert _stream(seed, seed.ciphertext) == plain
        assert seed.plaintext is None or plain == seed.plaintext


@fuzz_settings(250)
@given(seed=st.sampled_from(SEEDS), data=st.data())
def test_fuzz_chunked(fuzz_log: FuzzLog, seed: Seed, data: st.DataObject) -> None:
    damaged = data.draw(mutated_bytes(seed.ciphertext, others=CIPHERTEXTS), label="edits")
    offsets = data.draw(st.lists(st.integers(0, 60_000), max_size=3), label="seeks")
    read = attempt(lambda: _read(seed, damaged, offsets), what="ChunkedReader")
    streamed = attempt(lambda: _stream(seed, damaged), what="decrypt_stream")
    fuzz_log.tried(seed.name, read)
    for outcome in (read, streamed):
        if outcome.ok:  # a splice may produce another seed's ciphertext under the same key
            assert damaged in SAME_KEY[seed.key, seed.context], "an edited ciphertext decrypted"
        else:
            assert outcome.code == "INTEGRITY_FAILED", outcome
    assert read.ok == streamed.ok
