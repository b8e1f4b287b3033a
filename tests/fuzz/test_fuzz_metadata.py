"""Fuzzing evidence metadata extraction (Pillow and the hand-written header readers).

Seeds: every media fixture (tests/fixtures/media: JPEG with GPS, PNG, GIF, TIFF, BMP, WebP,
HEIC, AVIF, PDF, ZIP/OOXML/ODF, OLE2, MP3, M4A, WAV, FLAC, Ogg, AMR, MP4, MOV, 3GP, MKV,
WebM, text) plus hand-made hostile files: decompression bombs (PNG text and ICC chunks, a
deflated ``[Content_Types].xml``), absurd declared sizes, self-referencing TIFF IFDs, and
zero- or 64-bit-sized ISO-BMFF boxes. Mutations: byte edits, truncations, splices.

Oracle (the package promises it): :func:`sniff_mime` returns a MIME type string and
:func:`extract_metadata` returns a dict that canonical JSON can write, for the sniffed type
and for the seed's own type alike; neither raises, neither hangs, and extraction from a
hostile file stays within a bounded amount of memory (tracemalloc peak).
"""

from __future__ import annotations

import struct
import tracemalloc
import warnings
import zlib

from hypothesis import given
from hypothesis import strategies as st

from fielddoc.canonical import canonical_json
from fielddoc.evidence.metadata import PREFIX_BYTES, extract_metadata, sniff_mime
from tests.conftest import FIXTURES
from tests.fuzz.mutate import mutated_bytes
from tests.fuzz.support import FuzzLog, fuzz_settings, time_limit

MEDIA = FIXTURES / "media"
PEAK_LIMIT = 48 * 1024 * 1024  # a prefix is at most 1 MiB; more than this is an allocation bomb


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_bomb() -> bytes:
    ihdr = struct.pack(">IIBBBBB", 0x7FFFFFFF, 0x7FFFFFFF, 8, 2, 0, 0, 0)
    bomb = zlib.compress(b"\0" * (64 * 1024 * 1024), 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"zTXt", b"Comment\0\0" + bomb[:200_000])
        + _png_chunk(b"iCCP", b"icc\0\0" + bomb[:200_000])
        + _png_chunk(b"IDAT", bomb[:1000])
    )


def _zip_bomb() -> bytes:
    name = b"[Content_Types].xml"
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = body.compress(b"<Types>" + b" " * (200 * 1024 * 1024)) + body.flush()
    header = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(packed), 0xFFFFFFFF, len(name), 0
    )
    return header + name + packed[: PREFIX_BYTES - 100]


def _tiff_loop() -> bytes:
    # IFD at 8 with one tag (ImageWidth) and a next-IFD pointer back to itself
    ifd = struct.pack("<H", 2) + struct.pack("<HHII", 256, 4, 1, 0xFFFFFFFF)
    ifd += struct.pack("<HHII", 0x8769, 4, 1, 8) + struct.pack("<I", 8)
    return b"II*\0" + struct.pack("<I", 8) + ifd


def _jpeg_huge() -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 0xFFFF, 0xFFFF, 1) + b"\x01\x11\x00"
    exif = b"Exif\0\0" + _tiff_loop()
    app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    return b"\xff\xd8" + app1 + sof + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\0" * 100


def _mp4_boxes() -> bytes:
    ftyp = struct.pack(">I", 20) + b"ftypisom" + b"\0\0\0\0" + b"isom"
    moov = struct.pack(">I", 1) + b"moov" + struct.pack(">Q", 2**63)  # 64-bit size, absurd
    zero = struct.pack(">I", 0) + b"trak"  # size 0: "to the end of the file"
    return ftyp + moov + zero + struct.pack(">I", 8) + b"udta" * 50


HOSTILE = {
    "png bomb": (_png_bomb(), "image/png"),
    "zip bomb": (_zip_bomb(), "application/zip"),
    "tiff loop": (_tiff_loop(), "image/tiff"),
    "jpeg huge": (_jpeg_huge(), "image/jpeg"),
    "mp4 boxes": (_mp4_boxes(), "video/mp4"),
    "webp canvas": (
        b"RIFF\xff\xff\xff\xffWEBPVP8X\x0a\0\0\0\x08\0\0\0\xff\xff\xff\xff\xff\xff",
        "image/webp",
    ),
    "gif screen": (b"GIF89a\xff\xff\xff\xff\xf7\0\0" + b"\0" * 768 + b";", "image/gif"),
}


def _seeds() -> dict[str, tuple[bytes, str]]:
    seeds = {}
    for path in sorted(MEDIA.iterdir()):
        if path.suffix != ".py":
            data = path.read_bytes()[:PREFIX_BYTES]
            seeds[path.name] = (data, sniff_mime(data, path.name))
    return {**seeds, **HOSTILE}


SEEDS = _seeds()
BODIES = tuple(data for data, _ in SEEDS.values())


def _check(data: bytes, name: str, mime: str) -> str:
    """The oracle for one file; returns the sniffed type."""
    with time_limit(20, "metadata extraction"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns about the corrupt EXIF it skips
        sniffed = sniff_mime(data, name)
        assert isinstance(sniffed, str) and "/" in sniffed
        for kind in {sniffed, mime}:
            found = extract_metadata(data, kind)
            assert isinstance(found, dict)
            canonical_json(found)  # JSON-safe: no floats, bytes, rationals or bad text
    return sniffed


def test_seeds_are_recognised() -> None:
    assert len(SEEDS) >= 40
    assert SEEDS["photo_gps_ne.jpg"][1] == "image/jpeg"
    assert "gps" in extract_metadata(*SEEDS["photo_gps_ne.jpg"]).get("exif", {})  # type: ignore[operator]


@fuzz_settings(250, deadline_ms=10_000)
@given(name=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_fuzz_metadata(fuzz_log: FuzzLog, name: str, data: st.DataObject) -> None:
    seed, mime = SEEDS[name]
    damaged = data.draw(mutated_bytes(seed, others=BODIES), label="edits")
    sniffed = _check(damaged, name, mime)
    fuzz_log.tried(name, "same type" if sniffed == mime else "type changed")


@fuzz_settings(15, deadline_ms=30_000)
@given(name=st.sampled_from(sorted(HOSTILE)), data=st.data())
def test_fuzz_metadata_memory(fuzz_log: FuzzLog, name: str, data: st.DataObject) -> None:
    seed, mime = HOSTILE[name]
    damaged = data.draw(mutated_bytes(seed, max_edits=2), label="edits")
    tracemalloc.start()
    try:
        _check(damaged, name, mime)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    fuzz_log.tried(name, f"peak under {PEAK_LIMIT >> 20} MiB" if peak < PEAK_LIMIT else "peak")
    assert peak < PEAK_LIMIT, f"{name}: {peak >> 20} MiB allocated for a 1 MiB prefix"
