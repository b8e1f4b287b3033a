"""What every main-window page does: show data from the session, refresh, clear on lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from fielddoc.gui.messages import message_for
from fielddoc.gui.session import Session


class Page(QWidget):
    """Subclasses build their widgets in ``__init__`` and implement the three hooks.

    ``refresh`` reloads from the vault (called when the page is shown and when the session
    says its topic changed); ``clear`` forgets everything shown (the vault was locked);
    ``retranslate`` re-sets texts after a language switch.
    """

    topics: tuple[str, ...] = ()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.changed.connect(self._on_changed)
        session.locked.connect(self.clear)

    def _on_changed(self, topic: str) -> None:
        if topic in self.topics and self.isVisible() and self.session.is_open:
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows."""

    def clear(self) -> None:
        """Drop everything shown (the vault was locked)."""

    def retranslate(self) -> None:
        """Re-set texts after a language switch."""

    def title(self) -> str:
        return ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def error_text(self, code: str, message: str) -> str:
        return message_for(code, message if code == "INTERNAL" else "")
