"""The leak suite: 50+ canaries through every flow, then every byte on disk is searched.

One scenario with a field and an HQ vault. Temp files (``TMPDIR``, ``tempfile.tempdir``) and
the home folder (``HOME``, ``XDG_*``) are redirected into folders that are scanned, for this
process and for every ``fielddoc`` command it runs. Canaries (Russian, Kyrgyz, Latin; see
tests/leakscan.py) go into:

- records of every template (titles, names, long texts) and a later revision, through the
  core API; a testimony and a person through the command;
- drafts (one of a delivered record, one of a new record);
- evidence: a text file holding canaries in UTF-8 and UTF-16LE under a canary file name, and
  a PNG with canaries in its EXIF (Software, Make: extracted into the database) and in a
  ``tEXt`` chunk (inside the blob only); through the API and through the command;
- search queries, at the field and at HQ, in process and through the command (a query-only
  canary must end up nowhere);
- export to a bundle, import at HQ, receipts back, purge at the field (API and command).

Then, with each vault's key, tests/leakscan.py decrypts every page of ``vault.db`` and every
WAL frame and greps the raw bytes of every file (WAL, ``-shm``, lock, keyslots, blobs), and
greps raw the temp folder, the home folder and the bundles and receipts (encrypted, so 0
hits), each canary in UTF-8 and UTF-16LE, whole and by its digit tail.

Expected: no canary in any raw byte anywhere; purged canaries in no decrypted page of the
field vault; query-only canaries nowhere, not even decrypted. The harness is checked on the
same files: canaries never delivered are found in the field vault's decrypted pages (and in
its blobs through the evidence reader), and every delivered one in HQ's decrypted pages.
"""

from __future__ import annotations

import io
import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, PngImagePlugin

from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.importer import import_bundle
from fielddoc.records import drafts
from fielddoc.records.search import search
from fielddoc.vault.vault import Vault, open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, run_cli
from tests.exchange_support import Pair, make_pair
from tests.leakscan import (
    REPORT_PROPERTY,
    ScanResult,
    canary_needles,
    grep_tree,
    new_canary,
    scan,
    vault_db_key,
)

DELIVERED, LIVE, QUERY = "delivered", "live", "query"
MIN_CANARIES = 50
FILLER = "Сотрудники в штатском увезли всех в отдел; адвоката не пустили. "


@dataclass(frozen=True)
class Canary:
    text: str
    fate: str  # DELIVERED: exported, confirmed, purged at the field; LIVE: never exported
    place: str
    in_blob: bool = False  # only inside an evidence file's bytes
    exported: bool = True  # a delivered record's draft stays behind (and is purged with it)


@dataclass
class Ledger:
    canaries: list[Canary] = field(default_factory=list)
    flows: list[str] = field(default_factory=list)

    def new(self, fate: str, place: str, *, in_blob: bool = False, exported: bool = True) -> str:
        text = new_canary(len(self.canaries))
        self.canaries.append(Canary(text, fate, place, in_blob, exported))
        return text

    def of(self, fate: str, *, in_blob: bool = False) -> list[Canary]:
        return [c for c in self.canaries if c.fate == fate and c.in_blob == in_blob]

    def needles(self) -> list[str]:
        return [n for c in self.canaries for n in canary_needles(c.text)]


@dataclass
class Scene:
    pair: Pair
    ledger: Ledger
    base: Path
    tmp: Path
    home: Path
    out: Path
    inputs: Path
    env: dict[str, str]
    cli_runs: int = 0

    def cli(self, vault: Path, *args: str) -> Any:
        secret = self.inputs / "pass.txt"
        secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
        result = run_cli(
            "--vault", str(vault), "--passphrase-file", str(secret), *args, "--json", env=self.env
        )
        self.cli_runs += 1
        assert result.returncode == 0, (args, result.stderr.decode())
        return json.loads(result.stdout)

    def json_file(self, body: dict[str, Any]) -> str:
        path = self.inputs / f"body{self.cli_runs}.json"
        path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        return str(path)


def redirect(base: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, dict[str, str]]:
    """Temp and home folders of this process and of its children, inside ``base``."""
    tmp, home = base / "tmp", base / "home"
    tmp.mkdir(mode=0o700)
    home.mkdir(mode=0o700)
    env = {"TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp), "HOME": str(home)}
    for name, sub in (("CONFIG", ".config"), ("DATA", ".local/share"), ("CACHE", ".cache")):
        env[f"XDG_{name}_HOME"] = str(home / sub)
    env["XDG_STATE_HOME"] = str(home / ".local/state")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return tmp, home, env


def long_text(canary: str, size: int = 3000) -> str:
    half = (FILLER * (size // len(FILLER) + 1))[: size // 2]
    return f"{half} {canary} {half}"


def text_evidence(s: Scene, fate: str, how: str) -> Path:
    words = [s.ledger.new(fate, f"{how} evidence text content", in_blob=True) for _ in range(2)]
    body = "\n".join(long_text(w, 2000) for w in words)
    path = s.inputs / f"Показания {s.ledger.new(fate, f'{how} evidence file name')}.txt"
    path.write_bytes(body.encode("utf-8") + body.encode("utf-16-le"))
    return path


def png_evidence(s: Scene, fate: str) -> Path:
    exif = Image.Exif()
    exif[0x0131] = s.ledger.new(fate, "PNG EXIF Software (extracted metadata)")
    exif[0x010F] = s.ledger.new(fate, "PNG EXIF Make (extracted metadata)")
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", s.ledger.new(fate, "PNG tEXt chunk", in_blob=True))
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 30, 30)).save(buffer, "PNG", exif=exif, pnginfo=info)
    path = s.inputs / f"Фото {s.ledger.new(fate, 'PNG file name')}.png"
    path.write_bytes(buffer.getvalue())
    return path


# --- the flows ----------------------------------------------------------------------------------


def api_records(s: Scene) -> dict[str, str]:
    """One record of every template, canaries in its title and every long text; a revision;
    drafts."""
    records, new = s.pair.f.records, s.ledger.new
    made = {}
    for name in records.templates.names():
        template = records.templates.get(name)
        body: dict[str, Any] = {template.title_field: f"{name} {new(DELIVERED, f'{name} title')}"}
        texts = [
            (p, spec)
            for p, spec in template.iter_fields()
            if spec.type == "long_text" and "." not in p
        ]
        for path, spec in texts:  # overflow pages where the template allows
            size = min(4000, (spec.max_length or 4000) - 100)
            body[path] = long_text(new(DELIVERED, f"{name}.{path}"), size)
        made[name] = records.create(name, body).id
    testimony = records.get(made["testimony"])
    edited = dict(testimony.body, summary=f"Правка: {new(DELIVERED, 'testimony revision 2')}")
    records.edit(testimony.summary.id, edited, base_revision=testimony.summary.head_revision)
    head = records.get(made["incident"]).summary.head_revision
    drafts.save(
        s.pair.f.conn,
        draft_id=None,
        template="incident",
        body={"narrative": new(DELIVERED, "draft of a delivered record", exported=False)},
        record_id=made["incident"],
        base_revision=head,
    )
    drafts.save(
        s.pair.f.conn,
        draft_id=None,
        template="testimony",
        body={"title": new(LIVE, "draft of a new record")},
    )
    s.ledger.flows += ["records x7 templates + revision (API)", "drafts (API)"]
    return made


def api_evidence_and_search(s: Scene, made: dict[str, str]) -> None:
    evidence = s.pair.f.evidence
    for path in (text_evidence(s, DELIVERED, "API"), png_evidence(s, DELIVERED)):
        evidence.ingest(path, record_id=made["testimony"])
        path.unlink()
    assert all(result.ok for result in evidence.verify())
    first = s.ledger.of(DELIVERED)[0]  # the case's title: stored and indexed
    assert [hit.id for hit in search(s.pair.f.conn, first.text)] == [made["case"]]
    for _ in range(3):
        assert search(s.pair.f.conn, s.ledger.new(QUERY, "search query (API, field)")) == []
    s.ledger.flows += ["evidence text + PNG/EXIF, verify (API)", "search (API)"]


def api_deliver(s: Scene) -> None:
    bundle = s.out / "b1.fdbundle"
    write_bundle(s.pair.f, bundle)
    report = import_bundle(s.pair.h, bundle, receipts_dir=s.out / "receipts")
    assert report.ok and report.imported, report.to_text()
    assert search(s.pair.h.conn, s.ledger.new(QUERY, "search query (API, HQ)")) == []
    s.ledger.flows += ["export, HQ import, receipt written (API)"]


def cli_flows(s: Scene) -> None:
    field, hq, new = s.pair.field.path, s.pair.hq.path, s.ledger.new
    s.pair.field.vault.close()
    s.pair.hq.vault.close()
    body = {
        "title": new(DELIVERED, "CLI testimony title"),
        "narrative": long_text(new(DELIVERED, "CLI testimony narrative")),
        "summary": f"Кыскача: {new(DELIVERED, 'CLI testimony summary')}",
        "follow_up": f"Follow up with {new(DELIVERED, 'CLI testimony follow_up')}",
    }
    added = s.cli(field, "record", "add", "testimony", "--json-file", s.json_file(body))
    s.cli(
        field, "evidence", "add", str(text_evidence(s, DELIVERED, "CLI")), "--record", added["id"]
    )
    assert s.cli(field, "search", new(QUERY, "search query (CLI, field)")) == []
    assert [hit["id"] for hit in s.cli(field, "search", body["title"])] == [added["id"]]
    exported = s.cli(field, "export", "-o", str(s.out / "b2.fdbundle"))
    assert exported["seq"] == 2
    (imported,) = s.cli(
        hq, "import", str(s.out / "b2.fdbundle"), "--receipts-dir", str(s.out / "receipts")
    )
    assert imported["imported"], imported
    assert [hit["id"] for hit in s.cli(hq, "search", body["title"])] == [added["id"]]
    # after the last export: never delivered, must stay
    person = {
        "name": new(LIVE, "CLI person name"),
        "other_names": [{"name": new(LIVE, "CLI person other_names[].name")}],
        "contact": f"тел. через {new(LIVE, 'CLI person contact')}",
        "notes": long_text(new(LIVE, "CLI person notes")),
    }
    s.cli(field, "record", "add", "person", "--json-file", s.json_file(person))
    s.cli(field, "evidence", "add", str(text_evidence(s, LIVE, "CLI live")))
    for receipt in sorted((s.out / "receipts").iterdir()):
        s.cli(field, "receipt", "import", str(receipt))
    purged = s.cli(field, "purge", "--delivered", "--yes")
    assert purged["records"] == 8 and purged["evidence"] == 3, purged
    assert s.cli(field, "check")["ok"]
    s.ledger.flows += [
        "record add, evidence add, search, export (CLI, field)",
        "import + receipts, search (CLI, HQ)",
        "receipt import x2, purge, check (CLI, field)",
    ]


# --- checking -----------------------------------------------------------------------------------


def found_texts(result: ScanResult, canaries: list[Canary], *, decrypted: bool) -> set[str]:
    return {
        c.text
        for c in canaries
        if any(h.decrypted == decrypted for n in canary_needles(c.text) for h in result.hits[n])
    }


def describe(result: ScanResult, texts: set[str]) -> list[str]:
    return [str(h) for t in sorted(texts) for n in canary_needles(t) for h in result.hits[n]][:10]


def unlock(path: Path) -> Vault:
    return open_vault(path, PASSPHRASE, floor=CHEAP_KDF)


def test_canaries_through_every_flow_leave_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record_property: Callable[[str, Any], None]
) -> None:
    started = time.perf_counter()
    tmp, home, env = redirect(tmp_path, monkeypatch)
    out, inputs = tmp_path / "out", tmp_path / "inputs"
    out.mkdir()
    inputs.mkdir()
    pair = make_pair(tmp_path / "vaults")
    s = Scene(pair, Ledger(), tmp_path, tmp, home, out, inputs, env)
    try:
        made = api_records(s)
        api_evidence_and_search(s, made)
        api_deliver(s)
        cli_flows(s)
    finally:
        for handle in (pair.field, pair.hq):
            if handle.vault.is_open:
                handle.vault.close()
    assert len(s.ledger.canaries) >= MIN_CANARIES, len(s.ledger.canaries)
    for leftover in inputs.iterdir():  # plaintext inputs, as the user had them: not scanned
        leftover.unlink()

    everything = s.ledger.canaries
    purged = s.ledger.of(DELIVERED)
    queries = s.ledger.of(QUERY)
    live = s.ledger.of(LIVE)
    field_vault, hq_vault = unlock(pair.field.path), unlock(pair.hq.path)
    try:
        at_field = scan(field_vault.folder, vault_db_key(field_vault), s.ledger.needles())
        at_hq = scan(hq_vault.folder, vault_db_key(hq_vault), s.ledger.needles())
        live_blobs = s.ledger.of(LIVE, in_blob=True)
        contents = b""
        for item in field_vault_evidence(field_vault):
            contents += item
    finally:
        field_vault.close()
        hq_vault.close()
    outside = grep_tree([tmp, home, out], s.ledger.needles())
    # nothing at all was left in the temp or home folders, by this process or the command
    assert not [p for p in [*tmp.rglob("*"), *home.rglob("*")] if not p.is_dir()]

    raw = {
        name: found_texts(result, everything, decrypted=False)
        for name, result in (("field vault", at_field), ("HQ vault", at_hq), ("outside", outside))
    }
    assert not any(raw.values()), {
        k: describe(r, raw[k])
        for k, r in (("field vault", at_field), ("HQ vault", at_hq), ("outside", outside))
    }
    field_plain = found_texts(at_field, everything, decrypted=True)
    gone = {c.text for c in purged + queries} & field_plain
    assert not gone, describe(at_field, gone)
    hq_plain = found_texts(at_hq, everything, decrypted=True)
    assert not {c.text for c in queries} & hq_plain, describe(at_hq, {c.text for c in queries})
    # harness: the same scans find what must be there
    assert {c.text for c in live} <= field_plain, {
        c.place for c in live if c.text not in field_plain
    }
    missing_at_hq = [c.place for c in purged if c.exported and c.text not in hq_plain]
    assert not missing_at_hq, missing_at_hq
    assert all(c.text.encode("utf-16-le") in contents for c in live_blobs)
    control = tmp_path / "control"
    control.mkdir()
    (control / "probe").write_bytes(b"x" + everything[5].text.encode("utf-16-le") + b"y")
    assert grep_tree([control], s.ledger.needles()).found() == set(
        canary_needles(everything[5].text)
    )

    stats = [at_field.stats, at_hq.stats, outside.stats]
    record_property(
        REPORT_PROPERTY,
        f"leak suite: {len(everything)} canaries ({len(purged)} purged, {len(live)} live, "
        f"{len(queries)} query-only; {sum(c.in_blob for c in everything)} only in evidence bytes) "
        f"x utf-8/utf-16le x whole/tail; flows: {'; '.join(s.ledger.flows)}; "
        f"{s.cli_runs} CLI runs; field: {at_field.stats.summary()}; HQ: {at_hq.stats.summary()}; "
        f"temp+home+bundles: {outside.stats.files} files ({', '.join(outside.stats.file_names)}), "
        f"{outside.stats.raw_bytes} bytes; raw hits 0, purged/query hits 0; "
        f"{sum(x.files for x in stats)} files in all; {time.perf_counter() - started:.1f}s",
    )


def field_vault_evidence(vault: Vault) -> list[bytes]:
    """The plaintext of every evidence file left in the field vault, read from memory."""
    from fielddoc.exchange.context import exchange_context

    ctx = exchange_context(vault)
    items = []
    for item in ctx.evidence.items():
        if item.purged:
            continue
        with ctx.evidence.open_reader(item.id) as reader:
            items.append(reader.read())
    return items
