"""Image size and EXIF: Pillow for JPEG/PNG/GIF/TIFF/BMP, by hand for WebP and HEIF/AVIF.

Pillow is imported lazily, only when an image is read, and only its plugin classes are used
(no ``Image.open``): no pixel data is ever decoded, so a huge declared size allocates
nothing and ``Image.MAX_IMAGE_PIXELS`` is left alone. WebP is parsed by hand because
Pillow's WebP plugin allocates the whole canvas on open; HEIF/HEIC/AVIF has no Pillow
plugin, so its ``meta`` box is walked here.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from io import BytesIO
from typing import TYPE_CHECKING

from fielddoc.evidence.metadata._binary import (
    _boxes,
    _child,
    _Cursor,
    _u16be,
    _u16le,
    _u32be,
    _u32le,
)
from fielddoc.evidence.metadata._util import Section, _section
from fielddoc.evidence.metadata.exif import _exif_from_bytes, _read_exif, _read_exif_bytes

if TYPE_CHECKING:
    from PIL import ImageFile


def _pillow_file(data: bytes, base: str) -> ImageFile.ImageFile:
    # The plugin class parses headers only; Image.open would add plugin probing we do not want.
    fp = BytesIO(data)
    if base == "image/jpeg":
        from PIL import JpegImagePlugin

        return JpegImagePlugin.JpegImageFile(fp)
    if base == "image/png":
        from PIL import PngImagePlugin

        return PngImagePlugin.PngImageFile(fp)
    if base == "image/gif":
        from PIL import GifImagePlugin

        return GifImagePlugin.GifImageFile(fp)
    if base == "image/tiff":
        from PIL import TiffImagePlugin

        return TiffImagePlugin.TiffImageFile(fp)
    from PIL import BmpImagePlugin

    return BmpImagePlugin.BmpImageFile(fp)


def _read_pillow_image(data: bytes, base: str, result: Section) -> None:
    with _pillow_file(data, base) as im:
        image = _section(result, "image")
        image.update(width=im.width, height=im.height, format=im.format or "")
        # TIFF: EXIF comes from the tags already read (no decoding); PNG's getexif() would load
        tiff = base == "image/tiff"
        exif = im.getexif() if tiff else _exif_from_bytes(im.info.get("exif"))
        if exif is not None:
            _read_exif(exif, result)


def _read_webp(data: bytes, _base: str, result: Section) -> None:
    # RIFF chunks: VP8X gives the canvas, VP8/VP8L the frame size; EXIF is a chunk of its own.
    image = _section(result, "image")
    image["format"] = "WEBP"
    pos, end = 12, min(len(data), 8 + _u32le(data, 4))
    while pos + 8 <= end:
        kind, size = data[pos : pos + 4], _u32le(data, pos + 4)
        body = data[pos + 8 : pos + 8 + size]
        if kind == b"VP8X" and len(body) >= 10:
            image["width"] = 1 + int.from_bytes(body[4:7], "little")
            image["height"] = 1 + int.from_bytes(body[7:10], "little")
        elif kind == b"VP8 " and len(body) >= 10 and body[3:6] == b"\x9d\x01\x2a":
            image.setdefault("width", _u16le(body, 6) & 0x3FFF)
            image.setdefault("height", _u16le(body, 8) & 0x3FFF)
        elif kind == b"VP8L" and len(body) >= 5 and body[0] == 0x2F:
            bits = _u32le(body, 1)
            image.setdefault("width", 1 + (bits & 0x3FFF))
            image.setdefault("height", 1 + ((bits >> 14) & 0x3FFF))
        elif kind == b"EXIF":
            _read_exif_bytes(body, result)
        pos += 8 + size + (size & 1)


def _read_heif(data: bytes, base: str, result: Section) -> None:
    image = _section(result, "image")
    image["format"] = {"image/avif": "AVIF", "image/heif": "HEIF"}.get(base, "HEIC")
    for meta_start, meta_end in _child(data, 0, len(data), b"meta"):
        start = meta_start + 4  # FullBox
        if (size := _heif_display_size(data, start, meta_end)) is not None:
            image["width"], image["height"] = size
        exif_ids = _heif_exif_items(data, start, meta_end)
        for item_id, method, extents in _heif_locations(data, start, meta_end):
            if item_id in exif_ids and method == 0:  # 0: offsets into the file
                raw = b"".join(data[offset : offset + length] for offset, length in extents)
                # ExifDataBlock: a 32-bit offset to the TIFF header, then the payload
                if len(raw) > 8:
                    _read_exif_bytes(raw[4 + _u32be(raw, 0) :], result)
                return
        return


def _heif_display_size(data: bytes, start: int, end: int) -> tuple[int, int] | None:
    """Size of the primary item: its ispe, cropped by clap and turned by irot."""
    primary = None
    for pitm_start, pitm_end in _child(data, start, end, b"pitm"):
        primary = _Cursor(data[pitm_start:pitm_end], 4).take(2 if data[pitm_start] == 0 else 4)
    properties: list[tuple[bytes, int, int]] = []
    associations: dict[int, list[int]] = {}
    for iprp_start, iprp_end in _child(data, start, end, b"iprp"):
        for ipco_start, ipco_end in _child(data, iprp_start, iprp_end, b"ipco"):
            properties.extend(_boxes(data, ipco_start, ipco_end))
        for ipma_start, ipma_end in _child(data, iprp_start, iprp_end, b"ipma"):
            box = _Cursor(data[ipma_start:ipma_end])
            version, flags = box.take(1), box.take(3)
            for _ in range(box.take(4)):
                item_id = box.take(2 if version < 1 else 4)
                indexes = [box.take(2 if flags & 1 else 1) for _ in range(box.take(1))]
                mask = 0x7FFF if flags & 1 else 0x7F  # the top bit marks "essential"
                associations[item_id] = [(i & mask) - 1 for i in indexes if i & mask]
    chosen = associations.get(primary, []) if primary is not None else []
    mine = [properties[i] for i in chosen if i < len(properties)]
    spatial = [p for p in mine if p[0] == b"ispe"] or [p for p in properties if p[0] == b"ispe"]
    sizes = [
        (_u32be(data, begin + 4), _u32be(data, begin + 8))
        for _, begin, stop in spatial
        if stop - begin >= 12
    ]
    if not sizes:
        return None
    width, height = max(sizes, key=lambda wh: wh[0] * wh[1])
    for kind, begin, stop in mine:
        if kind == b"clap" and stop - begin >= 16:
            w_num, w_den, h_num, h_den = struct.unpack_from(">IIII", data, begin)
            if w_den and h_den and 0 < w_num // w_den <= width and 0 < h_num // h_den <= height:
                width, height = w_num // w_den, h_num // h_den
        elif kind == b"irot" and stop > begin and data[begin] & 1:
            width, height = height, width
    return width, height


def _heif_exif_items(data: bytes, start: int, end: int) -> set[int]:
    found: set[int] = set()
    for iinf_start, iinf_end in _child(data, start, end, b"iinf"):
        count_size = 2 if data[iinf_start] == 0 else 4
        for infe_start, infe_end in _child(data, iinf_start + 4 + count_size, iinf_end, b"infe"):
            version = data[infe_start]
            if version < 2 or infe_end - infe_start < 12:
                continue
            if version == 2:
                item_id, kind = _u16be(data, infe_start + 4), data[infe_start + 8 : infe_start + 12]
            else:
                item_id = _u32be(data, infe_start + 4)
                kind = data[infe_start + 10 : infe_start + 14]
            if kind == b"Exif":
                found.add(item_id)
    return found


def _heif_locations(
    data: bytes, start: int, end: int
) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """iloc entries: (item id, construction method, [(absolute offset, length)])."""
    for iloc_start, iloc_end in _child(data, start, end, b"iloc"):
        box = _Cursor(data[iloc_start:iloc_end])
        version = box.take(1)
        box.take(3)  # flags
        sizes = box.take(1)
        offset_size, length_size = sizes >> 4, sizes & 15
        sizes = box.take(1)
        base_size, index_size = sizes >> 4, (sizes & 15) if version in (1, 2) else 0
        wide = 4 if version == 2 else 2
        for _ in range(box.take(wide)):
            item_id = box.take(wide)
            method = box.take(2) & 15 if version in (1, 2) else 0
            box.take(2)  # data reference index
            base = box.take(base_size)
            extents = []
            for _ in range(box.take(2)):
                box.take(index_size)
                extents.append((base + box.take(offset_size), box.take(length_size)))
            yield item_id, method, extents
