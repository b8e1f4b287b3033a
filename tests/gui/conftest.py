"""GUI tests: pytest-qt, offscreen. Qt's settings are redirected into a throw-away folder
before the QApplication exists, as the real app does with its own folder."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fielddoc.gui.environment import prepare

APP_FOLDER = Path(tempfile.mkdtemp(prefix="fielddoc-gui-tests-"))
prepare(APP_FOLDER)


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """Every test starts and ends in English, with the English catalogue installed as the app
    installs it at start-up (it holds the English plural forms: "1 file", "2 files")."""
    from fielddoc.gui.i18n import LANGUAGE

    LANGUAGE.apply("en")
    yield
    LANGUAGE.apply("en")
