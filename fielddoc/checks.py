"""``fielddoc check``: every integrity check a vault can run on itself.

Checks run on a FRESH connection (DESIGN.md), never the one the application has been
writing with, so they see what is on disk. Each check yields one :class:`CheckResult`; the
vault is healthy only when all pass. Details are counts and ids, never content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sqlcipher3

from fielddoc import audit
from fielddoc.evidence import custody
from fielddoc.evidence.store import EvidenceStore
from fielddoc.records.store import RecordStore, verify_revision_hashes
from fielddoc.vault.connection import Connection
from fielddoc.vault.vault import Vault


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


def _cipher_integrity(conn: Connection, _vault: Vault) -> CheckResult:
    problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    return CheckResult(
        "cipher_integrity",
        not problems,
        "every page authenticates" if not problems else f"{len(problems)} damaged pages",
    )


def _sqlite_integrity(conn: Connection, _vault: Vault) -> CheckResult:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    ok = rows == ["ok"]
    return CheckResult("sqlite_integrity", ok, "ok" if ok else f"{len(rows)} problems")


def _foreign_keys(conn: Connection, _vault: Vault) -> CheckResult:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    return CheckResult("foreign_keys", not rows, "ok" if not rows else f"{len(rows)} broken")


def _audit_chain(conn: Connection, vault: Vault) -> CheckResult:
    bad = audit.verify_chain(conn, vault.vault_id)
    count = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    if bad is None:
        return CheckResult("audit_chain", True, f"{count} entries link and hash correctly")
    return CheckResult("audit_chain", False, f"chain broken at entry {bad}")


def _revision_hashes(conn: Connection, _vault: Vault) -> CheckResult:
    bad = verify_revision_hashes(conn)
    if not bad:
        return CheckResult("revision_hashes", True, "every revision matches its hash")
    return CheckResult("revision_hashes", False, "mismatch: " + ", ".join(bad[:20]))


def _record_heads(conn: Connection, _vault: Vault) -> CheckResult:
    orphans = conn.execute(
        "SELECT count(*) FROM records r LEFT JOIN revisions v ON v.id = r.head_revision "
        "WHERE v.id IS NULL OR v.record_id <> r.id OR v.seq <> r.revision_count"
    ).fetchone()[0]
    return CheckResult(
        "record_heads",
        orphans == 0,
        "every record points at its newest revision"
        if orphans == 0
        else f"{orphans} records inconsistent",
    )


def _custody_chains(conn: Connection, _vault: Vault) -> CheckResult:
    broken = custody.verify_chains(conn)
    if not broken:
        return CheckResult("custody_chains", True, "every custody chain links and hashes correctly")
    return CheckResult("custody_chains", False, "broken: " + ", ".join(broken[:20]))


def _evidence_files(conn: Connection, vault: Vault) -> CheckResult:
    records = RecordStore(conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
    results = EvidenceStore(records, vault.blobs_dir).verify(record_events=False)
    bad = [f"{r.id} ({r.problem})" for r in results if not r.ok]
    held = sum(1 for r in results if r.problem != "purged")
    if not bad:
        return CheckResult("evidence_files", True, f"{held} files decrypt and match their hash")
    return CheckResult("evidence_files", False, "; ".join(bad[:20]))


CHECKS: list[Callable[[Connection, Vault], CheckResult]] = [
    _cipher_integrity,
    _sqlite_integrity,
    _foreign_keys,
    _audit_chain,
    _revision_hashes,
    _record_heads,
    _custody_chains,
    _evidence_files,
]


def run_checks(vault: Vault) -> Iterator[CheckResult]:
    """Run every check on a fresh connection; a check that crashes counts as failed."""
    conn = vault.connect()
    try:
        for check in CHECKS:
            try:
                yield check(conn, vault)
            except sqlcipher3.Error:
                yield CheckResult(
                    check.__name__.strip("_"), False, "the database could not be read"
                )
    finally:
        conn.close()
