"""Case status on a given day from a timeline with partial dates."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fielddoc.errors import ValidationError
from fielddoc.records.case_status import status_as_of, timeline
from fielddoc.records.templates import load_templates
from fielddoc.records.validation import date_bounds

DEF_A = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"
DEF_B = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c"


def case(*entries: dict[str, Any]) -> dict[str, Any]:
    """A case body, validated by the shipped template so the tests use real records."""
    body = {"title": "Дело", "status_timeline": list(entries)}
    return load_templates().get("case").validate(body)


def status(body: dict[str, Any], on: str, **kwargs: Any) -> str | None:
    entry = status_as_of(body, on, **kwargs)
    return None if entry is None else str(entry["status"])


# A fictional multi-defendant case written the way monitors record it: exact days for what
# they witnessed, only the month for what they heard later.
NEWSROOM_CASE = case(
    {"date": "2024-01-16", "status": "arrested"},
    {"date": "2024-01-16", "status": "detained_temporary", "note": "ИВС, 48 часов"},
    {"date": "2024-01-29", "status": "pre_trial_detention"},
    {"date": "2024-03", "status": "house_arrest", "defendant": DEF_B},
    {"date": "2024-04-10", "status": "trial", "next_hearing": "2024-05-02"},
    {"date": "2024", "status": "transferred", "defendant": DEF_A},
)


def test_timeline_sorts_by_the_day_an_entry_takes_effect() -> None:
    ordered = [(e["date"], e["status"]) for e in timeline(NEWSROOM_CASE)]
    assert ordered == [
        ("2024", "transferred"),  # a bare year takes effect on 1 January
        ("2024-01-16", "arrested"),
        ("2024-01-16", "detained_temporary"),  # same day: timeline order kept
        ("2024-01-29", "pre_trial_detention"),
        ("2024-03", "house_arrest"),
        ("2024-04-10", "trial"),
    ]


def test_timeline_returns_the_entries_themselves_and_leaves_the_body_alone() -> None:
    body = case({"date": "2024-02", "status": "trial"}, {"date": "2024-01", "status": "arrested"})
    entries = timeline(body)
    assert entries[0] is body["status_timeline"][1]
    assert [e["status"] for e in body["status_timeline"]] == ["trial", "arrested"]


def test_status_on_a_day() -> None:
    body = case(
        {"date": "2024-01-16", "status": "arrested"},
        {"date": "2024-01-29", "status": "pre_trial_detention"},
        {"date": "2024-03", "status": "house_arrest"},
    )
    assert status(body, "2024-01-15") is None
    assert status(body, "2024-01-16") == "arrested"
    assert status(body, "2024-01-28") == "arrested"
    assert status(body, "2024-01-29") == "pre_trial_detention"
    assert status(body, "2024-02-29") == "pre_trial_detention"
    assert status(body, "2024-03-01") == "house_arrest"  # "2024-03" is in effect from 1 March
    assert status(body, "2031-12-31") == "house_arrest"


def test_a_partial_day_asked_about_means_its_last_day() -> None:
    body = case(
        {"date": "2024-01-16", "status": "arrested"},
        {"date": "2024-03-20", "status": "released_with_travel_ban"},
    )
    assert status(body, "2024-02") == "arrested"
    assert status(body, "2024-03") == "released_with_travel_ban"  # as of (the end of) March
    assert status(body, "2024") == "released_with_travel_ban"
    assert status(body, "2023") is None
    assert status(body, "2023-12") is None


def test_ties_keep_timeline_order() -> None:
    body = case(
        {"date": "2024-03", "status": "trial"},
        {"date": "2024-03-01", "status": "appeal"},
        {"date": "2024-03-01", "status": "pre_trial_detention"},
    )
    assert status(body, "2024-03-01") == "pre_trial_detention"  # the last of the tied entries
    reordered = case(
        {"date": "2024-03-01", "status": "pre_trial_detention"},
        {"date": "2024-03-01", "status": "appeal"},
        {"date": "2024-03", "status": "trial"},
    )
    assert status(reordered, "2024-03-01") == "trial"


def test_status_for_one_defendant() -> None:
    assert status(NEWSROOM_CASE, "2024-02") == "pre_trial_detention"
    assert status(NEWSROOM_CASE, "2024-03-31") == "house_arrest"  # any defendant
    assert status(NEWSROOM_CASE, "2024-03-31", defendant=DEF_B) == "house_arrest"
    assert status(NEWSROOM_CASE, "2024-03-31", defendant=DEF_A) == "pre_trial_detention"
    assert status(NEWSROOM_CASE, "2024-01-01", defendant=DEF_A) == "transferred"
    assert status(NEWSROOM_CASE, "2024-01-01", defendant=DEF_B) is None
    assert status(NEWSROOM_CASE, "2024-04-10", defendant=DEF_B) == "trial"


def test_a_case_without_timeline() -> None:
    assert timeline({"title": "x"}) == []
    assert status_as_of({"title": "x"}, "2024") is None
    assert timeline({"title": "x", "status_timeline": []}) == []


@pytest.mark.parametrize("on", ["", "2024-13", "2024-02-30", "yesterday", "2024/03/01", "0000"])
def test_a_bad_day_to_look_up_is_refused_without_echoing_it(on: str) -> None:
    with pytest.raises(ValidationError) as info:
        status_as_of(NEWSROOM_CASE, on)
    assert info.value.field is None
    if on:
        assert on not in str(info.value)


def test_a_non_string_day_is_refused() -> None:
    with pytest.raises(ValidationError):
        status_as_of(NEWSROOM_CASE, 2024)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"status_timeline": "arrested"}, "status_timeline"),
        ({"status_timeline": [{"date": "2024", "status": "trial"}, "x"]}, "status_timeline[1]"),
        ({"status_timeline": [{"status": "trial"}]}, "status_timeline[0].date"),
        (
            {"status_timeline": [{"date": "2024-02-30", "status": "trial"}]},
            "status_timeline[0].date",
        ),
        ({"status_timeline": [{"date": 2024, "status": "trial"}]}, "status_timeline[0].date"),
    ],
)
def test_unvalidated_bodies_are_refused_with_the_field(raw: dict[str, Any], field: str) -> None:
    for call in (lambda: timeline(raw), lambda: status_as_of(raw, "2024")):
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.field == field
        assert "2024-02-30" not in str(info.value)


# --- properties -------------------------------------------------------------------------------

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
partial_dates = st.tuples(days, st.integers(1, 3)).map(
    lambda pair: pair[0].isoformat()[: {1: 4, 2: 7, 3: 10}[pair[1]]]
)
STATUSES = ["arrested", "pre_trial_detention", "house_arrest", "trial", "released"]
entries = st.lists(
    st.fixed_dictionaries({"date": partial_dates, "status": st.sampled_from(STATUSES)}),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(items=entries)
def test_timeline_is_a_stable_sort_by_first_day(items: list[dict[str, Any]]) -> None:
    body = case(*items)
    result = timeline(body)
    assert sorted(map(id, result)) == sorted(map(id, body["status_timeline"]))
    starts = [date_bounds(str(e["date"]))[0] for e in result]
    assert starts == sorted(starts)
    for first, second in pairwise(result):
        if date_bounds(str(first["date"]))[0] == date_bounds(str(second["date"]))[0]:
            positions = [id(e) for e in body["status_timeline"]]
            assert positions.index(id(first)) < positions.index(id(second))


@settings(max_examples=200, deadline=None)
@given(items=entries, on=partial_dates)
def test_status_as_of_matches_a_brute_force_reading(items: list[dict[str, Any]], on: str) -> None:
    body = case(*items)
    last_day = date_bounds(on)[1]
    in_effect = [
        (date_bounds(e["date"])[0], index, e)
        for index, e in enumerate(body["status_timeline"])
        if date_bounds(e["date"])[0] <= last_day
    ]
    expected = max(in_effect, key=lambda t: (t[0], t[1]))[2] if in_effect else None
    assert status_as_of(body, on) is expected


@settings(max_examples=100, deadline=None)
@given(items=entries, day=days)
def test_status_never_goes_back_to_an_entry_that_was_superseded(
    items: list[dict[str, Any]], day: date
) -> None:
    body = case(*items)
    today = status_as_of(body, day.isoformat())
    tomorrow = status_as_of(body, (day + timedelta(days=1)).isoformat())
    ordered = [id(entry) for entry in timeline(body)]
    if today is not None:
        assert tomorrow is not None
        assert ordered.index(id(tomorrow)) >= ordered.index(id(today))
