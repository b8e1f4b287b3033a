"""Values chosen in a picker dialog: thesaurus terms from the tree picker
(:class:`ChoicePickerField`) and references to records (:class:`ReferenceField`, one;
:class:`ReferenceListField`, several).

Recorded order is kept; codes no longer in the thesaurus stay.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fielddoc.gui.fields.base import ID_ROLE, FieldWidget, is_empty, row_layout
from fielddoc.gui.fields.choice import _ThesaurusField
from fielddoc.gui.pickers import RecordPicker, ThesaurusPicker, record_title
from fielddoc.gui.session import Session
from fielddoc.records.templates import Field


class _PickedField(FieldWidget):
    """A read-only summary of what is chosen, a "Choose…" button and a "Clear" button."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.values: list[str] = []
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton)
        )
        self.clear_button.clicked.connect(lambda: self.set_values([]))
        layout = row_layout(self)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose_button)
        self.retranslate()

    def describe(self, value: str) -> str:
        raise NotImplementedError

    def make_picker(self) -> ThesaurusPicker | RecordPicker:
        raise NotImplementedError

    def picked(self, picker: ThesaurusPicker | RecordPicker) -> list[str]:
        raise NotImplementedError

    def choose(self) -> None:
        picker = self.make_picker()
        try:
            if picker.exec():
                self.set_values(self.picked(picker))
        finally:
            picker.deleteLater()
        self.choose_button.setFocus()

    def set_values(self, values: list[str]) -> None:
        if values == self.values:
            return
        self.values = list(values)
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        text = "; ".join(self.describe(value) for value in self.values)
        self.display.setText(text)
        self.display.setToolTip(text)
        self.display.setCursorPosition(0)
        self.clear_button.setEnabled(bool(self.values))

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose…"))
        self.clear_button.setToolTip(self.tr("Clear"))
        self.display.setPlaceholderText(self.tr("— not recorded —"))
        self._show()

    def set_accessible(self, name: str, description: str) -> None:
        self.display.setAccessibleName(name)
        self.display.setAccessibleDescription(description)
        self.choose_button.setAccessibleName(self.tr("Choose: %1").replace("%1", name))
        self.clear_button.setAccessibleName(self.tr("Clear: %1").replace("%1", name))

    def value(self) -> Any:
        if not self.values:
            return None
        return list(self.values) if self.field.multiple else self.values[0]

    def set_value(self, value: Any) -> None:
        if is_empty(value):
            values: list[str] = []
        elif isinstance(value, list):
            values = [str(item) for item in value]
        else:
            values = [str(value)]
        self.values = values
        self._show()

    def focus_widget(self) -> QWidget:
        return self.choose_button


class ChoicePickerField(_PickedField, _ThesaurusField):
    """A choice (single or multiple) from a large or nested thesaurus, via the tree picker."""

    def describe(self, value: str) -> str:
        return self.term_label(value)

    def make_picker(self) -> ThesaurusPicker:
        return ThesaurusPicker(
            self.thesaurus,
            multiple=self.field.multiple,
            selected=self.values,
            title=self.label(),
            parent=self,
        )

    def picked(self, picker: ThesaurusPicker | RecordPicker) -> list[str]:
        assert isinstance(picker, ThesaurusPicker)  # noqa: S101 - made by make_picker
        codes = picker.selected_codes()
        if not self.field.multiple:
            return codes[:1]
        # keep the recorded order (and codes no longer in the thesaurus); new ones go last
        kept = [code for code in self.values if code in codes or code not in self.thesaurus]
        return kept + [code for code in codes if code not in kept]


class ReferenceField(_PickedField):
    """A reference to one record of the target templates, found with the record picker."""

    def describe(self, value: str) -> str:
        return record_title(self.session, value)

    def make_picker(self) -> RecordPicker:
        return RecordPicker(
            self.session, self.field.targets, multiple=False, title=self.label(), parent=self
        )

    def picked(self, picker: ThesaurusPicker | RecordPicker) -> list[str]:
        assert isinstance(picker, RecordPicker)  # noqa: S101 - made by make_picker
        return picker.selected_ids()[:1]


class ReferenceListField(FieldWidget):
    """References to several records: a list of titles with Add… and Remove."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(72)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton()
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = row_layout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.add_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add…"))
        self.remove_button.setText(self.tr("Remove"))
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setText(record_title(self.session, str(item.data(ID_ROLE))))

    def set_accessible(self, name: str, description: str) -> None:
        self.list.setAccessibleName(name)
        self.list.setAccessibleDescription(description)
        self.add_button.setAccessibleName(self.tr("Add to: %1").replace("%1", name))
        self.remove_button.setAccessibleName(
            self.tr("Remove the selected from: %1").replace("%1", name)
        )

    def ids(self) -> list[str]:
        return [str(self.list.item(row).data(ID_ROLE)) for row in range(self.list.count())]

    def make_picker(self) -> RecordPicker:
        return RecordPicker(
            self.session,
            self.field.targets,
            multiple=True,
            exclude=self.ids(),
            title=self.label(),
            parent=self,
        )

    def choose(self) -> None:
        picker = self.make_picker()
        try:
            if picker.exec():
                self.add_ids(picker.selected_ids())
        finally:
            picker.deleteLater()
        self.add_button.setFocus()

    def add_ids(self, ids: list[str]) -> None:
        present = set(self.ids())
        added = False
        for record_id in ids:
            if record_id not in present:
                self._append(record_id)
                present.add(record_id)
                added = True
        if added:
            self.changed.emit()

    def _append(self, record_id: str) -> None:
        item = QListWidgetItem(record_title(self.session, record_id))
        item.setData(ID_ROLE, record_id)
        self.list.addItem(item)

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        if not rows and self.list.currentRow() >= 0:
            rows = [self.list.currentRow()]
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self.changed.emit()

    def value(self) -> Any:
        return self.ids() or None

    def set_value(self, value: Any) -> None:
        self.list.clear()
        for record_id in value if isinstance(value, list) else []:
            self._append(str(record_id))

    def focus_widget(self) -> QWidget:
        return self.add_button
