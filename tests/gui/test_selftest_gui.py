"""The Qt half of ``fielddoc-gui --self-test``: each check passes here and fails when its piece
is missing."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from fielddoc.gui import selftest
from fielddoc.gui.i18n import LANGUAGE


def test_all_qt_checks_pass(qtbot: QtBot) -> None:
    del qtbot
    lines: list[str] = []
    assert selftest.run_qt_checks(lines.append)
    assert len(lines) == len(selftest.QT_CHECKS)
    assert all(line.startswith("ok   ") for line in lines)
    assert LANGUAGE.current == "en"  # the translation check puts English back


def test_missing_icon_engine_is_reported(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    del qtbot
    monkeypatch.setattr(
        selftest, "icon", lambda name: QIcon()
    )  # what a build without qsvgicon gives
    lines: list[str] = []
    assert not selftest.run_qt_checks(lines.append)
    assert lines[-1].startswith("FAIL icons: icon '")


def test_missing_translation_is_reported(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    del qtbot
    monkeypatch.setattr(LANGUAGE, "apply", lambda language: language == "en")
    lines: list[str] = []
    assert not selftest.run_qt_checks(lines.append)
    assert lines[-1] == "FAIL translations: translation 'ru' did not load"
