"""C2SP chunked encryption (Cobblestone-256): Wycheproof vectors, tampering, properties, memory.

The vectors (tests/fixtures/vectors, see its README for source and licence) are applied as
C2SP/wycheproof doc/c2sp_chunked_encryption.md says: decryption through the streaming and the
random-access interface, encryption by re-encrypting valid messages with the injected salt.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielddoc.crypto import chunked
from fielddoc.crypto.chunked import (
    CHUNK_SIZE,
    HEADER_SIZE,
    TAG_SIZE,
    ChunkedEncryptor,
    ChunkedReader,
    ciphertext_size,
    decrypt_stream,
    plaintext_size,
)
from fielddoc.errors import CancelledError, IntegrityError

VECTOR_FILE = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "vectors"
    / "c2sp_chunked_encryption_aes_256_gcm_test.json"
)
ENC = CHUNK_SIZE + TAG_SIZE
KEY = bytes(range(32))
CONTEXT = b"evidence-0001"


@dataclass(frozen=True)
class Vector:
    tc_id: int
    key: bytes
    ctx: bytes
    ct: bytes
    valid: bool
    flags: frozenset[str]
    msg_length: int | None
    msg_sha512: str | None


def _vectors() -> list[Any]:
    data = json.loads(VECTOR_FILE.read_text(encoding="utf-8"))
    assert data["algorithm"] == "Cobblestone-256"
    params = []
    for group in data["testGroups"]:
        assert (group["aead"], group["sha"]) == ("AEAD_AES_256_GCM", "SHA-512")
        for t in group["tests"]:
            assert t["result"] in {"valid", "invalid"}
            vec = Vector(
                tc_id=t["tcId"],
                key=bytes.fromhex(t["key"]),
                ctx=bytes.fromhex(t["ctx"]),
                ct=zlib.decompress(bytes.fromhex(t["ct"])),
                valid=t["result"] == "valid",
                flags=frozenset(t["flags"]),
                msg_length=t.get("msgLength"),
                msg_sha512=t.get("msgSha512"),
            )
            params.append(pytest.param(vec, id=f"tc{vec.tc_id}"))
    return params


VECTORS = _vectors()
VALID_VECTORS = [p for p in VECTORS if p.values[0].valid]


def test_every_vector_is_run() -> None:
    assert len(VECTORS) == 35
    assert len(VALID_VECTORS) == 10


class Collect:
    """A sink that keeps what decrypt_stream emitted."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.calls = 0

    def __call__(self, view: memoryview) -> None:
        self.data += view
        self.calls += 1


class Unseekable(io.BytesIO):
    """A pipe-like source: not seekable, and short reads."""

    def seekable(self) -> bool:
        return False

    def read(self, size: int | None = -1, /) -> bytes:
        return super().read(7001 if size is None or size < 0 else min(size, 7001))


def _sha512(data: bytes | bytearray) -> str:
    return hashlib.sha512(data).hexdigest()


def _encrypt(plaintext: bytes, key: bytes = KEY, context: bytes = CONTEXT, **kw: Any) -> bytes:
    out = io.BytesIO()
    with ChunkedEncryptor(out, key, context, **kw) as enc:
        enc.write(plaintext)
    return out.getvalue()


def _stream(ct: bytes, key: bytes = KEY, context: bytes = CONTEXT) -> bytes:
    sink = Collect()
    assert decrypt_stream(io.BytesIO(ct), key, context, sink) == len(sink.data)
    return bytes(sink.data)


def _check_partial(emitted: bytes | bytearray, vec: Vector) -> None:
    """Only an authenticated prefix (PartialPlaintext: at most msgLength bytes) may come out."""
    if "PartialPlaintext" not in vec.flags:
        assert emitted == b""
        return
    assert vec.msg_length is not None
    assert len(emitted) <= vec.msg_length
    if len(emitted) == vec.msg_length:
        assert _sha512(emitted) == vec.msg_sha512


# --- Wycheproof ------------------------------------------------------------------------------


@pytest.mark.parametrize("seekable", [True, False], ids=["seekable", "pipe"])
@pytest.mark.parametrize("vec", VECTORS)
def test_vector_streaming(vec: Vector, seekable: bool) -> None:
    source = io.BytesIO(vec.ct) if seekable else Unseekable(vec.ct)
    sink = Collect()
    if "InvalidKeySize" in vec.flags:
        with pytest.raises(ValueError, match="32-byte"):
            decrypt_stream(source, vec.key, vec.ctx, sink)
    elif vec.valid:
        assert decrypt_stream(source, vec.key, vec.ctx, sink) == vec.msg_length
        assert len(sink.data) == vec.msg_length
        assert _sha512(sink.data) == vec.msg_sha512
        return
    else:
        with pytest.raises(IntegrityError) as err:
            decrypt_stream(source, vec.key, vec.ctx, sink)
        assert err.value.code == "INTEGRITY_FAILED"
    _check_partial(sink.data, vec)


@pytest.mark.parametrize("vec", VECTORS)
def test_vector_random_access(vec: Vector) -> None:
    if "InvalidKeySize" in vec.flags:
        with pytest.raises(ValueError, match="32-byte"):
            ChunkedReader(io.BytesIO(vec.ct), vec.key, vec.ctx)
        return
    if not vec.valid:
        if "ValidFinalChunk" not in vec.flags:  # opening authenticates the final chunk
            with pytest.raises(IntegrityError):
                ChunkedReader(io.BytesIO(vec.ct), vec.key, vec.ctx)
            return
        reader = ChunkedReader(io.BytesIO(vec.ct), vec.key, vec.ctx)
        for _ in range(2):  # and keeps failing
            reader.seek(0)
            with pytest.raises(IntegrityError):
                reader.read()
        if "PartialPlaintext" in vec.flags:  # the validly encrypted prefix alone reads fine
            assert vec.msg_length is not None
            reader.seek(0)
            assert _sha512(reader.read(vec.msg_length)) == vec.msg_sha512
        return
    plaintext = _stream(vec.ct, vec.key, vec.ctx)
    reader = ChunkedReader(io.BytesIO(vec.ct), vec.key, vec.ctx)
    size = len(plaintext)
    assert reader.size == size == vec.msg_length
    assert reader.seek(0, io.SEEK_END) == size
    reader.seek(0)
    assert _sha512(reader.read()) == vec.msg_sha512
    assert reader.read() == b""
    offsets = {0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, size // 2, size - 1, size + 3}
    for offset in sorted(o for o in offsets if o >= 0):
        for length in (1, 100, CHUNK_SIZE + 7, -1):
            reader.seek(offset)
            expected = plaintext[offset:] if length < 0 else plaintext[offset : offset + length]
            assert reader.read(length) == expected
            assert reader.tell() == offset + len(expected)
    buffered = io.BufferedReader(ChunkedReader(io.BytesIO(vec.ct), vec.key, vec.ctx))
    assert buffered.read() == plaintext


@pytest.mark.parametrize("vec", VALID_VECTORS)
def test_vector_encryption_with_injected_salt(vec: Vector) -> None:
    plaintext = _stream(vec.ct, vec.key, vec.ctx)
    assert ciphertext_size(len(plaintext)) == len(vec.ct)
    assert plaintext_size(len(vec.ct)) == len(plaintext)
    assert _encrypt(plaintext, vec.key, vec.ctx, salt=vec.ct[:24]) == vec.ct
    out = io.BytesIO()  # the same through odd-sized writes
    enc = ChunkedEncryptor(out, vec.key, vec.ctx, salt=vec.ct[:24])
    view = memoryview(plaintext)
    for start in range(0, len(plaintext), 5000):
        enc.write(view[start : start + 5000])
    enc.close()
    assert out.getvalue() == vec.ct
    assert (enc.bytes_in, enc.bytes_out) == (len(plaintext), len(vec.ct))


# --- tampering -------------------------------------------------------------------------------

MESSAGE = random.Random(1).randbytes(3 * CHUNK_SIZE + 100)
SEALED = _encrypt(MESSAGE)
LAST_CHUNK = HEADER_SIZE + 3 * ENC


def _flip(offset: int) -> Callable[[bytes], bytes]:
    def damage(ct: bytes) -> bytes:
        out = bytearray(ct)
        out[offset] ^= 0x01
        return bytes(out)

    return damage


def _swap(ct: bytes) -> bytes:
    a, b = HEADER_SIZE, HEADER_SIZE + ENC
    return ct[:a] + ct[b : b + ENC] + ct[a:b] + ct[b + ENC :]


def _duplicate(ct: bytes) -> bytes:
    a = HEADER_SIZE
    return ct[: a + ENC] + ct[a : a + ENC] + ct[a + 2 * ENC :]


def _chunk_points() -> list[int]:
    points = []
    for start, body in [(HEADER_SIZE + k * ENC, CHUNK_SIZE) for k in range(3)] + [
        (LAST_CHUNK, 100)
    ]:
        points += [start, start + body // 2, start + body - 1, start + body, start + body + 15]
    return points


DAMAGE: list[Any] = [
    *[pytest.param(_flip(o), id=f"flip-header-{o}") for o in (0, 23, 24, 55)],
    *[pytest.param(_flip(o), id=f"flip-chunk-{o}") for o in _chunk_points()],
    *[
        pytest.param(lambda ct, n=n: ct[:n], id=f"truncate-{n}")
        for n in (
            0,
            10,
            HEADER_SIZE - 1,
            HEADER_SIZE,  # header only
            HEADER_SIZE + 1,
            HEADER_SIZE + 15,
            HEADER_SIZE + ENC,  # chunk boundaries
            HEADER_SIZE + 2 * ENC,
            LAST_CHUNK,
            HEADER_SIZE + ENC + 100,  # between boundaries
            HEADER_SIZE + ENC + TAG_SIZE - 1,
            len(SEALED) - 1,
            len(SEALED) - TAG_SIZE,
        )
    ],
    pytest.param(_swap, id="swap-chunks"),
    pytest.param(_duplicate, id="duplicate-chunk"),
    *[
        pytest.param(lambda ct, n=n: ct + bytes(n), id=f"append-{n}")
        for n in (1, TAG_SIZE, ENC - 100, ENC)
    ],
    pytest.param(lambda ct: ct + ct[HEADER_SIZE : HEADER_SIZE + ENC], id="append-chunk"),
    pytest.param(lambda ct: _encrypt(MESSAGE, context=b"evidence-0002"), id="other-context"),
    pytest.param(lambda ct: _encrypt(MESSAGE, key=bytes(32)), id="other-key"),
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_tampering_is_detected(damage: Callable[[bytes], bytes]) -> None:
    bad = damage(SEALED)
    assert bad != SEALED
    sink = Collect()
    with pytest.raises(IntegrityError) as err:
        decrypt_stream(io.BytesIO(bad), KEY, CONTEXT, sink)
    assert MESSAGE.startswith(sink.data)  # at most an authenticated prefix came out
    assert err.value.code == "INTEGRITY_FAILED"
    with pytest.raises(IntegrityError):
        decrypt_stream(Unseekable(bad), KEY, CONTEXT, Collect())
    with pytest.raises(IntegrityError):
        ChunkedReader(io.BytesIO(bad), KEY, CONTEXT).read()


def test_error_text_is_fixed() -> None:
    messages = set()
    for bad in (b"", SEALED[:-1], _swap(SEALED), _flip(30)(SEALED)):
        with pytest.raises(IntegrityError) as err:
            decrypt_stream(io.BytesIO(bad), KEY, CONTEXT, Collect())
        messages.add(str(err.value))
    assert len(messages) == 3
    assert all(MESSAGE[:8].hex() not in m and "\\x" not in m for m in messages)


def test_commitment_is_checked_before_any_chunk() -> None:
    sink = Collect()
    with pytest.raises(IntegrityError, match="header"):
        decrypt_stream(io.BytesIO(SEALED), KEY, b"evidence-0002", sink)
    assert sink.calls == 0


# --- encryptor and reader behaviour ----------------------------------------------------------


def test_programming_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="32-byte"):
        ChunkedEncryptor(io.BytesIO(), bytes(16), CONTEXT)
    with pytest.raises(ValueError, match="salt"):
        ChunkedEncryptor(io.BytesIO(), KEY, CONTEXT, salt=bytes(16))
    enc = ChunkedEncryptor(io.BytesIO(), KEY, CONTEXT)
    enc.close()
    enc.close()  # idempotent
    with pytest.raises(ValueError, match="closed"):
        enc.write(b"x")
    with pytest.raises(ValueError, match="whence"):
        ChunkedReader(io.BytesIO(SEALED), KEY, CONTEXT).seek(0, 3)
    with pytest.raises(ValueError, match="size out of range"):
        ciphertext_size(-1)


class FailingWriter(io.BytesIO):
    """Refuses every write once it holds ``limit`` bytes (a full disk)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, data: Any, /) -> int:
        if self.tell() >= self.limit:
            raise OSError("disk full")
        return super().write(data)


def _encrypt_until_the_source_fails(out: io.BytesIO) -> None:
    with ChunkedEncryptor(out, KEY, CONTEXT) as enc:
        enc.write(MESSAGE[:100])
        raise RuntimeError("source failed")


def test_failure_abandons_the_message() -> None:
    out = io.BytesIO()
    with pytest.raises(RuntimeError):
        _encrypt_until_the_source_fails(out)
    with pytest.raises(IntegrityError):
        _stream(out.getvalue())  # no final chunk: the prefix does not pass as a message
    full = FailingWriter(HEADER_SIZE + ENC)
    enc = ChunkedEncryptor(full, KEY, CONTEXT)
    with pytest.raises(OSError, match="disk full"):
        enc.write(MESSAGE)
    with pytest.raises(ValueError, match="failed"):
        enc.close()
    with pytest.raises(ValueError, match="failed"):
        enc.write(b"more")


class TrickleWriter(io.RawIOBase):
    """A raw file object that accepts at most 1000 bytes per call, as raw writes may."""

    def __init__(self) -> None:
        super().__init__()
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any, /) -> int:
        part = memoryview(data)[:1000]
        self.data += part
        return len(part)


def test_short_writes_are_completed() -> None:
    out = TrickleWriter()
    with ChunkedEncryptor(out, KEY, CONTEXT, salt=SEALED[:24]) as enc:  # type: ignore[arg-type]
        enc.write(MESSAGE)
    assert out.data == SEALED


def test_counter_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    sealed = _encrypt(bytes(2 * CHUNK_SIZE + 5))
    monkeypatch.setattr(chunked, "MAX_CHUNKS", 2)
    enc = ChunkedEncryptor(io.BytesIO(), KEY, CONTEXT)
    enc.write(bytes(2 * CHUNK_SIZE))  # chunks 0 and 1
    with pytest.raises(ValueError, match="limit"):
        enc.close()  # the final chunk would be number 2
    with pytest.raises(IntegrityError, match="limit"):
        decrypt_stream(Unseekable(sealed), KEY, CONTEXT, Collect())
    with pytest.raises(IntegrityError, match="limit"):
        ChunkedReader(io.BytesIO(sealed), KEY, CONTEXT)


def test_reader_over_a_real_file_at_an_offset(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    with path.open("wb") as fh:
        fh.write(b"prefix")
        with ChunkedEncryptor(fh, KEY, CONTEXT) as enc:
            enc.write(MESSAGE)
        assert not fh.closed
    with path.open("rb") as fh:
        fh.seek(6)
        reader = ChunkedReader(fh, KEY, CONTEXT)
        assert reader.readable() and reader.seekable() and not reader.writable()
        assert reader.seek(-100, io.SEEK_END) == len(MESSAGE) - 100
        assert reader.read() == MESSAGE[-100:]
        buf = bytearray(CHUNK_SIZE + 10)
        reader.seek(CHUNK_SIZE - 5)
        assert reader.readinto(buf) == len(buf)
        assert buf == MESSAGE[CHUNK_SIZE - 5 : 2 * CHUNK_SIZE + 5]
        reader.close()
        assert not fh.closed
        with pytest.raises(ValueError, match="closed"):
            reader.read()


def test_progress_and_cancel() -> None:
    big = _encrypt(bytes(3 << 20))
    calls: list[tuple[int, int]] = []
    decrypt_stream(
        io.BytesIO(big), KEY, CONTEXT, Collect(), progress=lambda d, t: calls.append((d, t))
    )
    assert calls[-1] == (3 << 20, 3 << 20) and len(calls) >= 3
    calls.clear()
    decrypt_stream(
        Unseekable(big), KEY, CONTEXT, Collect(), progress=lambda d, t: calls.append((d, t))
    )
    assert calls[-1] == (3 << 20, -1)
    polls = iter([False, True])
    sink = Collect()
    with pytest.raises(CancelledError):
        decrypt_stream(io.BytesIO(big), KEY, CONTEXT, sink, cancel=lambda: next(polls))
    assert 0 < len(sink.data) < 3 << 20


# --- properties ------------------------------------------------------------------------------

BOUNDARY_SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE]
SIZES = st.one_of(
    st.sampled_from(BOUNDARY_SIZES),
    st.sampled_from(BOUNDARY_SIZES).flatmap(lambda s: st.integers(max(s - 3, 0), s + 3)),
    st.integers(0, 4 * CHUNK_SIZE + 3),
)


@settings(max_examples=60, deadline=None)
@given(
    size=SIZES,
    seed=st.integers(0, 2**32),
    cuts=st.lists(st.integers(0, 4 * CHUNK_SIZE + 3), max_size=8),
)
def test_round_trip(size: int, seed: int, cuts: list[int]) -> None:
    plaintext = random.Random(seed).randbytes(size)
    out = io.BytesIO()
    enc = ChunkedEncryptor(out, KEY, CONTEXT)
    view = memoryview(plaintext)
    last = 0
    for cut in [*sorted(c for c in cuts if c <= size), size]:
        enc.write(view[last:cut] if cut % 2 else bytes(view[last:cut]))
        last = cut
    enc.close()
    ct = out.getvalue()
    assert len(ct) == ciphertext_size(size) == enc.bytes_out
    assert plaintext_size(len(ct)) == size == enc.bytes_in
    assert _stream(ct) == plaintext
    assert ChunkedReader(io.BytesIO(ct), KEY, CONTEXT).read() == plaintext


OPS = st.lists(
    st.tuples(
        st.sampled_from([io.SEEK_SET, io.SEEK_CUR, io.SEEK_END]),
        st.integers(-len(MESSAGE) - 20, len(MESSAGE) + 20),
        st.integers(-1, 2 * CHUNK_SIZE + 20),
    ),
    max_size=12,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, buffered=st.booleans())
def test_random_seeks_match_the_plaintext(ops: list[tuple[int, int, int]], buffered: bool) -> None:
    model = io.BytesIO(MESSAGE)
    raw = ChunkedReader(io.BytesIO(SEALED), KEY, CONTEXT)
    reader: io.RawIOBase | io.BufferedReader = (
        io.BufferedReader(raw, buffer_size=5000) if buffered else raw
    )
    for whence, offset, length in ops:
        target = offset + (0, model.tell(), len(MESSAGE))[whence]
        if target < 0:  # like a real file (BytesIO would clamp or raise ValueError instead)
            with pytest.raises(OSError, match="negative"):
                reader.seek(offset, whence)
            continue
        assert reader.seek(offset, whence) == model.seek(target)
        assert reader.read(length) == model.read(length)
        assert reader.tell() == model.tell()


LIMIT = (1 << 38) * CHUNK_SIZE  # 4 PiB: plaintext sizes below this fit in 2**38 chunks


@given(st.one_of(st.integers(0, LIMIT - 1), st.sampled_from([0, LIMIT - 1])))
def test_sizes_are_inverse(size: int) -> None:
    assert plaintext_size(ciphertext_size(size)) == size


def test_size_limits() -> None:
    with pytest.raises(ValueError, match="out of range"):
        ciphertext_size(LIMIT)
    with pytest.raises(IntegrityError, match="limit"):
        plaintext_size(ciphertext_size(LIMIT - 1) + ENC)


@pytest.mark.parametrize("chunks", [0, 1, 2, 1 << 20])
def test_lengths_around_chunk_boundaries(chunks: int) -> None:
    for extra in range(ENC):  # the bytes after ``chunks`` full encrypted chunks
        length = HEADER_SIZE + chunks * ENC + extra
        if extra < TAG_SIZE:
            with pytest.raises(IntegrityError, match="impossible length"):
                plaintext_size(length)
        else:
            assert plaintext_size(length) == chunks * CHUNK_SIZE + extra - TAG_SIZE
    for length in range(HEADER_SIZE + TAG_SIZE):
        with pytest.raises(IntegrityError, match="impossible length"):
            plaintext_size(length)


@given(st.one_of(st.integers(0, 2 * LIMIT), st.integers(0, 4 * ENC)))
def test_every_ciphertext_length_is_valid_or_rejected(length: int) -> None:
    try:
        size = plaintext_size(length)
    except IntegrityError:
        body = length - HEADER_SIZE
        assert body < TAG_SIZE or body % ENC < TAG_SIZE or body // ENC >= 1 << 38
    else:
        assert ciphertext_size(size) == length


# --- constant memory -------------------------------------------------------------------------


class NullWriter(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: Any, /) -> int:
        return len(memoryview(data))


def _blocks(total: int, size: int) -> Iterator[bytes]:
    for start in range(0, total, size):
        yield os.urandom(min(size, total - start))


@pytest.mark.parametrize("write_size", [1 << 20, (1 << 20) + 4097])
def test_memory_stays_constant(tmp_path: Path, write_size: int) -> None:
    """A check of the constant-memory design: peak Python allocation while streaming 64 MiB.

    (The 2 GiB resident-set test lives with the evidence store.)
    """
    total = 64 << 20
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        with ChunkedEncryptor(NullWriter(), KEY, CONTEXT) as enc:  # type: ignore[arg-type]
            for block in _blocks(total, write_size):
                enc.write(block)
        assert enc.bytes_out == ciphertext_size(total)
        assert tracemalloc.get_traced_memory()[1] < 4 << 20
    finally:
        tracemalloc.stop()
    path = tmp_path / "big"
    with path.open("wb") as out, ChunkedEncryptor(out, KEY, CONTEXT) as enc:
        for block in _blocks(total, write_size):
            enc.write(block)
    tracemalloc.start()
    try:
        with path.open("rb") as fh:
            assert decrypt_stream(fh, KEY, CONTEXT, lambda view: None) == total
            fh.seek(0)
            reader = io.BufferedReader(ChunkedReader(fh, KEY, CONTEXT))
            while reader.read(1 << 20):
                pass
        assert tracemalloc.get_traced_memory()[1] < 4 << 20
    finally:
        tracemalloc.stop()
