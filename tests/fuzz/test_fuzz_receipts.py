"""Fuzzing receipt import on the field laptop.

The seed is a real receipt: a field vault exports a bundle, its HQ imports it and writes the
receipt (age to the device, a tar of ``receipt.json`` and its minisign signature). Layers:

- ``archive``: tar-member edits and byte edits of the tar, sealed again to the device but not
  re-signed. Oracle: a typed error, or the genuine receipt (same id and document bytes).
- ``signed``: JSON structure edits of ``receipt.json``, re-signed with HQ's own key (the
  trusted comment rebuilt from the edited document when it can be, so the checks after the
  signature are reached). Oracle: a typed error or a result; never another exception.
- ``ciphertext``: byte edits of the sealed file. Oracle: an age error, or the same receipt.

Every call runs under a wall-clock hang guard.
"""

from __future__ import annotations

import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fielddoc.crypto import minisign
from fielddoc.exchange.importer import import_bundle
from fielddoc.exchange.receipts import ReceiptResult, import_receipt
from fielddoc.ids import new_id
from tests.bundle_forge import Forge, TarEntry, read_tar, seal, tar_bytes, unseal
from tests.exchange_support import Pair, add_sample_content, make_pair
from tests.fuzz.mutate import json_encodings, mutated_bytes, mutated_json, mutated_tar
from tests.fuzz.support import FuzzLog, Outcome, attempt, fuzz_settings

AGE_FAILURES = {"BAD_INPUT", "INTEGRITY_FAILED", "NOT_ADDRESSED_TO_US"}
RECEIPT_CODES = {"RECEIPT_INVALID", "SIGNATURE_INVALID", "INTEGRITY_FAILED"}


@dataclass
class ReceiptScene:
    pair: Pair
    folder: Path
    sealed: bytes
    entries: list[TarEntry]
    document: bytes
    receipt_id: str
    field_identity: str
    field_recipient: str
    hq_key: minisign.SecretKey

    def run(self, sealed: bytes) -> Outcome:
        path = self.folder / "fuzz.fdreceipt"
        path.write_bytes(sealed)
        try:
            return attempt(lambda: import_receipt(self.pair.f, path), what="import_receipt")
        finally:
            path.unlink()


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReceiptScene]:
    base = tmp_path_factory.mktemp("fuzz-receipt")
    pair = make_pair(base / "pair")
    add_sample_content(pair, evidence_bytes=500)
    forge = Forge(pair, base / "bundles")
    report = import_bundle(pair.h, forge.export("seed"), receipts_dir=base / "receipts")
    assert report.ok and report.receipt is not None, report.to_text()
    sealed = Path(report.receipt).read_bytes()
    field = pair.f.keys
    entries = read_tar(unseal(sealed, field.age.secret))
    document = next(e.data for e in entries if e.name == "receipt.json")
    yield ReceiptScene(
        pair,
        base / "receipts",
        sealed,
        entries,
        document,
        json.loads(document)["id"],
        field.age.secret,
        field.age.recipient,
        pair.h.keys.signing,
    )
    pair.field.vault.close()
    pair.hq.vault.close()


def _genuine(scene: ReceiptScene, outcome: Outcome) -> None:
    """An accepted receipt that nobody re-signed is the genuine one."""
    result = outcome.value
    assert isinstance(result, ReceiptResult)
    assert result.receipt_id == scene.receipt_id


@fuzz_settings(100, deadline_ms=20_000)
@given(data=st.data())
def test_fuzz_receipt_archive(scene: ReceiptScene, fuzz_log: FuzzLog, data: st.DataObject) -> None:
    if data.draw(st.booleans(), label="tar edits"):
        entries, end = data.draw(mutated_tar(scene.entries, "receipt"))
        try:
            plain = tar_bytes(entries, end=end)
        except (ValueError, UnicodeError, OverflowError, tarfile.TarError):
            fuzz_log.tried("receipt tar", "unwritable tar (skipped)")
            return
        seed = "receipt tar"
    else:
        plain = data.draw(mutated_bytes(tar_bytes(scene.entries)), label="byte edits")
        seed = "receipt tar bytes"
    outcome = scene.run(seal(plain, [scene.field_recipient]))
    fuzz_log.tried(seed, outcome)
    if outcome.ok:
        _genuine(scene, outcome)
    else:
        assert outcome.code in RECEIPT_CODES, outcome


_COMMENT = "fielddoc-receipt-v1 receipt={id} bundle={bundle_id} device={device_key_id} created={c}"


def _resign(scene: ReceiptScene, document: bytes) -> bytes:
    """A tar of ``document`` and HQ's signature over it, the comment following the document."""
    try:
        fields = json.loads(document)
        comment = _COMMENT.format(
            id=fields["id"],
            bundle_id=fields["bundle_id"],
            device_key_id=fields["device_key_id"],
            c=fields["created_at"],
        )
        signature = minisign.sign(scene.hq_key, document, trusted_comment=comment)
    except (ValueError, KeyError, TypeError, IndexError, RecursionError):
        signature = minisign.sign(scene.hq_key, document, trusted_comment="fielddoc-receipt-v1")
    return tar_bytes(
        [TarEntry("receipt.json", document), TarEntry("receipt.json.minisig", signature.encode())]
    )


@fuzz_settings(150, deadline_ms=20_000)
@given(data=st.data())
def test_fuzz_receipt_signed(scene: ReceiptScene, fuzz_log: FuzzLog, data: st.DataObject) -> None:
    seed = json.loads(scene.document)
    if data.draw(st.booleans(), label="items only"):  # most of the document must stay valid
        seed["id"] = new_id()  # a receipt not seen before, so its items are read
        seed["items"] = data.draw(mutated_json(seed["items"]))
        edited = seed
    else:
        edited = data.draw(mutated_json(seed))
    document = data.draw(json_encodings(edited), label="encoding")
    outcome = scene.run(seal(_resign(scene, document), [scene.field_recipient]))
    fuzz_log.tried("receipt.json re-signed", outcome)
    assert outcome.ok or outcome.code in RECEIPT_CODES, outcome


@fuzz_settings(60, deadline_ms=20_000)
@given(data=st.data())
def test_fuzz_receipt_ciphertext(
    scene: ReceiptScene, fuzz_log: FuzzLog, data: st.DataObject
) -> None:
    sealed = data.draw(mutated_bytes(scene.sealed), label="ciphertext edits")
    outcome = scene.run(sealed)
    fuzz_log.tried("sealed receipt", outcome)
    if outcome.ok:
        _genuine(scene, outcome)
    else:
        assert outcome.code in AGE_FAILURES | {"RECEIPT_INVALID"}, outcome


# regressions found by this suite: a receipt.json that HQ signed but that is not strict JSON
# came out as BAD_INPUT (with a key of the document in the message) instead of RECEIPT_INVALID
REGRESSIONS = {
    "duplicate key": lambda doc: b'{"bundle_id":null,' + doc[1:],
    "fraction": lambda doc: doc.replace(b'"bundle_seq":1', b'"bundle_seq":1.5'),
    "not JSON": lambda doc: doc[:-1],
}


@fuzz_settings(10, deadline_ms=20_000)
@given(name=st.sampled_from(sorted(REGRESSIONS)))
@example(name="duplicate key")
@example(name="fraction")
@example(name="not JSON")
def test_fuzz_receipt_not_strict_json(scene: ReceiptScene, fuzz_log: FuzzLog, name: str) -> None:
    document = REGRESSIONS[name](scene.document)
    assert document != scene.document
    outcome = scene.run(seal(_resign(scene, document), [scene.field_recipient]))
    fuzz_log.tried(name, outcome)
    assert outcome.code == "RECEIPT_INVALID", outcome


# regressions found by this suite: anyone can seal a receipt to the device, and the tar inside
# is read before the signature is checked. A sparse member declaring 100 TB made tarfile
# allocate its holes (MemoryError); malformed sparse pax records escaped as ValueError.
ARCHIVE_REGRESSIONS = {
    "sparse 100 TB": {"size": "99999999999999", "GNU.sparse.map": "0,1"},
    "sparse map not numbers": {"GNU.sparse.map": "x,y"},
    "sparse 1.0 without sizes": {"GNU.sparse.major": "1", "GNU.sparse.minor": "0"},
}


@fuzz_settings(10, deadline_ms=20_000)
@given(name=st.sampled_from(sorted(ARCHIVE_REGRESSIONS)))
@example(name="sparse 100 TB")
@example(name="sparse map not numbers")
@example(name="sparse 1.0 without sizes")
def test_fuzz_receipt_sparse_members(scene: ReceiptScene, fuzz_log: FuzzLog, name: str) -> None:
    first, *rest = scene.entries
    hostile = replace(first, pax={**first.pax, **ARCHIVE_REGRESSIONS[name]})
    outcome = scene.run(seal(tar_bytes([hostile, *rest]), [scene.field_recipient]))
    fuzz_log.tried(name, outcome)
    assert outcome.code == "RECEIPT_INVALID", outcome
