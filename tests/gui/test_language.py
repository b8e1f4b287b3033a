"""Switching to Russian leaves no English on screen, and no work is lost by the switch.

For each role the test unlocks a vault, opens a record editor with unsaved work, switches the
language through Vault → Settings… → Language → OK (the way a monitor does), then visits
every side-bar page and reads every string the windows show: labels, buttons, group boxes,
tab titles, window titles, menus and actions, item-view headers, placeholders and tooltips
(plus read-only text panes). The unlock window after a lock, and the safety dialogs, are read
too. Any Latin word of three or more letters fails the test unless it is on
:data:`ALLOWED`.

The failure message sorts what it found: strings that Qt's translation system knows (found by
``pyside6-lupdate`` in the sources, so only the Russian ``.ts`` lacks them) and strings it
cannot know (hard-coded English, or text built outside ``tr``), which are bugs in the code.
The ``.qm`` files come from ``make translations``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QComboBox, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fielddoc.gui.app import Application
from fielddoc.gui.editor import RecordEditor
from fielddoc.gui.i18n import LANGUAGE, LANGUAGES
from fielddoc.gui.mainwindow import MainWindow
from fielddoc.gui.models import RecordTableModel
from fielddoc.gui.pages.audit import AuditPage
from fielddoc.gui.pages.records import RecordsPage
from fielddoc.gui.passphrase_dialog import KeyFileDialog, NewPassphraseDialog
from fielddoc.gui.safety import PanicDialog
from fielddoc.gui.session import Session
from fielddoc.gui.settings_dialog import SettingsDialog
from fielddoc.gui.unlock import UnlockWindow
from fielddoc.resources import resource_path
from tests.conftest import ROOT, make_vault
from tests.gui.test_safety import ModalAnswer, start_app, unlock, widget_texts
from tests.gui.test_safety import apps as apps  # noqa: PLC0414 - the fixture, used by name

# Latin words that stay as they are in a Russian interface, and why:
ALLOWED = {
    "fielddoc",  # the product's name, like a trademark
    "SHA",  # SHA-256, the hash algorithm's standard name (also on court documents)
    "age",  # the file-encryption format and tool bundles use; HQ installs it by that name
    "minisign",  # the signature tool HQ uses to verify bundles, by its name
    "BagIt",  # the packaging standard (RFC 8493) of bundles
    "English",  # the language menu names each language in itself, so anyone finds theirs
    "Ctrl",  # key caps are printed in Latin on Russian keyboards (shortcut hints)
    "USB",  # "USB-флешка": Russian writes the standard's name in Latin
}
# "HQ" is deliberately NOT allowed: Russian says "штаб". (It has two letters, so the
# three-letter rule would not see it; it is checked separately below.)
WORD = re.compile(r"[A-Za-z]{3,}")
HQ = re.compile(r"\bHQ\b")


def english_words(text: str) -> list[str]:
    words = [word for word in WORD.findall(text) if word not in ALLOWED]
    return words + HQ.findall(text)


def translatable_sources() -> list[re.Pattern[str]] | None:
    """Every string pyside6-lupdate finds in fielddoc/gui and ui/ (i.e. routed through Qt's
    translation system), as patterns with %1.. and %n as wildcards; None without lupdate."""
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        return None
    target = Path(ROOT / ".pytest_cache" / "language-sources.ts")
    target.parent.mkdir(exist_ok=True)
    sources = [str(path) for path in (ROOT / "fielddoc" / "gui").rglob("*.py")]
    sources += [str(path) for path in (ROOT / "ui").glob("*.ui")]
    subprocess.run(
        [lupdate, "-no-obsolete", *sources, "-ts", str(target)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    patterns = []
    for source in ET.parse(target).getroot().iter("source"):  # noqa: S314 - our own file
        text = (source.text or "").replace("&&", "\x00").replace("&", "").replace("\x00", "&")
        parts = re.split(r"%(?:\d+|n)", text)
        patterns.append(re.compile(".*".join(re.escape(part) for part in parts), re.DOTALL))
    return patterns


def report(found: Iterable[tuple[str, str, str]]) -> str:
    """The failure message: each offending string once, sorted by whose fix it needs."""
    unique: dict[str, tuple[str, str]] = {}
    for screen, where, text in found:
        unique.setdefault(text, (screen, where))
    patterns = translatable_sources()
    known, unknown = [], []
    for text, (screen, where) in sorted(unique.items()):
        line = f"  [{screen}] {where}: {text!r}"
        if patterns is not None and not any(p.fullmatch(text) for p in patterns):
            unknown.append(line)
        else:
            known.append(line)
    parts = [f"{len(unique)} strings with English words in the Russian interface."]
    if unknown:
        parts.append(
            f"NOT translatable ({len(unknown)}): hard-coded or built outside tr(), fix the code:"
        )
        parts += unknown
    if known:
        parts.append(
            f"Translatable but untranslated in fielddoc_ru.ts / .qm ({len(known)}), "
            "translate and run `make translations`:"
        )
        parts += known
    return "\n".join(parts)


def coded_cells(page: QWidget) -> list[tuple[str, str]]:
    """Cells that show a code as words (sensitivity level, audit action): interface text
    even though they sit among the data."""
    cells: list[tuple[str, str]] = []
    if isinstance(page, RecordsPage):
        model = page.model
        column = RecordTableModel.COLUMNS.index("sensitivity")
        texts = (model.data(model.index(row, column)) for row in range(model.rowCount()))
        cells += [("RecordTableModel.sensitivity", str(text)) for text in texts]
    if isinstance(page, AuditPage):
        for row in range(page.table.rowCount()):
            item = page.table.item(row, 2)
            cells.append(("AuditPage.action", item.text() if item is not None else ""))
    return [(where, text) for where, text in cells if english_words(text)]


def switch_through_settings(main: MainWindow, language: str) -> None:
    def choose(widget: QWidget) -> None:
        assert isinstance(widget, SettingsDialog)
        combo = widget.language
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(language))
        widget.apply()

    answer = ModalAnswer(SettingsDialog, choose)
    main.settings_action.trigger()
    assert answer.seen, "Vault → Settings… did not open"


def collect(screen: str, root: QWidget, found: list[tuple[str, str, str]], *ignore: str) -> None:
    for where, text in widget_texts(root, data=False, accessible=False, visible_only=True):
        cleaned = text
        for data in ignore:
            cleaned = cleaned.replace(data, "")
        if english_words(cleaned):
            found.append((screen, where, text))


@pytest.mark.parametrize(("role", "name"), [("field", "Полевой ноутбук"), ("hq", "Штаб Бишкек")])
def test_russian_interface_shows_no_english_and_keeps_editor_work(
    qtbot: QtBot, tmp_path: Path, apps: list[Application], role: str, name: str
) -> None:
    if not (resource_path("translations") / "fielddoc_ru.qm").is_file():
        pytest.fail("fielddoc_ru.qm is missing: run `make translations`")
    handle = make_vault(tmp_path / "хранилище", role=role, name=name)
    store = handle.store()
    person = store.create("person", {"name": "Абдуллаев Нурлан"})
    store.create(
        "testimony",
        {"title": "Обыск в редакции", "narrative": "Изъяли ноутбуки.", "interviewee": person.id},
    )
    handle.vault.close()
    app = start_app(apps, handle.path)
    main = unlock(qtbot, app)
    assert app.session is not None
    main.show()

    # unsaved work in an open editor
    editor = RecordEditor(app.session, "testimony", None, main, autosave_ms=3_600_000)
    qtbot.addWidget(editor, before_close_func=lambda widget: widget.abandon())
    editor.show()
    body = dict(editor.get_body())
    body["title"] = "Задержание у здания суда"
    body["narrative"] = "Его увели двое в штатском.\nВторая строка."
    editor.set_body(body)
    before = editor.state()
    assert editor.autosave()  # the status line now says when the draft was kept, in English

    switch_through_settings(main, "ru")
    assert LANGUAGE.current == "ru"
    qtbot.wait(50)  # Qt posts LanguageChange to the windows: let the event loop deliver it
    assert editor.isVisible() and editor.state() == before  # nothing typed was lost

    found: list[tuple[str, str, str]] = []
    path_text = str(handle.path)
    for row in range(len(main.pages)):
        main.sidebar.setCurrentRow(row)
        page = main.pages[row]
        collect(f"{role}: {page.title()}", main, found, path_text)
        entry = main.sidebar.item(row).text()  # the side bar's entries are interface, not data
        if english_words(entry):
            found.append((f"{role}: side bar", "QListWidget#sidebar", entry))
        found += [(f"{role}: {page.title()}", where, text) for where, text in coded_cells(page)]
    collect(f"{role}: editor", editor, found, path_text)
    vault = app.session.vault
    assert vault is not None
    for dialog in (
        SettingsDialog(app.session, main),
        KeyFileDialog(vault, main),
        NewPassphraseDialog(vault, need_old=True, parent=main),
        PanicDialog(main),
    ):
        dialog.show()
        collect(f"{role}: {type(dialog).__name__}", dialog, found, path_text)
        dialog.close()
        dialog.deleteLater()
    menus = [menu for menu in main.findChildren(QMenu) if shiboken6.isValid(menu)]
    assert menus, "the window has no menus to check"

    editor.abandon()
    main.lock_action.trigger()
    unlock_window = app.window
    assert isinstance(unlock_window, UnlockWindow)
    collect(f"{role}: unlock", unlock_window, found, path_text)

    assert not found, report(found)


def test_every_language_switch_retranslates_template_labels(qtbot: QtBot, tmp_path: Path) -> None:
    """Template labels come from the templates, not from a .qm: they must follow the switch
    even when Qt has no translator to install for the language (Qt then sends nothing)."""
    handle = make_vault(tmp_path / "vault")
    session = Session(handle.vault)
    try:
        main = MainWindow(session)
        qtbot.addWidget(main)
        page = main.pages[main.page_of(RecordsPage)]
        assert isinstance(page, RecordsPage)
        for language in ("ky", "en", "ru", "ky", "en"):
            LANGUAGE.apply(language)
            qtbot.wait(20)  # LanguageChange reaches the windows through the event loop
            label = page.template.label(language)
            assert main.sidebar.item(0).text() == label, language
            assert label in page.heading.text(), language
            assert LANGUAGES[language] in main.status.text(), language
    finally:
        session.lock()
