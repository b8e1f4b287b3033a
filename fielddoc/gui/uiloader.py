"""The one loader of Qt Designer forms (``ui/*.ui``, found through fielddoc.resources)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from fielddoc.resources import ui_path


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``ui/<name>`` (e.g. ``unlock.ui``)."""
    handle = QFile(str(ui_path(name)))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(name)
    try:
        loader = QUiLoader()
        loader.setLanguageChangeEnabled(True)  # forms retranslate when the language changes
        widget = loader.load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"cannot load form {name}")
    return widget


W = TypeVar("W", bound=QWidget)


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The named widget of a loaded form; a missing one is a packaging error."""
    found = form.findChild(kind, name)
    if found is None:
        raise RuntimeError(f"form lacks {name}")
    return found
