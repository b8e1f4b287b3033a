"""Line edits with live feedback under them: partial dates (with a calendar), times and whole
numbers.

What is typed is tidied when editing ends (``15.03.2024`` becomes ``2024-03-15``); text that is
not a valid value yet is kept as typed and given back by ``value()``, so validation on save
points at it instead of it being lost.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from fielddoc.gui.fields.base import ERROR_STYLE, HINT_STYLE, FieldWidget, hint_label
from fielddoc.gui.fields.values import (
    date_start,
    describe_date,
    normalise_date,
    normalise_time,
    range_text,
)
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.templates import Field


class _CheckedLineField(FieldWidget):
    """A line edit with live feedback under it (dates, times, numbers)."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(220)
        self.feedback = hint_label()
        self.line = QHBoxLayout()
        self.line.setContentsMargins(0, 0, 0, 0)
        self.line.addWidget(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.line)
        layout.addWidget(self.feedback)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._tidy)
        self.setFocusProxy(self.edit)

    def _text_changed(self) -> None:
        self.update_feedback()
        self.changed.emit()

    def feedback_for(self, text: str) -> tuple[str, bool]:
        """(message, is_error) for the current text; ``("", False)`` shows nothing."""
        raise NotImplementedError

    def normalised(self, text: str) -> str | None:
        raise NotImplementedError

    def update_feedback(self) -> None:
        text = self.edit.text()
        message, error = self.feedback_for(text) if text.strip() else ("", False)
        self.feedback.setText(message)
        self.feedback.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.feedback.setVisible(bool(message))
        self.is_valid = not error

    def _tidy(self) -> None:
        clean = self.normalised(self.edit.text())
        if clean is not None and clean != self.edit.text():
            self.edit.setText(clean)

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        clean = self.normalised(text)
        return clean if clean is not None else text  # kept as typed: validation says why

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))
        self.update_feedback()

    def retranslate(self) -> None:
        self.update_feedback()

    def focus_widget(self) -> QWidget:
        return self.edit


class DateField(_CheckedLineField):
    """A partial date: a year, a year and month, or a full date, with a calendar for days."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit.setMaxLength(10)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("…")
        self.calendar_button.setMenu(self.menu)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.line.addWidget(self.calendar_button)
        self.line.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.calendar_button.setToolTip(self.tr("Choose a day on a calendar"))
        self.calendar_button.setAccessibleName(self.tr("Choose a day on a calendar"))
        self.calendar.setLocale(LANGUAGE.locale())
        super().retranslate()

    def _prepare_calendar(self) -> None:
        current = self.value()
        start = date_start(current) if isinstance(current, str) else None
        if start is not None:
            self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        else:
            self.calendar.setSelectedDate(QDate.currentDate())
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString(Qt.DateFormat.ISODate))
        self.menu.close()
        self.edit.setFocus()

    def normalised(self, text: str) -> str | None:
        return normalise_date(text)

    def feedback_for(self, text: str) -> tuple[str, bool]:
        clean = normalise_date(text)
        if clean is None:
            return (
                self.tr("Not a date yet: write 2024, 2024-03 or 2024-03-15 (or 15.03.2024)."),
                True,
            )
        return describe_date(clean), False


class TimeField(_CheckedLineField):
    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit.setMaxLength(5)
        self.edit.setMaximumWidth(90)
        self.line.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("HH:MM"))
        super().retranslate()

    def normalised(self, text: str) -> str | None:
        return normalise_time(text)

    def feedback_for(self, text: str) -> tuple[str, bool]:
        if normalise_time(text) is None:
            return self.tr("Not a time yet: write HH:MM on a 24-hour clock, e.g. 09:30."), True
        return "", False


class IntegerField(_CheckedLineField):
    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit.setMaximumWidth(140)
        pattern = QRegularExpression(r"-?[0-9]{0,15}" if (field.min or 0) < 0 else r"[0-9]{0,15}")
        if field.min is None:
            pattern = QRegularExpression(r"-?[0-9]{0,15}")
        self.edit.setValidator(QRegularExpressionValidator(pattern, self.edit))
        self.line.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(range_text(self.field) and self._short_range())
        super().retranslate()

    def _short_range(self) -> str:
        low, high = self.field.min, self.field.max
        if low is not None and high is not None:
            return self.tr("%1–%2").replace("%1", str(low)).replace("%2", str(high))
        if low is not None:
            return self.tr("≥ %1").replace("%1", str(low))
        return self.tr("≤ %1").replace("%1", str(high))

    def normalised(self, text: str) -> str | None:
        return text.strip() if re.fullmatch(r"-?[0-9]+", text.strip()) else None

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not re.fullmatch(r"-?[0-9]+", text):
            return None
        return int(text)

    def feedback_for(self, text: str) -> tuple[str, bool]:
        number = int(text.strip()) if re.fullmatch(r"-?[0-9]+", text.strip()) else None
        if number is None:
            return self.tr("Write a whole number."), True
        low, high = self.field.min, self.field.max
        if (low is not None and number < low) or (high is not None and number > high):
            return range_text(self.field), True
        return "", False
