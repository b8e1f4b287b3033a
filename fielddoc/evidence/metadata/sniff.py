"""MIME type from the first bytes: the ordered signature table, its checks, and text.

Content decides first. The file extension is only consulted for text (which has no magic)
and, within the ISO-BMFF family, to pick audio when ``moov`` is not in the prefix; it never
overrides a recognised signature. The format parsing these checks share with the metadata
readers lives in ``documents`` (PDF, ZIP/OOXML/ODF, OLE2) and ``media`` (Ogg, EBML, ID3,
MPEG audio and ADTS frames).
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Final

from fielddoc.evidence.metadata._binary import _ftyp_brands, _mp4_handlers, _u32be, _u32le
from fielddoc.evidence.metadata._util import PREFIX_BYTES
from fielddoc.evidence.metadata.documents import _is_pdf, _ole_mime, _zip_mime
from fielddoc.evidence.metadata.media import (
    _adts_frame,
    _ebml_doctype,
    _id3_end,
    _mpeg_frame,
    _ogg_codec,
)

logger = logging.getLogger(__name__)

OCTET: Final = "application/octet-stream"


def sniff_mime(prefix: bytes, name: str) -> str:
    """MIME type of a file from its first bytes, the file name only as a fallback for text."""
    try:
        data = bytes(prefix[:PREFIX_BYTES])
        ext = _extension(name)
        return _sniff_content(data, ext) or _sniff_text(data, ext)
    except Exception as exc:  # noqa: BLE001 - a MIME guess must never stop an ingest
        logger.debug("sniff_mime failed: %s", type(exc).__name__)
        return OCTET


def _extension(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    return ext.lower() if dot and stem else ""


_SIMPLE_SIGNATURES: Final[tuple[tuple[bytes, str], ...]] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"II+\x00", "image/tiff"),  # BigTIFF
    (b"MM\x00+", "image/tiff"),
    (b"fLaC", "audio/flac"),
    (b"#!AMR-WB\n", "audio/amr-wb"),
    (b"#!AMR\n", "audio/amr"),
    (b"{\\rtf", "application/rtf"),
    (b"8BPS", "image/vnd.adobe.photoshop"),
    (b"%!PS", "application/postscript"),
    (b"\x1f\x8b\x08", "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"\xfd7zXZ\x00", "application/x-xz"),
    (b"SQLite format 3\x00", "application/vnd.sqlite3"),
    (b"\x7fELF", "application/x-executable"),
    (b"PK\x05\x06", "application/zip"),  # empty archive
    (
        b"\x30\x26\xb2\x75\x8e\x66\xcf\x11\xa6\xd9\x00\xaa\x00\x62\xce\x6c",
        "video/x-ms-asf",  # WMA/WMV
    ),
    (b"\x00\x00\x01\xba", "video/mpeg"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "image/jp2"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "image/jxl"),
)


def _sniff_content(d: bytes, ext: str) -> str | None:
    for magic, mime in _SIMPLE_SIGNATURES:
        if d.startswith(magic):
            return mime
    head4 = d[:4]
    bmp_header_sizes = (12, 16, 40, 52, 56, 64, 108, 124)
    if head4[:2] == b"BM" and len(d) >= 26 and _u32le(d, 14) in bmp_header_sizes:
        return "image/bmp"
    if _is_pdf(d):
        return "application/pdf"
    if d[4:8] == b"ftyp":
        return _ftyp_mime(d, ext)
    if d[4:8] in (b"moov", b"mdat", b"wide", b"pnot") and _u32be(d, 0) >= 8:
        return "video/quicktime"  # QuickTime before ftyp existed
    if head4 in (b"RIFF", b"RF64"):
        riff = {b"WAVE": "audio/wav", b"WEBP": "image/webp", b"AVI ": "video/x-msvideo"}
        if found := riff.get(d[8:12]):
            return found
    if head4 == b"FORM" and d[8:12] in (b"AIFF", b"AIFC"):
        return "audio/aiff"
    if head4 == b"OggS":
        return _ogg_mime(d)
    if head4 == b"\x1a\x45\xdf\xa3":
        return "video/webm" if _ebml_doctype(d) == "webm" else "video/x-matroska"
    if head4 == b"PK\x03\x04":
        return _zip_mime(d)
    if d.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_mime(d)
    if d.startswith(b"ID3") and len(d) >= 10 and d[3] in (2, 3, 4):
        return _after_id3(d)
    if d.startswith(b"BZh") and d[3:4].isdigit():
        return "application/x-bzip2"
    if d.startswith(b"MZ") and _is_pe(d):
        return "application/vnd.microsoft.portable-executable"
    if _is_mpeg_ts(d):
        return "video/mp2t"
    return _frame_sync_mime(d, 0)


_HEIC_BRANDS: Final = frozenset({b"heic", b"heix", b"heim", b"heis"})
_GENERIC_AUDIO_EXTENSIONS: Final = frozenset({"m4a", "m4b", "aac"})


def _ftyp_mime(d: bytes, ext: str) -> str:
    major, compatible = _ftyp_brands(d)
    brands = {major, *compatible}
    if major in _HEIC_BRANDS or (major in (b"mif1", b"msf1") and brands & _HEIC_BRANDS):
        return "image/heic"
    if major in (b"hevc", b"hevx"):
        return "image/heic-sequence"
    if major in (b"avif", b"avis") or (major == b"mif1" and b"avif" in brands):
        return "image/avif"
    if major in (b"mif1", b"msf1"):
        return "image/heif"
    if major == b"qt  ":
        return "video/quicktime"
    if major in (b"M4A ", b"M4B ", b"M4P "):
        return "audio/mp4"
    if major == b"crx ":
        return "image/x-canon-cr3"
    if major.startswith(b"3g2"):
        return "video/3gpp2"
    if major[:3] in (b"3gp", b"3gr", b"3gs", b"3ge", b"3gg"):
        return "video/3gpp"
    # A generic brand (isom, mp42, ...): the track handlers in moov tell audio from video;
    # when moov is not in the prefix the extension may only pick audio within the family.
    handlers = _mp4_handlers(d)
    if b"vide" in handlers:
        return "video/mp4"
    if b"soun" in handlers or ext in _GENERIC_AUDIO_EXTENSIONS:
        return "audio/mp4"
    return "video/mp4"


def _ogg_mime(d: bytes) -> str:
    codec = _ogg_codec(d)
    if codec == "theora":
        return "video/ogg"
    return "audio/ogg" if codec else "application/ogg"


def _after_id3(d: bytes) -> str:
    end = _id3_end(d)
    while 0 < end < len(d) and d[end] == 0:  # padding after the tag
        end += 1
    if 0 < end < len(d):
        if d.startswith(b"fLaC", end):
            return "audio/flac"
        if (found := _frame_sync_mime(d, end)) is not None:
            return found
    return "audio/mpeg"


def _frame_sync_mime(d: bytes, pos: int) -> str | None:
    # One frame header is 11-12 set bits plus a few valid fields, which random data (or a
    # UTF-16 byte-order mark) hits now and then: the next frame has to be in the prefix too.
    if (frame := _mpeg_frame(d, pos)) is not None and _mpeg_frame(d, pos + frame[3]):
        return "audio/mpeg"
    if (length := _adts_frame(d, pos)) is not None and _adts_frame(d, pos + length):
        return "audio/aac"
    return None


def _is_pe(d: bytes) -> bool:
    if len(d) < 64:
        return False
    offset = _u32le(d, 60)
    return d[offset : offset + 4] == b"PE\x00\x00"


def _is_mpeg_ts(d: bytes) -> bool:
    # Transport stream: a 0x47 sync byte every 188 bytes (192 with the M2TS timecode); three
    # to five packets, as many as the prefix holds.
    for start, step in ((0, 188), (4, 192)):
        packets = min(5, (len(d) - start) // step)
        if packets >= 3 and all(d[start + i * step] == 0x47 for i in range(packets)):
            return True
    return False


# Text: no magic, so the extension picks the subtype once the content is known to be text.
_TEXT_EXTENSIONS: Final = {
    "txt": "text/plain",
    "text": "text/plain",
    "log": "text/plain",
    "md": "text/markdown",
    "markdown": "text/markdown",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "htm": "text/html",
    "html": "text/html",
    "xml": "application/xml",
    "json": "application/json",
    "geojson": "application/geo+json",
    "svg": "image/svg+xml",
    "eml": "message/rfc822",
    "ics": "text/calendar",
    "vcf": "text/vcard",
    "srt": "application/x-subrip",
    "vtt": "text/vtt",
    "gpx": "application/gpx+xml",
    "kml": "application/vnd.google-earth.kml+xml",
    "yaml": "application/yaml",
    "yml": "application/yaml",
}
# 8-bit text (cp1251, ...) has no decodable signature: with a text extension and no NULs or
# binary control bytes it is still text, without a charset.
_BINARY_CONTROLS: Final = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _text_kind(d: bytes) -> str | None:
    """Charset label if the prefix is text (a cut multi-byte sequence at the end is fine)."""
    for bom, charset in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if d.startswith(bom) and len(d) >= 4:
            codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
            text = _decode_prefix(d[2:], codec)
            return charset if text is not None and "\x00" not in text else None
    if b"\x00" in d:
        return None
    return "utf-8" if _decode_prefix(d, "utf-8") is not None else None


def _decode_prefix(d: bytes, codec: str) -> str | None:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        text = decoder.decode(d, final=False)
    except UnicodeDecodeError:
        return None
    # final=False keeps an incomplete trailing sequence back, but never more than 3 bytes
    pending = decoder.getstate()[0]
    return text if len(pending) <= 3 else None


def _text_hint(d: bytes) -> str:
    head = d[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        return "image/svg+xml" if b"<svg" in d[:4096].lower() else "application/xml"
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    if head.startswith(b"<svg"):
        return "image/svg+xml"
    return "text/plain"


def _sniff_text(d: bytes, ext: str) -> str:
    if not d:
        return _with_charset(_TEXT_EXTENSIONS.get(ext, OCTET), None)
    charset = _text_kind(d)
    if charset is not None:
        return _with_charset(_TEXT_EXTENSIONS.get(ext) or _text_hint(d), charset)
    if ext in _TEXT_EXTENSIONS and not _BINARY_CONTROLS.search(d):
        return _TEXT_EXTENSIONS[ext]
    return OCTET


def _with_charset(mime: str, charset: str | None) -> str:
    return f"{mime}; charset={charset}" if charset and mime.startswith("text/") else mime
