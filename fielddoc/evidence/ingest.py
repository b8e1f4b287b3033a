"""Streaming ingest: one read of a file computes its SHA-256 and size while the same bytes are
encrypted into the blob store (DESIGN.md "Evidence").

Order of durability: blob temp file -> fsync -> rename -> fsync folder -> ONE database
transaction (evidence row, custody ``ingest`` event, optional link to a record, audit row).
A crash before the transaction leaves at most an orphan blob, removed at the next open; a
failure or a cancel removes the blob at once. Memory is constant: one 1 MiB read buffer, one
16 KiB encryption chunk and the metadata prefix (1 MiB).

A file whose SHA-256 is already in the vault is not stored twice: the new blob is discarded,
the existing evidence is linked to the record, and the result says ``duplicate_of``.

Errors (messages never contain the file name or content; callers add the name they know):
:class:`InputError` (missing, unreadable, a folder, changed while read),
:class:`StorageError` (disk full, I/O error), :class:`CancelledError`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import os
import stat
import unicodedata
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, cast

from fielddoc import audit
from fielddoc.canonical import canonical_json
from fielddoc.crypto.chunked import ChunkedEncryptor
from fielddoc.errors import CancelledError, InputError
from fielddoc.evidence import blobs, custody
from fielddoc.evidence.metadata import PREFIX_BYTES, extract_metadata, sniff_mime
from fielddoc.ids import format_time, new_id, utc_now
from fielddoc.records.store import RecordStore

READ_BYTES = 1024 * 1024
EVIDENCE_RELATION = "attached:evidence"
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class IngestResult:
    id: str
    sha256: str
    size: int
    original_name: str
    mime_type: str
    duplicate_of: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "size": self.size,
            "original_name": self.original_name,
            "mime_type": self.mime_type,
            "duplicate_of": self.duplicate_of,
        }


def _open_source(path: Path) -> tuple[BinaryIO, os.stat_result]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("The file does not exist (any more).") from None
    except OSError:
        raise InputError("The file cannot be read.") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("This is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("This is not a regular file.")
    try:
        handle = path.open("rb", buffering=0)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise InputError("The file does not exist (any more).") from None
        raise InputError("The file cannot be read (permission or device error).") from None
    return cast(BinaryIO, handle), info


def hash_and_encrypt(
    source: BinaryIO,
    encryptor: ChunkedEncryptor,
    expected: int,
    progress: Progress | None,
    cancel: Cancel | None,
) -> tuple[str, int, bytes]:
    """Hash and encrypt everything ``source`` yields; returns (sha256, size, prefix).

    SHA-256 runs on a helper thread (hashlib releases the GIL on large buffers) while this
    thread encrypts and writes the same bytes, so the one pass costs about max(hash, encrypt +
    write) rather than their sum. Two read buffers alternate; a buffer is refilled only after
    its hash update has finished, and the single worker applies updates in order.
    """
    digest = hashlib.sha256()
    buffers = (bytearray(READ_BYTES), bytearray(READ_BYTES))
    pending: list[Future[None] | None] = [None, None]
    prefix = bytearray()
    total = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fielddoc-hash") as hasher:
        try:
            for turn in itertools.count():
                slot = turn % 2
                waiting = pending[slot]
                if waiting is not None:
                    waiting.result()
                if cancel is not None and cancel():
                    raise CancelledError
                view = memoryview(buffers[slot])
                try:
                    count = source.readinto(view)  # type: ignore[attr-defined]
                except OSError:
                    raise InputError("The file could not be read to the end (I/O error).") from None
                if not count:
                    break
                chunk = view[:count]
                pending[slot] = hasher.submit(digest.update, chunk)
                encryptor.write(chunk)
                if len(prefix) < PREFIX_BYTES:
                    prefix += chunk[: PREFIX_BYTES - len(prefix)]
                total += count
                if progress is not None:
                    progress(total, max(expected, total))
        finally:
            for waiting in pending:
                if waiting is not None:
                    waiting.result()
    return digest.hexdigest(), total, bytes(prefix)


def ingest_file(
    records: RecordStore,
    blobs_dir: Path,
    path: Path,
    *,
    record_id: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> IngestResult:
    """Store ``path`` as evidence (see module docstring); link it to ``record_id`` if given."""
    if record_id is not None:
        records.get(record_id)  # RecordNotFoundError before reading gigabytes
    source, before = _open_source(path)
    evidence_id = new_id()
    key = os.urandom(32)
    writer = blobs.BlobWriter(blobs_dir)
    try:
        with source:
            encryptor = ChunkedEncryptor(cast(BinaryIO, writer), key, evidence_id.encode("ascii"))
            sha256, size, prefix = hash_and_encrypt(
                source, encryptor, before.st_size, progress, cancel
            )
            after = os.fstat(source.fileno())
        if (
            size != before.st_size
            or after.st_size != size
            or after.st_mtime_ns != before.st_mtime_ns
        ):
            raise InputError("The file changed while it was being read; nothing was stored.")
        encryptor.close()
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    name = unicodedata.normalize("NFC", path.name)
    mime = sniff_mime(prefix, name)
    metadata = extract_metadata(prefix, mime)
    try:
        return _record(
            records,
            evidence_id=evidence_id,
            sha256=sha256,
            size=size,
            blob_name=writer.name,
            key=key,
            name=name,
            mime=mime,
            metadata=metadata,
            modified=format_time(datetime.fromtimestamp(before.st_mtime, UTC)),
            record_id=record_id,
            blobs_dir=blobs_dir,
        )
    except BaseException:
        blobs.remove_blob(blobs_dir, writer.name)
        raise


def _record(
    records: RecordStore,
    *,
    evidence_id: str,
    sha256: str,
    size: int,
    blob_name: str,
    key: bytes,
    name: str,
    mime: str,
    metadata: dict[str, object],
    modified: str,
    record_id: str | None,
    blobs_dir: Path,
) -> IngestResult:
    conn = records.conn
    with records.batch():
        existing = conn.execute(
            "SELECT id, original_name, mime_type FROM evidence WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if existing is not None:
            if record_id is not None:
                records.set_link(record_id, existing[0], EVIDENCE_RELATION, active=True)
            audit.append(
                conn,
                vault_id=records.vault_id,
                device=records.device_id,
                action="evidence_ingest",
                object_id=existing[0],
                detail={"duplicate": True, "size": size},
            )
            duplicate = IngestResult(
                existing[0], sha256, size, existing[1], existing[2], existing[0]
            )
        else:
            conn.execute(
                "INSERT INTO evidence (id, sha256, size, blob_name, blob_key, original_name, "
                "mime_type, acquired_at, acquired_device, file_modified, metadata) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    evidence_id,
                    sha256,
                    size,
                    blob_name,
                    key,
                    name,
                    mime,
                    utc_now(),
                    records.device_id,
                    modified,
                    canonical_json(metadata).decode("utf-8"),
                ),
            )
            custody.append(
                conn,
                evidence_id,
                "ingest",
                device=records.device_id,
                detail={"size": size, "mime_type": mime},
            )
            if record_id is not None:
                records.set_link(record_id, evidence_id, EVIDENCE_RELATION, active=True)
            audit.append(
                conn,
                vault_id=records.vault_id,
                device=records.device_id,
                action="evidence_ingest",
                object_id=evidence_id,
                detail={"duplicate": False, "size": size},
            )
            duplicate = None
    if duplicate is not None:
        with contextlib.suppress(OSError):
            blobs.remove_blob(blobs_dir, blob_name)
        return duplicate
    return IngestResult(evidence_id, sha256, size, name, mime, None)
