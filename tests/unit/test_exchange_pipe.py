"""pipe.pump (bundle built on a helper thread, written on the caller's) and rows.py
(set-based inserts of bundle bookkeeping rows)."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from fielddoc.exchange import pipe, rows
from tests.conftest import make_vault


def _helpers_alive() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "fielddoc-bundle-writer"]


def test_pump_writes_everything_in_order_with_progress() -> None:
    pieces = [os.urandom(size) for size in (1, 70_000, pipe.BLOCK, 3 * pipe.BLOCK + 5, 0, 17)]
    seen: list[int] = []

    def produce(sink: pipe.Sink) -> None:
        for index, piece in enumerate(pieces):
            sink.write(piece)
            sink.done = index + 1

    out = io.BytesIO()
    pipe.pump(produce, out, seen.append)
    assert out.getvalue() == b"".join(pieces)
    assert seen == sorted(seen)
    assert seen[-1] == len(pieces)
    assert len(seen) == 3  # a block goes out once ~1 MiB gathered, not one write at the end
    assert not _helpers_alive()


def test_producer_error_is_raised_after_what_came_before() -> None:
    class BoomError(Exception):
        pass

    def produce(sink: pipe.Sink) -> None:
        sink.write(b"a" * (pipe.BLOCK + 1))
        raise BoomError("broken blob")

    out = io.BytesIO()
    with pytest.raises(BoomError, match="broken blob"):
        pipe.pump(produce, out, lambda _done: None)
    assert out.getvalue() == b"a" * (pipe.BLOCK + 1)
    assert not _helpers_alive()


def test_cancel_on_the_calling_thread_stops_an_endless_producer() -> None:
    class StopError(Exception):
        pass

    produced = threading.Event()

    def produce(sink: pipe.Sink) -> None:
        while True:  # never ends by itself: only the consumer's stop can end it
            sink.write(b"x" * 65536)
            produced.set()

    calls = 0

    def before_write(_done: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise StopError

    out = io.BytesIO()
    with pytest.raises(StopError):
        pipe.pump(produce, out, before_write)
    assert produced.is_set()
    assert len(out.getvalue()) == 2 * pipe.BLOCK
    assert not _helpers_alive()


def test_a_failing_write_stops_the_producer() -> None:
    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, _data: object) -> int:
            raise OSError(28, "No space left on device")

    def produce(sink: pipe.Sink) -> None:
        while True:
            sink.write(b"y" * pipe.BLOCK)

    with pytest.raises(OSError, match="No space"):
        pipe.pump(produce, Full(), lambda _done: None)  # type: ignore[arg-type]
    assert not _helpers_alive()


def test_insert_items_and_provenance(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "hq", role="hq", name="HQ")
    conn = handle.vault.conn
    conn.execute(
        "INSERT INTO bundles_in (id, device_key_id, seq, prev_sha256, tagmanifest_sha256, "
        "created_at, imported_at, revisions, evidence, sequence_note) "
        "VALUES ('b1', 'K', 1, 'p', 't', 'c', 'i', 0, 0, 'n')"
    )
    items = [
        ("revision", "r-1", "a" * 64),
        ("evidence", "e-1", "b" * 64),
        ("revision", "r-2", "c" * 64),
        ("link", "l-1", "d" * 64),
    ]
    rows.insert_items(conn, "bundle_in_items", "b1", items)
    stored = conn.execute(
        "SELECT kind, item_id, sha256 FROM bundle_in_items WHERE bundle_id = 'b1'"
    ).fetchall()
    assert sorted(map(tuple, stored)) == sorted(items)

    conn.execute("INSERT INTO provenance VALUES ('revision', 'r-1', 'OLD', 'b0', 1, 's0', 'i0')")
    facts = {
        "device_key_id": "K",
        "bundle_id": "b1",
        "seq": 2,
        "signed_at": "s",
        "imported_at": "i",
    }
    rows.insert_provenance(conn, "revision", ["r-1", "r-2"], **facts)  # type: ignore[arg-type]
    rows.insert_provenance(conn, "link", [], **facts)  # type: ignore[arg-type]
    prov = conn.execute(
        "SELECT kind, item_id, device_key_id, bundle_id, seq FROM provenance ORDER BY item_id"
    ).fetchall()
    assert [tuple(r) for r in prov] == [
        ("revision", "r-1", "OLD", "b0", 1),  # already there: kept, as INSERT OR IGNORE did
        ("revision", "r-2", "K", "b1", 2),
    ]


def test_rows_refuse_what_would_split_wrongly(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "hq", role="hq", name="HQ")
    conn = handle.vault.conn
    with pytest.raises(ValueError, match="single word"):
        rows.insert_items(conn, "bundle_in_items", "b", [("revision", "a b", "c" * 64)])
    with pytest.raises(ValueError, match="single word"):
        rows.insert_provenance(
            conn,
            "link",
            [""],
            device_key_id="K",
            bundle_id="b",
            seq=1,
            signed_at="s",
            imported_at="i",
        )
    with pytest.raises(ValueError, match="table"):
        rows.insert_items(conn, "records", "b", [("revision", "a", "c")])
