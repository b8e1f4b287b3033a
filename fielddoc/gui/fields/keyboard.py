"""Keyboard order: the widgets that take Tab focus, in reading order, and making Tab follow
them (the editor calls this again when entries are added, removed or moved)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QLayout,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)


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
