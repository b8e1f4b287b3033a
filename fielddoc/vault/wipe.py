"""The last steps of a purge: rewrite the search index and empty the WAL.

Deleted rows are zeroed at once (``secure_delete``), but the search index keeps deleted terms
until it is merged (FTS5 ``optimize``), and the WAL keeps old page images until a TRUNCATE
checkpoint succeeds, which it cannot while another connection reads. A purge therefore marks
``wipe_pending`` in ``meta`` inside its own transaction and clears it only when both steps
completed; the next unlock finishes a wipe that a crash or a busy reader interrupted.
"""

from __future__ import annotations

from fielddoc.vault.connection import Connection, transaction

PENDING = "wipe_pending"


def mark_pending(conn: Connection) -> None:
    """Call inside the purge transaction."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = '1'",
        (PENDING,),
    )


def is_pending(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM meta WHERE key = ?", (PENDING,)).fetchone() is not None


def finish(conn: Connection) -> bool:
    """Optimize the index and truncate the WAL; True when the wipe is complete."""
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    # (busy, WAL frames, frames checkpointed): busy means a reader kept old pages in the WAL
    if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
        return False
    with transaction(conn):
        conn.execute("DELETE FROM meta WHERE key = ?", (PENDING,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return True
