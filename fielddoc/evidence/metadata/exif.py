"""EXIF: capture time, camera, software, orientation and GPS, through Pillow's ``Image.Exif``.

Pillow is imported lazily (inside :func:`_exif_from_bytes`), never at module level, so
importing this package does not load it. Pillow raises many exception types on a broken
block or a bad sub-IFD offset; those are caught here, logged at DEBUG with the type only,
and whatever was found before stays.
"""

from __future__ import annotations

import logging
import numbers
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from fielddoc.evidence.metadata._util import Section, _clean_text, _decimal, _section

if TYPE_CHECKING:
    from PIL import Image

logger = logging.getLogger(__name__)


def _exif_from_bytes(raw: object) -> Image.Exif | None:
    if not isinstance(raw, bytes | bytearray) or not raw:
        return None
    from PIL import Image

    exif = Image.Exif()
    exif.load(bytes(raw))
    return exif


def _read_exif_bytes(raw: bytes, result: Section) -> None:
    """EXIF from a raw TIFF block (optionally after "Exif\\0\\0"); Pillow errors stay here."""
    try:
        if (exif := _exif_from_bytes(raw)) is not None:
            _read_exif(exif, result)
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types on a broken block
        logger.debug("metadata: EXIF stopped (%s)", type(exc).__name__)


_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME: Final = re.compile(r"\s*(\d{4})[:\-](\d\d)[:\-](\d\d)[ T](\d\d):(\d\d):(\d\d)")
_OFFSET: Final = re.compile(r"\s*([+-])(\d\d):(\d\d)\s*")


def _ifd(exif: Image.Exif, tag: int) -> Mapping[int, Any]:
    try:
        return exif.get_ifd(tag)
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types on a bad offset
        logger.debug("metadata: EXIF sub-IFD skipped (%s)", type(exc).__name__)
        return {}


def _read_exif(exif: Image.Exif, result: Section) -> None:
    found: Section = {}
    sub = _ifd(exif, _EXIF_IFD)
    capture = _exif_datetime(sub.get(0x9003), sub.get(0x9011))  # DateTimeOriginal + offset
    if capture is None:
        capture = _exif_datetime(sub.get(0x9004), sub.get(0x9012))  # DateTimeDigitized
    if capture is not None:
        found["capture_time"] = capture
    for key, tag in (("camera_make", 0x010F), ("camera_model", 0x0110), ("software", 0x0131)):
        if (text := _clean_text(exif.get(tag))) is not None:
            found[key] = text
    orientation = exif.get(0x0112)
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        found["orientation"] = orientation
    if gps := _gps(_ifd(exif, _GPS_IFD)):
        found["gps"] = gps
    if found:
        _section(result, "exif").update(found)


def _exif_datetime(value: object, offset: object) -> str | None:
    text = _clean_text(value)
    match = _DATETIME.match(text or "")
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(p) for p in match.groups())
    try:
        moment = datetime(year, month, day, hour, minute, second)  # local time, offset apart
    except ValueError:  # 0000:00:00 00:00:00 and friends
        return None
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S")
    offset_match = _OFFSET.fullmatch(_clean_text(offset) or "")
    if offset_match and int(offset_match[2]) <= 14 and int(offset_match[3]) < 60:
        stamp += f"{offset_match[1]}{offset_match[2]}:{offset_match[3]}"
    return stamp


def _rational(value: object) -> Fraction | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, numbers.Rational):  # Pillow's IFDRational, Fraction
        numerator, denominator = value.numerator, value.denominator
        if isinstance(numerator, int) and isinstance(denominator, int) and denominator:
            return Fraction(numerator, denominator)
    return None


def _gps_ref(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return value.strip("\x00 ").upper()[:1] if isinstance(value, str) else ""


def _gps_coordinate(value: object, ref: object, negative: str, limit: int) -> str | None:
    parts = value if isinstance(value, tuple | list) else (value,)
    if not 1 <= len(parts) <= 3:
        return None
    fractions = [_rational(part) for part in parts]
    if any(f is None or f < 0 for f in fractions):
        return None
    degrees = sum(
        (f / 60**index for index, f in enumerate(fractions) if f is not None), Fraction(0)
    )
    if degrees > limit:
        return None
    return _decimal(-degrees if _gps_ref(ref) == negative else degrees, 6)


def _gps(gps: Mapping[int, Any]) -> Section:
    found: Section = {}
    if (latitude := _gps_coordinate(gps.get(2), gps.get(1), "S", 90)) is not None:
        found["latitude"] = latitude
    if (longitude := _gps_coordinate(gps.get(4), gps.get(3), "W", 180)) is not None:
        found["longitude"] = longitude
    altitude = _rational(gps.get(6))
    if altitude is not None and abs(altitude) < 100_000:
        ref = gps.get(5)
        below = ref in (1, b"\x01") or (isinstance(ref, bytes) and ref[:1] == b"\x01")
        found["altitude_m"] = _decimal(-abs(altitude) if below else altitude, 1)
    if (time_utc := _gps_time(gps.get(0x1D), gps.get(7))) is not None:
        found["time_utc"] = time_utc
    return found


def _gps_time(date_stamp: object, time_stamp: object) -> str | None:
    date_match = re.fullmatch(r"(\d{4}):(\d\d):(\d\d)", _clean_text(date_stamp) or "")
    if date_match is None or not isinstance(time_stamp, tuple | list) or len(time_stamp) != 3:
        return None
    hms = [_rational(part) for part in time_stamp]
    if any(part is None for part in hms):
        return None
    seconds = sum(int(p or 0) * unit for p, unit in zip(hms, (3600, 60, 1), strict=True))
    year, month, day = (int(p) for p in date_match.groups())
    try:
        moment = datetime(year, month, day, tzinfo=UTC) + timedelta(seconds=seconds)
    except (ValueError, OverflowError):
        return None
    if not 0 <= seconds < 86400:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
