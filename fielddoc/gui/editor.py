"""The record editor: a form built from the record's template, with drafts that survive a crash.

``RecordEditor(session, template_name, record_id | None, parent)`` is a dialog. It shows one
widget per template field (:mod:`fielddoc.gui.fields`), a sensitivity selector, and Save /
Discard / Close. Saving calls ``session.records.create`` or ``session.records.edit`` with the
revision the editor started from as ``base_revision``:

- :class:`~fielddoc.errors.ValidationError` puts a message next to the offending field (its
  dotted path, e.g. ``team[0].name``, is resolved to the widget), scrolls to it and focuses it;
- :class:`~fielddoc.errors.ConflictError` (someone saved a newer revision meanwhile) explains
  and keeps everything typed; the monitor may save their version as the newest (the other
  one stays in the history) or keep editing.

After a successful save ``saved_id`` holds the record id and ``saved`` is emitted.

Drafts (DESIGN.md "Records": drafts autosave): every ``autosave_ms`` (default
:data:`AUTOSAVE_MS`) and whenever the focus moves between fields, if what the form holds
changed since the last draft, the editor writes it with :func:`fielddoc.records.drafts.save`
on the GUI thread's connection (a tiny transaction). A killed process therefore loses at most
a few seconds of typing. The draft is deleted when the record is saved and when the monitor
discards the changes. When an editor opens for a record (or for a new record of a template)
that has a draft, a banner offers to restore or discard it; ``draft_id=`` restores a given
draft at once (for a "recover drafts" list elsewhere).

A draft's body is the form's record body plus the chosen sensitivity under the key
:data:`DRAFT_SENSITIVITY_KEY` (not a valid field name, so it never collides); use
:func:`split_draft_body` to read one.

When the session locks, the editor drops what it shows and closes without writing anything
(the vault is already closed); the last autosaved draft is what survives.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any, ClassVar, cast

from PySide6.QtCore import QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import ConflictError, FielddocError, ValidationError
from fielddoc.gui.fields import (
    ERROR_STYLE,
    FieldForm,
    FieldRow,
    apply_tab_order,
    focus_chain,
    parse_path,
    problem_text,
)
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.messages import message_for
from fielddoc.gui.models import format_time
from fielddoc.gui.session import Session
from fielddoc.records import drafts
from fielddoc.records.store import DEFAULT_SENSITIVITY, SENSITIVITY_LEVELS, Record
from fielddoc.vault.connection import DatabaseError

AUTOSAVE_MS = 3000
DRAFT_SENSITIVITY_KEY = "$sensitivity"
BANNER_STYLE = (
    "QFrame#%s { background: %s; border: 1px solid %s; border-radius: 4px; }"
    " QFrame#%s QLabel { color: #1a1a1a; }"
)


def split_draft_body(body: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """``(record body, sensitivity or None)`` from a draft body written by the editor."""
    clean = {key: value for key, value in body.items() if key != DRAFT_SENSITIVITY_KEY}
    level = body.get(DRAFT_SENSITIVITY_KEY)
    return clean, level if level in SENSITIVITY_LEVELS else None


def _banner(name: str, background: str, border: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setStyleSheet(BANNER_STYLE % (name, background, border, name))
    frame.hide()
    return frame


class RecordEditor(QDialog):
    saved = Signal(str)  # record id, after a successful save
    draft_saved = Signal(str)  # draft id, after each autosave that wrote something

    # drafts that open editors are writing: never offered to another editor (a nested
    # "New record…" editor of the same template must not take its parent's draft)
    _held_drafts: ClassVar[set[str]] = set()

    def __init__(
        self,
        session: Session,
        template_name: str,
        record_id: str | None,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        draft_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        # the order matters: the form is built for the record's own template, filled, and only
        # then remembered as "clean"; autosave and the lock hook start on a complete editor
        self._init_state(session, template_name, record_id)
        body, sensitivity = self._load_record()
        self._build()
        self._show_loaded(body, sensitivity, draft_id)
        self._start_autosave(autosave_ms)
        self._connect_session()
        self.fix_tab_order()
        first = self.form.first_focus()
        if first is not None:
            first.setFocus()

    def _init_state(self, session: Session, template_name: str, record_id: str | None) -> None:
        self.session = session
        self.template = session.templates.get(template_name)
        self.record_id = record_id
        self.saved_id: str | None = None
        self.draft_id: str | None = None
        self.base_revision: str | None = None
        self.offered_draft: drafts.Draft | None = None
        self.error_path: str | None = None
        self.load_error: str | None = None
        self._finished = False
        self._question: QMessageBox | None = None
        self._title = ""

    def _load_record(self) -> tuple[dict[str, Any], str]:
        """(body, sensitivity) of the record being edited; empty and the default for a new
        record. A record that cannot be read leaves its error code in :attr:`load_error`."""
        body: dict[str, Any] = {}
        sensitivity = DEFAULT_SENSITIVITY
        if self.record_id is not None:
            try:
                record = self.session.records.get(self.record_id)
            except FielddocError as err:
                self.load_error = err.code
            else:
                if record.template != self.template.name:  # the record decides its form
                    self.template = self.session.templates.get(record.template)
                body, sensitivity = record.body, record.summary.sensitivity
                self.base_revision = record.summary.head_revision
                self._title = record.summary.title
        return body, sensitivity

    def _show_loaded(self, body: dict[str, Any], sensitivity: str, draft_id: str | None) -> None:
        """Fill the form, take it as the clean state, then offer a draft (or show why the
        record cannot be edited: the form stays disabled and Save off)."""
        self.form.set_value(body)
        self.set_sensitivity(sensitivity)
        self._clean = self.state()
        self._last_draft = self._clean
        self.retranslate()
        if self.load_error is not None:
            self.show_banner(message_for(self.load_error))
            self.save_button.setEnabled(False)
            self.form.setEnabled(False)
        else:
            self._find_draft(draft_id)

    def _start_autosave(self, autosave_ms: int) -> None:
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        if self.load_error is None:
            self.autosave_timer.start()

    def _connect_session(self) -> None:
        app = cast(QApplication, QApplication.instance())
        app.focusChanged.connect(self._focus_changed)
        session = self.session
        session.about_to_lock.connect(self.autosave)  # keep what was typed since the last draft
        session.locked.connect(self._on_locked)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("recordEditor")
        self.setSizeGripEnabled(True)
        self.resize(920, 760)
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self._build_banners()
        self._build_sensitivity()
        # the fields
        self.form = FieldForm(self.template.fields, self.session)
        self.form.structure_changed.connect(self.fix_tab_order)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addWidget(self.form)
        holder_layout.addStretch()
        self.scroll_area.setWidget(holder)
        # bottom
        self.status = QLabel()
        self._status: tuple[str, str] = ("", "")  # what the line says: kind and time
        self.status.setObjectName("draftStatus")
        self.save_button = QPushButton()
        self.discard_button = QPushButton()
        self.close_button = QPushButton()
        for button in (self.save_button, self.discard_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a field must never save by accident
            button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard_changes)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.error_banner)
        layout.addLayout(self.sensitivity_row)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

    def _build_banners(self) -> None:
        # a draft found at opening: restore or discard
        self.draft_banner = _banner("draftBanner", "#fff4d6", "#d9a400")
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_draft)
        self.drop_draft_button = QPushButton()
        self.drop_draft_button.clicked.connect(self.discard_offered_draft)
        draft_layout = QHBoxLayout(self.draft_banner)
        draft_layout.addWidget(self.draft_label, 1)
        draft_layout.addWidget(self.restore_button)
        draft_layout.addWidget(self.drop_draft_button)
        # errors from saving
        self.error_banner = _banner("errorBanner", "#fde7ea", "#b00020")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        QVBoxLayout(self.error_banner).addWidget(self.error_label)

    def _build_sensitivity(self) -> None:
        self.sensitivity_label = QLabel()
        self.sensitivity = QComboBox()
        for level in SENSITIVITY_LEVELS:
            self.sensitivity.addItem("", level)
        self.sensitivity_label.setBuddy(self.sensitivity)
        self.sensitivity_hint = QLabel()
        self.sensitivity_hint.setWordWrap(True)
        self.sensitivity.currentIndexChanged.connect(lambda _index: self._update_hint())
        self.sensitivity_row = QHBoxLayout()
        self.sensitivity_row.addWidget(self.sensitivity_label)
        self.sensitivity_row.addWidget(self.sensitivity)
        self.sensitivity_row.addWidget(self.sensitivity_hint, 1)

    def fix_tab_order(self) -> None:
        """Tab follows the reading order, also through entries added after opening."""
        chain: list[QWidget] = []
        chain += focus_chain(self.draft_banner)
        chain.append(self.sensitivity)
        chain += focus_chain(self.scroll_area)
        chain += [self.save_button, self.discard_button, self.close_button]
        apply_tab_order(chain)

    def retranslate(self) -> None:
        kind = self.template.label(LANGUAGE.current)
        if self.record_id is None:
            title = self.tr("New record — %1").replace("%1", kind)
        else:
            title = (
                self.tr("%1 — %2")
                .replace("%1", kind)
                .replace("%2", self._title or self.tr("(untitled)"))
            )
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.sensitivity_label.setText(self.tr("&Sensitivity:"))
        self.sensitivity.setAccessibleName(self.tr("Sensitivity"))
        names = {
            "public": self.tr("Public"),
            "internal": self.tr("Internal"),
            "confidential": self.tr("Confidential"),
            "restricted": self.tr("Restricted"),
        }
        for index in range(self.sensitivity.count()):
            level = str(self.sensitivity.itemData(index))
            self.sensitivity.setItemText(index, names.get(level, level))
        self._update_hint()
        self.restore_button.setText(self.tr("&Restore draft"))
        self.restore_button.setAccessibleName(self.tr("Restore the unsaved draft"))
        self.drop_draft_button.setText(self.tr("Discard draft"))
        self.drop_draft_button.setAccessibleName(self.tr("Discard the unsaved draft"))
        self._update_draft_text()
        self._render_status()
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Save the record"))
        self.discard_button.setText(self.tr("&Discard changes"))
        self.discard_button.setAccessibleName(self.tr("Discard changes and the draft"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the editor"))
        self.scroll_area.setAccessibleName(self.tr("Fields"))
        self.form.retranslate()

    def _show_status(self, kind: str, moment: str = "") -> None:
        """Remember what the status line says (not its text), so a language switch redraws it."""
        self._status = (kind, moment)
        self._render_status()

    def _render_status(self) -> None:
        kind, moment = self._status
        texts = {
            "restored": self.tr("Draft restored. Check it, then save."),
            "not_removed": self.tr("The draft could not be removed."),
            "not_written": self.tr("The draft could not be written. Save soon."),
            "kept": self.tr("Draft kept at %1").replace("%1", moment),
        }
        self.status.setText(texts.get(kind, ""))

    def _update_hint(self) -> None:
        hints = {
            "public": self.tr("May be published."),
            "internal": self.tr("For the organisation's staff."),
            "confidential": self.tr("Only for people working on this matter."),
            "restricted": self.tr("Highest protection: names or details that put people at risk."),
        }
        self.sensitivity_hint.setText(hints.get(self.sensitivity_level(), ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "form"):
            self.retranslate()
        super().changeEvent(event)

    # --- the body -----------------------------------------------------------------------------

    def get_body(self) -> dict[str, Any]:
        """The record body as the form holds it; empty fields are left out."""
        return self.form.value()

    def set_body(self, body: dict[str, Any]) -> None:
        self.form.set_value(body)

    def sensitivity_level(self) -> str:
        return str(self.sensitivity.currentData() or DEFAULT_SENSITIVITY)

    def set_sensitivity(self, level: str) -> None:
        index = self.sensitivity.findData(level)
        self.sensitivity.setCurrentIndex(max(index, 0))

    def state(self) -> dict[str, Any]:
        """Everything a save or a draft keeps: the body and the sensitivity."""
        return {"body": self.get_body(), "sensitivity": self.sensitivity_level()}

    def is_dirty(self) -> bool:
        """True when the form differs from the record as stored (or from empty, if new)."""
        return self.state() != self._clean

    def field_row(self, dotted: str) -> FieldRow | None:
        """The form row for a dotted field path such as ``"team[0].name"``."""
        return self.form.row_for(parse_path(dotted))

    # --- drafts -------------------------------------------------------------------------------

    def _find_draft(self, draft_id: str | None) -> None:
        conn = self.session.records.conn
        if draft_id is not None:
            found = next(
                (d for d in drafts.pending(conn) if d.id == draft_id and not self._held(d)), None
            )
            if found is not None:
                self.offered_draft = found
                self.restore_draft()
            return
        if self.record_id is not None:
            draft = drafts.for_record(conn, self.record_id)
            self.offered_draft = None if draft is None or self._held(draft) else draft
        else:
            mine = [
                d
                for d in drafts.pending(conn)
                if d.record_id is None and d.template == self.template.name and not self._held(d)
            ]
            self.offered_draft = mine[-1] if mine else None
        if self.offered_draft is not None:
            self._update_draft_text()
            self.draft_banner.show()

    def _held(self, draft: drafts.Draft) -> bool:
        return draft.id in self._held_drafts

    def _hold(self, draft_id: str | None) -> None:
        if self.draft_id is not None:
            self._held_drafts.discard(self.draft_id)
        self.draft_id = draft_id
        if draft_id is not None:
            self._held_drafts.add(draft_id)

    def _update_draft_text(self) -> None:
        if self.offered_draft is None:
            return
        text = self.tr(
            "Text from %1 that was never saved was found (the editor was closed or the "
            "computer stopped before saving). Restore it?"
        ).replace("%1", format_time(self.offered_draft.updated_at))
        self.draft_label.setText(text)

    def restore_draft(self) -> None:
        """Fill the form with the offered draft and keep writing to that draft."""
        draft = self.offered_draft
        if draft is None:
            return
        body, level = split_draft_body(draft.body)
        self.form.set_value(body)
        if level is not None:
            self.set_sensitivity(level)
        if self.record_id is not None and draft.base_revision:
            self.base_revision = draft.base_revision  # a newer save then shows as a conflict
        if self.draft_id is not None and self.draft_id != draft.id:
            self._discard_draft(self.draft_id)  # what was autosaved before restoring
        self._hold(draft.id)
        self._last_draft = self.state()
        self.offered_draft = None
        self.draft_banner.hide()
        self.fix_tab_order()
        self._show_status("restored")
        first = self.form.first_focus()
        if first is not None:
            first.setFocus()

    def discard_offered_draft(self) -> None:
        draft = self.offered_draft
        if draft is None:
            return
        self._discard_draft(draft.id)
        self.offered_draft = None
        self.draft_banner.hide()
        first = self.form.first_focus()
        if first is not None:
            first.setFocus()

    def _discard_draft(self, draft_id: str) -> None:
        try:
            drafts.discard(self.session.records.conn, draft_id)
        except (FielddocError, DatabaseError):
            self._show_status("not_removed")

    def autosave(self) -> bool:
        """Write a draft if the form changed since the last one; True when one was written."""
        if self._finished or not self.session.is_open or self.load_error is not None:
            return False
        state = self.state()
        if state == self._last_draft:
            return False
        body = dict(state["body"])
        body[DRAFT_SENSITIVITY_KEY] = state["sensitivity"]
        try:
            draft_id = drafts.save(
                self.session.records.conn,
                draft_id=self.draft_id,
                template=self.template.name,
                body=body,
                record_id=self.record_id,
                base_revision=self.base_revision,
            )
        except (FielddocError, DatabaseError, ValueError):
            self._show_status("not_written")
            return False
        self._hold(draft_id)
        self._last_draft = state
        self._show_status("kept", LANGUAGE.locale().toString(QTime.currentTime(), "HH:mm:ss"))
        self.draft_saved.emit(draft_id)
        return True

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and not self._finished and self.isAncestorOf(old):
            self.autosave()

    # --- saving -------------------------------------------------------------------------------

    def show_banner(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_banner.show()

    def clear_errors(self) -> None:
        self.error_banner.hide()
        self.error_label.clear()
        self.error_path = None
        self.form.clear_errors()

    def save(self) -> bool:
        """Validate and store; True (and the dialog accepted) on success."""
        if self._finished or self.load_error is not None:
            return False
        self.clear_errors()
        body = self.get_body()
        level = self.sensitivity_level()
        try:
            if self.record_id is None:
                record = self.session.records.create(self.template.name, body, sensitivity=level)
            else:
                record = self.session.records.edit(
                    self.record_id, body, base_revision=self.base_revision, sensitivity=level
                )
        except ValidationError as err:
            self.show_validation_error(err.field)
            return False
        except ConflictError:
            return self._conflict()
        except FielddocError as err:
            self.show_banner(message_for(err.code))
            return False
        self._saved(record)
        return True

    def show_validation_error(self, path: str | None) -> None:
        """Show why the field at ``path`` was refused, next to it, and put the focus there."""
        self.error_path = path
        self.show_banner(message_for("INVALID_RECORD"))
        row = self.field_row(path) if path else None
        if row is None:
            return
        row.show_error(problem_text(row.field, row.widget.value()))
        target = row.widget.focus_widget()
        self.scroll_area.ensureWidgetVisible(row.widget)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _conflict(self) -> bool:
        self.show_banner(message_for("EDIT_CONFLICT"))
        choice = self._ask(
            self.tr("Changed elsewhere"),
            self.tr(
                "A newer version of this record was saved after you opened it (in another "
                "window, or by an import). Everything you typed is still here.\n\n"
                "You can save your version as the newest one; the other version stays in the "
                "record's history and can be compared there. Or keep editing."
            ),
            [self.tr("Save my version as the newest"), self.tr("Keep editing")],
        )
        if choice != 0 or self.record_id is None:
            return False
        try:
            self.base_revision = self.session.records.get(self.record_id).summary.head_revision
        except FielddocError as err:
            self.show_banner(message_for(err.code))
            return False
        return self.save()

    def _saved(self, record: Record) -> None:
        if self.draft_id is not None:
            self._discard_draft(self.draft_id)
            self._hold(None)
        self.saved_id = record.id
        self.record_id = record.id
        self.base_revision = record.summary.head_revision
        self._title = record.summary.title
        self._clean = self.state()
        self._last_draft = self._clean
        self.saved.emit(record.id)
        self.session.notify("records")
        self._close(QDialog.DialogCode.Accepted)

    # --- closing ------------------------------------------------------------------------------

    def _ask(self, title: str, text: str, choices: Sequence[str]) -> int:
        """Ask with ``choices`` (the last one is the safe answer); index of the answer, or the
        last index when the box is closed. Tests replace this method."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self
        )
        self._question = box
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        box.setDefaultButton(buttons[-1])
        box.setEscapeButton(buttons[-1])
        box.exec()
        self._question = None
        clicked = box.clickedButton()
        box.deleteLater()
        return next((i for i, b in enumerate(buttons) if b is clicked), len(choices) - 1)

    def discard_changes(self) -> None:
        """Throw away what was typed since the last save, and the draft, after asking."""
        if self.is_dirty() or self.draft_id is not None:
            choice = self._ask(
                self.tr("Discard changes"),
                self.tr("Throw away everything typed since the last save? This cannot be undone."),
                [self.tr("Discard"), self.tr("Keep editing")],
            )
            if choice != 0:
                return
        if self.draft_id is not None:
            self._discard_draft(self.draft_id)
            self._hold(None)
        self._close(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Close (Escape, the Close button, the window's close box): ask about unsaved work."""
        if self._finished:
            return
        if not self.is_dirty():
            if self.draft_id is not None:  # changed, then changed back: nothing to keep
                self._discard_draft(self.draft_id)
                self._hold(None)
            self._close(QDialog.DialogCode.Rejected)
            return
        choice = self._ask(
            self.tr("Unsaved changes"),
            self.tr("This record has changes that are not saved."),
            [self.tr("Save"), self.tr("Discard changes"), self.tr("Keep editing")],
        )
        if choice == 0:
            self.save()
        elif choice == 1:
            if self.draft_id is not None:
                self._discard_draft(self.draft_id)
                self._hold(None)
            self._close(QDialog.DialogCode.Rejected)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            event.accept()
            return
        event.ignore()
        self.reject()

    def _close(self, result: QDialog.DialogCode) -> None:
        self._stop()
        super().done(result.value)

    def _stop(self) -> None:
        if self._finished:
            return
        self._finished = True
        self.autosave_timer.stop()
        if self.draft_id is not None:  # kept in the vault, free for the next editor
            self._held_drafts.discard(self.draft_id)
        app = QApplication.instance()
        if app is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                cast(QApplication, app).focusChanged.disconnect(self._focus_changed)

    def _on_locked(self) -> None:
        self.abandon()

    def abandon(self) -> None:
        """Close at once without asking and without writing anything (the vault is locking or
        closed): the form is cleared; the last autosaved draft, if any, stays for next time."""
        if self._finished:
            return
        self._stop()
        if self._question is not None:  # a question still open: answered with the safe choice
            self._question.reject()
        self.form.set_value({})
        self.offered_draft = None
        super().done(QDialog.DialogCode.Rejected.value)
