"""Chain of custody: append-only events per evidence item, each hashing the previous one.

Events: ``ingest``, ``verify``, ``extract``, ``export`` (with the bundle id), ``import``
(HQ: device, bundle, sequence), ``delivery`` (receipt), ``purge``. An event's hash is the
SHA-256 of the canonical JSON of ``{evidence, seq, event, at, device, detail, prev}``; the
first event's ``prev`` is the evidence SHA-256, so the chain is anchored to the file's hash.

Invariant: ``detail`` holds ids, codes, counts and results only, never content.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fielddoc.canonical import canonical_json, canonical_sha256
from fielddoc.errors import InputError
from fielddoc.ids import new_id, utc_now
from fielddoc.vault.connection import Connection

EVENTS = frozenset({"ingest", "verify", "extract", "export", "import", "delivery", "purge"})


@dataclass(frozen=True)
class CustodyEvent:
    id: str
    evidence_id: str
    seq: int
    event: str
    at: str
    device: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "evidence_id": self.evidence_id,
            "seq": self.seq,
            "event": self.event,
            "at": self.at,
            "device": self.device,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def event_hash(
    *, evidence_id: str, seq: int, event: str, at: str, device: str, detail: str, prev: str
) -> str:
    return canonical_sha256(
        {
            "evidence": evidence_id,
            "seq": seq,
            "event": event,
            "at": at,
            "device": device,
            "detail": detail,
            "prev": prev,
        }
    )


def append(
    conn: Connection,
    evidence_id: str,
    event: str,
    *,
    device: str,
    detail: Mapping[str, Any] | None = None,
    at: str | None = None,
) -> CustodyEvent:
    """Append one event; call inside the caller's transaction."""
    if event not in EVENTS:
        raise ValueError(f"unknown custody event {event!r}")
    last = conn.execute(
        "SELECT seq, hash FROM custody_events WHERE evidence_id = ? ORDER BY seq DESC LIMIT 1",
        (evidence_id,),
    ).fetchone()
    if last is None:
        row = conn.execute("SELECT sha256 FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
        seq, prev = 1, str(row[0])
    else:
        seq, prev = int(last[0]) + 1, str(last[1])
    when = at or utc_now()
    detail_text = canonical_json(dict(detail or {})).decode("utf-8")
    digest = event_hash(
        evidence_id=evidence_id,
        seq=seq,
        event=event,
        at=when,
        device=device,
        detail=detail_text,
        prev=prev,
    )
    event_id = new_id()
    conn.execute(
        "INSERT INTO custody_events (id, evidence_id, seq, event, at, device, detail, prev_hash, "
        "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, evidence_id, seq, event, when, device, detail_text, prev, digest),
    )
    return CustodyEvent(
        event_id, evidence_id, seq, event, when, device, dict(detail or {}), prev, digest
    )


def events(conn: Connection, evidence_id: str) -> list[CustodyEvent]:
    rows = conn.execute(
        "SELECT id, evidence_id, seq, event, at, device, detail, prev_hash, hash "
        "FROM custody_events WHERE evidence_id = ? ORDER BY seq",
        (evidence_id,),
    ).fetchall()
    return [
        CustodyEvent(r[0], r[1], int(r[2]), r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])
        for r in rows
    ]


def chain_is_valid(anchor: str, chain: list[dict[str, Any]]) -> bool:
    """True when ``chain`` (events as :meth:`CustodyEvent.to_json`, oldest first) links from
    ``anchor`` (the evidence hash) and every event hash recomputes."""
    prev = anchor
    for expected, event in enumerate(chain, start=1):
        try:
            recomputed = event_hash(
                evidence_id=event["evidence_id"],
                seq=event["seq"],
                event=event["event"],
                at=event["at"],
                device=event["device"],
                detail=canonical_json(event["detail"]).decode("utf-8"),
                prev=event["prev_hash"],
            )
        except (KeyError, TypeError, ValueError, InputError):
            return False
        if event["seq"] != expected or event["prev_hash"] != prev or recomputed != event["hash"]:
            return False
        prev = event["hash"]
    return True


def verify_chains(conn: Connection) -> list[str]:
    """Evidence ids whose custody chain is broken (bad link or hash)."""
    broken: list[str] = []
    anchors = dict(conn.execute("SELECT id, sha256 FROM evidence").fetchall())
    current: str | None = None
    prev = ""
    expected = 1
    for row in conn.execute(
        "SELECT evidence_id, seq, event, at, device, detail, prev_hash, hash "
        "FROM custody_events ORDER BY evidence_id, seq"
    ):
        evidence_id, seq, event, at, device, detail, prev_hash, digest = row
        if evidence_id != current:
            current, prev, expected = evidence_id, anchors.get(evidence_id, ""), 1
        if evidence_id in broken:
            continue
        recomputed = event_hash(
            evidence_id=evidence_id,
            seq=seq,
            event=event,
            at=at,
            device=device,
            detail=detail,
            prev=prev_hash,
        )
        if seq != expected or prev_hash != prev or recomputed != digest:
            broken.append(evidence_id)
            continue
        prev, expected = digest, expected + 1
    return broken
