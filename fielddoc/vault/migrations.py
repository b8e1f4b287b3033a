"""Schema migrations: numbered SQL files ``migrations/NNNN_name.sql``.

The schema version is SQLite's ``user_version``. Each file is applied in its own
``BEGIN IMMEDIATE`` transaction that also sets ``user_version`` to the file's number, so a
crash mid-migration leaves the previous version intact. Numbers start at 1 and have no gaps.

A migration whose first line is ``-- fielddoc: foreign_keys=off`` rebuilds tables (SQLite's
documented procedure for schema changes ALTER TABLE cannot make): the runner turns foreign
keys off around its transaction and runs ``PRAGMA foreign_key_check`` before committing, so
the rebuild cannot leave a dangling reference.

A vault whose version is higher than the newest file this build ships was written by a newer
fielddoc: it is refused with :class:`~fielddoc.errors.VaultTooNewError` before anything is
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from fielddoc.errors import MigrationError, VaultTooNewError
from fielddoc.resources import migrations_dir
from fielddoc.vault.connection import Connection, transaction

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


FOREIGN_KEYS_OFF = "-- fielddoc: foreign_keys=off"


@dataclass(frozen=True)
class Migration:
    number: int
    path: Path

    @property
    def rebuilds_tables(self) -> bool:
        with self.path.open(encoding="utf-8") as handle:
            return handle.readline().strip() == FOREIGN_KEYS_OFF

    def statements(self) -> list[str]:
        """The file split into complete SQL statements (triggers kept whole)."""
        statements: list[str] = []
        pending = ""
        for line in self.path.read_text(encoding="utf-8").splitlines(keepends=True):
            pending += line
            if sqlcipher3.complete_statement(pending):
                text = pending.strip()
                if text and not _only_comments(text):
                    statements.append(text)
                pending = ""
        if pending.strip() and not _only_comments(pending):
            raise MigrationError(f"Migration {self.number:04d} ends with an incomplete statement.")
        return statements


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def available(folder: Path | None = None) -> list[Migration]:
    """Migrations shipped with this build, in order; checks numbering has no gaps."""
    root = folder if folder is not None else migrations_dir()
    found: list[Migration] = []
    for path in sorted(root.iterdir()):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    for expected, migration in enumerate(found, start=1):
        if migration.number != expected:
            raise MigrationError(f"Migration {expected:04d} is missing from this build.")
    return found


def latest_version(folder: Path | None = None) -> int:
    return len(available(folder))


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: Connection, folder: Path | None = None) -> None:
    """Refuse a vault from a newer fielddoc without writing anything."""
    if current_version(conn) > latest_version(folder):
        raise VaultTooNewError(
            "This vault was written by a newer version of fielddoc; update fielddoc to open it."
        )


def migrate(conn: Connection, *, target: int | None = None, folder: Path | None = None) -> int:
    """Apply every pending migration up to ``target`` (default: all). Returns the new version."""
    check_not_newer(conn, folder)
    migrations = available(folder)
    goal = len(migrations) if target is None else target
    for migration in migrations[current_version(conn) : goal]:
        _apply(conn, migration)
    return current_version(conn)


def _apply(conn: Connection, migration: Migration) -> None:
    failed = f"Migration {migration.number:04d} failed; the vault was left at the previous version."
    statements = migration.statements()
    rebuild = migration.rebuilds_tables
    if rebuild:
        conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: do it first
    try:
        with transaction(conn):
            for statement in statements:
                try:
                    conn.execute(statement)
                except sqlcipher3.Error:
                    raise MigrationError(failed) from None
            if rebuild and conn.execute("PRAGMA foreign_key_check").fetchall():
                raise MigrationError(failed)
            conn.execute(f"PRAGMA user_version = {migration.number:d}")
    finally:
        if rebuild:
            conn.execute("PRAGMA foreign_keys = ON")
