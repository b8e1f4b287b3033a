"""Global search in the main window (Ctrl+F): results across record types, names matched
across Cyrillic and Latin spelling, and opening a result opens that record."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from fielddoc.gui.app import Application
from fielddoc.gui.mainwindow import MainWindow
from fielddoc.gui.pages.records import RecordsPage
from fielddoc.gui.pages.search import SearchPage
from tests.conftest import make_vault
from tests.gui.test_safety import CTRL, activate, start_app, type_text, unlock
from tests.gui.test_safety import apps as apps  # noqa: PLC0414 - the fixture, used by name


def _search(qtbot: QtBot, main: MainWindow, query: str) -> SearchPage:
    QTest.keyClick(main, Qt.Key.Key_F, CTRL)
    assert main.search.hasFocus()
    main.search.selectAll()
    type_text(main.search, query)  # replaces the selection, as typing does
    QTest.keyClick(main.search, Qt.Key.Key_Return)
    page = main.stack.currentWidget()
    assert isinstance(page, SearchPage)
    return page


def _results(page: SearchPage) -> dict[str, QListWidgetItem]:
    """Result items by record id."""
    items = [page.results.item(row) for row in range(page.results.count())]
    return {item.data(Qt.ItemDataRole.UserRole)[1]: item for item in items}


def test_search_across_types_and_scripts_then_open_a_result(
    qtbot: QtBot, tmp_path: Path, apps: list[Application]
) -> None:
    handle = make_vault(tmp_path / "vault")
    store = handle.store()
    person = store.create("person", {"name": "Абдуллаев Нурлан"}).id
    testimony = store.create(
        "testimony",
        {"title": "Обыск в редакции", "narrative": "Абдуллаев рассказал об обыске."},
    ).id
    incident = store.create("incident", {"title": "Detention of Nurlan Abdullaev in Osh"}).id
    store.create("facility", {"name": "СИЗО-1 Бишкек"})
    handle.vault.close()
    app = start_app(apps, handle.path)
    main = unlock(qtbot, app)
    activate(qtbot, main)

    # Latin spelling finds the Cyrillic name, and the other way round, in three record types
    for query in ("Abdullaev", "Абдуллаев"):
        page = _search(qtbot, main, query)
        found = _results(page)
        assert set(found) == {person, testimony, incident}, query
        assert "3" in page.summary.text()
        labels = {found[person].text(), found[testimony].text(), found[incident].text()}
        assert any(text.endswith("Person") for text in labels)
        assert any(text.endswith("Testimony") for text in labels)
        assert any(text.endswith("Incident") for text in labels)
    page = _search(qtbot, main, "Нурлан")
    assert set(_results(page)) == {person, incident}
    page = _search(qtbot, main, "Bishkek")
    assert len(_results(page)) == 1
    page = _search(qtbot, main, "nothing-like-this")
    assert page.results.count() == 0

    # opening a result shows its record, selected, on its type's page
    page = _search(qtbot, main, "Abdullaev")
    page.results.setCurrentItem(_results(page)[testimony])
    page.results.setFocus()
    QTest.keyClick(page.results, Qt.Key.Key_Return)
    shown = main.stack.currentWidget()
    assert isinstance(shown, RecordsPage)
    assert shown.template_name == "testimony"
    assert main.sidebar.currentRow() == main.pages.index(shown)
    assert shown.selected_id() == testimony
    assert "Обыск в редакции" in shown.detail.toPlainText()

    page = _search(qtbot, main, "Nurlan")
    page.results.itemActivated.emit(_results(page)[incident])
    shown = main.stack.currentWidget()
    assert isinstance(shown, RecordsPage) and shown.template_name == "incident"
    assert shown.selected_id() == incident
