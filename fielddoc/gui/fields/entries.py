"""Lists of sub-entries (:class:`EntriesField`: a case's status timeline, charges, people
interviewed ...), each entry a numbered frame (:class:`EntryWidget`) with move and remove.

Entries with nothing filled in are left out of the body; error paths with an index count only
the entries that are in the body, and are mapped back to the widgets by ``row_for``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fielddoc.gui.fields.base import FieldWidget, hint_label, is_empty
from fielddoc.gui.fields.choice import _ThesaurusField
from fielddoc.gui.fields.form import FieldForm, FieldRow
from fielddoc.gui.fields.values import PathPart, date_start
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.templates import Field


class EntryWidget(QFrame):
    """One sub-entry of an entries field: a header with its number and move / remove buttons,
    and a form of the entry's fields."""

    def __init__(self, owner: EntriesField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = owner
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("entry")
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        style = self.style()
        self.up_button = QToolButton()
        self.up_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down_button = QToolButton()
        self.down_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.remove_button = QToolButton()
        self.remove_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.up_button.clicked.connect(lambda: owner.move_entry(self, -1))
        self.down_button.clicked.connect(lambda: owner.move_entry(self, 1))
        self.remove_button.clicked.connect(lambda: owner.remove_entry(self))
        columns = 2 if len(owner.field.fields) > 3 else 1
        self.form = FieldForm(owner.field.fields, owner.session, columns=columns)
        self.form.changed.connect(self.update_heading)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        for button in (self.up_button, self.down_button, self.remove_button):
            header.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.form)
        self.number = 0

    def set_number(self, number: int, total: int) -> None:
        self.number = number
        self.up_button.setEnabled(number > 1)
        self.down_button.setEnabled(number < total)
        self.retranslate()

    def retranslate(self) -> None:
        number = str(self.number)
        self.up_button.setToolTip(self.tr("Move entry %1 up").replace("%1", number))
        self.up_button.setAccessibleName(self.up_button.toolTip())
        self.down_button.setToolTip(self.tr("Move entry %1 down").replace("%1", number))
        self.down_button.setAccessibleName(self.down_button.toolTip())
        self.remove_button.setToolTip(self.tr("Remove entry %1").replace("%1", number))
        self.remove_button.setAccessibleName(self.remove_button.toolTip())
        self.setAccessibleName(
            self.tr("%1, entry %2").replace("%1", self.owner.label()).replace("%2", number)
        )
        self.form.retranslate()
        self.update_heading()

    def summary(self) -> str:
        """The entry at a glance: its first dates, choices and short texts."""
        parts: list[str] = []
        for row in self.form.rows:
            value = row.widget.value()
            if is_empty(value) or row.field.type not in ("date", "choice", "text"):
                continue
            if row.field.type == "choice" and isinstance(row.widget, _ThesaurusField):
                codes = value if isinstance(value, list) else [value]
                parts.append(", ".join(row.widget.term_label(str(code)) for code in codes))
            else:
                parts.append(str(value))
            if len(parts) == 3:
                break
        return " · ".join(part[:60] for part in parts)

    def update_heading(self) -> None:
        summary = self.summary()
        text = self.tr("%1.").replace("%1", str(self.number))
        if summary:
            text = self.tr("%1. %2").replace("%1", str(self.number)).replace("%2", summary)
        self.heading.setText(text)


class EntriesField(FieldWidget):
    """A list of sub-entries (the case status timeline, charges, people interviewed …) with
    add, remove and move up / down. Entries with nothing filled in are left out of the body."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.entries: list[EntryWidget] = []
        self._index_map: list[int] = []
        self.box = QGroupBox()
        self.help = hint_label()
        self.empty_label = hint_label()
        self.entry_layout = QVBoxLayout()
        self.entry_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder)
        )
        self.add_button.clicked.connect(lambda _checked=False: self.add_entry())
        self.date_field = self._sort_key_field()
        self.sort_button = QPushButton()
        self.sort_button.setAutoDefault(False)
        self.sort_button.clicked.connect(self.sort_by_date)
        self.sort_button.setVisible(self.date_field is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sort_button)
        buttons.addStretch()
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.help)
        inner.addWidget(self.empty_label)
        inner.addLayout(self.entry_layout)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.retranslate()

    def _sort_key_field(self) -> str | None:
        """The date sub-field entries are sorted by: a required date, else the first date."""
        dates = [spec for spec in self.field.fields if spec.type == "date"]
        required = [spec for spec in dates if spec.required]
        candidates = required or dates
        return candidates[0].name if candidates else None

    def retranslate(self) -> None:
        label = self.label()
        self.box.setTitle(label)
        help_text = self.field.help_text(LANGUAGE.current)
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))
        self.empty_label.setText(self.tr("No entries yet."))
        self.add_button.setText(self.tr("Add entry"))
        self.add_button.setAccessibleName(self.tr("Add an entry to: %1").replace("%1", label))
        self.sort_button.setText(self.tr("Sort by date"))
        self.sort_button.setAccessibleName(self.tr("Sort entries by date: %1").replace("%1", label))
        for entry in self.entries:
            entry.retranslate()

    def set_accessible(self, name: str, description: str) -> None:
        self.box.setAccessibleName(name)
        self.box.setAccessibleDescription(description)

    def _renumber(self) -> None:
        for number, entry in enumerate(self.entries, start=1):
            entry.set_number(number, len(self.entries))
        self.empty_label.setVisible(not self.entries)
        self.sort_button.setEnabled(len(self.entries) > 1)

    def add_entry(self, value: Any = None, *, focus: bool = True) -> EntryWidget:
        entry = EntryWidget(self)
        entry.form.changed.connect(self.changed)
        entry.form.structure_changed.connect(self.structure_changed)
        if isinstance(value, dict):
            entry.form.set_value(value)
        self.entries.append(entry)
        self.entry_layout.addWidget(entry)
        self._renumber()
        self.structure_changed.emit()
        self.changed.emit()
        if focus:
            target = entry.form.first_focus()
            if target is not None:
                target.setFocus()
            _ensure_visible(entry)
        return entry

    def remove_entry(self, entry: EntryWidget) -> None:
        if entry not in self.entries:
            return
        index = self.entries.index(entry)
        self.entries.remove(entry)
        self.entry_layout.removeWidget(entry)
        entry.hide()
        entry.deleteLater()
        self._renumber()
        self.structure_changed.emit()
        self.changed.emit()
        if self.entries:
            self.entries[min(index, len(self.entries) - 1)].remove_button.setFocus()
        else:
            self.add_button.setFocus()

    def move_entry(self, entry: EntryWidget, delta: int) -> None:
        index = self.entries.index(entry)
        target = index + delta
        if not 0 <= target < len(self.entries):
            return
        self.entries.insert(target, self.entries.pop(index))
        self._relayout()
        button = entry.up_button if delta < 0 else entry.down_button
        if not button.isEnabled():
            button = entry.down_button if delta < 0 else entry.up_button
        button.setFocus()

    def _relayout(self) -> None:
        for entry in self.entries:
            self.entry_layout.removeWidget(entry)
        for entry in self.entries:
            self.entry_layout.addWidget(entry)
        self._renumber()
        self.structure_changed.emit()
        self.changed.emit()

    def sort_by_date(self) -> None:
        """Order entries by the day their date starts (undated ones last); ties keep order."""
        name = self.date_field
        if name is None:
            return

        def key(entry: EntryWidget) -> tuple[int, date]:
            value = entry.form.value().get(name)
            start = date_start(value) if isinstance(value, str) else None
            return (0, start) if start is not None else (1, date.min)

        ordered = sorted(self.entries, key=key)
        if ordered != self.entries:
            self.entries = ordered
            self._relayout()

    def value(self) -> Any:
        values: list[dict[str, Any]] = []
        self._index_map = []
        for index, entry in enumerate(self.entries):
            item = entry.form.value()
            if item:
                values.append(item)
                self._index_map.append(index)
        return values or None

    def set_value(self, value: Any) -> None:
        for entry in list(self.entries):
            self.entry_layout.removeWidget(entry)
            entry.hide()
            entry.deleteLater()
        self.entries = []
        for item in value if isinstance(value, list) else []:
            entry = EntryWidget(self)
            entry.form.changed.connect(self.changed)
            entry.form.structure_changed.connect(self.structure_changed)
            entry.form.set_value(item if isinstance(item, dict) else {})
            self.entries.append(entry)
            self.entry_layout.addWidget(entry)
        self._renumber()
        self.structure_changed.emit()

    def row_for(self, parts: Sequence[PathPart]) -> FieldRow | None:
        if not parts:
            return None
        self.value()  # refresh the map from body indexes (empty entries left out) to widgets
        head, rest = parts[0], parts[1:]
        if isinstance(head, int):
            if head >= len(self._index_map):
                return None
            entry = self.entries[self._index_map[head]]
            _ensure_visible(entry)
            return entry.form.row_for(rest) if rest else None
        # a path without indexes (reference checks name "entries.field"): the first entry
        # that has a value there
        for entry in self.entries:
            row = entry.form.row_for(parts)
            if row is not None and not is_empty(row.widget.value()):
                return row
        return None

    def clear_errors(self) -> None:
        for entry in self.entries:
            entry.form.clear_errors()

    def focus_widget(self) -> QWidget:
        return self.add_button


def _ensure_visible(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget)
