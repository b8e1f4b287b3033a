from __future__ import annotations

import uuid

from fielddoc.ids import format_time, is_id, new_id, utc_now


def test_uuid7_layout_and_order() -> None:
    first = new_id(now_ms=1_700_000_000_000)
    second = new_id(now_ms=1_700_000_000_001)
    parsed = uuid.UUID(first)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert int(parsed.hex[:12], 16) == 1_700_000_000_000
    assert first < second
    assert is_id(first)


def test_ids_are_unique() -> None:
    assert len({new_id() for _ in range(10_000)}) == 10_000


def test_is_id_rejects_other_text() -> None:
    assert not is_id("../etc/passwd")
    assert not is_id(new_id().upper())


def test_time_format() -> None:
    from datetime import UTC, datetime

    assert (
        format_time(datetime(2024, 3, 1, 8, 5, 9, 123456, tzinfo=UTC)) == "2024-03-01T08:05:09.123Z"
    )
    assert utc_now().endswith("Z")
