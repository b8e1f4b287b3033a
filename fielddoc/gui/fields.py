"""Editor widgets built from template fields: one widget class per field type.

:func:`make_field_widget` picks the class for a :class:`~fielddoc.records.templates.Field`;
:class:`FieldForm` lays out a tuple of fields (a template, a group, one entry) as labelled rows
with help text under each field and a place for an error message.

Every widget has the same small interface (:class:`FieldWidget`): ``value()`` returns the JSON
value or ``None`` when the field is empty (so partial records save and absent means
"unknown"), ``set_value()`` fills it, ``changed`` fires on every edit, ``focus_widget()`` is
what gets the keyboard focus when the field is wrong, and ``row_for()`` resolves the rest of a
dotted path such as ``team[0].name`` (from :class:`~fielddoc.errors.ValidationError`) to the
row showing that field.

Values a widget cannot show exactly (a half-typed date from a draft, a thesaurus code that is
no longer in the thesaurus) are kept and given back unchanged, so nothing is lost silently;
validation on save then points at them.

Labels and help come from the templates in the current language (``LANGUAGE.current``);
``retranslate()`` re-reads them after a language switch.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QRegularExpression,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.pickers import RecordPicker, ThesaurusPicker, record_title
from fielddoc.gui.session import Session
from fielddoc.records.templates import DEFAULT_MAX_LENGTH, Field
from fielddoc.records.thesauri import Thesaurus
from fielddoc.records.validation import date_bounds, is_partial_date

translate = QCoreApplication.translate

SMALL_THESAURUS = 20
"""A single choice from a thesaurus of at most this many terms is a combo box."""
CHECKBOX_THESAURUS = 8
"""A multiple choice from a flat thesaurus of at most this many terms is a row of check boxes."""
ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: palette(placeholder-text);"
CONSENT_STYLE = (
    "QGroupBox#consentGroup { border: 2px solid #1f6fb2; border-radius: 6px;"
    " margin-top: 1.6em; padding-top: 0.6em; }"
    " QGroupBox#consentGroup::title { subcontrol-origin: margin; left: 10px; padding: 0 6px; }"
)
ID_ROLE = Qt.ItemDataRole.UserRole

PathPart = str | int
_PATH_RE = re.compile(r"([^.\[\]]+)|\[([0-9]+)\]")


def parse_path(dotted: str) -> list[PathPart]:
    """``"team[0].name"`` -> ``["team", 0, "name"]`` (a ValidationError's ``field``)."""
    return [
        match[1] if match[1] is not None else int(match[2]) for match in _PATH_RE.finditer(dotted)
    ]


# --- partial dates and times -----------------------------------------------------------------

_ISO_LOOSE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})")
_MONTH_YEAR = re.compile(r"([0-9]{1,2})[./]([0-9]{4})")
_TIME_LOOSE = re.compile(r"([0-9]{1,2})[:.]?([0-9]{2})")


def normalise_date(text: str) -> str | None:
    """A partial date as stored (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), or ``None``.

    Also accepts the forms people type: ``2024-3``, ``15.03.2024`` and ``03.2024``.
    """
    text = text.strip()
    day: str | None
    month: str | None
    if match := _ISO_LOOSE.fullmatch(text):
        year, month, day = match[1], match[2], match[3]
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match[1], match[2], match[3]
    elif match := _MONTH_YEAR.fullmatch(text):
        day, month, year = None, match[1], match[2]
    else:
        return None
    parts = [year]
    if month is not None:
        parts.append(f"{int(month):02d}")
    if day is not None:
        parts.append(f"{int(day):02d}")
    candidate = "-".join(parts)
    return candidate if is_partial_date(candidate) else None


def describe_date(value: str) -> str:
    """A partial date in words, in the current language: "2024", "March 2024", a full date."""
    start, _end = date_bounds(value)
    locale = LANGUAGE.locale()
    precision = value.count("-")
    if precision == 0:
        return translate("fields", "the year %1").replace("%1", str(start.year))
    if precision == 1:
        return (
            translate("fields", "%1 %2", "month name, then year")
            .replace("%1", locale.standaloneMonthName(start.month))
            .replace("%2", str(start.year))
        )
    return locale.toString(QDate(start.year, start.month, start.day), QLocale.FormatType.LongFormat)


def date_start(value: str) -> date | None:
    try:
        return date_bounds(value)[0]
    except ValueError:
        return None


def normalise_time(text: str) -> str | None:
    """``HH:MM`` (24-hour clock) from ``9:05``, ``09.05``, ``0905``; ``None`` if not a time."""
    match = _TIME_LOOSE.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


def problem_text(field: Field, value: Any) -> str:
    """What is wrong with ``value`` for ``field``, in words for people (translated).

    Used next to a field that failed validation on save: the core's own message is English
    and names only the rule, so the GUI says it again in the current language.
    """
    if value in (None, "", [], {}):
        if field.required:
            return translate("fields", "This field is required: fill it in.")
        return translate("fields", "This field is not filled in correctly.")
    kind = field.type
    if kind == "date":
        return translate(
            "fields",
            "Write a year (2024), a month (2024-03) or a full date (2024-03-15); "
            "the day must exist.",
        )
    if kind == "time":
        return translate("fields", "Write the time as HH:MM on a 24-hour clock, e.g. 09:30.")
    if kind == "integer":
        return range_text(field) or translate("fields", "Write a whole number.")
    if kind in ("text", "long_text"):
        limit = field.max_length
        if limit is not None and isinstance(value, str) and len(value) > limit:
            return translate("fields", "Too long: at most %1 characters.").replace("%1", str(limit))
        if kind == "text":
            return translate("fields", "Write a single line without special characters.")
        return translate("fields", "The text contains characters that cannot be stored.")
    if kind == "choice":
        return translate("fields", "Choose again from the list: this value is not in it.")
    if kind == "reference":
        return translate(
            "fields",
            "The chosen record is not in this vault or is of the wrong kind; choose it again.",
        )
    return translate("fields", "This field is not filled in correctly.")


def range_text(field: Field) -> str:
    """The allowed range of an integer field in words, or ``""`` when it is unbounded."""
    low, high = field.min, field.max
    if low is not None and high is not None:
        return (
            translate("fields", "A whole number from %1 to %2.")
            .replace("%1", str(low))
            .replace("%2", str(high))
        )
    if low is not None:
        return translate("fields", "A whole number, at least %1.").replace("%1", str(low))
    if high is not None:
        return translate("fields", "A whole number, at most %1.").replace("%1", str(high))
    return ""


def _hint_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def _row_layout(widget: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def _is_empty(value: Any) -> bool:
    return value is None or value in ("", [], {})


# --- the widget interface --------------------------------------------------------------------


class FieldWidget(QWidget):
    """Base of every field widget (see the module docstring for the interface)."""

    changed = Signal()
    structure_changed = Signal()  # entries added, removed or moved: the tab order changes

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.session = session
        self.setObjectName(f"field_{field.name}")

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def accessible_widgets(self) -> list[QWidget]:
        return [self.focus_widget()]

    def set_accessible(self, name: str, description: str) -> None:
        for widget in self.accessible_widgets():
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    def row_for(self, parts: Sequence[PathPart]) -> FieldRow | None:  # noqa: ARG002
        """The row of a nested field (containers); ``None``: the error belongs to this field."""
        return None

    def retranslate(self) -> None:
        """Re-set texts after a language switch (labels of the row are set by the form)."""

    def clear_errors(self) -> None:
        """Hide error messages of nested rows (containers)."""

    def label(self) -> str:
        return self.field.label(LANGUAGE.current)


class TextField(FieldWidget):
    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit = QLineEdit()
        if field.max_length is not None:
            self.edit.setMaxLength(field.max_length)
        self.edit.textChanged.connect(self.changed)
        _row_layout(self).addWidget(self.edit)
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
        self.counter = _hint_label()
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
            text = (
                self.tr("%1 of %2 characters")
                .replace("%1", str(used))
                .replace("%2", str(self.field.max_length))
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


class _CheckedLineField(FieldWidget):
    """A line edit with live feedback under it (dates, times, numbers)."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(220)
        self.feedback = _hint_label()
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


class BooleanField(FieldWidget):
    """Tri-state: unknown (absent from the record), yes, no."""

    CHOICES = (None, True, False)

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.combo = QComboBox()
        self.combo.addItems(["", "", ""])
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        layout = _row_layout(self)
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
        layout = _row_layout(self)
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
        if _is_empty(value):
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
        layout = _row_layout(self)
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
        if _is_empty(value):
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
        layout = _row_layout(self)
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


# --- containers -------------------------------------------------------------------------------


class GroupField(FieldWidget):
    """A group of fields in a titled box; absent when nothing in it is filled in."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.box = QGroupBox()
        self.help = _hint_label()
        self.form = FieldForm(field.fields, session, columns=1)
        self.form.changed.connect(self.changed)
        self.form.structure_changed.connect(self.structure_changed)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.help)
        self.add_header(inner)
        inner.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.retranslate()

    def add_header(self, layout: QVBoxLayout) -> None:
        """Subclasses put something between the help text and the fields."""

    def retranslate(self) -> None:
        self.box.setTitle(self.label())
        help_text = self.field.help_text(LANGUAGE.current)
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))
        self.form.retranslate()

    def set_accessible(self, name: str, description: str) -> None:
        self.box.setAccessibleName(name)
        self.box.setAccessibleDescription(description)

    def value(self) -> Any:
        return self.form.value() or None

    def set_value(self, value: Any) -> None:
        self.form.set_value(value if isinstance(value, dict) else {})

    def row_for(self, parts: Sequence[PathPart]) -> FieldRow | None:
        return self.form.row_for(parts)

    def clear_errors(self) -> None:
        self.form.clear_errors()

    def focus_widget(self) -> QWidget:
        return self.form.first_focus() or self


class ConsentGroupField(GroupField):
    """The structured consent of a testimony: framed, with a plain statement of what is known.

    The statement under the title says, from the fields below, whether consent was given,
    for what, and whether it was withdrawn, so that no one has to read the fields to know.
    """

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.box.setObjectName("consentGroup")
        self.box.setStyleSheet(CONSENT_STYLE)
        self.changed.connect(self.update_status)
        self.update_status()

    def add_header(self, layout: QVBoxLayout) -> None:
        self.status = QLabel()
        self.status.setObjectName("consentStatus")
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "status"):
            self.update_status()

    def status_text(self) -> tuple[str, str]:
        """(statement, colour) for the current consent values."""
        value = self.form.value()
        given = value.get("given")
        if value.get("withdrawn") is True:
            return self.tr("Consent was WITHDRAWN. Do not use this testimony beyond that."), (
                "#b00020"
            )
        if given is False:
            return self.tr("Consent was NOT given."), "#b00020"
        if given is True:
            scope = value.get("scope")
            if isinstance(scope, list) and scope and self.field.fields:
                spec = next((f for f in self.field.fields if f.name == "scope"), None)
                if spec is not None and spec.thesaurus:
                    thesaurus = self.session.templates.thesaurus(spec.thesaurus)
                    labels = ", ".join(thesaurus.label(c, LANGUAGE.current) for c in scope)
                    return self.tr("Consent given for: %1").replace("%1", labels), "#1b5e20"
            return self.tr("Consent given; record below what it covers."), "#1b5e20"
        return self.tr("Consent not recorded yet: ask, and record the answer here."), "#8a5300"

    def update_status(self) -> None:
        text, colour = self.status_text()
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")


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
            if _is_empty(value) or row.field.type not in ("date", "choice", "text"):
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
        self.help = _hint_label()
        self.empty_label = _hint_label()
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
            if row is not None and not _is_empty(row.widget.value()):
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


# --- forms ------------------------------------------------------------------------------------


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
            if not _is_empty(value):
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
    help_label = _hint_label()
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


# --- keyboard ---------------------------------------------------------------------------------


def focus_chain(root: QWidget) -> list[QWidget]:
    """Widgets that take Tab focus, in layout (reading) order.

    Hidden and disabled widgets are included (Qt skips them while they are), so a banner or
    button that appears later already has its place.
    """
    found: list[QWidget] = []
    tab = Qt.FocusPolicy.TabFocus.value

    def visit_widget(widget: QWidget) -> None:
        if isinstance(widget, QScrollArea):
            inner = widget.widget()
            if inner is not None:
                visit_widget(inner)
            return
        if widget.focusPolicy().value & tab:
            found.append(widget)
        if isinstance(widget, (QComboBox, QPlainTextEdit, QListWidget, QCalendarWidget)):
            return
        layout = widget.layout()
        if layout is not None:
            visit_layout(layout)

    def visit_layout(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            child = item.widget()
            if child is not None:
                visit_widget(child)
            else:
                inner = item.layout()
                if inner is not None:
                    visit_layout(inner)

    visit_widget(root)
    return found


def apply_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (entries added later would come last)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
