"""The ``keyslots`` file: the vault key (DEK) wrapped once per way in.

Format (UTF-8 JSON, documented in docs/formats/vault.md)::

    {"format": "fielddoc-keyslots", "version": 1, "vault_id": "<uuid>",
     "slots": [{"kind": "passphrase" | "recovery",
                "kdf": {"algorithm": "argon2id", "memory_kib": .., "iterations": .., "lanes": ..},
                "keyfile": false, "salt": "<b64>", "nonce": "<b64>", "wrapped_key": "<b64>"}]}

Each slot wraps the 32-byte DEK with AES-256-GCM under Argon2id(secret, salt), with the
SHA-256 of the optional key file as Argon2id's secret input (``pepper``). Whether a key file
is needed is deliberately NOT recorded: ``keyfile`` stays ``false`` in every slot written (the
field exists for format version 1), so a seized disk does not tell anyone to look for a USB
stick; a missing or wrong key file gives the same generic unlock error as a wrong passphrase.
The
associated data is the canonical JSON of the slot header (format, version, vault id, kind,
KDF parameters, key-file flag, salt), so none of those can be altered without the slot failing
to open.

Failure behaviour: a file that is not a well-formed keyslots document raises
:class:`~fielddoc.errors.VaultCorruptError`; a secret that opens no slot raises
:class:`~fielddoc.errors.UnlockError` (one generic message, whatever the cause).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fielddoc.canonical import canonical_json
from fielddoc.crypto.kdf import KEY_BYTES, SALT_BYTES, KdfParams, derive_key
from fielddoc.errors import KdfParameterError, UnlockError, VaultCorruptError
from fielddoc.fsutil import atomic_write
from fielddoc.ids import is_id

FORMAT = "fielddoc-keyslots"
VERSION = 1
NONCE_BYTES = 12
MAX_FILE_BYTES = 64 * 1024
SlotKind = Literal["passphrase", "recovery"]
_KINDS: tuple[SlotKind, ...] = ("passphrase", "recovery")


@dataclass(frozen=True)
class Slot:
    kind: SlotKind
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    keyfile: bool = False

    def header(self, vault_id: str) -> bytes:
        """Associated data binding this slot to its vault and parameters."""
        return canonical_json(
            {
                "format": FORMAT,
                "version": VERSION,
                "vault_id": vault_id,
                "kind": self.kind,
                "kdf": self.kdf.to_json(),
                "keyfile": self.keyfile,
                "salt": _b64(self.salt),
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "keyfile": self.keyfile,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }


@dataclass(frozen=True)
class Keyslots:
    vault_id: str
    slots: tuple[Slot, ...]

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "slots": [slot.to_json() for slot in self.slots],
        }
        return json.dumps(document, indent=1, ensure_ascii=True).encode("ascii") + b"\n"

    def of_kind(self, kind: SlotKind) -> tuple[Slot, ...]:
        return tuple(slot for slot in self.slots if slot.kind == kind)

    def replacing(self, kind: SlotKind, new_slot: Slot) -> Keyslots:
        """A copy where every slot of ``kind`` is replaced by ``new_slot``."""
        kept = tuple(slot for slot in self.slots if slot.kind != kind)
        return replace(self, slots=(*kept, new_slot))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None) -> bytes:
    if not isinstance(text, str):
        raise VaultCorruptError("The vault's key file is damaged.")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise VaultCorruptError("The vault's key file is damaged.") from None
    if size is not None and len(data) != size:
        raise VaultCorruptError("The vault's key file is damaged.")
    return data


def wrap(
    dek: bytes,
    vault_id: str,
    kind: SlotKind,
    secret: bytes,
    params: KdfParams,
    *,
    pepper: bytes | None = None,
) -> Slot:
    """A new slot wrapping ``dek`` under ``secret`` (fresh salt and nonce)."""
    unsealed = Slot(
        kind=kind,
        kdf=params,
        salt=os.urandom(SALT_BYTES),
        nonce=os.urandom(NONCE_BYTES),
        wrapped_key=b"",
        keyfile=False,  # never reveal that a key file is part of the secret (module docstring)
    )
    kek = derive_key(secret, unsealed.salt, params, pepper=pepper)
    sealed = AESGCM(kek).encrypt(unsealed.nonce, dek, unsealed.header(vault_id))
    return replace(unsealed, wrapped_key=sealed)


def unwrap(slot: Slot, vault_id: str, secret: bytes, *, pepper: bytes | None = None) -> bytes:
    """The DEK from ``slot``; :class:`UnlockError` if ``secret``/``pepper`` do not open it."""
    kek = derive_key(secret, slot.salt, slot.kdf, pepper=pepper)
    try:
        dek = AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, slot.header(vault_id))
    except InvalidTag:
        raise UnlockError from None
    if len(dek) != KEY_BYTES:
        raise UnlockError
    return dek


def parse(data: bytes) -> Keyslots:
    """Parse a keyslots file; :class:`VaultCorruptError` on anything malformed."""
    damaged = "The vault's key file is damaged."
    if len(data) > MAX_FILE_BYTES:
        raise VaultCorruptError(damaged)
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise VaultCorruptError(damaged) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise VaultCorruptError(damaged)
    if document.get("version") != VERSION:
        raise VaultCorruptError("The vault's key file has a version this fielddoc cannot read.")
    vault_id = document.get("vault_id")
    raw_slots = document.get("slots")
    if not isinstance(vault_id, str) or not is_id(vault_id) or not isinstance(raw_slots, list):
        raise VaultCorruptError(damaged)
    slots = tuple(_parse_slot(raw) for raw in raw_slots)
    if not any(slot.kind == "passphrase" for slot in slots):
        raise VaultCorruptError(damaged)
    return Keyslots(vault_id=vault_id, slots=slots)


def _parse_slot(raw: object) -> Slot:
    if not isinstance(raw, Mapping):
        raise VaultCorruptError("The vault's key file is damaged.")
    kind = raw.get("kind")
    keyfile = raw.get("keyfile", False)
    if kind not in _KINDS or not isinstance(keyfile, bool):
        raise VaultCorruptError("The vault's key file is damaged.")
    try:
        params = KdfParams.from_json(raw.get("kdf", {}))
    except KdfParameterError:
        raise VaultCorruptError("The vault's key file is damaged.") from None
    return Slot(
        kind=kind,
        kdf=params,
        salt=_unb64(raw.get("salt"), SALT_BYTES),
        nonce=_unb64(raw.get("nonce"), NONCE_BYTES),
        wrapped_key=_unb64(raw.get("wrapped_key"), KEY_BYTES + 16),
        keyfile=keyfile,
    )


def read(path: Path) -> Keyslots:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise VaultCorruptError("The vault's key file cannot be read.") from None
    return parse(data)


def write(path: Path, keyslots: Keyslots) -> None:
    """Atomically replace the keyslots file (temp, fsync, rename, fsync folder)."""
    atomic_write(path, keyslots.to_bytes(), what="the vault's key file")
