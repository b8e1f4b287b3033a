from __future__ import annotations

import pytest

from fielddoc import audit
from fielddoc.vault.connection import transaction
from tests.conftest import VaultHandle


def test_chain_grows_and_verifies(vault_handle: VaultHandle) -> None:
    vault = vault_handle.vault
    vault.log("settings_change", None, setting="autolock")
    vault.log("export", "some-id", bundle="b1")
    rows = list(audit.entries(vault.conn))
    assert [r.action for r in rows][:1] == ["vault_create"]
    assert rows[-1].action == "export"
    assert rows[-1].prev_hash == rows[-2].hash
    assert audit.verify_chain(vault.conn, vault.vault_id) is None


def test_rows_cannot_be_updated_or_deleted(vault_handle: VaultHandle) -> None:
    conn = vault_handle.vault.conn
    import sqlcipher3

    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit SET action = 'x' WHERE seq = 1")
    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit WHERE seq = 1")


def test_tampering_is_detected(vault_handle: VaultHandle) -> None:
    vault = vault_handle.vault
    for index in range(5):
        vault.log("settings_change", None, n=index)
    conn = vault.conn
    # bypass the triggers the way an attacker with the key could
    with transaction(conn):
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET detail = '{\"n\":99}' WHERE seq = 3")
    assert audit.verify_chain(conn, vault.vault_id) == 3


def test_deleted_middle_row_is_detected(vault_handle: VaultHandle) -> None:
    vault = vault_handle.vault
    for index in range(4):
        vault.log("settings_change", None, n=index)
    conn = vault.conn
    with transaction(conn):
        conn.execute("DROP TRIGGER audit_no_delete")
        conn.execute("DELETE FROM audit WHERE seq = 2")
    assert audit.verify_chain(conn, vault.vault_id) == 3


def test_unknown_action_refused(vault_handle: VaultHandle) -> None:
    with pytest.raises(ValueError, match="unknown audit action"):
        vault_handle.vault.log("made_up")


def test_unlock_is_audited(vault_handle: VaultHandle) -> None:
    vault = vault_handle.reopen()
    assert [r.action for r in audit.entries(vault.conn)][-1] == "unlock"
