"""Hostile bundles and receipts: each is refused with a typed error and changes nothing.

Every attack in :data:`ATTACKS` starts from a real bundle exported by a field vault to its HQ
(tests/exchange_support.py) and is built with tests/bundle_forge.py: the age file is cut or
flipped, or it is decrypted, changed at the tar or bag level, re-signed with the device's own
key (an attacker who holds it) or another key, and sealed again to the HQ's public recipient
(anyone can do that). For each one:

- ``verify_bundle`` writes nothing at all (database, files, not even ``quarantine/``);
- ``import_bundle`` returns ``ok=False`` with the expected stable ``error_code`` and verify
  reports the same code;
- HQ's database is unchanged table by table, ``blobs/`` is unchanged, ``quarantine/`` holds no
  files, and no file appeared or changed anywhere under the test folder.

Sequence attacks (replay, gap, fork), receipts and two bounded hypothesis fuzzers (random bytes
of the ciphertext; random bytes of the plaintext, re-sealed) follow.
"""

from __future__ import annotations

import hashlib
import json
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fielddoc.canonical import canonical_json
from fielddoc.crypto import age, minisign
from fielddoc.errors import FielddocError
from fielddoc.evidence.custody import event_hash
from fielddoc.exchange import cards
from fielddoc.exchange.context import exchange_context
from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.identity import ensure_keys
from fielddoc.exchange.importer import BundleReport, import_bundle, verify_bundle
from fielddoc.exchange.receipts import import_receipt
from fielddoc.ids import new_id
from tests.bundle_forge import (
    Forge,
    ForgedBag,
    TarEntry,
    age_layout,
    count,
    flip,
    open_bundle,
    read_tar,
    seal,
    tar_bytes,
    tree_state,
    unseal,
    vault_state,
)
from tests.conftest import make_vault
from tests.exchange_support import Pair, add_sample_content, introduce, make_pair

EVIDENCE_BYTES = 70_000  # the bundle spans two age chunks (64 KiB each), still small and fast
AGE_FAILURES = {"BAD_INPUT", "INTEGRITY_FAILED", "NOT_ADDRESSED_TO_US"}
BUNDLE_CODES = AGE_FAILURES | {
    "BUNDLE_INVALID",
    "SIGNATURE_INVALID",
    "UNKNOWN_DEVICE",
    "REVOKED_DEVICE",
    "BUNDLE_OUT_OF_SEQUENCE",
    "BUNDLE_FORK",
    "BUNDLE_FOR_ANOTHER_HQ",
    "BUNDLE_UNSUPPORTED",
    "INVALID_RECORD",
    "UNKNOWN_TEMPLATE",
    "CARD_INVALID",
}


# --- the scene: a field vault, its HQ and one real bundle ---------------------------------------


@dataclass
class Scene:
    pair: Pair
    forge: Forge
    ids: dict[str, str]
    bundle: Path

    @property
    def key(self) -> minisign.SecretKey:
        return self.forge.device_key

    @property
    def sealed(self) -> bytes:
        return self.bundle.read_bytes()

    def bag(self, path: Path | None = None) -> ForgedBag:
        return self.forge.open(path or self.bundle)

    def save(self, plaintext: ForgedBag | bytes, stem: str = "forged") -> Path:
        return self.forge.save(plaintext, stem)

    def save_bytes(self, sealed: bytes, stem: str = "forged") -> Path:
        return self.forge.save_bytes(sealed, stem)

    def next_bundle(self, title: str = "Разгон митинга") -> Path:
        """A second export from the field (it carries everything of the first again)."""
        self.pair.f.records.create("incident", {"title": title})
        return self.forge.export("next")


def _close(pair: Pair) -> None:
    pair.field.vault.close()
    pair.hq.vault.close()


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    pair = make_pair(tmp_path)
    ids = add_sample_content(pair, evidence_bytes=EVIDENCE_BYTES)
    forge = Forge(pair)
    yield Scene(pair, forge, ids, forge.export("b1"))
    _close(pair)


# --- paths inside the bag --------------------------------------------------------------------


def revisions(forged: ForgedBag) -> list[str]:
    return forged.payload_paths("data/revisions/")


def links(forged: ForgedBag) -> list[str]:
    return forged.payload_paths("data/links/")


def descriptor(forged: ForgedBag) -> str:
    return next(p for p in forged.payload_paths("data/evidence/") if p.count("/") == 2)


def evidence_file(forged: ForgedBag) -> str:
    return next(p for p in forged.payload_paths("data/evidence/") if p.count("/") == 3)


def revision_of(forged: ForgedBag, record_id: str) -> str:
    return next(
        p for p in revisions(forged) if json.loads(forged.read(p))["record_id"] == record_id
    )


def document(forged: ForgedBag, inner: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(forged.read(inner))
    return loaded


# --- "nothing changed" -----------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    database: dict[str, str]
    files: dict[str, str]


def snapshot(pair: Pair) -> Snapshot:
    """HQ's database, and every file under the test folder except the two databases."""
    databases = [
        folder / name
        for folder in (pair.hq.path, pair.field.path)
        for name in ("vault.db", "vault.db-wal", "vault.db-shm")
    ]
    return Snapshot(vault_state(pair.h), tree_state(pair.base, skip=databases))


def without_empty_quarantine(pair: Pair, files: dict[str, str]) -> dict[str, str]:
    """An import may leave ``quarantine/`` behind, but never anything in it."""
    quarantine = str((pair.hq.path / "quarantine").relative_to(pair.base))
    return {k: v for k, v in files.items() if not (k == quarantine and v == "dir")}


def assert_unchanged(pair: Pair, before: Snapshot, *, exact: bool) -> None:
    after = snapshot(pair)
    assert after.database == before.database, "the HQ database changed"
    if exact:
        assert after.files == before.files, "files were written"
    else:
        assert without_empty_quarantine(pair, after.files) == without_empty_quarantine(
            pair, before.files
        ), "files were written outside an empty quarantine/"
    quarantine = pair.hq.path / "quarantine"
    assert not quarantine.exists() or list(quarantine.iterdir()) == []


def assert_refused(scene: Scene, path: Path, code: str) -> BundleReport:
    """verify and import both refuse ``path`` with ``code``; nothing changes at HQ."""
    pair = scene.pair
    before = snapshot(pair)
    checked = verify_bundle(pair.h, path)
    assert_unchanged(pair, before, exact=True)  # verify writes nothing, not even quarantine/
    report = import_bundle(pair.h, path, receipts_dir=pair.base / "receipts")
    assert (report.ok, report.error_code) == (False, code), report.to_text()
    assert not report.imported and not report.already_imported and report.receipt is None
    assert report.error and report.error_code in BUNDLE_CODES
    assert (checked.ok, checked.error_code) == (False, code), checked.to_text()
    assert_unchanged(pair, before, exact=False)
    return report


# --- attacks on one real bundle ----------------------------------------------------------------

Attack = Callable[[Scene], Path]
ATTACKS: dict[str, tuple[Attack, str]] = {}


def attack(name: str, code: str) -> Callable[[Attack], Attack]:
    def register(build: Attack) -> Attack:
        assert name not in ATTACKS
        ATTACKS[name] = (build, code)
        return build

    return register


def _cut(at: Callable[[Scene], int]) -> Attack:
    def build(s: Scene) -> Path:
        return s.save_bytes(s.sealed[: at(s)], "cut")

    return build


def _flip_at(at: Callable[[Scene], int], mask: int = 0x01) -> Attack:
    def build(s: Scene) -> Path:
        return s.save_bytes(flip(s.sealed, at(s), mask), "flip")

    return build


def _header_line(s: Scene, prefix: bytes) -> int:
    """Offset of the first header line starting with ``prefix``."""
    header = s.sealed[: age_layout(s.sealed).header_end]
    return header.index(b"\n" + prefix) + 1


def _swap_base64(data: bytes, offset: int) -> bytes:
    """Replace one base64 character by another valid one (the text still parses)."""
    changed = bytearray(data)
    changed[offset] = ord("B") if changed[offset] == ord("A") else ord("A")
    return bytes(changed)


def _plain_offset(s: Scene, inner: str) -> int:
    """Where the data of ``inner`` lies in the plaintext tar."""
    forged = s.bag()
    position = 0
    for entry in forged.entries:
        header = entry.header()
        if entry.name == forged.path(inner):
            return position + len(header)
        position += len(entry.to_bytes())
    raise KeyError(inner)


# truncated files (age layer)
for _name, _code, _at in [
    ("empty file", "BAD_INPUT", lambda s: 0),
    ("cut inside the version line", "BAD_INPUT", lambda s: 10),
    ("cut inside the recipient stanza", "INTEGRITY_FAILED", lambda s: _header_line(s, b"->") + 20),
    ("cut inside the header MAC", "INTEGRITY_FAILED", lambda s: age_layout(s.sealed).mac_line + 9),
    ("cut after the header", "INTEGRITY_FAILED", lambda s: age_layout(s.sealed).header_end),
    ("cut inside the nonce", "INTEGRITY_FAILED", lambda s: age_layout(s.sealed).header_end + 7),
    (
        "cut mid first chunk",
        "INTEGRITY_FAILED",
        lambda s: age_layout(s.sealed).payload_start + 30_000,
    ),
    (
        "cut at the chunk boundary",
        "INTEGRITY_FAILED",
        lambda s: age_layout(s.sealed).chunk_starts[1],
    ),
    (
        "cut inside a chunk tag",
        "INTEGRITY_FAILED",
        lambda s: age_layout(s.sealed).chunk_starts[1] - 5,
    ),
    (
        "cut one byte into the last chunk",
        "INTEGRITY_FAILED",
        lambda s: age_layout(s.sealed).chunk_starts[1] + 1,
    ),
    ("cut the last byte", "INTEGRITY_FAILED", lambda s: len(s.sealed) - 1),
]:
    attack(_name, _code)(_cut(_at))


@attack("trailing bytes after the last chunk", "INTEGRITY_FAILED")
def _trailing(s: Scene) -> Path:
    return s.save_bytes(s.sealed + b"\0" * 17, "trailing")


@attack("two bundles concatenated", "INTEGRITY_FAILED")
def _concatenated(s: Scene) -> Path:
    return s.save_bytes(s.sealed + s.sealed, "twice")


# bit flips in the ciphertext
attack("flip in the version line", "BAD_INPUT")(_flip_at(lambda s: 3))
attack("flip in the header MAC", "INTEGRITY_FAILED")(
    _flip_at(lambda s: age_layout(s.sealed).mac_line + 10)
)
attack("flip in the stanza type", "NOT_ADDRESSED_TO_US")(
    _flip_at(lambda s: _header_line(s, b"-> X25519 ") + 4)
)
attack("flip in the nonce", "INTEGRITY_FAILED")(
    _flip_at(lambda s: age_layout(s.sealed).header_end + 3)
)
attack("flip in the first chunk's tag", "INTEGRITY_FAILED")(
    _flip_at(lambda s: age_layout(s.sealed).chunk_starts[1] - 1)
)
attack("flip in the last chunk", "INTEGRITY_FAILED")(
    _flip_at(lambda s: age_layout(s.sealed).chunk_starts[1] + 100, 0x80)
)


def _inside(inner: str, offset: int) -> Callable[[Scene], int]:
    """The ciphertext offset of byte ``offset`` of the file ``inner``."""

    def at(s: Scene) -> int:
        return age_layout(s.sealed).cipher_offset(_plain_offset(s, inner) + offset)

    return at


for _inner in ("tagmanifest-sha256.txt", "tagmanifest-sha256.txt.minisig", "bag-info.txt"):
    attack(f"flip in the ciphertext of {_inner}", "INTEGRITY_FAILED")(_flip_at(_inside(_inner, 7)))
attack("flip in the ciphertext of the evidence", "INTEGRITY_FAILED")(
    _flip_at(
        lambda s: age_layout(s.sealed).cipher_offset(_plain_offset(s, evidence_file(s.bag())) + 9)
    )
)


@attack("ephemeral share altered in the stanza", "NOT_ADDRESSED_TO_US")
def _share(s: Scene) -> Path:
    return s.save_bytes(_swap_base64(s.sealed, _header_line(s, b"-> X25519 ") + 20), "share")


@attack("wrapped file key altered in the stanza body", "NOT_ADDRESSED_TO_US")
def _wrapped(s: Scene) -> Path:
    line = _header_line(s, b"-> X25519 ")
    body = s.sealed.index(b"\n", line) + 1
    return s.save_bytes(_swap_base64(s.sealed, body + 10), "wrapped")


@attack("header MAC replaced (valid base64)", "INTEGRITY_FAILED")
def _mac(s: Scene) -> Path:
    return s.save_bytes(_swap_base64(s.sealed, age_layout(s.sealed).mac_line + 12), "mac")


# authentic age (sealed to the HQ's public key) around altered plaintext


def _altered(inner: str, offset: int, mask: int = 0x01, *, base64: bool = False) -> Attack:
    """Flip one byte of a file inside (``base64``: swap one base64 letter for another)."""

    def build(s: Scene) -> Path:
        forged = s.bag()
        data = forged.read(inner)
        forged.write(inner, _swap_base64(data, offset) if base64 else flip(data, offset, mask))
        return s.save(forged, "altered")

    return build


_SIG_LINE = len("untrusted comment: signature from fielddoc secret key\n")


attack("flip in the tag manifest", "SIGNATURE_INVALID")(_altered("tagmanifest-sha256.txt", 5))
attack("flip in the signature's signature bytes", "SIGNATURE_INVALID")(
    _altered("tagmanifest-sha256.txt.minisig", _SIG_LINE + 40, base64=True)
)
attack("flip in the signature's key id", "UNKNOWN_DEVICE")(
    _altered("tagmanifest-sha256.txt.minisig", _SIG_LINE + 4, base64=True)
)
attack("flip in the signature's algorithm", "SIGNATURE_INVALID")(
    _altered("tagmanifest-sha256.txt.minisig", _SIG_LINE + 1, base64=True)
)
attack("signature file with a byte that is not base64", "SIGNATURE_INVALID")(
    _altered("tagmanifest-sha256.txt.minisig", _SIG_LINE + 30, 0x80)
)
attack("flip in bag-info.txt", "INTEGRITY_FAILED")(_altered("bag-info.txt", 40))
attack("flip in manifest-sha256.txt", "INTEGRITY_FAILED")(_altered("manifest-sha256.txt", 3))
attack("flip in bagit.txt", "INTEGRITY_FAILED")(_altered("bagit.txt", 30))
attack("bagit.txt of another version", "BUNDLE_INVALID")(_altered("bagit.txt", 15))


@attack("altered trusted comment", "SIGNATURE_INVALID")
def _trusted(s: Scene) -> Path:
    forged = s.bag()
    text = forged.read("tagmanifest-sha256.txt.minisig").replace(b"seq=1 ", b"seq=2 ")
    forged.write("tagmanifest-sha256.txt.minisig", text)
    forged.set_info(Fielddoc_Bundle_Sequence="2")
    forged.update_tagmanifest()
    return s.save(forged, "comment")


@attack("global signature altered", "SIGNATURE_INVALID")
def _global(s: Scene) -> Path:
    forged = s.bag()
    lines = forged.read("tagmanifest-sha256.txt.minisig").split(b"\n")
    lines[3] = _swap_base64(lines[3], 5)
    forged.write("tagmanifest-sha256.txt.minisig", b"\n".join(lines))
    return s.save(forged, "global")


@attack("signature file is not a signature", "SIGNATURE_INVALID")
def _garbage_signature(s: Scene) -> Path:
    forged = s.bag()
    forged.write("tagmanifest-sha256.txt.minisig", b"\xff\xfe not minisign\n")
    return s.save(forged, "garbage-sig")


@attack("plaintext is not a tar", "BUNDLE_INVALID")
def _not_tar(s: Scene) -> Path:
    return s.save(b"fielddoc? no.\n" * 100, "not-tar")


@attack("empty plaintext", "BUNDLE_INVALID")
def _empty_plain(s: Scene) -> Path:
    return s.save(b"", "empty-plain")


# addressing


@attack("encrypted to another HQ's key", "NOT_ADDRESSED_TO_US")
def _other_hq_key(s: Scene) -> Path:
    other = age.generate_identity().recipient
    return s.forge.save(s.bag(), "other-hq", recipients=[other])


@attack("signed for another HQ, re-encrypted to this one by that HQ", "BUNDLE_FOR_ANOTHER_HQ")
def _relayed(s: Scene) -> Path:
    osh = make_vault(s.pair.base / "hq-osh", role="hq", name="HQ Osh")
    try:
        osh_ctx = exchange_context(osh.vault)
        introduce(s.pair.f, osh_ctx)
        path = s.forge.export("for-osh", to=["HQ Osh"])
        plain = unseal(path.read_bytes(), osh_ctx.keys.age.secret)
    finally:
        osh.vault.close()
    return s.save(plain, "relayed")


@attack("recipients changed in bag-info but not in the signature", "INTEGRITY_FAILED")
def _recipients_info(s: Scene) -> Path:
    forged = s.bag()
    forged.set_info(Fielddoc_Recipients=age.generate_identity().recipient)
    return s.save(forged, "recipients")


@attack(
    "signed recipients name another HQ (re-signed with the device key)", "BUNDLE_FOR_ANOTHER_HQ"
)
def _recipients_signed(s: Scene) -> Path:
    forged = s.bag()
    forged.set_info(Fielddoc_Recipients=age.generate_identity().recipient)
    forged.reseal(s.key)
    return s.save(forged, "recipients-signed")


# signers


@attack("signed by an unknown device", "UNKNOWN_DEVICE")
def _unknown(s: Scene) -> Path:
    stranger = minisign.SecretKey.generate()
    forged = s.bag()
    forged.set_info(Fielddoc_Device_Key_Id=stranger.public_key().key_id_hex)
    forged.reseal(stranger)
    return s.save(forged, "stranger")


@attack("signed by another key under the device's key id", "SIGNATURE_INVALID")
def _impostor(s: Scene) -> Path:
    impostor = minisign.SecretKey(key_id=s.key.key_id, seed=minisign.SecretKey.generate().seed)
    forged = s.bag()
    forged.reseal(impostor)
    return s.save(forged, "impostor")


@attack("signed by the HQ's own key", "UNKNOWN_DEVICE")
def _hq_signed(s: Scene) -> Path:
    hq_key = ensure_keys(s.pair.h.conn).signing
    forged = s.bag()
    forged.set_info(Fielddoc_Device_Key_Id=hq_key.public_key().key_id_hex)
    forged.reseal(hq_key)
    return s.save(forged, "hq-signed")


@attack("signed by a revoked device", "REVOKED_DEVICE")
def _revoked(s: Scene) -> Path:
    h = s.pair.h
    cards.revoke(h.conn, s.pair.f.card.name, vault_id=h.vault_id, device=h.device_id)
    return s.bundle


@attack("bundle built from scratch by an unknown device", "UNKNOWN_DEVICE")
def _scratch(s: Scene) -> Path:
    stranger = minisign.SecretKey.generate()
    forged = ForgedBag.build(
        stranger,
        recipients=[s.forge.hq_recipient],
        payload=[("data/device-card.txt", s.pair.f.card.to_text().encode())],
    )
    return s.save(forged, "scratch")


# a valid signature over a different bag


def _two_bundles(s: Scene) -> tuple[ForgedBag, ForgedBag]:
    first = s.bag()
    second = s.bag(s.next_bundle())
    second.set_root(first.root)
    return first, second


@attack("tag manifest and signature of A over bag B", "INTEGRITY_FAILED")
def _mixed_tags(s: Scene) -> Path:
    a, b = _two_bundles(s)
    for inner in ("tagmanifest-sha256.txt", "tagmanifest-sha256.txt.minisig"):
        b.write(inner, a.read(inner))
    return s.save(b, "mixed-tags")


@attack("all tag files of A with the payload of B", "BUNDLE_INVALID")
def _mixed_payload(s: Scene) -> Path:
    a, b = _two_bundles(s)
    tags = [e for e in a.entries if not e.name.startswith(a.path("data/"))]
    payload = [e for e in b.entries if e.name.startswith(b.path("data/"))]
    return s.save(ForgedBag(a.root, tags + payload), "mixed-payload")


# payload files


@attack("extra payload file not in the manifest", "BUNDLE_INVALID")
def _extra(s: Scene) -> Path:
    forged = s.bag()
    forged.add("data/notes.txt", b"unlisted\n")
    return s.save(forged, "extra")


@attack("extra payload file listed and re-signed", "BUNDLE_INVALID")
def _extra_signed(s: Scene) -> Path:
    forged = s.bag()
    forged.add("data/notes.txt", b"listed but unknown\n")
    forged.reseal(s.key)
    return s.save(forged, "extra-signed")


@attack("extra file beside the payload folder", "BUNDLE_INVALID")
def _extra_root(s: Scene) -> Path:
    forged = s.bag()
    forged.add("notes.txt", b"outside data/\n")
    return s.save(forged, "extra-root")


@attack("file outside the bag folder", "BUNDLE_INVALID")
def _outside(s: Scene) -> Path:
    forged = s.bag()
    forged.insert(TarEntry("elsewhere/data/x.json", b"{}"))
    return s.save(forged, "outside")


@attack("missing revision file", "INTEGRITY_FAILED")
def _missing(s: Scene) -> Path:
    forged = s.bag()
    forged.remove(revisions(forged)[0])
    return s.save(forged, "missing")


@attack("missing device card (the last file)", "INTEGRITY_FAILED")
def _missing_last(s: Scene) -> Path:
    forged = s.bag()
    forged.remove("data/device-card.txt")
    return s.save(forged, "missing-last")


@attack("missing evidence file after its description", "BUNDLE_INVALID")
def _missing_evidence(s: Scene) -> Path:
    forged = s.bag()
    forged.remove(evidence_file(forged))
    return s.save(forged, "missing-evidence")


@attack("file removed from manifest, Payload-Oxum kept, re-signed", "INTEGRITY_FAILED")
def _oxum(s: Scene) -> Path:
    forged = s.bag()
    forged.remove(links(forged)[0])
    forged.reseal(s.key, oxum=False)
    return s.save(forged, "oxum")


@attack("renamed payload file", "BUNDLE_INVALID")
def _renamed(s: Scene) -> Path:
    forged = s.bag()
    forged.rename(revisions(forged)[0], f"data/revisions/{new_id()}.json")
    return s.save(forged, "renamed")


@attack("renamed revision, manifest re-signed", "BUNDLE_INVALID")
def _renamed_signed(s: Scene) -> Path:
    forged = s.bag()
    forged.rename(revisions(forged)[0], f"data/revisions/{new_id()}.json")
    forged.reseal(s.key)
    return s.save(forged, "renamed-signed")


@attack("renamed evidence file, manifest re-signed", "INTEGRITY_FAILED")
def _renamed_evidence(s: Scene) -> Path:
    forged = s.bag()
    old = evidence_file(forged)
    forged.rename(old, old.rsplit("/", 1)[0] + "/renamed.jpg")
    forged.reseal(s.key)
    return s.save(forged, "renamed-evidence")


@attack("evidence file before its description", "BUNDLE_INVALID")
def _evidence_first(s: Scene) -> Path:
    forged = s.bag()
    moved = forged.remove(evidence_file(forged))
    forged.insert(moved, at=forged.index(descriptor(forged)))
    return s.save(forged, "evidence-first")


@attack("device card of another device, re-signed", "INTEGRITY_FAILED")
def _other_card(s: Scene) -> Path:
    forged = s.bag()
    forged.write("data/device-card.txt", s.pair.h.card.to_text().encode())
    forged.reseal(s.key)
    return s.save(forged, "other-card")


@attack("device card damaged, re-signed", "CARD_INVALID")
def _bad_card(s: Scene) -> Path:
    forged = s.bag()
    forged.write("data/device-card.txt", forged.read("data/device-card.txt")[:-20] + b"\n")
    forged.reseal(s.key)
    return s.save(forged, "bad-card")


# fetch.txt


@attack("fetch.txt after the tag files", "BUNDLE_INVALID")
def _fetch(s: Scene) -> Path:
    forged = s.bag()
    forged.add(
        "fetch.txt", b"https://example.org/x 10 data/x\n", after="tagmanifest-sha256.txt.minisig"
    )
    return s.save(forged, "fetch")


@attack("fetch.txt listed in the tag manifest and signed", "BUNDLE_INVALID")
def _fetch_signed(s: Scene) -> Path:
    forged = s.bag()
    fetch = b"https://example.org/x 10 data/x\n"
    forged.add("fetch.txt", fetch, after="manifest-sha256.txt")
    forged.update_tagmanifest()
    listed = forged.read("tagmanifest-sha256.txt") + (
        f"{hashlib.sha256(fetch).hexdigest()}  fetch.txt\n".encode()
    )
    forged.write("tagmanifest-sha256.txt", listed)
    forged.sign(s.key)
    return s.save(forged, "fetch-signed")


# tar members


def _member(entry: Callable[[ForgedBag], TarEntry], *, replace_first: bool = False) -> Attack:
    """Insert a hostile member after the tag files (or in place of the first payload file)."""

    def build(s: Scene) -> Path:
        forged = s.bag()
        first = revisions(forged)[0]
        hostile = entry(forged)
        if replace_first:
            forged.entries[forged.index(first)] = hostile
        else:
            forged.insert(hostile, at=forged.index(first))
        return s.save(forged, "member")

    return build


def _first_revision(forged: ForgedBag) -> str:
    return forged.path(revisions(forged)[0])


for _name, _entry, _replace in [
    ("absolute path", lambda b: TarEntry("/tmp/fielddoc-attack", b"x"), False),  # noqa: S108
    ("absolute path inside the bag", lambda b: TarEntry("/" + b.path("data/x.json"), b"x"), False),
    ("parent path at the start", lambda b: TarEntry("../fielddoc-attack", b"x"), False),
    ("parent path inside the bag", lambda b: TarEntry(b.path("data/../../../x"), b"x"), False),
    ("dot path", lambda b: TarEntry(b.path("data/./x.json"), b"x"), False),
    ("backslash path", lambda b: TarEntry(b.root + "\\data\\..\\..\\x", b"x"), False),
    ("control character in a name", lambda b: TarEntry(b.path("data/x\x07.json"), b"x"), False),
    ("decomposed (NFD) name", lambda b: TarEntry(b.path("data/cafe\u0301.json"), b"x"), False),
    (
        "symlink out of the bag",
        lambda b: TarEntry(_first_revision(b), type=tarfile.SYMTYPE, linkname="/etc/passwd"),
        True,
    ),
    (
        "symlink inside the bag",
        lambda b: TarEntry(_first_revision(b), type=tarfile.SYMTYPE, linkname="../device-card.txt"),
        True,
    ),
    (
        "hard link",
        lambda b: TarEntry(
            _first_revision(b), type=tarfile.LNKTYPE, linkname=b.path("data/device-card.txt")
        ),
        True,
    ),
    (
        "hard link to an absolute path",
        lambda b: TarEntry(b.path("data/x.json"), type=tarfile.LNKTYPE, linkname="/etc/shadow"),
        False,
    ),
    (
        "character device",
        lambda b: TarEntry(_first_revision(b), type=tarfile.CHRTYPE, devmajor=1, devminor=3),
        True,
    ),
    (
        "block device",
        lambda b: TarEntry(_first_revision(b), type=tarfile.BLKTYPE, devmajor=8, devminor=0),
        True,
    ),
    ("fifo", lambda b: TarEntry(_first_revision(b), type=tarfile.FIFOTYPE), True),
    (
        "contiguous file type",
        lambda b: TarEntry(_first_revision(b), b.read(revisions(b)[0]), type=tarfile.CONTTYPE),
        True,
    ),
    (
        "directory with a parent path",
        lambda b: TarEntry(b.path("data/../../up"), type=tarfile.DIRTYPE),
        False,
    ),
    ("absolute directory", lambda b: TarEntry("/var/tmp/fielddoc", type=tarfile.DIRTYPE), False),  # noqa: S108
    (
        "payload member declaring 1 TiB",
        lambda b: TarEntry(_first_revision(b), b.read(revisions(b)[0]), size=1 << 40),
        True,
    ),
    (
        "payload member declaring 2^70 bytes",
        lambda b: TarEntry(b.path("data/huge.bin"), b"x", size=1 << 70),
        False,
    ),
    (
        "malformed pax sparse map",
        lambda b: TarEntry(b.path("data/x.json"), b"x", pax={"GNU.sparse.map": "a,b"}),
        False,
    ),
    (
        "malformed pax sparse size",
        lambda b: TarEntry(b.path("data/x.json"), b"x", pax={"GNU.sparse.size": "many"}),
        False,
    ),
]:
    attack(f"tar member: {_name}", "BUNDLE_INVALID")(_member(_entry, replace_first=_replace))


@attack("tar member: duplicate payload file", "BUNDLE_INVALID")
def _duplicate(s: Scene) -> Path:
    forged = s.bag()
    first = forged.entry(revisions(forged)[0])
    forged.insert(TarEntry(first.name, first.data), after=revisions(forged)[0])
    return s.save(forged, "duplicate")


@attack("tar member: duplicate with other content", "BUNDLE_INVALID")
def _duplicate_other(s: Scene) -> Path:
    forged = s.bag()
    card = forged.entry("data/device-card.txt")
    forged.insert(TarEntry(card.name, b"second\n"))
    return s.save(forged, "duplicate-other")


@attack("tar member: duplicate tag file", "BUNDLE_INVALID")
def _duplicate_tag(s: Scene) -> Path:
    forged = s.bag()
    forged.add("bagit.txt", forged.read("bagit.txt"), after="tagmanifest-sha256.txt.minisig")
    return s.save(forged, "duplicate-tag")


@attack("tar member: tag file declaring a huge size", "BUNDLE_INVALID")
def _huge_tag(s: Scene) -> Path:
    forged = s.bag()
    forged.entry("bag-info.txt").size = 1 << 40
    return s.save(forged, "huge-tag")


@attack("tar member: signature declaring more than it holds", "SIGNATURE_INVALID")
def _overlong_signature(s: Scene) -> Path:
    forged = s.bag()
    forged.entry("tagmanifest-sha256.txt.minisig").size = 8000
    return s.save(forged, "overlong")


@attack("tar member: evidence declaring 1 TiB", "BUNDLE_INVALID")
def _huge_evidence(s: Scene) -> Path:
    forged = s.bag()
    forged.entry(evidence_file(forged)).size = 1 << 40
    return s.save(forged, "huge-evidence")


@attack("tar member: tag file is a symlink", "BUNDLE_INVALID")
def _symlink_tag(s: Scene) -> Path:
    forged = s.bag()
    number = forged.index("bagit.txt")
    forged.entries[number] = TarEntry(
        forged.path("bagit.txt"), type=tarfile.SYMTYPE, linkname="/etc/passwd"
    )
    return s.save(forged, "symlink-tag")


@attack("tar member: malformed pax header charset", "BUNDLE_INVALID")
def _pax_charset(s: Scene) -> Path:
    record = b"hdrcharset=\xff\xfe\n"
    record = f"{len(record) + 3} ".encode() + record
    info = tarfile.TarInfo("././@PaxHeader")
    info.type, info.size = tarfile.XHDTYPE, len(record)
    raw = info.tobuf(format=tarfile.USTAR_FORMAT) + record + b"\0" * (-len(record) % 512)
    forged = s.bag()
    forged.insert(TarEntry("pax", raw=raw), at=forged.index(revisions(forged)[0]))
    return s.save(forged, "pax-charset")


@attack("tar ends inside the evidence file", "BUNDLE_INVALID")
def _tar_cut_evidence(s: Scene) -> Path:
    forged = s.bag()
    tar = forged.to_tar()
    return s.save(tar[: tar.index(forged.read(evidence_file(forged))[:256]) + 5000], "tar-cut")


@attack("tar ends inside bag-info.txt", "BUNDLE_INVALID")
def _tar_cut_tags(s: Scene) -> Path:
    forged = s.bag()
    tar = forged.to_tar()
    return s.save(tar[: tar.index(forged.read("bag-info.txt")) + 30], "tar-cut-tags")


@attack("tar ends after bagit.txt", "BUNDLE_INVALID")
def _tar_only_bagit(s: Scene) -> Path:
    forged = s.bag()
    return s.save(tar_bytes(forged.entries[:1]), "only-bagit")


# tag files out of order


@attack("tag files out of order (bag-info before bagit)", "BUNDLE_INVALID")
def _tags_swapped(s: Scene) -> Path:
    forged = s.bag()
    forged.entries[0], forged.entries[1] = forged.entries[1], forged.entries[0]
    return s.save(forged, "tags-swapped")


@attack("signature after the payload", "BUNDLE_INVALID")
def _signature_last(s: Scene) -> Path:
    forged = s.bag()
    forged.insert(forged.remove("tagmanifest-sha256.txt.minisig"))
    return s.save(forged, "sig-last")


@attack("payload before the tag files", "BUNDLE_INVALID")
def _payload_first(s: Scene) -> Path:
    forged = s.bag()
    forged.insert(forged.remove("data/device-card.txt"), at=0)
    return s.save(forged, "payload-first")


@attack("signature missing", "BUNDLE_INVALID")
def _no_signature(s: Scene) -> Path:
    forged = s.bag()
    forged.remove("tagmanifest-sha256.txt.minisig")
    return s.save(forged, "no-sig")


@attack("directory entries between tag files are fine, order is not", "BUNDLE_INVALID")
def _dir_then_swap(s: Scene) -> Path:
    forged = s.bag()
    forged.insert(TarEntry(forged.root, type=tarfile.DIRTYPE), at=0)
    forged.entries[2], forged.entries[3] = forged.entries[3], forged.entries[2]
    return s.save(forged, "dir-swap")


# sequence numbers out of range


def _sequence(value: str) -> Attack:
    def build(s: Scene) -> Path:
        forged = s.bag()
        forged.set_info(Fielddoc_Bundle_Sequence=value)
        forged.reseal(s.key, manifest=False)
        return s.save(forged, "seq")

    return build


attack("sequence number 0", "BUNDLE_INVALID")(_sequence("0"))
attack("sequence number 2^64", "BUNDLE_INVALID")(_sequence(str(1 << 64)))
attack("sequence number with a leading zero", "BUNDLE_INVALID")(_sequence("01"))


@attack("bundle format from a newer fielddoc, correctly signed", "BUNDLE_UNSUPPORTED")
def _newer_format(s: Scene) -> Path:
    forged = s.bag()
    forged.set_info(Fielddoc_Format="fielddoc-bundle-v2")
    forged.reseal(s.key, manifest=False, comment=forged.comment().replace("-v1 ", "-v2 ", 1))
    return s.save(forged, "v2")


@attack("bag-info format disagrees with the signed comment", "INTEGRITY_FAILED")
def _format_mismatch(s: Scene) -> Path:
    forged = s.bag()
    forged.set_info(Fielddoc_Format="fielddoc-bundle-v9")
    forged.reseal(s.key, manifest=False)  # the comment still says v1
    return s.save(forged, "format")


@attack("creation time that is not a timestamp", "BUNDLE_INVALID")
def _bad_created(s: Scene) -> Path:
    forged = s.bag()
    forged.set_info(Fielddoc_Created="yesterday")
    forged.reseal(s.key, manifest=False)
    return s.save(forged, "created")


@attack("first bundle claiming a predecessor", "BUNDLE_FORK")
def _first_with_prev(s: Scene) -> Path:
    forged = s.bag()
    forged.set_info(Fielddoc_Previous_Bundle_SHA256="ab" * 32)
    forged.reseal(s.key, manifest=False)
    return s.save(forged, "prev")


# documents


def _edit_revision(change: Callable[[ForgedBag, dict[str, Any]], bytes]) -> Attack:
    """Replace the person's revision by ``change(bag, document)``; manifest re-signed."""

    def build(s: Scene) -> Path:
        forged = s.bag()
        inner = revision_of(forged, s.ids["person"])
        forged.write(inner, change(forged, document(forged, inner)))
        forged.reseal(s.key)
        return s.save(forged, "revision")

    return build


def _pretty(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


def _unsorted(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return json.dumps(
        dict(reversed(doc.items())), ensure_ascii=False, separators=(",", ":")
    ).encode()


def _duplicate_key(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json(doc)[:-1] + b',"type":"fielddoc-revision"}'


def _no_name(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json({**doc, "body": {}})


def _wrong_type(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json({**doc, "body": {"name": ["not", "text"]}})


def _unknown_field(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json({**doc, "body": {**doc["body"], "nickname": "x"}})


def _unknown_template(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json({**doc, "template": "spaceship"})


def _float(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json(doc)[:-1] + b',"weight":1.5}'


def _extra_field(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json({**doc, "extra": 1})


def _bad_sensitivity(_b: ForgedBag, doc: dict[str, Any]) -> bytes:
    return canonical_json({**doc, "sensitivity": "public-ish"})


for _name, _change, _code in [
    ("revision not canonical (indented)", _pretty, "BUNDLE_INVALID"),
    ("revision not canonical (keys unsorted)", _unsorted, "BUNDLE_INVALID"),
    ("revision with a duplicate key", _duplicate_key, "BUNDLE_INVALID"),
    ("revision with a fractional number", _float, "BUNDLE_INVALID"),
    ("revision with an unexpected field", _extra_field, "BUNDLE_INVALID"),
    ("revision with an unknown sensitivity", _bad_sensitivity, "BUNDLE_INVALID"),
    ("revision missing a required field", _no_name, "INVALID_RECORD"),
    ("revision with a field of the wrong type", _wrong_type, "INVALID_RECORD"),
    ("revision with a field its template lacks", _unknown_field, "INVALID_RECORD"),
    ("revision of an unknown template", _unknown_template, "UNKNOWN_TEMPLATE"),
]:
    attack(_name, _code)(_edit_revision(_change))


@attack("revision not canonical, manifest not re-signed", "INTEGRITY_FAILED")
def _pretty_unsigned(s: Scene) -> Path:
    forged = s.bag()
    inner = revision_of(forged, s.ids["person"])
    forged.write(inner, _pretty(forged, document(forged, inner)))
    return s.save(forged, "pretty-unsigned")


@attack("two revisions claim one place in a record", "INTEGRITY_FAILED")
def _same_place(s: Scene) -> Path:
    forged = s.bag()
    doc = document(forged, revision_of(forged, s.ids["person"]))
    twin = {**doc, "id": new_id(), "body": {"name": "Someone else"}}
    forged.add(
        f"data/revisions/{twin['id']}.json", canonical_json(twin), after=revisions(forged)[-1]
    )
    forged.reseal(s.key)
    return s.save(forged, "same-place")


@attack("one record under two templates", "INTEGRITY_FAILED")
def _two_templates(s: Scene) -> Path:
    forged = s.bag()
    doc = document(forged, revision_of(forged, s.ids["person"]))
    other = {
        **doc,
        "id": new_id(),
        "seq": 2,
        "parent": doc["id"],
        "template": "incident",
        "body": {"title": "Not a person"},
    }
    forged.add(
        f"data/revisions/{other['id']}.json", canonical_json(other), after=revisions(forged)[-1]
    )
    forged.reseal(s.key)
    return s.save(forged, "two-templates")


@attack("two link changes claim one place", "INTEGRITY_FAILED")
def _link_place(s: Scene) -> Path:
    forged = s.bag()
    doc = document(forged, links(forged)[0])
    twin = {**doc, "id": new_id(), "active": not doc["active"]}
    forged.add(f"data/links/{twin['id']}.json", canonical_json(twin), after=links(forged)[-1])
    forged.reseal(s.key)
    return s.save(forged, "link-place")


@attack("link with a malformed relation", "BUNDLE_INVALID")
def _bad_link(s: Scene) -> Path:
    forged = s.bag()
    inner = links(forged)[0]
    forged.write(inner, canonical_json({**document(forged, inner), "relation": "DROP TABLE"}))
    forged.reseal(s.key)
    return s.save(forged, "bad-link")


# evidence


@attack("evidence bytes changed", "INTEGRITY_FAILED")
def _evidence_bytes(s: Scene) -> Path:
    forged = s.bag()
    inner = evidence_file(forged)
    forged.write(inner, flip(forged.read(inner), 1234))
    return s.save(forged, "evidence-bytes")


@attack("evidence bytes changed, manifest re-signed", "INTEGRITY_FAILED")
def _evidence_signed(s: Scene) -> Path:
    forged = s.bag()
    inner = evidence_file(forged)
    forged.write(inner, flip(forged.read(inner), 1234))
    forged.reseal(s.key)
    return s.save(forged, "evidence-signed")


@attack("evidence bytes and description changed, custody chain stale", "INTEGRITY_FAILED")
def _evidence_descriptor(s: Scene) -> Path:
    forged = s.bag()
    inner = evidence_file(forged)
    data = flip(forged.read(inner), 1234)
    forged.write(inner, data)
    described = document(forged, descriptor(forged))
    described["sha256"] = hashlib.sha256(data).hexdigest()
    forged.write(descriptor(forged), canonical_json(described))
    forged.reseal(s.key)
    return s.save(forged, "evidence-descriptor")


@attack("evidence shorter than its description says", "BUNDLE_INVALID")
def _evidence_short(s: Scene) -> Path:
    forged = s.bag()
    inner = evidence_file(forged)
    data = forged.read(inner)[:-100]
    forged.write(inner, data)
    described = document(forged, descriptor(forged))
    described["sha256"] = hashlib.sha256(data).hexdigest()  # the size stays as it was
    forged.write(descriptor(forged), canonical_json(described))
    forged.reseal(s.key)
    return s.save(forged, "evidence-short")


@attack("evidence description naming another file", "INTEGRITY_FAILED")
def _descriptor_file(s: Scene) -> Path:
    forged = s.bag()
    described = document(forged, descriptor(forged))
    described["file"] = described["file"].rsplit("/", 1)[0] + "/other.jpg"
    forged.write(descriptor(forged), canonical_json(described))
    forged.reseal(s.key)
    return s.save(forged, "descriptor-file")


@attack("custody event of other evidence", "BUNDLE_INVALID")
def _custody_other(s: Scene) -> Path:
    forged = s.bag()
    described = document(forged, descriptor(forged))
    described["custody"][0]["evidence_id"] = new_id()
    forged.write(descriptor(forged), canonical_json(described))
    forged.reseal(s.key)
    return s.save(forged, "custody-other")


@attack("two custody events with one id", "INTEGRITY_FAILED")
def _custody_twin(s: Scene) -> Path:
    forged = s.bag()
    described = document(forged, descriptor(forged))
    chain = described["custody"]
    assert len(chain) >= 1
    # a second evidence item whose (valid) chain reuses the first item's event id
    twin_id = new_id()
    twin_file = f"data/evidence/{twin_id}/photo.jpg"
    twin = {**described, "id": twin_id, "file": twin_file, "custody": []}
    event = {**chain[0], "evidence_id": twin_id, "prev_hash": twin["sha256"]}
    event["hash"] = event_hash(
        evidence_id=twin_id,
        seq=event["seq"],
        event=event["event"],
        at=event["at"],
        device=event["device"],
        detail=canonical_json(event["detail"]).decode(),
        prev=event["prev_hash"],
    )
    twin["custody"] = [event]
    forged.add(f"data/evidence/{twin_id}.json", canonical_json(twin))
    forged.add(twin_file, forged.read(evidence_file(forged)))
    forged.reseal(s.key)
    return s.save(forged, "custody-twin")


# --- the parametrised test ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_is_refused_and_changes_nothing(scene: Scene, name: str) -> None:
    build, code = ATTACKS[name]
    path = build(scene)
    assert_refused(scene, path, code)
    # the HQ can still import the genuine bundle afterwards (unless the device was revoked)
    if code != "REVOKED_DEVICE":
        assert import_bundle(scene.pair.h, scene.bundle).ok


def test_every_error_code_is_exercised() -> None:
    codes = {code for _, code in ATTACKS.values()}
    assert codes >= BUNDLE_CODES - {"BUNDLE_OUT_OF_SEQUENCE", "BUNDLE_FORK"}


# --- the last age chunk must be authenticated even when the tar ended before it -----------------


def _padded(s: Scene) -> tuple[ForgedBag, bytes]:
    """The genuine bag, its tar padded (with an unsigned pax comment) to 64 KiB + 512 bytes,
    so that the final age chunk holds nothing but the tar's last zero block."""
    forged = s.bag()
    base = len(forged.to_tar())
    target = -(-base // 65536) * 65536 + 512
    for extra in range(target - base - 1024, target - base + 1):
        forged.entries[0].pax = {"comment": "x" * max(extra, 1)}
        if len(forged.to_tar()) == target:
            break
    assert len(forged.to_tar()) == target
    return forged, seal(forged, [s.forge.hq_recipient])


def test_damage_in_a_last_chunk_the_tar_reader_never_needs(scene: Scene) -> None:
    _forged, sealed = _padded(scene)
    layout = age_layout(sealed)
    last = layout.chunk_starts[-1]
    assert layout.size - last == 512 + 16  # the last chunk: one zero block and its tag
    assert verify_bundle(scene.pair.h, scene.save_bytes(sealed, "padded")).ok
    for mutated in (
        flip(sealed, last + 3),  # in the zero block
        flip(sealed, layout.size - 1),  # in the tag
        sealed[:last],  # the whole last chunk cut at the chunk boundary
        sealed[:-1],
    ):
        assert_refused(scene, scene.save_bytes(mutated, "last-chunk"), "INTEGRITY_FAILED")
    good = import_bundle(scene.pair.h, scene.save_bytes(sealed, "padded-good"))
    assert good.ok and good.imported, good.to_text()


def test_untrusted_comment_is_not_signed_and_changes_nothing(scene: Scene) -> None:
    """The one part of a bundle no signature covers: the signature's untrusted comment. Changing
    it is harmless: the same signed bytes are imported."""
    forged = scene.bag()
    signature = forged.read("tagmanifest-sha256.txt.minisig")
    forged.write(
        "tagmanifest-sha256.txt.minisig",
        signature.replace(b"signature from fielddoc secret key", b"anything at all"),
    )
    report = import_bundle(scene.pair.h, scene.save(forged, "untrusted"))
    assert report.ok and report.imported
    genuine = verify_bundle(scene.pair.h, scene.bundle)
    assert genuine.ok and genuine.already_imported  # same tag manifest: the same bundle


# --- sequence: replay, gap, fork ------------------------------------------------------------


def test_replayed_bundle_changes_nothing(scene: Scene) -> None:
    h = scene.pair.h
    first = import_bundle(h, scene.bundle)
    assert first.ok and first.imported and first.sequence == "first"
    before = snapshot(scene.pair)
    for run in (import_bundle, verify_bundle):
        again = run(h, scene.bundle)
        assert again.ok and again.already_imported and not again.imported, again.to_text()
        assert again.error_code is None
        assert_unchanged(scene.pair, before, exact=True)
    # a replay sealed afresh (new age file key, same signed bag) is still the same bundle
    resealed = scene.save(scene.bag(), "resealed")
    before = snapshot(scene.pair)
    again = import_bundle(h, resealed)
    assert again.ok and again.already_imported
    assert_unchanged(scene.pair, before, exact=True)


def test_out_of_sequence_bundle(scene: Scene) -> None:
    h = scene.pair.h
    second = scene.next_bundle()
    report = assert_refused_import_only(scene, second, "BUNDLE_OUT_OF_SEQUENCE")
    assert "bundle 1 has not arrived" in (report.error or "")
    # verify reports the gap (as an import with accept_gap would) and writes nothing
    before = snapshot(scene.pair)
    checked = verify_bundle(h, second)
    assert checked.ok and checked.sequence == "gap" and not checked.imported
    assert_unchanged(scene.pair, before, exact=True)

    accepted = import_bundle(h, second, accept_gap=True)
    assert accepted.ok and accepted.imported and accepted.sequence == "gap"
    note = h.conn.execute(
        "SELECT sequence_note FROM bundles_in WHERE id = ?", (accepted.bundle_id,)
    ).fetchone()[0]
    assert note == "gap: bundle 1 has not arrived"
    assert count(h, "bundles_in") == 1
    late = import_bundle(h, scene.bundle)
    assert late.ok and late.imported
    assert count(h, "bundles_in") == 2


def assert_refused_import_only(scene: Scene, path: Path, code: str) -> BundleReport:
    """For refusals by sequence policy, which verify reports as a gap instead of an error."""
    before = snapshot(scene.pair)
    report = import_bundle(scene.pair.h, path)
    assert (report.ok, report.error_code) == (False, code), report.to_text()
    assert_unchanged(scene.pair, before, exact=False)
    return report


def test_fork_same_sequence_number(scene: Scene) -> None:
    assert import_bundle(scene.pair.h, scene.bundle).ok
    forged = scene.bag()
    forged.set_info(Fielddoc_Bundle_Id=new_id())  # another bundle, also sequence 1
    forged.reseal(scene.key, manifest=False)
    assert_refused(scene, scene.save(forged, "fork"), "BUNDLE_FORK")


def test_fork_two_real_exports_with_one_sequence_number(scene: Scene) -> None:
    """A field vault restored from a backup taken before bundle 1 exports another bundle 1."""
    pair = scene.pair
    pair.f.conn.execute("DELETE FROM bundle_items")
    pair.f.conn.execute("DELETE FROM bundles_out")  # what the backup knew
    pair.f.records.create("incident", {"title": "после восстановления"})
    other = scene.forge.export("restored")
    assert scene.bag(other).info()["Fielddoc-Bundle-Sequence"] == "1"
    assert import_bundle(pair.h, scene.bundle).ok
    assert_refused(scene, other, "BUNDLE_FORK")


def test_fork_same_id_different_content(scene: Scene) -> None:
    assert import_bundle(scene.pair.h, scene.bundle).ok
    forged = scene.bag()
    forged.remove(links(forged)[0])
    forged.reseal(scene.key)
    assert_refused(scene, scene.save(forged, "same-id"), "BUNDLE_FORK")


def test_fork_history_does_not_continue(scene: Scene) -> None:
    assert import_bundle(scene.pair.h, scene.bundle).ok
    forged = scene.bag(scene.next_bundle())
    forged.set_info(Fielddoc_Previous_Bundle_SHA256="cd" * 32)
    forged.reseal(scene.key, manifest=False)
    assert_refused(scene, scene.save(forged, "history"), "BUNDLE_FORK")


def test_mixed_bag_signature_of_b_over_payload_of_a(scene: Scene) -> None:
    """B's signed tag files (sequence 2, after A) with A's smaller payload."""
    assert import_bundle(scene.pair.h, scene.bundle).ok
    b = scene.bag(scene.next_bundle())
    a = scene.bag()
    a.set_root(b.root)
    tags = [e for e in b.entries if not e.name.startswith(b.path("data/"))]
    payload = [e for e in a.entries if e.name.startswith(a.path("data/"))]
    assert_refused(
        scene, scene.save(ForgedBag(b.root, tags + payload), "b-over-a"), "INTEGRITY_FAILED"
    )


def test_custody_fork_on_resent_evidence(scene: Scene) -> None:
    """Evidence HQ holds comes again with a custody event that has a new id in a taken place."""
    assert import_bundle(scene.pair.h, scene.bundle).ok
    forged = scene.bag(scene.next_bundle())
    described = document(forged, descriptor(forged))
    described["custody"][0]["id"] = new_id()  # the event hash does not cover the id
    forged.write(descriptor(forged), canonical_json(described))
    forged.reseal(scene.key)
    assert_refused(scene, scene.save(forged, "custody-fork"), "INTEGRITY_FAILED")


def test_revision_fork_against_held_record(scene: Scene) -> None:
    assert import_bundle(scene.pair.h, scene.bundle).ok
    forged = scene.bag(scene.next_bundle())
    inner = revision_of(forged, scene.ids["person"])
    doc = document(forged, inner)
    forged.remove(inner)
    twin = {**doc, "id": new_id(), "body": {"name": "Другой человек"}}
    forged.add(
        f"data/revisions/{twin['id']}.json", canonical_json(twin), after=revisions(forged)[-1]
    )
    forged.reseal(scene.key)
    assert_refused(scene, scene.save(forged, "held-fork"), "INTEGRITY_FAILED")


# --- receipts ---------------------------------------------------------------------------------


@dataclass
class ReceiptScene:
    scene: Scene
    receipt: Path

    @property
    def pair(self) -> Pair:
        return self.scene.pair

    def files(self) -> tuple[list[TarEntry], str]:
        """The receipt's tar entries, decrypted with the field identity."""
        plain = unseal(self.receipt.read_bytes(), self.pair.f.keys.age.secret)
        return read_tar(plain), self.pair.f.keys.age.recipient

    def save(self, entries: list[TarEntry] | bytes, stem: str) -> Path:
        data = entries if isinstance(entries, bytes) else tar_bytes(entries)
        path = self.pair.base / "receipts" / f"{stem}.fdreceipt"
        path.write_bytes(seal(data, [self.pair.f.keys.age.recipient]))
        return path


@pytest.fixture
def receipt_scene(scene: Scene) -> ReceiptScene:
    folder = scene.pair.base / "receipts"
    report = import_bundle(scene.pair.h, scene.bundle, receipts_dir=folder)
    assert report.ok and report.receipt
    return ReceiptScene(scene, Path(report.receipt))


def field_snapshot(pair: Pair) -> dict[str, str]:
    return vault_state(pair.f)


def field_files(pair: Pair) -> dict[str, str]:
    folder = pair.field.path
    return tree_state(
        folder, skip=[folder / n for n in ("vault.db", "vault.db-wal", "vault.db-shm")]
    )


def assert_receipt_refused(
    rs: ReceiptScene, path: Path, code: str, *, then_genuine: bool = True
) -> None:
    """import_receipt raises ``code``; the field vault (deliveries included) is unchanged."""
    before, files = field_snapshot(rs.pair), field_files(rs.pair)
    with pytest.raises(FielddocError) as caught:
        import_receipt(rs.pair.f, path)
    assert caught.value.code == code, f"{caught.value.code}: {caught.value}"
    assert field_snapshot(rs.pair) == before
    assert count(rs.pair.f, "deliveries") == 0
    assert field_files(rs.pair) == files
    if then_genuine:  # the genuine receipt still works afterwards
        assert import_receipt(rs.pair.f, rs.receipt).delivered == 5


def _resign(
    entries: list[TarEntry], key: minisign.SecretKey, document: bytes | None = None
) -> None:
    by_name = {entry.name: entry for entry in entries}
    body = by_name["receipt.json"]
    if document is not None:
        body.data = document
    comment = minisign.parse_signature(by_name["receipt.json.minisig"].data).trusted_comment
    by_name["receipt.json.minisig"].data = minisign.sign(
        key, body.data, trusted_comment=comment
    ).encode()


def test_receipt_for_another_device(receipt_scene: ReceiptScene) -> None:
    rs = receipt_scene
    pair = rs.pair
    second = make_vault(pair.base / "field2", role="field", name="Second laptop")
    try:
        ctx2 = exchange_context(second.vault)
        introduce(ctx2, pair.h)
        ctx2.records.create("person", {"name": "Иванов"})
        path2 = pair.base / "bundles" / "second.fdbundle"
        write_bundle(ctx2, path2)
        folder = pair.base / "receipts2"
        report = import_bundle(pair.h, path2, receipts_dir=folder)
        assert report.ok and report.receipt
        foreign = Path(report.receipt)
        # as sent: encrypted to the other device, which this vault cannot read
        assert_receipt_refused(rs, foreign, "NOT_ADDRESSED_TO_US", then_genuine=False)
        # re-encrypted to this device: HQ's signature is valid, but it names the other device
        plain = unseal(foreign.read_bytes(), ctx2.keys.age.secret)
        assert_receipt_refused(rs, rs.save(plain, "foreign"), "RECEIPT_INVALID")
    finally:
        second.vault.close()


def test_receipt_with_altered_document(receipt_scene: ReceiptScene) -> None:
    entries, _ = receipt_scene.files()
    body = next(e for e in entries if e.name == "receipt.json")
    body.data = body.data.replace(b'"items":{', b'"items":{ ', 1)
    assert_receipt_refused(
        receipt_scene, receipt_scene.save(entries, "altered"), "SIGNATURE_INVALID"
    )


def test_receipt_with_flipped_signature(receipt_scene: ReceiptScene) -> None:
    entries, _ = receipt_scene.files()
    sig = next(e for e in entries if e.name == "receipt.json.minisig")
    lines = sig.data.split(b"\n")
    lines[1] = lines[1][:40] + bytes([lines[1][40] ^ 0x20]) + lines[1][41:]
    sig.data = b"\n".join(lines)
    assert_receipt_refused(
        receipt_scene, receipt_scene.save(entries, "flipped"), "SIGNATURE_INVALID"
    )


def test_receipt_signed_by_unregistered_hq_key(receipt_scene: ReceiptScene) -> None:
    entries, _ = receipt_scene.files()
    stranger = minisign.SecretKey.generate()
    document_ = json.loads(next(e for e in entries if e.name == "receipt.json").data)
    document_["hq_key_id"] = stranger.public_key().key_id_hex
    _resign(entries, stranger, canonical_json(document_))
    assert_receipt_refused(
        receipt_scene, receipt_scene.save(entries, "stranger"), "RECEIPT_INVALID"
    )


def test_receipt_signed_by_the_device_itself(receipt_scene: ReceiptScene) -> None:
    entries, _ = receipt_scene.files()
    own = ensure_keys(receipt_scene.pair.f.conn).signing
    document_ = json.loads(next(e for e in entries if e.name == "receipt.json").data)
    document_["hq_key_id"] = own.public_key().key_id_hex
    _resign(entries, own, canonical_json(document_))
    assert_receipt_refused(receipt_scene, receipt_scene.save(entries, "self"), "RECEIPT_INVALID")


def test_receipt_from_revoked_hq(receipt_scene: ReceiptScene) -> None:
    f = receipt_scene.pair.f
    hq_name = receipt_scene.pair.h.card.name
    cards.revoke(f.conn, hq_name, vault_id=f.vault_id, device=f.device_id)
    with pytest.raises(FielddocError) as caught:
        import_receipt(f, receipt_scene.receipt)
    assert caught.value.code == "RECEIPT_INVALID"
    assert count(f, "deliveries") == 0 and count(f, "receipts_in") == 0


def test_receipt_for_a_bundle_this_vault_did_not_write(receipt_scene: ReceiptScene) -> None:
    entries, _ = receipt_scene.files()
    hq_key = ensure_keys(receipt_scene.pair.h.conn).signing
    document_ = json.loads(next(e for e in entries if e.name == "receipt.json").data)
    document_["bundle_tagmanifest_sha256"] = "ef" * 32
    _resign(entries, hq_key, canonical_json(document_))
    assert_receipt_refused(
        receipt_scene, receipt_scene.save(entries, "other-bundle"), "RECEIPT_INVALID"
    )


@pytest.mark.parametrize(
    ("stem", "entries", "code"),
    [
        ("extra-file", lambda e: [*e, TarEntry("extra.txt", b"x")], "RECEIPT_INVALID"),
        (
            "symlink",
            lambda e: [
                e[0],
                TarEntry("receipt.json.minisig", type=tarfile.SYMTYPE, linkname="/etc/passwd"),
            ],
            "RECEIPT_INVALID",
        ),
        ("duplicate", lambda e: [*e, e[0]], "RECEIPT_INVALID"),
        ("missing-signature", lambda e: e[:1], "RECEIPT_INVALID"),
        ("not-a-tar", lambda e: b"receipt" * 100, "RECEIPT_INVALID"),
    ],
)
def test_receipt_archive_tampering(
    receipt_scene: ReceiptScene,
    stem: str,
    entries: Callable[[list[TarEntry]], list[TarEntry] | bytes],
    code: str,
) -> None:
    files, _ = receipt_scene.files()
    assert_receipt_refused(receipt_scene, receipt_scene.save(entries(files), stem), code)


def test_receipt_ciphertext_flip(receipt_scene: ReceiptScene) -> None:
    sealed = receipt_scene.receipt.read_bytes()
    path = receipt_scene.pair.base / "receipts" / "flip.fdreceipt"
    path.write_bytes(flip(sealed, len(sealed) - 30))
    assert_receipt_refused(receipt_scene, path, "INTEGRITY_FAILED")


# --- fuzzing -----------------------------------------------------------------------------------


@pytest.fixture
def fuzz_scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    base = tmp_path_factory.mktemp("fuzz")
    pair = make_pair(base)
    ids = add_sample_content(pair, evidence_bytes=EVIDENCE_BYTES)
    forge = Forge(pair)
    yield Scene(pair, forge, ids, forge.export("b1"))
    _close(pair)


FUZZ = settings(
    max_examples=50,
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _damage(data: bytes, changes: list[tuple[int, int]], cut: int | None) -> bytes:
    changed = bytearray(data)
    for position, mask in changes:
        changed[position % len(changed)] ^= mask
    return bytes(changed if cut is None else changed[: cut % len(changed)])


@FUZZ
@given(
    changes=st.lists(
        st.tuples(
            # mostly the first 8 KiB: tag files, documents and tar headers (the evidence after
            # them is just hashed)
            st.integers(min_value=0, max_value=8191) | st.integers(min_value=0),
            st.integers(min_value=1, max_value=255),
        ),
        min_size=1,
        max_size=3,
    ),
    cut=st.none() | st.integers(min_value=0),
)
def test_fuzz_ciphertext(
    fuzz_scene: Scene, changes: list[tuple[int, int]], cut: int | None
) -> None:
    """Random byte flips (and cuts) anywhere in a valid bundle: age authenticates everything,
    so each is refused with an age error, verify agrees, and nothing is written."""
    s = fuzz_scene
    damaged = _damage(s.sealed, changes, cut)
    assume(damaged != s.sealed)  # two flips of one byte can cancel out
    path = s.pair.base / "fuzz.fdbundle"
    path.write_bytes(damaged)
    before = snapshot(s.pair)
    checked = verify_bundle(s.pair.h, path)
    assert_unchanged(s.pair, before, exact=True)
    report = import_bundle(s.pair.h, path)
    assert not report.ok and not report.imported, report.to_text()
    assert report.error_code in AGE_FAILURES, report.to_text()
    assert checked.error_code == report.error_code
    assert_unchanged(s.pair, before, exact=False)


def _signed_content(plain: bytes) -> dict[str, bytes] | None:
    """Path -> bytes of every regular member, or None if the tar does not parse."""
    try:
        return {e.name: e.data for e in read_tar(plain) if e.type == tarfile.REGTYPE}
    except (tarfile.TarError, EOFError, ValueError):
        return None


@FUZZ
@given(
    changes=st.lists(
        st.tuples(
            # mostly the first 8 KiB: tag files, documents and tar headers (the evidence after
            # them is just hashed)
            st.integers(min_value=0, max_value=8191) | st.integers(min_value=0),
            st.integers(min_value=1, max_value=255),
        ),
        min_size=1,
        max_size=3,
    ),
    cut=st.none() | st.integers(min_value=0),
)
def test_fuzz_plaintext(fuzz_scene: Scene, changes: list[tuple[int, int]], cut: int | None) -> None:
    """Random byte flips (and cuts) in the tar inside, sealed again to the HQ: the tar and bag
    parsers see arbitrary damage. Refused with a known code (verify agrees, nothing written),
    or -- when the damage hit bytes nothing depends on (tar padding, a header field we ignore,
    the untrusted comment) -- verified with exactly the genuine signed content."""
    s = fuzz_scene
    genuine = unseal(s.sealed, s.forge.hq_identity)
    plain = _damage(genuine, changes, cut)
    path = s.pair.base / "fuzz-plain.fdbundle"
    path.write_bytes(seal(plain, [s.forge.hq_recipient]))
    before = snapshot(s.pair)
    checked = verify_bundle(s.pair.h, path)
    assert_unchanged(s.pair, before, exact=True)
    if checked.ok:
        content = _signed_content(plain)
        expected = _signed_content(genuine)
        assert content is not None and expected is not None
        signature = s.bag().path("tagmanifest-sha256.txt.minisig")
        content.pop(signature), expected.pop(signature)  # the untrusted comment may differ
        assert content == expected, "verify accepted content that differs from what was signed"
        return
    report = import_bundle(s.pair.h, path)
    assert not report.ok and not report.imported, report.to_text()
    assert report.error_code in BUNDLE_CODES, report.to_text()
    assert checked.error_code == report.error_code, (checked.to_text(), report.to_text())
    assert_unchanged(s.pair, before, exact=False)


def test_open_bundle_round_trip(scene: Scene) -> None:
    """The forge itself: a bundle taken apart and sealed again unchanged imports fine."""
    forged = open_bundle(scene.bundle, scene.forge.hq_identity)
    assert forged.inner_paths()[:5] == [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha256.txt.minisig",
    ]
    forged.reseal(scene.key)  # recomputing everything reproduces a valid (new) signature
    report = import_bundle(scene.pair.h, scene.save(forged, "round-trip"))
    assert report.ok and report.imported, report.to_text()
    assert count(scene.pair.h, "evidence") == 1
