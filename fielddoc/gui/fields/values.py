"""Field values in and out of words: dotted error paths, partial dates, times, and what is
wrong with a value, in the current language.

Nothing here builds a widget. The translated texts use the explicit context ``"fields"`` (the
name of the module they came from before the package was split), so existing translations keep
matching; do not change it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from fielddoc.gui.counts import Counts
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.records.templates import Field
from fielddoc.records.validation import date_bounds, is_partial_date

translate = QCoreApplication.translate

PathPart = str | int
_PATH_RE = re.compile(r"([^.\[\]]+)|\[([0-9]+)\]")


def parse_path(dotted: str) -> list[PathPart]:
    """``"team[0].name"`` -> ``["team", 0, "name"]`` (a ValidationError's ``field``)."""
    return [
        match[1] if match[1] is not None else int(match[2]) for match in _PATH_RE.finditer(dotted)
    ]


# --- partial dates and times -----------------------------------------------------------------

_ISO_LOOSE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})")
_MONTH_YEAR = re.compile(r"([0-9]{1,2})[./]([0-9]{4})")
_TIME_LOOSE = re.compile(r"([0-9]{1,2})[:.]?([0-9]{2})")


def normalise_date(text: str) -> str | None:
    """A partial date as stored (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), or ``None``.

    Also accepts the forms people type: ``2024-3``, ``15.03.2024`` and ``03.2024``.
    """
    text = text.strip()
    day: str | None
    month: str | None
    if match := _ISO_LOOSE.fullmatch(text):
        year, month, day = match[1], match[2], match[3]
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match[1], match[2], match[3]
    elif match := _MONTH_YEAR.fullmatch(text):
        day, month, year = None, match[1], match[2]
    else:
        return None
    parts = [year]
    if month is not None:
        parts.append(f"{int(month):02d}")
    if day is not None:
        parts.append(f"{int(day):02d}")
    candidate = "-".join(parts)
    return candidate if is_partial_date(candidate) else None


def describe_date(value: str) -> str:
    """A partial date in words, in the current language: "2024", "March 2024", a full date."""
    start, _end = date_bounds(value)
    locale = LANGUAGE.locale()
    precision = value.count("-")
    if precision == 0:
        return translate("fields", "the year %1").replace("%1", str(start.year))
    if precision == 1:
        return (
            translate("fields", "%1 %2", "month name, then year")
            .replace("%1", locale.standaloneMonthName(start.month))
            .replace("%2", str(start.year))
        )
    return locale.toString(QDate(start.year, start.month, start.day), QLocale.FormatType.LongFormat)


def date_start(value: str) -> date | None:
    try:
        return date_bounds(value)[0]
    except ValueError:
        return None


def normalise_time(text: str) -> str | None:
    """``HH:MM`` (24-hour clock) from ``9:05``, ``09.05``, ``0905``; ``None`` if not a time."""
    match = _TIME_LOOSE.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


def problem_text(field: Field, value: Any) -> str:
    """What is wrong with ``value`` for ``field``, in words for people (translated).

    Used next to a field that failed validation on save: the core's own message is English
    and names only the rule, so the GUI says it again in the current language.
    """
    if value in (None, "", [], {}):
        if field.required:
            return translate("fields", "This field is required: fill it in.")
        return translate("fields", "This field is not filled in correctly.")
    kind = field.type
    if kind == "date":
        return translate(
            "fields",
            "Write a year (2024), a month (2024-03) or a full date (2024-03-15); "
            "the day must exist.",
        )
    if kind == "time":
        return translate("fields", "Write the time as HH:MM on a 24-hour clock, e.g. 09:30.")
    if kind == "integer":
        return range_text(field) or translate("fields", "Write a whole number.")
    if kind in ("text", "long_text"):
        limit = field.max_length
        if limit is not None and isinstance(value, str) and len(value) > limit:
            return Counts().at_most_characters(limit)
        if kind == "text":
            return translate("fields", "Write a single line without special characters.")
        return translate("fields", "The text contains characters that cannot be stored.")
    if kind == "choice":
        return translate("fields", "Choose again from the list: this value is not in it.")
    if kind == "reference":
        return translate(
            "fields",
            "The chosen record is not in this vault or is of the wrong kind; choose it again.",
        )
    return translate("fields", "This field is not filled in correctly.")


def range_text(field: Field) -> str:
    """The allowed range of an integer field in words, or ``""`` when it is unbounded."""
    low, high = field.min, field.max
    if low is not None and high is not None:
        return (
            translate("fields", "A whole number from %1 to %2.")
            .replace("%1", str(low))
            .replace("%2", str(high))
        )
    if low is not None:
        return translate("fields", "A whole number, at least %1.").replace("%1", str(low))
    if high is not None:
        return translate("fields", "A whole number, at most %1.").replace("%1", str(high))
    return ""
