"""This vault's own keys: an Ed25519 signing key (minisign format) and an age X25519 identity.

Both are created with the vault (``fielddoc init``) and kept only inside the encrypted
database (``own_keys``). A vault made before keys existed gets them at its first open after
the upgrade (:func:`ensure_keys`, called by the exchange functions), so no code path has to
handle a vault without keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from fielddoc.crypto import age, minisign
from fielddoc.ids import utc_now
from fielddoc.vault.connection import Connection, transaction


@dataclass(frozen=True)
class OwnKeys:
    signing: minisign.SecretKey
    age: age.Identity

    @property
    def public_key(self) -> minisign.PublicKey:
        return self.signing.public_key()

    @property
    def key_id_hex(self) -> str:
        return self.public_key.key_id_hex


def ensure_keys(conn: Connection) -> OwnKeys:
    """The vault's keys, generating any that are missing (in one transaction)."""
    rows = dict(conn.execute("SELECT kind, secret FROM own_keys").fetchall())
    if "minisign" not in rows or "age" not in rows:
        with transaction(conn):
            rows = dict(conn.execute("SELECT kind, secret FROM own_keys").fetchall())
            now = utc_now()
            if "minisign" not in rows:
                signing = minisign.SecretKey.generate()
                rows["minisign"] = signing.to_bytes()
                conn.execute(
                    "INSERT INTO own_keys (kind, secret, public, created_at) VALUES (?, ?, ?, ?)",
                    ("minisign", rows["minisign"], signing.public_key().to_base64(), now),
                )
            if "age" not in rows:
                identity = age.generate_identity()
                rows["age"] = identity.secret.encode("ascii")
                conn.execute(
                    "INSERT INTO own_keys (kind, secret, public, created_at) VALUES (?, ?, ?, ?)",
                    ("age", rows["age"], identity.recipient, now),
                )
    return OwnKeys(
        signing=minisign.SecretKey.from_bytes(bytes(rows["minisign"])),
        age=age.identity_from_text(bytes(rows["age"]).decode("ascii")),
    )
