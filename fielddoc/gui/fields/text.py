"""Free-text fields: one line (:class:`TextField`) and long text with a character counter
(:class:`LongTextField`). Whitespace-only text counts as empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from fielddoc.gui.fields.base import ERROR_STYLE, HINT_STYLE, FieldWidget, hint_label, row_layout
from fielddoc.gui.session import Session
from fielddoc.records.templates import DEFAULT_MAX_LENGTH, Field


class TextField(FieldWidget):
    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit = QLineEdit()
        if field.max_length is not None:
            self.edit.setMaxLength(field.max_length)
        self.edit.textChanged.connect(self.changed)
        row_layout(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> Any:
        text = self.edit.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def focus_widget(self) -> QWidget:
        return self.edit


class LongTextField(FieldWidget):
    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)  # Tab moves on; a tab character is never needed
        long_form = (field.max_length or 0) >= DEFAULT_MAX_LENGTH["long_text"]
        self.edit.setMinimumHeight(220 if long_form and field.searchable else 80)
        self.counter = hint_label()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setVisible(not long_form)
        self.edit.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit)
        layout.addWidget(self.counter)
        self.setFocusProxy(self.edit)
        self._update_counter()

    def _changed(self) -> None:
        self._update_counter()
        self.changed.emit()

    def _update_counter(self) -> None:
        if not self.counter.isHidden() and self.field.max_length is not None:
            used = len(self.edit.toPlainText())
            # the noun agrees with the limit: "1 of 2 characters", "1 из 2 символов"
            text = self.tr("%1 of %n character(s)", "", self.field.max_length).replace(
                "%1", str(used)
            )
            self.counter.setText(text)
            self.counter.setStyleSheet(ERROR_STYLE if used > self.field.max_length else HINT_STYLE)

    def retranslate(self) -> None:
        self._update_counter()

    def value(self) -> Any:
        text = self.edit.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def focus_widget(self) -> QWidget:
        return self.edit
