from __future__ import annotations

from fielddoc.records import drafts
from tests.conftest import VaultHandle


def test_drafts_survive_reopen_and_are_discarded(vault_handle: VaultHandle) -> None:
    conn = vault_handle.vault.conn
    draft_id = drafts.save(
        conn,
        draft_id=None,
        template="testimony",
        body={"title": "Незаконченное", "interview_date": "2024-1"},
    )
    drafts.save(
        conn,
        draft_id=draft_id,
        template="testimony",
        body={"title": "Незаконченное интервью", "interview_date": "2024-1"},
    )
    vault = vault_handle.reopen()
    found = drafts.pending(vault.conn)
    assert [(d.id, d.body["title"]) for d in found] == [(draft_id, "Незаконченное интервью")]
    drafts.discard(vault.conn, draft_id)
    assert drafts.pending(vault.conn) == []


def test_draft_for_an_existing_record(vault_handle: VaultHandle) -> None:
    store = vault_handle.store()
    record = store.create("person", {"name": "Бермет"})
    conn = vault_handle.vault.conn
    assert drafts.for_record(conn, record.id) is None
    drafts.save(
        conn,
        draft_id=None,
        template="person",
        body={"name": "Бермет К."},
        record_id=record.id,
        base_revision=record.summary.head_revision,
    )
    draft = drafts.for_record(conn, record.id)
    assert draft is not None
    assert draft.base_revision == record.summary.head_revision
