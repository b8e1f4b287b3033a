from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fielddoc.checks import run_checks
from fielddoc.errors import MigrationError, VaultTooNewError
from fielddoc.records.store import RecordStore
from fielddoc.vault import migrations
from fielddoc.vault.connection import connect
from fielddoc.vault.vault import open_vault
from tests.conftest import CHEAP_KDF, FIXTURES

RELEASE1 = FIXTURES / "vault-release1"
RELEASE1_PASSPHRASE = "release one fixture passphrase"


def test_shipped_migrations_are_numbered_without_gaps() -> None:
    found = migrations.available()
    assert [m.number for m in found] == list(range(1, len(found) + 1))
    assert all(m.statements() for m in found)


def test_gap_in_numbering_is_refused(tmp_path: Path) -> None:
    (tmp_path / "0001_a.sql").write_text("CREATE TABLE a (x);")
    (tmp_path / "0003_c.sql").write_text("CREATE TABLE c (x);")
    with pytest.raises(MigrationError):
        migrations.available(tmp_path)


def test_failed_migration_leaves_previous_version(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (x);\n")
    (folder / "0002_b.sql").write_text("CREATE TABLE b (x);\nCREATE TABLE a (y);\n")
    conn = connect(tmp_path / "db", b"k" * 32, create=True)
    with pytest.raises(MigrationError):
        migrations.migrate(conn, folder=folder)
    assert migrations.current_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "b" not in tables
    conn.close()


def test_newer_schema_refused(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db", b"k" * 32, create=True)
    conn.execute("PRAGMA user_version = 1000")
    with pytest.raises(VaultTooNewError):
        migrations.migrate(conn)
    conn.close()


def test_statement_splitter_keeps_triggers_whole(tmp_path: Path) -> None:
    path = tmp_path / "0001_t.sql"
    path.write_text(
        "-- comment\nCREATE TABLE t (x);\nCREATE TRIGGER tr BEFORE UPDATE ON t\nBEGIN\n"
        "    SELECT RAISE(ABORT, 'no; really');\nEND;\n-- trailing comment\n"
    )
    statements = migrations.Migration(1, path).statements()
    assert len(statements) == 2
    assert statements[1].endswith("END;")


def test_release1_vault_opens_and_migrates(tmp_path: Path) -> None:
    """A vault written by fielddoc 0.1.0 (schema 1, committed fixture) opens in this build."""
    copy = tmp_path / "old"
    shutil.copytree(RELEASE1, copy)
    vault = open_vault(copy, RELEASE1_PASSPHRASE, floor=CHEAP_KDF)
    try:
        assert vault.info.schema_version == migrations.latest_version()
        store = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
        titles = {s.title for s in store.list()}
        assert "Обыск в редакции" in titles
        assert all(result.ok for result in run_checks(vault))
        # and it can be written to after migrating
        store.create("person", {"name": "Added after migration"})
    finally:
        vault.close()


def test_evidence_survives_the_0003_table_rebuild(tmp_path: Path) -> None:
    from fielddoc.crypto.kdf import KdfParams
    from fielddoc.evidence.store import EvidenceStore
    from fielddoc.vault.vault import create_vault

    cheap = KdfParams(64, 1, 1)
    vault, _ = create_vault(
        tmp_path / "v", "a passphrase of length", kdf=cheap, floor=cheap, schema_target=2
    )
    records = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8\xff" + b"x" * 50_000)
    store = EvidenceStore(records, vault.blobs_dir)
    item = store.ingest(source)
    store.verify([item.id])
    assert vault.info.schema_version == 2
    vault.close()
    vault = open_vault(tmp_path / "v", "a passphrase of length", floor=cheap)
    try:
        assert vault.info.schema_version == migrations.latest_version()
        records = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
        store = EvidenceStore(records, vault.blobs_dir)
        assert store.get(item.id).sha256 == item.sha256
        assert [e.event for e in store.events(item.id)] == ["ingest", "verify"]
        assert vault.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert all(result.ok for result in run_checks(vault))
    finally:
        vault.close()


def test_table_rebuild_that_breaks_a_reference_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "0001_a.sql").write_text(
        "CREATE TABLE parent (id TEXT PRIMARY KEY);\n"
        "CREATE TABLE child (p TEXT REFERENCES parent (id));\n"
        "INSERT INTO parent VALUES ('x');\nINSERT INTO child VALUES ('x');\n"
    )
    (folder / "0002_rebuild.sql").write_text(
        "-- fielddoc: foreign_keys=off\n"
        "CREATE TABLE parent_new (id TEXT PRIMARY KEY);\n"
        "DROP TABLE parent;\nALTER TABLE parent_new RENAME TO parent;\n"
    )
    conn = connect(tmp_path / "db", b"k" * 32, create=True)
    with pytest.raises(MigrationError):
        migrations.migrate(conn, folder=folder)
    assert migrations.current_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM parent").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()
