"""Canonical JSON: the one serialisation that fielddoc hashes and signs.

The output is the JSON Canonicalization Scheme (RFC 8785) restricted to the values fielddoc
stores: objects with string keys, arrays, strings, booleans, ``null`` and integers in the
IEEE-754 safe range (|n| < 2**53). Floats are refused rather than canonicalised, so that a
number can never hash differently on two machines; fractional values (GPS, for example) are
stored as decimal strings.

- object members are sorted by the UTF-16 code units of their names (RFC 8785 section 3.2.3);
- no insignificant whitespace; strings are UTF-8 with only ``"``, ``\\`` and C0 controls escaped;
- lone surrogates (not Unicode text) are refused.

Invariant: ``canonical_json(json.loads(canonical_json(v))) == canonical_json(v)`` for every
accepted ``v``, and equal Python values give equal bytes.
Failure: :class:`~fielddoc.errors.InputError` with code ``BAD_INPUT`` naming the JSON path.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from fielddoc.errors import InputError

MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = 64

# Where Python's own encoder may differ from canonical_json: characters from U+E000 up (their
# UTF-8 lead bytes), whose code-point order is not their UTF-16 order when keys are sorted,
# and runs of 16+ digits (integers that may be past the safe range). Digits inside strings
# also match; that only sends a document down the slow path.
_FAST_PATH_UNSAFE = re.compile(rb"[\xee\xef\xf0-\xf4]|[0-9]{16}")


def _check_text(text: str, path: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"Text at {path} is not valid Unicode.", field=path) from None


def _emit(value: Any, path: str, depth: int, out: list[str]) -> None:
    if depth > MAX_DEPTH:
        raise InputError(f"JSON nested deeper than {MAX_DEPTH} levels at {path}.", field=path)
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise InputError(f"Integer at {path} is outside the safe range.", field=path)
        out.append(str(int(value)))
    elif isinstance(value, str):
        _check_text(value, path)
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, list | tuple):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _emit(item, f"{path}[{index}]", depth + 1, out)
        out.append("]")
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise InputError(f"Object key at {path} is not a string.", field=path)
            _check_text(key, path)
        out.append("{")
        for index, key in enumerate(sorted(value, key=lambda k: k.encode("utf-16-be"))):
            if index:
                out.append(",")
            out.append(json.dumps(key, ensure_ascii=False))
            out.append(":")
            _emit(value[key], f"{path}.{key}", depth + 1, out)
        out.append("}")
    elif isinstance(value, float):
        raise InputError(f"Number at {path} is not an integer; store it as text.", field=path)
    else:
        raise InputError(f"Value at {path} cannot be stored as JSON.", field=path)


def canonical_json(value: Any) -> bytes:
    """Canonical UTF-8 bytes of ``value`` (see module docstring)."""
    out: list[str] = []
    _emit(value, "$", 0, out)
    return "".join(out).encode("utf-8")


def canonical_sha256(value: Any) -> str:
    """Lower-case hex SHA-256 of :func:`canonical_json` of ``value``."""
    return hashlib.sha256(canonical_json(value)).hexdigest()


def is_canonical(data: bytes, value: Any) -> bool:
    """Whether ``data == canonical_json(value)``, for ``value = loads_strict(data)``.

    False also when the value cannot be written canonically at all (too deep, an integer past
    the safe range, a lone surrogate). The precondition matters: only a value parsed by
    :func:`loads_strict` from ``data`` (string keys, no floats) is allowed here.

    Bundles carry thousands of documents, so the common case is decided by the C encoder
    (``json.dumps`` with sorted keys and compact separators). For such a value it writes the
    same bytes as :func:`canonical_json` unless ``data`` holds one of the patterns of
    ``_FAST_PATH_UNSAFE`` or nests deeper than ``MAX_DEPTH``; those documents, and every
    mismatch, are decided by :func:`canonical_json` itself, so the answer is always the same
    as comparing with it (tests/unit/test_canonical.py checks this on generated documents).
    """
    brackets = data.count(b"{") + data.count(b"[")
    if brackets <= MAX_DEPTH and _FAST_PATH_UNSAFE.search(data) is None:
        try:
            fast = json.dumps(
                value, ensure_ascii=False, sort_keys=True, separators=(",", ":")
            ).encode("utf-8")
        except (UnicodeEncodeError, ValueError, RecursionError):
            fast = b""
        if fast == data:
            return True
    try:
        return canonical_json(value) == data
    except InputError:
        return False


def loads_strict(data: bytes | str, *, what: str = "JSON document") -> Any:
    """Parse JSON from outside, refusing duplicate keys, NaN/Infinity and floats.

    Duplicate keys would let two readers see two different documents behind one hash.
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, val in pairs:
            if key in result:
                # the key itself is not quoted: in a record file or a bundle it may be content
                raise InputError(f"The {what} repeats a key.")
            result[key] = val
        return result

    def no_constant(name: str) -> Any:
        raise InputError(f"The {what} contains {name}, which is not JSON.")

    def no_float(_text: str) -> Any:
        raise InputError(f"The {what} contains a fractional number; write it as text.")

    try:
        return json.loads(
            data,
            object_pairs_hook=no_duplicates,
            parse_constant=no_constant,
            parse_float=no_float,
        )
    except InputError:
        raise
    except (ValueError, RecursionError):
        raise InputError(f"The {what} is not valid JSON.") from None
