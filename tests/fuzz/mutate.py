"""Mutation strategies: damage valid inputs the way a hostile or broken file would.

Random bytes rarely get past the first check of a parser, so every strategy here starts from a
valid seed and changes a little of it:

- :func:`mutated_bytes`: bit flips, byte overwrites with boundary values, deletions,
  insertions of format tokens (newlines, ``%0A``, ``../``, overlong UTF-8, BOMs, huge numbers),
  truncation, duplicated slices, and splices with other seeds;
- :func:`mutated_lines`: line-based formats (cards, signatures, bag-info, manifests): dropped,
  repeated, swapped and rewritten lines and values;
- :func:`mutated_json`: structure edits of a parsed JSON document (replace, delete, add,
  move, retype values at any path) and :func:`json_encodings` to write the result;
- :func:`mutated_tar`: tar-member edits (drop, repeat, reorder, rename to hostile paths,
  links and devices, lying sizes, pax records, raw header garbage, no end marker).

Every strategy draws only small integers and tokens, so hypothesis shrinks a failure to the one
or two edits that matter.
"""

from __future__ import annotations

import copy
import json
import tarfile
import unicodedata
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from fielddoc.canonical import canonical_json
from fielddoc.errors import InputError
from tests.bundle_forge import TarEntry

TOKENS: tuple[bytes, ...] = (
    b"\x00",
    b"\xff",
    b"\x7f",
    b"\n",
    b"\r",
    b"\r\n",
    b"\t",
    b" ",
    b"%",
    b"%0A",
    b"%25",
    b"/",
    b"../",
    b"\\",
    b'"',
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b"=",
    b"-",
    b"-1",
    b"0",
    b"9" * 25,
    b"1e400",
    b"NaN",
    b"\xc3",  # a UTF-8 lead byte without its continuation
    b"\xed\xa0\x80",  # a UTF-16 surrogate encoded as UTF-8 (not valid UTF-8)
    b"\xc0\xaf",  # an overlong "/"
    b"\xef\xbb\xbf",  # byte order mark
    "\u202e".encode(),  # right-to-left override
    "e\u0301".encode(),  # NFD "é"
    b"A" * 300,
)


def _position(draw: st.DrawFn, size: int) -> int:
    return draw(st.integers(0, max(size - 1, 0)))


@st.composite
def mutated_bytes(
    draw: st.DrawFn, seed: bytes, others: tuple[bytes, ...] = (), max_edits: int = 4
) -> bytes:
    """``seed`` with 1 to ``max_edits`` byte-level edits (module docstring)."""
    data = bytearray(seed)
    kinds = ["flip", "set", "delete", "insert", "truncate", "duplicate"]
    if others:
        kinds.append("splice")
    for _ in range(draw(st.integers(1, max_edits))):
        kind = draw(st.sampled_from(kinds))
        pos = _position(draw, len(data))
        if kind == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and data:
            data[pos] = draw(st.sampled_from([0x00, 0x01, 0x0A, 0x20, 0x7F, 0x80, 0xFF]))
        elif kind == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        elif kind == "insert":
            token = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=16))
            data[pos:pos] = token
        elif kind == "truncate":
            del data[pos:]
        elif kind == "duplicate":
            size = draw(st.integers(1, 512))
            data[pos:pos] = data[pos : pos + size]
        elif kind == "splice":
            other = draw(st.sampled_from(others))
            start = _position(draw, len(other))
            data[pos:] = other[start:]
    return bytes(data)


@st.composite
def mutated_lines(draw: st.DrawFn, seed: bytes, max_edits: int = 3) -> bytes:
    """``seed`` (a line-based text format) with 1 to ``max_edits`` line-level edits."""
    lines = seed.split(b"\n")
    for _ in range(draw(st.integers(1, max_edits))):
        kind = draw(st.sampled_from(["drop", "repeat", "swap", "value", "insert", "edge", "case"]))
        i = _position(draw, len(lines))
        if not lines:
            lines = [b""]
        if kind == "drop":
            del lines[i]
        elif kind == "repeat":
            lines.insert(_position(draw, len(lines) + 1), lines[i])
        elif kind == "swap":
            j = _position(draw, len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "value":  # keep the label, replace what follows the separator
            head, sep, _ = lines[i].partition(b": ")
            value = draw(st.sampled_from(TOKENS) | st.text(max_size=40).map(str.encode))
            lines[i] = head + (sep or b": ") + value
        elif kind == "insert":
            line = draw(st.sampled_from(TOKENS) | st.text(max_size=60).map(str.encode))
            lines.insert(i, line)
        elif kind == "edge":  # leading / trailing whitespace, CR, NUL
            token = draw(st.sampled_from([b" ", b"\t", b"\r", b"\x00", b"\xef\xbb\xbf"]))
            lines[i] = token + lines[i] if draw(st.booleans()) else lines[i] + token
        else:
            lines[i] = lines[i].upper() if draw(st.booleans()) else lines[i].lower()
    return b"\n".join(lines)


# --- JSON -------------------------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.sampled_from([0, -1, 1, 2**31, 2**53 - 1, 2**53, -(2**63), 2**64, 10**30])
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(["", " ", "\x00", "\n", "../x", "\ud800", "a" * 5000, "NaN", "1.5"])
    | st.text(max_size=40)
)
HOSTILE_JSON: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if len(prefix) > 40:  # inside a hostile nest: its inner levels add nothing new
        return found
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


def _deep(levels: int) -> Any:
    value: Any = 0
    for _ in range(levels):
        value = [value]
    return value


@st.composite
def mutated_json(draw: st.DrawFn, seed: Any, max_edits: int = 3) -> Any:
    """A deep copy of the JSON value ``seed`` with 1 to ``max_edits`` structure edits."""
    doc = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, max_edits))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        kind = draw(
            st.sampled_from(["replace", "delete", "add", "copy", "wrap", "stringify", "deep"])
        )
        if not path:  # the root itself
            if kind in ("replace", "wrap", "deep"):
                doc = draw(HOSTILE_JSON) if kind == "replace" else [doc]
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        current = parent[key]
        if kind == "replace":
            parent[key] = draw(HOSTILE_JSON)
        elif kind == "delete":
            del parent[key]
        elif kind == "add" and isinstance(current, dict):
            name = draw(st.sampled_from([*current, "extra", ""]) | st.text(max_size=8))
            current[name + draw(st.sampled_from(["", "_", " "]))] = draw(HOSTILE_JSON)
        elif kind == "add" and isinstance(current, list):
            current.insert(_position(draw, len(current) + 1), draw(HOSTILE_JSON))
        elif kind == "copy":  # another part of the document moved here
            parent[key] = copy.deepcopy(_get(doc, draw(st.sampled_from(paths))))
        elif kind == "wrap":
            parent[key] = draw(st.sampled_from([[current], {"value": current}]))
        elif kind == "stringify":
            parent[key] = (
                json.dumps(current)
                if not isinstance(current, str)
                else (int(current) if current.isdigit() and len(current) < 30 else [current])
            )
        else:
            parent[key] = _deep(draw(st.sampled_from([65, 70, 200])))
    return doc


def _json_text(value: Any, **options: Any) -> bytes:
    return json.dumps(value, **options).encode("utf-8", "surrogatepass")


@st.composite
def json_encodings(draw: st.DrawFn, value: Any) -> bytes:
    """``value`` written as canonical JSON when it can be, else (or by choice) another way:
    indented, ASCII-escaped, with a duplicated key, NaN, or bytes appended."""
    try:
        canonical = canonical_json(value)
    except (InputError, RecursionError):
        canonical = None
    styles = ["indent", "ascii", "duplicate", "trailing", "nest"]
    if canonical is not None:
        styles += ["canonical"] * 4  # most examples should reach the checks after parsing
    style = draw(st.sampled_from(styles))
    try:
        if style == "canonical" and canonical is not None:
            return canonical
        if style == "indent":
            return _json_text(value, indent=1, sort_keys=draw(st.booleans()))
        if style == "ascii":
            return _json_text(value, ensure_ascii=True, separators=(",", ":"))
        text = canonical if canonical is not None else _json_text(value, separators=(",", ":"))
        if style == "duplicate" and text.startswith(b"{") and len(text) > 2:
            first_key = text[1 : text.index(b":") + 1] if b":" in text else b'"k":'
            return b"{" + first_key + b"null," + text[1:]
        if style == "nest":  # deeper than any recursive parser's stack
            depth = draw(st.sampled_from([100, 5000, 100_000]))
            return b"[" * depth + text + b"]" * depth
        return text + draw(st.sampled_from([b" ", b"\n", b"x", b"{}", b"\x00"]))
    except (ValueError, RecursionError, TypeError):
        return b"[" * 100_000  # a value json.dumps cannot write: hostile nesting instead


# --- tar ----------------------------------------------------------------------------------------

HOSTILE_NAMES = (
    "../evil",
    "/etc/passwd",
    "{root}/../escape",
    "{root}/data/../bagit.txt",
    "{root}/./bagit.txt",
    "{root}//bagit.txt",
    "{root}/data/x\\..\\y",
    "{root}/data/a\x01b",
    "{root}/data/" + unicodedata.normalize("NFD", "é"),
    "{root}/fetch.txt",
    "{root}/data/" + "a" * 1100,
    "{root}/data/",
    "{root}/tagmanifest-sha512.txt",
    "{root}/manifest-md5.txt",
    "{root}/data/revisions/unknown.json",
    "other/bagit.txt",
    "{root}",
    "",
)
MEMBER_TYPES = (
    tarfile.SYMTYPE,
    tarfile.LNKTYPE,
    tarfile.DIRTYPE,
    tarfile.CHRTYPE,
    tarfile.BLKTYPE,
    tarfile.FIFOTYPE,
    tarfile.CONTTYPE,
    tarfile.GNUTYPE_SPARSE,
    tarfile.GNUTYPE_LONGNAME,
    b"g",  # pax global header
    b"V",  # volume label
    b"Z",  # unknown type: tarfile reads it as a regular file
)
PAX_RECORDS = (
    {"path": "../../etc/passwd"},
    {"path": "{root}/data/renamed.json"},
    {"size": "abc"},
    {"size": "-1"},
    {"size": "99999999999999"},
    {"GNU.sparse.map": "0,1"},
    {"GNU.sparse.map": "x,y"},
    {"GNU.sparse.major": "1", "GNU.sparse.minor": "0", "GNU.sparse.realsize": "x"},
    {"GNU.sparse.size": "1", "GNU.sparse.major": "1", "GNU.sparse.minor": "0"},
    {"hdrcharset": "BINARY"},
    {"linkpath": "/etc/shadow"},
    {"mtime": "nan"},
    {"uid": "x"},
    {"comment": "\x00\n"},
)


@st.composite
def mutated_tar(
    draw: st.DrawFn, entries: list[TarEntry], root: str, max_edits: int = 2
) -> tuple[list[TarEntry], bool]:
    """(edited copies of ``entries``, whether to write the end-of-archive marker)."""
    items = [replace(entry, pax=dict(entry.pax)) for entry in entries]
    end = True
    for _ in range(draw(st.integers(1, max_edits))):
        kind = draw(
            st.sampled_from(
                ["drop", "repeat", "move", "rename", "retype", "size", "pax", "raw", "data", "end"]
            )
        )
        i = _position(draw, len(items))
        if not items:
            items = [TarEntry(f"{root}/bagit.txt", b"")]
        entry = items[i]
        if kind == "drop":
            del items[i]
        elif kind == "repeat":
            items.insert(_position(draw, len(items) + 1), replace(entry))
        elif kind == "move":
            items.insert(_position(draw, len(items)), items.pop(i))
        elif kind == "rename":
            name = draw(st.sampled_from(HOSTILE_NAMES) | st.sampled_from([e.name for e in items]))
            items[i] = replace(entry, name=name.format(root=root))
        elif kind == "retype":
            kind_byte = draw(st.sampled_from(MEMBER_TYPES))
            link = draw(st.sampled_from(["/etc/passwd", "../x", items[0].name]))
            items[i] = replace(entry, type=kind_byte, linkname=link, devmajor=1, devminor=3)
        elif kind == "size":
            delta = draw(st.sampled_from([1, 511, 512, 513, 10**6, 2**40]))
            declared = len(entry.data) + delta * draw(st.sampled_from([1, -1]))
            items[i] = replace(entry, size=max(declared, 0))
        elif kind == "pax":
            records = draw(st.sampled_from(PAX_RECORDS))
            pax = {k: v.format(root=root) for k, v in records.items()}
            items[i] = replace(entry, pax={**entry.pax, **pax})
        elif kind == "raw":
            header = entry.to_bytes()[:512]
            raw = draw(
                st.sampled_from([b"\0" * 512, b"\xff" * 512])
                | mutated_bytes(header, max_edits=3)
                | st.binary(min_size=512, max_size=512)
            )
            items[i] = replace(entry, raw=raw)
        elif kind == "data":
            items[i] = replace(entry, data=draw(mutated_bytes(entry.data or b"x", max_edits=2)))
        else:
            end = False
    return items, end
