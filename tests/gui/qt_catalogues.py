"""Helpers for the tests of fielddoc's hand-kept catalogues of Qt's own strings
(``qtbase_ky.ts``, ``qtbase_ru_extra.ts``): compiling them with the build's lrelease, checking
the committed ``.qm`` is current, and reading what a menu or a widget shows."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtWidgets import QMenu

LRELEASE = Path(PySide6.__file__).parent / "lrelease"  # the one the build uses
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def lrelease(source: Path, target: Path) -> str:
    """Compile ``source`` into ``target``; lrelease's output (it must succeed)."""
    result = subprocess.run(
        [str(LRELEASE), str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def message_count(source: Path) -> int:
    return sum(1 for _ in ET.parse(source).getroot().iter("message"))  # noqa: S314 - our own file


def assert_compiles_cleanly(source: Path, target: Path) -> None:
    """``source`` compiles with no warning and every message finished."""
    output = lrelease(source, target)
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    assert len(lines) == 2, "\n".join(lines)  # "Updating …" and the summary, no warning
    summary = re.fullmatch(
        r"Generated (\d+) translation\(s\) \((\d+) finished and 0 unfinished\)", lines[1]
    )
    assert summary is not None, lines[1]
    assert int(summary[1]) == int(summary[2]) == message_count(source)


def assert_compiled_current(source: Path, folder: Path) -> None:
    """The committed ``.qm`` next to ``source`` is exactly what ``source`` compiles to."""
    compiled = source.with_suffix(".qm")
    if not compiled.is_file():
        pytest.fail(f"{compiled.name} is missing: run `make translations`")
    fresh = folder / compiled.name
    lrelease(source, fresh)
    assert fresh.read_bytes() == compiled.read_bytes(), (
        f"{compiled.name} is older than {source.name}: run `make translations`"
    )


def menu_texts(menu: QMenu) -> dict[str, str]:
    """Each entry's words; after a tab comes the key-cap hint (Ctrl+C), printed in Latin on
    Russian and Kyrgyz keyboards too."""
    texts = (action.text().split("\t")[0] for action in menu.actions() if action.text())
    return {repr(text): text for text in texts}
