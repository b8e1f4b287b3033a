"""The HQ verification report and the exchange counts speak the user's language.

The report under an imported, rejected or replayed bundle is built by the GUI from the
report's fields: in Russian it holds no Latin letters except identifiers (paths, ids, key ids,
fingerprints, error codes), which are cut out before the check. Counts agree with their nouns:
English "1 file" / "2 files", Russian "1 файл" / "2 файла" / "5 файлов", each through Qt's
plural forms from the compiled catalogues (``make translations``).

Everything runs through the real exchange page on real vaults (the helpers of
tests/gui/test_exchange_gui.py); only the sequence words for states that need several bundles
from one device (next, gap, late) are checked on a report built by hand.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from fielddoc.exchange.importer import BundleReport
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.pages.exchange import ExchangePage
from fielddoc.gui.pages.exchange_inbox import report_details, sequence_text
from fielddoc.gui.pages.exchange_jobs import ReportEntry
from tests.exchange_support import Pair, make_pair
from tests.gui.test_exchange_gui import JOB_MS
from tests.gui.test_exchange_gui import open_pages as open_pages  # noqa: PLC0414 - fixture

LATIN = re.compile(r"[A-Za-z]+")
# names of people and devices are data, not interface: Cyrillic here, so Latin cannot hide
FIELD_NAME, HQ_NAME = "Ноутбук Айгуль", "Штаб Бишкек"


def latin_words(text: str, identifiers: list[str]) -> list[str]:
    """Latin words left once the identifiers are cut out ("fielddoc" is a name)."""
    for identifier in sorted(filter(None, identifiers), key=len, reverse=True):
        text = text.replace(identifier, " ")
    return [word for word in LATIN.findall(text) if word != "fielddoc"]


def identifiers(entry: ReportEntry) -> list[str]:
    report = entry.report
    assert report is not None
    return [
        str(entry.path),
        report.file,
        report.bundle_id,
        report.device_key_id,
        report.device_fingerprint,
        report.receipt or "",
        report.error_code or "",
    ]


def add_people(pair: Pair, count: int) -> None:
    for number in range(count):
        pair.f.records.create("person", {"name": f"Свидетель {number + 1}"})


def add_files(pair: Pair, count: int) -> None:
    """``count`` more small photos, each with its own content (the vault stores a file once)."""
    for _ in range(count):
        number = len(list(pair.base.glob("photo-*.jpg")))
        path = pair.base / f"photo-{number}.jpg"
        path.write_bytes(b"\xff\xd8\xff" + number.to_bytes(4, "big") * 200)
        pair.f.evidence.ingest(path)


def export(qtbot: QtBot, field: ExchangePage, path: Path) -> Path:
    with qtbot.waitSignal(field.operation_finished, timeout=JOB_MS) as done:
        field.export_bundle(path)
    assert done.args == ["export", True], field.result.text()
    return path


def import_into(qtbot: QtBot, hq: ExchangePage, path: Path, *, ok: bool) -> ReportEntry:
    with qtbot.waitSignal(hq.operation_finished, timeout=JOB_MS) as done:
        hq.import_bundles([path])
    assert done.args == ["import", ok]
    return hq.entries[-1]


def test_english_counts_agree_with_their_nouns(
    qtbot: QtBot, tmp_path: Path, open_pages: Any
) -> None:
    pair = make_pair(tmp_path)
    add_people(pair, 1)
    add_files(pair, 1)
    field: ExchangePage = open_pages(pair.field.vault)
    hq: ExchangePage = open_pages(pair.hq.vault)
    assert field.status.text().startswith("1 record and 1 file (")
    field.purge_days.setValue(1)
    assert field.purge_days.text() == "1 day"
    field.purge_days.setValue(2)
    assert field.purge_days.text() == "2 days"

    bundle = export(qtbot, field, tmp_path / "one.fdbundle")
    assert "(1 revision, 1 file, for HQ Bishkek)" in field.result.text()
    report = import_into(qtbot, hq, bundle, ok=True)
    assert "Contents: 1 revision of 1 record, 0 link changes, 1 evidence file (" in (
        hq.report_text.toPlainText()
    )
    assert report.report is not None and report.report.evidence == 1

    add_people(pair, 1)
    add_files(pair, 1)
    field.refresh()
    assert field.status.text().startswith("2 records and 2 files (")
    bundle = export(qtbot, field, tmp_path / "two.fdbundle")
    assert "(2 revisions, 2 files, for HQ Bishkek)" in field.result.text()
    import_into(qtbot, hq, bundle, ok=True)
    text = hq.report_text.toPlainText()
    assert "Contents: 2 revisions of 2 records, 0 link changes, 2 evidence files (" in text
    assert "Sequence: next (follows bundle 1)" in text


def test_russian_report_of_an_imported_bundle(
    qtbot: QtBot, tmp_path: Path, open_pages: Any
) -> None:
    LANGUAGE.apply("ru")
    pair = make_pair(tmp_path, field_name=FIELD_NAME, hq_name=HQ_NAME)
    field: ExchangePage = open_pages(pair.field.vault)
    hq: ExchangePage = open_pages(pair.hq.vault)
    # the outbox status with one, a few and many of each
    for total, record_words, file_words in (
        (1, "1 запись", "1 файл"),
        (2, "2 записи", "2 файла"),
        (5, "5 записей", "5 файлов"),
    ):
        have = pair.f.records.count()
        add_people(pair, total - have)
        add_files(pair, total - have)
        field.refresh()
        status = field.status.text()
        assert status.startswith(
            f"Ещё не подтверждено штаб-квартирой: {record_words} и {file_words} ("
        ), status
        assert latin_words(status, []) == []
    field.purge_days.setValue(2)
    assert field.purge_days.text() == "2 дня"
    field.purge_days.setValue(5)
    assert field.purge_days.text() == "5 дней"

    receipts = tmp_path / "квитанции"
    receipts.mkdir()
    hq.set_receipts_dir(receipts)
    bundle = export(qtbot, field, tmp_path / "bundle.fdbundle")
    assert "(5 редакций, 5 файлов; получатели: Штаб Бишкек)" in field.result.text()
    entry = import_into(qtbot, hq, bundle, ok=True)
    report = entry.report
    assert report is not None and report.receipt
    text = hq.report_text.toPlainText()
    assert latin_words(text, identifiers(entry)) == [], text
    assert text.startswith("Проверен и импортирован")
    assert f"Подписан устройством {FIELD_NAME} (ключ {report.device_key_id}," in text
    assert "Очерёдность: первый (первый пакет с этого устройства)" in text
    assert "Содержимое: 5 редакций в 5 записях, 0 изменений связей, 5 файлов доказательств" in text
    assert "Итог: ИМПОРТИРОВАН." in text
    assert report.created not in text  # the signing time in the user's locale, not ISO
    assert re.search(r"создан \d\d [а-я]{3,4}\.? \d{4} \d\d:\d\d", text), text
    assert latin_words(hq.reports.item(0).text(), [bundle.name]) == []


def test_russian_report_of_rejected_and_replayed_bundles(
    qtbot: QtBot, tmp_path: Path, open_pages: Any
) -> None:
    LANGUAGE.apply("ru")
    pair = make_pair(tmp_path, field_name=FIELD_NAME, hq_name=HQ_NAME)
    add_people(pair, 2)
    add_files(pair, 1)
    field: ExchangePage = open_pages(pair.field.vault)
    hq: ExchangePage = open_pages(pair.hq.vault)
    bundle = export(qtbot, field, tmp_path / "good.fdbundle")
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.fdbundle"
    tampered.write_bytes(bytes(data))

    rejected = import_into(qtbot, hq, tampered, ok=False)
    assert rejected.report is not None and rejected.report.error_code
    text = hq.report_text.toPlainText()
    assert text.startswith("ОТКЛОНЁН. Ничего не импортировано.")
    assert f"Итог: ОТКЛОНЁН ({rejected.report.error_code})." in text
    assert "Содержимое" not in text  # nothing is claimed about a bundle that failed
    assert latin_words(text, identifiers(rejected)) == [], text

    import_into(qtbot, hq, bundle, ok=True)
    replayed = import_into(qtbot, hq, bundle, ok=True)
    assert replayed.report is not None and replayed.report.already_imported
    text = hq.report_text.toPlainText()
    assert text.startswith("Этот пакет уже был импортирован; ничего не изменилось.")
    assert "Очерёдность: уже импортирован (этот пакет уже импортировался ранее)" in text
    assert "Итог: уже был импортирован ранее; ничего не изменилось." in text
    assert "Содержимое" not in text
    assert latin_words(text, identifiers(replayed)) == [], text
    assert hq.session.records.count() == 2


def test_every_sequence_state_has_words() -> None:
    """The states an import reaches only with several bundles (importer._sequence), and a
    state this version does not know, which is shown as the core's code."""
    late = BundleReport(
        file="/x/b3.fdbundle",
        seq=2,
        sequence="late",
        sequence_detail="arrived after bundle 4; bundle 1 has not arrived",
        sequence_last=4,
    )
    cases = {
        "next": BundleReport(file="f", seq=3, sequence="next", sequence_detail="follows bundle 2"),
        "gap": BundleReport(file="f", seq=5, sequence="gap", sequence_detail="bundle 4 ..."),
        "late": late,
        "late, last unknown": BundleReport(
            file="f", seq=2, sequence="late", sequence_detail="later than expected"
        ),
    }
    english = {name: sequence_text(report) for name, report in cases.items()}
    assert english == {
        "next": "next (follows bundle 2)",
        "gap": "gap (bundle 4 has not arrived)",
        "late": "late (arrived after bundle 4; bundle 1 has not arrived)",
        "late, last unknown": "late (arrived after a later bundle; bundle 1 has not arrived)",
    }
    LANGUAGE.apply("ru")
    russian = {name: sequence_text(report) for name, report in cases.items()}
    assert russian == {
        "next": "следующий (идёт после пакета № 2)",
        "gap": "пропуск (пакет № 4 не поступал)",
        "late": "опоздавший (пришёл после пакета № 4; пакет № 1 не поступал)",
        "late, last unknown": (
            "опоздавший (пришёл после более позднего пакета; пакет № 1 не поступал)"
        ),
    }
    # a verified (not imported) bundle: contents and result, still in Russian
    late.ok, late.records, late.revisions, late.evidence, late.evidence_bytes = True, 1, 21, 2, 5
    text = report_details(late)
    assert (
        "Содержимое: 21 редакция в 1 записи, 0 изменений связей, 2 файла доказательств (5 байт)"
        in (text)
    )
    assert text.endswith("Итог: проверен, не импортирован.")
    assert latin_words(text, [late.file]) == []
    assert sequence_text(BundleReport(file="f", sequence="orphan")) == "orphan"
