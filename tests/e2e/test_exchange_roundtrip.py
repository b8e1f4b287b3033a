"""Field -> HQ -> receipt -> purge, through the core API."""

from __future__ import annotations

from pathlib import Path

import pytest

from fielddoc.checks import run_checks
from fielddoc.exchange.export import NothingToExportError, write_bundle
from fielddoc.exchange.importer import import_bundle, verify_bundle
from fielddoc.exchange.purge import delivery_status, purge_delivered
from fielddoc.exchange.receipts import import_receipt
from fielddoc.records.search import search
from tests.exchange_support import add_sample_content, make_pair


def test_round_trip_field_hq_receipt_purge(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    ids = add_sample_content(pair)
    bundle = tmp_path / "b1.fdbundle"
    exported = write_bundle(pair.f, bundle)
    assert (exported.seq, exported.revisions, exported.links, exported.evidence) == (1, 2, 2, 1)

    report = verify_bundle(pair.h, bundle)
    assert report.ok, report.to_text()
    assert pair.h.records.count() == 0  # verify wrote nothing

    report = import_bundle(pair.h, bundle, receipts_dir=tmp_path / "receipts")
    assert report.ok and report.imported, report.to_text()
    assert report.sequence == "first"
    testimony = pair.h.records.get(ids["testimony"])
    assert testimony.body["narrative"] == "Сотрудники в штатском изъяли ноутбуки."
    assert [h.id for h in search(pair.h.conn, "Abdullaev")] == [ids["person"]]
    held = pair.h.evidence.get(ids["evidence"])
    assert held.sha256 == pair.f.evidence.get(ids["evidence"]).sha256
    with pair.h.evidence.open_reader(ids["evidence"]) as reader:
        assert reader.read() == Path(ids["photo"]).read_bytes()
    assert [e.event for e in pair.h.evidence.events(ids["evidence"])] == ["import"]
    assert all(c.ok for c in run_checks(pair.hq.vault))

    again = import_bundle(pair.h, bundle)
    assert again.ok and again.already_imported and not again.imported

    receipt = tmp_path / "receipts" / f"{exported.bundle_id}.fdreceipt"
    result = import_receipt(pair.f, receipt)
    assert result.delivered == 5
    assert import_receipt(pair.f, receipt).already_imported
    status = delivery_status(pair.f)
    assert (status.records_undelivered, status.evidence_undelivered) == (0, 0)

    purged = purge_delivered(pair.f)
    assert (purged.records, purged.evidence) == (2, 1)
    assert pair.f.records.count() == 0
    assert search(pair.f.conn, "Абдуллаев") == []
    assert list(pair.f.blobs_dir.iterdir()) == []
    assert all(c.ok for c in run_checks(pair.field.vault))
    with pytest.raises(NothingToExportError):
        write_bundle(pair.f, tmp_path / "b2.fdbundle")


def test_incremental_export_and_sequence(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    add_sample_content(pair)
    first = write_bundle(pair.f, tmp_path / "1.fdbundle")
    record = pair.f.records.create("incident", {"title": "Разгон митинга"})
    second = write_bundle(pair.f, tmp_path / "2.fdbundle")
    assert second.seq == first.seq + 1
    # nothing was confirmed yet, so the second bundle carries everything again
    assert second.revisions == first.revisions + 1
    out_of_order = import_bundle(pair.h, tmp_path / "2.fdbundle")
    assert not out_of_order.ok
    assert out_of_order.error_code == "BUNDLE_OUT_OF_SEQUENCE"
    assert pair.h.records.count() == 0
    assert import_bundle(pair.h, tmp_path / "1.fdbundle").ok
    report = import_bundle(pair.h, tmp_path / "2.fdbundle")
    assert report.ok and report.sequence == "next"
    assert report.new_items == 1
    assert pair.h.records.get(record.id).summary.title == "Разгон митинга"


def test_gap_then_late_bundle_is_reported_with_its_neighbours(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    add_sample_content(pair)
    paths = []
    for n in (1, 2, 3, 4):
        pair.f.records.create("incident", {"title": f"Событие {n}"})
        paths.append(tmp_path / f"{n}.fdbundle")
        write_bundle(pair.f, paths[-1])
    assert import_bundle(pair.h, paths[0]).sequence == "first"
    gap = import_bundle(pair.h, paths[3], accept_gap=True)
    assert (gap.ok, gap.sequence, gap.sequence_last) == (True, "gap", None)
    late = import_bundle(pair.h, paths[2], accept_gap=True)
    assert (late.ok, late.sequence, late.sequence_last) == (True, "late", 4)
    assert late.sequence_detail == "arrived after bundle 4; bundle 2 has not arrived"
    # the missing one still fits between its neighbours
    assert import_bundle(pair.h, paths[1]).sequence == "next"
