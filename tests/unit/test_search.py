from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielddoc.errors import SearchQueryError
from fielddoc.records.search import build_match, search
from fielddoc.records.store import RecordStore
from tests.conftest import FIXTURES


def load_narratives(store: RecordStore) -> dict[str, str]:
    ids = {}
    for line in (FIXTURES / "narratives.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        record = store.create(
            item["kind"], {"title": item["title"], "narrative": item["narrative"]}
        )
        ids[item["title"]] = record.id
    return ids


def names_table() -> list[list[str]]:
    rows = []
    for line in (FIXTURES / "names-translit.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "cyrillic")):
            cyrillic, latin = line.split("\t")
            rows.append([cyrillic, *latin.split("|")])
    return rows


def test_words_in_cyrillic_kyrgyz_and_latin(store: RecordStore) -> None:
    ids = load_narratives(store)
    conn = store.conn
    hits = {h.id for h in search(conn, "изъяли ноутбуки")}
    assert ids["Обыск в редакции и изъятие техники"] in hits
    assert {h.id for h in search(conn, "тинтүү")} == {ids["Тинтүү жана документтерди алып кетүү"]}
    english = {h.id for h in search(conn, "bruises forearm")}
    assert english == {ids["Ill-treatment reported by a detainee in pre-trial detention"]}
    assert search(conn, "изъяли bruises") == []  # every word must match


def test_prefix_and_case_and_diacritics(store: RecordStore) -> None:
    record = store.create("testimony", {"title": "Задержание", "narrative": "Ёлкин был задержан"})
    for query in ("задерж", "ЗАДЕРЖАН", "елкин", "Ёлкин"):
        assert [h.id for h in search(store.conn, query)] == [record.id], query


@pytest.mark.parametrize("row", names_table(), ids=lambda r: r[0])
def test_every_spelling_finds_every_other(store: RecordStore, row: list[str]) -> None:
    ids = {spelling: store.create("person", {"name": spelling}).id for spelling in row}
    for query in row:
        found = {h.id for h in search(store.conn, query)}
        assert set(ids.values()) <= found, f"{query!r} missed {set(ids) - found}"


def test_title_match_ranks_first(store: RecordStore) -> None:
    title = store.create("incident", {"title": "Бишкек", "narrative": "другое"})
    body = store.create("incident", {"title": "Иное", "narrative": "упоминается Бишкек"})
    assert [h.id for h in search(store.conn, "Бишкек")] == [title.id, body.id]


def test_broad_queries_come_newest_first(
    store: RecordStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fielddoc.records import search as search_module

    ids = [store.create("person", {"name": f"Осмонов {i}"}).id for i in range(8)]
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    assert [h.id for h in search(store.conn, "Осмонов", limit=3)] == ids[::-1][:3]
    monkeypatch.undo()
    assert {h.id for h in search(store.conn, "Osmonov")} == set(ids)
    assert search(store.conn, "Osmonov", template="incident") == []


def test_edit_reindexes_and_template_filter(store: RecordStore) -> None:
    record = store.create("testimony", {"title": "Первое", "narrative": "старое слово"})
    store.edit(record.id, {"title": "Первое", "narrative": "новое слово"})
    assert search(store.conn, "старое") == []
    assert [h.id for h in search(store.conn, "новое")] == [record.id]
    assert search(store.conn, "новое", template="incident") == []


@pytest.mark.parametrize(
    "query", ['"', "NEAR(a b)", "a OR b", "title:x", "*", "^abc", "a AND", "(((", "-x", "'"]
)
def test_fts_syntax_typed_by_a_user_is_just_text(store: RecordStore, query: str) -> None:
    store.create("testimony", {"title": "a OR b title:x"})
    with contextlib.suppress(SearchQueryError):
        search(store.conn, query)


def test_empty_query_is_a_typed_error(store: RecordStore) -> None:
    for query in ("", "   ", "!!!"):
        with pytest.raises(SearchQueryError):
            search(store.conn, query)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_query_only_raises_typed_errors(store: RecordStore, query: str) -> None:
    try:
        build_match(store.conn, query)
        search(store.conn, query)
    except SearchQueryError:
        pass


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Zl", "Zp")), min_size=1, max_size=30
    ).filter(lambda t: t.strip())
)
def test_a_title_is_found_by_its_own_words(store: RecordStore, title: str) -> None:
    from fielddoc.records.translit import words

    record = store.create("incident", {"title": title})
    query_words = words(title)
    if not query_words:
        return
    found = {h.id for h in search(store.conn, " ".join(query_words), limit=10_000)}
    assert record.id in found


def test_quotes_and_operators_in_a_query_still_find_the_words(store: RecordStore) -> None:
    record = store.create("testimony", {"title": "say hello", "narrative": "NEAR the OR gate"})
    assert [h.id for h in search(store.conn, '"hello"')] == [record.id]
    assert [h.id for h in search(store.conn, "NEAR OR")] == [record.id]
