"""The age v1 payload (c2sp.org/age, "Payload"): STREAM over ChaCha20-Poly1305, 64 KiB chunks.

Payload key = HKDF-SHA-256(ikm = file key, salt = 16-byte nonce, info = "payload"); chunk i is
sealed with the 12-byte nonce ``i`` (11 bytes, big-endian) || ``0x01`` for the final chunk,
``0x00`` before it. The final chunk may be full, and is empty only when the whole payload is.

Decryption follows Go age chunk by chunk: a short read of a chunk means it is the final one;
a full chunk that does not open as a middle chunk is tried as the final one; after the final
chunk the source must end. A chunk's plaintext is released only after its tag verified, and
in order; the final chunk's plaintext is released before trailing data is reported (as Go age
and the CCTV vectors do), so a consumer must treat any error as "discard everything read".
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from fielddoc.crypto.age_format import NONCE_SIZE, Input, damaged, hkdf, open_header
from fielddoc.errors import CancelledError, FielddocError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

CHUNK = 64 * 1024
TAG = 16
_MAX_CHUNKS = 1 << 88  # the 11-byte counter


def _payload_cipher(file_key: bytes, nonce: bytes) -> ChaCha20Poly1305:
    return ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))


def _chunk_nonce(counter: int, *, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _write_all(out: BinaryIO, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = out.write(view)
        view = view[len(view) if written is None else written :]


class _Chunks:
    """Full 64 KiB chunks of whatever ``source.read(n)`` returns (short reads, more than
    asked, bytearray), and one shorter (maybe empty) block where the source ends."""

    def __init__(self, source: Any) -> None:
        self._source = source
        self._rest = memoryview(b"")  # what a read returned beyond the chunk it was for
        self._eof = False

    def next(self) -> bytes:
        parts: list[bytes] = []
        have = 0
        if self._rest:
            parts.append(bytes(self._rest[:CHUNK]))
            self._rest = self._rest[CHUNK:]
            have = len(parts[0])
        while have < CHUNK and not self._eof:
            data = self._source.read(CHUNK - have)
            if not data:
                self._eof = True
                break
            data = bytes(data)  # no copy when it is bytes already
            if have + len(data) > CHUNK:
                self._rest = memoryview(data)[CHUNK - have :]
                data = data[: CHUNK - have]
            parts.append(data)
            have += len(data)
        return parts[0] if len(parts) == 1 else b"".join(parts)


def seal_payload(source: Any, out: BinaryIO, file_key: bytes, *, header: bytes = b"") -> None:
    """Write ``header``, the nonce and the sealed chunks of everything ``source`` yields to
    ``out``.

    Memory: two plaintext chunks (the current one and the look-ahead that tells whether it
    is the final one) and one sealed chunk. Exceptions from ``source.read`` and
    ``out.write`` propagate unchanged; ``out`` is left partial then.
    """
    nonce = os.urandom(NONCE_SIZE)
    cipher = _payload_cipher(file_key, nonce)
    _write_all(out, header + nonce)
    chunks = _Chunks(source)
    current, counter = chunks.next(), 0
    while True:
        following = chunks.next() if len(current) == CHUNK else b""
        last = not following
        _write_all(out, cipher.encrypt(_chunk_nonce(counter, last=last), current, None))
        if last:
            return
        current, counter = following, counter + 1


class DecryptingReader(io.RawIOBase):
    """Readable, non-seekable plaintext of the age file read from ``source``, decrypted on
    the caller's thread as it reads. The header is read at the first read, so opening never
    fails on the file's content.

    Errors (typed, see :mod:`fielddoc.crypto.age`) are raised by the read that would return
    bytes past them: a read first returns the authenticated plaintext before the failure,
    and every read after the failure raises the same error. ``cancel()`` is polled once per
    read; true -> CancelledError from then on. After :meth:`close` the source is not touched.
    """

    def __init__(
        self,
        source: Any,
        keys: Sequence[X25519PrivateKey],
        cancel: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__()
        self._input = Input(source)
        self._keys = keys
        self._cancel = cancel
        self._cipher: ChaCha20Poly1305 | None = None
        self._counter = 0
        self._pending = memoryview(b"")
        self._finished = False
        self._error: FielddocError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        view = memoryview(buffer).cast("B")
        if self._error is None and self._cancel is not None and self._cancel():
            self._error = CancelledError()
            self._pending = memoryview(b"")  # cancelled means now, not after this chunk
        copied = 0
        while copied < len(view):
            if not self._pending:
                if self._finished or self._error is not None:
                    break
                try:
                    self._next_chunk()
                except FielddocError as exc:
                    self._error = exc
                continue
            count = min(len(view) - copied, len(self._pending))
            view[copied : copied + count] = self._pending[:count]
            self._pending = self._pending[count:]
            copied += count
        if not copied and self._error is not None and view:
            raise self._error
        return copied

    def readall(self) -> bytes:
        parts = []
        while data := self.read(16 * CHUNK):
            parts.append(data)
        return b"".join(parts)

    def _next_chunk(self) -> None:
        """Authenticate the next chunk into ``_pending``; at the final one, set
        ``_finished`` or, if data follows it, ``_error``."""
        if self._cipher is None:
            file_key = open_header(self._input, self._keys)
            nonce = self._input.read(NONCE_SIZE)
            if len(nonce) != NONCE_SIZE:
                raise damaged()
            self._cipher = _payload_cipher(file_key, nonce)
        if self._counter >= _MAX_CHUNKS:
            raise damaged()
        sealed = self._input.read(CHUNK + TAG)
        last = len(sealed) < CHUNK + TAG
        if not sealed or (last and len(sealed) == TAG and self._counter):
            raise damaged()  # ended without a final chunk, or an empty final chunk
        try:
            plain = self._cipher.decrypt(_chunk_nonce(self._counter, last=last), sealed, None)
        except InvalidTag:
            if last:
                raise damaged() from None
            last = True  # a full final chunk
            try:
                plain = self._cipher.decrypt(_chunk_nonce(self._counter, last=True), sealed, None)
            except InvalidTag:
                raise damaged() from None
        self._counter += 1
        self._pending = memoryview(plain)
        if last:
            if self._input.read(1):
                self._error = damaged()  # trailing data
            else:
                self._finished = True

    def close(self) -> None:
        self._pending = memoryview(b"")
        self._cipher = None
        super().close()
