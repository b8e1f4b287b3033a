"""GUI tests: pytest-qt, offscreen. Qt's settings are redirected into a throw-away folder
before the QApplication exists, as the real app does with its own folder."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fielddoc.gui.environment import prepare

APP_FOLDER = Path(tempfile.mkdtemp(prefix="fielddoc-gui-tests-"))
prepare(APP_FOLDER)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    from fielddoc.gui.i18n import LANGUAGE

    yield
    LANGUAGE.apply("en")
