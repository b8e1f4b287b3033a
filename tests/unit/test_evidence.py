from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from fielddoc import audit
from fielddoc.checks import run_checks
from fielddoc.errors import (
    CancelledError,
    InputError,
    IntegrityError,
    RecordNotFoundError,
    StorageError,
)
from fielddoc.evidence import blobs
from fielddoc.evidence.store import EvidenceNotFoundError, EvidenceStore
from tests.conftest import VaultHandle


@pytest.fixture
def evidence(vault_handle: VaultHandle) -> EvidenceStore:
    return EvidenceStore(vault_handle.store(), vault_handle.vault.blobs_dir)


def make_file(folder: Path, name: str, size: int, seed: int = 0) -> Path:
    path = folder / name
    block = hashlib.sha256(str(seed).encode()).digest() * 2048  # 64 KiB pattern
    with path.open("wb") as handle:
        remaining = size
        while remaining:
            part = block[: min(remaining, len(block))]
            handle.write(part)
            remaining -= len(part)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(evidence: EvidenceStore) -> tuple[int, int]:
    conn = evidence.conn
    return (
        conn.execute("SELECT count(*) FROM evidence").fetchone()[0],
        conn.execute("SELECT count(*) FROM custody_events").fetchone()[0],
    )


def blob_files(evidence: EvidenceStore) -> list[str]:
    return sorted(p.name for p in evidence.blobs_dir.iterdir())


@pytest.mark.parametrize("size", [0, 1, 16383, 16384, 16385, 1024 * 1024 + 7, 3 * 1024 * 1024])
def test_ingest_hash_size_and_blob(evidence: EvidenceStore, tmp_path: Path, size: int) -> None:
    source = make_file(tmp_path, "photo.jpg", size, seed=size)
    result = evidence.ingest(source)
    assert result.sha256 == sha(source)
    assert result.size == size
    assert result.duplicate_of is None
    item = evidence.get(result.id)
    assert item.original_name == "photo.jpg"
    assert item.blob_name is not None
    blob = evidence.blobs_dir / item.blob_name
    assert blob.exists()
    assert item.blob_name not in ("photo.jpg", result.sha256)
    if size >= 64:  # shorter plaintexts can appear in random ciphertext by chance
        assert source.read_bytes()[:64] not in blob.read_bytes()
    with evidence.open_reader(result.id) as reader:
        assert reader.read() == source.read_bytes()
    assert [e.event for e in evidence.events(result.id)] == ["ingest"]


def test_random_access_reader(evidence: EvidenceStore, tmp_path: Path) -> None:
    source = make_file(tmp_path, "a.bin", 200_000, seed=3)
    data = source.read_bytes()
    result = evidence.ingest(source)
    with evidence.open_reader(result.id) as reader:
        for offset, length in [(0, 10), (16380, 10), (100_000, 50_000), (199_990, 100)]:
            reader.seek(offset)
            assert reader.read(length) == data[offset : offset + length]
        assert reader.seek(0, os.SEEK_END) == len(data)


def test_duplicate_is_linked_not_stored(
    evidence: EvidenceStore, vault_handle: VaultHandle, tmp_path: Path
) -> None:
    record = evidence.records.create("testimony", {"title": "Показания"})
    first = evidence.ingest(make_file(tmp_path, "a.jpg", 5000, seed=1))
    blobs_before = blob_files(evidence)
    copy = make_file(tmp_path, "copy-of-a.jpg", 5000, seed=1)
    second = evidence.ingest(copy, record_id=record.id)
    assert second.duplicate_of == first.id
    assert second.id == first.id
    assert blob_files(evidence) == blobs_before
    assert [e.id for e in evidence.items(record.id)] == [first.id]
    assert evidence.records_of(first.id) == [record.id]


def test_attach_to_missing_record_reads_nothing(evidence: EvidenceStore, tmp_path: Path) -> None:
    with pytest.raises(RecordNotFoundError):
        evidence.ingest(
            make_file(tmp_path, "a", 10), record_id="01900000-0000-7000-8000-000000000000"
        )
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []


def test_metadata_is_kept(evidence: EvidenceStore, tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    result = evidence.ingest(path)
    item = evidence.get(result.id)
    assert item.mime_type == "application/pdf"  # sniffed from content, not the extension
    assert item.file_modified is not None
    assert item.acquired_device == evidence.records.device_id


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo"])
def test_bad_sources(evidence: EvidenceStore, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "x"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    with pytest.raises(InputError):
        evidence.ingest(target)
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []


def test_unreadable_file(
    evidence: EvidenceStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied on open (simulated: the CI user is root, who can read anything)."""
    path = make_file(tmp_path, "locked.jpg", 100)
    real_open = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(errno.EACCES, "injected")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError, match="cannot be read"):
        evidence.ingest(path)
    monkeypatch.undo()
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []


def test_read_error_mid_file(
    evidence: EvidenceStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An I/O error while reading the source (a failing USB stick); works as root too."""
    from fielddoc.evidence import ingest as ingest_mod

    source = make_file(tmp_path, "a", 3 * 1024 * 1024)
    real_open = ingest_mod._open_source

    class Failing:
        def __init__(self, inner: Any) -> None:
            self.inner = inner
            self.calls = 0

        def readinto(self, buffer: memoryview) -> int:
            self.calls += 1
            if self.calls == 2:
                raise OSError(errno.EIO, "injected")
            return int(self.inner.readinto(buffer))

        def fileno(self) -> int:
            return int(self.inner.fileno())

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.close()

    def failing_open(path: Path) -> tuple[Any, os.stat_result]:
        handle, info = real_open(path)
        return Failing(handle), info

    monkeypatch.setattr(ingest_mod, "_open_source", failing_open)
    with pytest.raises(InputError, match="I/O error"):
        evidence.ingest(source)
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []


def test_file_changing_while_read(evidence: EvidenceStore, tmp_path: Path) -> None:
    source = make_file(tmp_path, "growing.mp4", 4 * 1024 * 1024)

    def grow(done: int, total: int) -> None:
        if done == 1024 * 1024:
            with source.open("ab") as handle:
                handle.write(b"more")

    with pytest.raises(InputError, match="changed"):
        evidence.ingest(source, progress=grow)
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []


def test_cancel_leaves_nothing(evidence: EvidenceStore, tmp_path: Path) -> None:
    source = make_file(tmp_path, "big", 5 * 1024 * 1024)
    seen: list[int] = []
    with pytest.raises(CancelledError):
        evidence.ingest(source, progress=lambda d, t: seen.append(d), cancel=lambda: len(seen) >= 2)
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []
    before = [e.action for e in audit.entries(evidence.conn)]
    assert "evidence_ingest" not in before


@pytest.mark.parametrize("fail_at", [1, 2, 5, 40])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_disk_errors_during_write(  # noqa: PLR0917 - fixtures and parameters
    evidence: EvidenceStore,
    vault_handle: VaultHandle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fail_at: int,
    code: int,
) -> None:
    source = make_file(tmp_path, "v", 2 * 1024 * 1024)
    calls = {"n": 0}
    real = blobs._write

    def flaky(fd: int, data: memoryview) -> int:
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise OSError(code, "injected")
        return real(fd, data)

    monkeypatch.setattr(blobs, "_write", flaky)
    with pytest.raises(StorageError) as info:
        evidence.ingest(source)
    assert errno.errorcode[code] in str(info.value)
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []
    monkeypatch.undo()
    assert all(r.ok for r in run_checks(vault_handle.vault))
    assert evidence.ingest(source).size == 2 * 1024 * 1024  # and the vault still works


def test_fsync_failure(
    evidence: EvidenceStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "injected")

    monkeypatch.setattr(blobs, "_fsync", broken)
    with pytest.raises(StorageError):
        evidence.ingest(make_file(tmp_path, "x", 1000))
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []


def test_database_failure_after_blob_removes_blob(
    evidence: EvidenceStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fielddoc.evidence import custody

    def boom(*args: object, **kwargs: object) -> None:
        raise StorageError("injected")

    monkeypatch.setattr(custody, "append", boom)
    with pytest.raises(StorageError):
        evidence.ingest(make_file(tmp_path, "x", 1000))
    assert rows(evidence) == (0, 0)
    assert blob_files(evidence) == []


def test_orphans_cleaned_at_next_open(vault_handle: VaultHandle) -> None:
    folder = vault_handle.vault.blobs_dir
    (folder / "abc.tmp").write_bytes(b"partial ciphertext")
    (folder / ("0" * 32)).write_bytes(b"an orphan blob")
    vault = vault_handle.reopen()
    assert list(vault.blobs_dir.iterdir()) == []


def _tamper_targets(evidence: EvidenceStore, tmp_path: Path) -> tuple[str, str, Path, Path]:
    a = evidence.ingest(make_file(tmp_path, "a", 100_000, seed=1))
    b = evidence.ingest(make_file(tmp_path, "b", 100_000, seed=2))
    pa = evidence.blobs_dir / str(evidence.get(a.id).blob_name)
    pb = evidence.blobs_dir / str(evidence.get(b.id).blob_name)
    return a.id, b.id, pa, pb


def _damage(kind: str, pa: Path, pb: Path) -> None:
    data = bytearray(pa.read_bytes())
    chunk = 16384 + 16
    if kind == "flip":
        data[56 + chunk + 100] ^= 1
        pa.write_bytes(bytes(data))
    elif kind == "truncate_at_boundary":
        pa.write_bytes(bytes(data[: 56 + 2 * chunk]))
    elif kind == "truncate_between":
        pa.write_bytes(bytes(data[: 56 + 2 * chunk + 77]))
    elif kind == "swap_chunks":
        first, second = data[56 : 56 + chunk], data[56 + chunk : 56 + 2 * chunk]
        data[56 : 56 + chunk], data[56 + chunk : 56 + 2 * chunk] = second, first
        pa.write_bytes(bytes(data))
    elif kind == "swap_files":
        other = pb.read_bytes()
        pb.write_bytes(bytes(data))
        pa.write_bytes(other)
    elif kind == "append":
        pa.write_bytes(bytes(data) + b"\0" * 20)
    elif kind == "delete":
        pa.unlink()


TAMPERING = [
    "flip",
    "truncate_at_boundary",
    "truncate_between",
    "swap_chunks",
    "swap_files",
    "append",
    "delete",
]


@pytest.mark.parametrize("kind", TAMPERING)
def test_tampering_is_detected(
    evidence: EvidenceStore, vault_handle: VaultHandle, tmp_path: Path, kind: str
) -> None:
    a, b, pa, pb = _tamper_targets(evidence, tmp_path)
    _damage(kind, pa, pb)
    results = {r.id: r for r in evidence.verify()}
    assert not results[a].ok
    assert results[a].problem == ("missing" if kind == "delete" else "damaged")
    assert results[b].ok == (kind != "swap_files")
    failing = {r.name for r in run_checks(vault_handle.vault) if not r.ok}
    assert failing == {"evidence_files"}  # the rest of the vault still checks out
    with pytest.raises(IntegrityError), evidence.open_reader(a) as reader:
        reader.read()
    out = tmp_path / "out.bin"
    with pytest.raises(IntegrityError):
        evidence.extract(a, out)
    assert not out.exists()  # no partial plaintext left behind
    events = [e.detail for e in evidence.events(a) if e.event == "verify"]
    assert events == [{"ok": False, "problem": results[a].problem}]


def test_extract_writes_plaintext_only_where_asked(evidence: EvidenceStore, tmp_path: Path) -> None:
    source = make_file(tmp_path, "audio.m4a", 300_000, seed=9)
    result = evidence.ingest(source)
    out = tmp_path / "out" / "audio.m4a"
    out.parent.mkdir()
    assert evidence.extract(result.id, out) == 300_000
    assert out.read_bytes() == source.read_bytes()
    with pytest.raises(InputError):
        evidence.extract(result.id, out)  # never overwrites
    assert [e.event for e in evidence.events(result.id)] == ["ingest", "extract"]


def test_custody_chain_is_hashed_and_checked(
    evidence: EvidenceStore, vault_handle: VaultHandle, tmp_path: Path
) -> None:
    result = evidence.ingest(make_file(tmp_path, "x", 1000))
    evidence.verify([result.id])
    events = evidence.events(result.id)
    assert events[0].prev_hash == result.sha256  # anchored to the file hash
    assert events[1].prev_hash == events[0].hash
    conn = evidence.conn
    conn.execute("DROP TRIGGER custody_events_no_update")
    conn.execute("UPDATE custody_events SET device = 'someone else' WHERE seq = 1")
    failing = {r.name for r in run_checks(vault_handle.vault) if not r.ok}
    assert failing == {"custody_chains"}


def test_unknown_ids(evidence: EvidenceStore) -> None:
    with pytest.raises(EvidenceNotFoundError):
        evidence.get("not-an-id")
    with pytest.raises(EvidenceNotFoundError):
        evidence.verify(["01900000-0000-7000-8000-000000000000"])
