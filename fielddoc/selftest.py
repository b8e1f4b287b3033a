"""``--self-test``: run the whole pipeline of this build once, in a throw-away folder.

Meant for an installed (frozen) build, where a missing library, a plugin left out by the
freezer or an unreadable resource would otherwise surface only in the field. The steps follow
a monitor's and HQ's real path: create a field vault at the first schema version, unlock it
(which migrates it), create an HQ vault, exchange cards, write a record with Cyrillic text,
ingest and verify an evidence file, export a bundle, verify and import it at HQ, write and
import the receipt, purge, run the integrity checks, then erase both vaults and remove the
folder.

Invariants:
- Nothing outside the temporary folder is read or written, and the folder is removed in every
  case (success, failure, Ctrl+C). The data are synthetic; no real vault is touched.
- The passphrase is random and lives only in this process; KDF parameters are the floor, never
  below it (the self-test is reachable by users, so it follows the same rule as they do).
- A failing step stops the run; its report line carries the step name and the error code only
  (typed errors) or the exception type (anything else) -- never content or a secret.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fielddoc.checks import run_checks
from fielddoc.crypto.kdf import FLOOR, KdfParams
from fielddoc.errors import FielddocError, VaultErasedError
from fielddoc.exchange import cards
from fielddoc.exchange.context import ExchangeContext, exchange_context
from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.importer import import_bundle, verify_bundle
from fielddoc.exchange.purge import purge_delivered
from fielddoc.exchange.receipts import import_receipt
from fielddoc.fsutil import make_private_dir
from fielddoc.records.search import search
from fielddoc.vault import migrations
from fielddoc.vault.panic import erase
from fielddoc.vault.vault import Vault, create_vault, open_vault

Report = Callable[[str], None]

NARRATIVE = "Сотрудники в штатском изъяли ноутбуки и телефоны."
PERSON = "Абдуллаев Нурлан"
EVIDENCE_BYTES = 3 * 1024 * 1024 + 123  # several encryption chunks and a short last one


class SelfTestError(FielddocError):
    """A self-test step found a wrong result (not an exception from the code under test)."""

    code = "SELF_TEST_FAILED"


def _expect(condition: bool, what: str) -> None:
    # ``what`` is a fixed description written in this module, never data
    if not condition:
        raise SelfTestError(what)


@dataclass
class _Run:
    base: Path
    passphrase: str
    kdf: KdfParams
    field_vault: Vault | None = None
    hq_vault: Vault | None = None
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def f(self) -> ExchangeContext:
        assert self.field_vault is not None  # noqa: S101 -- steps run in order
        return exchange_context(self.field_vault)

    @property
    def h(self) -> ExchangeContext:
        assert self.hq_vault is not None  # noqa: S101 -- steps run in order
        return exchange_context(self.hq_vault)

    # -- steps, in the order they run ------------------------------------------------------

    def create_field_vault(self) -> None:
        vault, _code = create_vault(
            self.base / "field",
            self.passphrase,
            role="field",
            name="self-test field",
            kdf=self.kdf,
            floor=self.kdf,
            schema_target=1,  # an old vault, so the next step really migrates
        )
        _expect(migrations.current_version(vault.conn) == 1, "new vault not at schema 1")
        vault.close()

    def unlock_and_migrate(self) -> None:
        vault = open_vault(self.base / "field", self.passphrase, floor=self.kdf)
        self.field_vault = vault
        latest = migrations.latest_version()
        _expect(migrations.current_version(vault.conn) == latest, "vault not migrated")

    def create_hq_vault(self) -> None:
        vault, _code = create_vault(
            self.base / "hq",
            self.passphrase,
            role="hq",
            name="self-test HQ",
            kdf=self.kdf,
            floor=self.kdf,
        )
        self.hq_vault = vault

    def exchange_cards(self) -> None:
        f, h = self.f, self.h
        cards.import_card(
            f.conn, h.card, h.card.fingerprint, own_role="field", vault_id=f.vault_id,
            device=f.device_id,
        )  # fmt: skip
        cards.import_card(
            h.conn, f.card, f.card.fingerprint, own_role="hq", vault_id=h.vault_id,
            device=h.device_id,
        )  # fmt: skip

    def write_records(self) -> None:
        f = self.f
        person = f.records.create("person", {"name": PERSON})
        testimony = f.records.create(
            "testimony",
            {"title": "Обыск", "narrative": NARRATIVE, "interviewee": person.id},
        )
        self.ids.update(person=person.id, testimony=testimony.id)
        # the Latin spelling finds the Cyrillic name: FTS5 and transliteration keys work
        hits = [hit.id for hit in search(f.conn, "Abdullaev")]
        _expect(hits == [person.id], "search across scripts failed")

    def ingest_evidence(self) -> None:
        source = self.base / "input" / "evidence.bin"
        make_private_dir(source.parent)
        source.write_bytes(os.urandom(EVIDENCE_BYTES))
        item = self.f.evidence.ingest(source, record_id=self.ids["testimony"])
        self.ids["evidence"] = item.id
        self.ids["source"] = str(source)
        results = self.f.evidence.verify([item.id])
        _expect(all(result.ok for result in results), "evidence did not verify")

    def export_bundle(self) -> None:
        bundle = self.base / "exchange" / "bundle.fdbundle"
        make_private_dir(bundle.parent)
        result = write_bundle(self.f, bundle)
        self.ids["bundle"] = str(bundle)
        self.ids["bundle_id"] = result.bundle_id
        _expect(result.evidence == 1 and result.revisions == 2, "bundle content wrong")

    def verify_bundle(self) -> None:
        report = verify_bundle(self.h, Path(self.ids["bundle"]))
        _expect(report.ok, "bundle did not verify")
        _expect(self.h.records.count() == 0, "verify wrote records")

    def import_bundle(self) -> None:
        h = self.h
        receipts = self.base / "exchange" / "receipts"
        report = import_bundle(h, Path(self.ids["bundle"]), receipts_dir=receipts)
        _expect(report.ok and report.imported, "bundle was not imported")
        body = h.records.get(self.ids["testimony"]).body
        _expect(body.get("narrative") == NARRATIVE, "imported text differs")
        with h.evidence.open_reader(self.ids["evidence"]) as reader:
            same = reader.read() == Path(self.ids["source"]).read_bytes()
        _expect(same, "imported evidence differs")
        self.ids["receipt"] = str(receipts / f"{self.ids['bundle_id']}.fdreceipt")

    def receipt_and_purge(self) -> None:
        f = self.f
        result = import_receipt(f, Path(self.ids["receipt"]))
        _expect(result.delivered > 0, "receipt confirmed nothing")
        purged = purge_delivered(f)
        _expect((purged.records, purged.evidence) == (2, 1), "purge removed the wrong items")
        _expect(f.records.count() == 0, "records left after purge")
        _expect(not any(f.blobs_dir.iterdir()), "evidence blobs left after purge")

    def integrity_checks(self) -> None:
        for vault in (self.field_vault, self.hq_vault):
            assert vault is not None  # noqa: S101 -- steps run in order
            _expect(all(check.ok for check in run_checks(vault)), "integrity check failed")

    def erase_vaults(self) -> None:
        for name, vault in (("field", self.field_vault), ("hq", self.hq_vault)):
            erase(self.base / name, vault)
        self.field_vault = self.hq_vault = None
        try:
            open_vault(self.base / "field", self.passphrase, floor=self.kdf)
        except VaultErasedError:
            return
        raise SelfTestError("an erased vault opened")

    def close(self) -> None:
        for vault in (self.field_vault, self.hq_vault):
            if vault is not None:
                # the folder is removed next; a failed close must not hide the first failure
                with contextlib.suppress(FielddocError):
                    vault.close()


STEPS: tuple[tuple[str, Callable[[_Run], None]], ...] = (
    ("create a field vault (first schema)", _Run.create_field_vault),
    ("unlock and migrate", _Run.unlock_and_migrate),
    ("create an HQ vault", _Run.create_hq_vault),
    ("exchange key cards", _Run.exchange_cards),
    ("write records, search across scripts", _Run.write_records),
    ("ingest and verify evidence", _Run.ingest_evidence),
    ("export a bundle", _Run.export_bundle),
    ("verify the bundle at HQ", _Run.verify_bundle),
    ("import the bundle at HQ", _Run.import_bundle),
    ("import the receipt, purge", _Run.receipt_and_purge),
    ("integrity checks", _Run.integrity_checks),
    ("erase both vaults", _Run.erase_vaults),
)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, FielddocError):
        return f"{exc.code}: {exc.message}"
    return type(exc).__name__


def run_self_test(
    report: Report = print,
    *,
    kdf: KdfParams = FLOOR,
    parent: Path | None = None,
) -> bool:
    """Run every step; True when all passed. One line per step goes to ``report``.

    ``kdf`` must meet the floor for users; tests pass cheaper parameters through this argument
    (the core API), as everywhere else. ``parent`` holds the temporary folder (default: the
    system temp folder).
    """
    started = time.perf_counter()
    base = Path(tempfile.mkdtemp(prefix="fielddoc-selftest-", dir=parent))
    run = _Run(base=base, passphrase=" ".join(secrets.token_hex(8) for _ in range(4)), kdf=kdf)
    passed = True
    try:
        for name, step in STEPS:
            began = time.perf_counter()
            try:
                step(run)
            except Exception as exc:  # noqa: BLE001 -- any failure is reported, not raised
                report(f"FAIL {name}: {_describe(exc)}")
                passed = False
                break
            report(f"ok   {name} ({time.perf_counter() - began:.2f} s)")
    finally:
        run.close()
        shutil.rmtree(base, ignore_errors=True)
    if passed and base.exists():
        report("FAIL remove the temporary folder")
        passed = False
    total = time.perf_counter() - started
    verdict = "passed" if passed else "FAILED"
    report(f"self-test {verdict} in {total:.1f} s")
    return passed
