from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fielddoc.canonical import canonical_json, canonical_sha256, loads_strict
from fielddoc.errors import InputError

safe_ints = st.integers(min_value=-(2**53 - 1), max_value=2**53 - 1)
texts = st.text(st.characters(codec="utf-8"))
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | safe_ints | texts,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(texts, children, max_size=5),
    max_leaves=30,
)


@given(json_values)
def test_round_trip_is_stable(value: Any) -> None:
    once = canonical_json(value)
    assert canonical_json(json.loads(once)) == once


@given(st.dictionaries(texts, safe_ints, max_size=8))
def test_key_order_does_not_matter(value: dict[str, int]) -> None:
    reversed_dict = dict(reversed(list(value.items())))
    assert canonical_json(value) == canonical_json(reversed_dict)


@given(json_values)
def test_output_has_no_insignificant_whitespace(value: Any) -> None:
    text = canonical_json(value).decode("utf-8")
    assert json.loads(text) == json.loads(json.dumps(value))
    assert "\n" not in text.replace("\\n", "")


def test_rfc8785_examples() -> None:
    # RFC 8785 section 3.2.3: members sorted by UTF-16 code units, not code points
    value = {
        "\u20ac": "Euro",
        "\r": "CR",
        "\ufb33": "Hebrew",
        "1": "One",
        "\U0001f600": "Emoji",
        "\u0080": "Control",
        "\u00f6": "Latin",
    }
    keys = list(json.loads(canonical_json(value)).keys())
    assert keys == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
    assert (
        canonical_json({"b": [1, True, None], "a": "é\n"})
        == '{"a":"é\\n","b":[1,true,null]}'.encode()
    )


def test_cyrillic_is_written_as_utf8_not_escaped() -> None:
    assert canonical_json("Абдуллаев") == '"Абдуллаев"'.encode()


@pytest.mark.parametrize("bad", [1.5, float("nan"), 2**53, {"a": {1: 2}}, "\ud800", object()])
def test_refuses_what_cannot_hash_stably(bad: Any) -> None:
    with pytest.raises(InputError):
        canonical_json(bad)


def test_sha256_matches_bytes() -> None:
    import hashlib

    assert canonical_sha256({"x": 1}) == hashlib.sha256(b'{"x":1}').hexdigest()


@pytest.mark.parametrize(
    "text", ['{"a": 1, "a": 2}', '{"a": NaN}', '{"a": 1.5}', "[1,", '"\\ud800', "[" * 5000]
)
def test_loads_strict_refuses(text: str) -> None:
    with pytest.raises(InputError):
        loads_strict(text)


def test_loads_strict_accepts_plain_json() -> None:
    assert loads_strict('{"title": "Обыск", "n": 3}') == {"title": "Обыск", "n": 3}
