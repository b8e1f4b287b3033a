"""Documents: what kind of ZIP or OLE2 file this is, and a PDF's header and Info metadata.

ZIP: the first local headers are read from the prefix, ``mimetype`` (stored, first) names
ODF and EPUB, an inflated ``[Content_Types].xml`` names the OOXML flavour, and top-level
folders are the last resort. OLE2: stream names are looked for in sector-aligned directory
entries. PDF: the version, a page count and an uncompressed Info dictionary, as far as the
prefix holds them.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import Final

from fielddoc.evidence.metadata._binary import _u16le, _u32le
from fielddoc.evidence.metadata._util import MAX_TEXT, Section, _clean_text, _section

_DOCX: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PPTX: Final = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


_MIME_TOKEN: Final = re.compile(rb"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")
_OOXML_MAIN: Final[tuple[tuple[bytes, str], ...]] = (
    (b"wordprocessingml.document.main", _DOCX),
    (b"wordprocessingml.template.main", _DOCX),
    (b"ms-word.document.macroEnabled.main", _DOCX),
    (b"spreadsheetml.sheet.main", _XLSX),
    (b"spreadsheetml.template.main", _XLSX),
    (b"ms-excel.sheet.macroEnabled.main", _XLSX),
    (b"presentationml.presentation.main", _PPTX),
    (b"presentationml.slideshow.main", _PPTX),
    (b"presentationml.template.main", _PPTX),
    (b"ms-powerpoint.presentation.macroEnabled.main", _PPTX),
)
_OOXML_FOLDERS: Final = ((b"word/", _DOCX), (b"xl/", _XLSX), (b"ppt/", _PPTX))


def _zip_members(d: bytes, limit: int = 64) -> Iterator[tuple[bytes, int, int, bytes]]:
    """Local headers in the prefix: (name, method, compressed size, data as far as seen)."""
    pos = 0
    for _ in range(limit):
        if pos < 0 or pos + 30 > len(d):
            return
        flags, method = _u16le(d, pos + 6), _u16le(d, pos + 8)
        size, name_len, extra_len = _u32le(d, pos + 18), _u16le(d, pos + 26), _u16le(d, pos + 28)
        name = d[pos + 30 : pos + 30 + name_len]
        start = pos + 30 + name_len + extra_len
        known = not flags & 0x08 and size != 0xFFFFFFFF
        stop = start + size if known else len(d)
        yield name, method, size if known else -1, d[start:stop]
        pos = d.find(b"PK\x03\x04", stop if known else start)


def _inflate(data: bytes, method: int, limit: int = 256 * 1024) -> bytes:
    if method == 0:
        return data[:limit]
    if method != 8:
        return b""
    try:
        return zlib.decompressobj(-15).decompress(data, limit)
    except zlib.error:
        return b""


def _zip_mime(d: bytes) -> str:
    folder_guess: str | None = None
    for index, (name, method, size, data) in enumerate(_zip_members(d)):
        if index == 0 and name == b"mimetype" and method == 0 and 0 < size <= 100:
            declared = data.strip()
            if _MIME_TOKEN.fullmatch(declared):  # ODF, EPUB
                return declared.decode("ascii")
        if name == b"[Content_Types].xml":
            types = _inflate(data, method)
            for marker, mime in _OOXML_MAIN:
                if marker in types:
                    return mime
        if name == b"AndroidManifest.xml":
            return "application/vnd.android.package-archive"
        if folder_guess is None:
            folder_guess = next((m for f, m in _OOXML_FOLDERS if name.startswith(f)), None)
    return folder_guess or "application/zip"


_OLE_STREAMS: Final[tuple[tuple[str, str], ...]] = (
    ("WordDocument", "application/msword"),
    ("Workbook", "application/vnd.ms-excel"),
    ("Book", "application/vnd.ms-excel"),
    ("PowerPoint Document", "application/vnd.ms-powerpoint"),
    ("__properties_version1.0", "application/vnd.ms-outlook"),
)


def _ole_mime(d: bytes) -> str:
    # Directory entries are 128-byte records aligned to sector boundaries; the name comes first
    # as NUL-terminated UTF-16LE. Alignment keeps stray matches inside stream data out.
    for stream, mime in _OLE_STREAMS:
        needle = (stream + "\x00").encode("utf-16-le")
        at = d.find(needle, 512)
        while at != -1:
            if at % 128 == 0:
                return mime
            at = d.find(needle, at + 1)
    return "application/x-ole-storage"


_PDF_HEADER: Final = re.compile(rb"%PDF-(\d\.\d)")
_PDF_OBJECT: Final = re.compile(rb"\d+\s+\d+\s+obj\b")


def _is_pdf(d: bytes) -> bool:
    # Readers accept the header anywhere in the first 1024 bytes; away from the start we also
    # want a real header and an object, so a text note mentioning "%PDF-" stays text.
    at = d.find(b"%PDF-", 0, 1024)
    if at == 0:
        return True
    return at > 0 and bool(_PDF_HEADER.match(d, at)) and bool(_PDF_OBJECT.search(d, at, 65536))


_PDF_INFO_KEYS: Final = (
    (b"Producer", "producer"),
    (b"Creator", "creator"),
    (b"CreationDate", "creation_date"),
)
_PDF_DATE: Final = re.compile(
    r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(?:(Z)|([+-])(\d\d)'?(\d\d)?'?)?"
)
_PDF_ESCAPES: Final = {
    ord("n"): b"\n",
    ord("r"): b"\r",
    ord("t"): b"\t",
    ord("b"): b"\b",
    ord("f"): b"\f",
}


def _read_pdf(data: bytes, _base: str, result: Section) -> None:
    pdf = _section(result, "pdf")
    header = _PDF_HEADER.search(data, 0, 1032)
    if header is not None:
        pdf["version"] = header[1].decode("ascii")
    if (pages := _pdf_page_count(data)) is not None:
        pdf["page_count"] = pages
    if b"/Encrypt" in data:  # Info strings are encrypted too; their bytes mean nothing here
        pdf["encrypted"] = True
        return
    for key, name in _PDF_INFO_KEYS:
        match = re.search(rb"/" + key + rb"\s*([(<])", data)
        if match is None or data[match.end(1) : match.end(1) + 1] == b"<":
            continue
        raw = _pdf_string(data, match.start(1))
        text = _pdf_text(raw) if raw is not None else None
        if text and name == "creation_date":
            text = _pdf_date(text) or text
        if text:
            pdf[name] = text


def _pdf_page_count(data: bytes) -> int | None:
    linearized = re.search(rb"<<[^>]{0,400}?/Linearized\b[^>]{0,400}?>>", data[:4096])
    if linearized is not None:
        count = re.search(rb"/N\s+(\d{1,9})\b", linearized[0])
        if count is not None:
            return int(count[1])
    roots = []
    for match in re.finditer(rb"/Type\s*/Pages\b", data):
        start = data.rfind(b"<<", max(0, match.start() - 2000), match.start())
        stop = data.find(b">>", match.end(), match.end() + 2000)
        if start == -1 or stop == -1:
            continue
        body = data[start:stop]
        count = re.search(rb"/Count\s+(\d{1,9})\b", body)
        if count is not None and b"/Parent" not in body:
            roots.append(int(count[1]))
    return roots[0] if len(set(roots)) == 1 else None


def _pdf_string(data: bytes, at: int) -> bytes | None:
    """A literal ``( ... )`` or hex ``< ... >`` string starting at ``at``; None if cut off."""
    limit = min(len(data), at + 8 * MAX_TEXT)
    if data[at : at + 1] == b"<":
        end = data.find(b">", at, limit)
        if end == -1:
            return None
        digits = re.sub(rb"[^0-9A-Fa-f]", b"", data[at + 1 : end])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    out, depth, pos = bytearray(), 1, at + 1
    while pos < limit:
        byte = data[pos]
        if byte == 0x5C:  # backslash
            nxt = data[pos + 1 : pos + 2]
            octal = re.match(rb"[0-7]{1,3}", data[pos + 1 : pos + 4])
            if octal:
                out.append(int(octal[0], 8) & 0xFF)
                pos += 1 + len(octal[0])
                continue
            if nxt in (b"\r", b"\n"):  # line continuation
                pos += 3 if data[pos + 1 : pos + 3] == b"\r\n" else 2
                continue
            out += _PDF_ESCAPES.get(nxt[0], nxt) if nxt else b""
            pos += 2
            continue
        if byte == 0x28:
            depth += 1
        elif byte == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out)
        out.append(byte)
        pos += 1
    return None


def _pdf_text(raw: bytes) -> str | None:
    if raw.startswith(codecs.BOM_UTF16_BE):
        return _clean_text(raw[2:].decode("utf-16-be", "replace"))
    if raw.startswith(codecs.BOM_UTF8):
        return _clean_text(raw[3:].decode("utf-8", "replace"))
    try:
        return _clean_text(raw.decode("utf-8"))  # not allowed by the spec, but common
    except UnicodeDecodeError:
        return _clean_text(raw.decode("latin-1"))  # close to PDFDocEncoding


def _pdf_date(text: str) -> str | None:
    match = _PDF_DATE.match(text)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
    second = int(match[6] or 0)
    try:
        stamp = datetime(year, month, day, hour, minute, second)  # offset added below
    except ValueError:
        return None
    out = stamp.strftime("%Y-%m-%dT%H:%M:%S")
    if match[7]:
        out += "Z"
    elif match[8] and int(match[9]) <= 14:
        out += f"{match[8]}{match[9]}:{match[10] or '00'}"
    return out
