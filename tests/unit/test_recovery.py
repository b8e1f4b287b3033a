from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fielddoc.crypto.recovery import ALPHABET, CODE_CHARS, new_code, normalise
from fielddoc.errors import UnlockError


def test_format() -> None:
    code = new_code()
    groups = code.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 for g in groups)
    assert all(ch in ALPHABET for ch in "".join(groups))


def test_codes_differ() -> None:
    assert len({new_code() for _ in range(1000)}) == 1000


def test_normalise_forgives_case_separators_and_confusables() -> None:
    code = new_code()
    plain = code.replace("-", "")
    sloppy = " ".join(code.lower().split("-")).replace("1", "l").replace("0", "o")
    assert normalise(sloppy) == plain


@given(st.text(max_size=60))
def test_normalise_only_accepts_full_codes(text: str) -> None:
    try:
        result = normalise(text)
    except UnlockError:
        return
    assert len(result) == CODE_CHARS
    assert set(result) <= set(ALPHABET)


@pytest.mark.parametrize("bad", ["", "ABCD", "U" * 32, "A" * 33])
def test_rejects(bad: str) -> None:
    with pytest.raises(UnlockError):
        normalise(bad)
