"""A demo field vault and a demo HQ vault from the fictional samples (screenshots, guides).

No entry describes a real person: records are recombined from tests/fixtures/narratives.jsonl
and names-translit.tsv; the photo is drawn with Pillow.
"""

from __future__ import annotations

import io
from pathlib import Path

from bench.common import names, narratives
from fielddoc.crypto.kdf import KdfParams
from fielddoc.exchange import cards
from fielddoc.exchange.context import exchange_context
from fielddoc.vault.vault import Vault, create_vault

PASSPHRASE = "demo vault passphrase only"
CHEAP = KdfParams(64, 1, 1)  # demo data only: never a real vault


def _photo(path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 420), (214, 196, 176))
    draw = ImageDraw.Draw(image)
    draw.ellipse((230, 120, 420, 300), fill=(150, 60, 80))
    draw.rectangle((40, 360, 600, 380), fill=(90, 90, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())


def fill_field(vault: Vault, folder: Path) -> None:
    ctx = exchange_context(vault)
    people = [ctx.records.create("person", {"name": row[0]}) for row in names()[:8]]
    facility = ctx.records.create("facility", {"name": "ИВС ГУВД (областной центр)"})
    ctx.records.create("organisation", {"name": "Независимое информационное агентство"})
    first = None
    for index, item in enumerate(narratives()):
        body: dict[str, object] = {"title": item["title"], "narrative": item["narrative"]}
        if item["kind"] == "testimony":
            body["interviewee"] = people[index % len(people)].id
        if item["kind"] == "detention_visit":
            body["facility"] = facility.id
            body["visit_date"] = "2024-03-14"
        record = ctx.records.create(item["kind"], body)
        first = first or record
    ctx.records.create(
        "case",
        {
            "title": "Дело журналистов независимого агентства",
            "narrative": "Обвинение в призывах к массовым беспорядкам.",
            "status_timeline": [
                {"date": "2024-01-16", "status": "arrested"},
                {"date": "2024-01-18", "status": "pre_trial_detention"},
                {"date": "2024-03-12", "status": "house_arrest"},
            ],
        },
    )
    photo = folder / "injury-photo.jpg"
    _photo(photo)
    if first is not None:
        ctx.evidence.ingest(photo, record_id=first.id)
    photo.unlink()


def make_demo(folder: Path) -> tuple[Path, Path]:
    """A field vault (with content) and an HQ vault that know each other's cards."""
    folder.mkdir(parents=True, exist_ok=True)
    field, _ = create_vault(
        folder / "field", PASSPHRASE, role="field", name="Aigul, laptop 2", kdf=CHEAP, floor=CHEAP
    )
    hq, _ = create_vault(
        folder / "hq", PASSPHRASE, role="hq", name="HQ Bishkek", kdf=CHEAP, floor=CHEAP
    )
    f, h = exchange_context(field), exchange_context(hq)
    cards.import_card(
        f.conn,
        h.card,
        h.card.fingerprint,
        own_role="field",
        vault_id=f.vault_id,
        device=f.device_id,
    )
    cards.import_card(
        h.conn, f.card, f.card.fingerprint, own_role="hq", vault_id=h.vault_id, device=h.device_id
    )
    fill_field(field, folder)
    field.close()
    hq.close()
    return folder / "field", folder / "hq"
