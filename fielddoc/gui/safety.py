"""Safety in the window: auto-lock on idle and on desktop screen lock, clipboard clearing.

:class:`AutoLock` watches user input application-wide (an event filter) and locks the
session after ``minutes`` without any; the clock is injectable so tests need not wait. Where
the desktop announces a screen lock over D-Bus (freedesktop ``ScreenSaver.ActiveChanged``),
the vault locks too. :class:`ClipboardGuard` clears text fielddoc put on the clipboard after a
delay, unless something else replaced it meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import SLOT, QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class AutoLock(QObject):
    def __init__(
        self,
        lock: Callable[[], None],
        minutes: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lock = lock
        self._clock = clock
        self.minutes = minutes
        self._last = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._watch_screensaver()

    def start(self) -> None:
        self._last = self._clock()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def dispose(self) -> None:
        """Stop for good: no timer, no application event filter."""
        self.stop()
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = self._clock()
        return False

    @Slot()
    def check(self) -> None:
        if self._timer.isActive() and self._clock() - self._last >= self.minutes * 60:
            self.stop()
            self._lock()

    def _watch_screensaver(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - Qt built without D-Bus (Windows, macOS)
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        for service, path in (
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
            ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
        ):
            bus.connect(
                "", path, service, "ActiveChanged", self, SLOT("screensaver(bool)").encode()
            )

    @Slot(bool)
    def screensaver(self, active: bool) -> None:
        if active and self._timer.isActive():
            self.stop()
            self._lock()


class ClipboardGuard(QObject):
    """Clears what fielddoc's windows put on the clipboard (Ctrl+C in any field or view, or
    :meth:`copy`) ``seconds`` later, unless another program replaced it meanwhile."""

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    @Slot()
    def _changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard():
            text = clipboard.text()
            if text and text != self._copied:
                self._copied = text
                self._timer.start(self.seconds * 1000)

    @Slot()
    def clear(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._copied is not None and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = None
