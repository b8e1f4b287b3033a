"""Export progress and cancel, now that the archive is built on a helper thread: progress and
cancel are called on the caller's thread, a cancel leaves nothing behind, and the bundle that
follows imports."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from fielddoc.errors import CancelledError
from fielddoc.exchange import pipe
from fielddoc.exchange.export import write_bundle
from fielddoc.exchange.importer import import_bundle
from tests.exchange_support import add_sample_content, make_pair

EVIDENCE = 3 * 1024 * 1024  # several ~1 MiB write blocks


def test_export_progress_cancel_and_import(tmp_path: Path) -> None:
    pair = make_pair(tmp_path / "pair")
    add_sample_content(pair, evidence_bytes=EVIDENCE)
    caller = threading.get_ident()
    polls: list[int] = []

    def cancel() -> bool:
        polls.append(threading.get_ident())
        return len(polls) == 2  # after the first block went out

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(CancelledError):
        write_bundle(pair.f, out / "b.fdbundle", cancel=cancel)
    assert set(polls) == {caller}
    assert list(out.iterdir()) == []  # no partial file
    assert pair.f.conn.execute("SELECT count(*) FROM bundles_out").fetchone()[0] == 0
    assert pair.f.conn.execute("SELECT count(*) FROM bundle_items").fetchone()[0] == 0

    calls: list[tuple[int, int, int]] = []
    result = write_bundle(
        pair.f,
        out / "b.fdbundle",
        progress=lambda done, total: calls.append((done, total, threading.get_ident())),
    )
    assert {thread for _, _, thread in calls} == {caller}
    done = [d for d, _, _ in calls]
    assert done == sorted(done)
    assert len(calls) >= 3  # one per ~1 MiB block written, not one per member
    assert calls[-1][:2] == (result.payload_bytes, result.payload_bytes)
    assert result.payload_bytes > EVIDENCE
    items = pair.f.conn.execute(
        "SELECT kind, count(*) FROM bundle_items WHERE bundle_id = ? GROUP BY kind",
        (result.bundle_id,),
    ).fetchall()
    assert dict(map(tuple, items)) == {
        "revision": result.revisions,
        "link": result.links,
        "evidence": result.evidence,
    }

    report = import_bundle(pair.h, out / "b.fdbundle")
    assert report.ok, report.to_text()
    assert report.new_items == result.revisions + result.links + result.evidence
    held = pair.h.conn.execute(
        "SELECT kind, count(*) FROM provenance WHERE bundle_id = ? GROUP BY kind",
        (result.bundle_id,),
    ).fetchall()
    assert dict(map(tuple, held)) == {
        "revision": result.revisions,
        "link": result.links,
        "evidence": result.evidence,
    }
    received = pair.h.conn.execute(
        "SELECT count(*) FROM bundle_in_items WHERE bundle_id = ?", (result.bundle_id,)
    ).fetchone()[0]
    assert received == report.new_items


BIG = 5 * 1024 * 1024 + 12_345  # a file that spans several ~1 MiB blocks
STEP = 1024 * 1024  # the bar must move at least this often inside a file


def test_progress_moves_inside_one_large_file_and_cancel_there_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # small write blocks: every read of the file reaches the caller as its own value
    monkeypatch.setattr(pipe, "BLOCK", 128 * 1024)
    pair = make_pair(tmp_path / "pair")
    evidence_id = add_sample_content(pair, evidence_bytes=BIG)["evidence"]
    size = pair.f.evidence.get(evidence_id).size
    card = len(pair.f.card.to_text().encode("utf-8"))  # the last payload member
    caller = threading.get_ident()
    out = tmp_path / "out"
    out.mkdir()

    def file_span(total: int) -> tuple[int, int]:
        end = total - card
        return end - size, end

    seen: list[tuple[int, int]] = []

    def cancel_inside_file() -> bool:
        assert threading.get_ident() == caller
        if not seen:
            return False
        start, end = file_span(seen[-1][1])
        return start + 2 * STEP <= seen[-1][0] < end

    with pytest.raises(CancelledError):
        write_bundle(
            pair.f,
            out / "b.fdbundle",
            progress=lambda done, total: seen.append((done, total)),
            cancel=cancel_inside_file,
        )
    start, end = file_span(seen[-1][1])
    assert start < seen[-1][0] < end  # stopped with the file half written
    assert list(out.iterdir()) == []
    for table in ("bundles_out", "bundle_items"):
        assert pair.f.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    exported = pair.f.conn.execute(
        "SELECT count(*) FROM custody_events WHERE evidence_id = ? AND event = 'export'",
        (evidence_id,),
    ).fetchone()[0]
    assert exported == 0

    calls: list[tuple[int, int, int]] = []
    result = write_bundle(
        pair.f,
        out / "b.fdbundle",
        progress=lambda done, total: calls.append((done, total, threading.get_ident())),
    )
    total = result.payload_bytes
    assert {thread for _, _, thread in calls} == {caller}
    assert {t for _, t, _ in calls} == {total}
    done = [d for d, _, _ in calls]
    assert done == sorted(set(done))  # strictly growing: a value is reported once
    assert done[-1] == total
    start, end = file_span(total)
    inside = [d for d in done if start < d < end]
    assert len(inside) >= size // STEP  # about one value per block written, not one at the end
    steps = [b - a for a, b in zip([0, *done], done, strict=False)]
    assert max(steps) <= STEP + 64 * 1024  # what comes before the file is a few KB
    assert import_bundle(pair.h, out / "b.fdbundle").ok
