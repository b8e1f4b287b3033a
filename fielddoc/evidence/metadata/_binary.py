"""Integer reads at an offset, and ISO-BMFF box walking, shared by sniffing and the readers.

Reads past the end of the prefix raise (``struct.error`` from the ``_u*`` helpers,
``ValueError`` from :class:`_Cursor`): a cut prefix stops a reader, whose caller keeps what
it found before. :func:`_boxes` clips instead, so a cut box is still walked as far as it goes.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator


def _u16be(d: bytes, pos: int) -> int:
    return int(struct.unpack_from(">H", d, pos)[0])


def _u32be(d: bytes, pos: int) -> int:
    return int(struct.unpack_from(">I", d, pos)[0])


def _u64be(d: bytes, pos: int) -> int:
    return int(struct.unpack_from(">Q", d, pos)[0])


def _u16le(d: bytes, pos: int) -> int:
    return int(struct.unpack_from("<H", d, pos)[0])


def _u32le(d: bytes, pos: int) -> int:
    return int(struct.unpack_from("<I", d, pos)[0])


def _u64le(d: bytes, pos: int) -> int:
    return int(struct.unpack_from("<Q", d, pos)[0])


def _ftyp_brands(d: bytes) -> tuple[bytes, list[bytes]]:
    size = _u32be(d, 0) if len(d) >= 4 else 0
    end = min(len(d), size if size >= 16 else 16, 16 + 4 * 64)
    return d[8:12], [d[i : i + 4] for i in range(16, end - 3, 4)]


def _boxes(d: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """ISO-BMFF boxes in ``d[start:end]`` as (type, payload start, payload end), clipped."""
    pos = start
    end = min(end, len(d))
    while pos + 8 <= end:
        size, kind = _u32be(d, pos), d[pos + 4 : pos + 8]
        header = 8
        if size == 1:
            if pos + 16 > end:
                return
            size, header = _u64be(d, pos + 8), 16
        elif size == 0:
            size = end - pos
        if size < header:
            return
        yield kind, pos + header, min(pos + size, end)
        pos += size


def _child(d: bytes, start: int, end: int, kind: bytes) -> Iterator[tuple[int, int]]:
    for found, begin, stop in _boxes(d, start, end):
        if found == kind:
            yield begin, stop


def _mp4_handlers(d: bytes) -> set[bytes]:
    handlers: set[bytes] = set()
    for moov_start, moov_end in _child(d, 0, len(d), b"moov"):
        for trak_start, trak_end in _child(d, moov_start, moov_end, b"trak"):
            for mdia_start, mdia_end in _child(d, trak_start, trak_end, b"mdia"):
                for hdlr_start, hdlr_end in _child(d, mdia_start, mdia_end, b"hdlr"):
                    if hdlr_end - hdlr_start >= 12:
                        handlers.add(d[hdlr_start + 8 : hdlr_start + 12])
    return handlers


class _Cursor:
    """Bounds-checked big-endian reads; ValueError when the data runs out."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data, self.pos = data, pos

    def take(self, size: int) -> int:
        if size not in (0, 1, 2, 3, 4, 8) or self.pos + size > len(self.data):
            raise ValueError("short box")
        value = int.from_bytes(self.data[self.pos : self.pos + size], "big")
        self.pos += size
        return value
