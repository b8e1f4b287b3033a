"""A read-only, random-access ``QIODevice`` over one evidence item's encrypted blob.

Qt widgets that read from a ``QIODevice`` (``QPdfDocument``, ``QImageReader``, later
QtMultimedia) get the plaintext through this device, decrypted chunk by chunk in memory by
:class:`fielddoc.crypto.chunked.ChunkedReader`; nothing is ever written to disk (DESIGN.md
"Desktop hygiene": no plaintext temp files).

The device owns the store's ``open_reader`` context: it is entered when the device is made and
left by :meth:`close` (idempotent), which also drops the reader's cached chunk. The device is
opened unbuffered, so ``QIODevice`` keeps no second copy of plaintext.

``QPdfDocument`` may read from its render thread (always under pdfium's global mutex); reads
and seeks here are additionally serialised by a lock, because the reader keeps a position and
a one-chunk cache. A chunk that fails authentication makes the read fail (-1 to Qt) and sets
:attr:`failed`, so a damaged blob is never shown as a shorter, "valid" file.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QIODevice, QObject

from fielddoc.crypto.chunked import ChunkedReader
from fielddoc.errors import FielddocError
from fielddoc.evidence.store import EvidenceStore

MAX_READ = 4 * 1024 * 1024  # bytes handed to Qt per readData call


class DecryptingDevice(QIODevice):
    """Opens at construction (raises the store's errors: purged, missing, damaged header)."""

    def __init__(
        self, store: EvidenceStore, evidence_id: str, parent: QObject | None = None
    ) -> None:
        super().__init__()
        if parent is not None:
            self.setParent(parent)
        self.evidence_id = evidence_id
        self.failed = False
        self._lock = threading.Lock()
        self._stack = contextlib.ExitStack()
        try:
            self._reader: ChunkedReader | None = self._stack.enter_context(
                store.open_reader(evidence_id)
            )
        except BaseException:
            self._stack.close()
            raise
        self._size = self._reader.size
        super().open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    # --- QIODevice -------------------------------------------------------------------------

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self._size

    def atEnd(self) -> bool:
        return not self.isOpen() or self.pos() >= self._size

    def bytesAvailable(self) -> int:
        return max(self._size - self.pos(), 0) if self.isOpen() else 0

    def seek(self, pos: int) -> bool:
        if not self.isOpen() or pos < 0 or pos > self._size:
            return False
        with self._lock:
            if self._reader is None:
                return False
            self._reader.seek(pos)
        return super().seek(pos)

    def readData(self, maxlen: int) -> object:
        with self._lock:
            reader = self._reader
            if reader is None or self.failed:
                return None  # -1: error
            try:
                reader.seek(self.pos())
                return reader.read(max(0, min(maxlen, MAX_READ)))
            except (FielddocError, OSError, ValueError):
                self.failed = True
                self.setErrorString("The evidence file is damaged or unreadable.")
                return None

    def writeData(self, data: bytes | bytearray | memoryview, len: int) -> int:  # noqa: A002, ARG002
        return -1  # read-only

    def close(self) -> None:
        """Close the device and the decrypting reader (safe to call more than once)."""
        if self.isOpen():
            super().close()
        with self._lock:
            self._reader = None
            self._stack.close()
