"""Fuzzing templates, thesauri, record bodies and the strict JSON reader behind them.

Seeds: every shipped template and thesaurus (resources/), a minimal valid body per template,
and canonical JSON of those. Mutations: JSON structure edits (hostile values, dropped and
added keys, moved parts, deep nesting), other encodings, byte edits of the files.

Oracles:

- a template or thesaurus file either loads or raises ``TEMPLATE_INVALID``; never another
  exception (templates are shipped data, but a damaged install must say so cleanly);
- a record body either validates or raises a ``ValidationError`` (``INVALID_RECORD`` or a
  subclass); a validated body is canonical-JSON writable, validates to itself again, and its
  search texts and references can be read;
- :func:`~fielddoc.canonical.loads_strict` either parses or raises ``BAD_INPUT``; what it
  parses is either refused by :func:`~fielddoc.canonical.canonical_json` with ``BAD_INPUT`` or
  round-trips exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fielddoc.canonical import canonical_json, loads_strict
from fielddoc.ids import new_id
from fielddoc.records.templates import Template, load_templates, parse_template
from fielddoc.records.thesauri import load_thesauri, parse_thesaurus, read_json
from fielddoc.resources import resource_path
from tests.fuzz.mutate import HOSTILE_JSON, json_encodings, mutated_bytes, mutated_json
from tests.fuzz.support import FuzzLog, attempt, fuzz_settings

TEMPLATE_FILES = {p.stem: p.read_bytes() for p in sorted(resource_path("templates").glob("*.json"))}
THESAURUS_FILES = {p.stem: p.read_bytes() for p in sorted(resource_path("thesauri").glob("*.json"))}
THESAURI = load_thesauri(resource_path("thesauri"))
TEMPLATES = load_templates()
VALIDATION_CODES = {"INVALID_RECORD", "UNKNOWN_FIELD"}


def _seed_body(template: Template) -> dict[str, object]:
    return {template.title_field: "Обыск в редакции"}


def _plausible(template: Template) -> st.SearchStrategy[Any]:
    """Values of the right kind for some field of ``template`` (codes, ids, dates)."""
    codes = sorted({code for thesaurus in template.thesauri.values() for code in thesaurus.codes()})
    return st.sampled_from(
        [
            "2024",
            "2024-05",
            "2024-05-31",
            "2024-02-30",
            "12:30",
            "25:61",
            new_id(),
            [new_id(), new_id()],
            True,
            7,
            -1,
            [],
            {},
            [{}],
            *codes[:40],
            codes[:3],
        ]
    )


@st.composite
def _bodies(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(TEMPLATES.names()))
    template = TEMPLATES.get(name)
    body: dict[str, Any] = _seed_body(template)
    paths = [path for path, _ in template.iter_fields()]
    for _ in range(draw(st.integers(0, 4))):
        path = draw(st.sampled_from(paths)).split(".")
        value: Any = draw(_plausible(template) | HOSTILE_JSON)
        for part in reversed(path[1:]):  # nested: inside a group object or an entries list
            value = {part: value} if draw(st.booleans()) else [{part: value}]
        body[path[0]] = value
    if draw(st.integers(0, 3)) == 0:
        return name, draw(mutated_json(body))
    return name, body


@fuzz_settings(400)
@given(case=_bodies())
def test_fuzz_record_body(fuzz_log: FuzzLog, case: tuple[str, Any]) -> None:
    name, body = case
    template = TEMPLATES.get(name)
    outcome = attempt(lambda: template.validate(body), what="Template.validate")
    fuzz_log.tried(name, outcome)
    if not outcome.ok:
        assert outcome.code in VALIDATION_CODES, outcome
        return
    valid = outcome.value
    canonical_json(valid)
    assert template.validate(valid) == valid
    assert all(isinstance(text, str) for text in template.searchable_texts(valid, TEMPLATES))
    assert all(isinstance(ref, str) for _, ref in template.references(valid))


@fuzz_settings(200)
@given(name=st.sampled_from(sorted(TEMPLATE_FILES)), data=st.data())
def test_fuzz_template_file(
    fuzz_log: FuzzLog, name: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    original = TEMPLATE_FILES[name]
    if data.draw(st.booleans(), label="structure edits"):
        document = data.draw(mutated_json(json.loads(original)))
        raw = data.draw(json_encodings(document))
    else:
        raw = data.draw(mutated_bytes(original))
    path = Path(tmp_path_factory.getbasetemp()) / f"{name}.json"
    path.write_bytes(raw)
    outcome = attempt(
        lambda: parse_template(read_json(path), path.name, THESAURI, expected_name=name),
        what="parse_template",
    )
    fuzz_log.tried(name, outcome)
    if outcome.ok:
        template = outcome.value
        assert isinstance(template, Template) and template.name == name
        # the parsed template is usable: a seed body either passes or is refused with the
        # record error (an edited template may e.g. allow titles of one character only)
        checked = attempt(lambda: template.validate(_seed_body(template)), what="validate")
        assert checked.ok or checked.code == "INVALID_RECORD", checked
    else:
        assert outcome.code == "TEMPLATE_INVALID", outcome


@fuzz_settings(150)
@given(name=st.sampled_from(sorted(THESAURUS_FILES)), data=st.data())
def test_fuzz_thesaurus_file(fuzz_log: FuzzLog, name: str, data: st.DataObject) -> None:
    document = data.draw(mutated_json(json.loads(THESAURUS_FILES[name])))
    outcome = attempt(lambda: parse_thesaurus(document, f"{name}.json", name), what="thesaurus")
    fuzz_log.tried(name, outcome)
    assert outcome.ok or outcome.code == "TEMPLATE_INVALID", outcome


JSON_SEEDS = {
    "template": TEMPLATE_FILES["testimony"],
    "canonical body": canonical_json({"title": "Обыск", "n": 3, "list": [True, None, "\u2028"]}),
}


@fuzz_settings(400)
@given(name=st.sampled_from(sorted(JSON_SEEDS)), data=st.data())
def test_fuzz_strict_json(fuzz_log: FuzzLog, name: str, data: st.DataObject) -> None:
    raw = data.draw(mutated_bytes(JSON_SEEDS[name], others=tuple(JSON_SEEDS.values())))
    as_text = data.draw(st.booleans(), label="as str")
    source: bytes | str = raw.decode("utf-8", "surrogateescape") if as_text else raw
    parsed = attempt(lambda: loads_strict(source), what="loads_strict")
    fuzz_log.tried(name, parsed)
    if not parsed.ok:
        assert parsed.code == "BAD_INPUT", parsed
        return
    written = attempt(lambda: canonical_json(parsed.value), what="canonical_json")
    if written.ok:
        assert loads_strict(written.value) == parsed.value
        assert canonical_json(loads_strict(written.value)) == written.value
    else:
        assert written.code == "BAD_INPUT", written
