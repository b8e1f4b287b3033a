"""Thesauri: the controlled vocabularies that ``choice`` fields draw their codes from.

A thesaurus is a JSON file in ``resources/thesauri/`` (DESIGN.md "Records")::

    {"name": "case_statuses", "source": "...",
     "terms": [{"code": "arrested", "labels": {"en": ..., "ru": ..., "ky": ...},
                "children": [TERM, ...]}]}

``source`` names the HURIDOCS Micro-thesaurus a list follows where one exists (optional,
``""`` when absent). ``children`` is optional; a code may be chosen at any depth.

Invariants of a loaded :class:`Thesaurus`:

- ``name`` equals the file name without ``.json`` and is snake_case;
- every code is snake_case and unique within the thesaurus (at any depth);
- every term has a non-empty label in each of :data:`LANGUAGES` (and may carry more languages).

Failure behaviour: any breach raises :class:`~fielddoc.errors.TemplateError` naming the file
and the offending term path. Thesauri are shipped data, so this is a packaging error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fielddoc.canonical import loads_strict
from fielddoc.errors import InputError, TemplateError

LANGUAGES: tuple[str, ...] = ("en", "ru", "ky")
"""Languages every template, field and term must be labelled in; ``en`` is the fallback."""

FALLBACK_LANGUAGE = "en"

NAME_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
"""snake_case identifiers: field names, template names, thesaurus names and term codes."""

MAX_NAME_LENGTH = 64
_EXTRA_LANGUAGE_RE = re.compile(r"[a-z]{2,3}")
_MAX_TERM_DEPTH = 6
_THESAURUS_KEYS = frozenset({"name", "source", "terms"})
_TERM_KEYS = frozenset({"code", "labels", "children"})


def is_name(text: object) -> bool:
    """True for a snake_case identifier of at most :data:`MAX_NAME_LENGTH` characters."""
    return (
        isinstance(text, str)
        and len(text) <= MAX_NAME_LENGTH
        and NAME_RE.fullmatch(text) is not None
    )


def pick_label(labels: Mapping[str, str], lang: str) -> str:
    """``labels[lang]``, falling back to English for a language the labels do not have."""
    return labels.get(lang) or labels.get(FALLBACK_LANGUAGE, "")


def parse_labels(raw: object, where: str) -> dict[str, str]:
    """Check a ``{"en": ..., "ru": ..., "ky": ...}`` object from a template or thesaurus file.

    Every language in :data:`LANGUAGES` must be present with non-empty, single-line text.
    Further two- or three-letter language codes are allowed (for later translations).
    Raises :class:`TemplateError` naming ``where``.
    """
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: labels must be an object of language -> text.")
    for lang in LANGUAGES:
        if lang not in raw:
            raise TemplateError(f"{where}: the label in '{lang}' is missing.")
    labels: dict[str, str] = {}
    for lang, text in raw.items():
        if not isinstance(lang, str) or _EXTRA_LANGUAGE_RE.fullmatch(lang) is None:
            raise TemplateError(f"{where}: labels have a key that is not a language code.")
        if not isinstance(text, str) or not text.strip() or "\n" in text:
            raise TemplateError(
                f"{where}: the label in '{lang}' must be non-empty single-line text."
            )
        labels[lang] = text
    return labels


@dataclass(frozen=True)
class Term:
    """One entry of a thesaurus; ``children`` are narrower terms (may be empty)."""

    code: str
    labels: dict[str, str] = field(hash=False)
    children: tuple[Term, ...] = ()

    def label(self, lang: str) -> str:
        return pick_label(self.labels, lang)


@dataclass(frozen=True)
class Thesaurus:
    """A named tree of terms. Build it with :func:`load_thesaurus` or directly from terms.

    Lookup by code is O(1); the tree keeps the file's order, which is the display order.
    """

    name: str
    source: str
    terms: tuple[Term, ...]
    _index: dict[str, Term] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index: dict[str, Term] = {}
        for term, _depth in _walk(self.terms, 0):
            if term.code in index:
                raise TemplateError(
                    f"Thesaurus '{self.name}': the code '{term.code}' appears twice."
                )
            index[term.code] = term
        object.__setattr__(self, "_index", index)

    def label(self, code: str, lang: str) -> str:
        """Label of ``code`` in ``lang`` (English when ``lang`` is unknown).

        A code the thesaurus does not (or no longer) hold is returned unchanged, so that old
        records always display something; validation is where unknown codes are refused.
        """
        term = self._index.get(code)
        return code if term is None else term.label(lang)

    def labels(self, code: str) -> dict[str, str]:
        """All labels of ``code`` (empty when the code is unknown). Do not mutate."""
        term = self._index.get(code)
        return {} if term is None else term.labels

    def codes(self) -> frozenset[str]:
        """Every code at any depth."""
        return frozenset(self._index)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._index

    def flat(self) -> list[tuple[str, int, dict[str, str]]]:
        """``(code, depth, labels)`` for every term in display (pre-)order; roots have depth 0."""
        return [(term.code, depth, term.labels) for term, depth in _walk(self.terms, 0)]


def _walk(terms: tuple[Term, ...], depth: int) -> Iterator[tuple[Term, int]]:
    for term in terms:
        yield term, depth
        yield from _walk(term.children, depth + 1)


def _parse_terms(raw: object, where: str, depth: int) -> tuple[Term, ...]:
    if not isinstance(raw, list) or not raw:
        raise TemplateError(f"{where}: terms must be a non-empty list.")
    if depth > _MAX_TERM_DEPTH:
        raise TemplateError(f"{where}: terms are nested deeper than {_MAX_TERM_DEPTH} levels.")
    terms: list[Term] = []
    for position, item in enumerate(raw):
        here = f"{where}[{position}]"
        if not isinstance(item, dict):
            raise TemplateError(f"{here}: a term must be an object.")
        unknown = set(item) - _TERM_KEYS
        if unknown:
            raise TemplateError(f"{here}: unknown keys {sorted(unknown)}.")
        code = item.get("code")
        if not isinstance(code, str) or not is_name(code):
            raise TemplateError(f"{here}: the code must be a snake_case identifier.")
        labels = parse_labels(item.get("labels"), f"{here} ({code})")
        children: tuple[Term, ...] = ()
        if "children" in item:
            children = _parse_terms(item["children"], f"{here}.children", depth + 1)
        terms.append(Term(code=code, labels=labels, children=children))
    return tuple(terms)


def parse_thesaurus(raw: Any, where: str, expected_name: str | None = None) -> Thesaurus:
    """Build a :class:`Thesaurus` from a parsed JSON document (see module docstring)."""
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: a thesaurus must be a JSON object.")
    unknown = set(raw) - _THESAURUS_KEYS
    if unknown:
        raise TemplateError(f"{where}: unknown keys {sorted(unknown)}.")
    name = raw.get("name")
    if not isinstance(name, str) or not is_name(name):
        raise TemplateError(f"{where}: the name must be a snake_case identifier.")
    if expected_name is not None and name != expected_name:
        raise TemplateError(f"{where}: the name '{name}' does not match the file name.")
    source = raw.get("source", "")
    if not isinstance(source, str):
        raise TemplateError(f"{where}: source must be text.")
    return Thesaurus(name=name, source=source, terms=_parse_terms(raw.get("terms"), where, 0))


def read_json(path: Path) -> Any:
    """Parse a shipped JSON file strictly (no duplicate keys, no floats) or raise TemplateError."""
    try:
        data = path.read_bytes()
    except OSError:
        raise TemplateError(f"{path.name}: the file cannot be read.") from None
    try:
        return loads_strict(data, what=f"file {path.name}")
    except InputError as err:
        raise TemplateError(f"{path.name}: {err.message}") from None


def load_thesauri(folder: Path) -> dict[str, Thesaurus]:
    """Every ``*.json`` thesaurus in ``folder``, by name. A missing folder gives ``{}``."""
    if not folder.is_dir():
        return {}
    found: dict[str, Thesaurus] = {}
    for path in sorted(folder.glob("*.json")):
        thesaurus = parse_thesaurus(read_json(path), path.name, expected_name=path.stem)
        found[thesaurus.name] = thesaurus
    return found
