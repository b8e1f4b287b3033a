"""Validation of record bodies against template fields, and walks over a valid body.

:meth:`fielddoc.records.templates.Template.validate` is the public entry point; this module
holds the rules so that templates.py stays about the template format.

Rules (DESIGN.md "Records"):

- A body is a JSON object whose keys are field names of the template; an unknown key at any
  level (top, group, entry) is refused.
- ``null`` means "absent": it is dropped from the result; for a required field it is an error.
- A required field must be present and not empty: ``""`` or whitespace-only text, or an
  empty list for a multiple choice / reference / entries field, is refused. Required fields
  inside a ``group`` or ``entries`` item only apply when that group or item is present.
- Present values are checked for their type:

  ===========  =========================================================================
  text         single-line ``str`` (no line breaks or control characters) up to max_length
  long_text    ``str`` (tabs and line breaks allowed) up to max_length
  date         ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``, a real calendar date, year >= 1
  time         ``"HH:MM"``, 24-hour clock
  integer      ``int`` (not ``bool``), |n| < 2**53, within the field's min / max
  boolean      ``bool``
  choice       a code of the field's thesaurus (any depth); ``multiple``: list of unique codes
  reference    a record id (canonical lower-case UUID); ``multiple``: list of unique ids
  group        an object validated against the nested fields
  entries      a list of objects, each validated against the nested fields
  ===========  =========================================================================

- Every string must be valid Unicode (no lone surrogates), so a valid body can always be
  canonicalised (:mod:`fielddoc.canonical`).

Failure behaviour: the first breach, in template field order, raises
:class:`~fielddoc.errors.ValidationError` whose ``field`` is the dotted path of the offending
value (``"consent.scope[1]"``, ``"status_timeline[2].date"``) and whose message names that path
and the rule, never the value. An unknown key appears in the path only when it looks like a
field name (a snake_case identifier); any other key is shown as ``<unknown>`` because it
could be record content. Nothing but ``ValidationError`` escapes for any JSON-like input.

Invariant: ``validate(validate(body)) == validate(body)``; the result has keys in template
order and contains only the template's fields.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from fielddoc.canonical import MAX_SAFE_INTEGER
from fielddoc.errors import ValidationError
from fielddoc.ids import is_id
from fielddoc.records.thesauri import LANGUAGES, Thesaurus, is_name

if TYPE_CHECKING:
    from fielddoc.records.templates import Field

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_TIME_RE = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
# C0 controls and DEL; a single line additionally refuses line and paragraph separators.
_BAD_IN_LONG_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BAD_IN_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")

UNKNOWN_KEY = "<unknown>"


def date_bounds(text: str) -> tuple[date, date]:
    """First and last calendar day covered by a partial date.

    ``"2024"`` -> 2024-01-01 .. 2024-12-31, ``"2024-02"`` -> 2024-02-01 .. 2024-02-29,
    ``"2024-02-10"`` -> that day twice. Raises ``ValueError`` for anything else (including a
    day that does not exist, such as ``"2023-02-29"``).
    """
    match = _DATE_RE.fullmatch(text)
    if match is None:
        raise ValueError("not a partial date")
    year = int(match[1])
    if year < 1:
        raise ValueError("year 0 does not exist")
    if match[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(match[2])
    if not 1 <= month <= 12:
        raise ValueError("month out of range")
    if match[3] is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, int(match[3]))  # ValueError for a day that does not exist
    return day, day


def is_partial_date(value: object) -> bool:
    """True for a valid ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` string."""
    if not isinstance(value, str):
        return False
    try:
        date_bounds(value)
    except ValueError:
        return False
    return True


def child_path(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _item_path(parent: str, index: int) -> str:
    return f"{parent}[{index}]"


def safe_key(key: object) -> str:
    """``key`` when it looks like a field name, else :data:`UNKNOWN_KEY` (never content)."""
    return key if isinstance(key, str) and is_name(key) else UNKNOWN_KEY


def _fail(path: str, rule: str) -> ValidationError:
    return ValidationError(f"Field '{path}' {rule}.", field=path)


def validate_object(
    fields: tuple[Field, ...], body: object, path: str, thesauri: Mapping[str, Thesaurus]
) -> dict[str, object]:
    """Validate ``body`` against ``fields``; ``path`` is its dotted path (``""`` at the top)."""
    if not isinstance(body, dict):
        if not path:
            raise ValidationError("The record body must be a JSON object.")
        raise _fail(path, "must be an object")
    by_name = {f.name: f for f in fields}
    for key in body:
        if not isinstance(key, str) or key not in by_name:
            raise _fail(child_path(path, safe_key(key)), "is not defined by the template")
    result: dict[str, object] = {}
    for spec in fields:
        here = child_path(path, spec.name)
        value = body.get(spec.name)
        if value is None:
            if spec.required:
                raise _fail(here, "is required")
            continue
        result[spec.name] = _validate_value(spec, value, here, thesauri)
    return result


def _validate_value(
    spec: Field, value: object, path: str, thesauri: Mapping[str, Thesaurus]
) -> object:
    if spec.required and value in ("", []):
        raise _fail(path, "is required and must not be empty")
    kind = spec.type
    if kind in ("text", "long_text"):
        return _text(spec, value, path)
    if kind == "date":
        if not is_partial_date(value):
            raise _fail(path, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
        return value
    if kind == "time":
        if not isinstance(value, str) or _TIME_RE.fullmatch(value) is None:
            raise _fail(path, "must be a time written HH:MM (24-hour clock)")
        return value
    if kind == "integer":
        return _integer(spec, value, path)
    if kind == "boolean":
        if not isinstance(value, bool):
            raise _fail(path, "must be true or false")
        return value
    if kind == "choice":
        thesaurus = thesauri.get(spec.thesaurus or "")
        if thesaurus is None:  # excluded by template loading; kept for hand-made Fields
            raise _fail(path, "uses a thesaurus that is not loaded")
        name = thesaurus.name

        def check_code(item: object, where: str) -> str:
            if not isinstance(item, str) or item not in thesaurus:
                raise _fail(where, f"is not a term of the thesaurus '{name}'")
            return item

        return _one_or_many(spec, value, path, check_code)
    if kind == "reference":
        return _one_or_many(spec, value, path, _check_reference)
    if kind == "group":
        return validate_object(spec.fields, value, path, thesauri)
    if kind == "entries":
        if not isinstance(value, list):
            raise _fail(path, "must be a list of entries")
        return [
            validate_object(spec.fields, item, _item_path(path, index), thesauri)
            for index, item in enumerate(value)
        ]
    raise _fail(path, "has a type this version cannot check")  # unreachable after loading


def _text(spec: Field, value: object, path: str) -> str:
    if not isinstance(value, str):
        raise _fail(path, "must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail(path, "is not valid Unicode text") from None
    limit = spec.max_length
    if limit is not None and len(value) > limit:
        raise _fail(path, f"is longer than {limit} characters")
    if spec.type == "text":
        if _BAD_IN_LINE.search(value):
            raise _fail(path, "must be a single line without control characters")
    elif _BAD_IN_LONG_TEXT.search(value):
        raise _fail(path, "contains control characters")
    if spec.required and not value.strip():
        raise _fail(path, "is required and must not be empty")
    return value


def _integer(spec: Field, value: object, path: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(path, "must be a whole number")
    if abs(value) > MAX_SAFE_INTEGER:
        raise _fail(path, "is outside the range of numbers that can be stored")
    if spec.min is not None and value < spec.min:
        raise _fail(path, f"must be at least {spec.min}")
    if spec.max is not None and value > spec.max:
        raise _fail(path, f"must be at most {spec.max}")
    return value


def _check_reference(item: object, where: str) -> str:
    if not isinstance(item, str) or not is_id(item):
        raise _fail(where, "must be a record id")
    return item


def _one_or_many(
    spec: Field, value: object, path: str, check: Callable[[object, str], str]
) -> str | list[str]:
    if not spec.multiple:
        return check(value, path)
    if not isinstance(value, list):
        raise _fail(path, "must be a list")
    seen: set[str] = set()
    for index, item in enumerate(value):
        where = _item_path(path, index)
        checked = check(item, where)
        if checked in seen:
            raise _fail(where, "repeats an earlier value")
        seen.add(checked)
    return list(value)  # a copy: every element is a checked str


# --- walks over a valid body ---------------------------------------------------------------


def collect_texts(
    fields: tuple[Field, ...],
    body: Mapping[str, object],
    thesaurus_of: Callable[[str], Thesaurus],
    inherited: bool,
    out: list[str],
) -> None:
    """Append the searchable texts of ``body`` to ``out`` (see ``Template.searchable_texts``).

    A field is searchable when it, or a group / entries field around it, is marked so.
    Values of the wrong type are skipped, so any body can be walked; only a valid body gives a
    meaningful result.
    """
    for spec in fields:
        value = body.get(spec.name)
        if value is None:
            continue
        searchable = inherited or spec.searchable
        if spec.type in ("text", "long_text"):
            if searchable and isinstance(value, str) and value.strip():
                out.append(value)
        elif spec.type == "choice":
            if searchable and spec.thesaurus is not None:
                _choice_labels(thesaurus_of(spec.thesaurus), value, out)
        elif spec.type == "group":
            if isinstance(value, Mapping):
                collect_texts(spec.fields, value, thesaurus_of, searchable, out)
        elif spec.type == "entries" and isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    collect_texts(spec.fields, item, thesaurus_of, searchable, out)


def _choice_labels(thesaurus: Thesaurus, value: object, out: list[str]) -> None:
    codes = value if isinstance(value, list) else [value]
    for code in codes:
        if not isinstance(code, str):
            continue
        labels = thesaurus.labels(code)
        added: set[str] = set()
        for lang in LANGUAGES:
            label = labels.get(lang)
            if label and label not in added:
                added.add(label)
                out.append(label)


def collect_references(
    fields: tuple[Field, ...],
    body: Mapping[str, object],
    path: str,
    out: list[tuple[str, str]],
) -> None:
    """Append ``(dotted path without indexes, record id)`` for every reference in ``body``."""
    for spec in fields:
        value = body.get(spec.name)
        if value is None:
            continue
        here = child_path(path, spec.name)
        if spec.type == "reference":
            items = value if isinstance(value, list) else [value]
            out.extend((here, item) for item in items if isinstance(item, str))
        elif spec.type == "group":
            if isinstance(value, Mapping):
                collect_references(spec.fields, value, here, out)
        elif spec.type == "entries" and isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    collect_references(spec.fields, item, here, out)
