"""The records list at scale: a few thousand records arrive page by page
(``canFetchMore``/``fetchMore``), the view fetches more as it scrolls, sorting by a column is
done by SQL over all records (not only the loaded page), and finding an old record fetches
just far enough."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from fielddoc.gui.models import PAGE, RecordTableModel
from fielddoc.gui.pages.records import RecordsPage
from fielddoc.gui.session import Session
from tests.conftest import VaultHandle, make_vault

COUNT = 3000
CREATED = list(range(COUNT))
random.Random(7).shuffle(CREATED)  # the names' numbers in the order they are created


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[VaultHandle, list[str]]:
    """3000 people, created in shuffled name order (one transaction), and their ids in
    creation order."""
    handle = make_vault(Path(tmp_path_factory.mktemp("big")) / "vault")
    store = handle.store()
    with store.batch():
        ids = [store.create("person", {"name": f"Person {number:05d}"}).id for number in CREATED]
    handle.vault.close()
    return handle, ids


@pytest.fixture
def session(big_vault: tuple[VaultHandle, list[str]]) -> Iterator[Session]:
    handle, _ids = big_vault
    opened = Session(handle.reopen())
    yield opened
    opened.lock()


def titles(model: RecordTableModel) -> list[str]:
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]  # type: ignore[misc]


def test_model_fetches_lazily_in_pages(session: Session) -> None:
    model = RecordTableModel(session, "person")
    root = QModelIndex()
    assert model.rowCount() == PAGE  # one page, not 3000 rows
    assert model.canFetchMore(root)
    model.fetchMore(root)
    assert model.rowCount() == 2 * PAGE
    while model.canFetchMore(root):
        model.fetchMore(root)
    assert model.rowCount() == COUNT
    assert len(set(titles(model))) == COUNT
    assert not model.canFetchMore(root)
    model.fetchMore(root)
    assert model.rowCount() == COUNT


def test_sorting_by_a_column_orders_all_records(session: Session) -> None:
    model = RecordTableModel(session, "person")
    everything = sorted(f"Person {number:05d}" for number in range(COUNT))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == PAGE  # sorting reloads the first page only
    assert titles(model) == everything[:PAGE]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert titles(model) == everything[::-1][:PAGE]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert titles(model) == everything[::-1]

    # by "Updated", newest first (the page's default); equal times fall back to insertion order
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert titles(model)[:3] == [f"Person {number:05d}" for number in CREATED[::-1][:3]]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert titles(model)[:3] == [f"Person {number:05d}" for number in CREATED[:3]]


def test_page_view_scrolls_for_more_sorts_on_header_and_selects_old_records(
    qtbot: QtBot, session: Session, big_vault: tuple[VaultHandle, list[str]]
) -> None:
    _handle, ids = big_vault
    page = RecordsPage(session, "person")
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    model = page.model
    assert model.rowCount() == PAGE
    assert titles(model)[0] == f"Person {CREATED[-1]:05d}"  # newest first
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE, timeout=5000)  # the view asked for more

    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on "Title"
    assert titles(model)[:3] == ["Person 00000", "Person 00001", "Person 00002"]

    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    oldest = ids[0]
    page.select(oldest)  # on the last page: fetched just far enough
    assert page.selected_id() == oldest
    assert model.rowCount() == COUNT
    assert session.records.get(oldest).summary.title in page.detail.toPlainText()
