"""Fuzzing key cards and minisign texts: the small text formats people pass around.

Seeds: a genuine field card (as ``own_card`` writes it), a minisign signature over a tag
manifest, and the matching public key, in both the bare and the ``.pub`` file form.
Mutations are line edits (dropped, repeated, swapped, rewritten lines and values; CR, BOM,
NUL, case) and byte edits. Oracles:

- a card either raises :class:`~fielddoc.exchange.cards.CardError` (or another typed error) or
  parses to exactly the genuine card: its signature covers every field, so no edit may change
  what it says;
- a signature either raises ``SIGNATURE_INVALID`` or verifies with the genuine trusted
  comment over the genuine data; data edits never verify;
- a public key either raises ``BAD_INPUT`` or is exactly the canonical base64 line it was
  read from (a key carries no checksum, so an edited key is just another key).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fielddoc.crypto import age, minisign
from fielddoc.exchange.cards import KeyCard, own_card, parse_card
from fielddoc.exchange.identity import OwnKeys
from tests.fuzz.mutate import mutated_bytes, mutated_lines
from tests.fuzz.support import FuzzLog, attempt, fuzz_settings

KEYS = OwnKeys(signing=minisign.SecretKey.generate(), age=age.generate_identity())
CARD = own_card(KEYS, name="Айгуль, laptop 2", role="field")
CARD_TEXT = CARD.to_text().encode("utf-8")
DATA = b"4f1e...  bagit.txt\n" * 3
COMMENT = "fielddoc-bundle-v1 bundle=x seq=1 recipients=age1 created=2025-01-01T00:00:00.000Z"
SIGNATURE = minisign.sign(KEYS.signing, DATA, trusted_comment=COMMENT).encode("utf-8")
PUBLIC = KEYS.public_key
PUBLIC_TEXTS = {
    "public key line": PUBLIC.to_base64().encode("ascii"),
    "public key file": PUBLIC.to_file_text().encode("ascii"),
}


def _text(draw: st.DrawFn, seed: bytes) -> bytes:
    edited: bytes = draw(mutated_lines(seed) | mutated_bytes(seed))
    return edited


@fuzz_settings(300)
@given(data=st.data())
def test_fuzz_card(fuzz_log: FuzzLog, data: st.DataObject) -> None:
    text = data.draw(st.composite(lambda draw: _text(draw, CARD_TEXT))())
    as_str = data.draw(st.booleans(), label="as str")
    if as_str:  # the GUI hands over pasted text, the CLI a file's bytes
        decoded = text.decode("utf-8", "replace")
        outcome = attempt(lambda: parse_card(decoded), what="parse_card")
    else:
        outcome = attempt(lambda: parse_card(text), what="parse_card")
    fuzz_log.tried("field card (str)" if as_str else "field card (bytes)", outcome)
    if outcome.ok:
        card = outcome.value
        assert isinstance(card, KeyCard)
        assert card == CARD, "an edited card parsed to something other than what was signed"
    else:
        assert outcome.code == "CARD_INVALID", outcome


@fuzz_settings(300)
@given(data=st.data())
def test_fuzz_signature(fuzz_log: FuzzLog, data: st.DataObject) -> None:
    text = data.draw(st.composite(lambda draw: _text(draw, SIGNATURE))())
    edit_data = data.draw(st.integers(0, 3), label="edit the data too") == 0
    signed = data.draw(mutated_bytes(DATA, max_edits=1)) if edit_data else DATA
    parsed = attempt(lambda: minisign.parse_signature(text), what="parse_signature")
    outcome = attempt(lambda: minisign.verify(PUBLIC, signed, text), what="minisign.verify")
    fuzz_log.tried("signature + edited data" if edit_data else "signature", outcome)
    if not parsed.ok:
        assert parsed.code == "SIGNATURE_INVALID", parsed
        assert outcome.code == parsed.code
    if outcome.ok:
        assert outcome.value == COMMENT and signed == DATA
    else:
        assert outcome.code == "SIGNATURE_INVALID", outcome


@fuzz_settings(200)
@given(seed=st.sampled_from(sorted(PUBLIC_TEXTS)), data=st.data())
def test_fuzz_public_key(fuzz_log: FuzzLog, seed: str, data: st.DataObject) -> None:
    text = data.draw(st.composite(lambda draw: _text(draw, PUBLIC_TEXTS[seed]))())
    decoded = text.decode("utf-8", "replace")
    outcome = attempt(lambda: minisign.PublicKey.from_text(decoded), what="PublicKey.from_text")
    fuzz_log.tried(seed, outcome)
    if outcome.ok:  # a key has no checksum: any canonical "Ed" blob is a key, written as read
        key = outcome.value
        assert key.to_base64() in decoded.split()
        assert minisign.PublicKey.from_text(key.to_file_text()) == key
        if PUBLIC.to_base64() in decoded.split():
            assert key == PUBLIC
    else:
        assert outcome.code == "BAD_INPUT", outcome
