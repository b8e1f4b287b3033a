"""The documentation holds together: links and pictures resolve, the guides' pictures are all
used and the same in English and Russian, and the guides quote the app's real labels.

A guide that names a button the app does not have sends a monitor looking for it at the
worst moment, so the labels are checked against the shipped texts: in both guides every
**bold** span is a label (the convention each guide states at its top); in the Russian guide
it is also written inside guillemets, «**Хранилище**», as Russian typography quotes names.
A label is a text of the app's translation file with its keyboard-mnemonic ``&`` removed,
or a template, field or thesaurus label (record forms are built from those). Qt's own
buttons (OK, Next, Cancel) are not fielddoc's texts and are written without bold.

No Qt here: the translation source is read as XML.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDE = DOCS / "guide"
LANGS = ("en", "ru")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target), an optional "title" after the target
_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_MNEMONIC = re.compile(r"&(.)")


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def _prose(path: Path) -> str:
    """The text without code: links and bold inside code are examples, not references."""
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    return _INLINE_CODE.sub("", text)


def links(path: Path) -> Iterator[tuple[bool, str]]:
    """(is an image, target) for every link in ``path``'s prose."""
    for match in _LINK.finditer(_prose(path)):
        yield match.group(1) == "!", match.group(2)


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to '-'."""
    plain = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    return re.sub(r"[^\w\- ]", "", plain).replace(" ", "-")


@cache
def anchors(path: Path) -> frozenset[str]:
    return frozenset(_slug(h) for h in _HEADING.findall(_prose(path)))


def _local(target: str) -> bool:
    return not re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_and_images_resolve(path: Path) -> None:
    broken = []
    for _image, target in links(path):
        if not _local(target):
            continue
        file_part, _, fragment = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        if not resolved.exists():
            broken.append(f"{target}: no such file")
        elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
            broken.append(f"{target}: no heading with this anchor")
    assert not broken, f"{path.relative_to(ROOT)}: " + "; ".join(broken)


def referenced_images() -> set[Path]:
    found = set()
    for path in markdown_files():
        for image, target in links(path):
            if image and _local(target):
                found.add((path.parent / target.partition("#")[0]).resolve())
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_guide_picture_is_used(lang: str) -> None:
    folder = GUIDE / lang / "img"
    pictures = {p.resolve() for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES}
    assert pictures, f"{folder} holds no pictures"
    orphans = sorted(p.name for p in pictures - referenced_images())
    assert not orphans, f"pictures in {folder.relative_to(ROOT)} that no page shows: {orphans}"


def guide_pictures(lang: str) -> set[str]:
    readme = GUIDE / lang / "README.md"
    return {Path(target).name for image, target in links(readme) if image and _local(target)}


def test_english_and_russian_guides_show_the_same_pictures() -> None:
    en, ru = guide_pictures("en"), guide_pictures("ru")
    assert en, "the English guide shows no pictures"
    assert en == ru, f"only in en: {sorted(en - ru)}; only in ru: {sorted(ru - en)}"
    listing = {lang: sorted(p.name for p in (GUIDE / lang / "img").iterdir()) for lang in LANGS}
    assert listing["en"] == listing["ru"]


# --- labels ------------------------------------------------------------------------------


def _label(text: str) -> str:
    """A translatable text as the screen shows it: ``&&`` is a literal ampersand, any other
    ``&`` only underlines the next letter."""
    return _MNEMONIC.sub(r"\1", text).strip()


def _resource_labels(lang: str) -> set[str]:
    labels: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "labels" and isinstance(value, dict) and lang in value:
                    labels.add(str(value[lang]))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for folder in ("templates", "thesauri"):
        for path in sorted((ROOT / "resources" / folder).glob("*.json")):
            walk(json.loads(path.read_text(encoding="utf-8")))
    return labels


@cache
def app_labels(lang: str) -> frozenset[str]:
    """Every text the app can show in ``lang`` (en: the source texts)."""
    root = ET.parse(ROOT / "resources" / "translations" / "fielddoc_ru.ts").getroot()  # noqa: S314
    texts: set[str] = set()
    for message in root.iter("message"):
        if lang == "en":
            texts.add(message.findtext("source") or "")
            continue
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        texts.update(forms)
    return frozenset({_label(t) for t in texts if t} | _resource_labels(lang))


def bold_spans(lang: str) -> list[str]:
    return [" ".join(m.split()) for m in _BOLD.findall(_prose(GUIDE / lang / "README.md"))]


@pytest.mark.parametrize("lang", LANGS)
def test_guides_quote_the_apps_real_labels(lang: str) -> None:
    spans = bold_spans(lang)
    assert len(spans) > 40, "the guide should name the app's labels in bold"
    unknown = sorted({span for span in spans if span not in app_labels(lang)})
    assert not unknown, f"{lang} guide: bold text that is no label of the app: {unknown}"


def test_russian_labels_are_in_guillemets() -> None:
    text = " ".join(_prose(GUIDE / "ru" / "README.md").split())
    bare = [m.group(0) for m in _BOLD.finditer(text) if not _quoted(text, m.start(), m.end())]
    assert not bare, f"ru guide: labels outside «»: {bare}"


def _quoted(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "«" and text[end : end + 1] == "»"
