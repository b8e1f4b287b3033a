"""What the exchange functions need from an open vault, gathered once per call.

Exchange code runs on one connection (one thread); :func:`exchange_context` builds the record
and evidence stores on that connection, loads (or creates) this vault's keys and reads its
role, so bundle, receipt and purge functions take one argument instead of six.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fielddoc.errors import RoleError
from fielddoc.evidence.store import EvidenceStore
from fielddoc.exchange.cards import KeyCard, own_card
from fielddoc.exchange.identity import OwnKeys, ensure_keys
from fielddoc.records.store import RecordStore
from fielddoc.vault.connection import Connection
from fielddoc.vault.vault import Vault


@dataclass(frozen=True)
class ExchangeContext:
    conn: Connection
    vault_id: str
    device_id: str
    role: str
    name: str
    folder: Path
    blobs_dir: Path
    keys: OwnKeys
    records: RecordStore
    evidence: EvidenceStore

    @property
    def card(self) -> KeyCard:
        return own_card(self.keys, name=self.name, role=self.role)

    def require_role(self, role: str, what: str) -> None:
        if self.role != role:
            raise RoleError(f"{what} is done in a {role} vault.")


def exchange_context(vault: Vault, conn: Connection | None = None) -> ExchangeContext:
    connection = conn if conn is not None else vault.conn
    info = vault.info
    records = RecordStore(connection, vault_id=vault.vault_id, device_id=info.device_id)
    return ExchangeContext(
        conn=connection,
        vault_id=vault.vault_id,
        device_id=info.device_id,
        role=info.role,
        name=info.name,
        folder=vault.folder,
        blobs_dir=vault.blobs_dir,
        keys=ensure_keys(connection),
        records=records,
        evidence=EvidenceStore(records, vault.blobs_dir),
    )
