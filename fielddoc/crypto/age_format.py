"""age v1 keys and header (c2sp.org/age): Bech32 keys, X25519 stanzas, the header MAC.

Only what fielddoc needs: binary age with X25519 recipients. The parser follows the spec's
ABNF and Go age (filippo.io/age) in what it rejects, and is bounded so that a hostile file
costs at most :data:`MAX_HEADER` bytes of memory and :data:`MAX_STANZAS` unwrap attempts
per identity.

Parsing rules (each violation -> :class:`~fielddoc.errors.IntegrityError`, fixed message):

- The file starts with exactly :data:`MAGIC`, else :class:`~fielddoc.errors.InputError`
  (armored files, other versions, anything else: not read further).
- Every line ends with LF; a stanza opens with ``-> `` and one or more SP-separated
  non-empty arguments of VCHARs; its body is canonical unpadded base64 in lines of exactly
  64 columns ended by one shorter line, which may be empty (a stanza whose body lacks it is
  rejected, as Go age does); the header closes with ``--- `` and the canonical base64 of a
  32-byte MAC. At least one stanza.
- ``X25519`` stanzas are checked before any is tried: exactly one argument after the type,
  the canonical base64 of 32 bytes, and a 32-byte body; an all-zero shared secret is
  refused. Other stanza types are skipped (grease), except that an ``scrypt`` stanza must
  be alone in its header.
- No X25519 stanza opens with any identity -> :class:`NotAddressedError`; the MAC is checked
  with the file key found, over the header bytes as read up to and including ``---``.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import re
from collections.abc import Sequence
from hashlib import sha256
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fielddoc.errors import FielddocError, InputError, IntegrityError

MAGIC = b"age-encryption.org/v1\n"
FILE_KEY_SIZE = 16
NONCE_SIZE = 16
MAX_HEADER = 256 * 1024  # bytes, version line to MAC line; fielddoc headers are < 1 KiB
MAX_STANZAS = 256
MAX_LINE = 8 * 1024  # the longest native argument (post-quantum enc) is ~1.5 KiB
READ_BLOCK = 16 * 1024

DAMAGED = "The encrypted file is damaged or has been altered."
NOT_AGE = "This file is not an age-encrypted file."
UNREADABLE = "The encrypted file could not be read."
_BAD_RECIPIENT = "This is not a valid age recipient (age1...)."
_BAD_IDENTITY = "This is not a valid age identity (AGE-SECRET-KEY-1...)."

_X25519_INFO = b"age-encryption.org/v1/X25519"
_ZERO_NONCE = bytes(12)
_BODY_COLUMNS = 64
_BODY_BYTES = 48  # per full body line
_B64 = re.compile(rb"[A-Za-z0-9+/]*")
_VCHARS = re.compile(rb"[\x21-\x7e]+")


class NotAddressedError(FielddocError):
    """No identity given matches any recipient stanza of the file."""

    code = "NOT_ADDRESSED_TO_US"

    def __init__(self) -> None:
        super().__init__("This file is not encrypted to any key this vault holds.")


def damaged() -> IntegrityError:
    return IntegrityError(DAMAGED)


def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


# --- base64 and Bech32 -----------------------------------------------------------------------


def b64encode(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def b64decode(text: bytes) -> bytes:
    """Canonical unpadded base64 (RFC 4648 section 3.5), else IntegrityError.

    Rejects padding, CR/LF and any other non-alphabet byte, and a final character whose
    unused low bits are not zero (checked by encoding the result again).
    """
    if not _B64.fullmatch(text) or len(text) % 4 == 1:
        raise damaged()
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4))
    except binascii.Error:
        raise damaged() from None
    if b64encode(data) != text:
        raise damaged()
    return data


_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: Sequence[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = ((check & 0x1FFFFFF) << 5) ^ value
        for bit, gen in enumerate(_GENERATOR):
            if (top >> bit) & 1:
                check ^= gen
    return check


def _hrp_values(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _regroup(data: Sequence[int], source: int, target: int, *, pad: bool) -> list[int] | None:
    """Bits regrouped from ``source``-bit to ``target``-bit values; None if the unpadded
    input leaves a whole value or non-zero bits over (BIP 173 strictness)."""
    acc = bits = 0
    out = []
    for value in data:
        acc = (acc << source) | value
        bits += source
        while bits >= target:
            bits -= target
            out.append((acc >> bits) & ((1 << target) - 1))
    if pad and bits:
        out.append((acc << (target - bits)) & ((1 << target) - 1))
    elif not pad and (bits >= source or (acc << (target - bits)) & ((1 << target) - 1)):
        return None
    return out


def bech32_encode(hrp: str, data: bytes) -> str:
    """Lower-case Bech32 (BIP 173, no length limit) of ``data`` under ``hrp``."""
    hrp = hrp.lower()
    values = _regroup(data, 8, 5, pad=True) or []
    check = _polymod([*_hrp_values(hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    values += [(check >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[v] for v in values)


def bech32_decode(text: str) -> tuple[str, bytes] | None:
    """(lower-case hrp, data) of a Bech32 string in one case, or None if it is not one."""
    if not text.isascii() or any(not 33 <= ord(c) <= 126 for c in text):
        return None
    if text != text.lower() and text != text.upper():
        return None
    text = text.lower()
    split = text.rfind("1")
    if split < 1 or split + 7 > len(text):
        return None
    hrp, rest = text[:split], text[split + 1 :]
    if any(c not in _CHARSET for c in rest):
        return None
    values = [_CHARSET.index(c) for c in rest]
    if _polymod([*_hrp_values(hrp), *values]) != 1:
        return None
    data = _regroup(values[:-6], 5, 8, pad=False)
    return None if data is None else (hrp, bytes(data))


# --- keys ------------------------------------------------------------------------------------


def identity_text(key: X25519PrivateKey) -> str:
    return bech32_encode("age-secret-key-", key.private_bytes_raw()).upper()


def recipient_text(public: bytes) -> str:
    return bech32_encode("age", public)


def parse_identity(text: str) -> X25519PrivateKey:
    """An ``AGE-SECRET-KEY-1...`` identity (either case), else InputError (no cause)."""
    decoded = bech32_decode(text.strip())
    if decoded is None or decoded[0] != "age-secret-key-" or len(decoded[1]) != 32:
        raise InputError(_BAD_IDENTITY) from None  # nothing of the text in any context
    return X25519PrivateKey.from_private_bytes(decoded[1])


def parse_recipient(text: str) -> bytes:
    """The 32-byte X25519 public key of an ``age1...`` recipient (either case).

    A low-order point is refused too: every file key wrapped to it would be readable by
    anyone (and Go age fails to encrypt to it).
    """
    decoded = bech32_decode(text.strip())
    if decoded is None or decoded[0] != "age" or len(decoded[1]) != 32:
        raise InputError(_BAD_RECIPIENT) from None
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(decoded[1]))
    except ValueError:  # all-zero shared secret
        raise InputError(_BAD_RECIPIENT) from None
    return decoded[1]


# --- header ----------------------------------------------------------------------------------


def _body_lines(body: bytes) -> bytes:
    text = b64encode(body)
    lines = [text[i : i + _BODY_COLUMNS] for i in range(0, len(text), _BODY_COLUMNS)]
    if not lines or len(lines[-1]) == _BODY_COLUMNS:
        lines.append(b"")  # the body always ends with a short line
    return b"".join(line + b"\n" for line in lines)


def _header_mac(file_key: bytes, header: bytes) -> bytes:
    return hmac.new(hkdf(file_key, b"", b"header"), header, sha256).digest()


def seal_header(recipients: Sequence[bytes]) -> tuple[bytes, bytes]:
    """(header bytes, file key) for a new file to each of ``recipients`` (public keys)."""
    file_key = os.urandom(FILE_KEY_SIZE)
    parts = [MAGIC]
    for public in recipients:
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        try:
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
        except ValueError:  # low-order point; parse_recipient refuses these already
            raise InputError(_BAD_RECIPIENT) from None
        wrap = hkdf(shared, share + public, _X25519_INFO)
        body = ChaCha20Poly1305(wrap).encrypt(_ZERO_NONCE, file_key, None)
        parts.append(b"-> X25519 " + b64encode(share) + b"\n" + _body_lines(body))
    parts.append(b"---")
    header = b"".join(parts)
    return header + b" " + b64encode(_header_mac(file_key, header)) + b"\n", file_key


class Input:
    """A caller's readable object, buffered for the header and read in full chunks after.

    ``source.read`` failures: a FielddocError is raised unchanged, anything else becomes
    InputError(:data:`UNREADABLE`) with the original as ``__cause__``. Reads return what
    the source gives, so a short result means the source ended.
    """

    def __init__(self, source: Any) -> None:
        self._source = source
        self._buffer = bytearray()
        self._eof = False

    def _pull(self, size: int) -> bytes:
        if self._eof:
            return b""
        try:
            data = self._source.read(size)
        except FielddocError:
            raise
        except Exception as exc:
            raise InputError(UNREADABLE) from exc
        if not data:
            self._eof = True
            return b""
        return bytes(data)  # no copy when it is bytes already

    def read_line(self, limit: int) -> bytes:
        """One line with its LF; IntegrityError if longer than ``limit`` or unterminated."""
        start = 0
        while (end := self._buffer.find(b"\n", start)) < 0:
            if len(self._buffer) > limit:
                raise damaged()
            start = len(self._buffer)
            more = self._pull(READ_BLOCK)
            if not more:
                raise damaged()
            self._buffer += more
        if end >= limit:
            raise damaged()
        line = bytes(self._buffer[: end + 1])
        del self._buffer[: end + 1]
        return line

    def read(self, size: int) -> bytes:
        """``size`` bytes, or fewer only where the source ended."""
        if not self._buffer:
            data = self._pull(size)
            if len(data) == size or not data:
                return data  # the hot path: one source read, no copy
            self._buffer += data
        while len(self._buffer) < size and (more := self._pull(size - len(self._buffer))):
            self._buffer += more
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data


def _stanza_args(line: bytes) -> list[bytes]:
    parts = line[:-1].split(b" ")
    if parts[0] != b"->" or len(parts) < 2:
        raise damaged()
    if not all(_VCHARS.fullmatch(arg) for arg in parts[1:]):
        raise damaged()
    return parts[1:]


def _read_stanza_body(source: Input, raw: bytearray) -> bytes:
    body = bytearray()
    while True:
        line = source.read_line(_BODY_COLUMNS + 2)
        raw += line
        if len(raw) > MAX_HEADER:
            raise damaged()
        part = b64decode(line[:-1])
        if len(part) > _BODY_BYTES:
            raise damaged()
        body += part
        if len(part) < _BODY_BYTES:
            return bytes(body)


def _unwrap(stanzas: list[tuple[list[bytes], bytes]], keys: Sequence[X25519PrivateKey]) -> bytes:
    if len(stanzas) > 1 and any(args[0] == b"scrypt" for args, _ in stanzas):
        raise damaged()
    ours = []
    for args, body in stanzas:
        if args[0] != b"X25519":
            continue
        if len(args) != 2 or len(body) != FILE_KEY_SIZE + 16:
            raise damaged()
        share = b64decode(args[1])
        if len(share) != 32:
            raise damaged()
        ours.append((share, body))
    for key in keys:
        public = key.public_key().public_bytes_raw()
        for share, body in ours:
            try:
                shared = key.exchange(X25519PublicKey.from_public_bytes(share))
            except ValueError:  # all-zero shared secret: a low-order share
                raise damaged() from None
            wrap = hkdf(shared, share + public, _X25519_INFO)
            try:
                return ChaCha20Poly1305(wrap).decrypt(_ZERO_NONCE, body, None)
            except InvalidTag:
                continue  # addressed to someone else
    raise NotAddressedError


def open_header(source: Input, keys: Sequence[X25519PrivateKey]) -> bytes:
    """Read the header from ``source`` and return the file key (failures: module doc)."""
    if source.read(len(MAGIC)) != MAGIC:
        raise InputError(NOT_AGE)
    raw = bytearray(MAGIC)
    stanzas: list[tuple[list[bytes], bytes]] = []
    while True:
        line = source.read_line(MAX_LINE)
        raw += line
        if len(raw) > MAX_HEADER:
            raise damaged()
        if line.startswith(b"---"):
            parts = line[:-1].split(b" ")
            if parts[0] != b"---" or len(parts) != 2:
                raise damaged()
            mac = b64decode(parts[1])
            if len(mac) != 32 or not stanzas:
                raise damaged()
            break
        stanzas.append((_stanza_args(line), _read_stanza_body(source, raw)))
        if len(stanzas) > MAX_STANZAS or len(raw) > MAX_HEADER:
            raise damaged()
    file_key = _unwrap(stanzas, keys)
    covered = bytes(raw[: len(raw) - len(line) + 3])  # up to and including "---"
    if not hmac.compare_digest(_header_mac(file_key, covered), mac):
        raise damaged()
    return file_key
