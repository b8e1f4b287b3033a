"""Purge what HQ confirmed, for real (DESIGN.md: DELETE, FTS5 optimize, WAL checkpoint).

A record goes when every one of its revisions is delivered; an evidence item when its hash is
delivered (its blob file and its key go; the row stays as a stub without name, type or
metadata). Each leaves a row in ``purged``: id, hash, delivered when and to whom. Delivered
link revisions of purged records go too; drafts of purged records go.

The connection runs ``secure_delete``, so deleted rows are zeroed in their pages and freed
pages are zeroed. The index's own ``secure-delete`` option does nothing for ``search_fts``:
a contentless-delete table only records a tombstone for a deleted rowid, and its terms stay in
the index pages (hidden from queries and from ``fts5vocab``, but on disk) until a merge. FTS5
``optimize`` is that merge: it rewrites the index without them. Then
``wal_checkpoint(TRUNCATE)`` empties the WAL, which still holds every page as it was before
the purge. Only then does the purged text survive nowhere in the database files
(tests/e2e/test_purge_leaks.py decrypts every page and WAL frame to check, and shows that
leaving out any one of the three steps leaves purged text behind).
Blob files are unlinked after the commit (their keys are already gone, so what the disk may
keep is unreadable ciphertext).

The checkpoint cannot empty the WAL while another connection is reading (a worker thread, an
unfinished query): the old page images, purged text included, then stay in the WAL. So its
result is checked, and :class:`PurgeIncompleteError` is raised after the busy timeout: the
deletions are committed, the wipe is not. Purging again (even with nothing new to purge)
repeats ``optimize`` and the checkpoint and finishes the wipe, and so does the next unlock
(vault/wipe.py).

``older_than_days`` limits the purge to items created more than that many days ago (the
"keep nothing older than N days that HQ has confirmed" policy).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fielddoc import audit, settings
from fielddoc.errors import FielddocError
from fielddoc.evidence import blobs, custody
from fielddoc.exchange.context import ExchangeContext
from fielddoc.ids import format_time, utc_now
from fielddoc.vault import wipe
from fielddoc.vault.connection import transaction


class PurgeIncompleteError(FielddocError):
    """The purge committed, but the WAL could not be emptied (another reader was active)."""

    code = "PURGE_INCOMPLETE"


@dataclass(frozen=True)
class PurgeResult:
    records: int
    evidence: int
    bytes_freed: int

    def to_json(self) -> dict[str, int]:
        return {"records": self.records, "evidence": self.evidence, "bytes_freed": self.bytes_freed}


@dataclass(frozen=True)
class DeliveryStatus:
    """How much of the vault HQ has not confirmed yet (shown in the GUI)."""

    records_total: int
    records_undelivered: int
    evidence_total: int
    evidence_undelivered: int
    evidence_bytes_undelivered: int
    purged_records: int
    purged_evidence: int

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


def delivery_status(ctx: ExchangeContext) -> DeliveryStatus:
    conn = ctx.conn
    undelivered_records = conn.execute(
        "SELECT count(*) FROM records r WHERE EXISTS (SELECT 1 FROM revisions v WHERE "
        "v.record_id = r.id AND NOT EXISTS (SELECT 1 FROM deliveries d "
        "WHERE d.kind = 'revision' AND d.item_id = v.id))"
    ).fetchone()[0]
    evidence = conn.execute(
        "SELECT count(*), coalesce(sum(size), 0) FROM evidence e WHERE blob_name IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.kind = 'evidence' AND d.item_id = e.id)"
    ).fetchone()
    return DeliveryStatus(
        records_total=conn.execute("SELECT count(*) FROM records").fetchone()[0],
        records_undelivered=undelivered_records,
        evidence_total=conn.execute(
            "SELECT count(*) FROM evidence WHERE blob_name IS NOT NULL"
        ).fetchone()[0],
        evidence_undelivered=int(evidence[0]),
        evidence_bytes_undelivered=int(evidence[1]),
        purged_records=conn.execute("SELECT count(*) FROM purged WHERE kind = 'record'").fetchone()[
            0
        ],
        purged_evidence=conn.execute(
            "SELECT count(*) FROM purged WHERE kind = 'evidence'"
        ).fetchone()[0],
    )


def _cutoff(days: int | None) -> str:
    if not days:
        return "9999"
    return format_time(datetime.now(UTC) - timedelta(days=days))


def purge_delivered(ctx: ExchangeContext, *, older_than_days: int | None = None) -> PurgeResult:
    """Remove every delivered record and evidence file (see module docstring)."""
    ctx.require_role("field", "Purging delivered items")
    conn = ctx.conn
    cutoff = _cutoff(older_than_days)
    now = utc_now()
    doomed_blobs: list[str] = []
    freed = 0
    with transaction(conn):
        records = conn.execute(
            "SELECT r.id, r.rid, v.sha256, d.delivered_at, d.delivered_to FROM records r "
            "JOIN revisions v ON v.id = r.head_revision "
            "JOIN deliveries d ON d.kind = 'revision' AND d.item_id = r.head_revision "
            "WHERE r.updated_at < ? AND NOT EXISTS (SELECT 1 FROM revisions x WHERE "
            "x.record_id = r.id AND NOT EXISTS (SELECT 1 FROM deliveries y "
            "WHERE y.kind = 'revision' AND y.item_id = x.id))",
            (cutoff,),
        ).fetchall()
        for record_id, rid, digest, delivered_at, delivered_to in records:
            conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rid,))
            conn.execute("DELETE FROM drafts WHERE record_id = ?", (record_id,))
            conn.execute("DELETE FROM revisions WHERE record_id = ?", (record_id,))
            conn.execute(
                "DELETE FROM link_revisions WHERE (source_id = ? OR target_id = ?) AND id IN "
                "(SELECT item_id FROM deliveries WHERE kind = 'link')",
                (record_id, record_id),
            )
            conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
            conn.execute(
                "INSERT OR REPLACE INTO purged (kind, item_id, sha256, delivered_at, "
                "delivered_to, purged_at) VALUES ('record', ?, ?, ?, ?, ?)",
                (record_id, digest, delivered_at, delivered_to, now),
            )
        evidence = conn.execute(
            "SELECT e.id, e.sha256, e.size, e.blob_name, d.delivered_at, d.delivered_to "
            "FROM evidence e JOIN deliveries d ON d.kind = 'evidence' AND d.item_id = e.id "
            "WHERE e.blob_name IS NOT NULL AND e.acquired_at < ?",
            (cutoff,),
        ).fetchall()
        for evidence_id, digest, size, blob_name, delivered_at, delivered_to in evidence:
            conn.execute(
                "UPDATE evidence SET blob_name = NULL, blob_key = NULL, original_name = '', "
                "mime_type = '', metadata = '{}', file_modified = NULL WHERE id = ?",
                (evidence_id,),
            )
            custody.append(conn, evidence_id, "purge", device=ctx.device_id)
            conn.execute(
                "INSERT OR REPLACE INTO purged (kind, item_id, sha256, delivered_at, "
                "delivered_to, purged_at) VALUES ('evidence', ?, ?, ?, ?, ?)",
                (evidence_id, digest, delivered_at, delivered_to, now),
            )
            doomed_blobs.append(blob_name)
            freed += int(size)
        audit.append(
            conn,
            vault_id=ctx.vault_id,
            device=ctx.device_id,
            action="purge",
            detail={"records": len(records), "evidence": len(evidence)},
        )
        # committed with the deletions, so a crash before finish() is finished at next unlock
        wipe.mark_pending(conn)
    for name in doomed_blobs:
        with contextlib.suppress(OSError):
            blobs.remove_blob(ctx.blobs_dir, name)
    if not wipe.finish(conn):
        raise PurgeIncompleteError(
            "Purged, but the deleted text could not be wiped yet because the vault is being "
            "read elsewhere. Close other windows or tasks and purge again."
        )
    return PurgeResult(len(records), len(evidence), freed)


def apply_policy(ctx: ExchangeContext) -> PurgeResult | None:
    """Run the purge the vault's settings ask for (``purge_after_days``), if any."""
    days = settings.get_int(ctx.conn, "purge_after_days")
    if ctx.role != "field" or not days:
        return None
    return purge_delivered(ctx, older_than_days=days)
