"""Drafts: what an editor holds but has not saved, so a killed app loses seconds, not an interview.

The editor writes its whole state every few seconds and on focus change (:func:`save`);
saving the record deletes the draft (:func:`discard`). At the next start the GUI offers the
drafts it finds (:func:`pending`). Drafts live in the encrypted database like everything else;
their bodies are NOT validated (a half-typed date is normal) but must be JSON-serialisable.
A draft belongs either to an existing record (``record_id``, ``base_revision``: the revision
the edit started from) or to a new record (``record_id`` None).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fielddoc.ids import new_id, utc_now
from fielddoc.vault.connection import Connection, transaction

MAX_DRAFT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    id: str
    record_id: str | None
    template: str
    base_revision: str | None
    body: dict[str, Any]
    updated_at: str


def save(
    conn: Connection,
    *,
    draft_id: str | None,
    template: str,
    body: dict[str, Any],
    record_id: str | None = None,
    base_revision: str | None = None,
) -> str:
    """Insert or replace a draft; returns its id (new when ``draft_id`` is None)."""
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
        raise ValueError("draft too large")
    identifier = draft_id or new_id()
    with transaction(conn):
        conn.execute(
            "INSERT INTO drafts (id, record_id, template, base_revision, body, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, "
            "updated_at = excluded.updated_at, base_revision = excluded.base_revision",
            (identifier, record_id, template, base_revision, text, utc_now()),
        )
    return identifier


def discard(conn: Connection, draft_id: str) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))


def pending(conn: Connection) -> list[Draft]:
    rows = conn.execute(
        "SELECT id, record_id, template, base_revision, body, updated_at FROM drafts "
        "ORDER BY updated_at"
    ).fetchall()
    return [_draft(row) for row in rows]


def for_record(conn: Connection, record_id: str) -> Draft | None:
    row = conn.execute(
        "SELECT id, record_id, template, base_revision, body, updated_at FROM drafts "
        "WHERE record_id = ? ORDER BY updated_at DESC LIMIT 1",
        (record_id,),
    ).fetchone()
    return None if row is None else _draft(row)


def _draft(row: tuple[Any, ...]) -> Draft:
    return Draft(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])
