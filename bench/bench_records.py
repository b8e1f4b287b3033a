"""Vault and record benchmarks (issue 2): unlock overhead, insert rate, search latency.

Every figure is printed next to the same operation on an unencrypted database in the same
run. The baseline is the same SQLite engine (sqlcipher3 opened WITHOUT a key, which is plain
SQLite 3 on disk), the same schema and the same fielddoc code, so the ratio isolates what
encryption costs; fielddoc's own work (validation, hashing, audit, indexing) is in both.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from bench.common import heading, median, percentile, row, sample_records, timed
from fielddoc.crypto import keyslots as ks
from fielddoc.crypto.kdf import derive_key
from fielddoc.ids import new_id
from fielddoc.records import search
from fielddoc.records.store import RecordStore
from fielddoc.vault import migrations
from fielddoc.vault.connection import Connection, transaction
from fielddoc.vault.vault import create_vault, normalise_passphrase, open_vault

PASSPHRASE = "benchmark passphrase, not a secret"
QUERIES = [
    "Abdullaev",
    "Абдуллаев",
    "Жээнбеков",
    "Jeenbekov",
    "Zhumabaev",
    "Jumabaev",
    "задержание",
    "detention",
    "ИВС",
    "блогер",
    "ill-treatment",
    "Omurbekov",
    "Өмүрбеков",
    "Цой",
    "Tsoy",
    "Cholponbaeva",
    "тинтүү",
    "suspended sentence",
    "Khasanov",
    "Хасанов",
    "Aigul",
    "Айгүл",
    "пытки",
    "women",
    "Yuldashev",
    "Iakovleva",
    "редакции",
    "Kydyralieva",
]


def plain_connection(path: Path) -> Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "temp_store = MEMORY",
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}").fetchall()
    return conn


def plain_store(path: Path) -> RecordStore:
    conn = plain_connection(path)
    migrations.migrate(conn)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [
                ("vault_id", new_id()),
                ("role", "field"),
                ("name", "plain"),
                ("device_id", new_id()),
                ("created_at", "now"),
            ],
        )
    return RecordStore(conn, vault_id=new_id(), device_id=new_id())


def bench_unlock(work: Path) -> None:
    heading("Unlock (KDF as calibrated on this machine)")
    vault, _ = create_vault(work / "unlock", PASSPHRASE)
    vault.close()
    slot = ks.read(work / "unlock" / "keyslots").of_kind("passphrase")[0]
    totals, kdfs = [], []
    for _ in range(5):
        totals.append(timed(lambda: open_vault(work / "unlock", PASSPHRASE).close()))
        kdfs.append(
            timed(lambda: derive_key(normalise_passphrase(PASSPHRASE), slot.salt, slot.kdf))
        )
    plain_store(work / "unlock-plain.db").conn.close()

    def plain_open() -> None:
        conn = plain_connection(work / "unlock-plain.db")
        migrations.check_not_newer(conn)
        conn.execute("SELECT key, value FROM meta").fetchall()
        conn.close()

    plain = [timed(plain_open) for _ in range(5)]
    kdf = slot.kdf
    print(
        f"  Argon2id m={kdf.memory_kib // 1024} MiB t={kdf.iterations} p={kdf.lanes}: "
        f"{median(kdfs) * 1000:.0f} ms; unlock in total {median(totals) * 1000:.0f} ms"
    )
    print(
        row(
            "unlock minus KDF (target < 150 ms)",
            (median(totals) - median(kdfs)) * 1000,
            median(plain) * 1000,
            "ms",
        )
    )


def bench_inserts(work: Path, count: int) -> None:
    heading(f"Insert {count} records, one transaction (fsync) per save")
    vault, _ = create_vault(work / "inserts", PASSPHRASE)
    ours = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
    theirs = plain_store(work / "inserts-plain.db")
    data = list(sample_records(count))

    def load(store: RecordStore) -> Callable[[], None]:
        def run() -> None:
            for template, body in data:
                store.create(template, body)

        return run

    ours_s = timed(load(ours))
    theirs_s = timed(load(theirs))
    vault.close()
    theirs.conn.close()
    print(
        row("records per second", count / ours_s, count / theirs_s, "rec/s", lower_is_better=False)
    )


def bench_search(work: Path, count: int) -> None:
    heading(f"Search over {count} records ({len(QUERIES)} queries x 10 rounds)")
    vault, _ = create_vault(work / "search", PASSPHRASE)
    ours = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
    theirs = plain_store(work / "search-plain.db")
    started = time.perf_counter()
    batch: list[tuple[str, dict[str, object]]] = []
    for item in sample_records(count, seed=2):
        batch.append(item)
        if len(batch) == 5000:
            for store in (ours, theirs):
                with store.batch():
                    for template, body in batch:
                        store.create(template, body)
            batch.clear()
    print(f"  loaded both databases in {time.perf_counter() - started:.0f} s")
    # measure as the app would find them on the next start: checkpointed, fresh connection
    for store in (ours, theirs):
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    vault.close()
    theirs.conn.close()
    vault = open_vault(work / "search", PASSPHRASE)
    ours = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
    theirs = RecordStore(plain_connection(work / "search-plain.db"), vault_id="", device_id="")

    def latencies(store: RecordStore) -> list[float]:
        found = []
        for _ in range(10):
            for query in QUERIES:
                start = time.perf_counter()
                search.search(store.conn, query, limit=50)
                found.append((time.perf_counter() - start) * 1000)
        return found

    latencies(ours)  # warm the page caches of both equally
    latencies(theirs)
    ours_ms, theirs_ms = latencies(ours), latencies(theirs)
    hits = {
        q: ours.conn.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?",
            (search.build_match(ours.conn, q),),
        ).fetchone()[0]
        for q in QUERIES[:6]
    }
    print("  matching records: " + ", ".join(f"{q} {n}" for q, n in hits.items()))
    print(row("p50 latency", percentile(ours_ms, 0.5), percentile(theirs_ms, 0.5), "ms"))
    print(
        row(
            "p95 latency (target < 30 ms)",
            percentile(ours_ms, 0.95),
            percentile(theirs_ms, 0.95),
            "ms",
        )
    )
    vault.close()
    theirs.conn.close()


def main(inserts: int = 10_000, searched: int = 100_000) -> None:
    work = Path(tempfile.mkdtemp(prefix="fielddoc-bench-"))
    try:
        bench_unlock(work)
        bench_inserts(work, inserts)
        bench_search(work, searched)
    finally:
        shutil.rmtree(work, ignore_errors=True)
