"""Fuzzing the ``keyslots`` file: the one vault file read before anything is unlocked.

Seed: a genuine keyslots file with a passphrase slot and a recovery slot (cheap Argon2id
parameters from the core API, as in tests/conftest.py). Mutations: JSON structure edits
(values replaced by hostile ones, keys dropped or added, parts moved, nesting), written
canonically or otherwise, and byte edits of the file as written.

Oracle: :func:`~fielddoc.crypto.keyslots.read` raises ``VAULT_CORRUPT`` (or another typed
error), or returns slots; then each slot whose parameters are cheap enough to try is unwrapped
with the right and a wrong passphrase: the right one gives the genuine key or the generic
``UNLOCK_FAILED``, the wrong one always ``UNLOCK_FAILED``. Parameters the parser accepts but
that would cost real time (up to its 16 GiB ceiling) are counted, not run.
"""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fielddoc.crypto import keyslots as ks
from fielddoc.ids import new_id
from tests.conftest import CHEAP_KDF
from tests.fuzz.mutate import json_encodings, mutated_bytes, mutated_json
from tests.fuzz.support import FuzzLog, attempt, fuzz_settings

DEK = os.urandom(32)
VAULT_ID = new_id()
SECRET = b"correct horse battery staple"
GENUINE = ks.Keyslots(
    VAULT_ID,
    (
        ks.wrap(DEK, VAULT_ID, "passphrase", SECRET, CHEAP_KDF),
        ks.wrap(DEK, VAULT_ID, "recovery", b"RECOVERY-CODE", CHEAP_KDF),
    ),
).to_bytes()


def _cheap(slot: ks.Slot) -> bool:
    return slot.kdf.memory_kib <= 4096 and slot.kdf.iterations <= 4 and slot.kdf.lanes <= 4


@fuzz_settings(300)
@given(data=st.data())
def test_fuzz_keyslots(
    fuzz_log: FuzzLog, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if data.draw(st.booleans(), label="structure edits"):
        document = data.draw(mutated_json(json.loads(GENUINE)))
        raw, seed = data.draw(json_encodings(document)), "keyslots JSON"
    else:
        raw, seed = data.draw(mutated_bytes(GENUINE)), "keyslots bytes"
    path = Path(tmp_path_factory.getbasetemp()) / "keyslots-fuzz"
    path.write_bytes(raw)
    outcome = attempt(lambda: ks.read(path), what="keyslots.read")
    fuzz_log.tried(seed, outcome)
    if not outcome.ok:
        assert outcome.code in {"VAULT_CORRUPT"}, outcome
        return
    parsed = outcome.value
    assert isinstance(parsed, ks.Keyslots)
    for slot in parsed.slots:
        if not _cheap(slot):
            fuzz_log.note("slot too costly to unwrap (parsed only)")
            continue
        right = attempt(partial(ks.unwrap, slot, parsed.vault_id, SECRET), what="unwrap")
        wrong = attempt(partial(ks.unwrap, slot, parsed.vault_id, b"wrong"), what="unwrap")
        assert wrong.code == "UNLOCK_FAILED", wrong
        if right.ok:
            assert right.value == DEK
        else:
            assert right.code == "UNLOCK_FAILED", right
