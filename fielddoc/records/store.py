"""Records: append-only revisions, revisioned links, the list cache and the search index.

A save validates the body against its template, then in ONE transaction appends a revision
(canonical JSON document + its SHA-256), updates the ``records`` cache row, re-indexes the
record for search, appends link revisions for references that appeared or disappeared, and
appends an audit row. A crash at any instant leaves the record whole (old or new) or absent.

Revision document (canonical JSON, hashed and later exported byte for byte)::

    {"type": "fielddoc-revision", "version": 1, "id", "record_id", "template", "seq",
     "parent", "sensitivity", "author_device", "created_at", "body"}

Errors: :class:`ValidationError` naming the field (nothing written),
:class:`RecordNotFoundError`, :class:`ConflictError` when an edit is based on a revision that
is no longer the newest, :class:`UnknownTemplateError`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from fielddoc import audit
from fielddoc.canonical import canonical_json
from fielddoc.errors import (
    ConflictError,
    InputError,
    RecordNotFoundError,
    ValidationError,
)
from fielddoc.ids import is_id, new_id, utc_now
from fielddoc.records import search
from fielddoc.records.templates import Template, TemplateSet, load_templates
from fielddoc.vault.connection import Connection, transaction

SENSITIVITY_LEVELS = ("public", "internal", "confidential", "restricted")
DEFAULT_SENSITIVITY = "internal"
REVISION_TYPE = "fielddoc-revision"
LINK_TYPE = "fielddoc-link"
FORMAT_VERSION = 1
ORDER_COLUMNS = ("updated_at", "created_at", "title", "sensitivity", "revision_count")


@dataclass(frozen=True)
class Revision:
    id: str
    record_id: str
    seq: int
    parent_id: str | None
    template: str
    sensitivity: str
    author_device: str
    created_at: str
    body: dict[str, Any]
    sha256: str
    document: str

    @classmethod
    def from_document(cls, document: str, sha256: str) -> Revision:
        data = json.loads(document)
        return cls(
            id=data["id"],
            record_id=data["record_id"],
            seq=data["seq"],
            parent_id=data["parent"],
            template=data["template"],
            sensitivity=data["sensitivity"],
            author_device=data["author_device"],
            created_at=data["created_at"],
            body=data["body"],
            sha256=sha256,
            document=document,
        )


@dataclass(frozen=True)
class RecordSummary:
    id: str
    template: str
    title: str
    sensitivity: str
    created_at: str
    updated_at: str
    revision_count: int
    head_revision: str


@dataclass(frozen=True)
class Record:
    summary: RecordSummary
    body: dict[str, Any]

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def template(self) -> str:
        return self.summary.template


@dataclass(frozen=True)
class Link:
    link_id: str
    source_id: str
    target_id: str
    relation: str
    active: bool
    seq: int
    created_at: str


def revision_document(
    *,
    revision_id: str,
    record_id: str,
    template: str,
    seq: int,
    parent: str | None,
    sensitivity: str,
    author_device: str,
    created_at: str,
    body: Mapping[str, Any],
) -> tuple[str, str]:
    """Canonical text of a revision and the SHA-256 hex of its UTF-8 bytes."""
    raw = canonical_json(
        {
            "type": REVISION_TYPE,
            "version": FORMAT_VERSION,
            "id": revision_id,
            "record_id": record_id,
            "template": template,
            "seq": seq,
            "parent": parent,
            "sensitivity": sensitivity,
            "author_device": author_device,
            "created_at": created_at,
            "body": dict(body),
        }
    )
    return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()


_SUMMARY_COLUMNS = (
    "id, template, title, sensitivity, created_at, updated_at, revision_count, head_revision"
)


def _summary(row: Iterable[Any]) -> RecordSummary:
    return RecordSummary(*row)


class RecordStore:
    """Record operations on one connection (the caller's thread).

    ``vault_id`` and ``device_id`` stamp audit rows and revisions; ``templates`` defaults to
    the shipped set.
    """

    def __init__(
        self,
        conn: Connection,
        *,
        vault_id: str,
        device_id: str,
        templates: TemplateSet | None = None,
    ) -> None:
        self.conn = conn
        self.vault_id = vault_id
        self.device_id = device_id
        self.templates = templates if templates is not None else load_templates()
        self._in_batch = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[RecordStore]:
        """Group many writes in ONE transaction (bulk loads, imports): all or nothing."""
        if self._in_batch:
            raise RuntimeError("batches do not nest")
        with transaction(self.conn):
            self._in_batch = True
            try:
                yield self
            finally:
                self._in_batch = False

    def _tx(self) -> contextlib.AbstractContextManager[object]:
        return contextlib.nullcontext() if self._in_batch else transaction(self.conn)

    # --- writing -------------------------------------------------------------------------

    def create(
        self, template_name: str, body: object, *, sensitivity: str = DEFAULT_SENSITIVITY
    ) -> Record:
        """Validate and store a new record; returns it. Nothing is written on error."""
        template = self.templates.get(template_name)
        clean = self._validated(template, body, sensitivity)
        record_id = new_id()
        now = utc_now()
        with self._tx():
            self.conn.execute(
                "INSERT INTO records (id, template, title, sensitivity, created_at, updated_at, "
                "head_revision, revision_count) VALUES (?, ?, '', ?, ?, ?, '', 0)",
                (record_id, template.name, sensitivity, now, now),
            )
            self._append_revision(
                template=template,
                record_id=record_id,
                body=clean,
                sensitivity=sensitivity,
                parent=None,
                seq=1,
                now=now,
            )
            audit.append(
                self.conn,
                vault_id=self.vault_id,
                device=self.device_id,
                action="record_create",
                object_id=record_id,
                detail={"template": template.name},
            )
        return self.get(record_id)

    def edit(
        self,
        record_id: str,
        body: object,
        *,
        base_revision: str | None = None,
        sensitivity: str | None = None,
    ) -> Record:
        """Append a revision. ``base_revision`` (the revision the editor started from) guards
        against overwriting a newer save: if it is not the newest, :class:`ConflictError`."""
        current = self.get(record_id)
        template = self.templates.get(current.template)
        level = sensitivity or current.summary.sensitivity
        clean = self._validated(template, body, level)
        now = utc_now()
        with self._tx():
            head = self.conn.execute(
                "SELECT head_revision, revision_count FROM records WHERE id = ?", (record_id,)
            ).fetchone()
            if base_revision is not None and head[0] != base_revision:
                raise ConflictError("The record was changed since this edit began.")
            self._append_revision(
                template=template,
                record_id=record_id,
                body=clean,
                sensitivity=level,
                parent=head[0],
                seq=int(head[1]) + 1,
                now=now,
            )
            audit.append(
                self.conn,
                vault_id=self.vault_id,
                device=self.device_id,
                action="record_edit",
                object_id=record_id,
                detail={"template": template.name, "seq": int(head[1]) + 1},
            )
        return self.get(record_id)

    def _validated(self, template: Template, body: object, sensitivity: str) -> dict[str, Any]:
        if sensitivity not in SENSITIVITY_LEVELS:
            raise InputError("Unknown sensitivity level.", field="sensitivity")
        clean = template.validate(body)
        canonical_json(clean)  # refuses what cannot be hashed (floats, lone surrogates)
        for path, target in template.references(clean):
            self._check_reference(template, path, target)
        return clean

    def _check_reference(self, template: Template, path: str, target: str) -> None:
        row = self.conn.execute("SELECT template FROM records WHERE id = ?", (target,)).fetchone()
        if row is None and self._was_purged(target):
            return  # delivered to HQ and purged here: the reference stays valid
        if row is None:
            raise ValidationError(
                f"Field '{path}' refers to a record that does not exist.", field=path
            )
        allowed = template.field(path).targets
        if allowed and row[0] not in allowed:
            raise ValidationError(
                f"Field '{path}' must refer to a record of type {', '.join(allowed)}.", field=path
            )

    def _was_purged(self, record_id: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM purged WHERE kind = 'record' AND item_id = ?", (record_id,)
            ).fetchone()
            is not None
        )

    def _append_revision(
        self,
        *,
        template: Template,
        record_id: str,
        body: dict[str, Any],
        sensitivity: str,
        parent: str | None,
        seq: int,
        now: str,
    ) -> str:
        revision_id = new_id()
        document, digest = revision_document(
            revision_id=revision_id,
            record_id=record_id,
            template=template.name,
            seq=seq,
            parent=parent,
            sensitivity=sensitivity,
            author_device=self.device_id,
            created_at=now,
            body=body,
        )
        self.conn.execute(
            "INSERT INTO revisions (id, record_id, seq, parent_id, document, sha256, "
            "author_device, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (revision_id, record_id, seq, parent, document, digest, self.device_id, now),
        )
        title = template.title(body)
        self.conn.execute(
            "UPDATE records SET title = ?, sensitivity = ?, updated_at = ?, head_revision = ?, "
            "revision_count = ? WHERE id = ?",
            (title, sensitivity, now, revision_id, seq, record_id),
        )
        rid = self.conn.execute("SELECT rid FROM records WHERE id = ?", (record_id,)).fetchone()[0]
        search.index_record(self.conn, rid, title, template.searchable_texts(body, self.templates))
        self._sync_reference_links(record_id, template.references(body), now)
        return revision_id

    # --- links ---------------------------------------------------------------------------

    def _sync_reference_links(
        self, source_id: str, references: Iterable[tuple[str, str]], now: str
    ) -> None:
        """Make the active links from ``source_id`` equal its body's references."""
        wanted = {(relation, target) for relation, target in references}
        current = {
            (link.relation, link.target_id): link
            for link in self._latest_links("source_id", source_id)
            if not link.relation.startswith("attached:")
        }
        for key in sorted(wanted - {k for k, v in current.items() if v.active}):
            previous = current.get(key)
            self._append_link(previous, source_id, key[1], key[0], active=True, now=now)
        for key, link in sorted(current.items()):
            if link.active and key not in wanted:
                self._append_link(link, source_id, key[1], key[0], active=False, now=now)

    def set_link(self, source_id: str, target_id: str, relation: str, *, active: bool) -> None:
        """Add or remove an explicit link (e.g. evidence attached to a record) in its own
        transaction. Relations of explicit links start with ``attached:``."""
        if not relation.startswith("attached:"):
            raise InputError("Explicit link relations start with 'attached:'.")
        self.get(source_id)  # RecordNotFoundError for a missing source
        now = utc_now()
        with self._tx():
            existing = {
                (link.relation, link.target_id): link
                for link in self._latest_links("source_id", source_id)
            }.get((relation, target_id))
            if existing is not None and existing.active == active:
                return
            if existing is None and not active:
                return
            self._append_link(existing, source_id, target_id, relation, active=active, now=now)
            audit.append(
                self.conn,
                vault_id=self.vault_id,
                device=self.device_id,
                action="link_change",
                object_id=source_id,
                detail={"target": target_id, "relation": relation, "active": active},
            )

    def _append_link(
        self,
        previous: Link | None,
        source_id: str,
        target_id: str,
        relation: str,
        *,
        active: bool,
        now: str,
    ) -> None:
        link_id = previous.link_id if previous else new_id()
        seq = previous.seq + 1 if previous else 1
        revision_id = new_id()
        raw = canonical_json(
            {
                "type": LINK_TYPE,
                "version": FORMAT_VERSION,
                "id": revision_id,
                "link_id": link_id,
                "seq": seq,
                "source": source_id,
                "target": target_id,
                "relation": relation,
                "active": active,
                "author_device": self.device_id,
                "created_at": now,
            }
        )
        self.conn.execute(
            "INSERT INTO link_revisions (id, link_id, seq, source_id, target_id, relation, active, "
            "document, sha256, author_device, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                revision_id,
                link_id,
                seq,
                source_id,
                target_id,
                relation,
                int(active),
                raw.decode("utf-8"),
                hashlib.sha256(raw).hexdigest(),
                self.device_id,
                now,
            ),
        )

    def _latest_links(self, column: str, record_id: str) -> list[Link]:
        if column not in ("source_id", "target_id"):
            raise ValueError(column)
        rows = self.conn.execute(
            "SELECT l.link_id, l.source_id, l.target_id, l.relation, l.active, l.seq, l.created_at "
            "FROM link_revisions l WHERE l." + column + " = ? AND l.seq = "
            "(SELECT max(seq) FROM link_revisions m WHERE m.link_id = l.link_id)",
            (record_id,),
        ).fetchall()
        return [Link(r[0], r[1], r[2], r[3], bool(r[4]), int(r[5]), r[6]) for r in rows]

    def links_from(self, record_id: str) -> list[Link]:
        """Active links whose source is ``record_id``."""
        return [link for link in self._latest_links("source_id", record_id) if link.active]

    def links_to(self, record_id: str) -> list[Link]:
        """Active links pointing at ``record_id`` (e.g. testimonies naming a person)."""
        return [link for link in self._latest_links("target_id", record_id) if link.active]

    # --- reading -------------------------------------------------------------------------

    def get(self, record_id: str) -> Record:
        if not is_id(record_id):
            raise RecordNotFoundError("No record has this id.")
        row = self.conn.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFoundError("No record has this id.")
        summary = _summary(row)
        return Record(summary, self.revision(summary.head_revision).body)

    def revision(self, revision_id: str) -> Revision:
        row = self.conn.execute(
            "SELECT document, sha256 FROM revisions WHERE id = ?", (revision_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFoundError("No revision has this id.")
        return Revision.from_document(row[0], row[1])

    def revisions(self, record_id: str) -> list[Revision]:
        """Every revision of a record, oldest (as first recorded) first."""
        self.get(record_id)
        rows = self.conn.execute(
            "SELECT document, sha256 FROM revisions WHERE record_id = ? ORDER BY seq",
            (record_id,),
        ).fetchall()
        return [Revision.from_document(doc, digest) for doc, digest in rows]

    def list(
        self,
        template: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = True,
        order_by: str = "updated_at",
    ) -> list[RecordSummary]:
        """A page of summaries; ``order_by`` is one of :data:`ORDER_COLUMNS`."""
        if order_by not in ORDER_COLUMNS:
            raise ValueError(order_by)
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM records"
        params: list[Any] = []
        if template is not None:
            self.templates.get(template)
            sql += " WHERE template = ?"
            params.append(template)
        sql += f" ORDER BY {order_by} {order}, rid {order} LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return [_summary(row) for row in self.conn.execute(sql, params)]

    def count(self, template: str | None = None) -> int:
        if template is None:
            return int(self.conn.execute("SELECT count(*) FROM records").fetchone()[0])
        return int(
            self.conn.execute(
                "SELECT count(*) FROM records WHERE template = ?", (template,)
            ).fetchone()[0]
        )

    def iter_revisions(self) -> Iterator[tuple[str, str, str]]:
        """(revision id, document, stored sha256) for every revision, for checks and export."""
        for row in self.conn.execute("SELECT id, document, sha256 FROM revisions ORDER BY rowid"):
            yield row[0], row[1], row[2]


def verify_revision_hashes(conn: Connection) -> list[str]:
    """Ids of revisions or link revisions whose stored hash does not match their document."""
    bad: list[str] = []
    for table in ("revisions", "link_revisions"):
        for rev_id, document, digest in conn.execute(f"SELECT id, document, sha256 FROM {table}"):
            if hashlib.sha256(document.encode("utf-8")).hexdigest() != digest:
                bad.append(rev_id)
    return bad
