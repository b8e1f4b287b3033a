"""Bundle export (field role): a signed BagIt bag in a tar stream, encrypted with age.

Layout (docs/formats/bundle.md): ``fielddoc-<bundle id>/`` holding the tag files first
(``bagit.txt``, ``bag-info.txt``, ``manifest-sha256.txt``, ``tagmanifest-sha256.txt``,
``tagmanifest-sha256.txt.minisig``) and then ``data/``: revisions, link revisions, for each
evidence item its descriptor (``data/evidence/<id>.json``, with its custody events) followed
by the file itself, and this device's key card.

Every hash is known before the payload is written (revision hashes are stored, the evidence
hash was taken at ingest), so the tag files come first and the archive streams: the tar is
produced as age reads it, evidence is decrypted from the blob store chunk by chunk (each
chunk authenticated, so the bytes are the ones hashed at ingest), nothing plaintext touches
the disk and memory stays flat. The archive is built and encrypted on a helper thread while
the calling thread writes it (pipe.py); the database is only used on the calling thread.
The output is written to ``<file>.partial`` and fsynced; then one transaction records the
bundle, its items and a custody ``export`` event per evidence item; only then is the file
renamed to ``<file>``. Any failure or cancel before the commit removes
the partial file and records nothing.

Incremental by default: everything HQ has not confirmed with a receipt (items exported
before but unconfirmed go again; the importer ignores what it already has).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, cast

from fielddoc import __version__, audit
from fielddoc.canonical import canonical_json
from fielddoc.crypto import age, minisign
from fielddoc.errors import CancelledError, FielddocError, InputError, RecordNotFoundError
from fielddoc.evidence import custody
from fielddoc.evidence.store import Evidence
from fielddoc.exchange import bag, pipe, rows
from fielddoc.exchange.cards import StoredCard, list_cards
from fielddoc.exchange.context import ExchangeContext
from fielddoc.fsutil import fsync_dir, storage_error
from fielddoc.ids import new_id, utc_now
from fielddoc.vault.connection import transaction

FORMAT = "fielddoc-bundle-v1"
GENESIS = "0" * 64
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
_READ = 256 * 1024  # grain of progress inside a file; see _CountedReader.read


class NothingToExportError(FielddocError):
    code = "NOTHING_TO_EXPORT"


class NoRecipientsError(FielddocError):
    code = "NO_HQ_CARD"


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    seq: int
    path: Path
    revisions: int
    links: int
    evidence: int
    payload_bytes: int
    recipients: list[str]

    def to_json(self) -> dict[str, object]:
        return {
            "bundle_id": self.bundle_id,
            "seq": self.seq,
            "file": str(self.path),
            "revisions": self.revisions,
            "links": self.links,
            "evidence": self.evidence,
            "payload_bytes": self.payload_bytes,
            "recipients": self.recipients,
        }


@dataclass
class _Plan:
    revisions: list[tuple[str, str]]
    links: list[tuple[str, str]]
    evidence: list[Evidence]


def _undelivered(
    ctx: ExchangeContext, table: str, kind: str, everything: bool
) -> list[tuple[str, str]]:
    sql = f"SELECT id, sha256 FROM {table} t"
    if not everything:
        sql += (
            " WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.kind = ? AND d.item_id = t.id)"
        )
        return [(r[0], r[1]) for r in ctx.conn.execute(sql + " ORDER BY t.rowid", (kind,))]
    return [(r[0], r[1]) for r in ctx.conn.execute(sql + " ORDER BY t.rowid")]


def plan(ctx: ExchangeContext, *, everything: bool = False) -> _Plan:
    """What an export would carry now."""
    delivered = {
        row[0] for row in ctx.conn.execute("SELECT item_id FROM deliveries WHERE kind = 'evidence'")
    }
    return _Plan(
        revisions=_undelivered(ctx, "revisions", "revision", everything),
        links=_undelivered(ctx, "link_revisions", "link", everything),
        evidence=[
            item
            for item in ctx.evidence.items()
            if not item.purged and (everything or item.id not in delivered)
        ],
    )


def resolve_recipients(ctx: ExchangeContext, names: list[str] | None) -> list[StoredCard]:
    cards = list_cards(ctx.conn, role="hq", active=True)
    if names:
        wanted = set(names)
        chosen = [card for card in cards if card.card.name in wanted]
        if len(chosen) != len(wanted):
            raise InputError("Some --to names are not registered, active HQ cards.")
        return chosen
    if not cards:
        raise NoRecipientsError("No HQ key card is registered; import your HQ's card first.")
    return cards


def _descriptor(ctx: ExchangeContext, item: Evidence, file_path: str) -> bytes:
    events = [event.to_json() for event in custody.events(ctx.conn, item.id)]
    return canonical_json(
        {
            "type": "fielddoc-evidence",
            "version": 1,
            **{k: v for k, v in item.to_json().items() if k != "purged"},
            "file": file_path,
            "custody": events,
        }
    )


def _members(
    ctx: ExchangeContext, work: _Plan
) -> tuple[list[bag.Member], list[tuple[str, str]], int]:
    """Payload members in archive order, the manifest entries, and the payload byte count."""
    members: list[bag.Member] = []
    entries: list[tuple[str, str]] = []

    def add(path: str, data: bytes, digest: str | None = None) -> None:
        entries.append((path, digest or hashlib.sha256(data).hexdigest()))
        members.append(bag.Member(path=path, size=len(data), data=data))

    for (rev_id, digest), document in zip(
        work.revisions, _documents(ctx, "revisions", work.revisions), strict=True
    ):
        add(f"data/revisions/{rev_id}.json", document, digest)
    for (link_id, digest), document in zip(
        work.links, _documents(ctx, "link_revisions", work.links), strict=True
    ):
        add(f"data/links/{link_id}.json", document, digest)
    for item in work.evidence:
        file_path = f"data/evidence/{item.id}/{bag.safe_file_name(item.original_name)}"
        add(f"data/evidence/{item.id}.json", _descriptor(ctx, item, file_path))
        entries.append((file_path, item.sha256))

        members.append(
            bag.Member(
                path=file_path,
                size=item.size,
                # keys looked up here: the archive is built on pipe.py's helper thread
                open=ctx.evidence.reader_opener(item.id),
            )
        )
    add("data/device-card.txt", ctx.card.to_text().encode("utf-8"))
    payload = sum(member.size for member in members)
    return members, entries, payload


def _documents(ctx: ExchangeContext, table: str, items: list[tuple[str, str]]) -> list[bytes]:
    """The stored documents of ``items`` (id, sha256) in order, read by one statement: one
    execution per document cost ~60 µs each in allocations under cipher_memory_security."""
    if not items:
        return []
    found = {
        str(row[0]): str(row[1]).encode("utf-8")
        for row in ctx.conn.execute(
            f"SELECT t.id, t.document FROM json_each(?) j JOIN {table} t ON t.id = j.value",
            (json.dumps([item_id for item_id, _ in items]),),
        )
    }
    if len(found) != len(items):
        raise RecordNotFoundError("No revision has this id.")
    return [found[item_id] for item_id, _ in items]


def write_bundle(
    ctx: ExchangeContext,
    output: Path,
    *,
    to: list[str] | None = None,
    everything: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write the next bundle to ``output`` (must not exist). See module docstring."""
    ctx.require_role("field", "Exporting bundles")
    recipients = resolve_recipients(ctx, to)
    work = plan(ctx, everything=everything)
    if not (work.revisions or work.links or work.evidence):
        raise NothingToExportError("Nothing new to export: HQ has confirmed everything.")
    if output.exists():
        raise InputError("The output file already exists; choose a new name.")
    last = ctx.conn.execute(
        "SELECT seq, tagmanifest_sha256 FROM bundles_out ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    seq, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
    bundle_id = new_id()
    created = utc_now()
    root = f"fielddoc-{bundle_id}"
    members, entries, payload = _members(ctx, work)
    age_recipients = sorted(card.card.age_recipient for card in recipients)
    info = bag.bag_info(
        [
            ("Bag-Software-Agent", f"fielddoc {__version__}"),
            ("Bagging-Date", created[:10]),
            ("Payload-Oxum", f"{payload}.{len(members)}"),
            ("External-Identifier", bundle_id),
            ("Fielddoc-Format", FORMAT),
            ("Fielddoc-Bundle-Id", bundle_id),
            ("Fielddoc-Bundle-Sequence", str(seq)),
            ("Fielddoc-Previous-Bundle-SHA256", prev),
            ("Fielddoc-Device-Key-Id", ctx.keys.key_id_hex),
            ("Fielddoc-Device-Name", ctx.card.name),
            ("Fielddoc-Created", created),
            ("Fielddoc-Recipients", ",".join(age_recipients)),
        ]
    )
    payload_manifest = bag.manifest(entries)
    tag_manifest = bag.manifest(
        [
            ("bagit.txt", hashlib.sha256(bag.BAGIT_TXT).hexdigest()),
            ("bag-info.txt", hashlib.sha256(info).hexdigest()),
            ("manifest-sha256.txt", hashlib.sha256(payload_manifest).hexdigest()),
        ]
    )
    comment = (
        f"{FORMAT} bundle={bundle_id} seq={seq} recipients={','.join(age_recipients)} "
        f"created={created}"
    )
    signature = minisign.sign(ctx.keys.signing, tag_manifest, trusted_comment=comment).encode()
    tags = [
        bag.Member(f"{root}/bagit.txt", len(bag.BAGIT_TXT), bag.BAGIT_TXT),
        bag.Member(f"{root}/bag-info.txt", len(info), info),
        bag.Member(f"{root}/manifest-sha256.txt", len(payload_manifest), payload_manifest),
        bag.Member(f"{root}/tagmanifest-sha256.txt", len(tag_manifest), tag_manifest),
        bag.Member(f"{root}/tagmanifest-sha256.txt.minisig", len(signature), signature),
    ]
    payload_members = [bag.Member(f"{root}/{m.path}", m.size, m.data, m.open) for m in members]
    partial = _write_encrypted(
        tags,
        payload_members,
        output,
        age_recipients,
        mtime=int(datetime.now(UTC).timestamp()),
        total=payload,
        progress=progress,
        cancel=cancel,
    )
    try:
        if output.exists():
            raise InputError("The output file already exists; choose a new name.")
        _record(
            ctx,
            bundle_id=bundle_id,
            seq=seq,
            created=created,
            tag_manifest=tag_manifest,
            recipients=recipients,
            work=work,
            payload=payload,
        )
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    _publish(partial, output)
    return ExportResult(
        bundle_id=bundle_id,
        seq=seq,
        path=output,
        revisions=len(work.revisions),
        links=len(work.links),
        evidence=len(work.evidence),
        payload_bytes=payload,
        recipients=[card.card.name for card in recipients],
    )


def _create_partial(partial: Path) -> int:
    """Open ``partial`` exclusively. One left by an export that was killed is replaced: the
    vault lock rules out a live export from this vault, and a partial file is never a bundle
    anyone was told about (it gets its final name only after the vault recorded it)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        try:
            return os.open(partial, flags, 0o600)
        except FileExistsError:
            partial.unlink()
            return os.open(partial, flags, 0o600)
    except FileExistsError:
        raise InputError("A partial export of this name exists; remove it first.") from None
    except OSError as exc:
        raise storage_error(exc, "the bundle") from None


class _CountedReader:
    """A member's reader that moves the sink's progress as its bytes are read (helper thread).

    The value is ``base`` (payload members already archived) plus what was read from this
    member, capped at its declared size: a file that grew is refused by the archive, and the
    cap keeps the value from passing what :class:`_PayloadMeter` settles on afterwards."""

    def __init__(self, source: Any, sink: pipe.Sink, base: int, size: int) -> None:
        self._source = source
        self._sink = sink
        self._base = base
        self._size = size
        self._read = 0

    def read(self, size: int = -1) -> bytes:
        # the archive asks for 1 MiB at a time, and age reads one chunk ahead: counted at that
        # grain the value ran up to 2 MiB ahead of the blocks written; smaller reads cost
        # only more loop turns (same bytes copied)
        data = cast(bytes, self._source.read(size if size < 0 else min(size, _READ)))
        self._read += len(data)
        self._sink.done = self._base + min(self._read, self._size)
        return data


class _PayloadMeter:
    """Feeds the members to the archive and keeps ``sink.done`` at the payload bytes archived.

    Tag files do not count (``total`` is the payload, as in Payload-Oxum). Bytes of a member
    read from a file count as they are read, so a large evidence file moves progress about
    once per read block rather than once at its end; a member's exact size is settled once
    the archive has taken all of it. So the value never goes down and, once the last member
    is taken, is exactly the sum of the payload sizes: the total that ``write_bundle``
    reports. Runs on the helper thread and touches nothing but the sink."""

    def __init__(self, sink: pipe.Sink) -> None:
        self._sink = sink
        self._settled = 0

    def members(self, tags: list[bag.Member], payload: list[bag.Member]) -> Iterator[bag.Member]:
        yield from tags
        for member in payload:
            yield self._counted(member)
            # resumed once the archive has taken all of this member
            self._settled += member.size
            self._sink.done = self._settled

    def _counted(self, member: bag.Member) -> bag.Member:
        if member.open is None:
            return member
        opener, base = member.open, self._settled

        @contextlib.contextmanager
        def open_counted() -> Iterator[_CountedReader]:
            with opener() as source:
                yield _CountedReader(source, self._sink, base, member.size)

        return bag.Member(member.path, member.size, member.data, open_counted)


def _write_encrypted(
    tags: list[bag.Member],
    payload: list[bag.Member],
    output: Path,
    recipients: list[str],
    *,
    mtime: int,
    total: int,
    progress: Progress | None,
    cancel: Cancel | None,
) -> Path:
    """Write the whole bundle (``tags`` then ``payload``) to ``<output>.partial`` and fsync
    it; returns that path.

    The tar stream is built and encrypted on pipe.py's helper thread while this thread
    writes it; progress (payload bytes archived so far, ``total`` = the payload sizes) and
    cancel are called here, before each ~1 MiB block is written, so inside a large evidence
    file too. Progress only grows and its last call is ``(total, total)``: the final age
    chunk is written after the archive ended, so the last block carries the full count."""
    partial = output.with_name(output.name + ".partial")

    def produce(sink: pipe.Sink) -> None:
        archive = bag.TarStream(_PayloadMeter(sink).members(tags, payload), mtime=mtime)
        age.encrypt_stream(archive, cast(BinaryIO, sink), recipients)

    reported = -1

    def before_write(done: int) -> None:
        nonlocal reported
        if cancel is not None and cancel():
            raise CancelledError
        if progress is not None and done != reported:
            reported = done
            progress(done, total)

    fd = _create_partial(partial)
    try:
        with os.fdopen(fd, "wb") as handle:
            pipe.pump(produce, cast(BinaryIO, handle), before_write)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(exc, OSError):
            raise storage_error(exc, "the bundle") from None
        raise
    return partial


def _publish(partial: Path, output: Path) -> None:
    """Give the recorded bundle its name. Done after the commit, so a file at ``output`` is
    always a bundle this vault recorded: renaming first let a crash leave a complete bundle
    the vault did not know, and the next export reused its sequence number (a fork HQ must
    refuse). A crash or failure here leaves a recorded bundle without a file, which HQ sees
    as a gap; its items were not confirmed, so the next bundle carries them again."""
    try:
        partial.replace(output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise storage_error(exc, "the bundle") from None
    try:
        fsync_dir(output.parent)
    except OSError as exc:  # the bundle is complete and recorded: keep it, report the disk
        raise storage_error(exc, "the bundle") from None


def _record(
    ctx: ExchangeContext,
    *,
    bundle_id: str,
    seq: int,
    created: str,
    tag_manifest: bytes,
    recipients: list[StoredCard],
    work: _Plan,
    payload: int,
) -> None:
    conn = ctx.conn
    with transaction(conn):
        conn.execute(
            "INSERT INTO bundles_out (id, seq, created_at, tagmanifest_sha256, recipients, "
            "revisions, evidence, payload_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                bundle_id,
                seq,
                created,
                hashlib.sha256(tag_manifest).hexdigest(),
                canonical_json([card.card.fingerprint for card in recipients]).decode(),
                len(work.revisions),
                len(work.evidence),
                payload,
            ),
        )
        items = [("revision", i, d) for i, d in work.revisions]
        items += [("link", i, d) for i, d in work.links]
        items += [("evidence", e.id, e.sha256) for e in work.evidence]
        rows.insert_items(conn, "bundle_items", bundle_id, items)
        for item in work.evidence:
            custody.append(
                conn,
                item.id,
                "export",
                device=ctx.device_id,
                detail={"bundle": bundle_id, "seq": seq},
            )
        audit.append(
            conn,
            vault_id=ctx.vault_id,
            device=ctx.device_id,
            action="export",
            object_id=bundle_id,
            detail={"seq": seq, "revisions": len(work.revisions), "evidence": len(work.evidence)},
        )
