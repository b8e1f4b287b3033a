"""The Details tab of the Evidence page: one evidence file as HTML (hashes, size, type, when and
where it was acquired, the records it is attached to, its state, extracted metadata, and the
chain of custody event by event).

Every value from the vault is HTML-escaped. Texts use the translation context
``"EvidencePage"``, the class users see.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from fielddoc.evidence.store import Evidence
from fielddoc.gui.models import format_time
from fielddoc.gui.pages.evidence_table import problem_text, size_text

translate = QCoreApplication.translate


def details_html(
    item: Evidence,
    records: Sequence[str],
    events: Sequence[Any],
    *,
    this_device: str,
    state: str,
) -> str:
    """``item`` with the titles of its ``records``, its custody ``events`` and its ``state`` (as
    the list shows it); ``this_device`` is this laptop's device id."""
    esc = html.escape

    def row(label: str, value: str, *, mono: bool = False) -> str:
        shown = f"<code>{esc(value)}</code>" if mono else esc(value)
        return f"<tr><th align='left' valign='top'>{esc(label)}</th><td>{shown}</td></tr>"

    device = device_text(item.acquired_device, this_device)
    rows = [
        row(translate("EvidencePage", "SHA-256"), item.sha256, mono=True),
        row(translate("EvidencePage", "Evidence id"), item.id, mono=True),
        row(translate("EvidencePage", "Size"), f"{size_text(item.size)} ({item.size})"),
        row(translate("EvidencePage", "Type"), item.mime_type),
        row(translate("EvidencePage", "Acquired"), f"{format_time(item.acquired_at)} · {device}"),
    ]
    if item.file_modified:
        rows.append(
            row(translate("EvidencePage", "File last modified"), format_time(item.file_modified))
        )
    rows.append(
        row(
            translate("EvidencePage", "Attached to"),
            ", ".join(records) or translate("EvidencePage", "no record"),
        )
    )
    rows.append(row(translate("EvidencePage", "State"), state))
    parts = [
        f"<h3>{esc(item.original_name)}</h3>",
        f"<table cellspacing='4'>{''.join(rows)}</table>",
    ]
    meta = metadata_rows(item.metadata)
    if meta:
        # outside the f-string: lupdate does not look inside f-strings
        heading = translate("EvidencePage", "Metadata")
        parts.append(f"<h4>{esc(heading)}</h4>")
        parts.append(
            "<table cellspacing='4'>"
            + "".join(row(label, value) for label, value in meta)
            + "</table>"
        )
    custody = translate("EvidencePage", "Chain of custody")
    parts.append(f"<h4>{esc(custody)}</h4>")
    head = "".join(
        f"<th align='left'>{esc(h)}</th>"
        for h in (
            translate("EvidencePage", "#"),
            translate("EvidencePage", "Event"),
            translate("EvidencePage", "Time"),
            translate("EvidencePage", "Device"),
        )
    )
    details = translate("EvidencePage", "Details")
    head += f"<th align='left'>{esc(details)}</th>"
    body = "".join(
        "<tr>"
        f"<td>{event.seq}</td><td>{esc(event_text(event.event))}</td>"
        f"<td>{esc(format_time(event.at))}</td>"
        f"<td>{esc(device_text(event.device, this_device))}</td>"
        f"<td>{esc(event_detail(event.event, event.detail))}</td>"
        "</tr>"
        for event in events
    )
    parts.append(f"<table cellspacing='4'><tr>{head}</tr>{body}</table>")
    return "".join(parts)


def device_text(device: str, this_device: str) -> str:
    if device == this_device:
        return translate("EvidencePage", "this laptop")
    return translate("EvidencePage", "device %1").replace("%1", device[-12:])


def event_text(event: str) -> str:
    texts = {
        "ingest": translate("EvidencePage", "Added to the vault"),
        "verify": translate("EvidencePage", "Verified"),
        "extract": translate("EvidencePage", "Unencrypted copy extracted"),
        "export": translate("EvidencePage", "Exported in a bundle"),
        "import": translate("EvidencePage", "Imported from a bundle"),
        "delivery": translate("EvidencePage", "Delivery confirmed by HQ"),
        "purge": translate("EvidencePage", "Removed from this laptop"),
    }
    return texts.get(event, event)


def event_detail(event: str, detail: dict[str, Any]) -> str:
    if event == "verify":
        if detail.get("ok"):
            return translate("EvidencePage", "intact")
        return translate("EvidencePage", "FAILED: %1").replace(
            "%1", problem_text(detail.get("problem"))
        )
    if event == "ingest" and "size" in detail:
        return size_text(int(detail["size"]))
    return ", ".join(f"{key}: {value}" for key, value in sorted(detail.items()))


def metadata_rows(metadata: dict[str, Any]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    image = metadata.get("image", {})
    if "width" in image and "height" in image:
        size = f"{image['width']} × {image['height']}"
        rows.append(
            (translate("EvidencePage", "Image size"), f"{size} ({image.get('format', '')})".strip())
        )
    exif = metadata.get("exif", {})
    if "capture_time" in exif:
        rows.append(
            (translate("EvidencePage", "Photo taken (camera clock)"), str(exif["capture_time"]))
        )
    camera = " ".join(str(exif[k]) for k in ("camera_make", "camera_model") if k in exif)
    if camera:
        rows.append((translate("EvidencePage", "Camera"), camera))
    if "software" in exif:
        rows.append((translate("EvidencePage", "Software"), str(exif["software"])))
    pdf = metadata.get("pdf", {})
    for key, label in (
        ("page_count", translate("EvidencePage", "Pages")),
        ("creation_date", translate("EvidencePage", "Document created")),
        ("producer", translate("EvidencePage", "Producer")),
        ("creator", translate("EvidencePage", "Creator")),
    ):
        if key in pdf:
            rows.append((label, str(pdf[key])))
    if pdf.get("encrypted"):
        rows.append(
            (translate("EvidencePage", "Password protected"), translate("EvidencePage", "yes"))
        )
    media = metadata.get("media", {})
    if "duration_ms" in media:
        seconds = int(media["duration_ms"]) // 1000
        rows.append(
            (
                translate("EvidencePage", "Duration"),
                f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
            )
        )
    for key, label in (
        ("container", translate("EvidencePage", "Container")),
        ("codec", translate("EvidencePage", "Codec")),
        ("channels", translate("EvidencePage", "Channels")),
        ("sample_rate", translate("EvidencePage", "Sample rate (Hz)")),
        ("creation_time", translate("EvidencePage", "Recorded (device clock)")),
    ):
        if key in media:
            rows.append((label, str(media[key])))
    for gps in (exif.get("gps"), media.get("gps")):
        if isinstance(gps, dict) and "latitude" in gps and "longitude" in gps:
            where = f"{gps['latitude']}, {gps['longitude']}"
            if "altitude_m" in gps:
                where += " · " + translate("EvidencePage", "%1 m above sea level").replace(
                    "%1", str(gps["altitude_m"])
                )
            rows.append((translate("EvidencePage", "GPS position"), where))
            if "time_utc" in gps:
                rows.append((translate("EvidencePage", "GPS time (UTC)"), str(gps["time_utc"])))
    return rows
