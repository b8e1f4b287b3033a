"""Key cards: how a field device and HQ learn each other's public keys.

A card is a short UTF-8 text file::

    fielddoc key card
    version: 1
    name: Aigul, laptop 2
    role: field
    age-recipient: age1...
    minisign-public-key: RW...
    fingerprint: 48213 09172 55310 77241 01986 33412 90871 26655
    signature: <base64 Ed25519 signature>

The fingerprint is 40 decimal digits (8 groups of 5, about 133 bits) taken from the SHA-256
of the canonical JSON of ``{format, version, name, role, age_recipient, minisign_public_key}``:
digits read aloud the same way in any language, so two people can compare them over a call.
The signature, by the card's own signing key over the same canonical JSON, proves the holder
of the signing key also chose the age recipient.

Importing a card requires the fingerprint obtained through another channel; a card whose
fingerprint differs, whose signature fails, or whose role is not the other side's is refused.

Errors: :class:`CardError` (code ``CARD_INVALID``) for a malformed card or bad signature,
:class:`FingerprintMismatchError` (``FINGERPRINT_MISMATCH``), :class:`CardNotFoundError`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from fielddoc import audit
from fielddoc.canonical import canonical_json
from fielddoc.crypto import age, minisign
from fielddoc.errors import FielddocError, InputError, RoleError
from fielddoc.exchange.identity import OwnKeys
from fielddoc.ids import new_id, utc_now
from fielddoc.vault.connection import Connection, transaction

HEADER = "fielddoc key card"
VERSION = 1
MAX_CARD_BYTES = 4096
MAX_NAME = 100
_FIELDS = (
    "version",
    "name",
    "role",
    "age-recipient",
    "minisign-public-key",
    "fingerprint",
    "signature",
)


class CardError(FielddocError):
    code = "CARD_INVALID"


class FingerprintMismatchError(FielddocError):
    code = "FINGERPRINT_MISMATCH"


class CardNotFoundError(FielddocError):
    code = "CARD_NOT_FOUND"


@dataclass(frozen=True)
class KeyCard:
    name: str
    role: str
    age_recipient: str
    minisign_public_key: minisign.PublicKey
    signature: bytes = b""

    def body(self) -> bytes:
        return canonical_json(
            {
                "format": "fielddoc-key-card",
                "version": VERSION,
                "name": self.name,
                "role": self.role,
                "age_recipient": self.age_recipient,
                "minisign_public_key": self.minisign_public_key.to_base64(),
            }
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.body())

    @property
    def key_id(self) -> str:
        return self.minisign_public_key.key_id_hex

    def to_text(self) -> str:
        lines = [
            HEADER,
            f"version: {VERSION}",
            f"name: {self.name}",
            f"role: {self.role}",
            f"age-recipient: {self.age_recipient}",
            f"minisign-public-key: {self.minisign_public_key.to_base64()}",
            f"fingerprint: {self.fingerprint}",
            f"signature: {base64.b64encode(self.signature).decode('ascii')}",
        ]
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "role": self.role,
            "fingerprint": self.fingerprint,
            "age_recipient": self.age_recipient,
            "minisign_public_key": self.minisign_public_key.to_base64(),
            "key_id": self.key_id,
        }


def fingerprint_of(body: bytes) -> str:
    digits = f"{int.from_bytes(hashlib.sha256(body).digest(), 'big') % 10**40:040d}"
    return " ".join(digits[i : i + 5] for i in range(0, 40, 5))


def normalise_fingerprint(text: str) -> str:
    """Digits only, grouped; what a person typed with spaces, dashes or none."""
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    if len(digits) != 40:
        raise InputError("A fingerprint has 40 digits (8 groups of 5).")
    return " ".join(digits[i : i + 5] for i in range(0, 40, 5))


def clean_name(name: str) -> str:
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned or len(cleaned) > MAX_NAME:
        raise InputError(f"A card name has 1 to {MAX_NAME} characters.")
    if any(unicodedata.category(ch).startswith("C") for ch in cleaned):
        raise InputError("A card name cannot contain control characters.")
    return cleaned


def own_card(keys: OwnKeys, *, name: str, role: str) -> KeyCard:
    card = KeyCard(
        name=clean_name(name or "fielddoc"),
        role=role,
        age_recipient=keys.age.recipient,
        minisign_public_key=keys.public_key,
    )
    private = Ed25519PrivateKey.from_private_bytes(keys.signing.seed)
    return KeyCard(
        card.name,
        card.role,
        card.age_recipient,
        card.minisign_public_key,
        private.sign(card.body()),
    )


def parse_card(data: bytes | str) -> KeyCard:
    """Parse and self-verify a card; :class:`CardError` on anything wrong."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_CARD_BYTES:
        raise CardError("This is not a fielddoc key card (too large).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CardError("This is not a fielddoc key card.") from None
    lines = [line.rstrip("\r") for line in text.split("\n") if line.strip()]
    if not lines or lines[0].strip() != HEADER:
        raise CardError("This is not a fielddoc key card.")
    fields: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in _FIELDS or key in fields:
            raise CardError("The key card is damaged.")
        fields[key] = value.strip()
    if set(fields) != set(_FIELDS) or fields["version"] != str(VERSION):
        raise CardError("The key card is damaged or from another version.")
    if fields["role"] not in ("field", "hq"):
        raise CardError("The key card has an unknown role.")
    try:
        public = minisign.PublicKey.from_text(fields["minisign-public-key"])
        recipient = age.check_recipient(fields["age-recipient"])
        name = clean_name(fields["name"])
        signature = base64.b64decode(fields["signature"], validate=True)
    except (InputError, binascii.Error, ValueError):
        raise CardError("The key card is damaged.") from None
    card = KeyCard(name, fields["role"], recipient, public, signature)
    try:
        Ed25519PublicKey.from_public_bytes(public.key).verify(signature, card.body())
    except (InvalidSignature, ValueError):
        raise CardError("The key card's signature does not match its contents.") from None
    try:
        printed = normalise_fingerprint(fields["fingerprint"])
    except InputError:
        printed = ""
    if printed != card.fingerprint:
        raise CardError("The key card's printed fingerprint does not match its keys.")
    return card


def read_card_file(path: Path) -> KeyCard:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError:
        raise InputError("The card file cannot be read.") from None
    return parse_card(data)


@dataclass(frozen=True)
class StoredCard:
    id: str
    card: KeyCard
    imported_at: str
    revoked_at: str | None

    def to_json(self) -> dict[str, object]:
        return {
            **self.card.to_json(),
            "imported_at": self.imported_at,
            "revoked": self.revoked_at is not None,
            "revoked_at": self.revoked_at,
        }


def import_card(
    conn: Connection,
    card: KeyCard,
    fingerprint: str,
    *,
    own_role: str,
    vault_id: str,
    device: str,
) -> tuple[StoredCard, bool]:
    """Register ``card`` after the user confirmed ``fingerprint``. Returns (card, created)."""
    if normalise_fingerprint(fingerprint) != card.fingerprint:
        raise FingerprintMismatchError(
            "The fingerprint you entered does not match this card; do not use it and check "
            "with its owner."
        )
    expected = "hq" if own_role == "field" else "field"
    if card.role != expected:
        raise RoleError(f"A {own_role} vault imports {expected} cards only.")
    existing = conn.execute("SELECT id FROM cards WHERE key_id = ?", (card.key_id,)).fetchone()
    if existing is not None:
        return get_card(conn, existing[0]), False
    clash = conn.execute(
        "SELECT 1 FROM cards WHERE name = ? AND revoked_at IS NULL", (card.name,)
    ).fetchone()
    if clash is not None:
        raise InputError("A card with this name is already registered.")
    card_id = new_id()
    with transaction(conn):
        conn.execute(
            "INSERT INTO cards (id, name, role, age_recipient, minisign_public_key, key_id, "
            "fingerprint, card_text, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                card_id,
                card.name,
                card.role,
                card.age_recipient,
                card.minisign_public_key.to_base64(),
                card.key_id,
                card.fingerprint,
                card.to_text(),
                utc_now(),
            ),
        )
        audit.append(
            conn,
            vault_id=vault_id,
            device=device,
            action="card_import",
            object_id=card_id,
            detail={"role": card.role, "key_id": card.key_id},
        )
    return get_card(conn, card_id), True


def _stored(row: tuple[str, str, str, str | None]) -> StoredCard:
    return StoredCard(row[0], parse_card(row[1]), row[2], row[3])


def get_card(conn: Connection, card_id: str) -> StoredCard:
    row = conn.execute(
        "SELECT id, card_text, imported_at, revoked_at FROM cards WHERE id = ?", (card_id,)
    ).fetchone()
    if row is None:
        raise CardNotFoundError("No card with this id.")
    return _stored(row)


def list_cards(
    conn: Connection, *, role: str | None = None, active: bool = False
) -> list[StoredCard]:
    sql = "SELECT id, card_text, imported_at, revoked_at FROM cards"
    clauses, params = [], []
    if role is not None:
        clauses.append("role = ?")
        params.append(role)
    if active:
        clauses.append("revoked_at IS NULL")
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return [_stored(row) for row in conn.execute(sql + " ORDER BY name", params)]


def find_by_name(conn: Connection, name: str) -> StoredCard:
    row = conn.execute(
        "SELECT id, card_text, imported_at, revoked_at FROM cards WHERE name = ? "
        "ORDER BY revoked_at IS NOT NULL LIMIT 1",
        (clean_name(name),),
    ).fetchone()
    if row is None:
        raise CardNotFoundError("No card has this name.")
    return _stored(row)


def find_by_key_id(conn: Connection, key_id: str) -> StoredCard | None:
    row = conn.execute(
        "SELECT id, card_text, imported_at, revoked_at FROM cards WHERE key_id = ?", (key_id,)
    ).fetchone()
    return None if row is None else _stored(row)


def revoke(conn: Connection, name: str, *, vault_id: str, device: str) -> StoredCard:
    """Stop trusting a card: its bundles or receipts are refused from now on."""
    stored = find_by_name(conn, name)
    if stored.revoked_at is None:
        with transaction(conn):
            conn.execute("UPDATE cards SET revoked_at = ? WHERE id = ?", (utc_now(), stored.id))
            audit.append(
                conn,
                vault_id=vault_id,
                device=device,
                action="card_revoke",
                object_id=stored.id,
                detail={"key_id": stored.card.key_id},
            )
    return get_card(conn, stored.id)
