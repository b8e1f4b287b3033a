"""age (age-encryption.org/v1) files for bundles and receipts, natively on ``cryptography``.

Format: binary age v1 with X25519 recipients only (no armor, no scrypt, no plugins). A file
must start with the exact version line ``age-encryption.org/v1\\n``; anything else (armored
text, other versions, random bytes) is not read at all. Several recipients are normal: the
online and the offline HQ keys. Header rules: :mod:`fielddoc.crypto.age_format`; payload
(STREAM, 64 KiB chunks): :mod:`fielddoc.crypto.age_stream`. pyrage and the ``age`` CLI are
used by the tests only, to cross-check.

Invariants:

- Memory is flat: encryption holds two plaintext chunks and one sealed chunk, decryption one
  sealed and one plaintext chunk (plus the header, at most 256 KiB), whatever the file size.
- :func:`decrypting_reader` decrypts on the caller's thread, chunk by chunk as it is read: no
  thread, no pipe. Plaintext reaches the reader in order, and only after its 64 KiB chunk
  authenticated; plaintext of a chunk that fails is never returned. A truncated file fails
  only at its end, so a consumer must treat any error as "discard everything read" (the
  importer decrypts into quarantine).
- Once the reader is closed (or the ``with`` block is left) the source is not touched again.
  The caller must not use ``source`` while the reader is open: the reader reads it.

Failure behaviour (fixed, content-free messages): no ``age-encryption.org/v1`` version line ->
:class:`~fielddoc.errors.InputError`; no identity matches a recipient stanza ->
:class:`NotAddressedError`; any other header problem (malformed, truncated, over the size
limits, bad header MAC) or payload problem (bad tag, truncated, empty final chunk, trailing
data) -> :class:`~fielddoc.errors.IntegrityError`; ``cancel()`` returning true ->
:class:`~fielddoc.errors.CancelledError`. The reader raises an error at the read after the
plaintext released before it, and again at every later read. A failing ``source.read`` ->
its own FielddocError, else InputError (the original is the ``__cause__``). Invalid keys ->
InputError. In :func:`encrypt_stream` an exception raised by ``source.read`` or ``out.write``
is re-raised unchanged.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fielddoc.crypto.age_format import (
    MAGIC,
    NOT_AGE,
    NotAddressedError,
    identity_text,
    parse_identity,
    parse_recipient,
    recipient_text,
    seal_header,
)
from fielddoc.crypto.age_stream import DecryptingReader, seal_payload
from fielddoc.errors import InputError

__all__ = [
    "MAGIC",
    "Identity",
    "NotAddressedError",
    "check_recipient",
    "decrypt_bytes",
    "decrypting_reader",
    "encrypt_bytes",
    "encrypt_stream",
    "generate_identity",
    "identity_from_text",
]


@dataclass(frozen=True)
class Identity:
    secret: str = field(repr=False)  # "AGE-SECRET-KEY-1...", canonical; never in a repr
    recipient: str  # "age1...", canonical


def _identity(key: X25519PrivateKey) -> Identity:
    return Identity(
        secret=identity_text(key), recipient=recipient_text(key.public_key().public_bytes_raw())
    )


def generate_identity() -> Identity:
    return _identity(X25519PrivateKey.generate())


def identity_from_text(text: str) -> Identity:
    """One X25519 identity from an ``age-keygen`` key file or a bare secret line."""
    lines = [line.strip() for line in text.splitlines()]
    keys = [line for line in lines if line and not line.startswith("#")]
    if len(keys) != 1:
        raise InputError("The text does not hold exactly one age identity.")
    return _identity(parse_identity(keys[0]))


def check_recipient(text: str) -> str:
    """The canonical form of an X25519 recipient (``age1...``), or InputError."""
    return recipient_text(parse_recipient(text))


def encrypt_stream(source: Any, out: BinaryIO, recipients: Sequence[str]) -> None:
    """Encrypt everything ``source.read(n)`` returns, up to b"", to ``out``, then flush it."""
    header, file_key = seal_header(_recipients(recipients))
    seal_payload(source, out, file_key, header=header)
    out.flush()


def encrypt_bytes(data: bytes, recipients: Sequence[str]) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(bytes(data)), out, recipients)
    return out.getvalue()


def decrypt_bytes(data: bytes, identities: Sequence[str]) -> bytes:
    """Whole-file decryption for small files (receipts)."""
    keys = _identities(identities)
    data = bytes(data)
    if not data.startswith(MAGIC):
        raise InputError(NOT_AGE)
    with DecryptingReader(io.BytesIO(data), keys) as reader:
        return reader.readall()


@contextlib.contextmanager
def decrypting_reader(
    source: BinaryIO, identities: Sequence[str], *, cancel: Callable[[], bool] | None = None
) -> Iterator[io.RawIOBase]:
    """A readable, non-seekable stream of the plaintext of the age file read from ``source``."""
    with DecryptingReader(source, _identities(identities), cancel) as reader:
        yield reader


def _identities(identities: Sequence[str]) -> list[X25519PrivateKey]:
    if isinstance(identities, str) or not identities:
        raise InputError("At least one age identity is needed.")
    return [parse_identity(text) for text in identities]


def _recipients(recipients: Sequence[str]) -> list[bytes]:
    if isinstance(recipients, str) or not recipients:
        raise InputError("At least one age recipient is needed.")
    return list(dict.fromkeys(parse_recipient(text) for text in recipients))
