"""Record templates: loaded from data, used to validate, title, index and link record bodies.

Templates are JSON files in ``resources/templates/`` and thesauri JSON files in
``resources/thesauri/`` (DESIGN.md "Layout" and "Records"); this module is the only reader of
both. The template file format::

    {"name": "testimony", "format_version": 1,
     "labels": {"en": ..., "ru": ..., "ky": ...},
     "title_field": "title",
     "fields": [FIELD, ...]}

    FIELD = {"name": snake_case, "type": one of FIELD_TYPES, "labels": {"en", "ru", "ky"},
             "required": bool, "searchable": bool, "help": {"en", "ru", "ky"},   (optional)
             per type: "max_length" (text, long_text), "min" / "max" (integer),
             "thesaurus" + "multiple" (choice), "targets" + "multiple" (reference),
             "fields" (group, entries)}

Loading checks the templates themselves and raises :class:`~fielddoc.errors.TemplateError`
(naming the file and field) for: unknown keys or types, a label or help text missing in any of
en / ru / ky, names that are not snake_case, duplicate field names on one level, a
``title_field`` that is not a top-level text field, a thesaurus that does not exist, a
reference target that is not a loaded template, ``searchable`` on a type that has no text,
nesting deeper than :data:`MAX_NESTING`, a ``format_version`` other than
:data:`FORMAT_VERSION`, and a file name that differs from the template's name.

Record bodies are checked by :meth:`Template.validate` (rules in
:mod:`fielddoc.records.validation`); errors there are
:class:`~fielddoc.errors.ValidationError` with the dotted field path and never the value.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from fielddoc.canonical import MAX_SAFE_INTEGER
from fielddoc.errors import TemplateError, UnknownTemplateError, ValidationError
from fielddoc.records.thesauri import (
    Thesaurus,
    is_name,
    load_thesauri,
    parse_labels,
    pick_label,
    read_json,
)
from fielddoc.records.validation import (
    child_path,
    collect_references,
    collect_texts,
    safe_key,
    validate_object,
)

FORMAT_VERSION = 1
MAX_NESTING = 4
"""group / entries fields may nest this many levels below the top."""

DEFAULT_MAX_LENGTH: Mapping[str, int] = {"text": 500, "long_text": 1_000_000}
_LENGTH_CEILING: Mapping[str, int] = {"text": 10_000, "long_text": 1_000_000}

_COMMON_KEYS = frozenset({"name", "type", "labels", "required", "searchable", "help"})
_TYPE_KEYS: Mapping[str, frozenset[str]] = {
    "text": frozenset({"max_length"}),
    "long_text": frozenset({"max_length"}),
    "date": frozenset(),
    "time": frozenset(),
    "integer": frozenset({"min", "max"}),
    "boolean": frozenset(),
    "choice": frozenset({"thesaurus", "multiple"}),
    "reference": frozenset({"targets", "multiple"}),
    "group": frozenset({"fields"}),
    "entries": frozenset({"fields"}),
}
FIELD_TYPES: frozenset[str] = frozenset(_TYPE_KEYS)
CONTAINER_TYPES = frozenset({"group", "entries"})
_SEARCHABLE_TYPES = frozenset({"text", "long_text", "choice", "group", "entries"})
_TEMPLATE_KEYS = frozenset({"name", "format_version", "labels", "title_field", "fields"})
_INDEX_RE = re.compile(r"\[[0-9]+\]")


class UnknownFieldError(ValidationError, KeyError):
    """:meth:`Template.field` was asked for a field the template does not have.

    A :class:`ValidationError` (``field`` is the dotted path asked for) and a ``KeyError``.
    """

    code = "UNKNOWN_FIELD"


class UnknownThesaurusError(UnknownTemplateError, KeyError):
    """:meth:`TemplateSet.thesaurus` was asked for a thesaurus that is not loaded."""

    code = "UNKNOWN_THESAURUS"


@dataclasses.dataclass(frozen=True)
class Field:
    """One field of a template. Immutable; ``labels`` and ``help`` must not be mutated.

    ``max_length`` is set for text / long_text (default 500 / 1,000,000 characters) and is
    ``None`` otherwise; ``min`` / ``max`` only for integer; ``thesaurus`` only for choice;
    ``targets`` only for reference; ``fields`` only for group / entries; ``multiple`` only
    for choice and reference.
    """

    name: str
    type: str
    labels: dict[str, str] = dataclasses.field(hash=False)
    required: bool = False
    searchable: bool = False
    thesaurus: str | None = None
    multiple: bool = False
    targets: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    max_length: int | None = None
    min: int | None = None
    max: int | None = None
    help: dict[str, str] = dataclasses.field(default_factory=dict, hash=False)

    def label(self, lang: str) -> str:
        """Label in ``lang``; English for a language the field is not labelled in."""
        return pick_label(self.labels, lang)

    def help_text(self, lang: str) -> str:
        """Help in ``lang`` (English fallback); ``""`` when the field has none."""
        return pick_label(self.help, lang) if self.help else ""


class ThesaurusLookup(Protocol):
    def thesaurus(self, name: str) -> Thesaurus: ...


@dataclasses.dataclass(frozen=True)
class Template:
    """A record template. ``thesauri`` holds every thesaurus its choice fields use."""

    name: str
    labels: dict[str, str] = dataclasses.field(hash=False)
    title_field: str
    fields: tuple[Field, ...]
    format_version: int = FORMAT_VERSION
    thesauri: Mapping[str, Thesaurus] = dataclasses.field(
        default_factory=dict, repr=False, compare=False, hash=False
    )

    def label(self, lang: str) -> str:
        """Label in ``lang``; English for a language the template is not labelled in."""
        return pick_label(self.labels, lang)

    def field(self, dotted: str) -> Field:
        """The field at ``dotted`` (``"consent.scope"``; list indexes such as ``[2]`` ignored).

        Raises :class:`UnknownFieldError` when there is no such field.
        """
        parts = _INDEX_RE.sub("", dotted).split(".")
        level = self.fields
        found: Field | None = None
        for part in parts:
            found = next((spec for spec in level if spec.name == part), None)
            if found is None:
                break
            level = found.fields
        if found is None:
            path = ".".join(safe_key(part) for part in parts)
            raise UnknownFieldError(
                f"The template '{self.name}' has no field '{path}'.", field=path
            )
        return found

    def iter_fields(self) -> Iterator[tuple[str, Field]]:
        """``(dotted path, field)`` for every field, nested ones included, in template order."""

        def walk(level: tuple[Field, ...], prefix: str) -> Iterator[tuple[str, Field]]:
            for spec in level:
                path = child_path(prefix, spec.name)
                yield path, spec
                yield from walk(spec.fields, path)

        return walk(self.fields, "")

    def validate(self, body: object) -> dict[str, object]:
        """Check ``body`` and return it normalised (nulls dropped, keys in template order).

        Raises :class:`~fielddoc.errors.ValidationError` with ``field`` set to the dotted path
        of the first offending value; see :mod:`fielddoc.records.validation` for the rules.
        The input is not modified.
        """
        return validate_object(self.fields, body, "", self.thesauri)

    def title(self, body: Mapping[str, object]) -> str:
        """The value of the title field, or ``""`` when it is absent."""
        value = body.get(self.title_field) if isinstance(body, Mapping) else None
        return value if isinstance(value, str) else ""

    def searchable_texts(
        self,
        body: Mapping[str, object],
        thesauri: Mapping[str, Thesaurus] | ThesaurusLookup | None = None,
    ) -> list[str]:
        """Texts for the full-text index, in template order.

        The values of searchable text / long_text fields (nested ones included; a searchable
        group or entries field makes everything inside it searchable), plus the en, ru and ky
        labels of the terms chosen in searchable choice fields, so that a search in any of
        the three languages finds the record. ``thesauri`` is a :class:`TemplateSet`, a
        mapping of name to :class:`Thesaurus`, or ``None`` for the template's own.
        Expects a validated body; values of the wrong type are skipped.
        """
        source = self.thesauri if thesauri is None else thesauri

        def thesaurus_of(name: str) -> Thesaurus:
            if isinstance(source, Mapping):
                found: Thesaurus = source[name]
                return found
            return source.thesaurus(name)

        out: list[str] = []
        if isinstance(body, Mapping):
            collect_texts(self.fields, body, thesaurus_of, False, out)
        return out

    def references(self, body: Mapping[str, object]) -> list[tuple[str, str]]:
        """``(dotted field path without indexes, record id)`` for every reference value.

        Nested references are included (``("allegations_of_ill_treatment.person", id)``), in
        template order, then list order. Whether the target exists is for the store to check.
        """
        out: list[tuple[str, str]] = []
        if isinstance(body, Mapping):
            collect_references(self.fields, body, "", out)
        return out


class TemplateSet:
    """The loaded templates and thesauri. Read-only after construction."""

    def __init__(
        self, templates: Mapping[str, Template], thesauri: Mapping[str, Thesaurus]
    ) -> None:
        self._templates = dict(sorted(templates.items()))
        self._thesauri = dict(sorted(thesauri.items()))

    def get(self, name: str) -> Template:
        """The template called ``name``; :class:`~fielddoc.errors.UnknownTemplateError` if none."""
        try:
            return self._templates[name]
        except (KeyError, TypeError):
            raise UnknownTemplateError(
                f"There is no record template named '{safe_key(name)}'."
            ) from None

    def names(self) -> list[str]:
        """Template names, sorted."""
        return list(self._templates)

    def thesaurus(self, name: str) -> Thesaurus:
        """The thesaurus called ``name``; :class:`UnknownThesaurusError` if none."""
        try:
            return self._thesauri[name]
        except (KeyError, TypeError):
            raise UnknownThesaurusError(
                f"There is no thesaurus named '{safe_key(name)}'."
            ) from None

    def thesaurus_names(self) -> list[str]:
        """Thesaurus names, sorted."""
        return list(self._thesauri)

    def __iter__(self) -> Iterator[Template]:
        return iter(self._templates.values())

    def __len__(self) -> int:
        return len(self._templates)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._templates


# --- loading -----------------------------------------------------------------------------------


def load_templates(
    folder: Path | None = None, *, thesauri_folder: Path | None = None
) -> TemplateSet:
    """Load and check every template (``*.json`` in ``folder``) and the thesauri they use.

    Default: ``resource_path("templates")`` and ``resource_path("thesauri")``, loaded once per
    process and cached. With ``folder`` given, thesauri come from ``thesauri_folder`` or else
    from the ``thesauri`` folder beside ``folder`` (the shipped layout); this is not cached.
    Raises :class:`~fielddoc.errors.TemplateError` for a missing folder, an empty one, or any
    malformed template or thesaurus (see the module docstring).
    """
    if folder is None and thesauri_folder is None:
        return _load_default()
    if folder is None:
        from fielddoc.resources import resource_path

        folder = resource_path("templates")
    if thesauri_folder is None:
        thesauri_folder = folder.parent / "thesauri"
    return _load(folder, thesauri_folder)


@functools.cache
def _load_default() -> TemplateSet:
    from fielddoc.resources import resource_path

    return _load(resource_path("templates"), resource_path("thesauri"))


def _load(folder: Path, thesauri_folder: Path) -> TemplateSet:
    if not folder.is_dir():
        raise TemplateError("The templates folder is missing.")
    thesauri = load_thesauri(thesauri_folder)
    templates: dict[str, Template] = {}
    for path in sorted(folder.glob("*.json")):
        template = parse_template(read_json(path), path.name, thesauri, expected_name=path.stem)
        templates[template.name] = template
    if not templates:
        raise TemplateError("The templates folder holds no template.")
    for template in templates.values():
        for dotted, spec in template.iter_fields():
            for target in spec.targets:
                if target not in templates:
                    raise TemplateError(
                        f"{template.name}.json: field '{dotted}' refers to the template "
                        f"'{target}', which does not exist."
                    )
    return TemplateSet(templates, thesauri)


def parse_template(
    raw: Any,
    where: str,
    thesauri: Mapping[str, Thesaurus],
    expected_name: str | None = None,
) -> Template:
    """Build a :class:`Template` from a parsed JSON document, checking everything but targets."""
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: a template must be a JSON object.")
    unknown = set(raw) - _TEMPLATE_KEYS
    if unknown:
        raise TemplateError(f"{where}: unknown keys {sorted(unknown)}.")
    missing = _TEMPLATE_KEYS - set(raw)
    if missing:
        raise TemplateError(f"{where}: missing keys {sorted(missing)}.")
    name = raw["name"]
    if not isinstance(name, str) or not is_name(name):
        raise TemplateError(f"{where}: the template name must be a snake_case identifier.")
    if expected_name is not None and name != expected_name:
        raise TemplateError(f"{where}: the name '{name}' does not match the file name.")
    version = raw["format_version"]
    if type(version) is not int or version != FORMAT_VERSION:
        raise TemplateError(f"{where}: format_version must be {FORMAT_VERSION}.")
    labels = parse_labels(raw["labels"], f"{where}: template")
    fields = _parse_fields(raw["fields"], where, "", thesauri, 0)
    title_field = raw["title_field"]
    title_spec = next((spec for spec in fields if spec.name == title_field), None)
    if title_spec is None or title_spec.type != "text":
        raise TemplateError(f"{where}: title_field must name a top-level text field.")
    used = {spec.thesaurus for spec in _all_fields(fields) if spec.thesaurus is not None}
    return Template(
        name=name,
        labels=labels,
        title_field=title_spec.name,
        fields=fields,
        format_version=FORMAT_VERSION,
        thesauri={key: thesauri[key] for key in sorted(used)},
    )


def _all_fields(level: tuple[Field, ...]) -> Iterator[Field]:
    for spec in level:
        yield spec
        yield from _all_fields(spec.fields)


def _parse_fields(
    raw: object, where: str, prefix: str, thesauri: Mapping[str, Thesaurus], depth: int
) -> tuple[Field, ...]:
    if depth > MAX_NESTING:
        raise TemplateError(f"{where}: fields nest deeper than {MAX_NESTING} levels at '{prefix}'.")
    if not isinstance(raw, list) or not raw:
        raise TemplateError(f"{where}: '{prefix or 'fields'}' must have a non-empty field list.")
    parsed: list[Field] = []
    seen: set[str] = set()
    for position, item in enumerate(raw):
        spec = _parse_field(item, where, prefix, position=position, thesauri=thesauri, depth=depth)
        if spec.name in seen:
            raise TemplateError(
                f"{where}: the field '{child_path(prefix, spec.name)}' is duplicated."
            )
        seen.add(spec.name)
        parsed.append(spec)
    return tuple(parsed)


def _parse_field(
    raw: object,
    where: str,
    prefix: str,
    *,
    position: int,
    thesauri: Mapping[str, Thesaurus],
    depth: int,
) -> Field:
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: field #{position} under '{prefix}' is not an object.")
    name = raw.get("name")
    if not isinstance(name, str) or not is_name(name):
        raise TemplateError(f"{where}: field #{position} under '{prefix}' needs a snake_case name.")
    path = child_path(prefix, name)
    here = f"{where}: field '{path}'"
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in FIELD_TYPES:
        raise TemplateError(f"{here} has an unknown type.")
    unknown = set(raw) - _COMMON_KEYS - _TYPE_KEYS[kind]
    if unknown:
        raise TemplateError(f"{here} has keys its type does not take: {sorted(unknown)}.")
    searchable = _flag(raw, "searchable", here)
    if searchable and kind not in _SEARCHABLE_TYPES:
        raise TemplateError(f"{here}: a {kind} field cannot be searchable.")
    spec = Field(
        name=name,
        type=kind,
        labels=parse_labels(raw.get("labels"), here),
        required=_flag(raw, "required", here),
        searchable=searchable,
        multiple=_flag(raw, "multiple", here),
        help=parse_labels(raw["help"], f"{here} help") if "help" in raw else {},
        min=_optional_int(raw, "min", here),
        max=_optional_int(raw, "max", here),
    )
    if kind in DEFAULT_MAX_LENGTH:
        limit = _optional_int(raw, "max_length", here)
        if limit is None:
            limit = DEFAULT_MAX_LENGTH[kind]
        if not 1 <= limit <= _LENGTH_CEILING[kind]:
            raise TemplateError(f"{here}: max_length must be 1 to {_LENGTH_CEILING[kind]}.")
        spec = dataclasses.replace(spec, max_length=limit)
    elif kind == "integer":
        if spec.min is not None and spec.max is not None and spec.min > spec.max:
            raise TemplateError(f"{here}: min is greater than max.")
    elif kind == "choice":
        thesaurus = raw.get("thesaurus")
        if not isinstance(thesaurus, str) or thesaurus not in thesauri:
            raise TemplateError(f"{here} names a thesaurus that does not exist.")
        spec = dataclasses.replace(spec, thesaurus=thesaurus)
    elif kind == "reference":
        spec = dataclasses.replace(spec, targets=_targets(raw.get("targets"), here))
    elif kind in CONTAINER_TYPES:
        nested = _parse_fields(raw.get("fields"), where, path, thesauri, depth + 1)
        spec = dataclasses.replace(spec, fields=nested)
    return spec


def _flag(raw: Mapping[str, object], key: str, here: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise TemplateError(f"{here}: '{key}' must be true or false.")
    return value


def _optional_int(raw: Mapping[str, object], key: str, here: str) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if type(value) is not int or abs(value) > MAX_SAFE_INTEGER:
        raise TemplateError(f"{here}: '{key}' must be a whole number.")
    return value


def _targets(raw: object, here: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise TemplateError(f"{here}: targets must be a non-empty list of template names.")
    if not all(isinstance(item, str) and is_name(item) for item in raw):
        raise TemplateError(f"{here}: targets must be template names.")
    if len(set(raw)) != len(raw):
        raise TemplateError(f"{here}: targets repeat a template.")
    return tuple(str(item) for item in raw)
