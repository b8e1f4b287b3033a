"""age (age-encryption.org/v1) files for bundles and receipts, through pyrage.

Format: binary age v1 with X25519 recipients only (no armor, no scrypt, no plugins). A file
must start with the exact version line ``age-encryption.org/v1\\n``; anything else (armored
text, other versions, random bytes) is not read at all. Several recipients are normal: the
online and the offline HQ keys.

Threading model: pyrage's ``decrypt_io`` *pushes* plaintext into a writer, while the importer
*pulls* (``tarfile`` mode ``"r|"``). :func:`decrypting_reader` runs ``decrypt_io`` on one
daemon thread that writes into a bounded pipe (:data:`PIPE_LIMIT` bytes plus one write of
8 KiB); the reader returned to the caller drains it. pyrage 1.4 holds the GIL while it
decrypts and hands it over only when it calls back into Python (every 8 KiB), so the two
threads mostly take turns; the pipe lets each run for a batch.

Invariants:

- Memory is flat: at most :data:`PIPE_LIMIT` bytes of plaintext wait in the pipe, whatever the
  file size; pyrage reads and writes 8 KiB at a time.
- Plaintext reaches the reader in order, and only after age has authenticated its 64 KiB
  chunk. A truncated file fails only at its end, so a consumer must treat any error as
  "discard everything read" (the importer decrypts into quarantine).
- When the reader is closed (or the ``with`` block is left, or it is cancelled) the producer
  fails its next write or source read, and the close waits for the thread to end, so the
  source is never touched after the ``with`` block. It only waits for one ``source.read()``
  to return.
- The caller must not use ``source`` while the reader is open: the producer reads it.

Failure behaviour (fixed, content-free messages; pyrage's own exception is the ``__cause__``):
no ``age-encryption.org/v1`` version line -> :class:`~fielddoc.errors.InputError`; no
identity matches a recipient stanza -> :class:`NotAddressedError`; any other header problem
(malformed, truncated, bad header MAC) or payload problem (bad tag, truncated, trailing data)
-> :class:`~fielddoc.errors.IntegrityError`; ``cancel()`` returning true ->
:class:`~fielddoc.errors.CancelledError`. Errors found by the producer are raised by the
reader's next read after the plaintext released before them, and again by every later read.
A failing ``source.read`` -> its own FielddocError, else InputError. Invalid keys ->
InputError. In :func:`encrypt_stream` an exception raised by ``source.read`` or ``out.write``
is re-raised unchanged (pyrage would flatten it to text, or ignore a failed final write).

Known leniency (pyrage 1.4.0 / rage): a stanza whose body lacks its final short line is
accepted (CCTV ``stanza_missing_*``); Go age rejects it. The header MAC still covers it.
"""

from __future__ import annotations

import collections
import contextlib
import io
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

import pyrage
from pyrage import x25519

from fielddoc.errors import CancelledError, FielddocError, InputError, IntegrityError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

MAGIC = b"age-encryption.org/v1\n"
PIPE_LIMIT = 1 << 20
_POLL_SECONDS = 0.1
_NO_MATCH = "No matching keys found"  # age's DecryptError::NoMatchingKeys (English, default)
_DAMAGED = "The encrypted file is damaged or has been altered."
_NOT_AGE = "This file is not an age-encrypted file."
_UNREADABLE = "The encrypted file could not be read."


class NotAddressedError(FielddocError):
    """No identity given matches any recipient stanza of the file."""

    code = "NOT_ADDRESSED_TO_US"

    def __init__(self) -> None:
        super().__init__("This file is not encrypted to any key this vault holds.")


@dataclass(frozen=True)
class Identity:
    secret: str = field(repr=False)  # "AGE-SECRET-KEY-1...", canonical; never in a repr
    recipient: str  # "age1...", canonical


def generate_identity() -> Identity:
    key = x25519.Identity.generate()
    return Identity(secret=str(key), recipient=str(key.to_public()))


def identity_from_text(text: str) -> Identity:
    """One X25519 identity from an ``age-keygen`` key file or a bare secret line."""
    lines = [line.strip() for line in text.splitlines()]
    keys = [line for line in lines if line and not line.startswith("#")]
    if len(keys) != 1:
        raise InputError("The text does not hold exactly one age identity.")
    key = _parse_identity(keys[0])
    return Identity(secret=str(key), recipient=str(key.to_public()))


def check_recipient(text: str) -> str:
    """The canonical form of an X25519 recipient (``age1...``), or InputError."""
    try:
        return str(x25519.Recipient.from_str(text.strip()))
    except (pyrage.RecipientError, ValueError, TypeError):
        raise InputError("This is not a valid age recipient (age1...).") from None


def encrypt_stream(source: Any, out: BinaryIO, recipients: Sequence[str]) -> None:
    """Encrypt everything ``source.read(n)`` returns, up to b"", to ``out``."""
    keys = _recipients(recipients)
    reader, writer = _Guard(source), _Guard(out)
    try:
        pyrage.encrypt_io(reader, writer, keys)
    finally:  # also on success: pyrage ignores a failed final write (BufWriter drop)
        for guard in (reader, writer):
            if guard.error is not None:
                raise guard.error
    out.flush()


def encrypt_bytes(data: bytes, recipients: Sequence[str]) -> bytes:
    result: bytes = pyrage.encrypt(bytes(data), _recipients(recipients))
    return result


def decrypt_bytes(data: bytes, identities: Sequence[str]) -> bytes:
    """Whole-file decryption for small files (receipts)."""
    keys = _identities(identities)
    data = bytes(data)
    if not data.startswith(MAGIC):
        raise InputError(_NOT_AGE)
    try:
        result: bytes = pyrage.decrypt(data, keys)
    except BaseException as exc:
        typed = _typed(exc)
        if typed is None:
            raise
        raise typed from exc
    return result


@contextlib.contextmanager
def decrypting_reader(
    source: BinaryIO, identities: Sequence[str], *, cancel: Callable[[], bool] | None = None
) -> Iterator[io.RawIOBase]:
    """A readable, non-seekable stream of the plaintext of the age file read from ``source``."""
    reader = _DecryptingReader(source, _identities(identities), cancel)
    try:
        yield reader
    finally:
        reader.close()


# --- internals -------------------------------------------------------------------------------


class _ReaderGoneError(Exception):
    """Raised into pyrage's callbacks once the reader has gone, to end the producer."""


def _parse_identity(text: str) -> Any:
    try:
        return x25519.Identity.from_str(text.strip())
    except (pyrage.IdentityError, ValueError, TypeError):
        raise InputError("This is not a valid age identity (AGE-SECRET-KEY-1...).") from None


def _identities(identities: Sequence[str]) -> list[Any]:
    if isinstance(identities, str) or not identities:
        raise InputError("At least one age identity is needed.")
    return [_parse_identity(text) for text in identities]


def _recipients(recipients: Sequence[str]) -> list[Any]:
    if isinstance(recipients, str) or not recipients:
        raise InputError("At least one age recipient is needed.")
    unique = dict.fromkeys(check_recipient(text) for text in recipients)
    return [x25519.Recipient.from_str(text) for text in unique]


def _typed(exc: BaseException) -> FielddocError | None:
    """Our error for what pyrage raised on a file that starts with the age v1 version line."""
    if isinstance(exc, FielddocError):
        return exc
    if isinstance(exc, pyrage.DecryptError) and str(exc) == _NO_MATCH:
        return NotAddressedError()
    # Header errors are DecryptError; payload errors from decrypt_io are io::Error -> OSError;
    # a Rust panic on hostile input is pyo3's PanicException (a BaseException).
    if isinstance(exc, pyrage.DecryptError | OSError) or type(exc).__name__ == "PanicException":
        return IntegrityError(_DAMAGED)
    return None


class _Guard:
    """Between pyrage and a caller's object: keeps its exceptions (pyrage would flatten them to
    text), replays an unread prefix, and stops the producer once the reader has gone."""

    def __init__(self, inner: Any, stopped: Callable[[], bool] = lambda: False) -> None:
        self._inner, self._stopped, self._pending = inner, stopped, b""
        self.error: BaseException | None = None

    def _call(self, method: str, *args: Any) -> Any:
        if self._stopped():
            raise _ReaderGoneError
        try:
            return getattr(self._inner, method)(*args)
        except BaseException as exc:
            self.error = exc
            raise

    def unread(self, data: bytes) -> None:
        self._pending = data + self._pending

    def read(self, size: int = -1) -> bytes:
        if not self._pending:
            self._pending = bytes(self._call("read", size))  # no copy when it is bytes
        cut = len(self._pending) if size < 0 else size  # pyo3-file fails on longer reads
        data, self._pending = self._pending[:cut], self._pending[cut:]
        return data

    def write(self, data: bytes) -> int:
        written = self._call("write", data)
        return len(data) if written is None else int(written)

    def flush(self) -> None:
        self._call("flush")


class _Pipe:
    """Bounded byte queue from the producer thread (``write``) to the reader (``take``)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._chunks: collections.deque[bytes] = collections.deque()
        self._offset = 0  # into self._chunks[0]
        self._size = 0
        self._done = False
        self._error: BaseException | None = None
        self.closed = False

    def write(self, data: bytes) -> int:
        with self._cond:
            while self._size and self._size + len(data) > PIPE_LIMIT and not self.closed:
                self._cond.wait()
            if self.closed:
                raise _ReaderGoneError
            if data:
                self._chunks.append(bytes(data))
                self._size += len(data)
                self._cond.notify_all()
        return len(data)

    def finish(self, error: BaseException | None) -> None:
        with self._cond:
            self._done, self._error = True, error
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._chunks.clear()
            self._size = 0
            self._cond.notify_all()

    def take(self, view: memoryview, timeout: float) -> int | None:
        """Copy up to len(view) bytes; 0 at the end; None if nothing came within timeout."""
        with self._cond:
            if not self._chunks and not self._done:
                self._cond.wait(timeout)
            if not self._chunks:
                if not self._done:
                    return None
                if self._error is not None:
                    raise self._error
                return 0
            copied = 0
            while self._chunks and copied < len(view):
                head = self._chunks[0]
                count = min(len(view) - copied, len(head) - self._offset)
                view[copied : copied + count] = head[self._offset : self._offset + count]
                copied += count
                self._offset += count
                if self._offset == len(head):
                    self._chunks.popleft()
                    self._offset = 0
            self._size -= copied
            self._cond.notify_all()
            return copied


def _produce(pipe: _Pipe, source: BinaryIO, keys: list[Any]) -> None:
    """Thread body: decrypt ``source`` into ``pipe``; always ends the pipe."""
    error: BaseException | None = None
    guarded = _Guard(source, lambda: pipe.closed)
    try:
        prefix = b""
        while len(prefix) < len(MAGIC) and (more := guarded.read(len(MAGIC) - len(prefix))):
            prefix += more
        if prefix != MAGIC:
            raise InputError(_NOT_AGE)
        guarded.unread(prefix)
        pyrage.decrypt_io(guarded, pipe, keys)
    except BaseException as exc:  # noqa: BLE001 - handed to the reader thread below
        if pipe.closed:
            error = None  # the reader has gone: nobody to tell
        elif guarded.error is not None:  # the source failed, not the decryption
            error = guarded.error
            if not isinstance(error, FielddocError):
                error = InputError(_UNREADABLE)
                error.__cause__ = guarded.error
        else:
            error = _typed(exc) or exc  # anything else is a bug: surfaced unchanged
            if error is not exc:
                error.__cause__ = exc
    finally:
        pipe.finish(error)


class _DecryptingReader(io.RawIOBase):
    def __init__(
        self, source: BinaryIO, keys: list[Any], cancel: Callable[[], bool] | None
    ) -> None:
        super().__init__()
        self._pipe = _Pipe()
        self._cancel = cancel
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=_produce, args=(self._pipe, source, keys), name="fielddoc-age", daemon=True
        )
        self._thread.start()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        view = memoryview(buffer).cast("B")
        copied = None
        while copied is None:  # polls cancel() while it waits
            self._check_error()
            try:
                copied = self._pipe.take(view, _POLL_SECONDS) if view else 0
            except BaseException as exc:
                self._error = exc
                raise
        return copied

    def _check_error(self) -> None:
        if self._error is None and self._cancel is not None and self._cancel():
            self._error = CancelledError()
            self._pipe.close()
        if self._error is not None:
            raise self._error

    def close(self) -> None:
        if not self.closed:
            self._pipe.close()
            self._thread.join()
        super().close()
