"""The hash-chained audit log.

Every create, edit, export, import, receipt, purge and unlock appends one row to ``audit``.
A row's ``hash`` is the SHA-256 of the canonical JSON of ``{seq, at, device, action, object,
detail, prev}``, where ``prev`` is the previous row's hash (for the first row, a genesis
value derived from the vault id). Triggers refuse UPDATE and DELETE on the table.

Invariant: ``detail`` holds identifiers, counts and codes only, never record content, names
or passphrases; the log survives purges and must not resurrect what was purged.

:func:`verify_chain` recomputes every hash; it reports the first broken sequence number.
Truncation of the newest rows cannot be seen from the chain alone (documented in
docs/threat-model.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from fielddoc.canonical import canonical_json, canonical_sha256
from fielddoc.ids import utc_now
from fielddoc.vault.connection import Connection

ACTIONS = frozenset(
    {
        "vault_create",
        "unlock",
        "passphrase_change",
        "recovery_unlock",
        "record_create",
        "record_edit",
        "link_change",
        "evidence_ingest",
        "evidence_verify",
        "evidence_extract",
        "export",
        "import",
        "receipt_write",
        "receipt_import",
        "purge",
        "card_import",
        "card_revoke",
        "keys_export",
        "settings_change",
        "keyfile_change",
    }
)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    device: str
    action: str
    object_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


def genesis_hash(vault_id: str) -> str:
    return hashlib.sha256(f"fielddoc-audit-genesis:{vault_id}".encode()).hexdigest()


def _row_hash(
    *,
    seq: int,
    at: str,
    device: str,
    action: str,
    object_id: str | None,
    detail: str,
    prev: str,
) -> str:
    return canonical_sha256(
        {
            "seq": seq,
            "at": at,
            "device": device,
            "action": action,
            "object": object_id,
            "detail": detail,
            "prev": prev,
        }
    )


def append(
    conn: Connection,
    *,
    vault_id: str,
    device: str,
    action: str,
    object_id: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one row. Call inside the caller's transaction so the row commits with the change."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, genesis_hash(vault_id)) if last is None else (int(last[0]) + 1, str(last[1]))
    at = utc_now()
    detail_text = canonical_json(dict(detail or {})).decode("utf-8")
    digest = _row_hash(
        seq=seq,
        at=at,
        device=device,
        action=action,
        object_id=object_id,
        detail=detail_text,
        prev=prev,
    )
    conn.execute(
        "INSERT INTO audit (seq, at, device, action, object_id, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, device, action, object_id, detail_text, prev, digest),
    )
    return AuditEntry(seq, at, device, action, object_id, dict(detail or {}), prev, digest)


def entries(
    conn: Connection, *, object_id: str | None = None, limit: int | None = None
) -> Iterator[AuditEntry]:
    """Rows oldest first (optionally only those about ``object_id``; ``limit`` newest rows)."""
    sql = "SELECT seq, at, device, action, object_id, detail, prev_hash, hash FROM audit"
    params: list[Any] = []
    if object_id is not None:
        sql += " WHERE object_id = ?"
        params.append(object_id)
    if limit is not None:
        sql = f"SELECT * FROM ({sql} ORDER BY seq DESC LIMIT ?) ORDER BY seq"
        params.append(limit)
    else:
        sql += " ORDER BY seq"
    for row in conn.execute(sql, params):
        yield AuditEntry(
            int(row[0]), row[1], row[2], row[3], row[4], json.loads(row[5]), row[6], row[7]
        )


def verify_chain(conn: Connection, vault_id: str) -> int | None:
    """``None`` if every row links and hashes correctly, else the first bad ``seq``."""
    prev = genesis_hash(vault_id)
    expected_seq = 1
    cursor = conn.execute(
        "SELECT seq, at, device, action, object_id, detail, prev_hash, hash FROM audit ORDER BY seq"
    )
    for seq, at, device, action, object_id, detail, prev_hash, digest in cursor:
        if seq != expected_seq or prev_hash != prev:
            return int(seq)
        recomputed = _row_hash(
            seq=seq,
            at=at,
            device=device,
            action=action,
            object_id=object_id,
            detail=detail,
            prev=prev,
        )
        if recomputed != digest:
            return int(seq)
        prev = digest
        expected_seq += 1
    return None
