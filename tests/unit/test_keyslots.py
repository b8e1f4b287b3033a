from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fielddoc.crypto import keyslots as ks
from fielddoc.crypto.kdf import KdfParams
from fielddoc.errors import UnlockError, VaultCorruptError
from fielddoc.ids import new_id

CHEAP = KdfParams(64, 1, 1)


def _slots() -> tuple[ks.Keyslots, bytes]:
    dek = os.urandom(32)
    vault_id = new_id()
    slots = ks.Keyslots(
        vault_id,
        (
            ks.wrap(dek, vault_id, "passphrase", b"secret one", CHEAP),
            ks.wrap(dek, vault_id, "recovery", b"RECOVERYCODE", CHEAP),
        ),
    )
    return slots, dek


def test_round_trip_and_unwrap() -> None:
    slots, dek = _slots()
    parsed = ks.parse(slots.to_bytes())
    assert parsed == slots
    assert ks.unwrap(parsed.of_kind("passphrase")[0], parsed.vault_id, b"secret one") == dek
    assert ks.unwrap(parsed.of_kind("recovery")[0], parsed.vault_id, b"RECOVERYCODE") == dek


def test_wrong_secret_is_generic_unlock_error() -> None:
    slots, _ = _slots()
    with pytest.raises(UnlockError) as info:
        ks.unwrap(slots.of_kind("passphrase")[0], slots.vault_id, b"secret two")
    assert str(info.value) == str(UnlockError())


def test_header_is_bound_as_associated_data() -> None:
    slots, _ = _slots()
    slot = slots.of_kind("passphrase")[0]
    # same secret, but the slot is claimed for another vault: must not open
    with pytest.raises(UnlockError):
        ks.unwrap(slot, new_id(), b"secret one")
    # a downgraded parameter set cannot be swapped in either
    from dataclasses import replace

    with pytest.raises(UnlockError):
        ks.unwrap(replace(slot, kdf=KdfParams(64, 2, 1)), slots.vault_id, b"secret one")


def test_key_file_is_mixed_in_and_not_revealed() -> None:
    dek = os.urandom(32)
    vid = new_id()
    slot = ks.wrap(dek, vid, "passphrase", b"pw", CHEAP, pepper=b"k" * 32)
    assert slot.keyfile is False  # nothing on disk says a key file exists
    assert '"keyfile": false' in ks.Keyslots(vid, (slot,)).to_bytes().decode()
    with pytest.raises(UnlockError):
        ks.unwrap(slot, vid, b"pw")
    with pytest.raises(UnlockError):
        ks.unwrap(slot, vid, b"pw", pepper=b"x" * 32)
    assert ks.unwrap(slot, vid, b"pw", pepper=b"k" * 32) == dek


def test_write_is_atomic_and_private(tmp_path: Path) -> None:
    slots, _ = _slots()
    target = tmp_path / "keyslots"
    ks.write(target, slots)
    assert ks.read(target) == slots
    assert not (tmp_path / "keyslots.tmp").exists()
    if os.name != "nt":
        assert target.stat().st_mode & 0o777 == 0o600


def test_document_is_readable_json_without_secrets() -> None:
    slots, dek = _slots()
    text = slots.to_bytes().decode("ascii")
    document = json.loads(text)
    assert document["format"] == "fielddoc-keyslots"
    assert dek.hex() not in text
    assert "secret one" not in text


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b"",
        lambda b: b"\xff\xfe" + b,
        lambda b: b.replace(b"fielddoc-keyslots", b"something-else"),
        lambda b: b.replace(b'"version": 1', b'"version": 99'),
        lambda b: b.replace(b'"salt": "', b'"salt": "!!'),
        lambda b: b.replace(b'"kind": "passphrase"', b'"kind": "other"'),
        lambda b: b"[]",
        lambda b: b"{" * 100000,
    ],
)
def test_damaged_files_are_corrupt_not_crashes(damage: object) -> None:
    slots, _ = _slots()
    with pytest.raises(VaultCorruptError):
        ks.parse(damage(slots.to_bytes()))  # type: ignore[operator]


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_only_raise_corrupt(data: bytes) -> None:
    with contextlib.suppress(VaultCorruptError):
        ks.parse(data)


@settings(max_examples=200)
@given(st.data())
def test_single_byte_flips_never_unlock(data: st.DataObject) -> None:
    slots, dek = _slots()
    raw = bytearray(slots.to_bytes())
    index = data.draw(st.integers(0, len(raw) - 1))
    raw[index] ^= data.draw(st.integers(1, 255))
    try:
        parsed = ks.parse(bytes(raw))
    except VaultCorruptError:
        return
    for slot in parsed.of_kind("passphrase"):
        try:
            opened = ks.unwrap(slot, parsed.vault_id, b"secret one")
        except UnlockError:
            continue
        # only a flip outside this slot (whitespace, the other slot) leaves it openable
        assert opened == dek
        assert slot == slots.of_kind("passphrase")[0]
