"""The status of a case on a given day, read from its ``status_timeline`` entries.

A case body (template ``case``) holds ``status_timeline``: entries with a ``date`` (required;
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), a ``status`` code from the ``case_statuses``
thesaurus and optionally the ``defendant`` it concerns. Monitors often know only the month of
a change ("placed under house arrest in March 2024"), so dates are partial.

Rules for partial dates:

- An entry takes effect on the **first** day its date covers: ``"2024-03"`` from 2024-03-01,
  ``"2024"`` from 2024-01-01.
- The day asked about, ``on``, is read as the **last** day it covers: ``status_as_of(body,
  "2024-03")`` is the status at the end of March 2024 ("as of March"), so a change dated
  ``"2024-03-15"`` counts.
- Entries are ordered by the day they take effect; entries that take effect on the same day
  keep their order in the timeline (the later one in the timeline wins in ``status_as_of``).

Failure behaviour: :class:`~fielddoc.errors.ValidationError` when ``on`` is not a partial
date (``field`` is ``None``), when ``status_timeline`` is not a list, or when an entry is not
an object (``field`` is ``"status_timeline[i]"``) or has no valid date (``field`` is
``"status_timeline[i].date"``); validated bodies never cause these. Messages never contain
record content.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from fielddoc.errors import ValidationError
from fielddoc.records.validation import date_bounds

TIMELINE_FIELD = "status_timeline"


def _entries(body: Mapping[str, object]) -> list[tuple[date, int, dict[str, object]]]:
    raw = body.get(TIMELINE_FIELD)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ValidationError(
            f"Field '{TIMELINE_FIELD}' must be a list of entries.", field=TIMELINE_FIELD
        )
    keyed: list[tuple[date, int, dict[str, object]]] = []
    for index, entry in enumerate(raw):
        item = f"{TIMELINE_FIELD}[{index}]"
        if not isinstance(entry, dict):
            raise ValidationError(f"Field '{item}' must be an object.", field=item)
        where = f"{item}.date"
        when = entry.get("date")
        if not isinstance(when, str):
            raise ValidationError(f"Field '{where}' is required.", field=where)
        try:
            start, _end = date_bounds(when)
        except ValueError:
            raise ValidationError(
                f"Field '{where}' must be a date written YYYY, YYYY-MM or YYYY-MM-DD.",
                field=where,
            ) from None
        keyed.append((start, index, entry))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return keyed


def timeline(body: Mapping[str, object]) -> list[dict[str, object]]:
    """The timeline entries sorted by the day they take effect; ties keep timeline order.

    Returns the entry objects of ``body`` themselves (not copies); an absent timeline gives
    ``[]``.
    """
    return [entry for _start, _index, entry in _entries(body)]


def status_as_of(
    body: Mapping[str, object], on: str, *, defendant: str | None = None
) -> dict[str, object] | None:
    """The timeline entry in effect at the end of the day or period ``on``, or ``None``.

    ``None`` when no entry has taken effect by then. With ``defendant`` (a person record id),
    only entries for that defendant and entries naming no defendant (which apply to all)
    are considered.
    """
    try:
        _start, last_day = date_bounds(on) if isinstance(on, str) else date_bounds("")
    except ValueError:
        raise ValidationError(
            "The date to look up must be written YYYY, YYYY-MM or YYYY-MM-DD."
        ) from None
    current: dict[str, object] | None = None
    for start, _index, entry in _entries(body):
        if start > last_day:
            break
        concerns = entry.get("defendant")
        if defendant is not None and concerns is not None and concerns != defendant:
            continue
        current = entry
    return current
