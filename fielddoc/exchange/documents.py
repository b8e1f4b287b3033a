"""Parsing the JSON documents inside a bundle: revisions, link revisions, evidence descriptors.

Every document is outside input. It must be canonical JSON (so its bytes, its manifest hash
and the hash the field device stored are one and the same), carry the expected type and
version, name itself the way its file is named, and have fields of the right types.
Revision bodies are validated against this build's templates.

Failure: :class:`~fielddoc.exchange.bag.BagError` for malformed documents,
:class:`~fielddoc.errors.ValidationError` when a body breaks its template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fielddoc.canonical import is_canonical, loads_strict
from fielddoc.errors import InputError
from fielddoc.exchange.bag import BagError
from fielddoc.ids import is_id
from fielddoc.records.store import SENSITIVITY_LEVELS

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def _canonical(data: bytes, what: str) -> dict[str, Any]:
    try:
        document = loads_strict(data, what=what)
    except InputError:
        raise BagError(f"A {what} in the bundle is not valid JSON.") from None
    if not isinstance(document, dict) or not is_canonical(data, document):
        raise BagError(f"A {what} in the bundle is not in canonical form.")
    return document


def _require(document: dict[str, Any], spec: dict[str, type | tuple[type, ...]], what: str) -> None:
    if set(document) != set(spec):
        raise BagError(f"A {what} in the bundle has unexpected or missing fields.")
    for key, kind in spec.items():
        value = document[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise BagError(f"A {what} in the bundle has a field of the wrong type.")


def _check_id(value: str, what: str) -> None:
    if not is_id(value):
        raise BagError(f"A {what} in the bundle has a malformed id.")


@dataclass(frozen=True)
class RevisionDocument:
    raw: bytes
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data["id"])


def check_revision_document(raw: bytes, name_id: str) -> RevisionDocument:
    what = "revision"
    document = _canonical(raw, what)
    _require(
        document,
        {
            "type": str,
            "version": int,
            "id": str,
            "record_id": str,
            "template": str,
            "seq": int,
            "parent": (str, type(None)),
            "sensitivity": str,
            "author_device": str,
            "created_at": str,
            "body": dict,
        },
        what,
    )
    if document["type"] != "fielddoc-revision" or document["version"] != 1:
        raise BagError("A revision in the bundle has an unknown format.")
    for key in ("id", "record_id", "author_device"):
        _check_id(document[key], what)
    if document["parent"] is not None:
        _check_id(document["parent"], what)
    if document["id"] != name_id or document["seq"] < 1:
        raise BagError("A revision in the bundle is misnamed or misnumbered.")
    if document["sensitivity"] not in SENSITIVITY_LEVELS or not _TIME.match(document["created_at"]):
        raise BagError("A revision in the bundle has an invalid field.")
    return RevisionDocument(raw, document)


def check_link_document(raw: bytes, name_id: str) -> RevisionDocument:
    what = "link"
    document = _canonical(raw, what)
    _require(
        document,
        {
            "type": str,
            "version": int,
            "id": str,
            "link_id": str,
            "seq": int,
            "source": str,
            "target": str,
            "relation": str,
            "active": bool,
            "author_device": str,
            "created_at": str,
        },
        what,
    )
    if document["type"] != "fielddoc-link" or document["version"] != 1:
        raise BagError("A link in the bundle has an unknown format.")
    for key in ("id", "link_id", "source", "target", "author_device"):
        _check_id(document[key], what)
    relation = document["relation"]
    if (
        document["id"] != name_id
        or document["seq"] < 1
        or not re.fullmatch(r"[a-z0-9_.:]{1,200}", relation)
        or not _TIME.match(document["created_at"])
    ):
        raise BagError("A link in the bundle has an invalid field.")
    return RevisionDocument(raw, document)


@dataclass(frozen=True)
class EvidenceDescriptor:
    id: str
    sha256: str
    size: int
    original_name: str
    mime_type: str
    acquired_at: str
    acquired_device: str
    file_modified: str | None
    metadata: dict[str, Any]
    file: str
    custody: list[dict[str, Any]]


_EVENT_SPEC: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "evidence_id": str,
    "seq": int,
    "event": str,
    "at": str,
    "device": str,
    "detail": dict,
    "prev_hash": str,
    "hash": str,
}


def parse_descriptor(raw: bytes, name_id: str) -> EvidenceDescriptor:
    what = "evidence description"
    document = _canonical(raw, what)
    _require(
        document,
        {
            "type": str,
            "version": int,
            "id": str,
            "sha256": str,
            "size": int,
            "original_name": str,
            "mime_type": str,
            "acquired_at": str,
            "acquired_device": str,
            "file_modified": (str, type(None)),
            "metadata": dict,
            "file": str,
            "custody": list,
        },
        what,
    )
    if document["type"] != "fielddoc-evidence" or document["version"] != 1:
        raise BagError("An evidence description in the bundle has an unknown format.")
    _check_id(document["id"], what)
    _check_id(document["acquired_device"], what)
    if (
        document["id"] != name_id
        or not _SHA256.match(document["sha256"])
        or document["size"] < 0
        or not document["file"].startswith(f"data/evidence/{name_id}/")
        or document["file"].count("/") != 3
    ):
        raise BagError("An evidence description in the bundle has an invalid field.")
    for event in document["custody"]:
        if not isinstance(event, dict):
            raise BagError("An evidence description has a malformed custody event.")
        _require(event, _EVENT_SPEC, "custody event")
        if event["evidence_id"] != name_id:
            raise BagError("A custody event in the bundle belongs to other evidence.")
    fields = {k: v for k, v in document.items() if k not in ("type", "version")}
    return EvidenceDescriptor(**fields)
