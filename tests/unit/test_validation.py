"""Record bodies against the shipped templates: required fields, types, dotted error paths,
normalisation, and property tests (only ValidationError escapes; validate is idempotent;
unknown keys are always refused; errors never echo the value)."""

# Russian prose has one-letter Cyrillic words that RUF001 takes for Latin look-alikes.

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielddoc.errors import ValidationError
from fielddoc.records.templates import Field, Template, TemplateSet, load_templates
from fielddoc.records.thesauri import is_name
from fielddoc.records.validation import UNKNOWN_KEY, date_bounds, is_partial_date

TITLED = ["testimony", "detention_visit", "incident", "case"]
NAMED = ["person", "facility", "organisation"]
ALL = TITLED + NAMED

P1 = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"  # person ids (UUIDv7, lower case)
P2 = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c"
P3 = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d"
ORG = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1b00"
FAC = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1c00"
INC = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1d00"
CASE = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1e00"
TST = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1f00"

SECRET = "Жумабаева Айгүл, тел. +996 555 123 456"

# Fictional, realistic records: one per template, every kind of field filled in.
RICH: dict[str, dict[str, Any]] = {
    "testimony": {
        "title": "Обыск в редакции и изъятие техники",
        "interview_date": "2024-01-20",
        "interview_start_time": "14:30",
        "interview_place": "Бишкек, нейтральное помещение",
        "interview_mode": "in_person",
        "interviewer": "Монитор А.",
        "interpreter": "",
        "language": "russian",
        "interviewee": P1,
        "interviewee_code": "T-2024-017",
        "source_connection": "eyewitness",
        "consent": {
            "given": True,
            "method": "oral",
            "scope": ["internal_documentation", "international_bodies"],
            "recorded_by": "Монитор А.",
            "recorded_at": "2024-01-20",
            "withdrawn": False,
        },
        "anonymity": "anonymous",
        "pseudonym": "Сотрудница редакции",
        "risk_level": "high",
        "safety_concerns": "Опасается повторного вызова на допрос.\nНе звонить на мобильный.",
        "events_date": "2024-01",
        "events_place": "Редакция, Бишкек",
        "acts_described": ["search_and_seizure", "sealing_of_premises", "non_disclosure_order"],
        "summary": "Обыск без постановления, изъятие ноутбуков, подписка о неразглашении.",
        "narrative": (
            "Опрашиваемая сообщила, что утром сотрудники в штатском вошли в редакцию без "
            "предъявления постановления, изъяли ноутбуки, телефоны и папки с документами.\n\n"
            "Троих сотрудников увезли на допрос и отпустили вечером. Офис опечатан."
        ),
        "people_mentioned": [P2, P3],
        "incidents": [INC],
        "cases": [CASE],
        "referrals": ["legal_aid", "psychological_support"],
        "follow_up": "Связаться с адвокатом редакции через две недели.",
        "interviewer_observations": "Рассказ последовательный, детали совпадают с фото.",
    },
    "detention_visit": {
        "title": "Посещение ИВС, областной центр",
        "facility": FAC,
        "visit_type": "unannounced",
        "visit_date": "2024-02-12",
        "arrival_time": "09:40",
        "departure_time": "12:45",
        "team": [
            {"name": "Монитор А.", "organisation": "НПО «Укук»", "role": "руководитель группы"},
            {"name": "Dr B.", "role": "врач"},
        ],
        "access": "partially_granted",
        "access_notes": "Доступ ко всем камерам предоставлен, к журналу регистрации — нет.",
        "registers_checked": False,
        "officials_met": "Начальник ИВС, дежурный",
        "people_interviewed": [
            {
                "person": P1,
                "sex": "male",
                "in_private": True,
                "language": "kyrgyz",
                "interpreter_used": False,
                "duration_minutes": 35,
                "consent_scope": ["internal_documentation"],
                "notes": "Сообщил об ударах при доставлении.",
            },
            {"anonymised_code": "DV-02", "sex": "female", "in_private": False},
        ],
        "conditions": {
            "occupancy": 6,
            "capacity": 4,
            "occupancy_notes": "Камера №4: 6 человек на 9 кв. м.",
            "space": {"rating": "inadequate", "notes": "Нет индивидуальных спальных мест."},
            "sanitation": {"rating": "needs_improvement"},
            "food": {"rating": "adequate", "notes": "Трёхразовое питание."},
            "health_care": {
                "rating": "inadequate",
                "notes": "Медосмотр при поступлении не проводится.",
            },
            "light_and_air": {
                "rating": "inhuman_or_degrading",
                "notes": "Нет окна, вентиляция не работает.",
            },
            "exercise": {"rating": "not_assessed"},
            "contact_with_family": {"rating": "needs_improvement"},
            "contact_with_lawyer": {
                "rating": "inadequate",
                "notes": "Адвоката допустили на четвёртый день.",
            },
            "complaints": {"rating": "inadequate"},
        },
        "allegations_of_ill_treatment": [
            {
                "person": P1,
                "date": "2024-02-08",
                "stage": "during_transport",
                "methods": ["beating", "threats_against_relatives"],
                "alleged_perpetrators": "Двое сотрудников в форме",
                "description": "Удары по спине и ногам в машине по пути в отдел.",
                "reported_to_authorities": False,
                "consent_to_report": True,
                "fear_of_reprisals": True,
            }
        ],
        "injuries_observed": [
            {
                "person": P1,
                "body_location": "запястья",
                "description": "Ссадины на обоих запястьях, около 2 см",
                "observed_by": "Dr B.",
                "photographed": True,
                "medical_examination": False,
            }
        ],
        "follow_up": [
            {
                "action": "Направить обращение в прокуратуру",
                "responsible": "Монитор А.",
                "due_date": "2024-02-20",
                "status": "open",
            }
        ],
        "recommendations": "Обеспечить медицинский осмотр каждого поступающего.",
        "narrative": "Визит длился 3 часа; двое задержанных в приватной беседе сообщили об ударах.",
    },
    "incident": {
        "title": "Блокировка независимого новостного сайта",
        "date": "2024-03",
        "end_date": "2024-09",
        "time": "10:00",
        "date_approximate": True,
        "location": "онлайн",
        "location_type": "online",
        "region": "Бишкек",
        "country": "Кыргызстан",
        "acts": ["blocking_of_website", "censorship"],
        "rights_affected": ["freedom_of_expression"],
        "victims": [ORG],
        "number_of_victims": 1,
        "perpetrators": [ORG],
        "perpetrator_types": ["ministry_or_agency"],
        "facility": FAC,
        "narrative": "Министерство заблокировало сайт издания без решения суда.",
        "response_of_authorities": "Ссылка на закон о ложной информации.",
        "sources": [
            {
                "source_type": "media_report",
                "description": "Заявление редакции",
                "date": "2024-03-02",
            },
            {"source_type": "testimony", "record": TST},
            {"reference": "https://example.org/statement"},
        ],
        "testimonies": [TST],
        "cases": [CASE],
    },
    "case": {
        "title": "Дело о «призывах к массовым беспорядкам»",
        "case_number": "01-2024-0042",
        "court": "Первомайский районный суд",
        "court_organisation": ORG,
        "judge": "Судья Б.",
        "investigating_body": "Следственный отдел",
        "opened_on": "2024-01-16",
        "charges": [
            {"article": "УК ст. 278 ч. 3", "description": "Призывы к массовым беспорядкам"},
            {"article": "УК ст. 329", "dropped": True},
        ],
        "defendants": [P1, P2],
        "lawyers": [P3],
        "status_timeline": [
            {"date": "2024-01-16", "status": "arrested"},
            {"date": "2024-01-16", "status": "detained_temporary", "facility": FAC},
            {"date": "2024-01-29", "status": "pre_trial_detention", "next_hearing": "2024-03-28"},
            {"date": "2024-03", "status": "house_arrest", "defendant": P2, "note": "Решение суда"},
            {"date": "2024-10-10", "status": "verdict_convicted"},
            {"date": "2024-11", "status": "appeal"},
        ],
        "closed_hearings": True,
        "trial_monitored": False,
        "sentence": "5 лет лишения свободы",
        "incidents": [INC],
        "narrative": "Обвинения связаны с видеорепортажами о коррупции.",
    },
    "person": {
        "name": "Жумабаева Айгүл",
        "other_names": [
            {"name": "Zhumabaeva Aigul", "note": "паспорт"},
            {"name": "Jumabaeva Aigül"},
        ],
        "sex": "female",
        "date_of_birth": "1991",
        "age": 33,
        "ethnicity": "кыргызка",
        "citizenship": "Кыргызстан",
        "languages": ["kyrgyz", "russian"],
        "occupation": "journalist",
        "occupation_details": "редактор, независимое издание",
        "roles": ["victim", "journalist"],
        "organisations": [ORG],
        "region": "Чуйская область",
        "contact": "Только через коллегу, лично.",
        "notes": "Выехала из страны в мае.",
    },
    "facility": {
        "name": "ИВС ГУВД, областной центр",
        "facility_type": "temporary_detention_facility",
        "authority": "Министерство внутренних дел",
        "authority_organisation": ORG,
        "address": "ул. Примерная, 1",
        "region": "Ошская область",
        "country": "Кыргызстан",
        "capacity": 40,
        "notes": "Рассчитан на содержание до 48 часов.",
    },
    "organisation": {
        "name": "Независимое информагентство",
        "other_names": [{"name": "Independent News Agency"}],
        "organisation_type": "media_outlet",
        "parent_organisation": ORG,
        "address": "Бишкек",
        "region": "Бишкек",
        "country": "Кыргызстан",
        "website": "https://example.org",
        "notes": "Офис опечатан с января по апрель.",
    },
}


@pytest.fixture(scope="module")
def templates() -> TemplateSet:
    return load_templates()


def error_of(template: Template, body: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        template.validate(body)
    return info.value


# --- required fields --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_rich_realistic_body_validates_unchanged(templates: TemplateSet, name: str) -> None:
    template = templates.get(name)
    assert template.validate(RICH[name]) == RICH[name]


@pytest.mark.parametrize("name", ALL)
def test_rich_bodies_use_every_top_level_field(templates: TemplateSet, name: str) -> None:
    template = templates.get(name)
    assert set(RICH[name]) == {spec.name for spec in template.fields}


@pytest.mark.parametrize(
    ("name", "key"), [(n, "title") for n in TITLED] + [(n, "name") for n in NAMED]
)
def test_only_the_title_or_name_is_required(templates: TemplateSet, name: str, key: str) -> None:
    template = templates.get(name)
    assert template.validate({key: "Черновик"}) == {key: "Черновик"}
    assert [spec.name for spec in template.fields if spec.required] == [key]
    for body in ({}, {key: None}, {key: ""}, {key: "   "}, {key: "\t"}):
        assert error_of(template, body).field == key
    # every other field may be left out, one at a time or all together
    for spec in template.fields:
        partial = {k: v for k, v in RICH[name].items() if k != spec.name}
        if spec.name == key:
            assert error_of(template, partial).field == key
        else:
            template.validate(partial)


def test_required_inside_entries_applies_only_when_entry_present(templates: TemplateSet) -> None:
    case = templates.get("case")
    assert case.validate({"title": "x", "status_timeline": []}) == {
        "title": "x",
        "status_timeline": [],
    }
    assert error_of(case, {"title": "x", "status_timeline": [{"status": "trial"}]}).field == (
        "status_timeline[0].date"
    )
    body = {
        "title": "x",
        "status_timeline": [{"date": "2024", "status": "trial"}, {"date": "2024"}],
    }
    assert error_of(case, body).field == "status_timeline[1].status"
    visit = templates.get("detention_visit")
    assert error_of(visit, {"title": "x", "team": [{"role": "врач"}]}).field == "team[0].name"
    assert error_of(visit, {"title": "x", "team": [{"name": " "}]}).field == "team[0].name"
    assert error_of(visit, {"title": "x", "follow_up": [{}]}).field == "follow_up[0].action"


def test_nulls_count_as_absent_and_are_dropped(templates: TemplateSet) -> None:
    testimony = templates.get("testimony")
    body = {
        "title": "x",
        "narrative": None,
        "consent": {"given": None, "method": "oral", "scope": None},
        "incidents": None,
    }
    assert testimony.validate(body) == {"title": "x", "consent": {"method": "oral"}}
    assert body["narrative"] is None  # the input is not modified
    visit = templates.get("detention_visit")
    clean = visit.validate({"title": "x", "team": [{"name": "A", "role": None}]})
    assert clean == {"title": "x", "team": [{"name": "A"}]}


def test_result_is_in_template_order_and_a_copy(templates: TemplateSet) -> None:
    testimony = templates.get("testimony")
    body = {"narrative": "n", "consent": {"scope": ["legal_proceedings"]}, "title": "t"}
    clean = testimony.validate(body)
    assert list(clean) == ["title", "consent", "narrative"]
    clean["consent"]["scope"].append("x")  # type: ignore[index]
    assert body["consent"] == {"scope": ["legal_proceedings"]}


# --- types and dotted paths -------------------------------------------------------------------

BAD: list[tuple[str, dict[str, Any], str]] = [
    ("testimony", {"interview_date": "2024-02-30"}, "interview_date"),
    ("testimony", {"interview_date": "2023-02-29"}, "interview_date"),
    ("testimony", {"interview_date": "2024-13"}, "interview_date"),
    ("testimony", {"interview_date": "2024-00"}, "interview_date"),
    ("testimony", {"interview_date": "0000"}, "interview_date"),
    ("testimony", {"interview_date": "24-01-01"}, "interview_date"),
    ("testimony", {"interview_date": "2024-1-5"}, "interview_date"),
    ("testimony", {"interview_date": "2024-01-05T10:00"}, "interview_date"),
    ("testimony", {"interview_date": "2024-01-05\n"}, "interview_date"),
    ("testimony", {"interview_date": "２０２４"}, "interview_date"),
    ("testimony", {"interview_date": 2024}, "interview_date"),
    ("testimony", {"interview_date": ""}, "interview_date"),
    ("testimony", {"interview_start_time": "24:00"}, "interview_start_time"),
    ("testimony", {"interview_start_time": "9:30"}, "interview_start_time"),
    ("testimony", {"interview_start_time": "09:60"}, "interview_start_time"),
    ("testimony", {"interview_start_time": "09:30:00"}, "interview_start_time"),
    ("testimony", {"consent": {"given": "yes"}}, "consent.given"),
    ("testimony", {"consent": {"given": 1}}, "consent.given"),
    ("testimony", {"consent": {"method": "sms"}}, "consent.method"),
    ("testimony", {"consent": {"method": ["oral"]}}, "consent.method"),
    ("testimony", {"consent": {"scope": "internal_documentation"}}, "consent.scope"),
    (
        "testimony",
        {"consent": {"scope": ["named_publication", "named_publication"]}},
        "consent.scope[1]",
    ),
    (
        "testimony",
        {"consent": {"scope": ["internal_documentation", "everything"]}},
        "consent.scope[1]",
    ),
    ("testimony", {"consent": {"scope": [None]}}, "consent.scope[0]"),
    ("testimony", {"consent": {"recorded_at": "yesterday"}}, "consent.recorded_at"),
    ("testimony", {"consent": "given"}, "consent"),
    ("testimony", {"consent": ["given"]}, "consent"),
    ("testimony", {"interviewee": "not-an-id"}, "interviewee"),
    ("testimony", {"interviewee": P1.upper()}, "interviewee"),
    ("testimony", {"interviewee": [P1]}, "interviewee"),
    ("testimony", {"people_mentioned": [P1, "x"]}, "people_mentioned[1]"),
    ("testimony", {"people_mentioned": [P1, P1]}, "people_mentioned[1]"),
    ("testimony", {"people_mentioned": P1}, "people_mentioned"),
    ("testimony", {"title": "two\nlines"}, "title"),
    ("testimony", {"title": "carriage\rreturn"}, "title"),
    ("testimony", {"title": "x" * 301}, "title"),
    ("testimony", {"title": 5}, "title"),
    ("testimony", {"narrative": "nul\x00byte"}, "narrative"),
    ("testimony", {"narrative": "lone \ud800 surrogate"}, "narrative"),
    ("testimony", {"narrative": {"text": "x"}}, "narrative"),
    ("testimony", {"acts_described": ["torture", "teleportation"]}, "acts_described[1]"),
    ("detention_visit", {"conditions": {"occupancy": -1}}, "conditions.occupancy"),
    ("detention_visit", {"conditions": {"occupancy": True}}, "conditions.occupancy"),
    ("detention_visit", {"conditions": {"occupancy": 1.5}}, "conditions.occupancy"),
    ("detention_visit", {"conditions": {"occupancy": "6"}}, "conditions.occupancy"),
    ("detention_visit", {"conditions": {"capacity": 2**60}}, "conditions.capacity"),
    ("detention_visit", {"conditions": {"space": {"rating": "awful"}}}, "conditions.space.rating"),
    ("detention_visit", {"conditions": "bad"}, "conditions"),
    (
        "detention_visit",
        {"people_interviewed": [{"duration_minutes": 2000}]},
        "people_interviewed[0].duration_minutes",
    ),
    (
        "detention_visit",
        {"people_interviewed": [{}, {"in_private": "yes"}]},
        "people_interviewed[1].in_private",
    ),
    ("detention_visit", {"people_interviewed": [{"person": "p1"}]}, "people_interviewed[0].person"),
    ("detention_visit", {"team": {"name": "A"}}, "team"),
    ("detention_visit", {"team": ["A"]}, "team[0]"),
    ("detention_visit", {"team": [None]}, "team[0]"),
    ("detention_visit", {"access": "granted_sometimes"}, "access"),
    ("detention_visit", {"facility": [FAC]}, "facility"),
    (
        "detention_visit",
        {"follow_up": [{"action": "a", "due_date": "2024-02-31"}]},
        "follow_up[0].due_date",
    ),
    (
        "case",
        {"status_timeline": [{"date": "2024-01", "status": "convicted"}]},
        "status_timeline[0].status",
    ),
    (
        "case",
        {"status_timeline": [{"date": "2024-01", "status": "trial", "next_hearing": "soon"}]},
        "status_timeline[0].next_hearing",
    ),
    ("case", {"charges": [{"article": "ст. 278", "dropped": "no"}]}, "charges[0].dropped"),
    ("incident", {"acts": "torture"}, "acts"),
    ("incident", {"end_date": "2024-02-30"}, "end_date"),
    ("incident", {"number_of_victims": -3}, "number_of_victims"),
    ("incident", {"sources": [{"source_type": "rumour"}]}, "sources[0].source_type"),
    ("person", {"age": 131}, "age"),
    ("person", {"roles": ["victim", "hero"]}, "roles[1]"),
    ("person", {"other_names": [{"note": "без имени"}]}, "other_names[0].name"),
    ("facility", {"capacity": "forty"}, "capacity"),
    ("organisation", {"organisation_type": "club"}, "organisation_type"),
]


@pytest.mark.parametrize(("name", "extra", "path"), BAD)
def test_bad_values_name_the_dotted_field(
    templates: TemplateSet, name: str, extra: dict[str, Any], path: str
) -> None:
    key = "title" if name in TITLED else "name"
    err = error_of(templates.get(name), {key: "x", **extra})
    assert err.field == path
    assert f"'{path}'" in err.message
    assert err.code == "INVALID_RECORD"


@pytest.mark.parametrize(
    "value", ["2024", "2024-02", "2024-02-29", "0001-01-01", "9999-12-31", "2023-12"]
)
def test_partial_dates_of_every_precision_are_accepted(templates: TemplateSet, value: str) -> None:
    incident = templates.get("incident")
    assert incident.validate({"title": "x", "date": value}) == {"title": "x", "date": value}


def test_date_bounds_follow_the_calendar() -> None:
    assert date_bounds("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert date_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_bounds("2023-02") == (date(2023, 2, 1), date(2023, 2, 28))
    assert date_bounds("2024-03-15") == (date(2024, 3, 15), date(2024, 3, 15))
    for bad in ("2024-02-30", "2024-13", "0000", "", "2024-", "20240", "2024-03-15 "):
        with pytest.raises(ValueError, match=r"."):
            date_bounds(bad)
        assert not is_partial_date(bad)
    assert not is_partial_date(2024)


def test_codes_at_any_depth_of_a_thesaurus_are_accepted(templates: TemplateSet) -> None:
    incident = templates.get("incident")
    body = {"title": "x", "acts": ["deprivation_of_liberty", "arbitrary_arrest", "smear_campaign"]}
    assert incident.validate(body) == body


def test_text_allows_tabs_and_long_text_allows_line_breaks(templates: TemplateSet) -> None:
    testimony = templates.get("testimony")
    body = {"title": "a\tb", "narrative": "line 1\nline 2\r\n\tline 3"}
    assert testimony.validate(body) == body


def test_optional_text_may_be_empty(templates: TemplateSet) -> None:
    assert templates.get("testimony").validate({"title": "x", "interpreter": ""}) == {
        "title": "x",
        "interpreter": "",
    }


def test_required_multiple_or_entries_must_not_be_empty() -> None:
    spec = Field(
        name="tags",
        type="reference",
        labels={"en": "t"},
        required=True,
        multiple=True,
        targets=("person",),
    )
    template = Template(name="t", labels={"en": "t"}, title_field="tags", fields=(spec,))
    assert error_of(template, {"tags": []}).field == "tags"
    assert template.validate({"tags": [P1]}) == {"tags": [P1]}


@pytest.mark.parametrize("body", [None, [], "title", 5, True, [{"title": "x"}]])
def test_body_must_be_an_object(templates: TemplateSet, body: object) -> None:
    err = error_of(templates.get("testimony"), body)
    assert err.field is None


# --- unknown keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "body", "path"),
    [
        ("testimony", {"title": "x", "colour": "red"}, "colour"),
        ("testimony", {"title": "x", "consent": {"given": True, "sms": True}}, "consent.sms"),
        (
            "detention_visit",
            {"title": "x", "team": [{"name": "A"}, {"name": "B", "age": 3}]},
            "team[1].age",
        ),
        (
            "detention_visit",
            {"title": "x", "conditions": {"space": {"rating": "adequate", "m2": 9}}},
            "conditions.space.m2",
        ),
        (
            "case",
            {"title": "x", "status_timeline": [{"date": "2024", "status": "trial", "who": "x"}]},
            "status_timeline[0].who",
        ),
        ("person", {"name": "x", "title": "x"}, "title"),
        ("testimony", {"title": "x", "Имя Фамилия": "x"}, UNKNOWN_KEY),
        ("testimony", {"title": "x", "consent": {"Given": True}}, f"consent.{UNKNOWN_KEY}"),
        ("testimony", {"title": "x", 5: "x"}, UNKNOWN_KEY),
    ],
)
def test_unknown_keys_are_refused_at_every_level(
    templates: TemplateSet, name: str, body: dict[Any, Any], path: str
) -> None:
    assert error_of(templates.get(name), body).field == path


# --- errors never carry record content --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("testimony", {"title": SECRET * 20}),
        ("testimony", {"title": SECRET + "\n"}),
        ("testimony", {"interview_date": SECRET}),
        ("testimony", {"interview_start_time": SECRET}),
        ("testimony", {"consent": {"method": SECRET}}),
        ("testimony", {"consent": {"scope": [SECRET]}}),
        ("testimony", {"interviewee": SECRET}),
        ("testimony", {"people_mentioned": [SECRET]}),
        ("testimony", {SECRET: "x"}),
        ("testimony", {"consent": {SECRET: True}}),
        ("detention_visit", {"conditions": {"occupancy": SECRET}}),
        ("detention_visit", {"team": [{"name": SECRET, SECRET: 1}]}),
        ("case", {"status_timeline": [{"date": SECRET, "status": "trial"}]}),
        ("person", {"age": 123456789}),
    ],
)
def test_error_messages_never_contain_the_value(
    templates: TemplateSet, name: str, body: dict[str, Any]
) -> None:
    key = "title" if name in TITLED else "name"
    full = {key: "x", **body}
    err = error_of(templates.get(name), full)
    for text in (str(err), err.message, err.field or "", repr(err.args)):
        assert "Жумабаева" not in text
        assert "555" not in text
        assert "123456789" not in text


# --- property tests ---------------------------------------------------------------------------

safe_ints = st.integers(min_value=-(2**53 - 1), max_value=2**53 - 1)
any_text = st.text(max_size=20)
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | safe_ints | st.floats(allow_nan=True) | any_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=20,
)
line_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
long_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\r")


def value_strategy(spec: Field, templates: TemplateSet) -> st.SearchStrategy[Any]:
    """Valid values for ``spec`` (so bodies built from them must validate)."""
    kind = spec.type
    limit = min(spec.max_length or 40, 40)
    if kind == "text":
        text = st.text(line_chars, max_size=limit)
        return text.filter(lambda s: s.strip()) if spec.required else text
    if kind == "long_text":
        return st.text(long_chars, max_size=limit)
    if kind == "date":
        days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
        return st.tuples(days, st.integers(1, 3)).map(
            lambda pair: "-".join(
                [f"{pair[0].year:04d}", f"{pair[0].month:02d}", f"{pair[0].day:02d}"][: pair[1]]
            )
        )
    if kind == "time":
        return st.times().map(lambda moment: moment.strftime("%H:%M"))
    if kind == "integer":
        low = spec.min if spec.min is not None else -(2**53 - 1)
        high = spec.max if spec.max is not None else 2**53 - 1
        return st.integers(min_value=low, max_value=high)
    if kind == "boolean":
        return st.booleans()
    if kind == "choice":
        assert spec.thesaurus is not None
        one = st.sampled_from(sorted(templates.thesaurus(spec.thesaurus).codes()))
        return st.lists(one, unique=True, max_size=4) if spec.multiple else one
    if kind == "reference":
        ids = st.uuids().map(str)
        return st.lists(ids, unique=True, max_size=3) if spec.multiple else ids
    if kind == "group":
        return object_strategy(spec.fields, templates)
    assert kind == "entries"
    return st.lists(object_strategy(spec.fields, templates), max_size=2)


def object_strategy(
    fields: tuple[Field, ...], templates: TemplateSet
) -> st.SearchStrategy[dict[str, Any]]:
    required = {spec.name: value_strategy(spec, templates) for spec in fields if spec.required}
    optional = {
        spec.name: st.none() | value_strategy(spec, templates)
        for spec in fields
        if not spec.required
    }
    return st.fixed_dictionaries(required, optional=optional)


def drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def field_aware_junk(template: Template) -> st.SearchStrategy[dict[str, Any]]:
    """Objects whose keys are (mostly) real field names but whose values are arbitrary JSON."""
    keys = st.sampled_from([spec.name for spec in template.fields]) | any_text
    return st.dictionaries(keys, json_values, max_size=6)


PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.parametrize("name", ALL)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_validate_raises_only_validation_error(
    templates: TemplateSet, name: str, data: st.DataObject
) -> None:
    template = templates.get(name)
    body = data.draw(json_values | field_aware_junk(template))
    error: ValidationError | None = None
    try:
        clean = template.validate(body)
    except ValidationError as err:
        error = err
    if error is None:
        assert template.validate(clean) == clean
    else:
        assert error.code == "INVALID_RECORD"
        assert error.field is None or isinstance(error.field, str)


@pytest.mark.parametrize("name", ALL)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_valid_bodies_validate_and_validation_is_idempotent(
    templates: TemplateSet, name: str, data: st.DataObject
) -> None:
    template = templates.get(name)
    body = data.draw(object_strategy(template.fields, templates))
    clean = template.validate(body)
    assert clean == drop_nulls(body)
    assert template.validate(clean) == clean


@pytest.mark.parametrize("name", ALL)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_unknown_keys_are_always_refused(
    templates: TemplateSet, name: str, data: st.DataObject
) -> None:
    template = templates.get(name)
    body = data.draw(object_strategy(template.fields, templates))
    known = {spec.name for spec in template.fields}
    key = data.draw(any_text.filter(lambda k: k not in known))
    value = data.draw(json_values)
    err = error_of(template, {**body, key: value})
    assert err.field == (key if is_name(key) else UNKNOWN_KEY)


@PROPERTY_SETTINGS
@given(text=st.text(line_chars, min_size=4, max_size=30))
def test_rejected_text_values_are_never_echoed(templates: TemplateSet, text: str) -> None:
    secret = "§" + text  # "§" appears in no message, so a hit can only be an echo
    testimony = templates.get("testimony")
    for body in (
        {"title": "x", "interview_date": secret},
        {"title": "x", "consent": {"scope": [secret]}},
        {"title": "x", "interviewee": secret},
        {"title": "x" + secret * 100},
    ):
        err = error_of(testimony, body)
        assert secret not in err.message
        assert secret not in (err.field or "")
