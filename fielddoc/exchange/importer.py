"""HQ side: verify and import bundles, all or nothing.

Pipeline (one pass over the age-decrypted tar stream, nothing plaintext on disk):

1. The tag files must come first, in order. The minisign signature over
   ``tagmanifest-sha256.txt`` is checked against the registered, unrevoked card of the device
   whose key id signed it, and the tag manifest against ``bagit.txt``, ``bag-info.txt`` and
   ``manifest-sha256.txt`` -- all before one byte of payload is read. The signed trusted
   comment must name this HQ among the recipients and agree with ``bag-info.txt``.
2. The sequence is checked against what this HQ already holds from the device: next in line,
   already imported (nothing changes), a gap or a late arrival (refused unless the caller
   accepts it), or a fork (a different bundle claiming a sequence number or history this HQ
   already has: always refused). Sequence numbers are 1 to 18 digits, no leading zero.
3. Payload members are checked one by one against the manifest (safe names, regular files,
   sizes) while they stream: JSON documents are parsed and validated, evidence is hashed and
   re-encrypted into ``<vault>/quarantine/``. Database writes happen inside ONE transaction.
4. Only when every manifest entry was seen, every hash matched, ``Payload-Oxum`` agrees and
   the age stream has been read to its authenticated end (the tar reader stops at the first
   end-of-archive block, which may lie in an earlier age chunk than the last one) are
   quarantined blobs moved into ``blobs/`` and the transaction committed. Any failure
   rolls back, removes the quarantine files and leaves the vault as it was.

:func:`verify_bundle` runs the same checks without writing anything and returns the report.
"""

from __future__ import annotations

import hashlib
import io
import re
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from fielddoc.crypto import age, minisign
from fielddoc.errors import CancelledError, FielddocError, InputError, IntegrityError
from fielddoc.exchange import bag
from fielddoc.exchange.cards import StoredCard, find_by_key_id, parse_card
from fielddoc.exchange.context import ExchangeContext
from fielddoc.exchange.documents import (
    EvidenceDescriptor,
    check_link_document,
    check_revision_document,
    parse_descriptor,
)
from fielddoc.exchange.export import FORMAT, GENESIS
from fielddoc.exchange.store_import import Importer
from fielddoc.fsutil import make_private_dir
from fielddoc.ids import is_id
from fielddoc.vault.connection import transaction
from fielddoc.vault.vault import QUARANTINE_NAME

MAX_DOCUMENT = 16 * 1024 * 1024
MAX_EVIDENCE = 1 << 46  # 64 TiB: anything larger is a lie in a tar header
_TAG_LIMITS = (4096, 65536, bag.MAX_TAG_FILE, 65536, minisign.MAX_SIGNATURE_BYTES)
_COMMENT = re.compile(
    r"^(fielddoc-bundle-v[0-9]+) bundle=(\S+) seq=(\d+) recipients=(\S+) created=(\S+)$"
)
_CREATED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
Cancel = Callable[[], bool]


class UnknownDeviceError(FielddocError):
    code = "UNKNOWN_DEVICE"


class RevokedDeviceError(FielddocError):
    code = "REVOKED_DEVICE"


class SequenceError(FielddocError):
    code = "BUNDLE_OUT_OF_SEQUENCE"


class ForkError(FielddocError):
    code = "BUNDLE_FORK"


class NotForThisHqError(FielddocError):
    code = "BUNDLE_FOR_ANOTHER_HQ"


class UnsupportedFormatError(FielddocError):
    """A correctly signed bundle in a format version this build does not read."""

    code = "BUNDLE_UNSUPPORTED"


@dataclass
class BundleReport:
    """What a person needs to decide about a bundle (printed by ``fielddoc verify``)."""

    file: str
    bundle_id: str = ""
    device_name: str = ""
    device_key_id: str = ""
    device_fingerprint: str = ""
    seq: int = 0
    created: str = ""
    sequence: str = ""
    sequence_detail: str = ""
    # for a "late" bundle: the highest sequence number already held from this device
    sequence_last: int | None = None
    revisions: int = 0
    records: int = 0
    links: int = 0
    evidence: int = 0
    evidence_bytes: int = 0
    new_items: int = 0
    ok: bool = False
    imported: bool = False
    already_imported: bool = False
    error_code: str | None = None
    error: str | None = None
    receipt: str | None = None
    items: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    tagmanifest_sha256: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "items"}

    def to_text(self) -> str:
        lines = [f"Bundle {self.file}"]
        if self.bundle_id:
            lines.append(f"  id {self.bundle_id}, sequence {self.seq}, made {self.created}")
        if self.device_key_id:
            lines.append(
                f"  signed by {self.device_name or '?'} (key {self.device_key_id}, "
                f"fingerprint {self.device_fingerprint}): signature valid"
            )
        if self.sequence:
            lines.append(
                f"  sequence: {self.sequence}"
                + (f" ({self.sequence_detail})" if self.sequence_detail else "")
            )
        if self.revisions or self.evidence or self.links:
            lines.append(
                f"  contents: {self.revisions} revisions of {self.records} records, "
                f"{self.links} link changes, {self.evidence} evidence files "
                f"({self.evidence_bytes} bytes); every hash matches the signed manifest"
            )
        if self.already_imported:
            lines.append("  result: already imported earlier; nothing changed")
        elif self.ok:
            lines.append(
                "  result: " + ("IMPORTED" if self.imported else "OK (verified, not imported)")
            )
        else:
            lines.append(f"  result: REJECTED [{self.error_code}] {self.error}")
        if self.receipt:
            lines.append(f"  receipt written to {self.receipt}")
        return "\n".join(lines)


@dataclass
class _Tags:
    root: str
    info: dict[str, str]
    manifest: dict[str, str]
    tagmanifest_sha256: str
    card: StoredCard
    recipients: list[str]
    tag_hashes: dict[str, str]


def _read_member(tar: tarfile.TarFile, info: tarfile.TarInfo) -> bytes:
    handle = tar.extractfile(info)
    if handle is None:
        raise bag.BagError("A file in the bundle cannot be read.")
    data = handle.read()
    if len(data) != info.size:
        raise bag.BagError("The bundle is truncated.")
    return data


def _next_file(members: Iterator[tarfile.TarInfo]) -> tarfile.TarInfo | None:
    """The next regular member, skipping directory entries (standard tar tools add them)."""
    for info in members:
        if info.isdir():
            bag.check_relative_path(info.name.rstrip("/"))
            continue
        return info
    return None


def _read_tags(
    ctx: ExchangeContext, tar: tarfile.TarFile, members: Iterator[tarfile.TarInfo], seen: set[str]
) -> _Tags:
    contents: list[bytes] = []
    root = ""
    for expected, limit in zip(bag.TAG_FILES, _TAG_LIMITS, strict=True):
        info = _next_file(members)
        if info is None:
            raise bag.BagError("The bundle ends before its signed tag files.")
        if not root:
            root = info.name.split("/", 1)[0]
        inner = bag.check_member(info, root, seen, limit)
        if inner != expected:
            raise bag.BagError("The bundle's tag files are missing or out of order.")
        contents.append(_read_member(tar, info))
    bagit_txt, info_txt, manifest_txt, tagmanifest_txt, signature_txt = contents
    if not bagit_txt.startswith((b"BagIt-Version: 1.0\n", b"BagIt-Version: 0.97\n")):
        raise bag.BagError("This is not a BagIt bag.")
    signature = minisign.parse_signature(signature_txt)
    key_id = f"{int.from_bytes(signature.key_id, 'little'):016X}"
    card = find_by_key_id(ctx.conn, key_id)
    if card is None or card.card.role != "field":
        raise UnknownDeviceError("The bundle is signed by a device this HQ has not registered.")
    if card.revoked_at is not None:
        raise RevokedDeviceError("The bundle is signed by a device whose card was revoked.")
    comment = minisign.verify(card.card.minisign_public_key, tagmanifest_txt, signature)
    match = _COMMENT.match(comment)
    if match is None:
        raise IntegrityError("The bundle's signed comment is not a fielddoc bundle comment.")
    bundle_format, bundle_id, seq, recipients, created = match.groups()
    if bundle_format != FORMAT:
        raise UnsupportedFormatError(
            "The bundle was written in a newer format; update fielddoc to import it."
        )
    if _CREATED.fullmatch(created) is None:
        raise bag.BagError("The bundle's creation time is malformed.")
    if not re.fullmatch(r"[1-9][0-9]{0,17}", seq):  # fits SQLite's INTEGER; 0 is no bundle
        raise bag.BagError("The bundle's sequence number is out of range.")
    tags = bag.parse_manifest(tagmanifest_txt, payload=False)
    for name, data in (
        ("bagit.txt", bagit_txt),
        ("bag-info.txt", info_txt),
        ("manifest-sha256.txt", manifest_txt),
    ):
        if tags.get(name) != hashlib.sha256(data).hexdigest():
            raise IntegrityError("A tag file does not match the signed tag manifest.")
    bag_fields = bag.parse_bag_info(info_txt)
    expected_info = {
        "Fielddoc-Format": bundle_format,
        "Fielddoc-Bundle-Id": bundle_id,
        "Fielddoc-Bundle-Sequence": seq,
        "Fielddoc-Device-Key-Id": key_id,
        "Fielddoc-Recipients": recipients,
        "Fielddoc-Created": created,
    }
    if any(bag_fields.get(k) != v for k, v in expected_info.items()) or not is_id(bundle_id):
        raise IntegrityError("bag-info.txt disagrees with the signature.")
    prev = bag_fields.get("Fielddoc-Previous-Bundle-SHA256", "")
    if not re.fullmatch(r"[0-9a-f]{64}", prev) or "Payload-Oxum" not in bag_fields:
        raise bag.BagError("bag-info.txt lacks required fields.")
    recipient_list = recipients.split(",")
    if ctx.keys.age.recipient not in recipient_list:
        raise NotForThisHqError("The bundle was signed for another HQ.")
    return _Tags(
        root,
        bag_fields,
        bag.parse_manifest(manifest_txt, payload=True),
        hashlib.sha256(tagmanifest_txt).hexdigest(),
        card,
        recipient_list,
        tags,
    )


def _sequence(ctx: ExchangeContext, tags: _Tags, accept_gap: bool) -> tuple[str, str, int | None]:
    """("next"|"first"|"gap"|"late"|"already", detail, highest sequence held for "late");
    raises on forks and refused gaps."""
    info = tags.info
    bundle_id = info["Fielddoc-Bundle-Id"]
    seq = int(info["Fielddoc-Bundle-Sequence"])
    prev = info["Fielddoc-Previous-Bundle-SHA256"]
    device = info["Fielddoc-Device-Key-Id"]
    conn = ctx.conn
    same = conn.execute(
        "SELECT tagmanifest_sha256 FROM bundles_in WHERE id = ?", (bundle_id,)
    ).fetchone()
    if same is not None:
        if same[0] != tags.tagmanifest_sha256:
            raise ForkError("A different bundle with this id was imported before.")
        return "already", "this bundle was imported before", None
    clash = conn.execute(
        "SELECT id FROM bundles_in WHERE device_key_id = ? AND seq = ?", (device, seq)
    ).fetchone()
    if clash is not None:
        raise ForkError(f"Fork: the device already sent a different bundle with sequence {seq}.")
    before = conn.execute(
        "SELECT tagmanifest_sha256 FROM bundles_in WHERE device_key_id = ? AND seq = ?",
        (device, seq - 1),
    ).fetchone()
    if before is not None:
        if before[0] != prev:
            raise ForkError("Fork: this bundle does not continue the history this HQ holds.")
        return "next", f"follows bundle {seq - 1}", None
    if seq == 1:
        if prev != GENESIS:
            raise ForkError("Fork: the first bundle claims a predecessor.")
        return "first", "first bundle from this device", None
    last = conn.execute(
        "SELECT max(seq) FROM bundles_in WHERE device_key_id = ?", (device,)
    ).fetchone()[0]
    kind = "late" if last is not None and seq < last else "gap"
    detail = (
        f"bundle {seq - 1} has not arrived"
        if kind == "gap"
        else f"arrived after bundle {last}; bundle {seq - 1} has not arrived"
    )
    if not accept_gap:
        raise SequenceError(
            f"Out of sequence: {detail}. Import the missing bundle first, or accept the gap "
            "explicitly (--accept-gap)."
        )
    return kind, detail, last if kind == "late" else None


def _process(
    ctx: ExchangeContext,
    path: Path,
    report: BundleReport,
    *,
    write: bool,
    accept_gap: bool,
    cancel: Cancel | None,
) -> None:
    try:
        source = path.open("rb")
    except OSError:
        raise InputError("The bundle file cannot be read.") from None
    with source, age.decrypting_reader(source, [ctx.keys.age.secret], cancel=cancel) as plain:
        buffered = io.BufferedReader(plain, buffer_size=1024 * 1024)
        try:
            # opened inside try so a damaged first header maps to BagError; closed by the with
            tar = tarfile.open(fileobj=buffered, mode="r|", bufsize=64 * 1024)  # noqa: SIM115
        except (tarfile.TarError, EOFError, ValueError):
            raise bag.BagError("The bundle is damaged or not a fielddoc bundle.") from None

        def drain() -> None:
            """Read to the end of the age stream: age authenticates the last chunk (and
            detects truncation) only when it is read."""
            while buffered.read(1024 * 1024):
                if cancel is not None and cancel():
                    raise CancelledError

        with tar:
            try:
                _process_archive(
                    ctx,
                    tar=tar,
                    report=report,
                    write=write,
                    accept_gap=accept_gap,
                    cancel=cancel,
                    drain=drain,
                )
            except (tarfile.TarError, EOFError):  # a member's data ends early
                raise bag.BagError("The bundle is damaged (the archive is incomplete).") from None


def _process_archive(
    ctx: ExchangeContext,
    *,
    tar: tarfile.TarFile,
    report: BundleReport,
    write: bool,
    accept_gap: bool,
    cancel: Cancel | None,
    drain: Callable[[], None],
) -> None:
    seen: set[str] = set()
    members = _tar_members(tar)
    tags = _read_tags(ctx, tar, members, seen)
    info = tags.info
    report.bundle_id = info["Fielddoc-Bundle-Id"]
    report.seq = int(info["Fielddoc-Bundle-Sequence"])
    report.created = info["Fielddoc-Created"]
    report.device_key_id = tags.card.card.key_id
    report.device_name = tags.card.card.name
    report.device_fingerprint = tags.card.card.fingerprint
    report.tagmanifest_sha256 = tags.tagmanifest_sha256
    report.sequence, report.sequence_detail, report.sequence_last = _sequence(ctx, tags, accept_gap)
    if report.sequence == "already":
        report.ok = report.already_imported = True
        return
    quarantine = ctx.folder / QUARANTINE_NAME
    if write:  # verify writes nothing, not even the folder
        make_private_dir(quarantine)
    importer = Importer(ctx, tags.card, report, quarantine=quarantine, write=write)
    try:
        if write:
            with transaction(ctx.conn):
                _payload(
                    tar, members=members, tags=tags, seen=seen, importer=importer, cancel=cancel
                )
                drain()
                importer.finish(tags, sequence_note=f"{report.sequence}: {report.sequence_detail}")
        else:
            _payload(tar, members=members, tags=tags, seen=seen, importer=importer, cancel=cancel)
            drain()
    finally:
        importer.discard_quarantine()
    report.ok = True
    report.imported = write


def _tar_members(tar: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    try:
        yield from tar
    except (tarfile.TarError, EOFError, ValueError):  # ValueError: malformed pax records
        raise bag.BagError("The bundle is damaged (the archive is incomplete).") from None


def _payload(
    tar: tarfile.TarFile,
    *,
    members: Iterator[tarfile.TarInfo],
    tags: _Tags,
    seen: set[str],
    importer: Importer,
    cancel: Cancel | None,
) -> None:
    expected = tags.manifest
    pending: EvidenceDescriptor | None = None
    count = total = 0
    while True:
        if cancel is not None and cancel():
            raise CancelledError
        info = _next_file(members)
        if info is None:
            break
        inner = bag.check_member(info, tags.root, seen, MAX_EVIDENCE)
        if bag.is_optional_tag_file(inner):
            _optional_tag_file(tar, info, inner, tags)
            continue
        digest = expected.get(inner)
        if digest is None:
            raise bag.BagError("The bundle contains a file its manifest does not list.")
        count += 1
        total += info.size
        handle = tar.extractfile(info)
        if handle is None:
            raise bag.BagError("A file in the bundle cannot be read.")
        if pending is not None:
            if inner != pending.file or info.size != pending.size or digest != pending.sha256:
                raise bag.BagError("An evidence file does not follow its description.")
            importer.evidence_file(pending, cast(BinaryIO, handle), info.size)
            pending = None
            continue
        if info.size > MAX_DOCUMENT:
            raise bag.BagError("A document in the bundle is implausibly large.")
        data = handle.read()
        if len(data) != info.size or hashlib.sha256(data).hexdigest() != digest:
            raise IntegrityError("A file in the bundle does not match the signed manifest.")
        pending = _document(inner, data, importer, tags)
    if pending is not None:
        raise bag.BagError("An evidence description has no file after it.")
    extra_tags = {name for name in seen if bag.is_optional_tag_file(name)}
    if seen - set(bag.TAG_FILES) - extra_tags != set(expected):
        raise IntegrityError("Files listed in the signed manifest are missing from the bundle.")
    if tags.info["Payload-Oxum"] != f"{total}.{count}":
        raise IntegrityError("The payload size differs from the signed Payload-Oxum.")


def _optional_tag_file(
    tar: tarfile.TarFile, info: tarfile.TarInfo, inner: str, tags: _Tags
) -> None:
    """Other manifests a standard BagIt tool adds (e.g. sha512). Those the signed tag manifest
    lists must match it; fielddoc relies only on the sha256 manifests it verified."""
    if info.size > bag.MAX_TAG_FILE:
        raise bag.BagError("A tag file in the bundle is implausibly large.")
    data = _read_member(tar, info)
    listed = tags.tag_hashes.get(inner)
    if listed is not None and listed != hashlib.sha256(data).hexdigest():
        raise IntegrityError("A tag file does not match the signed tag manifest.")


def _document(
    inner: str, data: bytes, importer: Importer, tags: _Tags
) -> EvidenceDescriptor | None:
    parts = inner.split("/")
    name = parts[-1]
    if len(parts) == 3 and parts[1] == "revisions" and name.endswith(".json"):
        importer.revision(check_revision_document(data, name[:-5]))
        return None
    if len(parts) == 3 and parts[1] == "links" and name.endswith(".json"):
        importer.link(check_link_document(data, name[:-5]))
        return None
    if len(parts) == 3 and parts[1] == "evidence" and name.endswith(".json"):
        descriptor = parse_descriptor(data, name[:-5])
        if tags.manifest.get(descriptor.file) != descriptor.sha256:
            raise IntegrityError("An evidence description disagrees with the manifest.")
        return descriptor
    if inner == "data/device-card.txt":
        if parse_card(data).key_id != tags.card.card.key_id:
            raise IntegrityError("The device card in the bundle is not the signer's.")
        return None
    raise bag.BagError("The bundle contains a file fielddoc does not know.")


def verify_bundle(
    ctx: ExchangeContext, path: Path, *, cancel: Cancel | None = None
) -> BundleReport:
    """Check everything an import would check; write nothing. Never raises for a bad
    bundle: the report says what is wrong."""
    ctx.require_role("hq", "Verifying bundles")
    report = BundleReport(file=str(path))
    try:
        _process(ctx, path, report, write=False, accept_gap=True, cancel=cancel)
    except FielddocError as exc:
        report.ok, report.error_code, report.error = False, exc.code, exc.message
    return report


def import_bundle(
    ctx: ExchangeContext,
    path: Path,
    *,
    accept_gap: bool = False,
    receipts_dir: Path | None = None,
    cancel: Cancel | None = None,
) -> BundleReport:
    """Import one bundle all or nothing; write a receipt into ``receipts_dir`` if given."""
    ctx.require_role("hq", "Importing bundles")
    report = BundleReport(file=str(path))
    try:
        _process(ctx, path, report, write=True, accept_gap=accept_gap, cancel=cancel)
    except FielddocError as exc:
        report.ok, report.error_code, report.error = False, exc.code, exc.message
        return report
    if receipts_dir is not None and report.ok:
        from fielddoc.exchange.receipts import write_receipt

        report.receipt = str(write_receipt(ctx, report.bundle_id, receipts_dir))
    return report
