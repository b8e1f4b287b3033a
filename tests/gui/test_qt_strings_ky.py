"""In Kyrgyz, the strings Qt itself draws are Kyrgyz too, not only fielddoc's own.

Qt ships no ``qtbase_ky.qm``, so fielddoc carries ``resources/translations/qtbase_ky.ts``
(kept by hand, compiled by ``make translations`` and the wheel build) and
:mod:`fielddoc.gui.i18n` loads it for Kyrgyz only. The tests open what a monitor meets: the
first-run wizard's buttons, standard dialog buttons, the non-native file dialog (every label,
button, tooltip, accessible name, column header and context-menu action) and the right-click
menus of line edits and text panes. A text counts as Kyrgyz when it has Cyrillic letters and
no Latin word of three or more letters; English stays English, so each check fails if the
catalogue is missing, stale or not loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QTextBrowser,
    QWizard,
)
from pytestqt.qtbot import QtBot

from fielddoc.gui.dialogs import OPTIONS
from fielddoc.gui.firstrun import FirstRunWizard
from fielddoc.gui.i18n import LANGUAGE, _qt_translator
from fielddoc.resources import resource_path
from tests.gui.qt_catalogues import (
    CYRILLIC,
    LATIN_WORD,
    assert_compiled_current,
    assert_compiles_cleanly,
    menu_texts,
)
from tests.gui.test_safety import widget_texts

SOURCE = resource_path("translations") / "qtbase_ky.ts"
COMPILED = SOURCE.with_suffix(".qm")
Button = QDialogButtonBox.StandardButton
WizardButton = QWizard.WizardButton


def not_kyrgyz(texts: dict[str, str]) -> list[str]:
    """Entries of ``texts`` (where -> text) that are not Kyrgyz, as readable lines."""
    return [
        f"{where}: {text!r}"
        for where, text in texts.items()
        if LATIN_WORD.search(text.replace("&", "")) or not CYRILLIC.search(text)
    ]


@pytest.fixture
def kyrgyz(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """Kyrgyz switched on, with the compiled catalogue exactly what the source says."""
    assert_compiled_current(SOURCE, tmp_path)
    assert LANGUAGE.apply("ky")
    yield
    LANGUAGE.apply("en")


def test_source_compiles_cleanly_and_completely(tmp_path: Path) -> None:
    assert_compiles_cleanly(SOURCE, tmp_path / "qtbase_ky.qm")


def test_qt_catalogue_wins_and_ours_only_fills_kyrgyz(qapp: QApplication) -> None:
    russian = _qt_translator(qapp, "ru")
    assert russian is not None
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert Path(russian.filePath()).parent == qt_folder  # Qt's own, ours is never stacked on it
    kyrgyz = _qt_translator(qapp, "ky")
    assert kyrgyz is not None, f"{COMPILED.name} is missing: run `make translations`"
    assert Path(kyrgyz.filePath()) == COMPILED


@pytest.mark.usefixtures("kyrgyz")
def test_first_run_wizard_buttons(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "сактагыч")
    qtbot.addWidget(wizard)
    wizard.show()
    buttons = (WizardButton.BackButton, WizardButton.NextButton, WizardButton.CancelButton)
    shown = {str(button.name): wizard.button(button).text() for button in buttons}
    assert all(wizard.button(button).isVisible() for button in buttons)
    shown["FinishButton"] = wizard.button(WizardButton.FinishButton).text()
    assert not not_kyrgyz(shown), not_kyrgyz(shown)
    assert "<" in shown["BackButton"]
    assert ">" in shown["NextButton"]


@pytest.mark.usefixtures("kyrgyz")
def test_standard_dialog_buttons(qtbot: QtBot) -> None:
    wanted = (
        Button.Ok,
        Button.Cancel,
        Button.Yes,
        Button.No,
        Button.Save,
        Button.Close,
        Button.Discard,
    )
    flags = Button.NoButton
    for button in wanted:
        flags |= button
    box = QDialogButtonBox(flags)
    qtbot.addWidget(box)
    shown = {str(button.name): box.button(button).text() for button in wanted}
    assert not not_kyrgyz(shown), not_kyrgyz(shown)
    # one box can hold Save, Discard and Cancel together: a monitor must tell them apart
    plain = [text.replace("&", "") for text in shown.values()]
    assert len(set(plain)) == len(plain), shown


@pytest.mark.usefixtures("kyrgyz")
@pytest.mark.parametrize("purpose", ["open", "folder", "save"])
def test_file_dialog_shows_no_english(qtbot: QtBot, tmp_path: Path, purpose: str) -> None:
    """Built as fielddoc.gui.dialogs builds its dialogs, in the detail view so the column
    headers are on screen; the file names in the list are data and are not read."""
    dialog = QFileDialog(None, "Файлды тандоо", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOptions(OPTIONS)
    if purpose == "open":
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif purpose == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile("топтом.age")
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitExposed(dialog)

    shown = dict(widget_texts(dialog, data=False, accessible=True, visible_only=True))
    # the file-type filter is Qt's text when fielddoc sets none
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert types is not None
    shown["fileTypeCombo"] = types.currentText()
    # the right-click menu over the files (rename, delete, new folder, hidden files)
    for action in dialog.findChildren(QAction):
        if action.objectName().startswith("qt_") and action.text():
            shown[f"QAction#{action.objectName()}"] = action.text()
    assert len(shown) > 15  # the walk really read the dialog
    assert not not_kyrgyz(shown), "\n".join(not_kyrgyz(shown))


@pytest.mark.usefixtures("kyrgyz")
def test_line_edit_context_menu(qtbot: QtBot) -> None:
    edit = QLineEdit("Абдуллаев")
    qtbot.addWidget(edit)
    edit.selectAll()
    menu = edit.createStandardContextMenu()
    shown = menu_texts(menu)
    assert len(shown) >= 7  # undo, redo, cut, copy, paste, delete, select all
    assert not not_kyrgyz(shown), not_kyrgyz(shown)


@pytest.mark.usefixtures("kyrgyz")
def test_text_pane_context_menu_with_link(qtbot: QtBot) -> None:
    pane = QTextBrowser()
    qtbot.addWidget(pane)
    pane.setHtml('<p><a href="https://example.org/">шилтеме</a> жана текст</p>')
    pane.resize(300, 100)
    pane.show()
    qtbot.waitExposed(pane)
    pane.selectAll()
    link = pane.cursorRect(pane.cursorForPosition(QPoint(0, 0))).center() + QPoint(4, 0)
    assert pane.anchorAt(link), "the point must be over the link"
    shown = menu_texts(pane.createStandardContextMenu(link))
    assert len(shown) >= 3  # copy, copy link location, select all
    assert not not_kyrgyz(shown), not_kyrgyz(shown)
