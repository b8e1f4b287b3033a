"""After a purge, purged text survives nowhere in the field vault's files.

A field vault gets 30+ records and evidence carrying unique canaries (Russian, Kyrgyz and
Latin; in titles, narratives long enough to need overflow pages, person names, nested
groups and list entries, revisions, a draft, evidence file names, PDF metadata and file
contents in UTF-8 and UTF-16LE). Two rounds of export -> HQ import -> receipt -> purge
follow; records edited or created after an export stay undelivered and must stay.

After each purge, tests/leakscan.py decrypts every page of ``vault.db`` and every frame of
``vault.db-wal`` itself (free pages and stale frames included) and greps every other file
raw: purged canaries are in no page, no frame, no file, not in the FTS vocabulary and not
found by search, while the canaries of records that stayed ARE found in decrypted pages
(the harness is checked on every run). Before the first purge every canary is found in
decrypted pages and in no raw file (the files are encrypted).

The purge sequence matters, and the scanner would see it fail: the same purge without
``wal_checkpoint(TRUNCATE)`` leaves every purged canary in WAL frames, without the FTS
``optimize`` leaves the searchable ones as index terms behind contentless-delete tombstones
(invisible to ``fts5vocab`` and search), and with ``secure_delete`` off leaves them in
deleted cells and free pages -- each time the purge looks complete through SQL. A purge
whose checkpoint is blocked by another connection's open read leaves everything in the WAL;
it now says so (``PURGE_INCOMPLETE``) and a second purge finishes the wipe. The decryptor
itself is checked against SQLCipher (header fields, wrong key, a flipped byte).

Each canary is ``<word><24 random digits>``. The scanner looks for the whole canary, for its
head (word + 12 digits) and for its tail (last 12 digits): a canary cut by a page boundary
(overflow chains) is still seen, and so is its FTS5 form, which is lower-cased, has
diacritics removed, is prefix-compressed against the previous term in the index leaf, and is
transliterated in the ``names`` column -- all of which keep the digit tail intact.
"""

from __future__ import annotations

import dataclasses
import json
import re
import secrets
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from fielddoc.exchange.context import ExchangeContext
from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.importer import import_bundle
from fielddoc.exchange.purge import PurgeIncompleteError, PurgeResult, purge_delivered
from fielddoc.exchange.receipts import import_receipt
from fielddoc.ids import new_id, utc_now
from fielddoc.records.search import search
from fielddoc.vault.connection import Connection, connect
from tests.exchange_support import Pair, make_pair
from tests.leakscan import (
    PAGE_SIZE,
    RESERVE,
    LeakScanError,
    ScanResult,
    decrypted_pages,
    scan,
    scan_pages,
    vault_db_key,
)

STEMS = (
    "Канарейка",  # Russian
    "Свидетельница",
    "Абдуллаева",
    "Өмүрбеков",  # Kyrgyz letters ө ү ң
    "Жээнбекова",
    "Үңкүрчү",
    "Тоорукчу",
    "Canary",  # Latin
    "Nurlanovna",
    "Witness",
)
ROUND1, ROUND2, LIVE = "round 1", "round 2", "live"
FILLER = (
    "Сотрудники в штатском пришли рано утром, проверили документы и увезли всех в отдел. "
    "Кызматкерлер эртең менен келип, документтерди текшерип, баарын бөлүмгө алып кетишти. "
    "They were held for several hours without access to a lawyer. "
)


@dataclass(frozen=True)
class Canary:
    stem: str
    digits: str
    fate: str  # ROUND1 / ROUND2: purged in that round; LIVE: never delivered, must stay
    place: str
    searchable: bool  # written into a field the template indexes for search

    @property
    def text(self) -> str:
        return self.stem + self.digits

    @property
    def needles(self) -> tuple[str, str, str]:
        return (self.text, self.stem + self.digits[:12], self.digits[12:])


@dataclass
class Canaries:
    """Every canary written, by fate; ``blob`` ones exist only inside evidence files."""

    db: list[Canary] = field(default_factory=list)
    blob: list[Canary] = field(default_factory=list)

    def new(self, fate: str, place: str, *, searchable: bool = True, blob: bool = False) -> str:
        stem = STEMS[(len(self.db) + len(self.blob)) % len(STEMS)]
        digits = f"{secrets.randbelow(10**24):024d}"
        canary = Canary(stem, digits, fate, place, searchable and not blob)
        (self.blob if blob else self.db).append(canary)
        return canary.text

    def set_fate(self, texts: Iterable[str], fate: str) -> None:
        """Records edited after an export stay until a later round: move their canaries."""
        wanted = set(texts)
        self.db = [dataclasses.replace(c, fate=fate) if c.text in wanted else c for c in self.db]

    def of(self, *fates: str, kind: str = "db") -> list[Canary]:
        return [c for c in (self.db if kind == "db" else self.blob) if c.fate in fates]


@dataclass
class Scenario:
    pair: Pair
    canaries: Canaries
    written: dict[str, list[str]]  # record id -> canaries written into it (all revisions)
    evidence: dict[str, str]  # evidence id -> fate
    blob_names: dict[str, str]  # evidence id -> blob file name
    bundles: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)


# --- building the vault ------------------------------------------------------------------------


def narrative(canary: str, size: int = 6000) -> str:
    """A long text (overflow pages) with the canary in the middle of it."""
    half = (FILLER * (size // len(FILLER) + 1))[: size // 2]
    return f"{half} Свидетель {canary} сообщил подробности. {half}"


def add_person(s: Scenario, fate: str) -> str:
    c = s.canaries
    written = [
        c.new(fate, "person name"),
        c.new(fate, "person other_names[].name"),
        c.new(fate, "person other_names[].note", searchable=False),
        c.new(fate, "person notes"),
    ]
    body = {
        "name": f"{written[0]} Нурлан",
        "other_names": [{"name": written[1], "note": f"паспорт {written[2]}"}],
        "notes": narrative(written[3], 1500),
    }
    record = s.pair.f.records.create("person", body)
    s.written[record.id] = written
    return record.id


def make_testimony_body(s: Scenario, fate: str, person: str | None, rev: int) -> dict[str, Any]:
    c = s.canaries
    body: dict[str, Any] = {
        "title": f"Обыск {c.new(fate, f'testimony title r{rev}')}",
        "narrative": narrative(c.new(fate, f"testimony narrative r{rev}")),
        "summary": f"Кыскача: {c.new(fate, f'testimony summary r{rev}')}",
        "consent": {
            "given": True,
            "recorded_by": c.new(fate, f"consent.recorded_by r{rev}", searchable=False),
        },
    }
    if person:
        body["interviewee"] = person
    return body


CANARY_RE = re.compile("(?:" + "|".join(STEMS) + r")\d{24}")


def canaries_in(body: object) -> list[str]:
    """The canaries written into a record body (at any depth)."""
    return CANARY_RE.findall(json.dumps(body, ensure_ascii=False))


def add_testimony(s: Scenario, fate: str, person: str | None) -> str:
    body = make_testimony_body(s, fate, person, 1)
    record = s.pair.f.records.create("testimony", body)
    s.written[record.id] = canaries_in(body)
    return record.id


def edit_testimony(s: Scenario, record_id: str, fate: str, rev: int) -> None:
    current = s.pair.f.records.get(record_id)
    body = make_testimony_body(s, fate, current.body.get("interviewee"), rev)
    s.pair.f.records.edit(record_id, body, base_revision=current.summary.head_revision)
    s.written[record_id] += canaries_in(body)


def add_visit(s: Scenario, fate: str, person: str) -> str:
    c = s.canaries
    body = {
        "title": f"Визит в ИВС {c.new(fate, 'visit title')}",
        "team": [{"name": c.new(fate, "visit team[].name", searchable=False)}],
        "conditions": {"food": {"notes": c.new(fate, "visit conditions.food.notes")}},
        "allegations_of_ill_treatment": [
            {"person": person, "description": c.new(fate, "visit allegations[].description")}
        ],
        "narrative": narrative(c.new(fate, "visit narrative"), 3000),
    }
    record = s.pair.f.records.create("detention_visit", body)
    s.written[record.id] = canaries_in(body)
    return record.id


def add_incident(s: Scenario, fate: str, victim: str) -> str:
    c = s.canaries
    body = {
        "title": c.new(fate, "incident title"),
        "location": f"Бишкек, {c.new(fate, 'incident location')}",
        "victims": [victim],
        "narrative": narrative(c.new(fate, "incident narrative"), 2000),
    }
    record = s.pair.f.records.create("incident", body)
    s.written[record.id] = canaries_in(body)
    return record.id


def add_evidence(s: Scenario, fate: str, record_id: str, kind: str) -> str:
    c = s.canaries
    folder = s.pair.base / "sources"
    folder.mkdir(exist_ok=True)
    name_canary = c.new(fate, "evidence original name", searchable=False)
    inside = [c.new(fate, f"evidence {kind} content", blob=True) for _ in range(2)]
    if kind == "pdf":
        creator = c.new(fate, "evidence PDF /Creator metadata", searchable=False)
        producer = c.new(fate, "evidence PDF /Producer metadata", searchable=False)
        data = (
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>\nendobj\n"
            b"4 0 obj\n<< /Producer ("
            + producer.encode()
            + b") /Creator ("
            + creator.encode()
            + b") >>\nendobj\n% "
            + " ".join(inside).encode()
            + b"\n"
            b"trailer\n<< /Size 5 /Root 1 0 R /Info 4 0 R >>\n%%EOF\n"
        )
        path = folder / f"Отчёт_{name_canary}.pdf"
    else:
        text = "\n".join(narrative(word, 3000) for word in inside)
        data = text.encode("utf-8") + text.encode("utf-16-le")
        path = folder / f"Показания_{name_canary}.txt"
    path.write_bytes(data)
    result = s.pair.f.evidence.ingest(path, record_id=record_id)
    path.unlink()
    s.evidence[result.id] = fate
    row = s.pair.f.conn.execute(
        "SELECT blob_name FROM evidence WHERE id = ?", (result.id,)
    ).fetchone()
    s.blob_names[result.id] = str(row[0])
    return result.id


def add_draft(s: Scenario, record_id: str, fate: str) -> None:
    """A draft row for ``record_id``, written with SQL as the editor's autosave stores it."""
    body = json.dumps(
        {"narrative": s.canaries.new(fate, "draft body", searchable=False)}, ensure_ascii=False
    )
    s.pair.f.conn.execute(
        "INSERT INTO drafts (id, record_id, template, base_revision, body, updated_at) "
        "VALUES (?, ?, 'testimony', NULL, ?, ?)",
        (new_id(), record_id, body, utc_now()),
    )


def deliver(s: Scenario) -> None:
    """Export the next bundle, import it at HQ, bring its receipt back to the field vault."""
    bundle = s.pair.base / f"b{len(s.bundles) + 1}.fdbundle"
    exported = write_bundle(s.pair.f, bundle)
    s.bundles.append(exported.bundle_id)
    report = import_bundle(s.pair.h, bundle, receipts_dir=s.pair.base / "receipts")
    assert report.ok and report.imported, report.to_text()
    s.log.append(f"bundle {exported.seq}: {exported.revisions} revisions, {exported.evidence} ev")


def take_receipt(s: Scenario, number: int) -> None:
    receipt = s.pair.base / "receipts" / f"{s.bundles[number - 1]}.fdreceipt"
    result = import_receipt(s.pair.f, receipt)
    assert not result.already_imported and result.delivered > 0


def build(tmp_path: Path, *, persons: int = 12) -> tuple[Scenario, list[str], list[str]]:
    """Round 1 content, exported and imported at HQ (receipt not yet taken back)."""
    pair = make_pair(tmp_path)
    s = Scenario(pair, Canaries(), {}, {}, {})
    people = [add_person(s, ROUND1) for _ in range(persons)]
    testimonies = [add_testimony(s, ROUND1, people[i]) for i in range(persons)]
    for record_id in testimonies[: persons // 2]:  # several revisions, all delivered
        edit_testimony(s, record_id, ROUND1, 2)
        edit_testimony(s, record_id, ROUND1, 3)
    add_visit(s, ROUND1, people[0])
    add_visit(s, ROUND1, people[1])
    add_incident(s, ROUND1, people[2])
    add_incident(s, ROUND1, people[3])
    add_evidence(s, ROUND1, testimonies[0], "text")
    add_evidence(s, ROUND1, testimonies[1], "pdf")
    add_evidence(s, ROUND1, testimonies[-1], "text")  # its record is edited after export
    add_draft(s, testimonies[2], ROUND1)
    deliver(s)
    return s, people, testimonies


# --- checking ----------------------------------------------------------------------------------


def needles_of(canaries: Iterable[Canary]) -> list[str]:
    return [needle for c in canaries for needle in c.needles]


@dataclass
class Findings:
    result: ScanResult
    decrypted: set[str]  # canary texts seen in a decrypted page
    raw: set[str]  # canary texts seen in some file's raw bytes

    def where(self, canary: Canary) -> list[str]:
        return [str(hit) for n in canary.needles for hit in self.result.hits[n]][:6]


def scan_vault(s: Scenario, label: str) -> Findings:
    vault = s.pair.field.vault
    everything = s.canaries.db + s.canaries.blob
    started = time.perf_counter()
    result = scan(vault.folder, vault_db_key(vault), needles_of(everything))
    decrypted = {
        c.text for c in everything if any(h.decrypted for n in c.needles for h in result.hits[n])
    }
    raw = {
        c.text
        for c in everything
        if any(not h.decrypted for n in c.needles for h in result.hits[n])
    }
    print(
        f"[leakscan] {label}: {result.stats.summary()}; {len(everything)} canaries "
        f"({3 * len(everything)} needles x utf-8/utf-16le) in "
        f"{time.perf_counter() - started:.2f}s; files: {', '.join(result.stats.file_names)}"
    )
    return Findings(result, decrypted, raw)


def fts_terms(conn: Connection) -> list[str]:
    conn.execute("CREATE VIRTUAL TABLE temp.leak_vocab USING fts5vocab(main, search_fts, 'row')")
    try:
        return [str(row[0]) for row in conn.execute("SELECT term FROM temp.leak_vocab")]
    finally:
        conn.execute("DROP TABLE temp.leak_vocab")


def in_index(canary: Canary, terms: list[str]) -> bool:
    tail = canary.digits[12:]
    return any(tail in term for term in terms)


def assert_purged_and_kept(s: Scenario, label: str, gone: list[Canary], kept: list[Canary]) -> None:
    """The scan, the FTS vocabulary, search and the blobs folder agree: ``gone`` canaries are
    nowhere, ``kept`` ones are all in decrypted pages (and in the index where searchable)."""
    found = scan_vault(s, label)
    leaks = {
        c.text: (c.place, found.where(c)) for c in gone if c.text in found.decrypted | found.raw
    }
    assert not leaks, f"purged text survives ({label}): {leaks}"
    missing = [(c.place, c.text) for c in kept if c.text not in found.decrypted]
    assert not missing, f"harness check failed: kept canaries not found ({label}): {missing}"
    assert not found.raw, f"plaintext in raw files ({label}): {sorted(found.raw)}"
    contents = {x.text for x in s.canaries.blob}
    assert not contents & (found.decrypted | found.raw), "evidence content outside its blob"

    conn = s.pair.f.conn
    terms = fts_terms(conn)
    assert not [c.text for c in gone if in_index(c, terms)], "purged terms in fts5vocab"
    records = s.pair.f.records
    current = {text for r in records.list() for text in canaries_in(records.get(r.id).body)}
    searchable = [c for c in kept if c.searchable and c.text in current]
    assert len(searchable) >= 5 or not kept
    assert all(in_index(c, terms) for c in searchable), "kept terms missing from fts5vocab"
    for c in gone[::3]:
        assert search(conn, c.text) == [], c.place
    for c in searchable[::3]:
        assert search(conn, c.text), c.place

    gone_fates = {c.fate for c in gone}
    blobs = {p.name for p in s.pair.f.blobs_dir.iterdir()}
    for evidence_id, fate in s.evidence.items():
        purged = fate in gone_fates
        assert (s.blob_names[evidence_id] not in blobs) == purged, (evidence_id, fate)
        assert s.pair.f.evidence.get(evidence_id).purged == purged
        if not purged:  # the content canaries are there, inside the encrypted blob
            with s.pair.f.evidence.open_reader(evidence_id) as reader:
                content = reader.read()
            assert any(x.text.encode() in content for x in s.canaries.blob if x.fate == fate)
    print(
        f"[leakscan] {label}: {len(gone)} purged canaries found nowhere; {len(kept)} kept "
        f"canaries all found; {len(terms)} fts terms; {len(blobs)} blob files left"
    )


def purge(s: Scenario, label: str) -> PurgeResult:
    result = purge_delivered(s.pair.f)
    s.log.append(f"{label}: {result.to_json()}")
    wal = s.pair.field.vault.folder / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0, "purge left a non-empty WAL"
    return result


@pytest.fixture
def scenarios() -> Iterator[list[Scenario]]:
    """Scenarios built by a test, closed at its end (vault locks, keys, connections)."""
    made: list[Scenario] = []
    yield made
    for s in made:
        s.pair.field.vault.close()
        s.pair.hq.vault.close()


# --- the tests ---------------------------------------------------------------------------------


def test_purged_text_survives_nowhere(tmp_path: Path, scenarios: list[Scenario]) -> None:
    s, people, testimonies = build(tmp_path)
    scenarios.append(s)
    c = s.canaries
    # after export 1: edits and new records stay undelivered through round 1
    stay = testimonies[-3:]
    for record_id in stay:
        edit_testimony(s, record_id, ROUND2, 2)
    c.set_fate([t for r in stay for t in s.written[r]], ROUND2)
    newer = [add_person(s, ROUND2) for _ in range(2)]
    newer += [add_testimony(s, ROUND2, newer[0]), add_testimony(s, ROUND2, people[0])]
    add_evidence(s, ROUND2, newer[2], "text")
    add_draft(s, newer[2], ROUND2)
    assert s.pair.f.records.count() >= 30

    # harness check: every canary is in some decrypted page, none in any file's raw bytes
    before = scan_vault(s, "before purge")
    db_canaries = {x.text for x in c.db}
    assert db_canaries <= before.decrypted, db_canaries - before.decrypted
    assert not before.raw, f"plaintext on disk: {sorted(before.raw)}"
    assert not {x.text for x in c.blob} & before.decrypted  # evidence content: blobs only

    take_receipt(s, 1)
    first = purge(s, "purge 1")
    assert (first.records, first.evidence) == (2 * 12 + 4 - len(stay), 3)
    assert s.pair.f.records.count() == len(stay) + len(newer)
    assert_purged_and_kept(s, "after purge 1", c.of(ROUND1), c.of(ROUND2))

    # round 2: what stayed is exported; then more work that HQ never confirms
    deliver(s)
    live = [add_person(s, LIVE), add_testimony(s, LIVE, newer[0])]
    edit_testimony(s, newer[3], LIVE, 2)
    c.set_fate(s.written[newer[3]], LIVE)
    live.append(newer[3])
    add_evidence(s, LIVE, live[1], "pdf")
    take_receipt(s, 2)
    second = purge(s, "purge 2")
    assert (second.records, second.evidence) == (len(stay) + len(newer) - 1, 1)
    assert {r.id for r in s.pair.f.records.list()} == set(live)
    assert_purged_and_kept(s, "after purge 2", c.of(ROUND1, ROUND2), c.of(LIVE))

    s.pair.field.reopen()  # closing checkpoints and removes the WAL; the next unlock writes
    s.pair.refresh()
    assert_purged_and_kept(s, "after lock and unlock", c.of(ROUND1, ROUND2), c.of(LIVE))
    print("[leakscan] " + "; ".join(s.log))


class SkippingConnection:
    """A connection that ignores the statements named in ``skip`` (the negative control)."""

    def __init__(self, conn: Connection, skip: tuple[str, ...]) -> None:
        self._conn = conn
        self._skip = skip

    def execute(self, sql: str, *args: Any) -> Any:
        if any(part in sql for part in self._skip):
            return self._conn.execute("SELECT 0, 0, 0")  # what a finished checkpoint says
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


OPTIMIZE = "'optimize'"
CHECKPOINT = "wal_checkpoint"


def leftovers_by_file(s: Scenario, found: Findings) -> dict[str, int]:
    """Purged canaries still found, counted by the file they were found in."""
    files: dict[str, set[str]] = {}
    for c in s.canaries.db:
        for needle in c.needles:
            for hit in found.result.hits[needle]:
                files.setdefault(hit.file, set()).add(c.text)
    return {name: len(texts) for name, texts in sorted(files.items())}


@pytest.mark.parametrize(
    ("skip", "secure_delete", "where"),
    [
        ((OPTIMIZE, CHECKPOINT), True, "vault.db-wal"),  # old page images in the WAL
        ((CHECKPOINT,), True, "vault.db-wal"),
        ((OPTIMIZE,), True, "vault.db"),  # FTS5 segments behind contentless-delete tombstones
        ((), False, "vault.db"),  # deleted cells and free pages not zeroed
    ],
    ids=["delete-only", "no-checkpoint", "no-optimize", "secure-delete-off"],
)
def test_every_purge_step_matters(
    tmp_path: Path,
    scenarios: list[Scenario],
    skip: tuple[str, ...],
    secure_delete: bool,
    where: str,
) -> None:
    """Leave one step of the recipe out and the same scanner finds purged text, although
    through SQL (records, fts5vocab, search) the purge looks complete."""
    s, _people, _testimonies = build(tmp_path, persons=4)
    scenarios.append(s)
    take_receipt(s, 1)
    ctx: ExchangeContext = dataclasses.replace(
        s.pair.f, conn=SkippingConnection(s.pair.f.conn, skip)
    )
    if not secure_delete:
        s.pair.f.conn.execute("PRAGMA secure_delete = OFF").fetchall()
    result = purge_delivered(ctx)
    assert (result.records, result.evidence) == (12, 3)
    assert s.pair.f.records.count() == 0
    terms = fts_terms(s.pair.f.conn)
    assert not [x for x in s.canaries.db if in_index(x, terms)]
    assert search(s.pair.f.conn, s.canaries.db[0].text) == []
    found = scan_vault(s, f"variant without {' and '.join(skip) or 'secure_delete'}")
    by_file = leftovers_by_file(s, found)
    print(f"[leakscan] purged canaries still found, by file: {by_file}")
    assert by_file.get(where, 0) >= 5, by_file
    assert not found.raw


def test_a_reader_blocking_the_checkpoint_is_reported(
    tmp_path: Path, scenarios: list[Scenario]
) -> None:
    """Another connection in the middle of a read keeps the WAL from being emptied: the purge
    says so (PURGE_INCOMPLETE) instead of claiming success, and purging again finishes."""
    s, _people, _testimonies = build(tmp_path, persons=4)
    scenarios.append(s)
    take_receipt(s, 1)
    s.pair.f.conn.execute("PRAGMA busy_timeout = 200").fetchall()  # not 10 s in a test
    reader = s.pair.field.vault.connect()  # e.g. a worker thread's connection
    rows = reader.execute("SELECT id FROM records")
    rows.fetchone()  # an unfinished query holds a read transaction open
    with pytest.raises(PurgeIncompleteError) as failure:
        purge_delivered(s.pair.f)
    assert failure.value.code == "PURGE_INCOMPLETE"
    assert s.pair.f.records.count() == 0  # the deletions are committed
    stuck = leftovers_by_file(s, scan_vault(s, "purge blocked by a reader"))
    print(f"[leakscan] purged canaries still found, by file: {stuck}")
    assert stuck.get("vault.db-wal", 0) >= 5, stuck
    rows.close()
    reader.close()
    again = purge(s, "purge again")
    assert (again.records, again.evidence) == (0, 0)
    assert_purged_and_kept(s, "after purging again", s.canaries.db, [])


def test_decryptor_agrees_with_sqlcipher(tmp_path: Path) -> None:
    """The page format in tests/leakscan.py, checked against the SQLCipher that fielddoc uses:
    the decrypted header of page 1 holds what SQLCipher reports, a row written through
    SQLCipher is found in a page and not in the raw file, a wrong key or a changed byte fails
    authentication instead of passing as 'nothing found'."""
    key = secrets.token_bytes(32)
    db = tmp_path / "vault.db"
    conn = connect(db, key, create=True)  # fielddoc's recipe: raw key, WAL, secure_delete
    word = Canary("Өмүрбекова", f"{secrets.randbelow(10**24):024d}", LIVE, "probe", True)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (narrative(word.text, 9000),))  # overflow pages
    conn.execute("PRAGMA user_version = 7")
    assert conn.execute("PRAGMA cipher_page_size").fetchone()[0] == str(PAGE_SIZE)
    in_wal = list(scan_pages(db, key))
    assert {p.kind for p in in_wal} == {"db", "wal"}
    assert any(p.kind == "wal" and p.pgno == 1 for p in in_wal)  # page 1 frames: salt too
    assert any(word.text.encode() in p.data for p in in_wal if p.kind == "wal")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    page_count = conn.execute("PRAGMA page_count").fetchone()[0]
    schema_version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.close()

    pages = list(decrypted_pages(db, key))
    header = pages[0]
    assert header[:16] == b"SQLite format 3\x00"
    assert int.from_bytes(header[16:18], "big") == PAGE_SIZE
    assert header[20] == RESERVE == 80  # 16-byte IV + 64-byte HMAC-SHA512
    assert int.from_bytes(header[28:32], "big") == page_count == len(pages)
    assert int.from_bytes(header[40:44], "big") == schema_version
    assert int.from_bytes(header[60:64], "big") == 7
    raw = db.read_bytes()
    assert not raw.startswith(b"SQLite format 3")  # the salt is there instead
    found = scan(tmp_path, key, list(word.needles))
    assert all(any(h.decrypted for h in found.hits[n]) for n in word.needles[1:])
    assert not any(not h.decrypted for hits in found.hits.values() for h in hits)

    with pytest.raises(LeakScanError):
        list(decrypted_pages(db, bytes(32)))
    damaged = bytearray(raw)
    damaged[PAGE_SIZE + 100] ^= 1
    db.write_bytes(bytes(damaged))
    with pytest.raises(LeakScanError):
        list(decrypted_pages(db, key))
