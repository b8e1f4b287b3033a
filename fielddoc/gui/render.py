"""A record as read-only HTML for the detail pane, labelled in the chosen language.

Every value is HTML-escaped (record text is never markup). Choice codes show their thesaurus
labels, references show the referenced record's title, dates stay as recorded (with their
precision). Used for the detail pane and the revision comparison.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from fielddoc.records.templates import Field, Template, TemplateSet


def _t(text: str) -> str:
    return QCoreApplication.translate("render", text)


def _value(
    field: Field, value: Any, templates: TemplateSet, lang: str, title_of: Callable[[str], str]
) -> str:
    if field.type == "boolean":
        return _t("yes") if value else _t("no")
    if field.type == "choice" and field.thesaurus:
        thesaurus = templates.thesaurus(field.thesaurus)
        codes = value if isinstance(value, list) else [value]
        return ", ".join(html.escape(thesaurus.label(str(code), lang)) for code in codes)
    if field.type == "reference":
        ids = value if isinstance(value, list) else [value]
        return ", ".join(html.escape(title_of(str(i))) for i in ids)
    if field.type == "long_text":
        return html.escape(str(value)).replace("\n", "<br>")
    return html.escape(str(value))


def _fields(
    fields: tuple[Field, ...],
    body: dict[str, Any],
    templates: TemplateSet,
    lang: str,
    title_of: Callable[[str], str],
) -> str:
    rows = []
    for field in fields:
        if field.name not in body or body[field.name] in (None, "", []):
            continue
        label = html.escape(field.label(lang))
        value = body[field.name]
        if field.type == "group" and isinstance(value, dict):
            inner = _fields(field.fields, value, templates, lang, title_of)
            rows.append(f"<tr><th colspan='2' align='left'>{label}</th></tr>{inner}")
        elif field.type == "entries" and isinstance(value, list):
            rows.append(f"<tr><th colspan='2' align='left'>{label}</th></tr>")
            for number, entry in enumerate(value, start=1):
                inner = _fields(field.fields, entry, templates, lang, title_of)
                rows.append(
                    f"<tr><td valign='top'>{number}.</td><td><table>{inner}</table></td></tr>"
                )
        else:
            rendered = _value(field, value, templates, lang, title_of)
            rows.append(f"<tr><td valign='top'><b>{label}</b></td><td>{rendered}</td></tr>")
    return "".join(rows)


def record_html(
    template: Template,
    body: dict[str, Any],
    templates: TemplateSet,
    lang: str,
    title_of: Callable[[str], str],
    *,
    heading: str = "",
) -> str:
    title = html.escape(heading or template.title(body) or _t("(untitled)"))
    table = _fields(template.fields, body, templates, lang, title_of)
    kind = html.escape(template.label(lang))
    return f"<h2>{title}</h2><p><i>{kind}</i></p><table cellspacing='4'>{table}</table>"
