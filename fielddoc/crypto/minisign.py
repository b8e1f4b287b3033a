"""Minisign-compatible Ed25519 signatures (files verify with ``minisign -V``, and back).

Formats (base64 is standard, padded and canonical; ``||`` is concatenation)::

    public key   untrusted comment: minisign public key <KEYIDHEX>
                 base64("Ed" || key_id[8] || ed25519_public_key[32])
    signature    untrusted comment: <text>
                 base64(algorithm[2] || key_id[8] || signature[64])
                 trusted comment: <text>
                 base64(global_signature[64])

``algorithm`` is ``ED`` (the signature covers BLAKE2b-512 of the data; what :func:`sign`
writes, so data of any size streams through in constant memory) or the legacy ``Ed`` (the
signature covers the raw data; accepted by :func:`verify` only, which then holds the data in
memory). ``global_signature`` = Ed25519(signature || trusted comment as UTF-8), so the trusted
comment cannot change without the secret key; the untrusted comment is not protected at all.
``KEYIDHEX`` is the key id read as a little-endian uint64 and printed ``%016X``.

Failure behaviour: anything offered as a signature that does not verify, including empty,
oversized (> 8 KiB), non-UTF-8 or malformed text, raises :class:`SignatureError` (an
:class:`~fielddoc.errors.IntegrityError`) and nothing else. Public and secret key material
that cannot be parsed raises :class:`~fielddoc.errors.InputError`: it comes from a key card
or a file the user picked, not from signed data. Messages are fixed and content-free.
Comments passed to :func:`sign` that span lines or are too long raise :class:`ValueError`
(a programming error).
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from fielddoc.errors import InputError, IntegrityError

ALG_PREHASHED = b"ED"
ALG_LEGACY = b"Ed"
KEY_ID_BYTES = 8
MAX_SIGNATURE_BYTES = 8192
MAX_TRUSTED_COMMENT_BYTES = 4096
MAX_UNTRUSTED_COMMENT_BYTES = 1000  # minisign refuses lines over 1024 bytes with the prefix
MAX_PUBLIC_KEY_TEXT = 2048
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
DEFAULT_UNTRUSTED_COMMENT = "signature from fielddoc secret key"

Data = bytes | bytearray | memoryview | Iterable[bytes]

_MALFORMED = "The signature file is malformed."
_UNSUPPORTED = "The signature uses an unsupported algorithm."
_OTHER_KEY = "The data was signed by a different key."
_BAD_DATA = "The signature does not match the data."
_BAD_COMMENT = "The signature of the trusted comment does not match."
_BAD_PUBLIC = "This is not a minisign public key."
_NOT_A_SIGNING_KEY = "This is not a fielddoc signing secret key."


class SignatureError(IntegrityError):
    """A signature is malformed, made by another key, or does not match the data."""

    code = "SIGNATURE_INVALID"


def _b64encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _b64decode(text: str, size: int) -> bytes | None:
    """Exactly ``size`` bytes from canonical base64, or None."""
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:  # binascii.Error, or non-ASCII text
        return None
    if len(raw) != size or _b64encode(raw) != text:  # no spare bits, no missing padding
        return None
    return raw


def _single_line(comment: str) -> bool:
    return "\x00" not in comment and (comment == "" or comment.splitlines() == [comment])


def _prehash(data: Data) -> bytes:
    digest = hashlib.blake2b(digest_size=64)
    if isinstance(data, bytes | bytearray | memoryview):
        digest.update(data)
    else:
        for chunk in data:
            digest.update(chunk)
    return digest.digest()


def _joined(data: Data) -> bytes:
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data)
    return b"".join(data)


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    key: bytes

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_BYTES or len(self.key) != 32:
            raise ValueError("key_id must be 8 bytes and key 32 bytes")

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it: little-endian uint64, upper-case hex."""
        return f"{int.from_bytes(self.key_id, 'little'):016X}"

    def to_base64(self) -> str:
        return _b64encode(ALG_LEGACY + self.key_id + self.key)

    def to_file_text(self) -> str:
        return f"{UNTRUSTED_PREFIX}minisign public key {self.key_id_hex}\n{self.to_base64()}\n"

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        """Parse the bare base64 line or a whole ``.pub`` file; :class:`InputError` if bad."""
        if not isinstance(text, str) or len(text) > MAX_PUBLIC_KEY_TEXT:
            raise InputError(_BAD_PUBLIC)
        lines = [line.rstrip("\r") for line in text.strip().split("\n")]
        if len(lines) == 2 and lines[0].startswith(UNTRUSTED_PREFIX):
            lines = lines[1:]
        raw = _b64decode(lines[0].strip(), 42) if len(lines) == 1 else None
        if raw is None or raw[:2] != ALG_LEGACY:
            raise InputError(_BAD_PUBLIC)
        return cls(key_id=raw[2:10], key=raw[10:])


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_BYTES or len(self.seed) != 32:
            raise ValueError("key_id must be 8 bytes and seed 32 bytes")

    @classmethod
    def generate(cls) -> SecretKey:
        return cls(key_id=os.urandom(KEY_ID_BYTES), seed=os.urandom(32))

    def _private(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    def public_key(self) -> PublicKey:
        return PublicKey(key_id=self.key_id, key=self._private().public_key().public_bytes_raw())

    def to_bytes(self) -> bytes:
        """``key_id || seed`` (40 bytes) for storage inside the encrypted vault."""
        return self.key_id + self.seed

    @classmethod
    def from_bytes(cls, data: bytes) -> SecretKey:
        if not isinstance(data, bytes) or len(data) != KEY_ID_BYTES + 32:
            raise InputError(_NOT_A_SIGNING_KEY)
        return cls(key_id=data[:KEY_ID_BYTES], seed=data[KEY_ID_BYTES:])


@dataclass(frozen=True)
class Signature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str

    def to_text(self) -> str:
        """The signature file text, as :func:`sign` writes it."""
        return (
            f"{UNTRUSTED_PREFIX}{self.untrusted_comment}\n"
            f"{_b64encode(self.algorithm + self.key_id + self.signature)}\n"
            f"{TRUSTED_PREFIX}{self.trusted_comment}\n"
            f"{_b64encode(self.global_signature)}\n"
        )


def sign(
    secret: SecretKey,
    data: Data,
    *,
    trusted_comment: str,
    untrusted_comment: str = DEFAULT_UNTRUSTED_COMMENT,
) -> str:
    """Signature file text (prehashed ``ED``) over ``data``: bytes or an iterable of chunks."""
    for comment, limit in (
        (trusted_comment, MAX_TRUSTED_COMMENT_BYTES),
        (untrusted_comment, MAX_UNTRUSTED_COMMENT_BYTES),
    ):
        if not _single_line(comment) or len(comment.encode("utf-8")) > limit:
            raise ValueError("comments must be single lines within the size limit")
    private = secret._private()
    signature = private.sign(_prehash(data))
    global_signature = private.sign(signature + trusted_comment.encode("utf-8"))
    return Signature(
        algorithm=ALG_PREHASHED,
        key_id=secret.key_id,
        signature=signature,
        trusted_comment=trusted_comment,
        global_signature=global_signature,
        untrusted_comment=untrusted_comment,
    ).to_text()


def parse_signature(text: str | bytes) -> Signature:
    """Parse signature file text strictly; :class:`SignatureError` on anything malformed.

    Lines end in LF or CRLF; the final line ending is optional; nothing may follow.
    """
    try:
        if len(text) > MAX_SIGNATURE_BYTES:  # a str has no more characters than UTF-8 bytes
            raise SignatureError(_MALFORMED)
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        if len(raw) > MAX_SIGNATURE_BYTES:
            raise SignatureError(_MALFORMED)
        decoded = raw.decode("utf-8")
    except (UnicodeError, TypeError, ValueError):
        raise SignatureError(_MALFORMED) from None
    if decoded.endswith("\n"):
        decoded = decoded[:-1]
    lines = [line.removesuffix("\r") for line in decoded.split("\n")]
    if len(lines) != 4 or any("\r" in line or "\x00" in line for line in lines):
        raise SignatureError(_MALFORMED)
    untrusted_line, sig_line, trusted_line, global_line = lines
    if not (
        untrusted_line.startswith(UNTRUSTED_PREFIX) and trusted_line.startswith(TRUSTED_PREFIX)
    ):
        raise SignatureError(_MALFORMED)
    untrusted = untrusted_line[len(UNTRUSTED_PREFIX) :]
    trusted = trusted_line[len(TRUSTED_PREFIX) :]
    if len(untrusted.encode("utf-8")) > MAX_UNTRUSTED_COMMENT_BYTES or (
        len(trusted.encode("utf-8")) > MAX_TRUSTED_COMMENT_BYTES
    ):
        raise SignatureError(_MALFORMED)
    sig_blob = _b64decode(sig_line, 2 + KEY_ID_BYTES + 64)
    global_signature = _b64decode(global_line, 64)
    if sig_blob is None or global_signature is None:
        raise SignatureError(_MALFORMED)
    if sig_blob[:2] not in (ALG_PREHASHED, ALG_LEGACY):
        raise SignatureError(_UNSUPPORTED)
    return Signature(
        algorithm=sig_blob[:2],
        key_id=sig_blob[2:10],
        signature=sig_blob[10:],
        trusted_comment=trusted,
        global_signature=global_signature,
        untrusted_comment=untrusted,
    )


def _check(public: Ed25519PublicKey, signature: bytes, message: bytes, error: str) -> None:
    try:
        public.verify(signature, message)
    except InvalidSignature:
        raise SignatureError(error) from None


def verify(public: PublicKey, data: Data, signature: str | bytes | Signature) -> str:
    """Check ``signature`` over ``data`` with ``public``; returns the trusted comment.

    Order: key id, then the global signature (a forged trusted comment fails before any data
    is read), then the data. ``data`` may be an iterable of chunks.
    """
    sig = signature if isinstance(signature, Signature) else parse_signature(signature)
    if sig.algorithm not in (ALG_PREHASHED, ALG_LEGACY):
        raise SignatureError(_UNSUPPORTED)
    if len(sig.signature) != 64 or len(sig.global_signature) != 64:
        raise SignatureError(_MALFORMED)
    if sig.key_id != public.key_id:
        raise SignatureError(_OTHER_KEY)
    try:
        key = Ed25519PublicKey.from_public_bytes(public.key)
        trusted = sig.trusted_comment.encode("utf-8")
    except (ValueError, UnicodeError):
        raise SignatureError(_MALFORMED) from None
    _check(key, sig.global_signature, sig.signature + trusted, _BAD_COMMENT)
    message = _prehash(data) if sig.algorithm == ALG_PREHASHED else _joined(data)
    _check(key, sig.signature, message, _BAD_DATA)
    return sig.trusted_comment
