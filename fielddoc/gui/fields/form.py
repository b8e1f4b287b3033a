"""Forms: labelled rows for a tuple of fields (:class:`FieldForm`), one :class:`FieldRow` per
field, and :func:`make_field_widget`, which picks the widget class for a field.

Rows are in template order; a row's help text and error message sit under its widget. Labels,
help and accessible names come from the templates in the current language and are set again by
``retranslate()``. The two "fields" texts below keep that explicit translation context.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from fielddoc.gui.fields.base import ERROR_STYLE, FieldWidget, hint_label, is_empty
from fielddoc.gui.fields.checked_lines import DateField, IntegerField, TimeField
from fielddoc.gui.fields.choice import BooleanField, ChoiceChecks, ChoiceCombo
from fielddoc.gui.fields.picked import ChoicePickerField, ReferenceField, ReferenceListField
from fielddoc.gui.fields.text import LongTextField, TextField
from fielddoc.gui.fields.values import PathPart, parse_path
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.templates import Field

translate = QCoreApplication.translate

SMALL_THESAURUS = 20
"""A single choice from a thesaurus of at most this many terms is a combo box."""
CHECKBOX_THESAURUS = 8
"""A multiple choice from a flat thesaurus of at most this many terms is a row of check boxes."""


@dataclass
class FieldRow:
    """One field on a form: its widget, its label (not for groups and entries, whose box has
    the title), its help text and its error message."""

    field: Field
    widget: FieldWidget
    label: QLabel | None
    help: QLabel
    error: QLabel

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    @property
    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def retranslate(self) -> None:
        lang = LANGUAGE.current
        label = self.field.label(lang)
        help_text = self.field.help_text(lang)
        if self.label is not None:
            shown = label
            if self.field.required:
                shown = translate("fields", "%1 *", "a required field's label").replace("%1", label)
            self.label.setText(shown)
        container = self.field.type in ("group", "entries")
        self.help.setText("" if container else help_text)
        self.help.setVisible(bool(help_text) and not container)
        description = help_text
        if self.field.required:
            description = translate("fields", "Required. %1").replace("%1", help_text).strip()
        self.widget.set_accessible(label, description)
        self.widget.setToolTip(help_text if not container else "")
        self.widget.retranslate()


class FieldForm(QWidget):
    """Labelled rows for a tuple of fields, in template order; ``columns=2`` puts two short
    fields side by side (used for the entries of a timeline, so each fits in a few lines)."""

    changed = Signal()
    structure_changed = Signal()

    def __init__(
        self,
        fields: tuple[Field, ...],
        session: Session,
        *,
        columns: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rows: list[FieldRow] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(6)
        grid.setHorizontalSpacing(10)
        line, slot = 0, 0
        for spec in fields:
            row, cell = _make_row(spec, session)
            row.widget.changed.connect(self.changed)
            row.widget.structure_changed.connect(self.structure_changed)
            self.rows.append(row)
            if row.label is None:  # group or entries: the box spans the form
                if slot:
                    line, slot = line + 1, 0
                grid.addWidget(cell, line, 0, 1, 2 * columns)
                line += 1
                continue
            wide = spec.type == "long_text" or columns == 1
            if wide and slot:
                line, slot = line + 1, 0
            grid.addWidget(row.label, line, 2 * slot)
            grid.addWidget(cell, line, 2 * slot + 1, 1, 2 * columns - 1 if wide else 1)
            if wide:
                line += 1
            else:
                slot += 1
                if slot == columns:
                    line, slot = line + 1, 0
        for column in range(columns):
            grid.setColumnStretch(2 * column + 1, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for row in self.rows:
            row.retranslate()

    def value(self) -> dict[str, Any]:
        """The filled-in fields; empty ones are left out."""
        body: dict[str, Any] = {}
        for row in self.rows:
            value = row.widget.value()
            if not is_empty(value):
                body[row.field.name] = value
        return body

    def set_value(self, body: dict[str, Any]) -> None:
        for row in self.rows:
            row.widget.set_value(body.get(row.field.name))

    def row(self, name: str) -> FieldRow:
        """The row of the field called ``name`` (KeyError if there is none)."""
        for row in self.rows:
            if row.field.name == name:
                return row
        raise KeyError(name)

    def widget(self, dotted: str) -> FieldWidget:
        """The widget of a field given as a dotted path (``"consent.given"``,
        ``"team[1].name"``); KeyError if there is none."""
        row = self.row_for(parse_path(dotted))
        if row is None:
            raise KeyError(dotted)
        return row.widget

    def row_for(self, parts: Sequence[PathPart]) -> FieldRow | None:
        if not parts or not isinstance(parts[0], str):
            return None
        row = next((r for r in self.rows if r.field.name == parts[0]), None)
        if row is None or len(parts) == 1:
            return row
        return row.widget.row_for(parts[1:]) or row

    def clear_errors(self) -> None:
        for row in self.rows:
            row.clear_error()
            row.widget.clear_errors()

    def first_focus(self) -> QWidget | None:
        return self.rows[0].widget.focus_widget() if self.rows else None

    def iter_rows(self) -> Iterator[FieldRow]:
        """Every row, nested ones (groups, entries) included, depth first."""
        # imported here: the container modules build their inner forms with FieldForm
        from fielddoc.gui.fields.entries import EntriesField
        from fielddoc.gui.fields.groups import GroupField

        for row in self.rows:
            yield row
            widget = row.widget
            if isinstance(widget, GroupField):
                yield from widget.form.iter_rows()
            elif isinstance(widget, EntriesField):
                for entry in widget.entries:
                    yield from entry.form.iter_rows()


def _make_row(spec: Field, session: Session) -> tuple[FieldRow, QWidget]:
    """A field's widget with its label, help and error message; the cell holds all but the
    label."""
    widget = make_field_widget(spec, session)
    help_label = hint_label()
    error = QLabel()
    error.setObjectName("fieldError")
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_STYLE)
    error.hide()
    cell = QWidget()
    cell_layout = QVBoxLayout(cell)
    cell_layout.setContentsMargins(0, 0, 0, 0)
    cell_layout.setSpacing(2)
    cell_layout.addWidget(widget)
    cell_layout.addWidget(help_label)
    cell_layout.addWidget(error)
    cell_layout.addStretch(1)  # short fields beside taller ones stay at the top of the row
    label: QLabel | None = None
    if spec.type not in ("group", "entries"):
        label = QLabel()
        label.setWordWrap(True)
        label.setMinimumWidth(120)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setBuddy(widget.focus_widget())
    return FieldRow(spec, widget, label, help_label, error), cell


def make_field_widget(field: Field, session: Session) -> FieldWidget:
    """The widget for one template field."""
    # imported here: the container modules build their inner forms with FieldForm
    from fielddoc.gui.fields.entries import EntriesField
    from fielddoc.gui.fields.groups import ConsentGroupField, GroupField

    kind = field.type
    if kind == "text":
        return TextField(field, session)
    if kind == "long_text":
        return LongTextField(field, session)
    if kind == "date":
        return DateField(field, session)
    if kind == "time":
        return TimeField(field, session)
    if kind == "integer":
        return IntegerField(field, session)
    if kind == "boolean":
        return BooleanField(field, session)
    if kind == "choice":
        thesaurus = session.templates.thesaurus(field.thesaurus or "")
        terms = thesaurus.flat()
        flat = all(depth == 0 for _code, depth, _labels in terms)
        if field.multiple:
            if flat and len(terms) <= CHECKBOX_THESAURUS:
                return ChoiceChecks(field, session)
            return ChoicePickerField(field, session)
        if len(terms) <= SMALL_THESAURUS:
            return ChoiceCombo(field, session)
        return ChoicePickerField(field, session)
    if kind == "reference":
        if field.multiple:
            return ReferenceListField(field, session)
        return ReferenceField(field, session)
    if kind == "group":
        if field.name == "consent" and any(spec.name == "given" for spec in field.fields):
            return ConsentGroupField(field, session)
        return GroupField(field, session)
    if kind == "entries":
        return EntriesField(field, session)
    raise ValueError(f"no widget for field type {kind!r}")
