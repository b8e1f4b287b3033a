"""Receipts: HQ's signed statement of what it received and verified from one bundle.

A receipt (``*.fdreceipt``) is age-encrypted to the device's card (and to HQ's own key, so
HQ's archive can read it later) and holds a tar of two
files: ``receipt.json`` (canonical JSON: receipt id, bundle id, sequence and tag-manifest
hash, device and HQ key ids, time, and every revision, link and evidence id with its
SHA-256) and ``receipt.json.minisig`` (HQ's minisign signature, trusted comment
``fielddoc-receipt-v1 receipt=<id> bundle=<id> device=<key id> created=<time>``).

On the field laptop :func:`import_receipt` checks the signature against a registered HQ card,
that the receipt is for this device and for a bundle this vault wrote (same tag-manifest
hash), then marks each listed item delivered when the local copy has the same hash. With the
``purge_on_receipt`` setting it purges at once. Importing a receipt twice changes nothing.
"""

from __future__ import annotations

import io
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

from fielddoc import audit, settings
from fielddoc.canonical import canonical_json, loads_strict
from fielddoc.crypto import age, minisign
from fielddoc.errors import FielddocError, InputError
from fielddoc.evidence import custody
from fielddoc.exchange import bag
from fielddoc.exchange.cards import find_by_key_id
from fielddoc.exchange.context import ExchangeContext
from fielddoc.fsutil import atomic_write
from fielddoc.ids import is_id, new_id, utc_now
from fielddoc.vault.connection import transaction

MAX_RECEIPT = 256 * 1024 * 1024
_COMMENT = re.compile(
    r"^fielddoc-receipt-v1 receipt=(\S+) bundle=(\S+) device=(\S+) created=(\S+)$"
)
KINDS = ("revision", "link", "evidence")


class ReceiptError(FielddocError):
    code = "RECEIPT_INVALID"


@dataclass(frozen=True)
class ReceiptResult:
    receipt_id: str
    bundle_id: str
    hq_name: str
    delivered: int
    already_imported: bool
    purged_records: int = 0
    purged_evidence: int = 0

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def write_receipt(ctx: ExchangeContext, bundle_id: str, folder: Path) -> Path:
    """Write the receipt for an imported bundle into ``folder``; returns its path."""
    ctx.require_role("hq", "Writing receipts")
    row = ctx.conn.execute(
        "SELECT device_key_id, seq, tagmanifest_sha256 FROM bundles_in WHERE id = ?",
        (bundle_id,),
    ).fetchone()
    if row is None:
        raise InputError("No bundle with this id was imported here.")
    device = find_by_key_id(ctx.conn, row[0])
    if device is None:
        raise InputError("The device card of this bundle is no longer registered.")
    items: dict[str, list[list[str]]] = {kind: [] for kind in KINDS}
    for kind, item_id, digest in ctx.conn.execute(
        "SELECT kind, item_id, sha256 FROM bundle_in_items WHERE bundle_id = ? "
        "ORDER BY kind, item_id",
        (bundle_id,),
    ):
        items[kind].append([item_id, digest])
    receipt_id = new_id()
    created = utc_now()
    document = canonical_json(
        {
            "type": "fielddoc-receipt",
            "version": 1,
            "id": receipt_id,
            "bundle_id": bundle_id,
            "bundle_seq": int(row[1]),
            "bundle_tagmanifest_sha256": row[2],
            "device_key_id": row[0],
            "hq_key_id": ctx.keys.key_id_hex,
            "hq_name": ctx.card.name,
            "created_at": created,
            "items": items,
        }
    )
    comment = (
        f"fielddoc-receipt-v1 receipt={receipt_id} bundle={bundle_id} device={row[0]} "
        f"created={created}"
    )
    signature = minisign.sign(ctx.keys.signing, document, trusted_comment=comment).encode()
    archive = bag.TarStream(
        [
            bag.Member("receipt.json", len(document), document),
            bag.Member("receipt.json.minisig", len(signature), signature),
        ],
        mtime=0,
    ).read()
    # to the device, and to HQ itself so HQ's archive can read its own receipts later
    sealed = age.encrypt_bytes(archive, [device.card.age_recipient, ctx.keys.age.recipient])
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{bundle_id}.fdreceipt"
    atomic_write(target, sealed, what="the receipt")
    with transaction(ctx.conn):
        ctx.conn.execute(
            "INSERT INTO receipts_out (id, bundle_id, device_key_id, created_at, items) "
            "VALUES (?, ?, ?, ?, ?)",
            (receipt_id, bundle_id, row[0], created, sum(len(v) for v in items.values())),
        )
        audit.append(
            ctx.conn,
            vault_id=ctx.vault_id,
            device=ctx.device_id,
            action="receipt_write",
            object_id=receipt_id,
            detail={"bundle": bundle_id},
        )
    return target


def _open(ctx: ExchangeContext, path: Path) -> tuple[dict[str, object], str, str]:
    """Decrypt and verify; returns (document, HQ card name, HQ key id)."""
    try:
        with path.open("rb") as handle:
            sealed = handle.read(MAX_RECEIPT + 1)
    except OSError:
        raise InputError("The receipt file cannot be read.") from None
    if len(sealed) > MAX_RECEIPT:
        raise ReceiptError("This file is too large to be a receipt.")
    plain = age.decrypt_bytes(sealed, [ctx.keys.age.secret])
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
            for info in tar:
                if (
                    not info.isreg()
                    or info.sparse is not None  # its holes would be allocated as zeros
                    or not 0 <= info.size <= MAX_RECEIPT
                    or info.name in files
                    or info.name not in ("receipt.json", "receipt.json.minisig")
                ):
                    raise ReceiptError("The receipt archive holds unexpected files.")
                extracted = tar.extractfile(info)
                files[info.name] = extracted.read() if extracted else b""
    except (tarfile.TarError, EOFError, ValueError):  # ValueError: malformed pax records
        raise ReceiptError("The receipt is damaged.") from None
    if set(files) != {"receipt.json", "receipt.json.minisig"}:
        raise ReceiptError("The receipt is incomplete.")
    signature = minisign.parse_signature(files["receipt.json.minisig"])
    key_id = f"{int.from_bytes(signature.key_id, 'little'):016X}"
    card = find_by_key_id(ctx.conn, key_id)
    if card is None or card.card.role != "hq" or card.revoked_at is not None:
        raise ReceiptError("The receipt is signed by a key that is not a registered HQ card.")
    comment = minisign.verify(card.card.minisign_public_key, files["receipt.json"], signature)
    match = _COMMENT.match(comment)
    try:  # signed by HQ, still outside input: its parse errors are this format's errors
        document = loads_strict(files["receipt.json"], what="receipt")
    except InputError:
        raise ReceiptError("The receipt is malformed.") from None
    if (
        match is None
        or not isinstance(document, dict)
        or document.get("type") != "fielddoc-receipt"
        or document.get("id") != match.group(1)
        or document.get("bundle_id") != match.group(2)
        or document.get("device_key_id") != match.group(3)
        or document.get("hq_key_id") != key_id
    ):
        raise ReceiptError("The receipt's contents disagree with its signature.")
    if document["device_key_id"] != ctx.keys.key_id_hex:
        raise ReceiptError("This receipt is for another device.")
    return document, card.card.name, key_id


def import_receipt(ctx: ExchangeContext, path: Path) -> ReceiptResult:
    """Mark what HQ confirmed as delivered (see module docstring)."""
    ctx.require_role("field", "Importing receipts")
    document, hq_name, hq_key = _open(ctx, path)
    receipt_id = str(document["id"])
    bundle_id = str(document["bundle_id"])
    if not is_id(receipt_id) or not is_id(bundle_id):
        raise ReceiptError("The receipt is malformed.")
    bundle = ctx.conn.execute(
        "SELECT tagmanifest_sha256 FROM bundles_out WHERE id = ?", (bundle_id,)
    ).fetchone()
    if bundle is None or bundle[0] != document.get("bundle_tagmanifest_sha256"):
        raise ReceiptError("This receipt is for a bundle this vault did not write.")
    if ctx.conn.execute("SELECT 1 FROM receipts_in WHERE id = ?", (receipt_id,)).fetchone():
        return ReceiptResult(receipt_id, bundle_id, hq_name, 0, already_imported=True)
    items = document.get("items")
    if not isinstance(items, dict) or set(items) != set(KINDS):
        raise ReceiptError("The receipt is malformed.")
    delivered = 0
    now = utc_now()
    tables = {"revision": "revisions", "link": "link_revisions", "evidence": "evidence"}
    with transaction(ctx.conn):
        for kind in KINDS:
            entries = items[kind]
            if not isinstance(entries, list):
                raise ReceiptError("The receipt is malformed.")
            for entry in entries:
                if not (
                    isinstance(entry, list)
                    and len(entry) == 2
                    and all(isinstance(x, str) for x in entry)
                ):
                    raise ReceiptError("The receipt is malformed.")
                item_id, digest = entry
                local = ctx.conn.execute(
                    f"SELECT sha256 FROM {tables[kind]} WHERE id = ?", (item_id,)
                ).fetchone()
                if local is None or local[0] != digest:
                    continue  # purged already, or HQ confirmed a different version: not ours
                cursor = ctx.conn.execute(
                    "INSERT OR IGNORE INTO deliveries (kind, item_id, sha256, receipt_id, "
                    "delivered_to, delivered_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (kind, item_id, digest, receipt_id, hq_name, now),
                )
                if cursor.rowcount:
                    delivered += 1
                    if kind == "evidence":
                        custody.append(
                            ctx.conn,
                            item_id,
                            "delivery",
                            device=ctx.device_id,
                            detail={
                                "receipt": receipt_id,
                                "bundle": bundle_id,
                                "hq_key_id": hq_key,
                            },
                        )
        ctx.conn.execute(
            "INSERT INTO receipts_in (id, bundle_id, hq_key_id, created_at, imported_at, items) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (receipt_id, bundle_id, hq_key, str(document.get("created_at", "")), now, delivered),
        )
        audit.append(
            ctx.conn,
            vault_id=ctx.vault_id,
            device=ctx.device_id,
            action="receipt_import",
            object_id=receipt_id,
            detail={"bundle": bundle_id, "delivered": delivered},
        )
    result = ReceiptResult(receipt_id, bundle_id, hq_name, delivered, already_imported=False)
    if settings.get_bool(ctx.conn, "purge_on_receipt"):
        from fielddoc.exchange.purge import purge_delivered

        purged = purge_delivered(ctx)
        result = ReceiptResult(
            receipt_id, bundle_id, hq_name, delivered, False, purged.records, purged.evidence
        )
    return result
