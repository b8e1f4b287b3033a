"""Shared limits, and the sanitising that keeps every returned value JSON-safe.

Readers put whatever they find into their sections; :func:`_json_safe` runs over the whole
result before ``extract_metadata`` returns it, so only str, bool and int within +/- 2**53
(in dicts and lists) get out. Fractional values (GPS, altitude) are exact decimal strings
from :func:`_decimal`, never floats.
"""

from __future__ import annotations

import contextlib
import re
from fractions import Fraction
from typing import Final

PREFIX_BYTES: Final = 1024 * 1024
MAX_TEXT: Final = 500
_MAX_SAFE_INT: Final = 2**53 - 1

Section = dict[str, object]


def _section(result: Section, key: str) -> Section:
    found = result.get(key)
    if isinstance(found, dict):
        return found
    fresh: Section = {}
    result[key] = fresh
    return fresh


def _decimal(value: Fraction, places: int) -> str:
    """Exact decimal text of ``value`` rounded half-even to ``places`` digits."""
    scaled = round(value * 10**places)
    whole, frac = divmod(abs(scaled), 10**places)
    return f"{'-' if scaled < 0 else ''}{whole}.{frac:0{places}d}"


_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]+")


def _clean_text(value: object) -> str | None:
    """Trimmed, control-free, valid Unicode of at most MAX_TEXT characters; None if empty."""
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    if any("\x80" <= c <= "\xff" for c in value) and max(value) <= "\xff":
        # Pillow decodes EXIF ASCII fields as Latin-1; UTF-8 written there reads back as
        # mojibake ("Ð\x9fÑ\x80..."), so undo that when the bytes are valid UTF-8.
        with contextlib.suppress(UnicodeDecodeError):
            value = value.encode("latin-1").decode("utf-8")
    value = value.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> "?"
    value = " ".join(_CONTROL.sub(lambda m: "" if "\x00" in m[0] else " ", value).split())
    return value[:MAX_TEXT].strip() or None


def _json_safe(value: object) -> object | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value) if abs(value) <= _MAX_SAFE_INT else None
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for key, item in value.items():
            clean_key, clean_item = _clean_text(key), _json_safe(item)
            if clean_key is not None and clean_item not in (None, {}, []):
                out[clean_key] = clean_item
        return out
    if isinstance(value, list | tuple):
        items = [_json_safe(item) for item in value]
        return [item for item in items if item not in (None, {}, [])]
    return None
