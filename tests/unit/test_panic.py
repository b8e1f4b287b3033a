from __future__ import annotations

import time

import pytest

from fielddoc.errors import VaultErasedError
from fielddoc.vault.panic import erase
from fielddoc.vault.vault import open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, VaultHandle


def test_erase_is_fast_and_final(vault_handle: VaultHandle) -> None:
    store = vault_handle.store()
    store.create("testimony", {"title": "Свидетельство"})
    keyslots = (vault_handle.path / "keyslots").read_bytes()
    started = time.perf_counter()
    erase(vault_handle.path, vault_handle.vault)
    elapsed = time.perf_counter() - started
    print(f"erase took {elapsed * 1000:.1f} ms")
    assert not vault_handle.vault.is_open
    assert not (vault_handle.path / "keyslots").exists()
    with pytest.raises(VaultErasedError):
        open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)
    with pytest.raises(VaultErasedError):
        open_vault(vault_handle.path, recovery_code=vault_handle.recovery_code, floor=CHEAP_KDF)
    for path in vault_handle.path.rglob("*"):
        if path.is_file():
            assert keyslots not in path.read_bytes()


def test_erase_of_a_closed_vault(vault_handle: VaultHandle) -> None:
    vault_handle.vault.close()
    erase(vault_handle.path)
    with pytest.raises(VaultErasedError):
        open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)
