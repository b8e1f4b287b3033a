"""The SQLCipher connection recipe (DESIGN.md "Vault on disk"), and transactions.

Every database connection fielddoc opens comes from :func:`connect`, which applies, in this
order: ``cipher_memory_security = ON``; the raw 256-bit key (``PRAGMA key = "x'..'"``, so
SQLCipher's own PBKDF2 never runs); a ``cipher_version`` check; a read that proves the key;
then ``journal_mode = WAL``, ``synchronous = FULL``, ``temp_store = MEMORY``,
``foreign_keys = ON``, ``trusted_schema = OFF``, ``secure_delete = ON`` (purged text must
not survive in free pages), and extension loading off. No ``cipher_*``
setting is touched after keying.

Connections run in autocommit mode; :func:`transaction` wraps work in ``BEGIN IMMEDIATE`` /
``COMMIT`` and rolls back on any exception, so a write is whole or absent.

Failure behaviour: a key that does not open the file, or a file that is not a SQLCipher
database, raises :class:`~fielddoc.errors.VaultCorruptError` after the keyslot unwrapped
successfully (the key is right, so the file is damaged); a database locked for longer than the
busy timeout raises :class:`~fielddoc.errors.VaultLockedByOtherError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from fielddoc.errors import StorageError, VaultCorruptError, VaultLockedByOtherError

Connection = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher3.DatabaseError
BUSY_TIMEOUT_SECONDS = 10.0


def connect(db_path: Path, db_key: bytes, *, create: bool = False) -> Connection:
    """Open ``db_path`` with the recipe above. ``create=False`` refuses a missing file."""
    if len(db_key) != 32:
        raise ValueError("database key must be 32 bytes")
    if not create and not db_path.is_file():
        raise VaultCorruptError("The vault's database file is missing.")
    uri_mode = "rwc" if create else "rw"
    try:
        conn = sqlcipher3.connect(
            f"file:{db_path.as_posix()}?mode={uri_mode}",
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_SECONDS,
            check_same_thread=True,
        )
    except sqlcipher3.OperationalError:
        raise VaultCorruptError("The vault's database file cannot be opened.") from None
    try:
        _apply_recipe(conn, db_key)
    except BaseException:
        conn.close()
        raise
    return conn


def _apply_recipe(conn: Connection, db_key: bytes) -> None:
    conn.execute("PRAGMA cipher_memory_security = ON")
    conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not str(row[0]).startswith("4."):
        raise VaultCorruptError("The database library does not provide SQLCipher 4.")
    damaged = "The vault's database is damaged or does not match its keys."
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.OperationalError as exc:
        if "locked" in str(exc):
            raise VaultLockedByOtherError("The vault is in use by another program.") from None
        raise VaultCorruptError(damaged) from None
    except sqlcipher3.DatabaseError:
        raise VaultCorruptError(damaged) from None
    for pragma in (
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA foreign_keys = ON",
        "PRAGMA trusted_schema = OFF",
        # deleted rows are overwritten with zeros, so a purge leaves no text in free pages
        "PRAGMA secure_delete = ON",
    ):
        conn.execute(pragma).fetchall()
    with contextlib.suppress(AttributeError):  # builds without extension support lack the call
        conn.enable_load_extension(False)


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; rollback and re-raise on any exception."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.OperationalError as exc:
        raise _operational(exc) from None
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlcipher3.OperationalError as exc:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("ROLLBACK")
        raise _operational(exc) from None


def _operational(exc: Exception) -> Exception:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return VaultLockedByOtherError("The vault is busy in another program.")
    if "full" in text:
        return StorageError("The disk is full; nothing was saved.")
    return StorageError("The database refused the write; nothing was saved.")
