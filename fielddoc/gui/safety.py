"""Safety in the window: auto-lock on idle and on desktop screen lock, clipboard clearing.

:class:`AutoLock` watches user input application-wide (an event filter) and locks the
session after ``minutes`` without any; the clock is injectable so tests need not wait. Where
the desktop announces a screen lock over D-Bus (freedesktop ``ScreenSaver.ActiveChanged``),
the vault locks too. :class:`ClipboardGuard` clears text fielddoc put on the clipboard after a
delay, unless something else replaced it meanwhile. :class:`PanicDialog` is the typed
confirmation in front of panic erase: no single key press (Enter, Space, Escape, the
shortcut itself) can erase, only typing the confirmation word and then pressing Enter or the
Erase button.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import SLOT, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# accepted in every language: the word a monitor may know from the guide or training
ERASE_WORD = "ERASE"

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class AutoLock(QObject):
    """Calls ``lock`` once ``minutes`` pass without user input (checked every ``check_ms``)
    or when the desktop's screen saver activates; then stops until :meth:`start` again.
    ``minutes`` may be changed at any time and applies from the next check."""

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
    :meth:`copy`) ``seconds`` later, unless another program replaced it meanwhile.
    ``seconds`` may be fractional (tests use a fraction of a second)."""

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard and clear it after the delay."""
        QGuiApplication.clipboard().setText(text)
        self._track(text)

    def _track(self, text: str) -> None:
        self._copied = text
        self._timer.start(max(1, round(self.seconds * 1000)))

    @Slot()
    def _changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        # ownsClipboard() answers only on X11 (always False on Windows and macOS); a change
        # while one of fielddoc's windows is active is fielddoc's own copy as well
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if clipboard.ownsClipboard() or active:
            text = clipboard.text()
            if text and text != self._copied:
                self._track(text)

    @Slot()
    def clear(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._copied is not None and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = None


class PanicDialog(QDialog):
    """Asks for the confirmation word before panic erase; ``exec()`` is Accepted only after
    the word was typed (the translated word, or ERASE in any language, any letter case)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panicDialog")
        self.setWindowTitle(self.tr("Erase this vault"))
        self.word = self.tr("ERASE")
        text = self.tr(
            "This destroys the vault's keys at once. Nobody, including you and HQ, will ever "
            "open it again; whatever HQ has not confirmed is lost. Type %1 to erase."
        )
        self.explanation = QLabel(text.replace("%1", self.word))
        self.explanation.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setObjectName("panicWord")
        self.typed.setAccessibleName(self.tr("Confirmation word"))
        self.typed.setPlaceholderText(self.word)
        buttons = QDialogButtonBox()
        self.erase_button = QPushButton(self.tr("Erase for good"))
        self.erase_button.setAccessibleName(self.tr("Erase the vault for good"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # no default button: Enter must never reach Erase by itself
        for button in (self.erase_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self._erase)
        cancel.clicked.connect(self.reject)
        self.typed.textChanged.connect(self._typed)
        self.typed.returnPressed.connect(self._erase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.typed)
        layout.addWidget(buttons)

    def confirmed(self) -> bool:
        typed = self.typed.text().strip().casefold()
        return bool(typed) and typed in (self.word.casefold(), ERASE_WORD.casefold())

    def _typed(self) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def _erase(self) -> None:
        if self.confirmed():
            self.accept()
