"""age bundles and receipts (fielddoc.crypto.age): CCTV vectors, interop with pyrage and the age
CLI in both directions, streaming, fuzzing. Keys and header rules: test_age_format.py.

The C2SP CCTV age vectors (tests/fixtures/vectors/age-cctv; source and licence in
tests/fixtures/vectors/README.md) follow C2SP/CCTV age/README.md: decrypt each file, succeed only
where ``expect: success``, and check the hash of every plaintext byte released, even before a
failure. ``compressed: zlib`` is how the vector *file* stores a large age file, not an age
feature, so those vectors are decompressed and run. The vectors of features fielddoc does not
implement are skipped by name in the vector test, and run once more only to show that they are
refused (never decrypted).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import tarfile
import threading
import tracemalloc
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fielddoc.crypto import age
from fielddoc.crypto.age import (
    MAGIC,
    NotAddressedError,
    check_recipient,
    decrypt_bytes,
    decrypting_reader,
    encrypt_bytes,
    encrypt_stream,
    generate_identity,
    identity_from_text,
)
from fielddoc.errors import CancelledError, FielddocError, InputError, IntegrityError
from tests.conftest import FIXTURES, require_tool

CCTV = FIXTURES / "vectors" / "age-cctv"
TYPED = (InputError, IntegrityError, NotAddressedError)
MiB = 1 << 20


# --- CCTV vectors ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    payload: str | None
    identities: tuple[str, ...]
    meta: dict[str, list[str]]
    body: bytes


KNOWN_KEYS = {"expect", "payload", "identity", "passphrase", "armored", "file key", "comment"}
KNOWN_KEYS |= {"compressed"}
# Features our format does not use (bundles are binary age to X25519 recipients), by name.
SKIPPED_PREFIXES = {
    "armor_": "ASCII armor: bundles and receipts are binary; armored input is refused",
    "scrypt": "scrypt passphrase recipients are not used by fielddoc",
    "hybrid": "post-quantum hybrid (ML-KEM) recipients are not used by fielddoc",
}
NO_KEY = generate_identity().secret  # for vectors that carry no identity


def _load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, blank, body = raw.partition(b"\n\n")
    assert blank, path.name
    meta: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, colon, value = line.partition(": ")
        assert colon, (path.name, line)
        meta.setdefault(key, []).append(value)
    if meta.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(
        name=path.name,
        expect=meta["expect"][0],
        payload=meta.get("payload", [None])[0],
        identities=tuple(meta.get("identity", [])),
        meta=meta,
        body=body,
    )


def _skip_reason(vec: Vector) -> str | None:
    if set(vec.meta) - KNOWN_KEYS:
        return "unknown header keys: CCTV says to ignore such files"
    for prefix, reason in SKIPPED_PREFIXES.items():
        if vec.name.startswith(prefix):
            return reason
    return None


ALL_VECTORS = [_load(path) for path in sorted(CCTV.iterdir())]
RUN = [v for v in ALL_VECTORS if _skip_reason(v) is None]
SKIPPED = [v for v in ALL_VECTORS if _skip_reason(v) is not None]


def _params() -> list[Any]:
    params = []
    for vec in ALL_VECTORS:
        marks: list[Any] = []
        reason = _skip_reason(vec)
        if reason is not None:
            marks.append(pytest.mark.skip(reason=reason))
        params.append(pytest.param(vec, id=vec.name, marks=marks))
    return params


def test_cctv_selection() -> None:
    assert len(ALL_VECTORS) == 143
    assert len(RUN) == 67
    assert len(SKIPPED) == 76
    assert sum(v.meta.get("compressed") == ["zlib"] for v in RUN) == 19
    assert {v.expect for v in RUN} == {
        "success",
        "no match",
        "HMAC failure",
        "header failure",
        "payload failure",
    }
    for vec in ALL_VECTORS:  # the names tell the truth about the features used
        uses_skipped_feature = (
            vec.meta.get("armored") == ["yes"]
            or "passphrase" in vec.meta
            or any(i.startswith("AGE-SECRET-KEY-PQ-") for i in vec.identities)
        )
        assert uses_skipped_feature == (vec in SKIPPED), vec.name
    # pyrage 1.4 accepted these two (a stanza body without its final short line); Go age and
    # the spec reject them, and so do we now (run as vectors like the rest).
    assert {"stanza_missing_body", "stanza_missing_final_line"} <= {v.name for v in RUN}


def _read_all(reader: io.RawIOBase, sink: bytearray, size: int = 10240) -> None:
    while chunk := reader.read(size):
        sink += chunk


def _expected_error(vec: Vector) -> tuple[type[FielddocError], ...]:
    return {
        "no match": (NotAddressedError,),
        "HMAC failure": (IntegrityError,),
        "payload failure": (IntegrityError,),
        "header failure": (IntegrityError, InputError),
    }[vec.expect]


@pytest.mark.parametrize("vec", _params())
def test_cctv_vector(vec: Vector) -> None:
    identities = vec.identities or (NO_KEY,)
    released = bytearray()
    error: BaseException | None = None
    with decrypting_reader(io.BytesIO(vec.body), identities) as reader:
        try:
            _read_all(reader, released)
        except Exception as exc:  # noqa: BLE001 - classified below
            error = exc
    try:
        whole: bytes | None = decrypt_bytes(vec.body, identities)
        whole_error: BaseException | None = None
    except Exception as exc:  # noqa: BLE001 - classified below
        whole, whole_error = None, exc

    if vec.expect == "success":
        assert error is None, repr(error)
        assert hashlib.sha256(released).hexdigest() == vec.payload
        assert whole == bytes(released)
        return
    assert isinstance(error, _expected_error(vec)), repr(error)
    assert type(whole_error) is type(error), repr(whole_error)
    if vec.payload is not None:  # what came out before the failure is exactly the vector's
        assert hashlib.sha256(released).hexdigest() == vec.payload
    else:
        assert released == b""


def test_unimplemented_features_are_refused() -> None:
    """Armor, scrypt and post-quantum files never decrypt: armor is not age to us at all;
    a lone scrypt or ML-KEM stanza is a stanza for someone else; scrypt mixed with an X25519
    stanza is a malformed header even for the X25519 identity the vector holds."""
    outcomes: dict[str, type[BaseException]] = {}
    for vec in SKIPPED:
        ours = [i for i in vec.identities if i.startswith("AGE-SECRET-KEY-1")] or [NO_KEY]
        released = bytearray()
        with (
            decrypting_reader(io.BytesIO(vec.body), ours) as reader,
            pytest.raises(TYPED) as err,
        ):
            _read_all(reader, released)
        assert released == b"", vec.name
        with pytest.raises(type(err.value)):
            decrypt_bytes(vec.body, ours)
        outcomes[vec.name] = type(err.value)
        if vec.meta.get("armored") == ["yes"]:
            assert type(err.value) is InputError, vec.name
    assert outcomes["scrypt_and_x25519"] is IntegrityError
    assert outcomes["scrypt"] is NotAddressedError
    assert outcomes["hybrid_and_x25519"] is NotAddressedError  # no X25519 identity given


# --- keys ------------------------------------------------------------------------------------


def test_generate_identity() -> None:
    ident = generate_identity()
    assert ident.secret.startswith("AGE-SECRET-KEY-1")
    assert ident.recipient.startswith("age1")
    assert ident.secret not in repr(ident)
    assert identity_from_text(ident.secret) == ident
    assert generate_identity() != ident


def test_identity_from_text_key_file() -> None:
    ident = generate_identity()
    text = (
        f"# created: 2025-01-01T00:00:00Z\r\n# public key: {ident.recipient}\r\n\r\n"
        f"  {ident.secret.lower()}  \r\n"
    )
    assert identity_from_text(text) == ident  # comments, CRLF, spacing, case


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "AGE-SECRET-KEY-1QQQ",
        "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq",
        "AGE-PLUGIN-YUBIKEY-1QQQQQQ",
    ],
)
def test_identity_from_text_invalid(text: str) -> None:
    with pytest.raises(InputError) as err:
        identity_from_text(text)
    assert err.value.code == "BAD_INPUT"


def test_identity_from_text_refuses_two_keys_and_public_keys() -> None:
    a, b = generate_identity(), generate_identity()
    with pytest.raises(InputError):
        identity_from_text(f"{a.secret}\n{b.secret}\n")
    with pytest.raises(InputError):
        identity_from_text(a.recipient)
    with pytest.raises(InputError) as err:
        identity_from_text(a.secret[:-3] + "qqq")  # bad checksum
    assert a.secret[:-3] not in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_check_recipient() -> None:
    ident = generate_identity()
    assert check_recipient(f"  {ident.recipient}\n") == ident.recipient
    assert check_recipient(ident.recipient.upper()) == ident.recipient
    typo = ident.recipient[:-1] + ("x" if ident.recipient[-1] != "x" else "q")  # bad checksum
    for bad in ("", "age1", ident.secret, typo, "ssh-ed25519 AAAA"):
        with pytest.raises(InputError):
            check_recipient(bad)


# --- small files -----------------------------------------------------------------------------


def test_bytes_round_trip_two_recipients() -> None:
    online, offline, other = generate_identity(), generate_identity(), generate_identity()
    blob = encrypt_bytes(b"receipt", [online.recipient, offline.recipient, online.recipient])
    assert blob.startswith(MAGIC)
    assert blob.count(b"\n-> X25519 ") == 2  # duplicates collapse
    assert decrypt_bytes(blob, [online.secret]) == b"receipt"
    assert decrypt_bytes(blob, [other.secret, offline.secret]) == b"receipt"
    with pytest.raises(NotAddressedError) as err:
        decrypt_bytes(blob, [other.secret])
    assert err.value.code == "NOT_ADDRESSED_TO_US"
    assert str(err.value) == "This file is not encrypted to any key this vault holds."


def test_bad_arguments() -> None:
    ident = generate_identity()
    for recipients in ([], ident.recipient, ["age1nope"]):
        with pytest.raises(InputError):
            encrypt_bytes(b"x", recipients)
        with pytest.raises(InputError):
            encrypt_stream(io.BytesIO(b"x"), io.BytesIO(), recipients)
    blob = encrypt_bytes(b"x", [ident.recipient])
    for identities in ([], ident.secret, ["AGE-SECRET-KEY-1"]):
        with pytest.raises(InputError):
            decrypt_bytes(blob, identities)
        with pytest.raises(InputError), decrypting_reader(io.BytesIO(blob), identities):
            pass


def test_armored_and_foreign_files_are_not_age() -> None:
    ident = generate_identity()
    armored = pyrage.encrypt(b"x", [pyrage.x25519.Recipient.from_str(ident.recipient)], True)
    for data in (armored, b"", b"age-encryption.org/v2\n", b"PK\x03\x04" + bytes(100)):
        with pytest.raises(InputError) as err:
            decrypt_bytes(data, [ident.secret])
        assert str(err.value) == "This file is not an age-encrypted file."
        with pytest.raises(InputError), decrypting_reader(io.BytesIO(data), [ident.secret]) as r:
            r.read()


# --- streaming -------------------------------------------------------------------------------


class PatternSource:
    """``size`` bytes of a fixed random pattern, pulled by read(n), hashed on the way out."""

    def __init__(self, size: int, block: bytes) -> None:
        self.left, self.block, self.pos = size, block, 0
        self.sha = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        k = min(n if n >= 0 else len(self.block), self.left, len(self.block) - self.pos)
        data = self.block[self.pos : self.pos + k]
        self.pos, self.left = (self.pos + k) % len(self.block), self.left - k
        self.sha.update(data)
        return data


def _no_new_threads(baseline: int) -> None:
    """Decryption runs on the caller's thread (the pyrage version ran a producer thread)."""
    assert threading.active_count() == baseline


def test_256_mib_streams_in_flat_memory(tmp_path: Path) -> None:
    online, offline = generate_identity(), generate_identity()
    source = PatternSource(256 * MiB, os.urandom(MiB))
    path = tmp_path / "big.fdbundle"
    tracemalloc.start()
    try:
        with path.open("wb") as out:
            encrypt_stream(source, out, [online.recipient, offline.recipient])
        encrypt_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        plain = hashlib.sha256()
        size = 0
        with path.open("rb") as f, decrypting_reader(f, [offline.secret]) as reader:
            while chunk := reader.read(64 * 1024):
                plain.update(chunk)
                size += len(chunk)
        decrypt_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size == 256 * MiB
    assert plain.digest() == source.sha.digest()
    assert encrypt_peak < 1 * MiB, encrypt_peak
    assert decrypt_peak < 1 * MiB, decrypt_peak  # one sealed and one plaintext chunk


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, age.Identity, bytes]:
    ident = generate_identity()
    plaintext = os.urandom(8 * MiB)
    path = tmp_path_factory.mktemp("age") / "b.fdbundle"
    with path.open("wb") as out:
        encrypt_stream(io.BytesIO(plaintext), out, [ident.recipient])
    return path, ident, plaintext


@pytest.mark.parametrize("how", ["close", "exception", "unread"])
def test_reader_reads_only_what_it_needs_and_nothing_after_close(
    big_file: tuple[Path, age.Identity, bytes], how: str
) -> None:
    path, ident, plaintext = big_file
    baseline = threading.active_count()
    with path.open("rb") as f:
        try:
            with decrypting_reader(f, [ident.secret]) as reader:
                assert f.tell() == 0  # the header is read at the first read, not at open
                if how != "unread":
                    assert reader.read(5000) == plaintext[:5000]
                    _no_new_threads(baseline)
                    assert f.tell() <= 64 * 1024 + 16 + 16 * 1024 + 1  # one chunk + header
                if how == "close":
                    reader.close()
                    with pytest.raises(ValueError, match="closed"):
                        reader.read(1)
                elif how == "exception":
                    raise KeyError("consumer gave up")
        except KeyError:
            pass
        position = f.tell()
        with pytest.raises(ValueError, match="closed"):
            reader.read(1)
        assert f.tell() == position < 64 * 1024 + 16 + 16 * 1024 + 1
        _no_new_threads(baseline)


def test_reader_is_a_pull_stream_for_tarfile(tmp_path: Path) -> None:
    ident = generate_identity()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w|") as tar:
        for name, data in (("bagit.txt", b"BagIt-Version: 1.0\n"), ("data/x", os.urandom(300_000))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    buf.seek(0)
    out = io.BytesIO()
    encrypt_stream(buf, out, [ident.recipient])
    out.seek(0)
    with decrypting_reader(out, [ident.secret]) as reader:
        assert reader.readable() and not reader.seekable()
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            names = [member.name for member in tar]
        target = bytearray(10)
        assert reader.readinto(target) == 0  # tar's end blocks were all read
    assert names == ["bagit.txt", "data/x"]


SIZES = [0, 1, 65535, 65536, 65537, 2 * 65536, 200_003]


@pytest.mark.parametrize("size", SIZES)
def test_chunking_and_pyrage_both_ways(size: int) -> None:
    """Our files have ceil(size / 64 KiB) chunks (one empty chunk for an empty payload, never
    an empty final chunk otherwise) and pyrage reads them; we read pyrage's."""
    ident = generate_identity()
    plaintext = os.urandom(size)
    blob = encrypt_bytes(plaintext, [ident.recipient])
    payload = len(blob) - (blob.index(b"\n", blob.index(b"\n--- ") + 1) + 1)
    assert payload == 16 + size + 16 * max(1, -(-size // 65536))
    assert pyrage.decrypt(blob, [pyrage.x25519.Identity.from_str(ident.secret)]) == plaintext
    theirs = pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(ident.recipient)])
    assert decrypt_bytes(theirs, [ident.secret]) == plaintext
    with decrypting_reader(io.BytesIO(theirs), [ident.secret]) as reader:
        got = bytearray()
        _read_all(reader, got, 7000)  # reads that straddle chunk boundaries
    assert got == plaintext


def test_random_sizes_and_short_reads() -> None:
    ident = generate_identity()
    for _ in range(6):
        size = int.from_bytes(os.urandom(3), "big") % (5 * 65536)
        plaintext = os.urandom(size)

        class Trickle(io.BytesIO):  # a source that never returns what was asked
            def read(self, n: int | None = -1, /) -> bytes:
                return super().read(max(1, (n or 1) // 3))

        out = io.BytesIO()
        encrypt_stream(Trickle(plaintext), out, [ident.recipient])
        assert pyrage.decrypt(out.getvalue(), [pyrage.x25519.Identity.from_str(ident.secret)]) == (
            plaintext
        )
        with decrypting_reader(Trickle(out.getvalue()), [ident.secret]) as reader:
            assert reader.read() == plaintext, size


def _damaged(plaintext: bytes, damage: Callable[[bytearray], None]) -> tuple[bytes, str]:
    ident = generate_identity()
    blob = bytearray(encrypt_bytes(plaintext, [ident.recipient]))
    damage(blob)
    return bytes(blob), ident.secret


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("truncated", lambda b: b.__delitem__(slice(len(b) - 100, None))),
        ("truncated at a chunk boundary", lambda b: b.__delitem__(slice(len(b) - 65536, None))),
        ("flipped payload byte", lambda b: b.__setitem__(len(b) - 70000, b[-70000] ^ 1)),
        ("flipped header MAC", lambda b: b.__setitem__(b.index(b"--- ") + 8, ord("A"))),
        ("trailing garbage", lambda b: b.extend(b"\0")),
    ],
)
def test_damage_surfaces_at_read_as_integrity_error(
    name: str, damage: Callable[[bytearray], None]
) -> None:
    plaintext = os.urandom(200_000)
    blob, secret = _damaged(plaintext, damage)
    released = bytearray()
    with decrypting_reader(io.BytesIO(blob), [secret]) as reader:  # opening never raises
        with pytest.raises(IntegrityError) as err:
            _read_all(reader, released)
        assert err.value.code == "INTEGRITY_FAILED"
        assert str(err.value) == "The encrypted file is damaged or has been altered."
        with pytest.raises(IntegrityError):  # and every later read fails too
            reader.read(1)
    assert plaintext.startswith(released)
    with pytest.raises(IntegrityError):
        decrypt_bytes(blob, [secret])


def test_not_addressed_at_read() -> None:
    blob = encrypt_bytes(b"x", [generate_identity().recipient])
    with (
        decrypting_reader(io.BytesIO(blob), [generate_identity().secret]) as reader,
        pytest.raises(NotAddressedError),
    ):
        reader.read()


def test_cancel(big_file: tuple[Path, age.Identity, bytes]) -> None:
    path, ident, plaintext = big_file
    baseline = threading.active_count()
    reads = 0

    def cancel() -> bool:
        return reads >= 3

    with path.open("rb") as f, decrypting_reader(f, [ident.secret], cancel=cancel) as reader:
        for _ in range(3):
            assert reader.read(1000) == plaintext[reads * 1000 : (reads + 1) * 1000]
            reads += 1
        with pytest.raises(CancelledError):
            reader.read(1000)
        with pytest.raises(CancelledError):
            reader.read(1000)
    _no_new_threads(baseline)


class FailingSource(io.BytesIO):
    def __init__(self, data: bytes, error: BaseException, after: int) -> None:
        super().__init__(data)
        self.error, self.after = error, after

    def read(self, size: int | None = -1, /) -> bytes:
        if self.tell() >= self.after:
            raise self.error
        return super().read(size)


def test_source_errors_in_the_reader(big_file: tuple[Path, age.Identity, bytes]) -> None:
    path, ident, _ = big_file
    data = path.read_bytes()
    disk = OSError(5, "Input/output error")
    with decrypting_reader(FailingSource(data, disk, 300_000), [ident.secret]) as reader:
        with pytest.raises(InputError) as err:
            _read_all(reader, bytearray())
        assert err.value.__cause__ is disk
    with (
        decrypting_reader(FailingSource(data, CancelledError(), 0), [ident.secret]) as reader,
        pytest.raises(CancelledError),
    ):
        reader.read()


def test_encrypt_stream_keeps_source_and_sink_errors() -> None:
    recipient = generate_identity().recipient
    with pytest.raises(CancelledError):  # not flattened into pyrage's EncryptError text
        encrypt_stream(
            FailingSource(bytes(100_000), CancelledError(), 50_000), io.BytesIO(), [recipient]
        )

    class FullDisk(io.BytesIO):
        def __init__(self, fail_at: int = 0) -> None:
            super().__init__()
            self.writes, self.fail_at = 0, fail_at

        def write(self, data: Any, /) -> int:
            self.writes += 1
            if self.writes == self.fail_at:
                raise OSError(28, "No space left on device")
            return super().write(data)

    # pyrage 1.4.0 writes the last bytes from its BufWriter's drop, which ignores errors:
    # encrypt_io returns normally with the file cut short. The failure must still surface.
    for size in (100, 70_000):
        dry = FullDisk()
        encrypt_stream(io.BytesIO(bytes(size)), dry, [recipient])
        with pytest.raises(OSError, match="No space"):
            encrypt_stream(io.BytesIO(bytes(size)), FullDisk(dry.writes), [recipient])


def test_encrypt_stream_takes_any_read_source() -> None:
    ident = generate_identity()

    big = os.urandom(200_000)

    class Greedy:  # returns less or more than asked, as bytearray
        def __init__(self) -> None:
            self.parts = [bytearray(b"a" * 50_000), bytearray(big), bytearray(b"b" * 3)]

        def read(self, n: int) -> bytearray:
            assert n > 0
            return self.parts.pop(0) if self.parts else bytearray()

    out = io.BytesIO()
    encrypt_stream(Greedy(), out, [ident.recipient])
    assert decrypt_bytes(out.getvalue(), [ident.secret]) == b"a" * 50_000 + big + b"bbb"
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(b""), out, [ident.recipient])
    with decrypting_reader(io.BytesIO(out.getvalue()), [ident.secret]) as reader:
        assert reader.read() == b""


# --- fuzzing ---------------------------------------------------------------------------------

FUZZ_ID = generate_identity()
FUZZ_PLAIN = bytes(range(256)) * 300
FUZZ_BLOB = encrypt_bytes(FUZZ_PLAIN, [FUZZ_ID.recipient])


def _mutate(blob: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    data = bytearray(blob)
    for kind, where, value in edits:
        pos = where % (len(data) + 1)
        if kind == 0 and pos < len(data):
            data[pos] ^= value or 1
        elif kind == 1:
            data.insert(pos, value)
        else:
            del data[pos:]
    return bytes(data)


edit = st.tuples(st.integers(0, 2), st.integers(0, 1 << 20), st.integers(0, 255))
fuzz_inputs = st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=2000).map(lambda b: MAGIC + b),
    st.lists(edit, min_size=1, max_size=3).map(lambda e: _mutate(FUZZ_BLOB, e)),
)


@settings(max_examples=300, deadline=None)
@given(fuzz_inputs)
def test_fuzz_only_typed_errors(data: bytes) -> None:
    released = bytearray()
    try:
        with decrypting_reader(io.BytesIO(data), [FUZZ_ID.secret]) as reader:
            _read_all(reader, released, 4096)
    except TYPED:
        assert FUZZ_PLAIN.startswith(released)
    else:
        assert released == FUZZ_PLAIN  # nothing else ever authenticates
    with contextlib.suppress(*TYPED):
        assert decrypt_bytes(data, [FUZZ_ID.secret]) == FUZZ_PLAIN


# --- interop with the age reference tools ----------------------------------------------------


@pytest.mark.interop
def test_interop_ours_to_age(tmp_path: Path) -> None:
    tool = require_tool("age")
    ident = generate_identity()
    key = tmp_path / "key.txt"
    key.write_text(f"# public key: {ident.recipient}\n{ident.secret}\n", encoding="utf-8")
    plaintext = os.urandom(200_000)
    bundle = tmp_path / "b.fdbundle"
    with bundle.open("wb") as out:
        encrypt_stream(io.BytesIO(plaintext), out, [generate_identity().recipient, ident.recipient])
    done = subprocess.run(
        [tool, "-d", "-i", str(key), str(bundle)], capture_output=True, check=True, timeout=60
    )
    assert done.stdout == plaintext


@pytest.mark.interop
def test_interop_age_to_ours(tmp_path: Path) -> None:
    tool = require_tool("age")
    online, offline = generate_identity(), generate_identity()
    plaintext = os.urandom(300_000)
    done = subprocess.run(
        [tool, "-r", online.recipient, "-r", offline.recipient],
        input=plaintext,
        capture_output=True,
        check=True,
        timeout=60,
    )
    for ident in (online, offline):
        with decrypting_reader(io.BytesIO(done.stdout), [ident.secret]) as reader:
            assert reader.read() == plaintext
        assert decrypt_bytes(done.stdout, [ident.secret]) == plaintext


@pytest.mark.interop
@pytest.mark.parametrize("size", SIZES)
def test_interop_sizes_both_ways(tmp_path: Path, size: int) -> None:
    tool = require_tool("age")
    ident = generate_identity()
    key = tmp_path / "key.txt"
    key.write_text(f"{ident.secret}\n", encoding="utf-8")
    plaintext = os.urandom(size)
    done = subprocess.run(
        [tool, "-d", "-i", str(key)],
        input=encrypt_bytes(plaintext, [ident.recipient]),
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert done.stdout == plaintext
    theirs = subprocess.run(
        [tool, "-r", ident.recipient], input=plaintext, capture_output=True, check=True, timeout=60
    ).stdout
    assert decrypt_bytes(theirs, [ident.secret]) == plaintext


@pytest.mark.interop
def test_interop_age_keygen_file(tmp_path: Path) -> None:
    require_tool("age")
    keygen = require_tool("age-keygen")
    key = tmp_path / "hq.key"
    subprocess.run([keygen, "-o", str(key)], capture_output=True, check=True, timeout=60)
    public = subprocess.run(
        [keygen, "-y", str(key)], capture_output=True, check=True, timeout=60, text=True
    ).stdout.strip()
    ident = identity_from_text(key.read_text(encoding="utf-8"))
    assert ident.recipient == public
    assert decrypt_bytes(encrypt_bytes(b"hq", [public]), [ident.secret]) == b"hq"
