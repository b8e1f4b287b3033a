"""Revision history: the first version is always there, and any two versions side by side."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fielddoc.gui.history import CHANGED_BACKGROUND, HistoryDialog, changed_paths
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from tests.conftest import make_vault


@pytest.fixture
def session(qtbot: QtBot, tmp_path: Path) -> Iterator[Session]:
    handle = make_vault(tmp_path / "vault")
    session = Session(handle.vault)
    yield session
    if session.is_open:
        session.lock()


@pytest.fixture
def record_id(session: Session) -> str:
    """A testimony saved three times: as first recorded, then edited twice."""
    records = session.records
    person = records.create("person", {"name": "Bakyt Osmonov"}).id
    first = {
        "title": "Interview in Osh",
        "narrative": "He was detained on 3 March.",
        "consent": {"given": True, "scope": ["internal_documentation"]},
    }
    record = records.create("testimony", first)
    second = {
        **first,
        "narrative": "He was detained on 3 March and beaten at the station.",
        "interviewee": person,
    }
    records.edit(record.id, second, base_revision=record.summary.head_revision)
    third = {
        **second,
        "title": "Interview in Osh (corrected)",
        "consent": {"given": True, "scope": ["internal_documentation", "legal_proceedings"]},
    }
    records.edit(record.id, third, sensitivity="restricted")
    return record.id


def open_history(qtbot: QtBot, session: Session, record_id: str) -> HistoryDialog:
    dialog = HistoryDialog(session, record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_lists_revisions_and_compares_first_with_newest(
    qtbot: QtBot, session: Session, record_id: str
) -> None:
    dialog = open_history(qtbot, session, record_id)
    assert dialog.table.rowCount() == 3
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["1", "2", "3"]  # type: ignore[union-attr]
    assert dialog.table.item(0, 2).text() == "this laptop"  # type: ignore[union-attr]
    assert dialog.table.item(2, 3).text() == "restricted"  # type: ignore[union-attr]
    assert "as first recorded" in dialog.left_combo.currentText()
    left, right = dialog.left_view.toPlainText(), dialog.right_view.toPlainText()
    assert "He was detained on 3 March." in left
    assert "beaten at the station" not in left
    assert "beaten at the station" in right
    assert "Bakyt Osmonov" in right  # references shown by title
    assert "(empty)" in left  # the interviewee was added later: both sides list it
    assert dialog.changed_fields() == ["title", "interviewee", "consent.scope", "narrative"]
    changes = dialog.changes.text()
    for label in ("Title", "Interviewee", "Informed consent › Consent covers", "Sensitivity"):
        assert label in changes
    # changed top-level fields are highlighted, on both sides; unchanged ones are not
    pair = dialog.sides()
    assert pair is not None
    assert dialog.side_html(pair[0], pair[1], set()).count(CHANGED_BACKGROUND) == 0
    assert dialog.side_html(pair[0], pair[1], {"title"}).count(CHANGED_BACKGROUND) == 1
    both = dialog.side_html(pair[0], pair[1], {"title", "narrative"})
    assert both.count(CHANGED_BACKGROUND) == 2
    assert CHANGED_BACKGROUND in dialog.left_view.toHtml()
    assert CHANGED_BACKGROUND in dialog.right_view.toHtml()


def test_choose_any_two_and_return_to_the_first(
    qtbot: QtBot, session: Session, record_id: str
) -> None:
    dialog = open_history(qtbot, session, record_id)
    dialog.table.selectRow(1)  # revision 2 on the right
    assert dialog.right_combo.currentIndex() == 1
    assert dialog.changed_fields() == ["interviewee", "narrative"]
    dialog.left_combo.setCurrentIndex(2)  # compare 3 with 2
    assert "(corrected)" in dialog.left_view.toPlainText()
    assert dialog.changed_fields() == ["title", "consent.scope"]
    dialog.first_button.click()
    assert dialog.left_combo.currentIndex() == 0
    assert "He was detained on 3 March." in dialog.left_view.toPlainText()
    dialog.set_sides(1, 1)
    assert dialog.changes.text() == "The same version is shown on both sides."


def test_history_in_russian(qtbot: QtBot, session: Session, record_id: str) -> None:
    LANGUAGE.apply("ru")
    dialog = open_history(qtbot, session, record_id)
    assert "Заголовок" in dialog.left_view.toPlainText()
    assert "Информированное согласие › Согласие распространяется на" in dialog.changes.text()


def test_changed_paths_in_entries(session: Session) -> None:
    template = session.templates.get("case")
    one = {"status_timeline": [{"date": "2024-03", "status": "arrested"}]}
    two = {"status_timeline": [{"date": "2024-03", "status": "house_arrest"}]}
    three = {"status_timeline": [*two["status_timeline"], {"date": "2024", "status": "trial"}]}
    assert changed_paths(template.fields, one, two) == ["status_timeline.status"]
    assert changed_paths(template.fields, two, three) == ["status_timeline"]
    assert changed_paths(template.fields, one, one) == []
    assert changed_paths(template.fields, {"title": ""}, {}) == []


def test_missing_record_says_so(qtbot: QtBot, session: Session) -> None:
    dialog = open_history(qtbot, session, "01900000-0000-7000-8000-000000000000")
    assert dialog.table.rowCount() == 0
    assert dialog.changes.text() == "The record no longer exists."
