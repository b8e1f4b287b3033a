from __future__ import annotations

from fielddoc.vault import wipe
from fielddoc.vault.connection import transaction
from tests.conftest import VaultHandle


def test_an_interrupted_wipe_is_finished_at_the_next_unlock(vault_handle: VaultHandle) -> None:
    conn = vault_handle.vault.conn
    with transaction(conn):
        wipe.mark_pending(conn)
    reader = vault_handle.vault.connect()
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM audit").fetchone()  # a read transaction stays open
    conn.execute("PRAGMA busy_timeout = 100")
    assert wipe.finish(conn) is False
    assert wipe.is_pending(conn)
    reader.execute("COMMIT")
    reader.close()
    vault = vault_handle.reopen()
    assert not wipe.is_pending(vault.conn)
