"""The shipped templates and thesauri, the loader's checks on template files, and the
Template / TemplateSet / Thesaurus API (labels, field lookup, search texts, references)."""

# Labels are Russian and Kyrgyz; RUF001 takes single Cyrillic letters for Latin look-alikes.

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fielddoc.errors import TemplateError, UnknownTemplateError, ValidationError
from fielddoc.records.templates import (
    FIELD_TYPES,
    Field,
    TemplateSet,
    UnknownFieldError,
    UnknownThesaurusError,
    load_templates,
)
from fielddoc.records.thesauri import LANGUAGES, NAME_RE, Term, Thesaurus
from fielddoc.resources import resource_path

TITLED = ["testimony", "detention_visit", "incident", "case"]
NAMED = ["person", "facility", "organisation"]
ALL = TITLED + NAMED
CYRILLIC = re.compile(r"[А-Яа-яЁёӨөҮүҢң]")
KYRGYZ_LETTERS = re.compile(r"[ӨөҮүҢң]")
P1 = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"
P2 = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c"
FAC = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1c00"


@pytest.fixture(scope="module")
def templates() -> TemplateSet:
    return load_templates()


def codes(templates: TemplateSet, thesaurus: str) -> frozenset[str]:
    return templates.thesaurus(thesaurus).codes()


def top_codes(templates: TemplateSet, thesaurus: str) -> set[str]:
    return {code for code, depth, _labels in templates.thesaurus(thesaurus).flat() if depth == 0}


# --- the shipped data -------------------------------------------------------------------------


def test_every_template_loads(templates: TemplateSet) -> None:
    assert set(ALL) <= set(templates.names())
    assert templates.names() == sorted(templates.names())
    assert [t.name for t in templates] == templates.names()
    assert len(templates) == len(templates.names())
    assert "testimony" in templates
    assert "diary" not in templates


def test_default_set_is_loaded_once(templates: TemplateSet) -> None:
    assert load_templates() is templates


def test_loading_from_a_copy_gives_the_same_templates(
    tmp_path: Path, templates: TemplateSet
) -> None:
    shutil.copytree(resource_path("templates"), tmp_path / "templates")
    shutil.copytree(resource_path("thesauri"), tmp_path / "thesauri")
    copy = load_templates(tmp_path / "templates")
    assert copy is not templates
    assert copy.names() == templates.names()
    assert copy.get("case") == templates.get("case")
    explicit = load_templates(tmp_path / "templates", thesauri_folder=tmp_path / "thesauri")
    assert explicit.thesaurus_names() == templates.thesaurus_names()


def all_labels(templates: TemplateSet) -> list[tuple[str, dict[str, str]]]:
    found: list[tuple[str, dict[str, str]]] = []
    for template in templates:
        found.append((template.name, template.labels))
        for path, spec in template.iter_fields():
            found.append((f"{template.name}.{path}", spec.labels))
            if spec.help:
                found.append((f"{template.name}.{path} help", spec.help))
    for name in templates.thesaurus_names():
        for code, _depth, labels in templates.thesaurus(name).flat():
            found.append((f"{name}:{code}", labels))
    return found


def test_everything_is_labelled_in_english_russian_and_kyrgyz(templates: TemplateSet) -> None:
    for where, labels in all_labels(templates):
        for lang in LANGUAGES:
            assert labels.get(lang, "").strip(), f"{where} has no '{lang}' label"
        assert not CYRILLIC.search(labels["en"]), f"{where}: the English label is not English"
        assert CYRILLIC.search(labels["ru"]), f"{where}: the Russian label is not Cyrillic"
        assert CYRILLIC.search(labels["ky"]), f"{where}: the Kyrgyz label is not Cyrillic"


def test_kyrgyz_labels_are_kyrgyz_not_copies_of_russian(templates: TemplateSet) -> None:
    labels = all_labels(templates)
    same = [where for where, lab in labels if lab["ky"] == lab["ru"]]
    assert len(same) < len(labels) // 10  # only loan words such as "Журналист", "Апелляция"
    with_kyrgyz_letters = sum(1 for _where, lab in labels if KYRGYZ_LETTERS.search(lab["ky"]))
    assert with_kyrgyz_letters > len(labels) // 5  # letters Russian lacks
    expected = {
        "testimony": "Көрсөтмө",
        "detention_visit": "Кармоо жайына баруу",
        "incident": "Окуя",
        "case": "Иш",
        "person": "Адам",
        "facility": "Мекеме",
        "organisation": "Уюм",
    }
    for name, kyrgyz in expected.items():
        assert templates.get(name).label("ky") == kyrgyz
        assert templates.get(name).label("ky") != templates.get(name).label("ru")


def test_names_are_stable_snake_case_and_unique_per_level(templates: TemplateSet) -> None:
    def check(level: tuple[Field, ...]) -> None:
        names = [spec.name for spec in level]
        assert len(names) == len(set(names))
        for spec in level:
            assert NAME_RE.fullmatch(spec.name)
            assert spec.type in FIELD_TYPES
            check(spec.fields)

    for template in templates:
        assert NAME_RE.fullmatch(template.name)
        check(template.fields)
    for name in templates.thesaurus_names():
        assert all(NAME_RE.fullmatch(code) for code in codes(templates, name))


@pytest.mark.parametrize("name", TITLED)
def test_documentation_templates_have_a_searchable_narrative(
    templates: TemplateSet, name: str
) -> None:
    narrative = templates.get(name).field("narrative")
    assert narrative.type == "long_text"
    assert narrative.searchable
    assert not narrative.required
    assert narrative.max_length == 1_000_000


@pytest.mark.parametrize(
    ("name", "key"), [(n, "title") for n in TITLED] + [(n, "name") for n in NAMED]
)
def test_title_field_and_the_single_required_field(
    templates: TemplateSet, name: str, key: str
) -> None:
    template = templates.get(name)
    assert template.title_field == key
    assert template.field(key).type == "text"
    assert template.field(key).searchable
    assert [spec.name for spec in template.fields if spec.required] == [key]


def test_testimony_carries_structured_consent(templates: TemplateSet) -> None:
    testimony = templates.get("testimony")
    consent = testimony.field("consent")
    assert consent.type == "group"
    types = {spec.name: spec.type for spec in consent.fields}
    assert types == {
        "given": "boolean",
        "method": "choice",
        "scope": "choice",
        "recorded_by": "text",
        "recorded_at": "date",
        "withdrawn": "boolean",
        "withdrawn_at": "date",
        "withdrawal_note": "text",
    }
    method = testimony.field("consent.method")
    assert method.thesaurus is not None
    assert not method.multiple
    assert codes(templates, method.thesaurus) == {"oral", "written", "recorded"}
    scope = testimony.field("consent.scope")
    assert scope.multiple
    assert scope.thesaurus is not None
    assert codes(templates, scope.thesaurus) == {
        "internal_documentation",
        "anonymised_publication",
        "named_publication",
        "international_bodies",
        "legal_proceedings",
    }
    assert "UN" in templates.thesaurus(scope.thesaurus).label("international_bodies", "en")
    assert testimony.field("interviewee").targets == ("person",)
    for name in (
        "interviewer",
        "interview_date",
        "interview_place",
        "language",
        "anonymity",
        "safety_concerns",
    ):
        testimony.field(name)


def test_detention_visit_follows_monitoring_practice(templates: TemplateSet) -> None:
    visit = templates.get("detention_visit")
    assert visit.field("facility").targets == ("facility",)
    assert visit.field("visit_date").type == "date"
    assert visit.field("arrival_time").type == "time"
    assert visit.field("departure_time").type == "time"
    assert visit.field("team").type == "entries"
    access = visit.field("access")
    assert access.thesaurus is not None
    assert codes(templates, access.thesaurus) == {
        "granted",
        "partially_granted",
        "refused",
        "delayed",
    }
    assert visit.field("access_notes").type == "long_text"
    assert visit.field("people_interviewed").type == "entries"
    assert visit.field("people_interviewed.person").targets == ("person",)
    assert visit.field("people_interviewed.anonymised_code").type == "text"
    assert visit.field("people_interviewed.in_private").type == "boolean"
    assert visit.field("conditions").type == "group"
    assert visit.field("conditions.occupancy").type == "integer"
    assert visit.field("conditions.capacity").type == "integer"
    assert visit.field("conditions.occupancy").min == 0
    for area in (
        "space",
        "sanitation",
        "food",
        "health_care",
        "light_and_air",
        "contact_with_family",
        "contact_with_lawyer",
    ):
        assert visit.field(f"conditions.{area}").type == "group"
        assert visit.field(f"conditions.{area}.rating").type == "choice"
        assert visit.field(f"conditions.{area}.notes").type == "long_text"
    assert visit.field("allegations_of_ill_treatment").type == "entries"
    assert visit.field("injuries_observed").type == "entries"
    assert visit.field("follow_up").type == "entries"
    assert visit.field("follow_up.due_date").type == "date"


def test_incident_follows_the_huridocs_events_format(templates: TemplateSet) -> None:
    incident = templates.get("incident")
    assert incident.field("date").type == "date"
    assert incident.field("end_date").type == "date"
    for name in ("location", "region", "country"):
        assert incident.field(name).type == "text"
    acts = incident.field("acts")
    assert acts.multiple
    assert acts.searchable
    assert acts.thesaurus == "types_of_acts"
    assert {
        "arbitrary_arrest",
        "torture",
        "ill_treatment",
        "enforced_disappearance",
        "search_and_seizure",
        "blocking_of_website",
        "ban_on_assembly",
        "dispersal_of_assembly",
        "threats",
        "surveillance",
    } <= codes(templates, "types_of_acts")
    assert incident.field("rights_affected").thesaurus == "rights"
    assert "freedom_of_expression" in codes(templates, "rights")
    assert set(incident.field("victims").targets) == {"person", "organisation"}
    assert set(incident.field("perpetrators").targets) == {"person", "organisation"}
    assert incident.field("perpetrator_types").thesaurus == "perpetrator_types"
    assert incident.field("sources").type == "entries"
    for name in ("types_of_acts", "rights", "occupations", "languages", "source_types"):
        assert "HURIDOCS" in templates.thesaurus(name).source


def test_case_has_a_status_timeline(templates: TemplateSet) -> None:
    case = templates.get("case")
    for name in ("case_number", "court", "charges", "charges.article", "charges.description"):
        case.field(name)
    assert case.field("defendants").targets == ("person",)
    assert case.field("defendants").multiple
    timeline = case.field("status_timeline")
    assert timeline.type == "entries"
    assert case.field("status_timeline.date").required
    assert case.field("status_timeline.date").type == "date"
    assert case.field("status_timeline.next_hearing").type == "date"
    assert case.field("status_timeline.note").type == "text"
    assert case.field("status_timeline.status").thesaurus == "case_statuses"
    assert codes(templates, "case_statuses") == {
        "arrested",
        "detained_temporary",
        "pre_trial_detention",
        "house_arrest",
        "released_on_bail",
        "released_with_travel_ban",
        "charges_dropped",
        "trial",
        "verdict_convicted",
        "verdict_acquitted",
        "sentence_suspended",
        "probation",
        "appeal",
        "cassation",
        "pardoned",
        "amnesty",
        "released",
        "transferred",
    }
    assert "IVS" in templates.thesaurus("case_statuses").label("detained_temporary", "en")


def test_person_facility_and_organisation(templates: TemplateSet) -> None:
    person = templates.get("person")
    for name in ("other_names", "sex", "date_of_birth", "ethnicity", "citizenship", "notes"):
        person.field(name)
    assert person.field("occupation").thesaurus == "occupations"
    assert {"victim", "witness", "journalist", "blogger", "lawyer", "activist"} <= codes(
        templates, "person_roles"
    )
    assert "ensitive" in person.field("contact").help_text("en")
    assert not person.field("contact").searchable
    facility = templates.get("facility")
    for name in ("authority", "address", "region", "capacity", "notes"):
        facility.field(name)
    facility_types = templates.thesaurus("facility_types")
    assert "IVS" in facility_types.label("temporary_detention_facility", "en")
    assert "SIZO" in facility_types.label("pre_trial_detention_centre", "en")
    assert {
        "penal_colony",
        "police_station",
        "psychiatric_institution",
        "migrant_detention_centre",
    } <= (facility_types.codes())
    organisation = templates.get("organisation")
    assert organisation.field("organisation_type").thesaurus == "organisation_types"
    assert {"media_outlet", "ngo", "government_body", "court", "political_party"} <= codes(
        templates, "organisation_types"
    )


def test_every_reference_targets_a_loaded_template(templates: TemplateSet) -> None:
    for template in templates:
        for _path, spec in template.iter_fields():
            assert all(target in templates for target in spec.targets)
            assert (spec.type == "reference") == bool(spec.targets)


# --- API --------------------------------------------------------------------------------------


def test_labels_fall_back_to_english(templates: TemplateSet) -> None:
    testimony = templates.get("testimony")
    assert testimony.label("en") == "Testimony"
    assert testimony.label("ru") == "Показания"
    assert testimony.label("de") == "Testimony"
    assert testimony.field("consent").label("uz") == testimony.field("consent").label("en")
    statuses = templates.thesaurus("case_statuses")
    assert statuses.label("house_arrest", "ky") == "Үй камагы"
    assert statuses.label("house_arrest", "fr") == "House arrest"
    assert statuses.label("no_longer_exists", "ru") == "no_longer_exists"
    assert templates.get("facility").field("region").help_text("en") == ""


def test_field_lookup_by_dotted_path(templates: TemplateSet) -> None:
    case = templates.get("case")
    assert case.field("status_timeline[3].status") is case.field("status_timeline.status")
    assert case.field("charges[0].article").name == "article"
    visit = templates.get("detention_visit")
    assert visit.field("conditions.space.rating").thesaurus == "condition_ratings"
    for missing in ("colour", "consent.sms", "status_timeline.date.day", "", "Имя.x"):
        with pytest.raises(UnknownFieldError) as info:
            case.field(missing)
        assert isinstance(info.value, ValidationError)
        assert isinstance(info.value, KeyError)
        assert "Имя" not in str(info.value)
    with pytest.raises(KeyError):
        case.field("nothing")


def test_iter_fields_lists_nested_fields(templates: TemplateSet) -> None:
    paths = [path for path, _spec in templates.get("testimony").iter_fields()]
    assert paths[0] == "title"
    assert "consent.scope" in paths
    assert paths.index("consent") < paths.index("consent.given")


def test_unknown_template_and_thesaurus(templates: TemplateSet) -> None:
    with pytest.raises(UnknownTemplateError) as info:
        templates.get("diary")
    assert "diary" in str(info.value)
    with pytest.raises(UnknownTemplateError) as info:
        templates.get("Иванов Иван")
    assert "Иванов" not in str(info.value)
    with pytest.raises(UnknownThesaurusError) as th_info:
        templates.thesaurus("colours")
    assert th_info.value.code == "UNKNOWN_THESAURUS"


def test_thesaurus_tree_and_flat_view(templates: TemplateSet) -> None:
    acts = templates.thesaurus("types_of_acts")
    flat = acts.flat()
    assert [code for code, _depth, _labels in flat][:2] == [
        "deprivation_of_liberty",
        "arbitrary_arrest",
    ]
    depths = {code: depth for code, depth, _labels in flat}
    assert depths["deprivation_of_liberty"] == 0
    assert depths["torture"] == 1
    assert "torture" in acts.codes()
    assert "torture" in acts
    assert len(flat) == len(acts.codes())
    assert "deprivation_of_liberty" in top_codes(templates, "types_of_acts")
    assert acts.labels("torture")["ky"] == "Кыйноо"
    assert acts.labels("nothing") == {}


def test_thesaurus_refuses_duplicate_codes() -> None:
    term = Term(code="a", labels={"en": "A"})
    with pytest.raises(TemplateError, match="twice"):
        Thesaurus(
            name="t", source="", terms=(term, Term(code="b", labels={"en": "B"}, children=(term,)))
        )


def test_title(templates: TemplateSet) -> None:
    assert templates.get("incident").title({"title": "Разгон митинга"}) == "Разгон митинга"
    assert templates.get("person").title({"name": "Жээнбеков"}) == "Жээнбеков"
    assert templates.get("person").title({}) == ""


def test_searchable_texts(templates: TemplateSet) -> None:
    testimony = templates.get("testimony")
    body = testimony.validate(
        {
            "title": "Задержание блогера",
            "narrative": "Со слов брата, блогера задержали у дома.",
            "safety_concerns": "адрес семьи",
            "interviewer": "Монитор А.",
            "consent": {"recorded_by": "Монитор Б."},
            "acts_described": ["arbitrary_arrest", "torture"],
            "language": "russian",
        }
    )
    texts = testimony.searchable_texts(body, templates)
    assert texts == [
        "Задержание блогера",
        "Arbitrary arrest",
        "Произвольное задержание",
        "Өзүм билемдик менен кармоо",
        "Torture",
        "Пытки",
        "Кыйноо",
        "Со слов брата, блогера задержали у дома.",
    ]
    assert "адрес семьи" not in texts  # safety concerns are not indexed
    assert "Монитор А." not in texts
    assert "Монитор Б." not in texts
    assert "Русский" not in texts  # language is not a searchable choice
    mapping = {name: templates.thesaurus(name) for name in templates.thesaurus_names()}
    assert testimony.searchable_texts(body, mapping) == texts
    assert testimony.searchable_texts(body) == texts


def test_searchable_texts_include_nested_fields_and_skip_duplicate_labels(
    templates: TemplateSet,
) -> None:
    visit = templates.get("detention_visit")
    body = visit.validate(
        {
            "title": "Посещение СИЗО",
            "people_interviewed": [{"notes": "беседа в коридоре"}],
            "conditions": {"space": {"rating": "inadequate", "notes": "нет окна"}},
            "allegations_of_ill_treatment": [{"description": "удары", "methods": ["beating"]}],
        }
    )
    texts = visit.searchable_texts(body, templates)
    for text in (
        "Посещение СИЗО",
        "беседа в коридоре",
        "нет окна",
        "удары",
        "Beating",
        "Избиение",
        "Уруп-сабоо",
    ):
        assert text in texts
    assert "Inadequate" not in texts  # the rating is not searchable
    person = templates.get("person")
    texts = person.searchable_texts(
        person.validate({"name": "Исаев", "roles": ["journalist"]}), templates
    )
    assert texts == ["Исаев", "Journalist", "Журналист"]  # ru and ky labels are the same word


def test_references_with_paths_without_indexes(templates: TemplateSet) -> None:
    visit = templates.get("detention_visit")
    body = visit.validate(
        {
            "title": "x",
            "facility": FAC,
            "people_interviewed": [{"person": P1}, {"anonymised_code": "A-1"}, {"person": P2}],
            "allegations_of_ill_treatment": [{"person": P1}],
        }
    )
    assert visit.references(body) == [
        ("facility", FAC),
        ("people_interviewed.person", P1),
        ("people_interviewed.person", P2),
        ("allegations_of_ill_treatment.person", P1),
    ]
    testimony = templates.get("testimony")
    assert testimony.references(
        testimony.validate({"title": "x", "people_mentioned": [P2, P1]})
    ) == [
        ("people_mentioned", P2),
        ("people_mentioned", P1),
    ]
    assert testimony.references({"title": "x"}) == []
    for path, _target in visit.references(body):
        assert visit.field(path).type == "reference"


# --- the loader's checks on template files ----------------------------------------------------

L3 = {"en": "Note", "ru": "Заметка", "ky": "Эскертме"}


def base_template() -> dict[str, Any]:
    return {
        "name": "note",
        "format_version": 1,
        "labels": dict(L3),
        "title_field": "title",
        "fields": [
            {"name": "title", "type": "text", "labels": dict(L3), "required": True},
            {"name": "colour", "type": "choice", "labels": dict(L3), "thesaurus": "colours"},
            {"name": "about", "type": "reference", "labels": dict(L3), "targets": ["note"]},
            {
                "name": "items",
                "type": "entries",
                "labels": dict(L3),
                "fields": [{"name": "what", "type": "text", "labels": dict(L3)}],
            },
        ],
    }


def base_thesaurus() -> dict[str, Any]:
    return {
        "name": "colours",
        "source": "",
        "terms": [
            {
                "code": "red",
                "labels": dict(L3),
                "children": [{"code": "dark_red", "labels": dict(L3)}],
            },
            {"code": "blue", "labels": dict(L3)},
        ],
    }


def write_set(tmp_path: Path, template: dict[str, Any], thesaurus: dict[str, Any]) -> Path:
    (tmp_path / "templates").mkdir(exist_ok=True)
    (tmp_path / "thesauri").mkdir(exist_ok=True)
    (tmp_path / "templates" / "note.json").write_text(json.dumps(template), encoding="utf-8")
    (tmp_path / "thesauri" / "colours.json").write_text(json.dumps(thesaurus), encoding="utf-8")
    return tmp_path / "templates"


def test_a_minimal_template_set_loads(tmp_path: Path) -> None:
    loaded = load_templates(write_set(tmp_path, base_template(), base_thesaurus()))
    note = loaded.get("note")
    assert note.validate({"title": "x", "colour": "dark_red", "items": [{"what": "y"}]})
    assert note.field("title").max_length == 500
    assert loaded.thesaurus("colours").codes() == {"red", "dark_red", "blue"}


Mutation = Callable[[dict[str, Any], dict[str, Any]], None]


def _set(path: list[Any], value: Any) -> Mutation:
    def mutate(template: dict[str, Any], _thesaurus: dict[str, Any]) -> None:
        target: Any = template
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _del(path: list[Any]) -> Mutation:
    def mutate(template: dict[str, Any], _thesaurus: dict[str, Any]) -> None:
        target: Any = template
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


def _thesaurus(mutation: Callable[[dict[str, Any]], None]) -> Mutation:
    def mutate(_template: dict[str, Any], thesaurus: dict[str, Any]) -> None:
        mutation(thesaurus)

    return mutate


def _duplicate_field(template: dict[str, Any], _thesaurus: dict[str, Any]) -> None:
    template["fields"].append(dict(template["fields"][1]))


def _duplicate_nested(template: dict[str, Any], _thesaurus: dict[str, Any]) -> None:
    nested = template["fields"][3]["fields"]
    nested.append(dict(nested[0]))


def _too_deep(template: dict[str, Any], _thesaurus: dict[str, Any]) -> None:
    inner: dict[str, Any] = {"name": "leaf", "type": "text", "labels": dict(L3)}
    for level in range(6):
        inner = {"name": f"level_{level}", "type": "group", "labels": dict(L3), "fields": [inner]}
    template["fields"].append(inner)


def _duplicate_code(thesaurus: dict[str, Any]) -> None:
    thesaurus["terms"][1]["code"] = "dark_red"


def _missing_term_label(thesaurus: dict[str, Any]) -> None:
    del thesaurus["terms"][0]["children"][0]["labels"]["ky"]


def _bad_code(thesaurus: dict[str, Any]) -> None:
    thesaurus["terms"][1]["code"] = "Blue"


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (_set(["fields", 1, "type"], "colour_picker"), "unknown type"),
        (_del(["labels", "ky"]), "'ky'"),
        (_del(["fields", 0, "labels", "ru"]), "'ru'"),
        (_del(["fields", 3, "fields", 0, "labels", "ky"]), "items.what"),
        (_set(["fields", 3, "fields", 0, "labels", "ky"], " "), "items.what"),
        (_set(["fields", 0, "help"], {"en": "Help"}), "help"),
        (_set(["fields", 1, "thesaurus"], "shades"), "thesaurus"),
        (_duplicate_field, "duplicated"),
        (_duplicate_nested, "items.what"),
        (_set(["fields", 1, "name"], "Colour"), "snake_case"),
        (_set(["fields", 1, "name"], "colour-name"), "snake_case"),
        (_set(["fields", 1, "name"], "2nd_colour"), "snake_case"),
        (_set(["name"], "Note"), "snake_case"),
        (_set(["name"], "memo"), "file name"),
        (_set(["title_field"], "subject"), "title_field"),
        (_set(["title_field"], "colour"), "title_field"),
        (_del(["title_field"]), "missing"),
        (_set(["format_version"], 2), "format_version"),
        (_set(["format_version"], True), "format_version"),
        (_set(["extra"], 1), "unknown keys"),
        (_set(["fields", 0, "maxlength"], 10), "does not take"),
        (_set(["fields", 0, "thesaurus"], "colours"), "does not take"),
        (_set(["fields", 0, "max_length"], 0), "max_length"),
        (_set(["fields", 0, "required"], "yes"), "required"),
        (_set(["fields", 2, "targets"], ["memo"]), "memo"),
        (_set(["fields", 2, "targets"], []), "targets"),
        (_set(["fields", 3, "fields"], []), "non-empty"),
        (_set(["fields", 2, "searchable"], True), "searchable"),
        (_set(["fields"], []), "non-empty"),
        (_set(["fields", 1, "multiple"], 1), "multiple"),
        (_too_deep, "deeper"),
        (_thesaurus(_duplicate_code), "twice"),
        (_thesaurus(_missing_term_label), "'ky'"),
        (_thesaurus(_bad_code), "snake_case"),
        (_thesaurus(lambda th: th.update(name="shades")), "file name"),
        (_thesaurus(lambda th: th.update(terms=[])), "non-empty"),
    ],
)
def test_malformed_templates_are_refused(tmp_path: Path, mutation: Mutation, message: str) -> None:
    template, thesaurus = base_template(), base_thesaurus()
    mutation(template, thesaurus)
    folder = write_set(tmp_path, template, thesaurus)
    with pytest.raises(TemplateError) as info:
        load_templates(folder)
    assert message in str(info.value)
    assert info.value.code == "TEMPLATE_INVALID"


def test_integer_bounds_must_be_ordered(tmp_path: Path) -> None:
    template = base_template()
    template["fields"].append(
        {"name": "count", "type": "integer", "labels": dict(L3), "min": 5, "max": 1}
    )
    with pytest.raises(TemplateError, match="min is greater"):
        load_templates(write_set(tmp_path, template, base_thesaurus()))


def test_duplicate_json_keys_are_refused(tmp_path: Path) -> None:
    folder = write_set(tmp_path, base_template(), base_thesaurus())
    text = (folder / "note.json").read_text(encoding="utf-8")
    (folder / "note.json").write_text(
        text.replace('"format_version": 1', '"format_version": 1, "format_version": 1')
    )
    with pytest.raises(TemplateError, match="repeats"):
        load_templates(folder)


def test_missing_or_empty_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="missing"):
        load_templates(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(TemplateError, match="no template"):
        load_templates(tmp_path / "empty")
    folder = write_set(tmp_path, base_template(), base_thesaurus())
    with pytest.raises(TemplateError, match="thesaurus"):  # choice field, thesauri folder absent
        load_templates(folder, thesauri_folder=tmp_path / "nowhere")
