"""Fuzzing HQ bundle import: tar members, signed bag files, and the age ciphertext.

The seed is a real bundle exported by a field vault (a person, a testimony and a small photo;
tests/exchange_support.py), taken apart with tests/bundle_forge.py. Three layers:

- ``archive``: tar-member edits of the bag (drop, repeat, reorder, hostile names, links and
  devices, lying sizes, pax records, garbage headers, no end marker), sealed again to HQ but
  not re-signed. Oracle: rejected with a typed error, or accepted only when every regular file
  is byte for byte what the device signed.
- ``signed``: one bag file changed (JSON structure edits of revisions, links and evidence
  descriptions; line and byte edits of the card and tag files; a changed trusted comment),
  then manifests, Payload-Oxum and signature redone with the device's own key -- an attacker
  holding that key, so deep parsing and the database import are reached. Oracle: a typed error
  or a clean import.
- ``ciphertext``: byte edits of the sealed file. Oracle: an age error, or the same plaintext.

For every example ``verify_bundle`` writes nothing at all, ``import_bundle`` writes nothing
outside an empty ``quarantine/`` when it refuses, and both agree on the verdict. An accepted
import is undone by restoring HQ's vault from a pristine copy, so examples stay independent.
Each call runs under a wall-clock hang guard.
"""

from __future__ import annotations

import json
import shutil
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fielddoc.canonical import canonical_json
from fielddoc.crypto import age
from fielddoc.exchange import bag
from fielddoc.exchange.documents import (
    check_link_document,
    check_revision_document,
    parse_descriptor,
)
from fielddoc.exchange.importer import BundleReport, import_bundle, verify_bundle
from tests.bundle_forge import (
    Forge,
    ForgedBag,
    TarEntry,
    read_tar,
    seal,
    tar_bytes,
    tree_state,
    unseal,
    vault_state,
)
from tests.exchange_support import Pair, add_sample_content, make_pair
from tests.fuzz.mutate import (
    json_encodings,
    mutated_bytes,
    mutated_json,
    mutated_lines,
    mutated_tar,
)
from tests.fuzz.support import FuzzLog, Outcome, attempt, fuzz_settings, time_limit

AGE_FAILURES = {"BAD_INPUT", "INTEGRITY_FAILED", "NOT_ADDRESSED_TO_US"}
# what a re-signed bundle may be refused with (no BAD_INPUT: that is only for a non-age file)
SIGNED_CODES = AGE_FAILURES - {"BAD_INPUT"} | {
    "BUNDLE_INVALID",
    "SIGNATURE_INVALID",
    "UNKNOWN_DEVICE",
    "BUNDLE_OUT_OF_SEQUENCE",
    "BUNDLE_FORK",
    "BUNDLE_FOR_ANOTHER_HQ",
    "INVALID_RECORD",
    "UNKNOWN_FIELD",
    "UNKNOWN_TEMPLATE",
    "CARD_INVALID",
}
LIMIT = 30.0  # seconds per verify or import of a ~10 KiB bundle: anything longer is a hang


@dataclass
class BundleScene:
    pair: Pair
    forge: Forge
    pristine: Path
    sealed: bytes
    plain: bytes
    bag: ForgedBag

    def restore_hq(self) -> None:
        """Put HQ's vault back as it was before any import (an accepted example changed it)."""
        self.pair.hq.vault.close()
        shutil.rmtree(self.pair.hq.path)
        shutil.copytree(self.pristine, self.pair.hq.path)
        self.pair.hq.reopen()
        self.pair.refresh()

    def snapshot(self) -> tuple[dict[str, str], dict[str, str]]:
        databases = [
            folder / name
            for folder in (self.pair.hq.path, self.pair.field.path)
            for name in ("vault.db", "vault.db-wal", "vault.db-shm")
        ]
        return vault_state(self.pair.h), tree_state(self.pair.base, skip=databases)


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BundleScene]:
    base = tmp_path_factory.mktemp("fuzz-bundle")
    pair = make_pair(base / "pair")
    add_sample_content(pair, evidence_bytes=3000)
    forge = Forge(pair, base / "bundles")
    path = forge.export("seed")
    pair.hq.vault.close()
    shutil.copytree(pair.hq.path, base / "hq-pristine")
    pair.hq.reopen()
    pair.refresh()
    sealed = path.read_bytes()
    plain = unseal(sealed, forge.hq_identity)
    yield BundleScene(pair, forge, base / "hq-pristine", sealed, plain, ForgedBag.from_tar(plain))
    pair.field.vault.close()
    pair.hq.vault.close()


def _regular_files(plain: bytes) -> dict[str, bytes] | None:
    try:
        return {e.name: e.data for e in read_tar(plain) if e.type == tarfile.REGTYPE}
    except (tarfile.TarError, EOFError, ValueError):
        return None


def _check(scene: BundleScene, sealed: bytes, log: FuzzLog, seed: str) -> BundleReport:
    """verify then import ``sealed`` under the oracle (module docstring); the import report."""
    path = scene.forge.save_bytes(sealed, "fuzz")
    before = scene.snapshot()
    try:
        with time_limit(LIMIT, "verify_bundle"):
            checked = verify_bundle(scene.pair.h, path)
        assert scene.snapshot() == before, "verify_bundle wrote something"
        with time_limit(LIMIT, "import_bundle"):
            report = import_bundle(scene.pair.h, path)
    finally:
        path.unlink()
    assert checked.ok == report.ok, (checked.to_text(), report.to_text())
    quarantine = scene.pair.hq.path / "quarantine"
    assert not quarantine.exists() or not any(quarantine.iterdir()), "quarantine not emptied"
    if report.ok:
        scene.restore_hq()
    else:
        assert report.error_code is not None and not report.imported
        assert checked.error_code == report.error_code, (checked.to_text(), report.to_text())
        database, files = scene.snapshot()
        assert database == before[0], "a refused import changed HQ's database"
        rel = str(quarantine.relative_to(scene.pair.base))
        assert {k: v for k, v in files.items() if k != rel} == {
            k: v for k, v in before[1].items() if k != rel
        }, "a refused import left files behind"
    log.tried(seed, Outcome(code=report.error_code, message=report.error or ""))
    return report


# --- layer 1: tar members, not re-signed -------------------------------------------------------


@fuzz_settings(80, deadline_ms=60_000)
@given(data=st.data())
def test_fuzz_bundle_archive(scene: BundleScene, fuzz_log: FuzzLog, data: st.DataObject) -> None:
    entries, end = data.draw(mutated_tar(scene.bag.entries, scene.bag.root), label="tar edits")
    try:
        plain = tar_bytes(entries, end=end)
    except (ValueError, UnicodeError, OverflowError, tarfile.TarError):
        fuzz_log.tried("bundle tar", "unwritable tar (skipped)")
        return
    report = _check(scene, seal(plain, [scene.forge.hq_recipient]), fuzz_log, "bundle tar")
    if report.ok:  # only what the device signed, in whatever wrapping the tar reader tolerates
        signature = scene.bag.path("tagmanifest-sha256.txt.minisig")
        got, genuine = _regular_files(plain), _regular_files(scene.plain)
        assert got is not None and genuine is not None
        got.pop(signature, None), genuine.pop(signature, None)
        assert got == genuine, "an unsigned change was accepted"


# --- layer 2: one bag file changed and re-signed with the device key ----------------------------

_TAG_TEXT = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt")


@st.composite
def _signed_edit(draw: st.DrawFn, bag: ForgedBag) -> tuple[str, bytes, str | None]:
    """(file inside the bag, its new bytes, a new trusted comment or None)."""
    inner = draw(st.sampled_from(bag.inner_paths()), label="file")
    original = bag.read(inner)
    if inner.startswith("data/revisions/") and draw(st.booleans()):  # the body: to validation
        document = json.loads(original)
        document["body"] = draw(mutated_json(document["body"]), label="body edits")
        new = draw(json_encodings(document), label="encoding")
    elif inner.endswith(".json"):
        edited = draw(mutated_json(json.loads(original)), label="json edits")
        new = draw(json_encodings(edited), label="encoding")
    elif inner.endswith((".txt", ".minisig")):
        new = draw(mutated_lines(original) | mutated_bytes(original), label="text edits")
    else:  # the evidence file itself
        new = draw(mutated_bytes(original, max_edits=2), label="byte edits")
    comment = None
    if draw(st.integers(0, 4)) == 0:
        comment = draw(
            st.sampled_from(
                [
                    "fielddoc-bundle-v1 bundle=x seq=1 recipients=age1 created=now",
                    "fielddoc-bundle-v1 bundle={id} seq=0 recipients={r} created={c}",
                    "fielddoc-bundle-v1 bundle={id} seq=0123 recipients={r} created={c}",
                    "fielddoc-bundle-v1 bundle={id} seq=9999999999999999999 recipients={r} c={c}",
                    "fielddoc-bundle-v1 bundle={id} seq=1 recipients=,,{r}, created={c}",
                    "fielddoc-bundle-v1",
                ]
            ),
            label="comment",
        )
    return inner, new, comment


def _reseal(scene: BundleScene, inner: str, new: bytes, comment: str | None) -> bytes:
    forged = ForgedBag(scene.bag.root, [TarEntry(e.name, e.data) for e in scene.bag.entries])
    key = scene.forge.device_key
    info = scene.bag.info()
    if comment is not None:
        comment = comment.format(
            id=info["Fielddoc-Bundle-Id"], r=info["Fielddoc-Recipients"], c=info["Fielddoc-Created"]
        )
    genuine_comment = scene.bag.comment()
    forged.write(inner, new)
    if inner.startswith("data/"):  # payload: manifest and Payload-Oxum follow the change
        forged.update_manifest()
    if inner != "tagmanifest-sha256.txt.minisig":
        if inner != "tagmanifest-sha256.txt":
            forged.update_tagmanifest()
        forged.sign(key, comment=comment if comment is not None else genuine_comment)
    return seal(forged, [scene.forge.hq_recipient])


@fuzz_settings(120, deadline_ms=60_000)
@given(data=st.data())
def test_fuzz_bundle_signed(scene: BundleScene, fuzz_log: FuzzLog, data: st.DataObject) -> None:
    inner, new, comment = data.draw(_signed_edit(scene.bag))
    sealed = _reseal(scene, inner, new, comment)
    folder = inner.split("/")[1] if inner.startswith("data/") else "tag files"
    report = _check(scene, sealed, fuzz_log, f"signed {folder}")
    assert report.ok or report.error_code in SIGNED_CODES, report.to_text()


# --- layer 3: the sealed file ------------------------------------------------------------------


@fuzz_settings(40, deadline_ms=60_000)
@given(data=st.data())
def test_fuzz_bundle_ciphertext(scene: BundleScene, fuzz_log: FuzzLog, data: st.DataObject) -> None:
    sealed = data.draw(mutated_bytes(scene.sealed), label="ciphertext edits")
    report = _check(scene, sealed, fuzz_log, "sealed bundle")
    if report.ok:
        assert age.decrypt_bytes(sealed, [scene.forge.hq_identity]) == scene.plain
    else:  # age authenticates every byte: nothing past it can see the damage
        assert report.error_code in AGE_FAILURES, report.to_text()


# --- the documents inside, parsed directly (cheap, so many more examples) ---------------------

_DEVICE = "01a21fb5-6475-7b24-8eb3-d2eeab65ad31"
_EVIDENCE = "01a21fb5-64df-7a2e-b83d-67a5ac22df8a"
_TIME = "2025-11-28T01:11:51.254Z"
DOCUMENTS: dict[str, dict[str, object]] = {
    "revision": {
        "type": "fielddoc-revision",
        "version": 1,
        "id": "01a21fb5-64d6-7423-9902-c1800477720c",
        "record_id": "01a21fb5-64d6-7eae-b7e3-50d3758d36fe",
        "template": "person",
        "seq": 1,
        "parent": None,
        "sensitivity": "internal",
        "author_device": _DEVICE,
        "created_at": _TIME,
        "body": {"name": "Абдуллаев Нурлан"},
    },
    "link": {
        "type": "fielddoc-link",
        "version": 1,
        "id": "01a21fb5-64dc-7765-884a-113c9038cee0",
        "link_id": "01a21fb5-64dc-73a7-8eec-460be758fcec",
        "seq": 1,
        "source": "01a21fb5-64db-7f2d-adc4-5b49ff98e01e",
        "target": "01a21fb5-64d6-7eae-b7e3-50d3758d36fe",
        "relation": "interviewee",
        "active": True,
        "author_device": _DEVICE,
        "created_at": _TIME,
    },
    "evidence": {
        "type": "fielddoc-evidence",
        "version": 1,
        "id": _EVIDENCE,
        "sha256": "bb" * 32,
        "size": 103,
        "original_name": "photo.jpg",
        "mime_type": "image/jpeg",
        "acquired_at": _TIME,
        "acquired_device": _DEVICE,
        "file_modified": None,
        "metadata": {"image": {"width": 1, "height": 1}},
        "file": f"data/evidence/{_EVIDENCE}/photo.jpg",
        "custody": [
            {
                "id": "01a21fb5-64fa-727f-bd18-e13dd5617de3",
                "evidence_id": _EVIDENCE,
                "seq": 1,
                "event": "ingest",
                "at": _TIME,
                "device": _DEVICE,
                "detail": {"size": 103},
                "prev_hash": "73" * 32,
                "hash": "bb" * 32,
            }
        ],
    },
}
_PARSERS = {
    "revision": check_revision_document,
    "link": check_link_document,
    "evidence": parse_descriptor,
}


def _nested(depth: int) -> bytes:
    """The revision seed with ``template`` a list nested ``depth`` deep (canonical otherwise)."""
    text = canonical_json(DOCUMENTS["revision"])
    return text.replace(b'"template":"person"', b'"template":' + b"[" * depth + b"]" * depth)


@fuzz_settings(300)
@given(
    case=st.sampled_from(sorted(DOCUMENTS)).flatmap(
        lambda kind: (
            mutated_json(DOCUMENTS[kind]).flatmap(json_encodings).map(lambda raw: (kind, raw))
        )
    )
)
# regressions found by this suite: JSON that parses but cannot be written canonically (nested
# past 64 levels, an integer past 2**53, a lone surrogate) escaped as BAD_INPUT naming the path
@example(case=("revision", _nested(65)))
@example(
    case=("link", canonical_json(DOCUMENTS["link"]).replace(b'"seq":1', b'"seq":9007199254740993'))
)
@example(
    case=("evidence", canonical_json(DOCUMENTS["evidence"]).replace(b'photo.jpg"', b'\\ud800"'))
)
def test_fuzz_bundle_documents(fuzz_log: FuzzLog, case: tuple[str, bytes]) -> None:
    kind, raw = case
    name = str(DOCUMENTS[kind]["id"])
    outcome = attempt(lambda: _PARSERS[kind](raw, name), limit=5, what=f"{kind} parser")
    fuzz_log.tried(kind, outcome)
    if outcome.ok:  # accepted documents are canonical, so they hash like the device's copy
        assert canonical_json(json.loads(raw)) == raw
    else:
        assert outcome.code == "BUNDLE_INVALID", outcome.code


@fuzz_settings(300)
@given(
    kind=st.sampled_from(["bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"]),
    data=st.data(),
)
def test_fuzz_bundle_tag_files(
    scene: BundleScene, fuzz_log: FuzzLog, kind: str, data: st.DataObject
) -> None:
    original = scene.bag.read(kind)
    text = data.draw(mutated_lines(original) | mutated_bytes(original), label="edits")
    if kind == "bag-info.txt":
        outcome = attempt(lambda: bag.parse_bag_info(text), what="parse_bag_info")
    else:
        payload = kind == "manifest-sha256.txt"
        outcome = attempt(lambda: bag.parse_manifest(text, payload=payload), what="parse_manifest")
    fuzz_log.tried(kind, outcome)
    if outcome.ok:  # paths in an accepted manifest are safe to use inside the bag
        for path in outcome.value if kind != "bag-info.txt" else ():
            bag.check_relative_path(path)
    else:
        assert outcome.code == "BUNDLE_INVALID", outcome
