"""The exchange page in both roles, on real vaults: cards, export, import, receipt, purge.

Everything goes through the GUI classes (ExchangePage, ExportWizard, CardImportDialog); only
the file dialogs are skipped (the page methods that take paths are what the buttons call after
their dialog) and ``dialogs.confirm`` is answered by monkeypatch where a test needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fielddoc import settings
from fielddoc.exchange import cards
from fielddoc.gui import dialogs
from fielddoc.gui.exchange_dialogs import (
    CardImportDialog,
    purge_confirmation_text,
    purge_preview,
)
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.pages.exchange import ExchangePage
from fielddoc.gui.provenance import provenance_html
from fielddoc.gui.session import Session
from fielddoc.vault.vault import Vault
from tests.conftest import make_vault
from tests.exchange_support import add_sample_content, make_pair

JOB_MS = 30_000


@pytest.fixture
def open_pages(qtbot: QtBot) -> Iterator[Any]:
    """Makes pages over vaults; locks every session at the end (jobs stop, vaults close)."""
    sessions: list[Session] = []

    def make(vault: Vault) -> ExchangePage:
        session = Session(vault)
        sessions.append(session)
        page = ExchangePage(session)
        qtbot.addWidget(page)
        page.refresh()
        return page

    yield make
    for session in sessions:
        session.lock()


def answer_confirm(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    """Answer every confirmation with ``answer``; returns the texts that were asked."""
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, *, action: str) -> bool:
        asked.append(f"{text}\n[{action}]")
        return answer

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


def test_round_trip_export_import_receipt_purge(
    qtbot: QtBot, tmp_path: Path, open_pages: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair = make_pair(tmp_path)
    ids = add_sample_content(pair, evidence_bytes=20_000)
    field: ExchangePage = open_pages(pair.field.vault)
    hq: ExchangePage = open_pages(pair.hq.vault)
    assert (field.title(), hq.title()) == ("Outbox", "Inbox")
    assert field.own_fingerprint.fingerprint == pair.f.card.fingerprint
    assert "2 records and 1 file (20.0 kB) not yet confirmed by HQ" in field.status.text()
    assert field.cards_table.item(0, 0).text() == "HQ Bishkek"  # type: ignore[union-attr]
    field.copy_fingerprint()
    assert QGuiApplication.clipboard().text() == pair.f.card.fingerprint
    QGuiApplication.clipboard().clear()

    # the export wizard: what will go, to whom, where, then progress and the result
    wizard = field.make_export_wizard()
    qtbot.addWidget(wizard)
    wizard.show()  # as exec() would (the wizard starts on its first page when shown)
    qtbot.waitUntil(wizard.contents.isComplete, timeout=JOB_MS)
    summary = wizard.contents.summary.text()
    assert "2 revisions of 2 records, 2 link changes and 1 evidence file (20.0 kB)" in summary
    wizard.next()
    assert wizard.recipient_names() == ["HQ Bishkek"]
    wizard.next()
    suggested = wizard.suggested()
    assert suggested.startswith("fielddoc-")
    assert suggested.endswith("-1.fdbundle")
    assert not wizard.destination.isComplete()
    bundle = tmp_path / suggested
    wizard.set_output(bundle)
    assert wizard.destination.isComplete()
    with qtbot.waitSignal(field.operation_finished, timeout=JOB_MS) as done:
        wizard.next()
    assert done.args == ["export", True]
    assert bundle.is_file()
    assert wizard.export_result is not None
    bundle_id = wizard.export_result.bundle_id
    assert f"written to {bundle}" in wizard.progress.state.text()
    assert wizard.progress.isComplete()
    assert field.sent_table.rowCount() == 1

    # HQ imports it, with a receipt into the chosen folder
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    hq.set_receipts_dir(receipts)
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.import_bundles([bundle])
    assert done.args == ["import", True]
    assert hq.reports.count() == 1
    assert "Imported" in hq.reports.item(0).text()
    report = hq.report_text.toPlainText()
    assert "Verified and imported" in report
    assert "Result: IMPORTED." in report
    assert "Signed by Aigul laptop" in report
    assert hq.bundles_table.rowCount() == 1
    testimony = hq.session.records.get(ids["testimony"])
    assert testimony.body["title"] == "Обыск в редакции"

    # provenance of the imported record names the device, the bundle and its sequence
    html = provenance_html(hq.session.records.conn, ids["testimony"])
    assert "Aigul laptop" in html
    assert bundle_id in html
    assert pair.f.card.key_id in html
    assert "sequence 1" in html
    assert "photo.jpg" in html  # the attached evidence has its provenance too

    # the same bundle again changes nothing and says so
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS):
        hq.import_bundles([bundle])
    assert "Already imported" in hq.reports.item(1).text()

    # the receipt goes back; the field page marks everything delivered
    receipt = receipts / f"{bundle_id}.fdreceipt"
    assert receipt.is_file()
    with qtbot.waitSignal(field.operation_finished, timeout=JOB_MS) as done:
        field.import_receipt_file(receipt)
    assert done.args == ["receipt", True]
    assert "Receipt from HQ Bishkek: 5 items confirmed delivered." in field.result.text()
    assert "HQ has confirmed everything on this laptop." in field.status.text()
    assert field.sent_table.item(0, 5).text() != "not yet"  # type: ignore[union-attr]

    # purge: the confirmation names what goes; Cancel keeps everything
    preview = purge_preview(field.session.records.conn)
    assert (preview.records, preview.evidence) == (2, 1)
    asked = answer_confirm(monkeypatch, False)
    field.purge_clicked()
    assert field.job is None
    assert field.session.records.count() == 2
    assert "“Обыск в редакции”" in asked[0]
    assert "“photo.jpg”" in asked[0]
    assert "2 records (1 × Person, 1 × Testimony)" in asked[0]
    assert "HQ (HQ Bishkek) confirmed" in asked[0]
    assert "[Delete 2 records and 1 file]" in asked[0]
    assert asked[0].startswith(purge_confirmation_text(preview, field.session.templates))

    answer_confirm(monkeypatch, True)
    with qtbot.waitSignal(field.operation_finished, timeout=JOB_MS) as done:
        field.purge_clicked()
    assert done.args == ["purge", True], field.result.text()
    assert field.session.records.count() == 0
    assert (
        "Deleted from this laptop: 2 records and 1 evidence file (20.0 kB)." in field.result.text()
    )
    assert "Removed after delivery so far: 2 records and 1 file." in field.status.text()
    assert list(pair.field.vault.blobs_dir.iterdir()) == []
    assert purge_preview(field.session.records.conn).empty


def test_card_import_requires_the_right_fingerprint(
    qtbot: QtBot, tmp_path: Path, open_pages: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    field: ExchangePage = open_pages(
        make_vault(tmp_path / "field", role="field", name="Aigul laptop").vault
    )
    hq: ExchangePage = open_pages(make_vault(tmp_path / "hq", role="hq", name="HQ Bishkek").vault)
    hq_card = tmp_path / "hq.card"
    assert hq.export_card_to(hq_card)
    assert "Card written to" in hq.result.text()
    assert not hq.export_card_to(hq_card)  # never overwrites
    assert "exists already" in hq.result.text()
    right = hq.own_fingerprint.fingerprint
    assert len(right.split()) == 8

    dialog = field.card_dialog_for(hq_card)
    assert isinstance(dialog, CardImportDialog)
    qtbot.addWidget(dialog)
    assert "HQ Bishkek" in dialog.heading.text()
    assert "(HQ)" in dialog.heading.text()
    assert dialog.shown.isHidden()  # typing mode: the digits are not on screen to copy
    assert not dialog.import_button.isEnabled()
    digits = right.replace(" ", "")
    wrong = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    dialog.typed.setText(wrong)
    assert dialog.import_button.isEnabled()
    dialog.accept()
    assert dialog.result() != CardImportDialog.DialogCode.Accepted
    assert "does not match" in dialog.error.text()
    assert cards.list_cards(field.session.records.conn) == []

    dialog.typed.setText("-".join(digits[i : i + 5] for i in range(0, 40, 5)))  # any separators
    dialog.accept()
    assert dialog.result() == CardImportDialog.DialogCode.Accepted
    assert dialog.created
    field.card_dialog_done(dialog)
    assert field.cards_table.rowCount() == 1
    assert field.cards_table.item(0, 1).text() == right  # type: ignore[union-attr]
    assert "Card of HQ Bishkek registered." in field.result.text()

    # HQ compares instead of typing: the digits are shown, and an explicit tick is needed
    field_card = tmp_path / "field.card"
    assert field.export_card_to(field_card)
    compare = hq.card_dialog_for(field_card)
    assert compare is not None
    qtbot.addWidget(compare)
    compare.compare_mode.setChecked(True)
    assert not compare.shown.isHidden()
    assert compare.shown.fingerprint == field.own_fingerprint.fingerprint
    assert not compare.import_button.isEnabled()
    compare.compared.setChecked(True)
    assert compare.try_import()
    hq.card_dialog_done(compare)
    assert hq.cards_table.rowCount() == 1

    # a field card offered to a field vault is refused before anything is typed
    same_role = field.card_dialog_for(field_card)
    assert same_role is not None
    qtbot.addWidget(same_role)
    same_role.typed.setText(field.own_fingerprint.fingerprint)
    assert not same_role.import_button.isEnabled()
    assert "field vault imports HQ cards" in same_role.error.text()

    # a file that is not a card says so
    junk = tmp_path / "junk.card"
    junk.write_text("hello", encoding="utf-8")
    assert field.card_dialog_for(junk) is None
    assert "not a valid fielddoc key card" in field.result.text()

    # revoke: asks first (Cancel keeps it), then the card shows as revoked
    field.cards_table.selectRow(0)
    assert field.revoke_button.isEnabled()
    answer_confirm(monkeypatch, False)
    field.revoke_selected()
    assert cards.list_cards(field.session.records.conn, active=True)
    asked = answer_confirm(monkeypatch, True)
    field.revoke_selected()
    assert "HQ Bishkek" in asked[0]
    assert cards.list_cards(field.session.records.conn, active=True) == []
    assert field.cards_table.item(0, 3).text().startswith("revoked")  # type: ignore[union-attr]


def test_tampered_bundle_is_rejected_and_imports_nothing(
    qtbot: QtBot, tmp_path: Path, open_pages: Any
) -> None:
    pair = make_pair(tmp_path)
    ids = add_sample_content(pair, evidence_bytes=50_000)
    field: ExchangePage = open_pages(pair.field.vault)
    hq: ExchangePage = open_pages(pair.hq.vault)
    bundle = tmp_path / "good.fdbundle"
    with qtbot.waitSignal(field.operation_finished, timeout=JOB_MS) as done:
        field.export_bundle(bundle)
    assert done.args == ["export", True], field.result.text()
    assert f"written to {bundle}" in field.result.text()
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.fdbundle"
    tampered.write_bytes(bytes(data))

    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.verify_bundles([tampered])
    assert done.args == ["verify", False]
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.import_bundles([tampered])
    assert done.args == ["import", False]
    assert hq.reports.count() == 2
    for row in range(2):
        assert "Rejected" in hq.reports.item(row).text()
    text = hq.report_text.toPlainText()
    assert text.startswith("REJECTED. Nothing was imported.")
    assert "Result: REJECTED (" in text
    assert hq.session.records.count() == 0
    assert hq.bundles_table.rowCount() == 0
    assert provenance_html(hq.session.records.conn, ids["testimony"]) == ""

    # the good copy still imports afterwards
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.import_bundles([bundle])
    assert done.args == ["import", True]
    assert hq.session.records.count() == 2


def test_out_of_sequence_bundle_needs_an_explicit_confirmation(
    qtbot: QtBot, tmp_path: Path, open_pages: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair = make_pair(tmp_path)
    field: ExchangePage = open_pages(pair.field.vault)
    hq: ExchangePage = open_pages(pair.hq.vault)
    paths = []
    for number in (1, 2):
        pair.f.records.create("person", {"name": f"Person {number}"})
        path = tmp_path / f"b{number}.fdbundle"
        with qtbot.waitSignal(field.operation_finished, timeout=JOB_MS) as done:
            field.export_bundle(path)
        assert done.args == ["export", True]
        paths.append(path)

    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.import_bundles([paths[1]])  # bundle 2 before bundle 1
    assert done.args == ["import", False]
    assert "Out of sequence" in hq.reports.item(0).text()
    assert "An earlier bundle from this device has not been imported yet." in (
        hq.report_text.toPlainText()
    )
    assert hq.session.records.count() == 0
    assert hq.gap_button.isEnabled()

    asked = answer_confirm(monkeypatch, False)
    hq.accept_gap_selected()
    assert hq.job is None
    assert "Bundle 2 from Aigul laptop is out of sequence" in asked[0]
    assert hq.session.records.count() == 0

    answer_confirm(monkeypatch, True)
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.accept_gap_selected()
    assert done.args == ["import", True]
    assert "Imported despite a gap" in hq.report_text.toPlainText()
    assert hq.session.records.count() == 2  # unconfirmed items go again in bundle 2

    # the missing bundle still imports when it arrives; a receipt can be written again
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.import_bundles([paths[0]])
    assert done.args == ["import", True]
    assert hq.bundles_table.rowCount() == 2
    hq.bundles_table.selectRow(0)
    bundle_id = hq.selected_bundle()
    assert bundle_id is not None
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.write_receipt_again(bundle_id, tmp_path / "again")
    assert done.args == ["receipt_write", True]
    assert (tmp_path / "again" / f"{bundle_id}.fdreceipt").is_file()


def test_purge_settings_and_clear_on_lock(
    qtbot: QtBot, tmp_path: Path, open_pages: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    handle = make_vault(tmp_path / "field", role="field", name="Aigul laptop")
    field: ExchangePage = open_pages(handle.vault)
    conn = field.session.records.conn
    answer_confirm(monkeypatch, False)
    field.purge_on_receipt.setChecked(True)  # asks; Cancel leaves it off
    assert not field.purge_on_receipt.isChecked()
    assert settings.get_bool(conn, "purge_on_receipt") is False
    answer_confirm(monkeypatch, True)
    field.purge_on_receipt.setChecked(True)
    assert settings.get_bool(conn, "purge_on_receipt") is True
    field.purge_days.setValue(30)
    field.purge_days.editingFinished.emit()
    assert settings.get_int(conn, "purge_after_days") == 30
    field.refresh()
    assert field.purge_on_receipt.isChecked()
    assert field.purge_days.value() == 30
    assert "HQ has confirmed everything" in field.status.text()
    LANGUAGE.apply("ru")  # texts are re-set on a language switch, data kept
    assert field.purge_days.value() == 30
    assert field.own_fingerprint.fingerprint
    LANGUAGE.apply("en")
    assert field.title() == "Outbox"

    # nothing delivered: purging says so without asking
    asked = answer_confirm(monkeypatch, True)
    field.purge_clicked()
    assert asked == []
    assert "Nothing to purge" in field.result.text()

    field.session.lock()
    assert field.own_fingerprint.text() == ""
    assert field.status.text() == ""
    assert field.cards_table.rowCount() == 0
    assert field.result.text() == ""
