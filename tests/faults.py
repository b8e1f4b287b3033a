"""Disk faults and crash points for the crash and fault-injection suites.

Two tools share one idea: every durable step fielddoc takes goes through a small set of
Python calls (``os.write``, the blob store's ``_write``/``_fsync`` indirections, ``.write``
on a file from ``os.fdopen``, ``os.fsync``, which ``fsync_dir`` uses too, ``os.replace``,
``os.unlink``) and SQL statements on the connection. Counting those calls gives a
deterministic numbering of the points where a disk can fail or a process can die.

- :class:`DiskFaults` (in process, through ``monkeypatch``) counts writes and fsyncs of the
  installing thread, and makes the Nth one fail with an errno. A failing write of more than
  one byte writes its first half for real first, as a disk that fills up mid-write does.
- :class:`CrashPoints` (in a forked child that will be SIGKILLed) numbers every traced call;
  at the chosen number it reports ``AT <n> <phase>`` on a pipe and, in blocking mode, sleeps
  until the parent kills it, so the kill lands exactly before that call.
  :class:`TracedConnection` adds the SQL statements (by verb only, never their text).
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from fielddoc.checks import run_checks
from fielddoc.evidence import blobs
from fielddoc.vault.vault import QUARANTINE_NAME, Vault

WRITE = "write"
FSYNC = "fsync"
_REAL_WRITE = os.write
_REAL_FSYNC = os.fsync
_REAL_FDOPEN = os.fdopen
_REAL_REPLACE = os.replace
_REAL_UNLINK = os.unlink
CHILD_TIMEOUT = 120.0  # seconds a child may take to reach its crash point or end


class _CountingFile:
    """A file object from ``os.fdopen`` whose ``write`` goes through a callback first."""

    def __init__(self, inner: Any, before_write: Callable[[Any, bytes], None]) -> None:
        self._inner = inner
        self._before_write = before_write

    def write(self, data: bytes) -> int:
        self._before_write(self._inner, data)
        return int(self._inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> _CountingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()


def _writable(mode: str) -> bool:
    return any(flag in mode for flag in "wax+")


@dataclass
class DiskFaults:
    """Count (``kind=None``) or fail the ``at``-th write or fsync (``kind``) with ``code``."""

    kind: str | None = None
    at: int = 0
    code: int = 0
    writes: int = 0
    fsyncs: int = 0
    fired: bool = False
    owner: int = field(default_factory=threading.get_ident)

    def _tick(self, kind: str) -> bool:
        """True when this call must fail (only calls from the installing thread count)."""
        if threading.get_ident() != self.owner or self.fired:
            return False
        if kind == WRITE:
            self.writes += 1
            number = self.writes
        else:
            self.fsyncs += 1
            number = self.fsyncs
        if kind == self.kind and number == self.at:
            self.fired = True
            return True
        return False

    def _error(self) -> OSError:
        return OSError(self.code, os.strerror(self.code))

    def install(self, monkeypatch: pytest.MonkeyPatch) -> DiskFaults:
        def write(fd: int, data: Any) -> int:
            if self._tick(WRITE):
                view = memoryview(data).cast("B")
                if len(view) > 1:
                    _REAL_WRITE(fd, view[: len(view) // 2])
                raise self._error()
            return _REAL_WRITE(fd, data)

        def fsync(fd: Any) -> None:
            if self._tick(FSYNC):
                raise self._error()
            _REAL_FSYNC(fd)

        def file_write(inner: Any, data: bytes) -> None:
            if self._tick(WRITE):
                view = memoryview(data).cast("B")
                if len(view) > 1:
                    inner.write(view[: len(view) // 2])
                raise self._error()

        def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            inner = _REAL_FDOPEN(fd, mode, *args, **kwargs)
            return _CountingFile(inner, file_write) if _writable(mode) else inner

        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(blobs, "_write", write)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(blobs, "_fsync", fsync)
        monkeypatch.setattr(os, "fdopen", fdopen)
        return self


# --- crash points (child side) ----------------------------------------------------------------


class CrashPoints:
    """Numbered durable steps of a child process (see module docstring).

    ``target == 0`` only lists the steps (``EV <phase>`` per step) so the parent can spread
    its kills; otherwise the ``target``-th step is reported as ``AT <n> <phase>`` and, with
    ``block``, the child waits there to be killed.
    """

    def __init__(self, out_fd: int, target: int, *, block: bool) -> None:
        self.out_fd = out_fd
        self.target = target
        self.block = block
        self.count = 0

    def say(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        while data:
            data = data[_REAL_WRITE(self.out_fd, data) :]

    def event(self, phase: str) -> None:
        self.count += 1
        if self.target == 0:
            self.say(f"EV {phase}")
        elif self.count == self.target:
            self.say(f"AT {self.count} {phase}")
            if self.block:
                time.sleep(600)  # the parent kills us here

    def install(self) -> None:
        """Trace the file-system calls of this (child) process. Never undone: it dies."""

        def traced(phase: str, real: Callable[..., Any]) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                self.event(phase)
                return real(*args, **kwargs)

            return call

        def file_write(_inner: Any, _data: bytes) -> None:
            self.event("write bundle")

        def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            inner = _REAL_FDOPEN(fd, mode, *args, **kwargs)
            return _CountingFile(inner, file_write) if _writable(mode) else inner

        os.write = traced("write", _REAL_WRITE)
        blobs._write = traced("write blob", _REAL_WRITE)
        os.fsync = traced("fsync", _REAL_FSYNC)
        blobs._fsync = traced("fsync blob", _REAL_FSYNC)
        os.replace = traced("rename", _REAL_REPLACE)
        os.unlink = traced("unlink", _REAL_UNLINK)
        os.fdopen = fdopen


class TracedConnection:
    """A database connection whose statements are crash points (named by their SQL verb).

    ``COMMIT`` gives two points: before it and after it returned ("committed")."""

    def __init__(self, conn: Any, points: CrashPoints) -> None:
        self._conn = conn
        self._points = points

    def _verb(self, sql: str) -> str:
        return sql.split(None, 1)[0].upper() if sql.strip() else "?"

    def execute(self, sql: str, *args: Any) -> Any:
        verb = self._verb(sql)
        self._points.event(f"sql {verb}")
        result = self._conn.execute(sql, *args)
        if verb == "COMMIT":
            self._points.event("committed")
        return result

    def executemany(self, sql: str, *args: Any) -> Any:
        self._points.event(f"sql {self._verb(sql)} many")
        return self._conn.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


# --- crash points (parent side) ---------------------------------------------------------------


@dataclass
class ChildRun:
    """What one forked child did: its output lines and whether a SIGKILL ended it."""

    lines: list[str]
    killed: bool
    exit_code: int | None
    phase: str = ""

    @property
    def acks(self) -> list[str]:
        return [line[4:] for line in self.lines if line.startswith("ACK ")]

    @property
    def events(self) -> list[str]:
        return [line[3:] for line in self.lines if line.startswith("EV ")]


def _lines(fd: int, deadline: float) -> Iterator[str]:
    buffer = b""
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError("the child neither reported nor ended in time")
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield line.decode("utf-8")
    # a line cut by the kill has no newline: it was never acknowledged


def run_child(
    body: Callable[[CrashPoints], None], *, target: int, block: bool, delay: float = 0.0
) -> ChildRun:
    """Fork; the child runs ``body`` and reports on a pipe; kill it at crash point ``target``.

    With ``target == 0`` the child runs to the end (listing its crash points). The child
    ends with ``END`` (success) or ``ERR <type>``; ``ACK ...`` lines are its acknowledgements.
    The caller must hold no open vault on the folders the child uses (the lock is per
    open file description and would be inherited).
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns into pytest
        code = 0
        try:
            os.close(read_fd)
            points = CrashPoints(write_fd, target, block=block)
            try:
                body(points)
                points.say("END")
            except BaseException as exc:  # noqa: BLE001 - reported to the parent, then exit
                points.say(f"ERR {type(exc).__name__}")
                code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    lines: list[str] = []
    phase = ""
    sent = False
    try:
        for line in _lines(read_fd, time.monotonic() + CHILD_TIMEOUT):
            lines.append(line)
            if line.startswith("AT ") and not sent:
                phase = line.split(" ", 2)[2]
                if delay:
                    time.sleep(delay)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                sent = True
    except BaseException:  # never leave a child sleeping at its crash point
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    return ChildRun(lines, killed, exit_code, phase)


def spread_targets(events: list[str], count: int) -> list[int]:
    """``count`` crash-point numbers (1-based) in ``events``: the first and the last point of
    every phase, then points spread evenly over the rest (repeating when there are few)."""
    firsts: dict[str, int] = {}
    lasts: dict[str, int] = {}
    for number, phase in enumerate(events, start=1):
        firsts.setdefault(phase, number)
        lasts[phase] = number
    chosen = sorted(set(firsts.values()) | set(lasts.values()))[:count]
    rest = count - len(chosen)
    chosen += [1 + (index * len(events)) // rest for index in range(rest)] if rest else []
    return sorted(chosen)


def assert_vault_clean(vault: Vault, label: str) -> None:
    """``check`` passes; nothing in the folder but what the database owns: no orphan blob,
    nothing left in quarantine, no temporary file."""
    failed = [result.name for result in run_checks(vault) if not result.ok]
    assert failed == [], f"{label}: check failed: {failed}"
    owned = {
        row[0]
        for row in vault.conn.execute("SELECT blob_name FROM evidence WHERE blob_name IS NOT NULL")
    }
    on_disk = {path.name for path in vault.blobs_dir.iterdir()}
    assert on_disk == owned, f"{label}: orphans {on_disk - owned}, missing {owned - on_disk}"
    quarantine = vault.folder / QUARANTINE_NAME
    assert not quarantine.exists() or not list(quarantine.iterdir()), f"{label}: quarantine"
    temps = [p.name for p in vault.folder.rglob("*") if p.name.endswith((".tmp", ".partial"))]
    assert temps == [], f"{label}: temporary files: {temps}"
