"""The confirmation before purging what HQ confirmed: :func:`purge_preview` selects exactly
what ``purge_delivered`` would destroy (read only), :func:`confirm_purge` asks with that list,
Cancel being the default answer.

The texts keep the explicit translation context ``"exchange"`` so existing translations match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fielddoc.gui import dialogs
from fielddoc.gui.counts import Counts, fill
from fielddoc.gui.exchange_format import data_size
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.records.templates import TemplateSet

Connection = Any  # sqlcipher3 connection (untyped)
SHOWN_NAMES = 12  # how many titles / file names a purge confirmation lists by name


@dataclass(frozen=True)
class PurgePreview:
    """What ``purge_delivered`` would remove now (same selection, read only)."""

    records: int
    records_by_template: dict[str, int]
    record_titles: list[str]
    evidence: int
    evidence_bytes: int
    evidence_names: list[str]
    delivered_to: list[str]

    @property
    def empty(self) -> bool:
        return not (self.records or self.evidence)


_DOOMED_RECORDS = (
    "FROM records r JOIN deliveries d ON d.kind = 'revision' AND d.item_id = r.head_revision "
    "WHERE NOT EXISTS (SELECT 1 FROM revisions x WHERE x.record_id = r.id AND NOT EXISTS "
    "(SELECT 1 FROM deliveries y WHERE y.kind = 'revision' AND y.item_id = x.id))"
)
_DOOMED_EVIDENCE = (
    "FROM evidence e JOIN deliveries d ON d.kind = 'evidence' AND d.item_id = e.id "
    "WHERE e.blob_name IS NOT NULL"
)


def purge_preview(conn: Connection) -> PurgePreview:
    """Mirror of the selection in ``fielddoc.exchange.purge.purge_delivered`` (no age limit)."""
    by_template = dict(
        conn.execute(f"SELECT r.template, count(*) {_DOOMED_RECORDS} GROUP BY r.template")
    )
    titles = [
        str(row[0])
        for row in conn.execute(
            f"SELECT r.title {_DOOMED_RECORDS} ORDER BY r.updated_at LIMIT ?", (SHOWN_NAMES,)
        )
    ]
    count, size = conn.execute(
        f"SELECT count(*), coalesce(sum(e.size), 0) {_DOOMED_EVIDENCE}"
    ).fetchone()
    names = [
        str(row[0])
        for row in conn.execute(
            f"SELECT e.original_name {_DOOMED_EVIDENCE} ORDER BY e.acquired_at LIMIT ?",
            (SHOWN_NAMES,),
        )
    ]
    hqs = sorted(
        {
            str(row[0])
            for row in conn.execute(
                f"SELECT DISTINCT d.delivered_to {_DOOMED_RECORDS} UNION "
                f"SELECT DISTINCT d.delivered_to {_DOOMED_EVIDENCE}"
            )
        }
    )
    return PurgePreview(
        records=sum(int(n) for n in by_template.values()),
        records_by_template={str(k): int(v) for k, v in by_template.items()},
        record_titles=titles,
        evidence=int(count),
        evidence_bytes=int(size),
        evidence_names=names,
        delivered_to=hqs,
    )


def _listing(names: list[str], total: int) -> str:
    shown = ", ".join(f"“{name}”" for name in names if name)
    more = total - len(names)
    if more > 0:
        shown += " " + Counts().more(more)
    return shown


def purge_confirmation_text(preview: PurgePreview, templates: TemplateSet) -> str:
    """Exactly what will be destroyed, what stays, and that it cannot be undone."""
    lines = [QCoreApplication.translate("exchange", "This permanently deletes from this laptop:")]
    if preview.records:
        kinds = ", ".join(
            f"{count} × {templates.get(name).label(LANGUAGE.current)}"
            for name, count in sorted(preview.records_by_template.items())
        )
        lines.append(
            "• "
            + fill(
                QCoreApplication.translate("exchange", "%1 (%2): %3", "what is deleted"),
                Counts().records(preview.records),
                kinds,
                _listing(preview.record_titles, preview.records),
            )
        )
    if preview.evidence:
        lines.append(
            "• "
            + fill(
                QCoreApplication.translate("exchange", "%1 (%2): %3", "what is deleted"),
                Counts().evidence_files(preview.evidence),
                data_size(preview.evidence_bytes),
                _listing(preview.evidence_names, preview.evidence),
            )
        )
    lines.append("")
    lines.append(
        QCoreApplication.translate(
            "exchange",
            "HQ (%1) confirmed with a signed receipt that it received each of them. The text, "
            "the files and their keys are destroyed; only a stub stays for each: its id, its "
            "hash, and when and to whom it was delivered. This cannot be undone.",
        ).replace("%1", ", ".join(preview.delivered_to))
    )
    return "\n".join(lines)


def confirm_purge(parent: QWidget | None, preview: PurgePreview, templates: TemplateSet) -> bool:
    """Ask before purging; Cancel is the default answer."""
    action = fill(
        QCoreApplication.translate("exchange", "Delete %1 and %2"),
        Counts().records(preview.records),
        Counts().files(preview.evidence),
    )
    return dialogs.confirm(
        parent,
        QCoreApplication.translate("exchange", "Purge what HQ confirmed"),
        purge_confirmation_text(preview, templates),
        action=action,
    )
