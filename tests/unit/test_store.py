from __future__ import annotations

import hashlib
import json

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielddoc import audit
from fielddoc.canonical import canonical_json
from fielddoc.checks import run_checks
from fielddoc.errors import (
    ConflictError,
    RecordNotFoundError,
    UnknownTemplateError,
    ValidationError,
)
from fielddoc.records.store import RecordStore, verify_revision_hashes
from tests.conftest import VaultHandle

TEMPLATES_WITH_TITLE = ("testimony", "detention_visit", "incident", "case")
TEMPLATES_WITH_NAME = ("person", "facility", "organisation")


def counts(store: RecordStore) -> tuple[int, int, int]:
    conn = store.conn
    return (
        conn.execute("SELECT count(*) FROM records").fetchone()[0],
        conn.execute("SELECT count(*) FROM revisions").fetchone()[0],
        conn.execute("SELECT count(*) FROM audit").fetchone()[0],
    )


@pytest.mark.parametrize("template", TEMPLATES_WITH_TITLE)
def test_partial_record_needs_only_title(store: RecordStore, template: str) -> None:
    record = store.create(template, {"title": "Черновик"})
    assert record.summary.title == "Черновик"
    assert record.body == {"title": "Черновик"}


@pytest.mark.parametrize("template", TEMPLATES_WITH_NAME)
def test_partial_record_needs_only_name(store: RecordStore, template: str) -> None:
    assert store.create(template, {"name": "Жээнбеков"}).summary.title == "Жээнбеков"


@pytest.mark.parametrize("template", TEMPLATES_WITH_TITLE + TEMPLATES_WITH_NAME)
def test_invalid_body_names_field_and_writes_nothing(store: RecordStore, template: str) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as info:
        store.create(template, {"no_such_field": "x", "title": "t", "name": "n"})
    assert info.value.field is not None
    assert "no_such_field" in info.value.field
    with pytest.raises(ValidationError):
        store.create(template, {})
    assert counts(store) == before


def test_unknown_template(store: RecordStore) -> None:
    with pytest.raises(UnknownTemplateError):
        store.create("diary", {"title": "x"})


def test_revisions_are_append_only_with_hashes(store: RecordStore) -> None:
    record = store.create("testimony", {"title": "Первая запись", "narrative": "Исходный текст."})
    first = record.summary.head_revision
    edited = store.edit(record.id, {"title": "Первая запись", "narrative": "Исправленный текст."})
    revisions = store.revisions(record.id)
    assert [r.seq for r in revisions] == [1, 2]
    assert revisions[0].id == first
    assert revisions[0].body["narrative"] == "Исходный текст."  # first version always shown
    assert revisions[1].parent_id == first
    assert edited.body["narrative"] == "Исправленный текст."
    for revision in revisions:
        assert hashlib.sha256(revision.document.encode()).hexdigest() == revision.sha256
        assert canonical_json(json.loads(revision.document)).decode() == revision.document
    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE revisions SET document = '{}'")


def test_conflicting_edit_is_refused(store: RecordStore) -> None:
    record = store.create("incident", {"title": "Разгон митинга"})
    base = record.summary.head_revision
    store.edit(record.id, {"title": "Разгон митинга у парламента"}, base_revision=base)
    with pytest.raises(ConflictError):
        store.edit(record.id, {"title": "Другая правка"}, base_revision=base)
    assert store.get(record.id).summary.revision_count == 2


def test_not_found(store: RecordStore) -> None:
    with pytest.raises(RecordNotFoundError):
        store.get("01900000-0000-7000-8000-000000000000")
    with pytest.raises(RecordNotFoundError):
        store.get("'; DROP TABLE records; --")


def test_references_become_revisioned_links(store: RecordStore) -> None:
    person = store.create("person", {"name": "Айгүл Жумабаева"})
    other = store.create("person", {"name": "Бакыт Исаев"})
    template = store.templates.get("testimony")
    ref_field = next(f for f in template.fields if f.type == "reference" and "person" in f.targets)
    value = [person.id] if ref_field.multiple else person.id
    testimony = store.create("testimony", {"title": "Показания", ref_field.name: value})
    assert [(ln.target_id, ln.relation) for ln in store.links_from(testimony.id)] == [
        (person.id, ref_field.name)
    ]
    assert [ln.source_id for ln in store.links_to(person.id)] == [testimony.id]
    new_value = [other.id] if ref_field.multiple else other.id
    store.edit(testimony.id, {"title": "Показания", ref_field.name: new_value})
    assert [ln.target_id for ln in store.links_from(testimony.id)] == [other.id]
    assert store.links_to(person.id) == []
    rows = store.conn.execute("SELECT count(*) FROM link_revisions").fetchone()[0]
    assert rows == 3  # added, removed, added


def test_reference_to_missing_record_is_refused(store: RecordStore) -> None:
    template = store.templates.get("testimony")
    ref_field = next(f for f in template.fields if f.type == "reference" and "person" in f.targets)
    missing = "01900000-0000-7000-8000-000000000000"
    value = [missing] if ref_field.multiple else missing
    with pytest.raises(ValidationError) as info:
        store.create("testimony", {"title": "x", ref_field.name: value})
    assert info.value.field == ref_field.name


def test_reference_to_wrong_template_is_refused(store: RecordStore) -> None:
    template = store.templates.get("detention_visit")
    facility_field = template.field("facility")
    incident = store.create("incident", {"title": "Not a facility"})
    value = [incident.id] if facility_field.multiple else incident.id
    with pytest.raises(ValidationError):
        store.create("detention_visit", {"title": "Visit", "facility": value})


def test_every_write_is_audited(vault_handle: VaultHandle, store: RecordStore) -> None:
    record = store.create("case", {"title": "Дело № 1"})
    store.edit(record.id, {"title": "Дело № 1 (апелляция)"})
    actions = [(e.action, e.object_id) for e in audit.entries(store.conn)]
    assert ("record_create", record.id) in actions
    assert ("record_edit", record.id) in actions
    assert audit.verify_chain(store.conn, vault_handle.vault.vault_id) is None


def test_list_and_count(store: RecordStore) -> None:
    for index in range(5):
        store.create("person", {"name": f"Person {index}"})
    store.create("facility", {"name": "ИВС"})
    assert store.count() == 6
    assert store.count("person") == 5
    assert len(store.list("person", limit=2)) == 2
    assert [s.title for s in store.list("facility")] == ["ИВС"]


def test_check_passes_and_detects_tampered_revision(
    vault_handle: VaultHandle, store: RecordStore
) -> None:
    store.create("testimony", {"title": "x", "narrative": "y"})
    assert all(r.ok for r in run_checks(vault_handle.vault))
    conn = store.conn
    conn.execute("DROP TRIGGER revisions_append_only")
    conn.execute("UPDATE revisions SET document = replace(document, '\"y\"', '\"z\"')")
    assert verify_revision_hashes(conn)
    failing = [r.name for r in run_checks(vault_handle.vault) if not r.ok]
    assert failing == ["revision_hashes"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
        ),
        min_size=1,
        max_size=4,
    )
)
def test_edit_sequence_keeps_every_version(store: RecordStore, titles: list[str]) -> None:
    titles = [t for t in titles if t.strip()] or ["fallback"]
    record = store.create("incident", {"title": titles[0]})
    for title in titles[1:]:
        store.edit(record.id, {"title": title})
    revisions = store.revisions(record.id)
    assert [r.body["title"] for r in revisions] == titles
    assert [r.seq for r in revisions] == list(range(1, len(titles) + 1))
    assert store.get(record.id).summary.title == titles[-1]
