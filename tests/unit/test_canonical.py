from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fielddoc.canonical import canonical_json, canonical_sha256, is_canonical, loads_strict
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


# Documents that exercise every way the C encoder and canonical_json could disagree: keys from
# U+E000 up and astral keys (sort order), integers past 2**53, escapes, lone surrogates via
# \u escapes, deep nesting, and non-canonical spellings of canonical documents.
_KEY = st.text(
    alphabet=st.sampled_from(["a", "b", "я", "\ue000", "\uffff", "😀", "\U00010000", '"', "\\"]),
    max_size=3,
)
_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=6)
)
_DOC = st.recursive(
    _LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEY, inner, max_size=4),
    max_leaves=30,
)


def _reference(data: bytes) -> bool:
    try:
        return canonical_json(loads_strict(data)) == data
    except InputError:
        return False


@given(_DOC)
def test_is_canonical_agrees_with_canonical_json(value: Any) -> None:
    spellings = [
        json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":")),
        json.dumps(value, ensure_ascii=False),
    ]
    with contextlib.suppress(InputError):  # too big an integer: the others still parse
        spellings.append(canonical_json(value).decode("utf-8"))
    for text in spellings:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            continue  # a lone surrogate from the generator: not a byte string at all
        parsed = loads_strict(data)
        assert is_canonical(data, parsed) == _reference(data), data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"a":1,"b":[true,null,"x"]}', True),
        (b'{"b":1,"a":2}', False),  # unsorted
        (b'{"a": 1}', False),  # whitespace
        (b'{"\\u044f":1}', False),  # escaped where UTF-8 is canonical
        (b'{"\xf0\x9f\x98\x80":2,"\xee\x80\x80":1}', True),  # UTF-16 order: astral first
        (b'{"\xee\x80\x80":1,"\xf0\x9f\x98\x80":2}', False),  # code-point order is not
        (b'{"n":9007199254740991}', True),  # the largest safe integer
        (b'{"n":9007199254740992}', False),  # one past it
        (b'{"s":"\\ud800"}', False),  # a lone surrogate cannot be canonical
        (b"[" * 66 + b"]" * 66, False),  # deeper than MAX_DEPTH
        (b"[" * 60 + b"]" * 60, True),
    ],
)
def test_is_canonical_examples(data: bytes, expected: bool) -> None:
    assert is_canonical(data, loads_strict(data)) is expected
