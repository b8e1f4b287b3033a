from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fielddoc.crypto import keyslots as ks
from fielddoc.crypto.kdf import FLOOR, KdfParams
from fielddoc.errors import (
    NotAVaultError,
    UnlockError,
    VaultClosedError,
    VaultCorruptError,
    VaultErasedError,
    VaultExistsError,
    VaultLockedByOtherError,
    VaultTooNewError,
    WeakPassphraseError,
)
from fielddoc.vault.vault import (
    KEYSLOTS_NAME,
    classify_folder,
    create_vault,
    default_vault_path,
    open_vault,
)
from tests.conftest import CHEAP_KDF, PASSPHRASE, VaultHandle, make_vault


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "vault.lock"
    }


def test_create_layout_and_permissions(vault_handle: VaultHandle) -> None:
    folder = vault_handle.path
    assert (folder / "keyslots").is_file()
    assert (folder / "vault.db").is_file()
    assert (folder / "blobs").is_dir()
    if os.name != "nt":
        assert folder.stat().st_mode & 0o777 == 0o700
        assert (folder / "vault.db").stat().st_mode & 0o077 == 0
        assert (folder / "keyslots").stat().st_mode & 0o077 == 0
    info = vault_handle.vault.info
    assert info.role == "field"
    assert info.name == "Test"
    assert info.schema_version >= 1
    # no leftovers of the build folder
    assert not list(folder.parent.glob(".fielddoc-creating-*"))


def test_database_is_encrypted(vault_handle: VaultHandle) -> None:
    vault_handle.vault.close()
    head = (vault_handle.path / "vault.db").read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_open_lock_reopen(vault_handle: VaultHandle) -> None:
    vault_handle.vault.close()
    with pytest.raises(VaultClosedError):
        _ = vault_handle.vault.conn
    vault = vault_handle.reopen()
    assert vault.info.vault_id == vault.vault_id


def test_wrong_passphrase_is_generic_and_changes_nothing(vault_handle: VaultHandle) -> None:
    vault_handle.vault.close()
    before = snapshot(vault_handle.path)
    with pytest.raises(UnlockError) as info:
        open_vault(vault_handle.path, "not the passphrase", floor=CHEAP_KDF)
    assert str(info.value) == "The vault could not be unlocked with what was given."
    assert snapshot(vault_handle.path) == before
    # the lock was released: the right passphrase still works
    open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF).close()


def test_second_opener_is_refused(vault_handle: VaultHandle) -> None:
    with pytest.raises(VaultLockedByOtherError):
        open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)


def test_stale_lock_from_dead_process_is_taken_over(vault_handle: VaultHandle) -> None:
    import subprocess
    import sys

    vault_handle.vault.close()
    code = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from fielddoc.vault.lockfile import VaultLock\n"
        f"VaultLock(Path({str(vault_handle.path)!r})).acquire()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    assert (vault_handle.path / "vault.lock").exists()
    open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF).close()


def test_change_passphrase(vault_handle: VaultHandle) -> None:
    vault = vault_handle.vault
    with pytest.raises(UnlockError):
        vault.change_passphrase("wrong old passphrase", "a brand new passphrase")
    with pytest.raises(WeakPassphraseError):
        vault.change_passphrase(PASSPHRASE, "short")
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    vault.close()
    with pytest.raises(UnlockError):
        open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)
    open_vault(vault_handle.path, "a brand new passphrase", floor=CHEAP_KDF).close()


def test_recovery_code_opens_and_resets(vault_handle: VaultHandle) -> None:
    vault_handle.vault.close()
    with pytest.raises(UnlockError):
        open_vault(vault_handle.path, recovery_code="0000-0000-0000-0000-0000-0000-0000-0000")
    vault = open_vault(
        vault_handle.path, recovery_code=vault_handle.recovery_code.lower(), floor=CHEAP_KDF
    )
    vault.set_passphrase("after the border crossing")
    vault.close()
    open_vault(vault_handle.path, "after the border crossing", floor=CHEAP_KDF).close()
    # the recovery code still works
    open_vault(vault_handle.path, recovery_code=vault_handle.recovery_code, floor=CHEAP_KDF).close()


def test_cyrillic_passphrase_normalised(tmp_path: Path) -> None:
    composed = "Ёлка и йогурт в горах"
    decomposed = "Е\u0308лка и и\u0306огурт в горах"
    vault, _ = create_vault(tmp_path / "v", composed, kdf=CHEAP_KDF, floor=CHEAP_KDF)
    vault.close()
    open_vault(tmp_path / "v", decomposed, floor=CHEAP_KDF).close()


def test_weak_slots_are_raised_to_the_floor_on_unlock(tmp_path: Path) -> None:
    floor = KdfParams(128, 2, 1)
    vault, _ = create_vault(tmp_path / "v", PASSPHRASE, kdf=CHEAP_KDF, floor=CHEAP_KDF)
    vault.close()
    vault = open_vault(tmp_path / "v", PASSPHRASE, floor=floor)
    vault.close()
    slot = ks.read(tmp_path / "v" / KEYSLOTS_NAME).of_kind("passphrase")[0]
    assert slot.kdf.meets(floor)
    open_vault(tmp_path / "v", PASSPHRASE, floor=floor).close()


def test_create_refuses_below_floor_and_existing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="floor"):
        create_vault(tmp_path / "v", PASSPHRASE, kdf=CHEAP_KDF)  # default floor
    handle = make_vault(tmp_path / "a")
    handle.vault.close()
    with pytest.raises(VaultExistsError):
        create_vault(tmp_path / "a", PASSPHRASE, kdf=CHEAP_KDF, floor=CHEAP_KDF)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("x")
    with pytest.raises(VaultExistsError):
        create_vault(tmp_path / "busy", PASSPHRASE, kdf=CHEAP_KDF, floor=CHEAP_KDF)
    with pytest.raises(WeakPassphraseError):
        create_vault(tmp_path / "w", "short", kdf=CHEAP_KDF, floor=CHEAP_KDF)
    assert not (tmp_path / "w").exists()


def test_create_in_existing_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    vault, _ = create_vault(tmp_path / "empty", PASSPHRASE, kdf=CHEAP_KDF, floor=CHEAP_KDF)
    vault.close()
    assert classify_folder(tmp_path / "empty") == "vault"


def test_user_reachable_create_uses_at_least_the_floor(tmp_path: Path) -> None:
    seen: list[KdfParams] = []

    def fake_calibrate() -> KdfParams:
        seen.append(FLOOR)
        return FLOOR

    # the default path calibrates (here faked to return the floor) and keeps the floor
    vault, _ = create_vault(tmp_path / "v", PASSPHRASE, calibrate_fn=fake_calibrate)
    vault.close()
    slot = ks.read(tmp_path / "v" / KEYSLOTS_NAME).of_kind("passphrase")[0]
    assert seen == [FLOOR]
    assert slot.kdf.meets(FLOOR)


def test_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVaultError):
        open_vault(tmp_path, PASSPHRASE)
    with pytest.raises(NotAVaultError):
        open_vault(tmp_path / "missing", PASSPHRASE)
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotAVaultError):
        open_vault(tmp_path / "file", PASSPHRASE)
    assert not (tmp_path / "vault.lock").exists()


def test_erased_vault_says_so(vault_handle: VaultHandle) -> None:
    vault_handle.vault.close()
    (vault_handle.path / "keyslots").unlink()
    with pytest.raises(VaultErasedError):
        open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)


@pytest.mark.parametrize("cut", [0, 10, 100, 400])
def test_truncated_keyslots(vault_handle: VaultHandle, cut: int) -> None:
    vault_handle.vault.close()
    path = vault_handle.path / "keyslots"
    path.write_bytes(path.read_bytes()[:cut])
    with pytest.raises(VaultCorruptError):
        open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)


def test_keyslots_from_another_vault(tmp_path: Path) -> None:
    a = make_vault(tmp_path / "a")
    b = make_vault(tmp_path / "b")
    a.vault.close()
    b.vault.close()
    (a.path / "keyslots").write_bytes((b.path / "keyslots").read_bytes())
    with pytest.raises(VaultCorruptError):
        open_vault(a.path, PASSPHRASE, floor=CHEAP_KDF)


@pytest.mark.parametrize("where", ["header", "middle", "truncate", "zero"])
def test_damaged_database_is_reported(vault_handle: VaultHandle, where: str) -> None:
    store = vault_handle.store()
    for index in range(50):
        store.create("person", {"name": f"Person {index}"})
    vault_handle.vault.close()
    db = vault_handle.path / "vault.db"
    data = bytearray(db.read_bytes())
    if where == "header":
        data[0:16] = b"\0" * 16
    elif where == "middle":
        data[len(data) // 2] ^= 0xFF
    elif where == "truncate":
        data = data[: len(data) // 3]
    else:
        data = bytearray()
    db.write_bytes(bytes(data))
    try:
        vault = open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)
    except VaultCorruptError:
        return
    # damage that SQLCipher only sees when the page is read must fail the check
    from fielddoc.checks import run_checks

    results = list(run_checks(vault))
    vault.close()
    assert not all(r.ok for r in results)


def test_vault_from_newer_fielddoc_is_refused_untouched(vault_handle: VaultHandle) -> None:
    vault_handle.vault.conn.execute("PRAGMA user_version = 999")
    vault_handle.vault.close()
    before = snapshot(vault_handle.path)
    with pytest.raises(VaultTooNewError):
        open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF)
    assert snapshot(vault_handle.path) == before


def test_crash_during_creation_leaves_nothing_at_target(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from fielddoc.crypto import keyslots\n"
        "from fielddoc.crypto.kdf import KdfParams\n"
        "from fielddoc.vault.vault import create_vault\n"
        "def die(*a, **k): os.kill(os.getpid(), signal.SIGKILL)\n"
        "keyslots.write = die\n"
        "p = KdfParams(64, 1, 1)\n"
        f"create_vault(Path({str(tmp_path / 'v')!r}), 'long enough pass', kdf=p, floor=p)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    assert not (tmp_path / "v").exists()
    assert list(tmp_path.glob(".fielddoc-creating-*"))  # the half-built folder, hidden
    vault, _ = create_vault(tmp_path / "w", PASSPHRASE, kdf=CHEAP_KDF, floor=CHEAP_KDF)
    vault.close()
    assert not list(tmp_path.glob(".fielddoc-creating-*"))  # cleaned at the next creation


def test_default_vault_path_is_under_user_data() -> None:
    path = default_vault_path()
    assert path.name == "default"
    assert path.parent.name == "vaults"


def test_keyslots_file_is_small_json(vault_handle: VaultHandle) -> None:
    document = json.loads((vault_handle.path / "keyslots").read_text())
    assert {s["kind"] for s in document["slots"]} == {"passphrase", "recovery"}


def test_key_file_second_factor(vault_handle: VaultHandle, tmp_path: Path) -> None:
    key = tmp_path / "usb" / "key.bin"
    key.parent.mkdir()
    key.write_bytes(os.urandom(64))
    vault_handle.vault.change_keyfile(PASSPHRASE, key)
    vault_handle.vault.close()
    before = snapshot(vault_handle.path)
    for attempt in ({}, {"keyfile": b"wrong key file"}):
        with pytest.raises(UnlockError) as info:
            open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF, **attempt)  # type: ignore[arg-type]
        assert str(info.value) == str(UnlockError())
    assert snapshot(vault_handle.path) == before
    vault = open_vault(vault_handle.path, PASSPHRASE, keyfile=key, floor=CHEAP_KDF)
    # change it, then remove it
    new_key = tmp_path / "usb" / "key2.bin"
    new_key.write_bytes(os.urandom(64))
    with pytest.raises(UnlockError):
        vault.change_keyfile("wrong passphrase!", new_key)
    vault.change_keyfile(PASSPHRASE, new_key)
    vault.close()
    with pytest.raises(UnlockError):
        open_vault(vault_handle.path, PASSPHRASE, keyfile=key, floor=CHEAP_KDF)
    vault = open_vault(vault_handle.path, PASSPHRASE, keyfile=new_key, floor=CHEAP_KDF)
    vault.change_keyfile(PASSPHRASE, None)
    vault.close()
    open_vault(vault_handle.path, PASSPHRASE, floor=CHEAP_KDF).close()
    # the recovery code never needed the key file
    open_vault(vault_handle.path, recovery_code=vault_handle.recovery_code, floor=CHEAP_KDF).close()


def test_unreadable_or_empty_key_file(vault_handle: VaultHandle, tmp_path: Path) -> None:
    # at unlock, an unusable key file is a wrong key file: the one generic error
    vault_handle.vault.close()
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    for keyfile in (tmp_path / "missing", empty):
        with pytest.raises(UnlockError):
            open_vault(vault_handle.path, PASSPHRASE, keyfile=keyfile, floor=CHEAP_KDF)
