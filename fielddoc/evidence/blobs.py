"""The blob store: ``<vault>/blobs/<random name>``, ciphertext only.

A blob is written to ``<name>.tmp``, fsynced, renamed to ``<name>`` and the folder fsynced;
only then does the database row that owns it commit. So after a crash a blob can exist
without a row (an orphan), never a row without its blob. :func:`clean_orphans` removes temp
files and orphans at the next open. Names are random (128 bits), never a hash or an original
file name, so the folder listing reveals nothing but sizes and times.

The module-level ``_write``/``_fsync`` indirections exist so fault-injection tests can make
the disk fail at the Nth write or on fsync.

Failure: ``OSError`` becomes :class:`~fielddoc.errors.StorageError` (errno name only); the
temp file is removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from types import TracebackType

from fielddoc.fsutil import fsync_dir, storage_error
from fielddoc.vault.connection import Connection

TEMP_SUFFIX = ".tmp"
_write = os.write
_fsync = os.fsync


def new_blob_name() -> str:
    return secrets.token_hex(16)


class BlobWriter:
    """Binary sink for one new blob; :meth:`commit` makes it durable under its final name."""

    def __init__(self, folder: Path, name: str | None = None) -> None:
        self.folder = folder
        self.name = name or new_blob_name()
        self.temp_path = folder / (self.name + TEMP_SUFFIX)
        self.final_path = folder / self.name
        try:
            self._fd: int | None = os.open(
                self.temp_path,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                0o600,
            )
        except OSError as exc:
            raise storage_error(exc, "an evidence file") from None

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._fd is None:
            raise ValueError("blob writer is closed")
        view = memoryview(data)
        total = len(view)
        try:
            while view:
                written = _write(self._fd, view)
                view = view[written:]
        except OSError as exc:
            self.abort()
            raise storage_error(exc, "an evidence file") from None
        return total

    def commit(self) -> Path:
        """fsync, close, rename into place, fsync the folder."""
        if self._fd is None:
            raise ValueError("blob writer is closed")
        try:
            _fsync(self._fd)
            os.close(self._fd)
            self._fd = None
            self.temp_path.replace(self.final_path)
            fsync_dir(self.folder)
        except OSError as exc:
            self.abort()
            # the rename may have happened: no caller owns this blob after a failed commit
            with contextlib.suppress(OSError):
                self.final_path.unlink()
            raise storage_error(exc, "an evidence file") from None
        return self.final_path

    def abort(self) -> None:
        """Close and remove whatever was written (idempotent)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        with contextlib.suppress(OSError):
            self.temp_path.unlink()

    def __enter__(self) -> BlobWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()


def remove_blob(folder: Path, name: str) -> None:
    """Delete a committed blob (purge, duplicate, rolled-back ingest)."""
    with contextlib.suppress(FileNotFoundError):
        (folder / name).unlink()
    with contextlib.suppress(OSError):
        fsync_dir(folder)


def clean_orphans(conn: Connection, folder: Path) -> int:
    """Remove temp files and blobs no evidence row owns; returns how many were removed."""
    if not folder.is_dir():
        return 0
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evidence'"
    ).fetchone()
    owned = (
        {
            row[0]
            for row in conn.execute("SELECT blob_name FROM evidence WHERE blob_name IS NOT NULL")
        }
        if has_table
        else set()
    )
    removed = 0
    for path in folder.iterdir():
        if path.name.endswith(TEMP_SUFFIX) or path.name not in owned:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
