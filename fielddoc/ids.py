"""Identifiers and timestamps.

Record, revision, link and evidence ids are UUIDv7 (RFC 9562): 48 bits of Unix milliseconds
then 74 random bits, so ids sort by creation time across devices without coordination and
never collide in practice. Timestamps are UTC ISO-8601 with milliseconds and a ``Z``.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from datetime import UTC, datetime

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def new_id(now_ms: int | None = None) -> str:
    """A new UUIDv7 in canonical lower-case text form."""
    millis = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    rand_a = rand >> 68 & 0xFFF  # 12 bits
    rand_b = rand & ((1 << 62) - 1)  # 62 bits
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | rand_a << 64
    value |= 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def is_id(text: str) -> bool:
    """True when ``text`` looks like one of our ids (any UUID in canonical lower-case form)."""
    return bool(_UUID_RE.match(text))


def utc_now() -> str:
    """Current UTC time as ``YYYY-MM-DDTHH:MM:SS.mmmZ``."""
    return format_time(datetime.now(UTC))


def format_time(moment: datetime) -> str:
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )
