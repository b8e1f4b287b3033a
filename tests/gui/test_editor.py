"""The record editor: every template created and edited through its widgets, validation,
conflicts, and drafts that survive a lock and a real SIGKILL."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fielddoc.gui import fields as f
from fielddoc.gui.editor import DRAFT_SENSITIVITY_KEY, RecordEditor, split_draft_body
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.messages import message_for
from fielddoc.gui.pickers import RecordPicker, ThesaurusPicker
from fielddoc.gui.session import Session
from fielddoc.records import drafts
from fielddoc.records.templates import Field, Template
from fielddoc.vault.vault import open_vault
from tests.conftest import CHEAP_KDF, ROOT, VaultHandle, make_vault

TEMPLATES = (
    "testimony",
    "detention_visit",
    "incident",
    "case",
    "person",
    "facility",
    "organisation",
)
DATES = ("2024", "2024-03", "2024-03-15")


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def handle(tmp_path: Path) -> Iterator[VaultHandle]:
    handle = make_vault(tmp_path / "vault")
    yield handle
    if handle.vault.is_open:
        handle.vault.close()


@pytest.fixture
def session(qtbot: QtBot, handle: VaultHandle) -> Iterator[Session]:
    # depends on qtbot: the session locks (and editors close quietly) before qtbot closes them
    session = Session(handle.vault)
    yield session
    if session.is_open:
        session.lock()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Answers the editor's questions take, in order; a question nobody expected fails."""
    queue: list[int] = []

    def ask(_editor: RecordEditor, title: str, _text: str, _choices: Any) -> int:
        assert queue, f"unexpected question: {title}"
        return queue.pop(0)

    monkeypatch.setattr(RecordEditor, "_ask", ask)
    return queue


@pytest.fixture
def pickers(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[Any], None]]:
    """Pickers run non-modally: each exec() applies the next queued action and accepts."""
    queue: list[Callable[[Any], None]] = []

    def run(picker: Any) -> int:
        assert queue, "unexpected picker"
        queue.pop(0)(picker)
        return 1

    monkeypatch.setattr(ThesaurusPicker, "exec", run)
    monkeypatch.setattr(RecordPicker, "exec", run)
    return queue


@pytest.fixture
def refs(session: Session) -> dict[str, str]:
    """One record of every template, to refer to."""
    made = {}
    for name in TEMPLATES:
        template = session.templates.get(name)
        title = f"Target {name.replace('_', ' ')} Абдуллаев"
        made[name] = session.records.create(name, {template.title_field: title}).id
    return made


def saved_id(editor: RecordEditor) -> str | None:
    return editor.saved_id


def open_editor(
    qtbot: QtBot, session: Session, template: str, record_id: str | None = None, **kw: Any
) -> RecordEditor:
    editor = RecordEditor(session, template, record_id, **kw)
    # qtbot closes it after the test: without a question, as when the vault locks
    qtbot.addWidget(editor, before_close_func=lambda widget: widget.abandon())
    editor.show()
    return editor


# --- sample bodies and filling widgets ----------------------------------------------------------


def sample_value(
    spec: Field, session: Session, refs: dict[str, str], variant: int, where: str
) -> Any:
    seed = sum(map(ord, where)) + variant
    kind = spec.type
    if kind == "text":
        return f"{spec.name} {variant} Абдуллаев"[: spec.max_length]
    if kind == "long_text":
        return f"{spec.name} ({variant})\nвторая строка — Osh"
    if kind == "date":
        return DATES[seed % 3]
    if kind == "time":
        return "09:30" if variant % 2 else "17:05"
    if kind == "integer":
        low = spec.min or 0
        high = spec.max if spec.max is not None else low + 1000
        return min(low + 5 + variant, high)
    if kind == "boolean":
        return variant % 2 == 1
    if kind == "choice":
        codes = [
            code
            for code, _depth, _labels in session.templates.thesaurus(spec.thesaurus or "").flat()
        ]
        first = codes[seed % len(codes)]
        if spec.multiple:
            return [first, codes[(seed + 1) % len(codes)]]
        return first
    if kind == "reference":
        ids = [refs[target] for target in spec.targets]
        return ids[:2] if spec.multiple else ids[seed % len(ids)]
    if kind == "group":
        return sample_body(spec.fields, session, refs, variant, f"{where}.{spec.name}")
    if kind == "entries":
        return [
            sample_body(spec.fields, session, refs, variant + n, f"{where}.{spec.name}[{n}]")
            for n in range(2)
        ]
    raise AssertionError(kind)


def sample_body(
    fields: tuple[Field, ...], session: Session, refs: dict[str, str], variant: int, where: str = ""
) -> dict[str, Any]:
    return {spec.name: sample_value(spec, session, refs, variant, where) for spec in fields}


def typed_date(value: str) -> str:
    """How a monitor might type the date (Russian style for full dates)."""
    if value.count("-") == 2:
        year, month, day = value.split("-")
        return f"{day}.{month}.{year}"
    return value


def set_widget(
    widget: f.FieldWidget, value: Any, session: Session, pickers: list[Callable[[Any], None]]
) -> None:
    """Put ``value`` into a field the way a user would, through its Qt widgets."""
    if isinstance(widget, f.TextField):
        widget.edit.setText(value)
    elif isinstance(widget, f.LongTextField):
        widget.edit.setPlainText(value)
    elif isinstance(widget, f.DateField):
        widget.edit.setText(typed_date(value))
        assert not widget.feedback.isHidden()  # says how it was understood
    elif isinstance(widget, f.TimeField | f.IntegerField):
        widget.edit.setText(str(value))
    elif isinstance(widget, f.BooleanField):
        widget.combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])
    elif isinstance(widget, f.ChoiceCombo):
        widget.combo.setCurrentIndex(widget.combo.findData(value))
    elif isinstance(widget, f.ChoiceChecks):
        for code in value:
            widget.boxes[code].setChecked(True)
    elif isinstance(widget, f.ChoicePickerField):
        codes = value if isinstance(value, list) else [value]

        def pick_terms(picker: ThesaurusPicker) -> None:
            label = picker.thesaurus.label(codes[0], LANGUAGE.current)
            picker.filter.setText(label[:4])  # filtering keeps the term visible
            assert picker.item_for(codes[0]) is not None
            assert not picker.item_for(codes[0]).isHidden()  # type: ignore[union-attr]
            picker.filter.clear()
            for code in codes:
                picker.set_checked(code)

        pickers.append(pick_terms)
        widget.choose_button.click()
    elif isinstance(widget, f.ReferenceField | f.ReferenceListField):
        ids = value if isinstance(value, list) else [value]
        for record_id in ids:

            def pick_record(picker: RecordPicker, record_id: str = record_id) -> None:
                title = session.records.get(record_id).summary.title
                picker.query.setText(title.split()[1])  # a word of the title, via search
                picker.run_search()
                assert picker.select_id(record_id)

            pickers.append(pick_record)
            button = (
                widget.add_button
                if isinstance(widget, f.ReferenceListField)
                else widget.choose_button
            )
            button.click()
    elif isinstance(widget, f.GroupField):
        fill(widget.form, value, session, pickers)
    elif isinstance(widget, f.EntriesField):
        for item in value:
            widget.add_button.click()
            fill(widget.entries[-1].form, item, session, pickers)
    else:
        raise TypeError(type(widget))


def fill(
    form: f.FieldForm,
    body: dict[str, Any],
    session: Session,
    pickers: list[Callable[[Any], None]],
) -> None:
    for name, value in body.items():
        set_widget(form.row(name).widget, value, session, pickers)
    assert not pickers, "a picker was queued but not opened"


# --- create and edit every template -------------------------------------------------------------


@pytest.mark.parametrize("name", TEMPLATES)
def test_create_and_edit_every_template(
    qtbot: QtBot,
    session: Session,
    *,
    refs: dict[str, str],
    pickers: list[Callable[[Any], None]],
    answers: list[int],
    name: str,
) -> None:
    template = session.templates.get(name)
    body = sample_body(template.fields, session, refs, 1)
    expected = template.validate(body)
    editor = open_editor(qtbot, session, name)
    assert editor.get_body() == {}
    fill(editor.form, body, session, pickers)
    assert editor.get_body() == expected
    editor.set_sensitivity("confidential")
    assert editor.save(), editor.error_label.text()
    assert editor.saved_id is not None
    stored = session.records.get(editor.saved_id)
    assert stored.body == expected
    assert stored.summary.sensitivity == "confidential"
    assert drafts.pending(session.records.conn) == []

    # edit: the editor shows exactly what is stored, then change it through the widgets
    editor = open_editor(qtbot, session, name, editor.saved_id)
    assert editor.get_body() == stored.body
    assert editor.sensitivity_level() == "confidential"
    assert not editor.is_dirty()
    changed = dict(stored.body)
    title = template.title_field
    set_widget(editor.form.row(title).widget, "Edited title Осмонов", session, pickers)
    changed[title] = "Edited title Осмонов"
    booleans = [s for s in template.fields if s.type == "boolean"]
    if booleans:  # back to "unknown": the field disappears
        editor.form.row(booleans[0].name).widget.combo.setCurrentIndex(0)  # type: ignore[attr-defined]
        del changed[booleans[0].name]
    entries_spec = next((s for s in template.fields if s.type == "entries"), None)
    if entries_spec is not None:
        entries = editor.form.row(entries_spec.name).widget
        assert isinstance(entries, f.EntriesField)
        assert len(entries.entries) == 2
        _first, second = changed[entries_spec.name]
        entries.entries[1].up_button.click()  # move the second entry first
        assert entries.entries[0].form.value() == second
        entries.entries[1].remove_button.click()  # and remove the old first one
        extra = sample_body(entries_spec.fields, session, refs, 7, "extra")
        entries.add_button.click()
        fill(entries.entries[-1].form, extra, session, pickers)
        changed[entries_spec.name] = [second, extra]
    dates = [s for s in template.fields if s.type == "date"]
    if dates:  # cleared: absent
        editor.form.row(dates[0].name).widget.edit.setText("")  # type: ignore[attr-defined]
        del changed[dates[0].name]
    assert editor.is_dirty()
    assert editor.save(), editor.error_label.text()
    after = session.records.get(stored.id)
    assert after.body == template.validate(changed)
    assert after.summary.revision_count == 2
    assert session.records.revisions(stored.id)[0].body == expected  # first version kept


def test_labels_in_russian_and_save(
    qtbot: QtBot, session: Session, answers: list[int], pickers: list[Callable[[Any], None]]
) -> None:
    LANGUAGE.apply("ru")
    editor = open_editor(qtbot, session, "testimony")
    title_row = editor.form.row("title")
    assert title_row.label is not None
    assert title_row.label.text() == "Заголовок *"
    consent = editor.form.row("consent").widget
    assert isinstance(consent, f.ConsentGroupField)
    assert consent.box.title() == "Информированное согласие"
    given = consent.form.row("given")
    assert given.label is not None and given.label.text() == "Согласие дано"
    scope = consent.form.row("scope").widget
    assert isinstance(scope, f.ChoiceChecks)
    assert scope.boxes["internal_documentation"].text() == "Внутреннее документирование"
    set_widget(title_row.widget, "Интервью в Оше", session, pickers)
    set_widget(editor.form.row("interview_date").widget, "2024-05", session, pickers)
    date_widget = editor.form.row("interview_date").widget
    assert isinstance(date_widget, f.DateField)
    assert "2024" in date_widget.feedback.text()
    assert editor.save()
    assert editor.saved_id is not None
    assert session.records.get(editor.saved_id).body == {
        "title": "Интервью в Оше",
        "interview_date": "2024-05",
    }
    # switching language keeps what was typed
    editor = open_editor(qtbot, session, "testimony", editor.saved_id)
    LANGUAGE.apply("en")
    editor.retranslate()
    assert editor.form.row("title").label.text() == "Title *"  # type: ignore[union-attr]
    assert editor.get_body()["title"] == "Интервью в Оше"


def test_consent_status_is_stated(
    qtbot: QtBot, session: Session, answers: list[int], pickers: list[Callable[[Any], None]]
) -> None:
    editor = open_editor(qtbot, session, "testimony")
    consent = editor.form.row("consent").widget
    assert isinstance(consent, f.ConsentGroupField)
    assert "not recorded" in consent.status.text()
    set_widget(consent.form.row("given").widget, True, session, pickers)
    set_widget(consent.form.row("scope").widget, ["internal_documentation"], session, pickers)
    assert "Consent given for" in consent.status.text()
    set_widget(consent.form.row("withdrawn").widget, True, session, pickers)
    assert "WITHDRAWN" in consent.status.text()
    editor.form.row("title").widget.edit.setText("x")  # type: ignore[attr-defined]
    answers.append(1)  # discard on close
    editor.reject()


# --- validation, conflicts ---------------------------------------------------------------------


def test_validation_error_is_shown_at_the_field_and_focused(
    qtbot: QtBot, session: Session, answers: list[int], pickers: list[Callable[[Any], None]]
) -> None:
    editor = open_editor(qtbot, session, "detention_visit")
    editor.form.row("narrative").widget.edit.setPlainText("text")  # type: ignore[attr-defined]
    assert not editor.save()  # the title is required
    assert editor.error_path == "title"
    title = editor.form.row("title")
    assert "required" in title.error_text
    assert editor.focusWidget() is title.widget.focus_widget()
    assert message_for("INVALID_RECORD") in editor.error_label.text()

    title.widget.edit.setText("Visit to SIZO-1")  # type: ignore[attr-defined]
    team = editor.form.row("team").widget
    assert isinstance(team, f.EntriesField)
    team.add_button.click()
    team.add_button.click()
    team.entries[0].form.row("role").widget.edit.setText("doctor")  # type: ignore[attr-defined]
    team.entries[1].form.row("name").widget.edit.setText("Aida")  # type: ignore[attr-defined]
    team.add_button.click()  # an empty entry is left out of the body
    team.entries[1].up_button.click()  # now: [Aida, doctor-without-name, empty]
    assert not editor.save()
    assert editor.error_path == "team[1].name"
    name_row = team.entries[1].form.row("name")
    assert "required" in name_row.error_text
    assert editor.focusWidget() is name_row.widget.focus_widget()
    assert title.error_text == ""  # the old error went away

    name_row.widget.edit.setText("Bakyt")  # type: ignore[attr-defined]
    visit_date = editor.form.row("visit_date").widget
    assert isinstance(visit_date, f.DateField)
    visit_date.edit.setText("2024-13")
    assert not visit_date.feedback.isHidden()
    assert "Not a date" in visit_date.feedback.text()
    assert not editor.save()
    assert editor.error_path == "visit_date"
    assert "YYYY" not in editor.form.row("visit_date").error_text  # says it in words
    assert "2024-03" in editor.form.row("visit_date").error_text
    assert editor.focusWidget() is visit_date.edit
    visit_date.edit.setText("2024-02-29")
    assert editor.save()
    stored = session.records.get(editor.saved_id or "")
    assert [m["name"] for m in stored.body["team"]] == ["Aida", "Bakyt"]


def test_conflict_keeps_the_text_and_can_save_as_newest(
    qtbot: QtBot, session: Session, answers: list[int]
) -> None:
    record = session.records.create("person", {"name": "Azamat"})
    editor = open_editor(qtbot, session, "person", record.id)
    session.records.edit(record.id, {"name": "Azamat (changed elsewhere)"})
    editor.form.row("notes").widget.edit.setPlainText("seen in Osh")  # type: ignore[attr-defined]
    answers.append(1)  # keep editing
    assert not editor.save()
    assert editor.saved_id is None
    assert message_for("EDIT_CONFLICT") in editor.error_label.text()
    assert editor.get_body() == {"name": "Azamat", "notes": "seen in Osh"}
    assert session.records.get(record.id).summary.revision_count == 2
    answers.append(0)  # save my version as the newest
    assert editor.save()
    assert saved_id(editor) == record.id
    stored = session.records.get(record.id)
    assert stored.summary.revision_count == 3
    assert stored.body == {"name": "Azamat", "notes": "seen in Osh"}
    assert session.records.revisions(record.id)[1].body["name"] == "Azamat (changed elsewhere)"


def test_closing_with_changes_asks(qtbot: QtBot, session: Session, answers: list[int]) -> None:
    editor = open_editor(qtbot, session, "facility", autosave_ms=10_000_000)
    editor.form.row("name").widget.edit.setText("IVS Bishkek")  # type: ignore[attr-defined]
    answers.append(2)  # keep editing
    editor.reject()
    assert editor.isVisible()
    answers.append(0)  # save
    editor.close()
    assert not editor.isVisible()
    assert editor.saved_id is not None
    # unchanged: closes without a question
    editor = open_editor(qtbot, session, "facility", editor.saved_id)
    editor.reject()
    assert not editor.isVisible()


# --- drafts -------------------------------------------------------------------------------------


def test_autosave_writes_a_draft_only_when_something_changed(
    qtbot: QtBot, session: Session, answers: list[int]
) -> None:
    conn = session.records.conn
    editor = open_editor(qtbot, session, "testimony", autosave_ms=30)
    qtbot.wait(120)
    assert drafts.pending(conn) == []  # nothing typed, nothing kept
    QTest.keyClicks(editor.form.row("title").widget.focus_widget(), "Interview 7")
    with qtbot.waitSignal(editor.draft_saved, timeout=2000):
        pass
    (draft,) = drafts.pending(conn)
    body, level = split_draft_body(draft.body)
    assert body == {"title": "Interview 7"}
    assert level == "internal"
    assert draft.record_id is None and draft.template == "testimony"
    editor.set_sensitivity("restricted")
    with qtbot.waitSignal(editor.draft_saved, timeout=2000):
        pass
    assert drafts.pending(conn)[0].body[DRAFT_SENSITIVITY_KEY] == "restricted"
    assert len(drafts.pending(conn)) == 1  # the same draft, updated
    answers.append(0)  # yes, discard
    editor.discard_button.click()
    assert not editor.isVisible()
    assert drafts.pending(conn) == []


def test_autosave_on_focus_change(qtbot: QtBot, session: Session, answers: list[int]) -> None:
    editor = open_editor(qtbot, session, "person", autosave_ms=10_000_000)
    qtbot.waitExposed(editor)
    editor.windowHandle().requestActivate()  # offscreen: no window manager activates it
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    name = editor.form.row("name").widget.focus_widget()
    name.setFocus()
    QTest.keyClicks(name, "Asel")
    with qtbot.waitSignal(editor.draft_saved, timeout=2000):
        editor.form.row("age").widget.focus_widget().setFocus()
    assert split_draft_body(drafts.pending(session.records.conn)[0].body)[0] == {"name": "Asel"}
    assert editor.save()
    assert drafts.pending(session.records.conn) == []  # saving removes the draft


def reopen(handle: VaultHandle) -> Session:
    handle.vault = open_vault(handle.path, handle.passphrase, floor=CHEAP_KDF)
    return Session(handle.vault)


def test_draft_restored_after_lock_without_saving(
    qtbot: QtBot,
    session: Session,
    *,
    handle: VaultHandle,
    refs: dict[str, str],
    answers: list[int],
    pickers: list[Callable[[Any], None]],
) -> None:
    editor = open_editor(qtbot, session, "case", autosave_ms=20)
    fill(
        editor.form,
        {
            "title": "Case of the Osh journalists",
            "opened_on": "2023-11",
            "defendants": [refs["person"]],
            "status_timeline": [
                {"date": "2024-03", "status": "arrested", "note": "at home"},
                {
                    "date": "2024-04-02",
                    "status": "pre_trial_detention",
                    "facility": refs["facility"],
                },
            ],
            "closed_hearings": True,
        },
        session,
        pickers,
    )
    typed = editor.get_body()
    editor.set_sensitivity("restricted")
    with qtbot.waitSignal(editor.draft_saved, timeout=2000):
        pass
    qtbot.waitUntil(lambda: editor.autosave() is False)  # the newest state is in the draft
    session.lock()  # e.g. auto-lock: nothing is saved, the editor closes
    assert not editor.isVisible()
    assert editor.get_body() == {}  # and forgets what it showed

    session2 = reopen(handle)
    try:
        editor2 = open_editor(qtbot, session2, "case", autosave_ms=20)
        assert not editor2.draft_banner.isHidden()
        assert editor2.get_body() == {}
        editor2.restore_button.click()
        assert editor2.get_body() == typed
        assert editor2.sensitivity_level() == "restricted"
        timeline = editor2.form.row("status_timeline").widget
        assert isinstance(timeline, f.EntriesField)
        assert "2024-03" in timeline.entries[0].heading.text()
        assert editor2.save()
        saved = session2.records.get(editor2.saved_id or "")
        assert saved.body == session2.templates.get("case").validate(typed)
        assert saved.summary.sensitivity == "restricted"
        assert drafts.pending(session2.records.conn) == []
    finally:
        session2.lock()


def test_draft_of_an_existing_record_offered_and_discarded(
    qtbot: QtBot, session: Session, handle: VaultHandle, answers: list[int]
) -> None:
    record = session.records.create("organisation", {"name": "Justice Bureau"})
    editor = open_editor(qtbot, session, "organisation", record.id, autosave_ms=20)
    editor.form.row("notes").widget.edit.setPlainText("met on 3 May")  # type: ignore[attr-defined]
    with qtbot.waitSignal(editor.draft_saved, timeout=2000):
        pass
    session.lock()
    session2 = reopen(handle)
    try:
        draft = drafts.for_record(session2.records.conn, record.id)
        assert draft is not None and draft.base_revision == record.summary.head_revision
        # a new organisation is not offered the record's draft
        other = open_editor(qtbot, session2, "organisation")
        assert other.draft_banner.isHidden()
        other.reject()
        editor2 = open_editor(qtbot, session2, "organisation", record.id)
        assert not editor2.draft_banner.isHidden()
        editor2.drop_draft_button.click()
        assert editor2.draft_banner.isHidden()
        assert drafts.pending(session2.records.conn) == []
        assert editor2.get_body() == {"name": "Justice Bureau"}
    finally:
        session2.lock()


CRASH_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from fielddoc.gui.environment import prepare

    prepare(Path(sys.argv[2]))
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from fielddoc.gui.editor import RecordEditor
    from fielddoc.gui.session import Session
    from fielddoc.vault.vault import open_vault
    from tests.conftest import CHEAP_KDF, PASSPHRASE

    session = Session(open_vault(Path(sys.argv[1]), PASSPHRASE, floor=CHEAP_KDF))
    editor = RecordEditor(session, "testimony", None, autosave_ms=100)
    editor.show()
    QTest.keyClicks(editor.form.row("title").widget.focus_widget(), "Interview in Osh")
    narrative = editor.form.row("narrative").widget.focus_widget()
    QTest.keyClicks(narrative, "He was held for three days")
    editor.draft_saved.connect(lambda draft_id: print("DRAFT", draft_id, flush=True))
    app.exec()
    """
)


def test_draft_survives_sigkill(tmp_path: Path, answers: list[int], qtbot: QtBot) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASH_SCRIPT, str(handle.path), str(tmp_path / "app")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        line = b""
        while time.monotonic() < deadline and not line.startswith(b"DRAFT"):
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                line = proc.stdout.readline()
                if not line:
                    break
        stderr = proc.stderr.read().decode() if proc.stderr and proc.poll() is not None else ""
        assert line.startswith(b"DRAFT"), stderr
        os.kill(proc.pid, signal.SIGKILL)  # no chance to save or clean up anything
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    session = reopen(handle)
    try:
        (draft,) = drafts.pending(session.records.conn)
        body, _level = split_draft_body(draft.body)
        assert body == {
            "title": "Interview in Osh",
            "narrative": "He was held for three days",
        }
        editor = open_editor(qtbot, session, "testimony")
        editor.restore_button.click()
        assert editor.get_body() == body
    finally:
        session.lock()


# --- keyboard and accessibility ------------------------------------------------------------------


def test_every_control_is_named_and_tab_follows_the_form(
    qtbot: QtBot, session: Session, answers: list[int]
) -> None:
    editor = open_editor(qtbot, session, "detention_visit")
    team = editor.form.row("team").widget
    assert isinstance(team, f.EntriesField)
    team.add_button.click()
    qtbot.wait(1)  # widgets added to a shown form are shown from the event loop
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in f.focus_chain(editor)
        if not w.accessibleName()
    ]
    assert unnamed == []
    # Tab reaches the new entry's first field right after the entries' title row, before Save
    order: list[QWidget] = []
    widget: QWidget | None = editor.sensitivity
    for _ in range(2000):
        assert widget is not None
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(editor):
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is editor.sensitivity:
            break
    first_field = team.entries[0].form.first_focus()
    assert first_field in order
    assert order.index(first_field) < order.index(editor.save_button)
    assert order.index(editor.form.row("title").widget.focus_widget()) < order.index(first_field)
    assert order.index(first_field) < order.index(team.add_button)


def test_path_parsing_and_partial_dates() -> None:
    assert f.parse_path("team[0].name") == ["team", 0, "name"]
    assert f.parse_path("consent.scope[1]") == ["consent", "scope", 1]
    assert f.normalise_date("15.03.2024") == "2024-03-15"
    assert f.normalise_date("3.2024") == "2024-03"
    assert f.normalise_date("2024-3") == "2024-03"
    assert f.normalise_date("2023-02-29") is None
    assert f.normalise_date("20245") is None
    assert f.normalise_time("9:05") == "09:05"
    assert f.normalise_time("2460") is None


def test_template_fields_all_have_widgets(session: Session) -> None:
    seen: set[str] = set()
    for name in TEMPLATES:
        template: Template = session.templates.get(name)
        form = f.FieldForm(template.fields, session)
        seen |= {row.field.type for row in form.iter_rows()}
        form.deleteLater()
    assert seen == {
        "text", "long_text", "date", "time", "integer", "boolean",
        "choice", "reference", "group", "entries",
    }  # fmt: skip


def test_draft_id_restores_at_once(qtbot: QtBot, session: Session, answers: list[int]) -> None:
    conn = session.records.conn
    draft_id = drafts.save(
        conn,
        draft_id=None,
        template="incident",
        body={"title": "Raid on the office", "date": "2024-1", DRAFT_SENSITIVITY_KEY: "public"},
    )
    editor = open_editor(qtbot, session, "incident", draft_id=draft_id)
    assert editor.draft_banner.isHidden()
    assert editor.draft_id == draft_id
    assert editor.sensitivity_level() == "public"
    date = editor.form.row("date").widget
    assert isinstance(date, f.DateField)
    assert date.edit.text() == "2024-1"  # a half-typed value is shown as it was
    assert editor.get_body() == {"title": "Raid on the office", "date": "2024-01"}
    assert editor.save()
    assert drafts.pending(conn) == []


def test_record_picker_finds_and_creates(
    qtbot: QtBot, session: Session, refs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    picker = RecordPicker(session, ("person", "organisation"), multiple=True)
    qtbot.addWidget(picker)
    titles = [picker.results.item(r).text() for r in range(picker.results.count())]
    assert any("Target person" in t for t in titles)  # recent records without typing
    picker.query.setText("Абдуллаев")
    picker.run_search()
    found = {picker.results.item(r).data(f.ID_ROLE) for r in range(picker.results.count())}
    assert found == {refs["person"], refs["organisation"]}
    picker.query.setText("Abdullaev")  # the same name in Latin letters
    picker.run_search()
    assert picker.results.count() == 2

    def create(editor: RecordEditor) -> int:
        editor.form.row("name").widget.edit.setText("Nurlan Created")  # type: ignore[attr-defined]
        return int(editor.save())

    monkeypatch.setattr(RecordEditor, "exec", create)
    picker.new_record("person")
    assert picker.created_ids
    created = picker.created_ids[0]
    assert session.records.get(created).body == {"name": "Nurlan Created"}
    assert created in picker.selected_ids()


def test_lock_closes_pickers_and_questions(
    qtbot: QtBot, session: Session, refs: dict[str, str]
) -> None:
    picker = RecordPicker(session, ("person",), multiple=False)
    qtbot.addWidget(picker)
    picker.show()
    editor = open_editor(qtbot, session, "person")
    editor.form.row("name").widget.edit.setText("Unsaved")  # type: ignore[attr-defined]
    seen: list[bool] = []

    def lock_soon() -> None:
        seen.append(editor._question is not None and editor._question.isVisible())
        session.lock()

    QTimer.singleShot(50, lock_soon)
    editor.reject()  # asks (really: a QMessageBox); the lock answers it
    assert seen == [True]
    assert not editor.isVisible()
    assert not picker.isVisible()


def test_thesaurus_picker_filters_in_any_language(qtbot: QtBot, session: Session) -> None:
    thesaurus = session.templates.thesaurus("types_of_acts")
    picker = ThesaurusPicker(thesaurus, multiple=False)
    qtbot.addWidget(picker)
    picker.filter.setText("пыт")  # Russian for "tort…", with the interface in English
    assert picker.selected_codes() == ["torture"]  # the match, not its broader term
    item = picker.item_for("torture")
    assert item is not None and item.text(0) == "Torture"
    picker.filter.setText("no such term at all")
    assert not picker.none_label.isHidden()
    assert picker.selected_codes() == []  # nothing hidden can be chosen


def test_open_editors_do_not_take_each_others_drafts(
    qtbot: QtBot, session: Session, answers: list[int]
) -> None:
    outer = open_editor(qtbot, session, "organisation", autosave_ms=10_000_000)
    outer.form.row("name").widget.edit.setText("Outer org")  # type: ignore[attr-defined]
    assert outer.autosave()
    nested = open_editor(qtbot, session, "organisation")  # e.g. "New record…" in a picker
    assert nested.draft_banner.isHidden()
    nested.abandon()
    outer.abandon()  # as if the app died: the draft stays, and is offered next time
    later = open_editor(qtbot, session, "organisation")
    assert not later.draft_banner.isHidden()
    later.restore_button.click()
    assert later.get_body() == {"name": "Outer org"}
