"""Export progress and cancel, now that the archive is built on a helper thread: progress and
cancel are called on the caller's thread, a cancel leaves nothing behind, and the bundle that
follows imports."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from fielddoc.errors import CancelledError
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
    assert len(calls) >= 2  # per member, as before: the documents, then the big file
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
