"""Test support for exchange: a field vault and an HQ vault that know each other's cards."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fielddoc.exchange import cards
from fielddoc.exchange.context import ExchangeContext, exchange_context
from tests.conftest import VaultHandle, make_vault


@dataclass
class Pair:
    base: Path
    field: VaultHandle
    hq: VaultHandle
    f: ExchangeContext
    h: ExchangeContext

    def refresh(self) -> None:
        self.f = exchange_context(self.field.vault)
        self.h = exchange_context(self.hq.vault)


def introduce(field: ExchangeContext, hq: ExchangeContext) -> None:
    cards.import_card(
        field.conn,
        hq.card,
        hq.card.fingerprint,
        own_role="field",
        vault_id=field.vault_id,
        device=field.device_id,
    )
    cards.import_card(
        hq.conn,
        field.card,
        field.card.fingerprint,
        own_role="hq",
        vault_id=hq.vault_id,
        device=hq.device_id,
    )


def make_pair(base: Path, *, field_name: str = "Aigul laptop", hq_name: str = "HQ Bishkek") -> Pair:
    base.mkdir(parents=True, exist_ok=True)
    field = make_vault(base / "field", role="field", name=field_name)
    hq = make_vault(base / "hq", role="hq", name=hq_name)
    f, h = exchange_context(field.vault), exchange_context(hq.vault)
    introduce(f, h)
    return Pair(base, field, hq, f, h)


def add_sample_content(pair: Pair, *, evidence_bytes: int = 100_000) -> dict[str, str]:
    """A person, a testimony naming them, and a photo attached to the testimony."""
    person = pair.f.records.create("person", {"name": "Абдуллаев Нурлан"})
    testimony = pair.f.records.create(
        "testimony",
        {
            "title": "Обыск в редакции",
            "narrative": "Сотрудники в штатском изъяли ноутбуки.",
            "interviewee": person.id,
        },
    )
    photo = pair.base / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + os.urandom(evidence_bytes))
    evidence = pair.f.evidence.ingest(photo, record_id=testimony.id)
    return {
        "person": person.id,
        "testimony": testimony.id,
        "evidence": evidence.id,
        "photo": str(photo),
    }
