"""Evidence items: listing, reading from memory, extraction, verification.

:meth:`EvidenceStore.open_reader` gives a seekable, decrypting file object (random access by
16 KiB chunk) so the GUI shows images and PDFs and plays media from memory; plaintext only
reaches disk through :meth:`EvidenceStore.extract`, to a path the user named, written
exclusively (never over an existing file) and removed again if anything fails.

Verification re-hashes the plaintext decrypted from the ciphertext and compares it with the
SHA-256 taken at ingest; any authentication failure, truncation, missing blob or hash
mismatch is reported by evidence id, and ``evidence verify`` records a custody event.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from fielddoc import audit
from fielddoc.crypto.chunked import ChunkedReader, decrypt_stream
from fielddoc.errors import (
    CancelledError,
    FielddocError,
    InputError,
    IntegrityError,
)
from fielddoc.evidence import custody
from fielddoc.evidence.ingest import EVIDENCE_RELATION, Cancel, IngestResult, Progress, ingest_file
from fielddoc.fsutil import storage_error
from fielddoc.ids import is_id
from fielddoc.records.store import RecordStore
from fielddoc.vault.connection import Connection, transaction


class EvidenceNotFoundError(FielddocError):
    code = "EVIDENCE_NOT_FOUND"


class EvidencePurgedError(FielddocError):
    code = "EVIDENCE_PURGED"


@dataclass(frozen=True)
class Evidence:
    id: str
    sha256: str
    size: int
    original_name: str
    mime_type: str
    acquired_at: str
    acquired_device: str
    file_modified: str | None
    metadata: dict[str, Any]
    blob_name: str | None

    @property
    def purged(self) -> bool:
        return self.blob_name is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "size": self.size,
            "original_name": self.original_name,
            "mime_type": self.mime_type,
            "acquired_at": self.acquired_at,
            "acquired_device": self.acquired_device,
            "file_modified": self.file_modified,
            "metadata": self.metadata,
            "purged": self.purged,
        }


@dataclass(frozen=True)
class VerifyResult:
    id: str
    ok: bool
    problem: str | None  # None, "missing", "damaged", "mismatch", "purged"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "ok": self.ok, "problem": self.problem}


_COLUMNS = (
    "id, sha256, size, original_name, mime_type, acquired_at, acquired_device, file_modified, "
    "metadata, blob_name"
)


def _evidence(row: tuple[Any, ...]) -> Evidence:
    return Evidence(
        id=row[0],
        sha256=row[1],
        size=int(row[2]),
        original_name=row[3],
        mime_type=row[4],
        acquired_at=row[5],
        acquired_device=row[6],
        file_modified=row[7],
        metadata=json.loads(row[8]),
        blob_name=row[9],
    )


class EvidenceStore:
    """Evidence operations on one connection (one thread), next to its RecordStore."""

    def __init__(self, records: RecordStore, blobs_dir: Path) -> None:
        self.records = records
        self.conn: Connection = records.conn
        self.blobs_dir = blobs_dir

    # --- ingest ------------------------------------------------------------------------------

    def ingest(
        self,
        path: Path,
        *,
        record_id: str | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> IngestResult:
        return ingest_file(
            self.records,
            self.blobs_dir,
            path,
            record_id=record_id,
            progress=progress,
            cancel=cancel,
        )

    # --- reading -----------------------------------------------------------------------------

    def get(self, evidence_id: str) -> Evidence:
        row = None
        if is_id(evidence_id):
            row = self.conn.execute(
                f"SELECT {_COLUMNS} FROM evidence WHERE id = ?", (evidence_id,)
            ).fetchone()
        if row is None:
            raise EvidenceNotFoundError("No evidence has this id.")
        return _evidence(row)

    def items(self, record_id: str | None = None) -> list[Evidence]:
        if record_id is None:
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} FROM evidence ORDER BY acquired_at, id"
            ).fetchall()
            return [_evidence(row) for row in rows]
        self.records.get(record_id)
        ids = [
            link.target_id
            for link in self.records.links_from(record_id)
            if link.relation == EVIDENCE_RELATION
        ]
        return sorted((self.get(i) for i in ids), key=lambda e: (e.acquired_at, e.id))

    def records_of(self, evidence_id: str) -> list[str]:
        """Ids of the records this evidence is attached to."""
        return [
            link.source_id
            for link in self.records.links_to(evidence_id)
            if link.relation == EVIDENCE_RELATION
        ]

    def events(self, evidence_id: str) -> list[custody.CustodyEvent]:
        self.get(evidence_id)
        return custody.events(self.conn, evidence_id)

    def _key_and_path(self, evidence_id: str) -> tuple[bytes, Path]:
        item = self.get(evidence_id)
        if item.blob_name is None:
            raise EvidencePurgedError("This evidence was delivered and purged from this vault.")
        row = self.conn.execute(
            "SELECT blob_key FROM evidence WHERE id = ?", (evidence_id,)
        ).fetchone()
        return bytes(row[0]), self.blobs_dir / item.blob_name

    def reader_opener(
        self, evidence_id: str
    ) -> Callable[[], contextlib.AbstractContextManager[ChunkedReader]]:
        """:meth:`open_reader` split in two: the database lookups happen now, on the calling
        thread; the returned callable only opens the blob, so another thread may call it
        (the connection belongs to this one). Errors as :meth:`open_reader`."""
        key, path = self._key_and_path(evidence_id)
        return lambda: _open_blob(path, key, evidence_id)

    @contextlib.contextmanager
    def open_reader(self, evidence_id: str) -> Iterator[ChunkedReader]:
        """A seekable decrypting reader; the plaintext exists only in memory."""
        key, path = self._key_and_path(evidence_id)
        with _open_blob(path, key, evidence_id) as reader:
            yield reader

    def extract(
        self,
        evidence_id: str,
        destination: Path,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> int:
        """Write the plaintext to ``destination`` (must not exist). Returns bytes written.

        The plaintext is checked against the ingest hash as it is written; on any failure the
        partial file is removed.
        """
        key, path = self._key_and_path(evidence_id)
        item = self.get(evidence_id)
        try:
            fd = os.open(
                destination,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                0o600,
            )
        except FileExistsError:
            raise InputError("The destination already exists; choose a new file name.") from None
        except OSError as exc:
            raise storage_error(exc, "the extracted file") from None
        digest = hashlib.sha256()

        def sink(data: memoryview) -> None:
            digest.update(data)
            view = data
            while view:
                view = view[os.write(fd, view) :]

        try:
            with path.open("rb") as handle:
                written = decrypt_stream(
                    cast(BinaryIO, handle),
                    key,
                    evidence_id.encode("ascii"),
                    sink,
                    progress=progress,
                    cancel=cancel,
                )
            if digest.hexdigest() != item.sha256:
                raise IntegrityError("The evidence does not match its recorded hash.")
            os.fsync(fd)
        except BaseException as exc:
            os.close(fd)
            with contextlib.suppress(OSError):
                destination.unlink()
            if isinstance(exc, FileNotFoundError):
                raise IntegrityError("The encrypted file of this evidence is missing.") from None
            if isinstance(exc, OSError):
                raise storage_error(exc, "the extracted file") from None
            raise
        os.close(fd)
        with transaction(self.conn):
            custody.append(self.conn, evidence_id, "extract", device=self.records.device_id)
            audit.append(
                self.conn,
                vault_id=self.records.vault_id,
                device=self.records.device_id,
                action="evidence_extract",
                object_id=evidence_id,
            )
        return written

    # --- verification --------------------------------------------------------------------

    def check_one(self, evidence_id: str, *, cancel: Cancel | None = None) -> VerifyResult:
        """Re-hash one item from its ciphertext; never raises for damage, only reports it."""
        item = self.get(evidence_id)
        if item.blob_name is None:
            return VerifyResult(evidence_id, True, "purged")
        key, path = self._key_and_path(evidence_id)
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                size = decrypt_stream(
                    cast(BinaryIO, handle),
                    key,
                    evidence_id.encode("ascii"),
                    digest.update,
                    cancel=cancel,
                )
        except FileNotFoundError:
            return VerifyResult(evidence_id, False, "missing")
        except IntegrityError:
            return VerifyResult(evidence_id, False, "damaged")
        except OSError:
            return VerifyResult(evidence_id, False, "unreadable")
        if size != item.size or digest.hexdigest() != item.sha256:
            return VerifyResult(evidence_id, False, "mismatch")
        return VerifyResult(evidence_id, True, None)

    def verify(
        self,
        ids: list[str] | None = None,
        *,
        record_events: bool = True,
        progress: Callable[[int, int], None] | None = None,
        cancel: Cancel | None = None,
    ) -> list[VerifyResult]:
        """Verify ``ids`` (default: all); records a custody ``verify`` event per item."""
        targets = ids if ids is not None else [e.id for e in self.items()]
        for evidence_id in targets:
            self.get(evidence_id)  # unknown ids fail before any work
        results: list[VerifyResult] = []
        for index, evidence_id in enumerate(targets):
            if cancel is not None and cancel():
                raise CancelledError
            result = self.check_one(evidence_id, cancel=cancel)
            results.append(result)
            if record_events and result.problem != "purged":
                with transaction(self.conn):
                    custody.append(
                        self.conn,
                        evidence_id,
                        "verify",
                        device=self.records.device_id,
                        detail={"ok": result.ok, "problem": result.problem},
                    )
                    audit.append(
                        self.conn,
                        vault_id=self.records.vault_id,
                        device=self.records.device_id,
                        action="evidence_verify",
                        object_id=evidence_id,
                        detail={"ok": result.ok},
                    )
            if progress is not None:
                progress(index + 1, len(targets))
        return results


@contextlib.contextmanager
def _open_blob(path: Path, key: bytes, evidence_id: str) -> Iterator[ChunkedReader]:
    """A decrypting reader over one blob file (no database access)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise IntegrityError("The encrypted file of this evidence is missing.") from None
    with handle:
        reader = ChunkedReader(cast(BinaryIO, handle), key, evidence_id.encode("ascii"))
        try:
            yield reader
        finally:
            reader.close()
