"""Produce a byte stream on a helper thread while the calling thread writes it out.

Why: writing a bundle is two costs of about the same size, building it (tar, decrypting
evidence blobs, age encryption: Python holding the GIL) and ``write`` into the page cache
(kernel time, GIL released). On one thread they add up; here they overlap.

Shape: ``produce(sink)`` runs on the helper thread and writes into ``sink``, which gathers
~1 MiB blocks into a bounded queue (memory stays at ``DEPTH`` blocks whatever the size). The
calling thread takes the blocks in order and writes them to ``out``; before each block it
calls ``before_write(done)`` with the progress value the producer attached (it may raise,
e.g. CancelledError). So writes, progress and cancel stay on the caller's thread, as do the
fault-injection and crash hooks that watch it.

Failure: an exception on the helper thread is re-raised unchanged on the calling thread,
after the blocks produced before it were written. An exception on the calling thread (a
failed write, a cancel) stops the producer at its next block and is re-raised once the
helper thread has ended; no thread outlives :func:`pump`.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import BinaryIO, cast

BLOCK = 1024 * 1024
DEPTH = 8
_POLL = 0.05  # seconds between checks for a stop while a queue is full or empty


class _StoppedError(Exception):
    """Raised inside the producer when the consumer gave up."""


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


_END = object()


class Sink:
    """The writable the producer writes to (helper thread only)."""

    def __init__(self, blocks: queue.Queue[object], stop: threading.Event) -> None:
        self._blocks = blocks
        self._stop = stop
        self._parts: list[bytes] = []
        self._size = 0
        self.done = 0  # the producer's progress value, attached to each block

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._parts.append(bytes(data))
        self._size += len(data)
        if self._size >= BLOCK:
            self._ship()
        return len(data)

    def flush(self) -> None:
        """Blocks go out when full or at the end; a flush mid-stream changes nothing."""

    def _ship(self) -> None:
        if self._parts:
            self.put((b"".join(self._parts), self.done))
            self._parts, self._size = [], 0

    def put(self, item: object) -> None:
        while True:
            if self._stop.is_set():
                raise _StoppedError
            try:
                self._blocks.put(item, timeout=_POLL)
            except queue.Full:
                continue
            return

    def finish(self) -> None:
        self._ship()
        self.put(_END)


def pump(
    produce: Callable[[Sink], None],
    out: BinaryIO,
    before_write: Callable[[int], None],
) -> None:
    """Run ``produce`` on a helper thread and write what it yields to ``out`` (see module
    docstring)."""
    blocks: queue.Queue[object] = queue.Queue(maxsize=DEPTH)
    stop = threading.Event()
    sink = Sink(blocks, stop)

    def run() -> None:
        try:
            produce(sink)
            sink.finish()
        except _StoppedError:
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
            try:
                sink.put(_Failed(exc))
            except _StoppedError:
                return

    helper = threading.Thread(target=run, name="fielddoc-bundle-writer", daemon=True)
    helper.start()
    try:
        while True:
            item = blocks.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.exc
            data, done = cast(tuple[bytes, int], item)
            before_write(done)
            _write_all(out, data)
    finally:
        stop.set()
        while helper.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(queue.Empty):
                blocks.get(timeout=_POLL)
        helper.join()


def _write_all(out: BinaryIO, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = out.write(view)
        view = view[len(view) if written is None else written :]
