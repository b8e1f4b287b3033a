"""Long jobs on worker threads that report only through signals (DESIGN.md house rules).

A job is a plain core function ``fn(conn, progress, cancel)``. :class:`Job` runs it on a
``QThread`` with its OWN database connection (one connection per thread), and the GUI hears
back through the ``progress``, ``succeeded`` and ``failed`` signals, delivered on the GUI
thread. ``cancel()`` sets a flag the core function polls; a cancelled job fails with the
``CANCELLED`` code. Workers never touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from fielddoc.errors import FielddocError
from fielddoc.hygiene import describe_exception

JobFunction = Callable[[Any, Callable[[int, int], None], Callable[[], bool]], Any]


class _Worker(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str)

    def __init__(
        self, fn: JobFunction, connect: Callable[[], Any], cancelled: threading.Event
    ) -> None:
        super().__init__()
        self._fn = fn
        self._connect = connect
        self._cancelled = cancelled

    @Slot()
    def run(self) -> None:
        conn = None
        try:
            conn = self._connect()
            result = self._fn(conn, self._report, self._cancelled.is_set)
        except FielddocError as exc:
            self.failed.emit(exc.code, exc.message)
        except Exception as exc:  # noqa: BLE001 - reported by type only, never by text
            self.failed.emit("INTERNAL", describe_exception(exc))
        else:
            self.succeeded.emit(result)
        finally:
            if conn is not None:
                conn.close()
            # end the thread's event loop here: a GUI thread waiting for it (lock during a
            # job) must not depend on itself handling the finished signal first
            thread = QThread.currentThread()
            if thread is not None:
                thread.quit()

    def _report(self, done: int, total: int) -> None:
        # signals carry ints; Qt's int is 32-bit, so report permille for large byte counts
        if total > 2**31 - 1:
            done, total = done * 1000 // total, 1000
        self.progress.emit(int(done), int(total))


class Job(QObject):
    """One running job. Keep a reference until ``finished``; ``cancel()`` asks it to stop."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str)
    finished = Signal()

    def __init__(
        self, fn: JobFunction, connect: Callable[[], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(fn, connect, self._cancelled)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.succeeded.connect(self._done_ok)
        self._worker.failed.connect(self._done_error)

    def start(self) -> Job:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._thread.wait(msecs)

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit()

    @Slot(object)
    def _done_ok(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)

    @Slot(str, str)
    def _done_error(self, code: str, message: str) -> None:
        self._finish()
        self.failed.emit(code, message)
