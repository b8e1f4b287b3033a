"""The interface every field widget has (:class:`FieldWidget`) and the small pieces they share.

A widget's ``value()`` is the JSON value or ``None`` when the field is empty, ``set_value()``
fills it, ``changed`` fires on every edit and ``structure_changed`` when entries are added,
removed or moved (the tab order changes). Containers resolve the rest of a dotted error path in
``row_for()``; leaf widgets return ``None`` there (the error is theirs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from fielddoc.gui.fields.values import PathPart
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.templates import Field

if TYPE_CHECKING:
    from fielddoc.gui.fields.form import FieldRow

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: palette(placeholder-text);"
ID_ROLE = Qt.ItemDataRole.UserRole


def hint_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def row_layout(widget: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def is_empty(value: Any) -> bool:
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
