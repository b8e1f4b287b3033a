"""``fielddoc record add|edit|show|list``, ``search`` and ``templates``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from fielddoc.cli.common import Context, say
from fielddoc.records import search as search_mod
from fielddoc.records.store import (
    DEFAULT_SENSITIVITY,
    SENSITIVITY_LEVELS,
    Record,
    RecordSummary,
    Revision,
)
from fielddoc.records.templates import Field, Template, load_templates


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    record = sub.add_parser("record", help="add, edit, show and list records")
    rsub = record.add_subparsers(dest="record_command", required=True)

    add = rsub.add_parser("add", help="add a record from a JSON file of its fields")
    add.add_argument("template")
    add.add_argument("--json-file", required=True, metavar="FILE", help="'-' reads stdin")
    add.add_argument("--sensitivity", choices=SENSITIVITY_LEVELS, default=DEFAULT_SENSITIVITY)
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    edit = rsub.add_parser("edit", help="append a revision with the fields in a JSON file")
    edit.add_argument("id")
    edit.add_argument("--json-file", required=True, metavar="FILE", help="'-' reads stdin")
    edit.add_argument("--sensitivity", choices=SENSITIVITY_LEVELS)
    edit.add_argument(
        "--base-revision", metavar="REV", help="refuse the edit if the record changed since REV"
    )
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=cmd_edit)

    show = rsub.add_parser("show", help="show a record (and its revision history)")
    show.add_argument("id")
    show.add_argument("--revisions", action="store_true")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    lst = rsub.add_parser("list", help="list records, newest first")
    lst.add_argument("--template")
    lst.add_argument("--limit", type=int)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    find = sub.add_parser("search", help="full-text search, names matched across scripts")
    find.add_argument("query")
    find.add_argument("--template")
    find.add_argument("--limit", type=int, default=search_mod.DEFAULT_LIMIT)
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=cmd_search)

    tmpl = sub.add_parser("templates", help="list record templates and their fields")
    tmpl.add_argument("name", nargs="?")
    tmpl.add_argument("--lang", default="en", choices=("en", "ru", "ky"))
    tmpl.add_argument("--json", action="store_true")
    tmpl.set_defaults(handler=cmd_templates, needs_vault=False)


def summary_json(summary: RecordSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "template": summary.template,
        "title": summary.title,
        "sensitivity": summary.sensitivity,
        "created_at": summary.created_at,
        "updated_at": summary.updated_at,
        "revisions": summary.revision_count,
        "head_revision": summary.head_revision,
    }


def revision_json(revision: Revision) -> dict[str, Any]:
    return {
        "id": revision.id,
        "seq": revision.seq,
        "parent": revision.parent_id,
        "sensitivity": revision.sensitivity,
        "author_device": revision.author_device,
        "created_at": revision.created_at,
        "sha256": revision.sha256,
        "body": revision.body,
    }


def record_json(record: Record) -> dict[str, Any]:
    return {**summary_json(record.summary), "body": record.body}


def cmd_add(ctx: Context) -> int:
    store = ctx.store()  # the passphrase line comes before the JSON on a shared stdin
    body = ctx.read_json_file(ctx.args.json_file, what="record file")
    record = store.create(ctx.args.template, body, sensitivity=ctx.args.sensitivity)
    ctx.emit({"id": record.id, "revision": record.summary.head_revision}, lambda: say(record.id))
    return 0


def cmd_edit(ctx: Context) -> int:
    store = ctx.store()
    body = ctx.read_json_file(ctx.args.json_file, what="record file")
    record = store.edit(
        ctx.args.id,
        body,
        base_revision=ctx.args.base_revision,
        sensitivity=ctx.args.sensitivity,
    )
    ctx.emit(
        {"id": record.id, "revision": record.summary.head_revision},
        lambda: say(record.summary.head_revision),
    )
    return 0


def cmd_show(ctx: Context) -> int:
    store = ctx.store()
    record = store.get(ctx.args.id)
    document = record_json(record)
    revisions = store.revisions(record.id) if ctx.args.revisions else []
    if ctx.args.revisions:
        document["revision_history"] = [revision_json(rev) for rev in revisions]
    links = store.links_from(record.id) + store.links_to(record.id)
    document["links"] = [
        {"source": ln.source_id, "target": ln.target_id, "relation": ln.relation} for ln in links
    ]

    def human() -> None:
        summary = record.summary
        say(f"{summary.title or '(untitled)'}")
        say(f"  id {summary.id}  {summary.template}  {summary.sensitivity}")
        say(f"  created {summary.created_at}  updated {summary.updated_at}")
        say(f"  {summary.revision_count} revision(s), newest {summary.head_revision}")
        say(json.dumps(record.body, ensure_ascii=False, indent=2))
        for rev in revisions:
            say(f"  rev {rev.seq}  {rev.created_at}  {rev.id}  sha256 {rev.sha256}")

    ctx.emit(document, human)
    return 0


def cmd_list(ctx: Context) -> int:
    rows = ctx.store().list(ctx.args.template, limit=ctx.args.limit)

    def human() -> None:
        for row in rows:
            say(f"{row.id}  {row.template:<16} {row.updated_at}  {row.title}")

    ctx.emit([summary_json(row) for row in rows], human)
    return 0


def cmd_search(ctx: Context) -> int:
    vault = ctx.open()
    hits = search_mod.search(
        vault.conn, ctx.args.query, template=ctx.args.template, limit=ctx.args.limit
    )

    def human() -> None:
        for hit in hits:
            say(f"{hit.id}  {hit.template:<16} {hit.title}")
        if not hits:
            say("no records match")

    ctx.emit([{"id": h.id, "template": h.template, "title": h.title} for h in hits], human)
    return 0


def _field_json(field: Field, lang: str) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": field.name,
        "type": field.type,
        "label": field.labels.get(lang) or field.labels.get("en", field.name),
        "required": field.required,
        "searchable": field.searchable,
    }
    if field.thesaurus:
        document["thesaurus"] = field.thesaurus
    if field.type in ("choice", "reference"):
        document["multiple"] = field.multiple
    if field.targets:
        document["targets"] = list(field.targets)
    if field.fields:
        document["fields"] = [_field_json(sub, lang) for sub in field.fields]
    return document


def _template_json(template: Template, lang: str) -> dict[str, Any]:
    return {
        "name": template.name,
        "label": template.label(lang),
        "title_field": template.title_field,
        "fields": [_field_json(field, lang) for field in template.fields],
    }


def cmd_templates(ctx: Context) -> int:
    templates = load_templates()
    lang = ctx.args.lang
    if ctx.args.name:
        chosen = [templates.get(ctx.args.name)]
    else:
        chosen = [templates.get(name) for name in templates.names()]

    def human() -> None:
        for template in chosen:
            say(f"{template.name:<16} {template.label(lang)}")
            if ctx.args.name:
                for field in template.fields:
                    flag = " (required)" if field.required else ""
                    say(f"    {field.name:<28} {field.type:<10}{flag}")

    ctx.emit([_template_json(t, lang) for t in chosen], human)
    return 0
