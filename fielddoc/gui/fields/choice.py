"""Choices shown in place: yes / no / unknown (:class:`BooleanField`), one term of a small
thesaurus (:class:`ChoiceCombo`) and several terms of a small flat one (:class:`ChoiceChecks`).

A code that is no longer in the thesaurus is kept and given back unchanged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QWidget

from fielddoc.gui.fields.base import FieldWidget, is_empty, row_layout
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.templates import Field
from fielddoc.records.thesauri import Thesaurus


class BooleanField(FieldWidget):
    """Tri-state: unknown (absent from the record), yes, no."""

    CHOICES = (None, True, False)

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.combo = QComboBox()
        self.combo.addItems(["", "", ""])
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        layout = row_layout(self)
        layout.addWidget(self.combo)
        layout.addStretch()
        self.setFocusProxy(self.combo)
        self.retranslate()

    def retranslate(self) -> None:
        self.combo.setItemText(0, self.tr("Unknown / not recorded"))
        self.combo.setItemText(1, self.tr("Yes"))
        self.combo.setItemText(2, self.tr("No"))

    def value(self) -> Any:
        return self.CHOICES[max(self.combo.currentIndex(), 0)]

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(1 if value is True else 2 if value is False else 0)

    def focus_widget(self) -> QWidget:
        return self.combo


class _ThesaurusField(FieldWidget):
    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.thesaurus: Thesaurus = session.templates.thesaurus(field.thesaurus or "")

    def term_label(self, code: str) -> str:
        return self.thesaurus.label(code, LANGUAGE.current)


class ChoiceCombo(_ThesaurusField):
    """A single choice from a small thesaurus; narrower terms are indented."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.addItem("", "")
        for code, _depth, _labels in self.thesaurus.flat():
            self.combo.addItem("", code)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        layout = row_layout(self)
        layout.addWidget(self.combo)
        layout.addStretch()
        self.setFocusProxy(self.combo)
        self.retranslate()

    def retranslate(self) -> None:
        self.combo.setItemText(0, self.tr("— not recorded —"))
        depths = {code: depth for code, depth, _labels in self.thesaurus.flat()}
        for index in range(1, self.combo.count()):
            code = str(self.combo.itemData(index))
            indent = "    " * depths.get(code, 0)
            self.combo.setItemText(index, indent + self.term_label(code))

    def value(self) -> Any:
        code = self.combo.currentData()
        return str(code) if code else None

    def set_value(self, value: Any) -> None:
        if is_empty(value):
            self.combo.setCurrentIndex(0)
            return
        index = self.combo.findData(str(value))
        if index < 0:  # a code this thesaurus no longer has: keep it, shown as it is
            self.combo.addItem(str(value), str(value))
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def set_code(self, code: str) -> None:
        """Choose ``code`` as a user would (tests and keyboard helpers)."""
        self.combo.setCurrentIndex(max(self.combo.findData(code), 0))

    def focus_widget(self) -> QWidget:
        return self.combo


class ChoiceChecks(_ThesaurusField):
    """A multiple choice from a small flat thesaurus: one check box per term.

    The order of the chosen codes is kept as recorded (newly ticked ones go last), so opening
    and saving a record never changes it by reordering alone.
    """

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._chosen: list[str] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        columns = 2
        for index, (code, _depth, _labels) in enumerate(self.thesaurus.flat()):
            box = QCheckBox()
            box.toggled.connect(lambda checked, c=code: self._toggled(c, checked))
            self.boxes[code] = box
            grid.addWidget(box, index // columns, index % columns)
        self.retranslate()

    def _toggled(self, code: str, checked: bool) -> None:
        if checked and code not in self._chosen:
            self._chosen.append(code)
        elif not checked and code in self._chosen:
            self._chosen.remove(code)
        self.changed.emit()

    def retranslate(self) -> None:
        for code, box in self.boxes.items():
            box.setText(self.term_label(code))

    def set_accessible(self, name: str, description: str) -> None:
        for code, box in self.boxes.items():
            box.setAccessibleName(
                self.tr("%1: %2").replace("%1", name).replace("%2", self.term_label(code))
            )
            box.setAccessibleDescription(description)

    def value(self) -> Any:
        return list(self._chosen) or None

    def set_value(self, value: Any) -> None:
        codes = [str(code) for code in value] if isinstance(value, list) else []
        self._chosen = []
        for code, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(code in codes)
        self._chosen = codes  # codes no longer in the thesaurus stay too

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()))
