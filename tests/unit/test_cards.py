from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fielddoc.errors import InputError, RoleError
from fielddoc.exchange import cards
from fielddoc.exchange.context import exchange_context
from tests.conftest import make_vault


@pytest.fixture
def two(tmp_path: Path) -> tuple[object, object]:
    field = make_vault(tmp_path / "f", role="field", name="Aigul laptop")
    hq = make_vault(tmp_path / "h", role="hq", name="HQ Bishkek")
    return exchange_context(field.vault), exchange_context(hq.vault)


def test_card_text_round_trip_and_fingerprint(two: tuple) -> None:  # type: ignore[type-arg]
    field, _ = two
    card = field.card
    parsed = cards.parse_card(card.to_text())
    assert parsed == card
    groups = card.fingerprint.split()
    assert len(groups) == 8
    assert all(len(g) == 5 and g.isdigit() for g in groups)
    assert f"fingerprint: {card.fingerprint}" in card.to_text()


def test_fingerprint_binds_every_field(two: tuple) -> None:  # type: ignore[type-arg]
    field, hq = two
    card = field.card
    other = cards.KeyCard("Other name", card.role, card.age_recipient, card.minisign_public_key)
    assert other.fingerprint != card.fingerprint
    swapped = cards.KeyCard(card.name, card.role, hq.card.age_recipient, card.minisign_public_key)
    assert swapped.fingerprint != card.fingerprint


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t.replace("role: field", "role: hq"),
        lambda t: t.replace("Aigul laptop", "Aigul laptoq"),
        lambda t: t.replace("fingerprint: ", "fingerprint: 1"),
        lambda t: "\n".join(t.splitlines()[:-1]),
        lambda t: t + "extra: 1\n",
        lambda t: t.replace("fielddoc key card", "some other card"),
        lambda t: t[:40],
        lambda t: "",
    ],
)
def test_damaged_or_forged_cards_are_refused(two: tuple, damage: object) -> None:  # type: ignore[type-arg]
    field, _ = two
    with pytest.raises(cards.CardError):
        cards.parse_card(damage(field.card.to_text()))  # type: ignore[operator]


def test_a_swapped_age_key_breaks_the_signature(two: tuple) -> None:  # type: ignore[type-arg]
    field, hq = two
    forged = field.card.to_text().replace(field.card.age_recipient, hq.card.age_recipient)
    with pytest.raises(cards.CardError):
        cards.parse_card(forged)


@settings(max_examples=200)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_only_raise_card_errors(data: bytes) -> None:
    with pytest.raises(cards.CardError):
        cards.parse_card(data)


def test_import_requires_matching_fingerprint_and_right_role(two: tuple) -> None:  # type: ignore[type-arg]
    field, hq = two
    wrong = "0" * 40
    with pytest.raises(cards.FingerprintMismatchError):
        cards.import_card(
            field.conn,
            hq.card,
            wrong,
            own_role="field",
            vault_id=field.vault_id,
            device=field.device_id,
        )
    with pytest.raises(RoleError):
        cards.import_card(
            field.conn,
            field.card,
            field.card.fingerprint,
            own_role="field",
            vault_id=field.vault_id,
            device=field.device_id,
        )
    typed = hq.card.fingerprint.replace(" ", "-")  # however the person typed it
    stored, created = cards.import_card(
        field.conn,
        hq.card,
        typed,
        own_role="field",
        vault_id=field.vault_id,
        device=field.device_id,
    )
    assert created and stored.card == hq.card
    again, created = cards.import_card(
        field.conn,
        hq.card,
        typed,
        own_role="field",
        vault_id=field.vault_id,
        device=field.device_id,
    )
    assert not created and again.id == stored.id
    assert [c.card.name for c in cards.list_cards(field.conn)] == ["HQ Bishkek"]


def test_revoke(two: tuple) -> None:  # type: ignore[type-arg]
    field, hq = two
    cards.import_card(
        field.conn,
        hq.card,
        hq.card.fingerprint,
        own_role="field",
        vault_id=field.vault_id,
        device=field.device_id,
    )
    revoked = cards.revoke(
        field.conn, "HQ Bishkek", vault_id=field.vault_id, device=field.device_id
    )
    assert revoked.revoked_at is not None
    assert cards.list_cards(field.conn, active=True) == []
    with pytest.raises(cards.CardNotFoundError):
        cards.revoke(field.conn, "Nobody", vault_id=field.vault_id, device=field.device_id)


@pytest.mark.parametrize("name", ["", " ", "a" * 101, "bad\x07name"])
def test_bad_names(name: str) -> None:
    with pytest.raises(InputError):
        cards.clean_name(name)


def test_fingerprint_input_normalisation() -> None:
    digits = "1234567890" * 4
    assert cards.normalise_fingerprint(digits) == " ".join(
        digits[i : i + 5] for i in range(0, 40, 5)
    )
    with pytest.raises(InputError):
        cards.normalise_fingerprint("123")
