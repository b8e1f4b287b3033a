"""In Russian, the strings Qt itself draws are Russian too, with no English left over.

Qt's ``qtbase_ru.qm`` shipped with PySide6 predates the Qt it ships with: a few sources changed
("Look in:" became "&Look in:", file types moved to QAbstractFileIconProvider) and stayed
English. fielddoc fills exactly those gaps with ``resources/translations/qtbase_ru_extra.ts``,
installed before Qt's catalogue so that Qt's own translation wins wherever it has one.

The tests check the catalogue against Qt's (only gaps, nothing Qt already translates), the
install order (with a deliberately overlapping catalogue), and what a monitor meets on screen:
the wizard's buttons, standard buttons, a message box with details, the non-native file dialog
(every label, button, tooltip, accessible name, column header, context-menu action, the file
type of folders and drives, the sidebar), the input and progress dialogs, the calendar and the
right-click menus of line edits, text panes and spin boxes. A text counts as Russian when it has
Cyrillic letters and no Latin word of three or more letters.

Allowed in Latin, and only these: "OK", which Qt's own Russian catalogue keeps (as most Russian
software does) and which ours could not override since Qt's wins; the key-cap hint after a tab
in menus (Ctrl+C is printed in Latin on Russian keyboards). File names, sizes and dates in the
file list are data or follow the system locale (QFileSystemModel formats them with
QLocale::system(), not the app's language), so they are not read.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPoint, QTimer, QTranslator
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTableView,
    QTextBrowser,
    QTreeView,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from fielddoc.gui import i18n
from fielddoc.gui.dialogs import OPTIONS, scrub_dialog_history
from fielddoc.gui.firstrun import FirstRunWizard
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.resources import resource_path
from tests.gui.qt_catalogues import (
    CYRILLIC,
    LATIN_WORD,
    assert_compiled_current,
    assert_compiles_cleanly,
    lrelease,
    menu_texts,
)
from tests.gui.test_safety import widget_texts

SOURCE = resource_path("translations") / "qtbase_ru_extra.ts"
COMPILED = SOURCE.with_suffix(".qm")
QT_RUSSIAN = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_ru.qm"
LETTER = re.compile(r"[^\W\d_]")
ALLOWED = {"OK"}  # Qt's own Russian for "OK"; see the module docstring
Button = QDialogButtonBox.StandardButton
WizardButton = QWizard.WizardButton
Message = tuple[str, str, str | None, str]  # context, source, disambiguation, translation


def not_russian(texts: dict[str, str]) -> list[str]:
    """Entries of ``texts`` (where -> text) that are not Russian, as readable lines. Texts
    without letters (the calendar's year, "%p%") are no language and pass."""
    return [
        f"{where}: {text!r}"
        for where, text in texts.items()
        if text.replace("&", "") not in ALLOWED
        and (
            LATIN_WORD.search(text.replace("&", ""))
            or (LETTER.search(text) and not CYRILLIC.search(text))
        )
    ]


def messages(source: Path) -> list[Message]:
    root = ET.parse(source).getroot()  # noqa: S314 - our own file
    return [
        (
            context.findtext("name", ""),
            message.findtext("source", ""),
            message.findtext("comment"),
            message.findtext("translation", ""),
        )
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def qt_catalogue_alone() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(QT_RUSSIAN)), f"PySide6 ships no {QT_RUSSIAN.name}"
    return translator


@pytest.fixture
def russian(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """Russian switched on, with the compiled extra catalogue exactly what the source says."""
    assert_compiled_current(SOURCE, tmp_path)
    assert LANGUAGE.apply("ru")
    yield
    LANGUAGE.apply("en")


def test_source_compiles_cleanly_and_completely(tmp_path: Path) -> None:
    assert_compiles_cleanly(SOURCE, tmp_path / COMPILED.name)


def test_extra_holds_only_what_qt_lacks(qapp: QApplication, tmp_path: Path) -> None:
    """Each string is translated by exactly one catalogue: none of ours is in Qt's."""
    qt = qt_catalogue_alone()
    assert qt.translate("QFileDialog", "File &name:")  # the check can see Qt's translations
    ours = QTranslator()
    lrelease(SOURCE, tmp_path / "extra.qm")
    assert ours.load(str(tmp_path / "extra.qm"))
    extra = messages(SOURCE)
    assert extra
    for context, source, disambiguation, translation in extra:
        already = qt.translate(context, source, disambiguation)
        assert not already, f"Qt translates {context}/{source!r} as {already!r}: drop ours"
        assert ours.translate(context, source, disambiguation) == translation
    shown = {f"{context}/{source!r}": text for context, source, _, text in extra}
    assert not not_russian(shown), not_russian(shown)


def rogue_folder(tmp_path: Path, language: str, catalogue: str) -> Path:
    """A translations folder whose ``qtbase_<language>_extra.qm`` also translates a string
    Qt's Russian has (QPlatformTheme "Cancel") and one nobody has, plus the real catalogues."""
    folder = tmp_path / "translations"
    folder.mkdir()
    for compiled in resource_path("translations").glob("*.qm"):
        shutil.copy(compiled, folder)
    source = tmp_path / "rogue.ts"
    source.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
        f'language="{language}"><context><name>QPlatformTheme</name><message><source>'
        "Cancel</source><translation>ПОДМЕНА</translation></message></context><context>"
        "<name>QFileDialog</name><message><source>Nobody translates this</source>"
        f"<translation>{catalogue}</translation></message></context></TS>",
        encoding="utf-8",
    )
    lrelease(source, folder / f"qtbase_{language}_extra.qm")
    return folder


def test_qt_catalogue_wins_and_ours_fills_only_gaps(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rogue_folder(tmp_path, "ru", "из дополнения")
    monkeypatch.setattr(i18n, "resource_path", tmp_path.joinpath)
    assert LANGUAGE.apply("ru")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == qt_catalogue_alone().translate(
        "QPlatformTheme", "Cancel"
    )
    assert QCoreApplication.translate("QFileDialog", "Nobody translates this") == "из дополнения"


def test_kyrgyz_takes_no_extra_catalogue(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our Kyrgyz stand-in for Qt's catalogue stays alone: an extra file is never stacked."""
    rogue_folder(tmp_path, "ky", "кошумча")
    monkeypatch.setattr(i18n, "resource_path", tmp_path.joinpath)
    assert LANGUAGE.apply("ky")
    assert QCoreApplication.translate("QFileDialog", "Nobody translates this") != "кошумча"


@pytest.mark.usefixtures("russian")
def test_first_run_wizard_buttons(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "хранилище")
    qtbot.addWidget(wizard)
    wizard.show()
    buttons = (WizardButton.BackButton, WizardButton.NextButton, WizardButton.CancelButton)
    assert all(wizard.button(button).isVisible() for button in buttons)
    shown = {str(button.name): wizard.button(button).text() for button in buttons}
    for hidden in (WizardButton.FinishButton, WizardButton.CommitButton, WizardButton.HelpButton):
        shown[str(hidden.name)] = wizard.button(hidden).text()
    assert not not_russian(shown), not_russian(shown)


@pytest.mark.usefixtures("russian")
def test_standard_buttons_and_message_box_details(qtbot: QtBot) -> None:
    wanted = (
        *(Button.Ok, Button.Cancel, Button.Yes, Button.No, Button.Save, Button.Close),
        *(Button.Discard, Button.Apply, Button.Help),
    )
    flags = Button.NoButton
    for button in wanted:
        flags |= button
    box = QDialogButtonBox(flags)
    qtbot.addWidget(box)
    shown = {str(button.name): box.button(button).text() for button in wanted}

    message = QMessageBox(
        QMessageBox.Icon.Warning, "Внимание", "Текст", QMessageBox.StandardButton.Ok
    )
    qtbot.addWidget(message)
    message.setDetailedText("Подробности")
    message.show()
    qtbot.waitExposed(message)
    details = next(
        b for b in message.buttons() if message.buttonRole(b) == QMessageBox.ButtonRole.ActionRole
    )
    shown["details, closed"] = details.text()
    details.click()
    shown["details, open"] = details.text()
    assert shown["details, open"] != shown["details, closed"]
    assert not not_russian(shown), not_russian(shown)


FileDialogs = Callable[[Path, str], QFileDialog]


@pytest.fixture
def file_dialog(qtbot: QtBot) -> Iterator[FileDialogs]:
    """Makes file dialogs as fielddoc.gui.dialogs builds them, in the detail view so the
    column headers and the Type column are on screen. Each is deleted at once afterwards and
    Qt's dialog history scrubbed, as the app does: the destructor saves the folders browsed
    into Qt's settings (redirected by conftest into its throw-away app folder)."""
    made: list[QFileDialog] = []

    def make(folder: Path, purpose: str) -> QFileDialog:
        dialog = QFileDialog(None, "Выбор файла", str(folder))
        made.append(dialog)
        build(qtbot, dialog, purpose)
        return dialog

    yield make
    for dialog in made:
        if shiboken6.isValid(dialog):
            dialog.close()
            shiboken6.delete(dialog)
    scrub_dialog_history()


def build(qtbot: QtBot, dialog: QFileDialog, purpose: str) -> None:
    dialog.setOptions(OPTIONS)
    if purpose == "open":
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif purpose == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile("пакет.age")
    dialog.setHistory([])
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitExposed(dialog)


def listed_types(qtbot: QtBot, dialog: QFileDialog, count: int) -> dict[str, str]:
    """The Type cell of each entry in the folder shown (once ``count`` entries are listed)."""
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()
    # the folder is read in a background thread; the root index changes with the folder
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == count)
    root = view.rootIndex()
    return {
        f"type of {model.index(row, 0, root).data()}": model.index(row, 2, root).data()
        for row in range(model.rowCount(root))
    }


@pytest.mark.usefixtures("russian")
@pytest.mark.parametrize("purpose", ["open", "folder", "save"])
def test_file_dialog_shows_no_english(
    qtbot: QtBot, file_dialog: FileDialogs, tmp_path: Path, purpose: str
) -> None:
    folder = tmp_path / "документы"  # tmp_path itself holds the fixture's catalogue
    (folder / "папка").mkdir(parents=True)
    (folder / "ещё папка").mkdir()
    dialog = file_dialog(folder, purpose)
    shown = dict(widget_texts(dialog, data=False, accessible=True, visible_only=True))
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert types is not None
    shown["fileTypeCombo"] = types.currentText()  # Qt's text when fielddoc sets no filter
    for action in dialog.findChildren(QAction):  # the right-click menu over the files
        if action.objectName().startswith("qt_") and action.text():
            shown[f"QAction#{action.objectName()}"] = action.text()
    sidebar = dialog.findChild(QListView, "sidebar")
    assert sidebar is not None
    shown["sidebar, first place"] = sidebar.model().index(0, 0).data()  # "Computer"
    folders = listed_types(qtbot, dialog, 2)
    assert len(folders) == 2
    shown |= folders

    # the labels Qt's catalogue lacks: they exist, are on screen and read Russian
    for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel"):
        label = dialog.findChild(QLabel, name)
        assert label is not None
        assert label.isVisibleTo(dialog)
        assert shown[f"QLabel#{name}"] == label.text().replace("&", "")

    assert len(shown) > 20  # the walk really read the dialog
    assert not not_russian(shown), "\n".join(not_russian(shown))


@pytest.mark.usefixtures("russian")
def test_file_dialog_computer_view(qtbot: QtBot, file_dialog: FileDialogs, tmp_path: Path) -> None:
    """Above the root folder: the drives, their type and the "Look in" entry."""
    dialog = file_dialog(tmp_path, "open")
    dialog.setDirectory("")
    shown = listed_types(qtbot, dialog, 1)  # "/" on Linux, one drive
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    assert look_in is not None
    shown["lookInCombo"] = look_in.currentText()
    assert not not_russian(shown), not_russian(shown)


@pytest.mark.usefixtures("russian")
def test_input_progress_and_calendar(qtbot: QtBot) -> None:
    shown: dict[str, str] = {}
    ask = QInputDialog()  # as unlock.py's QInputDialog.getText builds it
    qtbot.addWidget(ask)
    ask.setLabelText("Код восстановления:")
    ask.show()
    qtbot.waitExposed(ask)
    for button in ask.findChildren(QAbstractButton):
        shown[f"QInputDialog {button.text()!r}"] = button.text()
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    progress.setLabelText("Экспорт…")
    progress.show()
    qtbot.waitExposed(progress)
    shown |= dict(widget_texts(progress, data=False, visible_only=True))
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.show()
    qtbot.waitExposed(calendar)
    shown |= dict(widget_texts(calendar, data=False, visible_only=True))
    days = calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert days is not None
    for column in range(1, 8):  # row 0 holds the weekday names, column 0 the week numbers
        shown[f"weekday {column}"] = days.model().index(0, column).data()
    assert len(shown) >= 4
    assert not not_russian(shown), not_russian(shown)


def popup_texts(qtbot: QtBot, widget: QWidget) -> dict[str, str]:
    """The entries of the menu ``widget`` pops up on a right click (Qt builds and runs some
    menus inside the event, so the menu is read and closed while it is open)."""
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            texts = (action.text().split("\t")[0] for action in popup.actions())
            seen.update({repr(text): text for text in texts if text})
            popup.close()

    QTimer.singleShot(50, read_and_close)
    point = QPoint(2, 2)
    QApplication.sendEvent(
        widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return seen


@pytest.mark.usefixtures("russian")
def test_edit_context_menus(qtbot: QtBot) -> None:
    edit = QLineEdit("Абдуллаев")
    qtbot.addWidget(edit)
    edit.selectAll()
    line = menu_texts(edit.createStandardContextMenu())
    assert len(line) >= 7  # undo, redo, cut, copy, paste, delete, select all
    notes = QPlainTextEdit("заметка")
    qtbot.addWidget(notes)
    notes.selectAll()
    pane = menu_texts(notes.createStandardContextMenu())
    assert len(pane) >= 7
    spin = QSpinBox()  # the settings dialog's minutes and days
    qtbot.addWidget(spin)
    spin.setValue(5)
    spin.show()
    qtbot.waitExposed(spin)
    steps = popup_texts(qtbot, spin)
    assert len(steps) >= 3  # select all, step up, step down
    shown = line | pane | steps
    assert not not_russian(shown), not_russian(shown)


@pytest.mark.usefixtures("russian")
def test_text_pane_context_menu_with_link(qtbot: QtBot) -> None:
    pane = QTextBrowser()
    qtbot.addWidget(pane)
    pane.setHtml('<p><a href="https://example.org/">ссылка</a> и текст</p>')
    pane.resize(300, 100)
    pane.show()
    qtbot.waitExposed(pane)
    pane.selectAll()
    link = pane.cursorRect(pane.cursorForPosition(QPoint(0, 0))).center() + QPoint(4, 0)
    assert pane.anchorAt(link), "the point must be over the link"
    shown = menu_texts(pane.createStandardContextMenu(link))
    assert len(shown) >= 3  # copy, copy link location, select all
    assert not not_russian(shown), not_russian(shown)


def test_english_stays_english(qapp: QApplication) -> None:
    """The extra catalogue is Russian only: English shows Qt's source texts."""
    assert LANGUAGE.apply("en")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
