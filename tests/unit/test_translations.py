"""The shipped Russian and Kyrgyz translations are complete, keep every marker the code fills
in, have as many plural forms as Qt uses for the language, and compile cleanly.

A marker lost in translation is a real bug, not a cosmetic one: the GUI fills ``%1`` with
``str.replace``, so a dropped ``%1`` silently hides a file name or a count from a monitor, and
a dropped ``&`` removes a keyboard shortcut. Each failure names the file, the context and the
English source so the translator can find the message in Qt Linguist.

The number of plural forms is not written down here: it is asked from Qt itself, by compiling
a probe with more forms than any language uses and counting how many Qt keeps and selects.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("ru", "ky")
# the same lrelease the wheel build uses (hatch_build.py)
LRELEASE = Path(PySide6.__file__).parent / "lrelease"

# %1..%99 and %n (QString::arg / tr numerus), {name} fields, HTML tags and entities
_MARKERS = re.compile(r"%(?:\d{1,2}|n)|\{[^{}]*\}|</?[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+);")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+);")
_LRELEASE_NORMAL = re.compile(
    r"Updating '.*'\.\.\.|Generated \d+ translation\(s\) \(\d+ finished and 0 unfinished\)"
)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str | None  # disambiguation, part of the lookup key
    numerus: bool
    kind: str | None  # the translation's type attribute: None when finished
    forms: tuple[str, ...]  # one text, or the numerus forms

    def where(self, path: Path) -> str:
        return f"{path.name} [{self.context or '<no context>'}] {self.source!r}"


def _path(lang: str) -> Path:
    return TRANSLATIONS / f"fielddoc_{lang}.ts"


def _read(path: Path) -> tuple[str, list[Message]]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own checked-in file
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            translation = element.find("translation")
            assert translation is not None, f"{path.name}: a message has no <translation>"
            numerus = element.get("numerus") == "yes"
            if numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=element.findtext("source") or "",
                    comment=element.findtext("comment"),
                    numerus=numerus,
                    kind=translation.get("type"),
                    forms=forms,
                )
            )
    return root.get("language") or "", messages


def _accelerators(text: str) -> int:
    """Count ``&`` mnemonics; ``&&`` is a literal ampersand and entities are not mnemonics."""
    return _ENTITY.sub("", text).replace("&&", "").count("&")


def _shape(text: str) -> tuple[object, ...]:
    """Everything in a string that must survive translation unchanged."""
    stripped = text.strip()
    return (
        sorted(_MARKERS.findall(text)),
        _accelerators(text),
        text[: len(text) - len(text.lstrip())],
        text[len(text.rstrip()) :],
        stripped.endswith(":"),
        text.count("…"),
        text.count("\n"),
    )


def _run_lrelease(ts: Path, qm: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LRELEASE), str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@cache
def _qt_plural_forms(language: str, workdir: Path) -> int:
    """How many plural forms Qt uses for ``language``, asked from lrelease and QTranslator."""
    forms = "".join(f"<numerusform>form{i}</numerusform>" for i in range(8))
    probe = workdir / f"probe_{language}.ts"
    probe.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="{language}"><context><name>probe</name>'
        f'<message numerus="yes"><source>%n</source><translation>{forms}</translation>'
        "</message></context></TS>\n",
        encoding="utf-8",
    )
    qm = workdir / f"probe_{language}.qm"
    assert _run_lrelease(probe, qm).returncode == 0
    translator = QTranslator()
    assert translator.load(str(qm))
    return len({translator.translate("probe", "%n", None, n) for n in range(1000)})


@pytest.fixture(scope="module")
def probe_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plural_probe")


def test_marker_check_catches_losses() -> None:
    """The comparison itself must notice each kind of loss it is meant to catch."""
    source = "&Import %1 of %2: <b>{name}</b>…"
    assert _shape(source) == _shape("&Импорт %2 из %1: <b>{name}</b>…")
    for broken in (
        "Импорт %1 из %2: <b>{name}</b>…",  # mnemonic lost
        "&Импорт %1: <b>{name}</b>…",  # %2 lost
        "&Импорт %1 из %2: {name}…",  # tags lost
        "&Импорт %1 из %2: <b>{имя}</b>…",  # field renamed
        "&Импорт %1 из %2: <b>{name}</b>",  # ellipsis lost
    ):
        assert _shape(source) != _shape(broken), broken
    assert _shape("Folder:") != _shape("Папка")
    assert _shape(" days") != _shape("дн.")


def test_plural_probe_matches_known_languages(probe_dir: Path) -> None:
    # fixed points of Qt's rules: English one/other, Russian one/few/many, Japanese none
    assert _qt_plural_forms("en_GB", probe_dir) == 2
    assert _qt_plural_forms("ru_RU", probe_dir) == 3
    assert _qt_plural_forms("ja_JP", probe_dir) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang: str) -> None:
    path = _path(lang)
    _language, messages = _read(path)
    assert len(messages) > 500  # the whole GUI, not a stub
    problems = []
    for message in messages:
        if message.kind is not None:
            problems.append(f"{message.where(path)}: translation is {message.kind}")
        elif not message.forms or any(not form.strip() for form in message.forms):
            problems.append(f"{message.where(path)}: empty translation")
    assert not problems, f"{len(problems)} unfinished in {path.name}:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markers_survive_translation(lang: str) -> None:
    path = _path(lang)
    _language, messages = _read(path)
    # an empty translation is reported by test_every_message_is_translated
    problems = [
        f"{m.where(path)} -> {form!r}: {_shape(m.source)} != {_shape(form)}"
        for m in messages
        for form in m.forms
        if form.strip() and _shape(form) != _shape(m.source)
    ]
    assert not problems, f"{len(problems)} mismatches in {path.name}:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_form_count(lang: str, probe_dir: Path) -> None:
    path = _path(lang)
    language, messages = _read(path)
    assert language.startswith(lang), f"{path.name} declares language {language!r}"
    wanted = _qt_plural_forms(language, probe_dir)
    plurals = [m for m in messages if m.numerus]
    assert plurals, "the GUI has plural messages (e.g. '%n record(s) found')"
    problems = [
        f"{m.where(path)}: {len(m.forms)} forms, Qt uses {wanted} for {language}"
        for m in plurals
        if len(m.forms) != wanted
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiles_without_warnings(lang: str, tmp_path: Path) -> None:
    path = _path(lang)
    qm = tmp_path / f"fielddoc_{lang}.qm"
    result = _run_lrelease(path, qm)
    assert result.returncode == 0, result.stderr
    noise = [
        line.strip()
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and not _LRELEASE_NORMAL.fullmatch(line.strip())
    ]
    assert not noise, f"lrelease on {path.name}:\n" + "\n".join(noise)
    # what was compiled is what the app will show, for every count a plural can take
    translator = QTranslator()
    assert translator.load(str(qm))
    _language, messages = _read(path)
    problems = []
    for m in messages:
        if m.numerus:
            shown = {translator.translate(m.context, m.source, m.comment, n) for n in range(200)}
            if "" in shown or not shown <= set(m.forms):
                problems.append(f"{m.where(path)}: some counts have no form")
        elif translator.translate(m.context, m.source, m.comment) != m.forms[0]:
            problems.append(f"{m.where(path)}: not in the compiled file")
    assert not problems, f"{path.name}:\n" + "\n".join(problems[:40])
