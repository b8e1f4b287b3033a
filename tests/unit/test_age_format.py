"""age v1 keys and header (fielddoc.crypto.age_format): Bech32 keys against the specification's
example and pyrage, and the header rules and size limits on files forged with a correct header
MAC, so that only the rule under test can reject them. The CCTV vectors, interop and streaming
are in test_age.py.
"""

from __future__ import annotations

import hmac
import io
import os

import pyrage
import pytest

from fielddoc.crypto import age, age_format, age_stream
from fielddoc.crypto.age import (
    MAGIC,
    check_recipient,
    decrypt_bytes,
    encrypt_bytes,
    generate_identity,
    identity_from_text,
)
from fielddoc.errors import InputError, IntegrityError
from tests.conftest import FIXTURES

CCTV = FIXTURES / "vectors" / "age-cctv"


def _cctv_identities() -> set[str]:
    found = set()
    for path in CCTV.iterdir():
        head = path.read_bytes().partition(b"\n\n")[0].decode("utf-8")
        found |= {
            line.removeprefix("identity: ")
            for line in head.splitlines()
            if line.startswith("identity: AGE-SECRET-KEY-1")
        }
    return found


# The X25519 example key pair of the age specification (C2SP/C2SP age.md, "The X25519 recipient
# type"): an independent Bech32 + X25519 vector.
SPEC_IDENTITY = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
SPEC_RECIPIENT = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"


def test_keys_match_the_spec_and_pyrage() -> None:
    assert identity_from_text(SPEC_IDENTITY).recipient == SPEC_RECIPIENT
    assert check_recipient(SPEC_RECIPIENT.upper()) == SPEC_RECIPIENT
    cctv = _cctv_identities()
    assert len(cctv) == 2
    for secret in sorted(cctv):
        ours = identity_from_text(secret)
        theirs = pyrage.x25519.Identity.from_str(secret)
        assert ours.secret == str(theirs) == secret
        assert ours.recipient == str(theirs.to_public())
    for _ in range(20):  # both directions, on fresh keys
        theirs = pyrage.x25519.Identity.generate()
        assert identity_from_text(str(theirs)).recipient == str(theirs.to_public())
        ours = generate_identity()
        assert str(pyrage.x25519.Identity.from_str(ours.secret).to_public()) == ours.recipient


def test_bech32_is_strict() -> None:
    ident = generate_identity()
    mixed = ident.recipient[:10] + ident.recipient[10:].upper()
    data = age_format.bech32_decode(ident.recipient)
    assert data is not None
    assert age_format.bech32_encode(*data) == ident.recipient
    for bad in (mixed, ident.recipient.replace("1", "i", 1), "age1" + "q" * 58, "1qqqqqqq"):
        assert age_format.bech32_decode(bad) is None, bad
    # 31 bytes leave 3 padding bits; a 32-byte key needs 52 data characters, not 53
    assert age_format.bech32_decode(age_format.bech32_encode("age", bytes(33))) is not None
    with pytest.raises(InputError):
        check_recipient(age_format.bech32_encode("age", bytes(31)))
    with pytest.raises(InputError):
        check_recipient(age_format.bech32_encode("age", bytes(33)))


@pytest.mark.parametrize("point", [bytes(32), (1).to_bytes(32, "little")])
def test_low_order_recipients_are_refused(point: bytes) -> None:
    """A file key wrapped to a low-order point is readable by anyone."""
    recipient = age_format.bech32_encode("age", point)
    with pytest.raises(InputError):
        check_recipient(recipient)
    with pytest.raises(InputError):
        encrypt_bytes(b"x", [generate_identity().recipient, recipient])


# --- header rules and limits -----------------------------------------------------------------


def _wrapped(body: bytes) -> bytes:
    text = age_format.b64encode(body)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    if not lines or len(lines[-1]) == 64:
        lines.append(b"")
    return b"".join(line + b"\n" for line in lines)


def _forge(ident: age.Identity, extra: bytes, *, first: bool, plaintext: bytes = b"ok") -> bytes:
    """A file to ``ident`` with ``extra`` stanza text before or after its X25519 stanza and
    a correct header MAC, so only the rule under test can reject it."""
    header, file_key = age_format.seal_header([age_format.parse_recipient(ident.recipient)])
    stanzas = header[len(MAGIC) : header.rindex(b"---")]
    covered = MAGIC + (extra + stanzas if first else stanzas + extra) + b"---"
    mac = hmac.new(age_format.hkdf(file_key, b"", b"header"), covered, "sha256").digest()
    out = io.BytesIO(covered + b" " + age_format.b64encode(mac) + b"\n")
    out.seek(0, io.SEEK_END)
    age_stream.seal_payload(io.BytesIO(plaintext), out, file_key)
    return out.getvalue()


def _opens(blob: bytes, ident: age.Identity) -> bool:
    try:
        plain = decrypt_bytes(blob, [ident.secret])
    except IntegrityError:
        return False
    assert plain == b"ok"
    return True


GREASE = b"-> grease-1 !#$%&'()*+,./:;<=>?@[]^_`{|}~ x\n" + _wrapped(bytes(100))


@pytest.mark.parametrize("first", [True, False])
def test_header_rules(first: bool) -> None:
    ident = generate_identity()
    assert _opens(_forge(ident, b"", first=first), ident)
    assert _opens(_forge(ident, GREASE, first=first), ident)  # unknown stanzas are skipped
    assert _opens(_forge(ident, b"-> grease\n\n", first=first), ident)  # empty body
    share = age_format.b64encode(os.urandom(32))
    refused = [
        b"-> scrypt " + age_format.b64encode(bytes(16)) + b" 10\n" + _wrapped(bytes(32)),
        b"-> grease\nAB\n",  # non-canonical base64, even in a stanza we skip
        b"-> grease\n" + b"A" * 64 + b"\n",  # body without its final short line
        b"-> grease\n\n\n",  # two short lines
        b"-> grease  x\n\n",  # empty argument
        b"->\n\n",
        b"-> X25519\n" + _wrapped(bytes(32)),  # every X25519 stanza is checked, ours or not
        b"-> X25519 " + share + b" extra\n" + _wrapped(bytes(32)),
        b"-> X25519 " + share + b"\n" + _wrapped(bytes(33)),
        b"-> X25519 " + share[:-1] + b"\n" + _wrapped(bytes(32)),
        b"-> X25519 " + share + b"=\n" + _wrapped(bytes(32)),
    ]
    for extra in refused:
        assert not _opens(_forge(ident, extra, first=first), ident), extra


def test_header_limits() -> None:
    ident = generate_identity()
    small = b"-> g\n\n"
    assert _opens(_forge(ident, small * (age_format.MAX_STANZAS - 1), first=True), ident)
    assert not _opens(_forge(ident, small * age_format.MAX_STANZAS, first=True), ident)
    room = age_format.MAX_HEADER - len(_forge(ident, b"-> g\n\n", first=True)) + 16 + 2 + 16
    body = room // 65 * 48  # full body lines of 64 columns and their LF
    fits = b"-> g\n" + _wrapped(bytes(body - 48))
    assert _opens(_forge(ident, fits, first=True), ident)
    assert not _opens(_forge(ident, b"-> g\n" + _wrapped(bytes(body + 96)), first=True), ident)
    arg = b"-> g " + b"a" * (age_format.MAX_LINE - 8) + b"\n\n"
    assert _opens(_forge(ident, arg, first=True), ident)
    long_arg = b"-> g " + b"a" * age_format.MAX_LINE + b"\n\n"
    assert not _opens(_forge(ident, long_arg, first=True), ident)


def test_header_without_stanzas_or_with_a_bad_mac_line() -> None:
    ident = generate_identity()
    blob = _forge(ident, b"", first=True)
    head, _, rest = blob.partition(b"\n--- ")
    mac, _, payload = rest.partition(b"\n")
    for bad in (
        MAGIC + b"--- " + mac + b"\n" + payload,  # no stanza at all
        head + b"\n---  " + mac + b"\n" + payload,
        head + b"\n--- " + mac + b" \n" + payload,
        head + b"\n---" + mac + b"\n" + payload,
        head + b"\n--- " + mac[:-1] + b"\n" + payload,
        head + b"\n--- " + mac + b"\r\n" + payload,
    ):
        with pytest.raises(IntegrityError):
            decrypt_bytes(bad, [ident.secret])
