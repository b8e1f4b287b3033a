"""Minisign signatures: CLI-made vectors, interop both ways, tampering, strict parsing.

The vectors below were made with the minisign 0.11 CLI (``minisign -G -W``, ``-S`` and
``-S -l``) so that compatibility is checked even where the CLI is not installed; the tests
marked ``interop`` run the CLI itself (skipped without it, failing under
FIELDDOC_REQUIRE_INTEROP=1).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from fielddoc.crypto.minisign import (
    MAX_SIGNATURE_BYTES,
    PublicKey,
    SecretKey,
    Signature,
    SignatureError,
    parse_signature,
    sign,
    verify,
)
from fielddoc.errors import InputError, IntegrityError
from tests.conftest import require_tool

VECTOR_PUB = (
    "untrusted comment: minisign public key 1815B603DDBAD76C\n"
    "RWRs17rdA7YVGDN/Z/soMJzcZNHLF0Q7OZkd01UFrT5YyfenxD0uiHhC\n"
)
VECTOR_DATA = b"fielddoc minisign test vector\n"
VECTOR_ED = (
    "untrusted comment: signature from minisign secret key\n"
    "RURs17rdA7YVGDbjPDKkiS5Amzk2XMOYo0NwA2nACMCpEferUJIqRNZi5+U/mZUTBLeY2mzPfJ+5Wr0lCWTKU5y/FY6Tq8/mFAs=\n"
    "trusted comment: fielddoc vector: prehashed ED\n"
    "L3qGPsV/oXVu0J0wXrTYIERqxvTu+AR0WJtaaCYriKDvwUgtJKj1BRWvAeSOFw1b/EaG8AKsxjKQ2CBe/VPFAQ==\n"
)
VECTOR_LEGACY = (
    "untrusted comment: signature from minisign secret key\n"
    "RWRs17rdA7YVGGsfv9WQbZhLri7FqZI8V7jVRNKyqZVeyaPtf2jFM5GY/SBzVL3tF0uczS0wEBq/ztorK90vKuConX5g2WSzyws=\n"
    "trusted comment: fielddoc vector: legacy Ed\n"
    "5zSRkWbe5maLWhXGD7dbtH3tO7mMHzLvUfUO/UVQ/uTng4by0MnTfZ3nlAoEPZ9ijZnOlOPuETY6HnrRq25rAw==\n"
)

KEY = SecretKey(key_id=bytes(range(1, 9)), seed=bytes(range(32)))
PUB = KEY.public_key()
DATA = b"fielddoc-bundle payload \x00\xff" * 3
TRUSTED = "fielddoc-bundle-v1 bundle=01J seq=7 recipients=age1xyz created=2024-05-01T10:00:00Z"
VALID = sign(KEY, DATA, trusted_comment=TRUSTED)
MESSAGES = {
    "The signature file is malformed.",
    "The signature uses an unsupported algorithm.",
    "The data was signed by a different key.",
    "The signature does not match the data.",
    "The signature of the trusted comment does not match.",
}


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _with_line(text: str, index: int, line: str) -> str:
    lines = text.split("\n")
    lines[index] = line
    return "\n".join(lines)


def _legacy(secret: SecretKey, data: bytes, trusted: str) -> str:
    private = Ed25519PrivateKey.from_private_bytes(secret.seed)
    signature = private.sign(data)
    glob = private.sign(signature + trusted.encode("utf-8"))
    return Signature(b"Ed", secret.key_id, signature, trusted, glob, "legacy").to_text()


def _fails(data: bytes, text: str | bytes, public: PublicKey = PUB) -> SignatureError:
    with pytest.raises(SignatureError) as caught:
        verify(public, data, text)
    assert caught.value.code == "SIGNATURE_INVALID"
    assert str(caught.value) in MESSAGES
    return caught.value


# --- format and vectors ----------------------------------------------------------------------


def test_cli_vectors_verify_offline() -> None:
    public = PublicKey.from_text(VECTOR_PUB)
    assert public.key_id_hex == "1815B603DDBAD76C"
    assert public.to_file_text() == VECTOR_PUB
    assert verify(public, VECTOR_DATA, VECTOR_ED) == "fielddoc vector: prehashed ED"
    assert verify(public, [VECTOR_DATA], VECTOR_LEGACY) == "fielddoc vector: legacy Ed"
    assert parse_signature(VECTOR_ED).to_text() == VECTOR_ED
    _fails(VECTOR_DATA + b"x", VECTOR_ED, public)
    _fails(VECTOR_DATA + b"x", VECTOR_LEGACY, public)


def test_sign_writes_four_line_prehashed_file() -> None:
    lines = VALID.split("\n")
    assert VALID.endswith("\n") and len(lines) == 5 and lines[4] == ""
    assert lines[0] == "untrusted comment: signature from fielddoc secret key"
    assert lines[2] == f"trusted comment: {TRUSTED}"
    parsed = parse_signature(VALID)
    assert (parsed.algorithm, parsed.key_id) == (b"ED", KEY.key_id)
    assert (parsed.trusted_comment, parsed.untrusted_comment) == (
        TRUSTED,
        "signature from fielddoc secret key",
    )
    assert base64.b64decode(lines[1]) == b"ED" + KEY.key_id + parsed.signature
    assert parsed.to_text() == VALID
    assert verify(PUB, DATA, VALID) == verify(PUB, DATA, VALID.encode()) == TRUSTED
    assert verify(PUB, DATA, parsed) == TRUSTED


def test_signing_is_deterministic_and_key_bound() -> None:
    assert sign(KEY, DATA, trusted_comment=TRUSTED) == VALID
    other = SecretKey.generate()
    assert other != SecretKey.generate()
    assert sign(other, DATA, trusted_comment=TRUSTED) != VALID


def test_unicode_comments_round_trip() -> None:
    text = sign(KEY, DATA, trusted_comment="Бишкек\tжурнал №5", untrusted_comment="Ош")
    assert verify(PUB, DATA, text) == "Бишкек\tжурнал №5"
    assert parse_signature(text).untrusted_comment == "Ош"


def test_empty_trusted_comment_and_empty_data() -> None:
    assert verify(PUB, b"", sign(KEY, b"", trusted_comment="")) == ""
    assert verify(PUB, [], sign(KEY, [], trusted_comment="x")) == "x"


@pytest.mark.parametrize(
    ("trusted", "untrusted"),
    [
        ("a\nb", "u"),
        ("a\r", "u"),
        ("nul\x00", "u"),
        ("line\u2028sep", "u"),
        ("t", "two\nlines"),
        ("t" * 4097, "u"),
        ("t", "u" * 1001),
    ],
)
def test_sign_rejects_multiline_or_oversized_comments(trusted: str, untrusted: str) -> None:
    with pytest.raises(ValueError, match="single lines"):
        sign(KEY, DATA, trusted_comment=trusted, untrusted_comment=untrusted)


def test_legacy_is_verified_but_never_written() -> None:
    assert verify(PUB, [DATA[:5], DATA[5:]], _legacy(KEY, DATA, "old")) == "old"
    _fails(DATA[1:], _legacy(KEY, DATA, "old"))
    # An ED signature relabelled as legacy (the algorithm is outside the global signature).
    blob = base64.b64decode(VALID.split("\n")[1])
    relabelled = _with_line(VALID, 1, _b64(b"Ed" + blob[2:]))
    assert str(_fails(DATA, relabelled)) == "The signature does not match the data."


# --- streaming -------------------------------------------------------------------------------


@settings(max_examples=50)
@given(st.binary(max_size=3000), st.lists(st.integers(0, 3000), max_size=6))
def test_streaming_equals_one_shot(data: bytes, cuts: list[int]) -> None:
    bounds = [0, *sorted(cuts), len(data)]
    chunks = [data[a:b] for a, b in itertools.pairwise(bounds)]
    one_shot = sign(KEY, data, trusted_comment="s")
    assert sign(KEY, iter(chunks), trusted_comment="s") == one_shot
    assert sign(KEY, bytearray(data), trusted_comment="s") == one_shot
    assert verify(PUB, (c for c in chunks), one_shot) == "s"
    assert verify(PUB, memoryview(data), one_shot) == "s"


# --- tampering -------------------------------------------------------------------------------


def test_every_bit_flip_in_data_fails() -> None:
    for i in range(len(DATA) * 8):
        flipped = bytearray(DATA)
        flipped[i // 8] ^= 1 << (i % 8)
        _fails(bytes(flipped), VALID)


def test_every_bit_flip_in_the_signed_lines_fails() -> None:
    raw = VALID.encode()
    start = raw.index(b"\n") + 1  # everything after the untrusted comment line
    for i in range(start * 8, len(raw) * 8):
        flipped = bytearray(raw)
        flipped[i // 8] ^= 1 << (i % 8)
        _fails(DATA, bytes(flipped))


def test_key_id_and_wrong_key() -> None:
    blob = base64.b64decode(VALID.split("\n")[1])
    for i in range(2 * 8, 10 * 8):
        changed = bytearray(blob)
        changed[i // 8] ^= 1 << (i % 8)
        message = str(_fails(DATA, _with_line(VALID, 1, _b64(bytes(changed)))))
        assert message == "The data was signed by a different key."
    other = SecretKey.generate().public_key()
    assert str(_fails(DATA, VALID, other)) == "The data was signed by a different key."
    impostor = PublicKey(key_id=KEY.key_id, key=other.key)  # same id, different key
    assert (
        str(_fails(DATA, VALID, impostor)) == "The signature of the trusted comment does not match."
    )


def test_forged_trusted_comment_fails_without_reading_data() -> None:
    forged = _with_line(VALID, 2, "trusted comment: " + TRUSTED.replace("seq=7", "seq=8"))

    class Unreadable:
        def __iter__(self) -> Iterator[bytes]:
            raise AssertionError("data read before the trusted comment was checked")

    error = _fails(b"", forged)
    assert TRUSTED not in str(error) and "seq" not in str(error)
    with pytest.raises(SignatureError):
        verify(PUB, Unreadable(), forged)


def test_non_canonical_base64_is_rejected() -> None:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    sig_line, glob_line = VALID.split("\n")[1], VALID.split("\n")[3]
    assert sig_line.endswith("=") and glob_line.endswith("==")
    for index, line, pos in ((1, sig_line, -2), (3, glob_line, -3)):
        spare = alphabet[alphabet.index(line[pos]) ^ 1]  # an unused low bit
        altered = line[:pos] + spare + line[pos + 1 :]
        assert base64.b64decode(altered) == base64.b64decode(line)
        _fails(DATA, _with_line(VALID, index, altered))
        _fails(DATA, _with_line(VALID, index, line.rstrip("=")))  # missing padding


def test_accepted_line_endings() -> None:
    assert verify(PUB, DATA, VALID.rstrip("\n")) == TRUSTED
    assert verify(PUB, DATA, VALID.replace("\n", "\r\n")) == TRUSTED


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: "",
        lambda t: t + "\n",
        lambda t: "\n" + t,
        lambda t: t + "extra\n",
        lambda t: "\ufeff" + t,
        lambda t: t.replace("untrusted comment: ", "Untrusted comment: "),
        lambda t: t.replace("trusted comment: " + TRUSTED, "trusted comment:" + TRUSTED),
        lambda t: t.replace("\n", "\n\n", 1),
        lambda t: t.replace("\n", "\r\r\n"),
        lambda t: _with_line(t, 1, _b64(b"EE" + base64.b64decode(t.split("\n")[1])[2:])),
        lambda t: _with_line(t, 1, _b64(base64.b64decode(t.split("\n")[1])[:-1])),
        lambda t: _with_line(t, 3, _b64(base64.b64decode(t.split("\n")[3]) + b"\x00")),
        lambda t: _with_line(t, 0, "untrusted comment: " + "u" * 1001),
        lambda t: _with_line(t, 2, "trusted comment: " + "t" * 4097),
        lambda t: t.replace("trusted comment: ", "trusted comment: \x00"),
    ],
)
def test_malformed_signature_files(damage: Callable[[str], str]) -> None:
    _fails(DATA, damage(VALID))


def test_huge_and_non_utf8_inputs() -> None:
    for text in ("A" * (MAX_SIGNATURE_BYTES + 1), "Ж" * 5000, "x" * 10_000_000):
        _fails(DATA, text)
        _fails(DATA, text.encode())
    _fails(DATA, b"\xff\xfe" + VALID.encode())
    _fails(DATA, "\ud800" + VALID)  # lone surrogate: not encodable as UTF-8


def test_signature_objects_with_bad_fields() -> None:
    good = parse_signature(VALID)
    bad = [
        Signature(b"XX", good.key_id, good.signature, TRUSTED, good.global_signature, ""),
        Signature(b"ED", good.key_id, good.signature[:63], TRUSTED, good.global_signature, ""),
        Signature(b"ED", good.key_id, good.signature, TRUSTED, b"", ""),
        Signature(b"ED", good.key_id, good.signature, "\udc80", good.global_signature, ""),
    ]
    for sig in bad:
        with pytest.raises(SignatureError):
            verify(PUB, DATA, sig)


@settings(max_examples=300)
@given(st.one_of(st.binary(max_size=MAX_SIGNATURE_BYTES + 50), st.text(max_size=600)))
def test_garbage_raises_only_signature_error(garbage: bytes | str) -> None:
    with pytest.raises(SignatureError):
        parse_signature(garbage)
    _fails(DATA, garbage)


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["flip", "delete", "insert", "replace"]),
            st.integers(0, len(VALID.encode()) - 1),
            st.binary(min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_signatures_never_verify_other_content(
    edits: list[tuple[str, int, bytes]],
) -> None:
    raw = bytearray(VALID.encode())
    for op, where, blob in edits:
        pos = where % max(len(raw), 1)
        if op == "flip" and raw:
            raw[pos] ^= blob[0] or 1
        elif op == "delete":
            del raw[pos : pos + len(blob)]
        elif op == "insert":
            raw[pos:pos] = blob
        else:
            raw[pos : pos + len(blob)] = blob
    error: SignatureError | None = None
    try:
        comment = verify(PUB, DATA, bytes(raw))
    except SignatureError as err:
        error = err
    if error is not None:
        assert str(error) in MESSAGES
    else:  # only the untrusted comment or a line ending may have changed
        parsed, original = parse_signature(bytes(raw)), parse_signature(VALID)
        assert comment == TRUSTED
        assert (parsed.key_id, parsed.signature, parsed.global_signature) == (
            original.key_id,
            original.signature,
            original.global_signature,
        )


# --- keys ------------------------------------------------------------------------------------


def test_public_key_text_round_trip() -> None:
    assert PUB.to_base64().startswith("RW")
    assert base64.b64decode(PUB.to_base64()) == b"Ed" + PUB.key_id + PUB.key
    assert PUB.key_id_hex == "0807060504030201"  # little-endian uint64, %016X
    assert PUB.to_file_text() == (
        f"untrusted comment: minisign public key 0807060504030201\n{PUB.to_base64()}\n"
    )
    for text in (
        PUB.to_base64(),
        f"  {PUB.to_base64()}\n",
        PUB.to_file_text(),
        PUB.to_file_text().replace("\n", "\r\n"),
        PUB.to_file_text().rstrip("\n"),
    ):
        assert PublicKey.from_text(text) == PUB
    small = PublicKey(key_id=b"\x01" + bytes(7), key=bytes(32))
    assert small.key_id_hex == "0000000000000001"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "RW",
        "RW!!" + PUB.to_base64()[4:],
        _b64(b"Ed" + bytes(41)),
        _b64(b"Ed" + bytes(39)),
        _b64(b"ED" + bytes(40)),
        _b64(b"Sc" + bytes(40)),
        PUB.to_base64().replace("=", "") + "=",
        PUB.to_base64() + "\n" + PUB.to_base64(),
        "comment: minisign public key\n" + PUB.to_base64(),
        PUB.to_file_text() + "trailing\n",
        "R" * 100_000,
    ],
)
def test_public_key_rejects(text: str) -> None:
    with pytest.raises(InputError) as caught:
        PublicKey.from_text(text)
    assert str(caught.value) == "This is not a minisign public key."


@given(st.text(max_size=300))
def test_public_key_garbage_raises_only_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        PublicKey.from_text(text)


def test_secret_key_storage_and_repr() -> None:
    secret = SecretKey.generate()
    assert len(secret.to_bytes()) == 40
    assert SecretKey.from_bytes(secret.to_bytes()) == secret
    assert secret.seed.hex() not in repr(secret) and "seed" not in repr(secret)
    assert secret.public_key().key_id == secret.key_id
    for bad in (b"", bytes(39), bytes(41)):
        with pytest.raises(InputError):
            SecretKey.from_bytes(bad)
    with pytest.raises(ValueError, match="8 bytes"):
        SecretKey(key_id=bytes(7), seed=bytes(32))
    with pytest.raises(ValueError, match="8 bytes"):
        PublicKey(key_id=bytes(8), key=bytes(31))


def test_error_type() -> None:
    assert issubclass(SignatureError, IntegrityError)
    assert SignatureError.code == "SIGNATURE_INVALID"


# --- interop with the minisign CLI -----------------------------------------------------------


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("minisign"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.mark.interop
def test_cli_verifies_our_signatures(tmp_path: Path) -> None:
    require_tool("minisign")
    secret = SecretKey.generate()
    public = secret.public_key()
    (tmp_path / "key.pub").write_text(public.to_file_text(), encoding="utf-8")
    payload = tmp_path / "tagmanifest-sha256.txt"
    payload.write_bytes(b"abc  data/x.json\n" * 100_000)
    trusted = "fielddoc-bundle-v1 bundle=01HX seq=3 recipients=age1q created=Бишкек"
    chunks = iter([payload.read_bytes()[:1000], payload.read_bytes()[1000:]])
    (tmp_path / "tagmanifest-sha256.txt.minisig").write_text(
        sign(secret, chunks, trusted_comment=trusted), encoding="utf-8"
    )
    result = _cli(tmp_path, "-V", "-p", "key.pub", "-m", payload.name)
    assert result.returncode == 0, result.stderr
    assert f"Trusted comment: {trusted}" in result.stdout
    (tmp_path / "other.sig").write_text(
        sign(secret, payload.read_bytes(), trusted_comment="second"), encoding="utf-8"
    )
    result = _cli(
        tmp_path, "-V", "-H", "-P", public.to_base64(), "-m", payload.name, "-x", "other.sig"
    )
    assert result.returncode == 0, result.stderr
    assert "Trusted comment: second" in result.stdout
    payload.write_bytes(b"tampered")
    assert _cli(tmp_path, "-V", "-p", "key.pub", "-m", payload.name).returncode != 0


@pytest.mark.interop
def test_we_verify_cli_signatures(tmp_path: Path) -> None:
    require_tool("minisign")
    generated = _cli(tmp_path, "-G", "-W", "-p", "cli.pub", "-s", "cli.sec")
    assert generated.returncode == 0, generated.stderr
    pub_text = (tmp_path / "cli.pub").read_text(encoding="utf-8")
    public = PublicKey.from_text(pub_text)
    assert public.to_base64() in generated.stdout
    # minisign 0.11 prints the id with %lX, newer releases with %016lX: same number either way.
    cli_hex = pub_text.split("\n")[0].rsplit(" ", 1)[1]
    assert int(cli_hex, 16) == int(public.key_id_hex, 16) and len(public.key_id_hex) == 16
    assert public.to_file_text() == pub_text.replace(cli_hex, cli_hex.zfill(16))
    payload = tmp_path / "file.bin"
    payload.write_bytes(bytes(range(256)) * 4000)
    data = payload.read_bytes()
    trusted = "signed by the CLI: журнал"
    signed = _cli(tmp_path, "-S", "-s", "cli.sec", "-m", "file.bin", "-t", trusted)
    assert signed.returncode == 0, signed.stderr
    sig_text = (tmp_path / "file.bin.minisig").read_text(encoding="utf-8")
    assert parse_signature(sig_text).algorithm == b"ED"
    assert verify(public, data, sig_text) == trusted
    assert verify(public, [data[:7], data[7:]], sig_text) == trusted
    _fails(data[:-1], sig_text, public)
    _fails(data, sig_text, SecretKey.generate().public_key())

    legacy = _cli(tmp_path, "-S", "-l", "-s", "cli.sec", "-m", "file.bin", "-x", "legacy.sig")
    assert legacy.returncode == 0, legacy.stderr
    legacy_text = (tmp_path / "legacy.sig").read_text(encoding="utf-8")
    assert parse_signature(legacy_text).algorithm == b"Ed"
    assert verify(public, data, legacy_text).startswith("timestamp:")  # the CLI default
    _fails(data + b"\x00", legacy_text, public)
