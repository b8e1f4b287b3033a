"""The database half of an HQ import: inserting verified documents and evidence.

:class:`Importer` is driven by importer.py inside one transaction. Each method checks the
item against what the vault already holds: an item already present with the same hash is
skipped (re-sent, unacknowledged items are normal); the same id with a different hash, or a
second revision claiming a record's sequence number, is a fork and aborts the import.

With ``write=False`` (``fielddoc verify``) every check runs and nothing is written: evidence
is only hashed. So that verify reaches the same verdict as an import, what this bundle itself
claims (records and their templates, revision and link places, custody events) is also kept in
memory and checked there, not only against the database rows an import would have written.
Records received from a device keep ``origin_device`` and are read-only at HQ; every item gets
a provenance row (device key, bundle, sequence, signature time).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, BinaryIO, cast

from fielddoc import audit
from fielddoc.canonical import canonical_json
from fielddoc.crypto.chunked import ChunkedEncryptor
from fielddoc.errors import IntegrityError, ValidationError
from fielddoc.evidence import blobs, custody
from fielddoc.evidence.ingest import hash_and_encrypt
from fielddoc.exchange import rows
from fielddoc.exchange.cards import StoredCard
from fielddoc.exchange.context import ExchangeContext
from fielddoc.exchange.documents import EvidenceDescriptor, RevisionDocument
from fielddoc.fsutil import fsync_dir, storage_error
from fielddoc.ids import utc_now
from fielddoc.records import search

READ_BYTES = 1024 * 1024


class Importer:
    def __init__(
        self,
        ctx: ExchangeContext,
        card: StoredCard,
        report: Any,
        *,
        quarantine: Path,
        write: bool,
    ) -> None:
        self.ctx = ctx
        self.conn = ctx.conn
        self.card = card
        self.report = report
        self.quarantine = quarantine
        self.write = write
        self.staged: list[str] = []
        self.records_seen: set[str] = set()
        # claimed by earlier items of this bundle (the rows an import would have written)
        self.bundle_templates: dict[str, str] = {}
        self.bundle_places: set[tuple[str, str, int]] = set()
        self.bundle_events: dict[str, str] = {}
        self.bundle_event_places: set[tuple[str, int]] = set()
        self.now = utc_now()
        self.provenance: dict[str, list[str]] = {kind: [] for kind in rows.ITEM_KINDS}
        report.items = {kind: [] for kind in rows.ITEM_KINDS}

    # --- helpers ---------------------------------------------------------------------------

    def _provenance(self, kind: str, item_id: str) -> None:
        """Note a provenance row; :meth:`finish` writes them all in one statement per kind
        (same transaction), see rows.py for why."""
        self.provenance[kind].append(item_id)

    def _claim(self, kind: str, owner: str, seq: int) -> bool:
        """False if an earlier item of this bundle took this place already."""
        place = (kind, owner, seq)
        if place in self.bundle_places:
            return False
        self.bundle_places.add(place)
        return True

    def _remember(self, kind: str, item_id: str, digest: str, *, new: bool) -> None:
        self.report.items[kind].append((item_id, digest))
        if new:
            self.report.new_items += 1

    # --- revisions and links -----------------------------------------------------------------

    def revision(self, document: RevisionDocument) -> None:
        data = document.data
        template = self.ctx.records.templates.get(data["template"])
        try:
            clean = template.validate(data["body"])
        except ValidationError as exc:
            raise ValidationError(
                f"A record in the bundle breaks its template ({exc.message})", field=exc.field
            ) from None
        if not _same_json(clean, data["body"]):
            raise IntegrityError("A record in the bundle is not in the form its template gives.")
        digest = hashlib.sha256(document.raw).hexdigest()
        self.report.revisions += 1
        self.records_seen.add(data["record_id"])
        self.report.records = len(self.records_seen)
        existing = self.conn.execute(
            "SELECT sha256 FROM revisions WHERE id = ?", (document.id,)
        ).fetchone()
        if existing is not None:
            if existing[0] != digest:
                raise IntegrityError("A revision in the bundle differs from the one held here.")
            self._remember("revision", document.id, digest, new=False)
            return
        record = self.conn.execute(
            "SELECT rid, template, revision_count, origin_device FROM records WHERE id = ?",
            (data["record_id"],),
        ).fetchone()
        if (record is not None and (record[1] != data["template"] or record[3] is None)) or (
            self.bundle_templates.setdefault(data["record_id"], data["template"])
            != data["template"]
        ):
            raise IntegrityError("A record in the bundle clashes with a record held here.")
        # no record row, no revision of it: revisions.record_id is a foreign key (enforced),
        # so the lookup is skipped for new records (most of a first import)
        taken = (
            record is not None
            and self.conn.execute(
                "SELECT 1 FROM revisions WHERE record_id = ? AND seq = ?",
                (data["record_id"], data["seq"]),
            ).fetchone()
        )
        if taken or not self._claim("revision", data["record_id"], data["seq"]):
            raise IntegrityError("Fork: two different revisions claim the same place in a record.")
        self._remember("revision", document.id, digest, new=True)
        if not self.write:
            return
        title = template.title(clean)
        rid: int | None = None
        if record is None:
            # a new record is inserted with this revision as its head: no update needed
            rid = self.conn.execute(
                "INSERT INTO records (id, template, title, sensitivity, created_at, updated_at, "
                "head_revision, revision_count, origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    data["record_id"],
                    data["template"],
                    title,
                    data["sensitivity"],
                    data["created_at"],
                    data["created_at"],
                    document.id,
                    data["seq"],
                    data["author_device"],
                ),
            ).lastrowid
        self.conn.execute(
            "INSERT INTO revisions (id, record_id, seq, parent_id, document, sha256, "
            "author_device, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.id,
                data["record_id"],
                data["seq"],
                data["parent"],
                document.raw.decode("utf-8"),
                digest,
                data["author_device"],
                data["created_at"],
            ),
        )
        if record is not None and data["seq"] > int(record[2]):
            self.conn.execute(
                "UPDATE records SET title = ?, sensitivity = ?, updated_at = ?, "
                "head_revision = ?, revision_count = ? WHERE id = ?",
                (
                    title,
                    data["sensitivity"],
                    data["created_at"],
                    document.id,
                    data["seq"],
                    data["record_id"],
                ),
            )
            rid = int(record[0])
        if rid is not None:  # this revision is the record's head now: index it
            search.index_record(
                self.conn,
                rid,
                title,
                template.searchable_texts(clean, self.ctx.records.templates),
                new=record is None,
            )
        self._provenance("revision", document.id)

    def link(self, document: RevisionDocument) -> None:
        data = document.data
        digest = hashlib.sha256(document.raw).hexdigest()
        self.report.links += 1
        existing = self.conn.execute(
            "SELECT sha256 FROM link_revisions WHERE id = ?", (document.id,)
        ).fetchone()
        if existing is not None:
            if existing[0] != digest:
                raise IntegrityError("A link in the bundle differs from the one held here.")
            self._remember("link", document.id, digest, new=False)
            return
        taken = self.conn.execute(
            "SELECT 1 FROM link_revisions WHERE link_id = ? AND seq = ?",
            (data["link_id"], data["seq"]),
        ).fetchone()
        if taken is not None or not self._claim("link", data["link_id"], data["seq"]):
            raise IntegrityError("Fork: two different link changes claim the same place.")
        self._remember("link", document.id, digest, new=True)
        if not self.write:
            return
        self.conn.execute(
            "INSERT INTO link_revisions (id, link_id, seq, source_id, target_id, relation, "
            "active, document, sha256, author_device, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.id,
                data["link_id"],
                data["seq"],
                data["source"],
                data["target"],
                data["relation"],
                int(data["active"]),
                document.raw.decode("utf-8"),
                digest,
                data["author_device"],
                data["created_at"],
            ),
        )
        self._provenance("link", document.id)

    # --- evidence ------------------------------------------------------------------------------

    def evidence_file(self, item: EvidenceDescriptor, handle: BinaryIO, size: int) -> None:
        if not custody.chain_is_valid(item.sha256, item.custody):
            raise IntegrityError("An evidence item's chain of custody does not verify.")
        canonical_json(item.metadata)
        self.report.evidence += 1
        self.report.evidence_bytes += size
        existing = self.conn.execute(
            "SELECT sha256 FROM evidence WHERE id = ?", (item.id,)
        ).fetchone()
        if existing is not None and existing[0] != item.sha256:
            raise IntegrityError("An evidence item in the bundle differs from the one held here.")
        if existing is not None or not self.write:
            digest = hashlib.sha256()
            while block := handle.read(READ_BYTES):
                digest.update(block)
            self._check(item, digest.hexdigest())
            self._remember("evidence", item.id, item.sha256, new=existing is None)
            self._remote_custody(item)
            return
        key = os.urandom(32)
        writer = blobs.BlobWriter(self.quarantine)
        try:
            encryptor = ChunkedEncryptor(cast(BinaryIO, writer), key, item.id.encode("ascii"))
            sha256, _, _ = hash_and_encrypt(handle, encryptor, size, None, None)
            self._check(item, sha256)
            encryptor.close()
            writer.commit()
        except BaseException:
            writer.abort()
            raise
        self.staged.append(writer.name)
        self.conn.execute(
            "INSERT INTO evidence (id, sha256, size, blob_name, blob_key, original_name, "
            "mime_type, acquired_at, acquired_device, file_modified, metadata) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item.id,
                item.sha256,
                item.size,
                writer.name,
                key,
                item.original_name,
                item.mime_type,
                item.acquired_at,
                item.acquired_device,
                item.file_modified,
                canonical_json(item.metadata).decode("utf-8"),
            ),
        )
        self._remote_custody(item)
        custody.append(
            self.conn,
            item.id,
            "import",
            device=self.ctx.device_id,
            detail={
                "device_key_id": self.card.card.key_id,
                "bundle": self.report.bundle_id,
                "seq": self.report.seq,
                "field_chain_head": item.custody[-1]["hash"] if item.custody else None,
            },
        )
        self._provenance("evidence", item.id)
        self._remember("evidence", item.id, item.sha256, new=True)

    @staticmethod
    def _check(item: EvidenceDescriptor, sha256: str) -> None:
        if sha256 != item.sha256:
            raise IntegrityError("An evidence file does not match its signed hash.")

    def _remote_custody(self, item: EvidenceDescriptor) -> None:
        """Check the field's custody events against those held (and earlier in this bundle);
        store the new ones when writing. Same id with another hash, or a new id in a place
        (evidence, seq) already taken, is a fork of the chain."""
        for event in item.custody:
            row = self.conn.execute(
                "SELECT hash FROM remote_custody_events WHERE id = ?", (event["id"],)
            ).fetchone()
            held = row[0] if row is not None else self.bundle_events.get(event["id"])
            if held is not None:
                if held != event["hash"]:
                    raise IntegrityError("A custody event differs from the one held here.")
                continue
            place = (event["evidence_id"], event["seq"])
            if (
                place in self.bundle_event_places
                or self.conn.execute(
                    "SELECT 1 FROM remote_custody_events WHERE evidence_id = ? AND seq = ?", place
                ).fetchone()
            ):
                raise IntegrityError("A custody event differs from the one held here.")
            self.bundle_events[event["id"]] = event["hash"]
            self.bundle_event_places.add(place)
            if not self.write:
                continue
            self.conn.execute(
                "INSERT INTO remote_custody_events (id, evidence_id, seq, event, at, device, "
                "detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event["id"],
                    event["evidence_id"],
                    event["seq"],
                    event["event"],
                    event["at"],
                    event["device"],
                    json.dumps(event["detail"], ensure_ascii=False),
                    event["prev_hash"],
                    event["hash"],
                ),
            )

    # --- the end ---------------------------------------------------------------------------

    def finish(self, tags: Any, *, sequence_note: str) -> None:
        """Move quarantined blobs into the store and record the bundle (same transaction)."""
        moved: list[str] = []
        try:
            for name in self.staged:
                (self.quarantine / name).replace(self.ctx.blobs_dir / name)
                moved.append(name)
            if self.staged:
                fsync_dir(self.ctx.blobs_dir)
        except OSError as exc:
            # the transaction rolls back, so no row will own the blobs moved so far
            for name in moved:
                blobs.remove_blob(self.ctx.blobs_dir, name)
            raise storage_error(exc, "an evidence file") from None
        self.staged.clear()
        report = self.report
        self.conn.execute(
            "INSERT INTO bundles_in (id, device_key_id, seq, prev_sha256, tagmanifest_sha256, "
            "created_at, imported_at, revisions, evidence, sequence_note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report.bundle_id,
                self.card.card.key_id,
                report.seq,
                tags.info["Fielddoc-Previous-Bundle-SHA256"],
                report.tagmanifest_sha256,
                report.created,
                self.now,
                report.revisions,
                report.evidence,
                sequence_note,
            ),
        )
        rows.insert_items(
            self.conn,
            "bundle_in_items",
            report.bundle_id,
            (
                (kind, item_id, digest)
                for kind, items in report.items.items()
                for item_id, digest in items
            ),
        )
        for kind, item_ids in self.provenance.items():
            rows.insert_provenance(
                self.conn,
                kind,
                item_ids,
                device_key_id=self.card.card.key_id,
                bundle_id=report.bundle_id,
                seq=report.seq,
                signed_at=report.created,
                imported_at=self.now,
            )
        audit.append(
            self.conn,
            vault_id=self.ctx.vault_id,
            device=self.ctx.device_id,
            action="import",
            object_id=report.bundle_id,
            detail={
                "device_key_id": self.card.card.key_id,
                "seq": report.seq,
                "new_items": report.new_items,
                "sequence": report.sequence,
            },
        )

    def discard_quarantine(self) -> None:
        for name in self.staged:
            blobs.remove_blob(self.quarantine, name)
        self.staged.clear()


def _same_json(a: Any, b: Any) -> bool:
    """Equal as JSON values, types included (``1``, ``1.0`` and ``true`` differ), as the C
    encoder writes them: cheaper than canonicalising both sides in Python."""
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(
        b, sort_keys=True, ensure_ascii=False
    )
