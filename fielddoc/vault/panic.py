"""Panic erase: make the vault unopenable in well under a second.

The keyslots file is overwritten with random bytes, fsynced and unlinked, and the in-memory
key of an open vault is wiped; without the wrapped keys no passphrase and no recovery code can
ever open ``vault.db`` again. The encrypted database and blobs are left where they are (deleting
gigabytes takes time a raid does not leave), and they are ciphertext under a key that no
longer exists anywhere. On SSDs and copy-on-write file systems overwritten blocks may survive
in the drive's spare area, which is why the guide also asks for full-disk encryption.

Afterwards :func:`fielddoc.vault.vault.open_vault` reports ``VAULT_ERASED``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from fielddoc.fsutil import overwrite_and_unlink
from fielddoc.vault.vault import KEYSLOTS_NAME, Vault


def erase(folder: Path, vault: Vault | None = None) -> None:
    """Destroy the key material of the vault in ``folder`` (and close ``vault`` if given)."""
    target = folder.expanduser().absolute()
    overwrite_and_unlink(target / KEYSLOTS_NAME)
    with contextlib.suppress(FileNotFoundError):
        overwrite_and_unlink(target / (KEYSLOTS_NAME + ".tmp"))
    if vault is not None:
        with contextlib.suppress(Exception):
            vault.close()
