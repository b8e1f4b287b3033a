"""C2SP chunked encryption (c2sp.org/chunked-encryption), the Cobblestone-256 instantiation.

Used for evidence files at rest: a fresh 32-byte input key per file, the evidence id as context.

Format::

    ciphertext = salt (24 random bytes) || commitment (32) || chunk_0 || ... || chunk_n
    key (32) || base_nonce (12) || commitment (32) = HKDF-Expand-SHA-512(prk = input key,
        info = "c2sp.org/chunked-encryption@v1+" || "AEAD_AES_256_GCM" || 0x00 || salt || context)
    chunk_k = AES-256-GCM(key, nonce = base_nonce XOR k (12-byte big-endian), aad = empty,
                          plaintext[k * 16384 : (k + 1) * 16384])

Invariants:

- Every chunk holds exactly 16 KiB of plaintext except the last, which is always shorter
  (possibly empty), so every plaintext length has exactly one encoding, the ciphertext length
  alone fixes the plaintext length (:func:`ciphertext_size`, :func:`plaintext_size`), and
  plaintext byte ``i`` lives in chunk ``k = i // 16384``, which starts at ciphertext offset
  ``56 + k * 16400``. At most 2**38 chunks (4 PiB); the counter never wraps.
- The commitment is compared (constant time) before any chunk is decrypted; no plaintext byte
  of a chunk is released before that chunk's tag has been verified.
- :class:`ChunkedReader` also decrypts the final chunk when it opens, so its ``size`` (and
  ``seek(0, SEEK_END)``) is authenticated. It caches one decrypted chunk only.
- The ciphertext starts at the source's position when a reader or :func:`decrypt_stream` is
  given it, and runs to the source's end.

Failure behaviour: anything that fails authentication -- a wrong key or context, a bad
commitment, a modified, reordered, truncated or extended ciphertext, an impossible length, a
counter past 2**38 -- raises :class:`~fielddoc.errors.IntegrityError` (code ``INTEGRITY_FAILED``)
with fixed, content-free text. Streaming decryption may have passed an authenticated prefix to
its sink before that; it never passes unauthenticated bytes. Programming errors (an input key
that is not 32 bytes, an injected salt that is not 24 bytes, writing after close, a message
over 4 PiB) raise :class:`ValueError`; a seek to a negative position raises ``OSError(EINVAL)``
as a real file does. Cancellation raises :class:`~fielddoc.errors.CancelledError`.
"""

from __future__ import annotations

import errno
import hmac
import io
import os
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, Self

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand

from fielddoc.errors import CancelledError, IntegrityError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

CHUNK_SIZE = 16384
TAG_SIZE = 16
SALT_SIZE = 24
COMMITMENT_SIZE = 32
HEADER_SIZE = SALT_SIZE + COMMITMENT_SIZE  # 56
KEY_SIZE = 32
NONCE_SIZE = 12
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
MAX_CHUNKS = 1 << 38
_INFO_PREFIX = b"c2sp.org/chunked-encryption@v1+AEAD_AES_256_GCM\x00"
_STREAM_BLOCK = 64 * ENCRYPTED_CHUNK_SIZE  # ~1 MiB reads; a whole number of chunks

_BAD_HEADER = "The encrypted file's header does not match its key."
_BAD_LENGTH = "The encrypted file has an impossible length (truncated or extended)."
_BAD_CHUNK = "Part of the encrypted file failed authentication."
_TOO_LONG = "The encrypted file exceeds the chunk counter limit."


def ciphertext_size(plaintext_size: int) -> int:
    """Exact ciphertext length for a plaintext of ``plaintext_size`` bytes."""
    if plaintext_size < 0 or plaintext_size // CHUNK_SIZE >= MAX_CHUNKS:
        raise ValueError("plaintext size out of range")
    return HEADER_SIZE + plaintext_size + (plaintext_size // CHUNK_SIZE + 1) * TAG_SIZE


def plaintext_size(ciphertext_size: int) -> int:
    """Plaintext length for a ciphertext length; IntegrityError if no message has that length."""
    full, final = divmod(ciphertext_size - HEADER_SIZE, ENCRYPTED_CHUNK_SIZE)
    if ciphertext_size < HEADER_SIZE + TAG_SIZE or final < TAG_SIZE:
        raise IntegrityError(_BAD_LENGTH)
    if full >= MAX_CHUNKS:
        raise IntegrityError(_TOO_LONG)
    return full * CHUNK_SIZE + final - TAG_SIZE


def _derive(key: bytes, salt: bytes, context: bytes) -> tuple[AESGCM, int, bytes]:
    """(AEAD, base nonce as an integer, commitment) for one message."""
    _check_key(key)
    info = _INFO_PREFIX + bytes(salt) + bytes(context)
    okm = HKDFExpand(hashes.SHA512(), KEY_SIZE + NONCE_SIZE + COMMITMENT_SIZE, info).derive(key)
    nonce = int.from_bytes(okm[KEY_SIZE : KEY_SIZE + NONCE_SIZE], "big")
    return AESGCM(okm[:KEY_SIZE]), nonce, okm[KEY_SIZE + NONCE_SIZE :]


def _check_key(key: bytes) -> None:
    if len(key) != KEY_SIZE:
        raise ValueError("chunked encryption needs a 32-byte input key")


def _open_header(header: bytes, key: bytes, context: bytes) -> tuple[AESGCM, int]:
    if len(header) < HEADER_SIZE:
        raise IntegrityError(_BAD_LENGTH)
    aead, base_nonce, commitment = _derive(key, header[:SALT_SIZE], context)
    if not hmac.compare_digest(commitment, header[SALT_SIZE:HEADER_SIZE]):
        raise IntegrityError(_BAD_HEADER)
    return aead, base_nonce


def _open_chunk(aead: AESGCM, base_nonce: int, index: int, data: bytes | memoryview) -> bytes:
    if index >= MAX_CHUNKS:
        raise IntegrityError(_TOO_LONG)
    try:
        return aead.decrypt((base_nonce ^ index).to_bytes(NONCE_SIZE, "big"), data, None)
    except InvalidTag:
        raise IntegrityError(_BAD_CHUNK) from None


def _read_upto(source: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, fewer only at end of file (copes with short reads)."""
    data = source.read(size)
    if len(data) == size or not data:
        return data
    parts = [data]
    got = len(data)
    while got < size and (more := source.read(size - got)):
        parts.append(more)
        got += len(more)
    return b"".join(parts)


class ChunkedEncryptor:
    """Streaming encryptor writing to a binary file object. Constant memory.

    The header is written at construction; full chunks are written as soon as they fill;
    :meth:`close` writes the final short (maybe empty) chunk and does not close ``out``. After a
    failed write, or when the ``with`` block raises, the message is abandoned (no final chunk is
    written, so the partial output never authenticates as a shorter message).
    """

    def __init__(
        self, out: BinaryIO, key: bytes, context: bytes, *, salt: bytes | None = None
    ) -> None:
        if salt is None:
            salt = os.urandom(SALT_SIZE)  # injectable for test vectors only
        elif len(salt) != SALT_SIZE:
            raise ValueError("salt must be 24 bytes")
        self._aead, self._base_nonce, commitment = _derive(key, salt, context)
        self._out = out
        self._buf = bytearray()  # pending plaintext, always shorter than one chunk
        self._counter = 0
        self._closed = False
        self._failed = False
        self.bytes_in = 0
        self.bytes_out = 0
        self._emit(bytes(salt) + commitment)

    def _emit(self, data: bytes) -> None:
        written = self._out.write(data)
        if written != len(data):  # a raw file object may write part of it
            view = memoryview(data)[written:]
            while view:
                written = self._out.write(view)
                if written <= 0:
                    raise OSError("output refused the write")
                view = view[written:]
        self.bytes_out += len(data)

    def _seal(self, plaintext: bytes | bytearray | memoryview) -> None:
        if self._counter >= MAX_CHUNKS:
            raise ValueError("message exceeds the chunk counter limit")
        nonce = (self._base_nonce ^ self._counter).to_bytes(NONCE_SIZE, "big")
        self._counter += 1
        self._emit(self._aead.encrypt(nonce, plaintext, None))

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._closed or self._failed:
            raise ValueError("write to a closed or failed encryptor")
        try:
            self._write(memoryview(data).cast("B"))
        except BaseException:
            self._failed = True
            raise

    def _write(self, view: memoryview) -> None:
        size = len(view)
        pos = 0
        if self._buf:
            pos = min(CHUNK_SIZE - len(self._buf), size)
            self._buf += view[:pos]
            if len(self._buf) < CHUNK_SIZE:
                self.bytes_in += size
                return
            self._seal(self._buf)
            self._buf.clear()
        while size - pos >= CHUNK_SIZE:  # full chunks straight from the caller's buffer
            self._seal(view[pos : pos + CHUNK_SIZE])
            pos += CHUNK_SIZE
        self._buf += view[pos:]
        self.bytes_in += size

    def close(self) -> None:
        """Write the final chunk. Idempotent; raises ValueError after a failed write."""
        if self._closed:
            return
        if self._failed:
            raise ValueError("cannot finish a message after a failed write")
        try:
            self._seal(self._buf)
        except BaseException:
            self._failed = True
            raise
        self._buf.clear()
        self._closed = True

    def abort(self) -> None:
        """Abandon the message without a final chunk (the output will not authenticate)."""
        self._failed = True
        self._buf.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class ChunkedReader(io.RawIOBase):
    """Seekable, read-only, decrypting file object over a seekable ciphertext file object.

    Opening checks the commitment and the length and authenticates the final chunk, so
    ``size`` is trustworthy. Reads decrypt the chunks they touch (one cached at a time);
    ``readinto`` fills the whole buffer unless the end is reached. Closing the reader does
    not close ``source``.
    """

    def __init__(self, source: BinaryIO, key: bytes, context: bytes) -> None:
        super().__init__()
        _check_key(key)
        self._source = source
        self._base = source.tell()
        self._aead, self._base_nonce = _open_header(_read_upto(source, HEADER_SIZE), key, context)
        self.size = plaintext_size(source.seek(0, io.SEEK_END) - self._base)
        self._last = self.size // CHUNK_SIZE
        self._pos = 0
        self._chunk_index = -1
        self._chunk = b""
        self._load(self._last)  # authenticates the length

    def _load(self, index: int) -> bytes:
        if index != self._chunk_index:
            self._chunk_index, self._chunk = -1, b""
            length = (self.size % CHUNK_SIZE if index == self._last else CHUNK_SIZE) + TAG_SIZE
            self._source.seek(self._base + HEADER_SIZE + index * ENCRYPTED_CHUNK_SIZE)
            data = _read_upto(self._source, length)
            if len(data) != length:  # the file shrank after opening
                raise IntegrityError(_BAD_LENGTH)
            self._chunk = _open_chunk(self._aead, self._base_nonce, index, data)
            self._chunk_index = index
        return self._chunk

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        self._check_open()
        out = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(out) and self._pos < self.size:
            index, offset = divmod(self._pos, CHUNK_SIZE)
            chunk = self._load(index)
            count = min(len(out) - filled, len(chunk) - offset)
            out[filled : filled + count] = memoryview(chunk)[offset : offset + count]
            filled += count
            self._pos += count
        return filled

    def read(self, size: int | None = -1, /) -> bytes:
        self._check_open()
        remaining = max(self.size - self._pos, 0)
        buf = bytearray(remaining if size is None or size < 0 else min(size, remaining))
        self.readinto(buf)
        return bytes(buf)

    def readall(self) -> bytes:
        return self.read(-1)

    def seek(self, offset: int, whence: int = io.SEEK_SET, /) -> int:
        self._check_open()
        if whence == io.SEEK_SET:
            target = offset
        elif whence == io.SEEK_CUR:
            target = self._pos + offset
        elif whence == io.SEEK_END:
            target = self.size + offset
        else:
            raise ValueError("invalid whence")
        if target < 0:  # as a real file does, so callers' "except OSError" probes work
            raise OSError(errno.EINVAL, "negative seek position")
        self._pos = target
        return target

    def tell(self) -> int:
        self._check_open()
        return self._pos

    def close(self) -> None:
        self._chunk_index, self._chunk = -1, b""
        super().close()


def decrypt_stream(
    source: BinaryIO,
    key: bytes,
    context: bytes,
    sink: Callable[[memoryview], None],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Decrypt the whole message sequentially in ~1 MiB reads; returns the plaintext length.

    ``sink`` receives authenticated plaintext in order, one chunk per call. ``progress`` gets
    (plaintext bytes done, total) after each read; total is -1 if ``source`` is not seekable
    (a seekable source also has its length checked before anything is decrypted). ``cancel``
    is polled before each read; when it returns True, CancelledError is raised.
    """
    _check_key(key)
    start = source.tell() if source.seekable() else -1
    aead, base_nonce = _open_header(_read_upto(source, HEADER_SIZE), key, context)
    total = -1
    if start >= 0:
        end = source.seek(0, io.SEEK_END)
        total = plaintext_size(end - start)
        source.seek(start + HEADER_SIZE)
    index = 0
    done = 0
    while True:
        if cancel is not None and cancel():
            raise CancelledError()
        block = _read_upto(source, _STREAM_BLOCK)
        view = memoryview(block)
        full = len(block) // ENCRYPTED_CHUNK_SIZE
        for offset in range(0, full * ENCRYPTED_CHUNK_SIZE, ENCRYPTED_CHUNK_SIZE):
            plaintext = _open_chunk(
                aead, base_nonce, index, view[offset : offset + ENCRYPTED_CHUNK_SIZE]
            )
            sink(memoryview(plaintext))
            index += 1
            done += CHUNK_SIZE
        if len(block) == _STREAM_BLOCK:
            if progress is not None:
                progress(done, total)
            continue
        final = view[full * ENCRYPTED_CHUNK_SIZE :]  # end of file: the short final chunk
        if len(final) < TAG_SIZE:
            raise IntegrityError(_BAD_LENGTH)
        plaintext = _open_chunk(aead, base_nonce, index, final)
        if plaintext:
            sink(memoryview(plaintext))
        done += len(plaintext)
        if progress is not None:
            progress(done, total)
        return done
