"""Where an HQ record came from: device, bundle, sequence and signature time per revision.

:func:`provenance_html` reads the ``provenance`` rows the importer wrote for each revision of a
record (and for the evidence files attached to it), joined with ``bundles_in`` and the device
``cards``, and returns an HTML fragment for the record detail pane. Every value is escaped;
a record made in this vault (no provenance rows) gives ``""`` so callers can append the
result unconditionally.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from fielddoc.evidence.ingest import EVIDENCE_RELATION
from fielddoc.gui.models import format_time

Connection = Any  # sqlcipher3 connection (untyped)

_REVISIONS = (
    "SELECT v.seq, p.device_key_id, p.bundle_id, p.seq, p.signed_at, p.imported_at, "
    "c.name, c.fingerprint, c.revoked_at, b.sequence_note "
    "FROM revisions v "
    "LEFT JOIN provenance p ON p.kind = 'revision' AND p.item_id = v.id "
    "LEFT JOIN cards c ON c.key_id = p.device_key_id "
    "LEFT JOIN bundles_in b ON b.id = p.bundle_id "
    "WHERE v.record_id = ? ORDER BY v.seq"
)

# evidence attached to the record: the newest revision of each link from it must be active
_EVIDENCE = (
    "SELECT e.id, e.original_name, p.device_key_id, p.bundle_id, p.seq, p.signed_at, "
    "p.imported_at, c.name, c.fingerprint, c.revoked_at, b.sequence_note "
    "FROM link_revisions l "
    "JOIN evidence e ON e.id = l.target_id "
    "JOIN provenance p ON p.kind = 'evidence' AND p.item_id = e.id "
    "LEFT JOIN cards c ON c.key_id = p.device_key_id "
    "LEFT JOIN bundles_in b ON b.id = p.bundle_id "
    "WHERE l.source_id = ? AND l.relation = ? AND l.active = 1 "
    "AND l.seq = (SELECT max(x.seq) FROM link_revisions x WHERE x.link_id = l.link_id) "
    "ORDER BY e.acquired_at, e.id"
)


def _device(name: str | None, key_id: str, fingerprint: str | None, revoked: str | None) -> str:
    shown = name or QCoreApplication.translate("provenance", "unknown device")
    key = QCoreApplication.translate("provenance", "key %1").replace("%1", key_id)
    parts = [f"<b>{escape(shown)}</b><br/><small>{escape(key)}"]
    if fingerprint:
        parts.append(f"<br/><tt>{escape(fingerprint)}</tt>")
    parts.append("</small>")
    if revoked:
        note = QCoreApplication.translate("provenance", "card revoked %1")
        parts.append(f"<br/><small>{escape(note.replace('%1', format_time(revoked)))}</small>")
    return "".join(parts)


def _bundle(bundle_id: str, seq: int, note: str | None) -> str:
    sequence = QCoreApplication.translate("provenance", "sequence %1").replace("%1", str(seq))
    text = f"<tt>{escape(bundle_id)}</tt><br/><small>{escape(sequence)}"
    if note:
        text += "<br/>" + escape(note)
    return text + "</small>"


def _header(first: str) -> str:
    cells = [
        first,
        QCoreApplication.translate("provenance", "Device (signer)"),
        QCoreApplication.translate("provenance", "Bundle"),
        QCoreApplication.translate("provenance", "Signed"),
        QCoreApplication.translate("provenance", "Imported"),
    ]
    return "<tr>" + "".join(f"<th align='left'>{escape(cell)}</th>" for cell in cells) + "</tr>"


def provenance_html(conn: Connection, record_id: str) -> str:
    """An HTML fragment naming, for each revision of ``record_id``, the device that signed it
    (name, key id, fingerprint), the bundle id and sequence, and the signature and import
    times; then the same for attached evidence. ``""`` when nothing was imported."""
    revisions = conn.execute(_REVISIONS, (record_id,)).fetchall()
    evidence = conn.execute(_EVIDENCE, (record_id, EVIDENCE_RELATION)).fetchall()
    if not any(row[1] for row in revisions) and not evidence:
        return ""
    rows: list[str] = []
    for rev_seq, key_id, bundle_id, seq, signed, imported, name, fp, revoked, note in revisions:
        label = escape(
            QCoreApplication.translate("provenance", "Revision %1").replace("%1", str(rev_seq))
        )
        if not key_id:
            made_here = escape(QCoreApplication.translate("provenance", "made in this vault"))
            rows.append(f"<tr><td>{label}</td><td colspan='4'><i>{made_here}</i></td></tr>")
            continue
        rows.append(
            f"<tr><td>{label}</td><td>{_device(name, key_id, fp, revoked)}</td>"
            f"<td>{_bundle(bundle_id, seq, note)}</td>"
            f"<td>{escape(format_time(signed))}</td><td>{escape(format_time(imported))}</td></tr>"
        )
    heading = QCoreApplication.translate("provenance", "Provenance")
    explain = QCoreApplication.translate(
        "provenance", "Each revision as received: the device that signed it, the bundle, and when."
    )
    html = [
        f"<h4>{escape(heading)}</h4>",
        f"<p><small>{escape(explain)}</small></p>",
        "<table cellspacing='0' cellpadding='4' border='1'>",
        _header(QCoreApplication.translate("provenance", "Revision")),
        *rows,
        "</table>",
    ]
    if evidence:
        heading = QCoreApplication.translate("provenance", "Evidence provenance")
        html.append(f"<h4>{escape(heading)}</h4>")
        html.append("<table cellspacing='0' cellpadding='4' border='1'>")
        html.append(_header(QCoreApplication.translate("provenance", "File")))
        for (
            ev_id,
            original,
            key_id,
            bundle_id,
            seq,
            signed,
            imported,
            name,
            fp,
            revoked,
            note,
        ) in evidence:
            shown = escape(original) if original else f"<tt>{escape(ev_id)}</tt>"
            html.append(
                f"<tr><td>{shown}</td><td>{_device(name, key_id, fp, revoked)}</td>"
                f"<td>{_bundle(bundle_id, seq, note)}</td>"
                f"<td>{escape(format_time(signed))}</td>"
                f"<td>{escape(format_time(imported))}</td></tr>"
            )
        html.append("</table>")
    return "\n".join(html)
