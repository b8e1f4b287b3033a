"""Durable, private file operations.

Every file fielddoc replaces goes through :func:`atomic_write`: write a temp file in the same
folder, fsync it, rename over the target, fsync the folder. A crash at any instant leaves
either the old or the new content, never a mixture. Folders are created 0700, files 0600.

Failure: ``OSError`` from the OS is turned into :class:`~fielddoc.errors.StorageError` (code
``STORAGE_FAILED``) carrying only the errno name, and the temp file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from fielddoc.errors import StorageError

TEMP_SUFFIX = ".tmp"


def storage_error(exc: OSError, what: str) -> StorageError:
    """A content-free StorageError for ``exc`` (only the errno name, never a path's content)."""
    name = errno.errorcode.get(exc.errno or 0, "EIO")
    if exc.errno == errno.ENOSPC:
        return StorageError(f"The disk is full while writing {what} ({name}).")
    return StorageError(f"The disk refused to write {what} ({name}).")


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in ``folder`` durable (no-op where folders cannot be opened)."""
    if os.name == "nt":  # Windows has no directory handles to fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) with mode 0700; tighten it if it already exists."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name != "nt":
        folder.chmod(0o700)


def write_new_file(path: Path, data: bytes) -> None:
    """Create ``path`` exclusively (0600), write and fsync ``data``."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, what: str = "a file") -> None:
    """Replace ``path`` with ``data`` atomically and durably (see module docstring)."""
    temp = path.with_name(path.name + TEMP_SUFFIX)
    try:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        write_new_file(temp, data)
        temp.replace(path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise storage_error(exc, what) from None


def overwrite_and_unlink(path: Path) -> None:
    """Overwrite ``path`` with random bytes of the same length, fsync, then unlink it.

    On SSDs and copy-on-write file systems the old blocks may survive the overwrite; callers
    must not promise more than "the file is gone from the file system".
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            os.write(fd, os.urandom(size))
            os.fsync(fd)
        finally:
            os.close(fd)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)
