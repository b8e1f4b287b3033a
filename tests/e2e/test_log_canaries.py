"""Canaries through every error path: no record content in an error, a log line or a terminal.

Logging is opened wide (every logger at DEBUG into one handler that also formats tracebacks),
warnings are recorded, the content-free exception hook writes into a buffer, and C-level
output is captured. Then canary-bearing input is driven through every error path reachable
from the core API and from the ``fielddoc`` command: invalid, unknown and over-long record
fields (every field type of every template), unknown templates, ids and sensitivity levels,
malformed search queries, settings, drafts, evidence paths named with canaries, key cards,
receipts and bundles whose bytes carry canaries (garbage, and real bundles re-signed with a
canary in a record, in ``bag-info.txt`` or in a file name), and a wrong passphrase containing
one.

For each error, ``str``, ``repr``, ``field``, the formatted traceback (what ``logger.exception``
would write), the hook's line, every log record and warning, and the command's stdout and
stderr must hold no canary (neither whole nor its last 12 digits, which also catches escaped
or ``repr``-ed forms). Every path must fail with a typed error that has a stable code.

Rule applied (DESIGN.md: "no secret or record content ever goes into an exception text or a
log"; fielddoc/errors.py): evidence file names are record content (stored encrypted, purged),
so no exception text and no log line may hold any path or file name, and none does. Output
may repeat a path exactly as the user gave it (a bundle report names its bundle file; the
command names the file of a batch that failed, as typed on its own command line): those
echoes are counted and removed before the search, and anything else still counts as a leak.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from fielddoc import settings
from fielddoc.crypto import age
from fielddoc.errors import FielddocError
from fielddoc.exchange import cards
from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.importer import BundleReport, import_bundle, verify_bundle
from fielddoc.exchange.receipts import import_receipt
from fielddoc.hygiene import describe_exception, install_excepthook
from fielddoc.records import drafts
from fielddoc.records.search import search
from fielddoc.vault.vault import open_vault
from tests.bundle_forge import Forge
from tests.conftest import CHEAP_KDF, PASSPHRASE, run_cli
from tests.exchange_support import Pair, make_pair
from tests.leakscan import REPORT_PROPERTY, canary_needles, new_canary

SAMPLE_VALUES: dict[str, Callable[[str], object]] = {
    # a wrong value of each field type, built around a canary
    "text": lambda c: {c: c},
    "long_text": lambda c: [c],
    "date": lambda c: c,
    "time": lambda c: c,
    "integer": lambda c: c,
    "boolean": lambda c: c,
    "choice": lambda c: c,
    "reference": lambda c: c,
    "group": lambda c: {c: c},
    "entries": lambda c: [{c: c}],
}


@dataclass
class Capture:
    """Everything an error path could leave where someone reads it."""

    records: list[logging.LogRecord] = field(default_factory=list)
    hook: io.StringIO = field(default_factory=io.StringIO)
    texts: dict[str, list[str]] = field(default_factory=dict)  # label -> texts of that path
    codes: dict[str, str] = field(default_factory=dict)  # label -> error code

    echoes: int = 0  # paths the user gave, repeated back to them (allowed, see above)

    def add(self, label: str, *texts: str, given: tuple[str, ...] = ()) -> None:
        kept = []
        for text in texts:
            cleaned = text
            for path in given:
                self.echoes += cleaned.count(path)
                cleaned = cleaned.replace(path, "<path given>")
            kept.append(cleaned)
        self.texts.setdefault(label, []).extend(kept)


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[logging.LogRecord]) -> None:
        super().__init__(logging.DEBUG)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record)


@pytest.fixture
def capture() -> Iterator[Capture]:
    """Root and every known logger at DEBUG into one list; the hygiene excepthook into a buffer."""
    found = Capture()
    handler = _ListHandler(found.records)
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]
    saved = [(lg, lg.level, lg.propagate, lg.disabled) for lg in loggers]
    saved_root = logging.root.level
    saved_hook = sys.excepthook
    logging.root.addHandler(handler)
    logging.root.setLevel(logging.DEBUG)
    for lg in loggers:
        lg.setLevel(logging.NOTSET)
        lg.propagate, lg.disabled = True, False
    install_excepthook(found.hook)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield found
            found.add("warnings", *(str(w.message) for w in caught))
    finally:
        sys.excepthook = saved_hook
        logging.root.removeHandler(handler)
        logging.root.setLevel(saved_root)
        for lg, level, propagate, disabled in saved:
            lg.setLevel(level)
            lg.propagate, lg.disabled = propagate, disabled


class Canaries:
    def __init__(self) -> None:
        self.made: list[str] = []

    def __call__(self) -> str:
        canary = new_canary(len(self.made))
        self.made.append(canary)
        return canary


def expect_error(
    capture: Capture, label: str, action: Callable[..., object], *args: Any, **kwargs: Any
) -> None:
    """Run ``action(*args, **kwargs)``; it must raise a typed error. Keep every text it could
    leave."""
    try:
        action(*args, **kwargs)
    except FielddocError as exc:
        capture.codes[label] = exc.code
        sys.excepthook(type(exc), exc, exc.__traceback__)
        capture.add(
            label,
            str(exc),
            repr(exc),
            exc.field or "",
            describe_exception(exc),
            "".join(traceback.format_exception(exc)),
        )
        return
    except Exception as exc:  # noqa: BLE001 - an untyped error is itself the finding
        pytest.fail(f"{label}: untyped {type(exc).__name__}")
    pytest.fail(f"{label}: no error")


def expect_report(capture: Capture, label: str, report: BundleReport) -> None:
    """Import and verify never raise for a bad bundle: their report is what the user sees."""
    assert not report.ok, label
    capture.codes[label] = report.error_code or "?"
    as_json = json.dumps(report.to_json(), ensure_ascii=False)
    capture.add(
        label, report.to_text(), as_json, given=(report.file, json.dumps(report.file)[1:-1])
    )


# --- the error paths --------------------------------------------------------------------------


def record_errors(capture: Capture, pair: Pair, canary: Callable[[], str]) -> None:
    records = pair.f.records
    templates = records.templates
    for name in templates.names():
        template = templates.get(name)
        title = template.title_field
        expect_error(
            capture,
            f"{name}: unknown field",
            records.create,
            name,
            {title: canary(), canary(): canary()},
        )
        expect_error(
            capture,
            f"{name}: over-long title",
            records.create,
            name,
            {title: canary() * 4000},
        )
        for path, spec in template.iter_fields():
            if "." in path or path == title:
                continue
            wrong = SAMPLE_VALUES[spec.type](canary())
            expect_error(
                capture,
                f"{name}.{path} ({spec.type}): wrong value",
                records.create,
                name,
                {title: canary(), path: wrong},
            )
    expect_error(capture, "unknown template", lambda: records.create(canary(), {"x": canary()}))
    expect_error(capture, "body not an object", lambda: records.create("testimony", [canary()]))
    expect_error(
        capture,
        "unknown sensitivity",
        lambda: records.create("testimony", {"title": canary()}, sensitivity=canary()),
    )
    kept = records.create("testimony", {"title": canary(), "narrative": canary()})
    expect_error(capture, "unknown record id", lambda: records.get(canary()))
    expect_error(capture, "edit unknown id", lambda: records.edit(canary(), {"title": canary()}))
    expect_error(
        capture,
        "edit from a stale revision",
        lambda: records.edit(kept.id, {"title": canary()}, base_revision=canary()),
    )
    expect_error(
        capture, "edit with a bad body", lambda: records.edit(kept.id, {"title": [canary()]})
    )
    for query in ('"{}', "{} NEAR(", "{}*)", "{} AND", "({} OR", "^{}:", "{}\0"):
        text = query.format(canary())
        try:
            search(pair.f.conn, text)
        except FielddocError:
            expect_error(capture, f"search {query!r}", search, pair.f.conn, text)
        else:
            capture.add(f"search {query!r} (accepted)")
    expect_error(
        capture,
        "settings: unknown key",
        lambda: settings.set_value(
            pair.f.conn, canary(), canary(), vault_id=pair.f.vault_id, device=pair.f.device_id
        ),
    )
    for key in settings.SETTINGS:
        expect_error(
            capture,
            f"settings: {key} = canary",
            settings.set_value,
            pair.f.conn,
            key,
            canary(),
            vault_id=pair.f.vault_id,
            device=pair.f.device_id,
        )
    try:
        drafts.save(
            pair.f.conn, draft_id=None, template="testimony", body={"n": canary() * 600_000}
        )
    except ValueError as exc:  # documented: a draft over 16 MiB is refused
        capture.add("draft too large", str(exc), "".join(traceback.format_exception(exc)))
    else:
        pytest.fail("a draft over 16 MiB was kept")


def evidence_errors(capture: Capture, pair: Pair, canary: Callable[[], str], base: Path) -> None:
    evidence = pair.f.evidence
    folder = base / f"Показания {canary()}"
    folder.mkdir()
    missing = folder / f"{canary()}.jpg"
    expect_error(capture, "evidence: missing file", lambda: evidence.ingest(missing))
    expect_error(capture, "evidence: a folder", lambda: evidence.ingest(folder))
    photo = folder / f"Фото {canary()}.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + canary().encode() * 100)
    expect_error(
        capture,
        "evidence: unknown record",
        lambda: evidence.ingest(photo, record_id=canary()),
    )
    unreadable = folder / f"{canary()}.pdf"
    unreadable.write_bytes(b"%PDF-1.7\n" + canary().encode())
    unreadable.chmod(0)
    try:
        if not os.access(unreadable, os.R_OK):  # root reads anything
            expect_error(capture, "evidence: unreadable", lambda: evidence.ingest(unreadable))
    finally:
        unreadable.chmod(0o600)
    kept = evidence.ingest(photo)
    expect_error(capture, "evidence: unknown id", lambda: evidence.get(canary()))
    expect_error(
        capture,
        "evidence: extract over a file",
        lambda: evidence.extract(kept.id, photo),
    )
    expect_error(
        capture,
        "evidence: extract into a missing folder",
        lambda: evidence.extract(kept.id, base / canary() / f"{canary()}.jpg"),
    )


def garbage(canary: Callable[[], str], head: bytes = b"") -> bytes:
    text = " ".join(canary() for _ in range(8))
    return head + text.encode("utf-8") + b"\n" + text.encode("utf-16-le") + os.urandom(300)


def exchange_errors(capture: Capture, pair: Pair, canary: Callable[[], str], base: Path) -> None:
    files = base / "incoming"
    files.mkdir()

    def write(data: bytes, suffix: str) -> Path:
        path = files / f"{canary()}{suffix}"
        path.write_bytes(data)
        return path

    own = pair.f.card.to_text()
    renamed = own.replace(f"name: {pair.f.card.name}\n", f"name: {canary()}\n")
    for label, data in {
        "garbage": garbage(canary),
        "card header + garbage": garbage(canary, cards.HEADER.encode() + b"\n"),
        "a real card renamed": renamed.encode(),
        "a real card + a field": (own + f"note: {canary()}\n").encode(),
    }.items():
        path = write(data, ".fdcard")
        expect_error(capture, f"card: {label}", cards.read_card_file, path)
    expect_error(capture, "card: missing file", lambda: cards.read_card_file(files / canary()))
    expect_error(
        capture,
        "card: wrong fingerprint",
        lambda: cards.import_card(
            pair.f.conn,
            pair.h.card,
            canary(),
            own_role="field",
            vault_id=pair.f.vault_id,
            device=pair.f.device_id,
        ),
    )
    expect_error(capture, "card: name too long", lambda: cards.clean_name(canary() * 20))
    expect_error(capture, "card: unknown name", lambda: cards.find_by_name(pair.f.conn, canary()))

    for label, data in {
        "garbage": garbage(canary),
        "age header + garbage": garbage(canary, b"age-encryption.org/v1\n-> X25519 "),
        "age to the field": age.encrypt_bytes(garbage(canary), [pair.f.card.age_recipient]),
    }.items():
        receipt = write(data, ".fdreceipt")
        expect_error(capture, f"receipt: {label}", import_receipt, pair.f, receipt)
        bundle = write(data, ".fdbundle")
        expect_report(capture, f"bundle: {label}", import_bundle(pair.h, bundle))
        expect_report(capture, f"verify: {label}", verify_bundle(pair.h, bundle))
    expect_report(capture, "bundle: missing file", import_bundle(pair.h, files / canary()))
    expect_error(
        capture,
        "export into a missing folder",
        lambda: write_bundle(pair.f, base / canary() / f"{canary()}.fdbundle"),
    )
    forged_bundles(capture, pair, canary)


def forged_bundles(capture: Capture, pair: Pair, canary: Callable[[], str]) -> None:
    """Real bundles, opened, given canaries and re-signed with the device key."""
    forge = Forge(pair, pair.base / "forged")
    real = forge.export()
    revision = next(p for p in forge.open(real).payload_paths() if "revision" in p)

    def forged(label: str, change: Callable[[Any], None], *, reseal: bool = True) -> None:
        bag = forge.open(real)
        change(bag)
        if reseal:
            bag.reseal(forge.device_key)
        path = forge.save(bag, canary())
        expect_report(capture, f"forged bundle: {label}", import_bundle(pair.h, path))

    def unknown_field(bag: Any) -> None:
        document = json.loads(bag.read(revision))
        document["body"][canary()] = canary()
        bag.write(revision, json.dumps(document, ensure_ascii=False).encode())

    def invalid_value(bag: Any) -> None:
        document = json.loads(bag.read(revision))
        document["body"]["title"] = {canary(): canary()}
        bag.write(revision, json.dumps(document, ensure_ascii=False).encode())

    def info_change(key: str, value: str) -> Callable[[Any], None]:
        return lambda bag: bag.set_info(**{key: value})

    forged("unknown field in a revision", unknown_field)
    forged("invalid title in a revision", invalid_value)
    forged(
        "revision not JSON",
        lambda bag: bag.write(revision, canary().encode() + b"{" + canary().encode()),
    )
    forged("canary file in data/", lambda bag: bag.add(f"data/{canary()}.json", garbage(canary)))
    for key in ("Fielddoc-Bundle-Sequence", "Fielddoc-Bundle-Id"):
        forged(f"bag-info {key}", info_change(key, canary()))
    forged(
        "payload changed, not re-signed",
        lambda bag: bag.write(revision, bag.read(revision) + canary().encode()),
        reseal=False,
    )


def unlock_errors(capture: Capture, pair: Pair, canary: Callable[[], str], base: Path) -> None:
    path = pair.field.path
    pair.field.vault.close()
    try:
        expect_error(
            capture,
            "unlock: wrong passphrase",
            lambda: open_vault(path, f"{PASSPHRASE} {canary()}", floor=CHEAP_KDF),
        )
        expect_error(capture, "unlock: not a vault", lambda: open_vault(base / canary(), canary()))
    finally:
        pair.field.reopen()
        pair.refresh()


# --- the command ------------------------------------------------------------------------------


def cli_errors(capture: Capture, pair: Pair, canary: Callable[[], str], base: Path) -> int:
    pair.field.vault.close()
    pair.hq.vault.close()
    inputs = base / "cli"
    inputs.mkdir()
    secret = inputs / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    dup = canary()
    bodies = {
        "invalid fields": json.dumps({"title": canary() * 4000, canary(): canary()}).encode(),
        "duplicate key": f'{{"title": "x", "{dup}": 1, "{dup}": 2}}'.encode(),
        "not JSON": f'{{"title": "{canary()}", {canary()}'.encode(),
        "not UTF-8": b"\xff\xfe" + canary().encode("utf-16-le"),
        "not an object": json.dumps([canary()]).encode(),
    }
    runs: list[tuple[str, tuple[str, ...], Path]] = []
    for label, data in bodies.items():
        body = inputs / f"{canary()}.json"
        body.write_bytes(data)
        add = ("record", "add", "testimony", "--json-file", str(body))
        runs.append((f"record add: {label}", add, pair.field.path))
    bad = inputs / f"{canary()}.bin"
    bad.write_bytes(garbage(canary))
    wrong = inputs / "wrong.txt"
    wrong.write_text(f"{PASSPHRASE}{canary()}\n", encoding="utf-8")
    field, hq = pair.field.path, pair.hq.path
    runs += [
        (
            "record add: unknown template",
            ("record", "add", canary(), "--json-file", str(bad)),
            field,
        ),
        ("record show: unknown id", ("record", "show", canary()), field),
        ("evidence add: missing", ("evidence", "add", str(inputs / f"{canary()}.jpg")), field),
        ("import: garbage", ("import", str(bad)), hq),
        ("receipt import: garbage", ("receipt", "import", str(bad)), field),
        ("card import: garbage", ("card", "import", str(bad), "--fingerprint", canary()), field),
    ]
    count = 1  # the wrong passphrase below
    for label, args, vault in runs:
        # the JSON error document too, where the failure is about the input's content
        for extra in ((), ("--json",)) if label.startswith("record add") else ((),):
            result = run_cli("--vault", str(vault), "--passphrase-file", str(secret), *args, *extra)
            count += 1
            capture.codes[f"cli {label}"] = f"exit {result.returncode}"
            assert result.returncode != 0, (label, result.stdout)
            assert result.returncode != 70, f"{label}: internal error"  # untyped exception
            paths = tuple(arg for arg in args if arg.startswith("/"))
            capture.add(f"cli {label}", result.stdout.decode(), result.stderr.decode(), given=paths)
    result = run_cli("--vault", str(pair.field.path), "--passphrase-file", str(wrong), "check")
    assert result.returncode == 1 and b"UNLOCK_FAILED" in result.stderr
    capture.add("cli wrong passphrase", result.stdout.decode(), result.stderr.decode())
    pair.field.reopen()
    pair.hq.reopen()
    pair.refresh()
    return count


# --- the test ---------------------------------------------------------------------------------


def leaks(capture: Capture, canaries: list[str]) -> dict[str, list[str]]:
    """Label -> canaries found in what that path left (logs and hook output under "logs")."""
    logged = []
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    for record in capture.records:
        logged.append(formatter.format(record))
        logged.append(repr(record.args))
    capture.add("logs", *logged, capture.hook.getvalue())
    needles = [(c, n) for c in canaries for n in canary_needles(c)]
    found: dict[str, list[str]] = {}
    for label, texts in capture.texts.items():
        joined = "\n".join(texts)
        hit = sorted({c for c, needle in needles if needle in joined})
        if hit:
            found[label] = hit
    return found


def where(capture: Capture, found: dict[str, list[str]]) -> str:
    """The text around each leak, for the failure message."""
    lines = []
    for label, hits in found.items():
        joined = "\n".join(capture.texts[label])
        at = min(i for c in hits for n in canary_needles(c) if (i := joined.find(n)) >= 0)
        lines.append(f"{label}: ...{joined[max(0, at - 80) : at + 60]!r}")
    return "\n".join(lines)


def test_no_canary_in_any_error_log_or_terminal(
    tmp_path: Path,
    capture: Capture,
    capfd: pytest.CaptureFixture[str],
    record_property: Callable[[str, Any], None],
) -> None:
    canary = Canaries()
    pair = make_pair(tmp_path / "vaults")
    try:
        pair.f.records.create("testimony", {"title": canary(), "narrative": canary()})
        record_errors(capture, pair, canary)
        evidence_errors(capture, pair, canary, tmp_path)
        exchange_errors(capture, pair, canary, tmp_path)
        unlock_errors(capture, pair, canary, tmp_path)
        cli_runs = cli_errors(capture, pair, canary, tmp_path)
    finally:
        pair.field.vault.close()
        pair.hq.vault.close()
    out, err = capfd.readouterr()
    capture.add("this process: stdout and stderr", out, err)
    found = leaks(capture, canary.made)
    assert not found, where(capture, found)
    untyped = {label: code for label, code in capture.codes.items() if not code}
    assert not untyped
    # harness: the same search finds a canary that is there
    probe = Capture(texts={"probe": [f"x {canary.made[3]} y", canary.made[7][-12:]]})
    assert leaks(probe, canary.made) == {"probe": sorted([canary.made[3], canary.made[7]])}
    paths = len([label for label in capture.codes if not label.startswith("cli ")])
    record_property(
        REPORT_PROPERTY,
        f"log canaries: {len(canary.made)} canaries through {paths} API error paths and "
        f"{cli_runs} CLI runs; {len(capture.records)} log records, "
        f"{sum(len(t) for t in capture.texts.values())} texts checked; 0 hits "
        f"({capture.echoes} echoes of a path the user gave); codes: "
        f"{sorted(set(capture.codes.values()))}",
    )
