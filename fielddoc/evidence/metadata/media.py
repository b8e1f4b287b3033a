"""Audio and video: container, codec, stream and time details read by hand from headers.

Also holds the header parsers that ``sniff`` shares (Ogg first packet, EBML DocType, ID3 tag
size, MPEG audio and ADTS frame headers). The MP4 ``moov`` box is only seen when the file
was written "fast start" (moov before mdat).
"""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from typing import Final

from fielddoc.evidence.metadata._binary import (
    _child,
    _ftyp_brands,
    _mp4_handlers,
    _u32be,
    _u32le,
    _u64be,
    _u64le,
)
from fielddoc.evidence.metadata._util import Section, _clean_text, _decimal, _section
from fielddoc.evidence.metadata.exif import _exif_datetime


def _ogg_codec(d: bytes) -> str | None:
    if len(d) < 27:
        return None
    packet = d[27 + d[26] : 27 + d[26] + 8]
    for magic, codec in (
        (b"OpusHead", "opus"),
        (b"\x01vorbis", "vorbis"),
        (b"\x7fFLAC", "flac"),
        (b"Speex   ", "speex"),
        (b"\x80theora", "theora"),
    ):
        if packet.startswith(magic):
            return codec
    return None


def _ebml_vint(d: bytes, pos: int) -> tuple[int, int]:
    """EBML variable-size integer at ``pos``: (value, length); (-1, 0) if invalid."""
    if pos >= len(d) or d[pos] == 0:
        return -1, 0
    length = 9 - d[pos].bit_length()
    if pos + length > len(d):
        return -1, 0
    value = d[pos] & (0xFF >> length)
    for byte in d[pos + 1 : pos + length]:
        value = (value << 8) | byte
    return value, length


def _ebml_doctype(d: bytes) -> str | None:
    size, length = _ebml_vint(d, 4)
    if length == 0:
        return None
    pos, end = 4 + length, min(len(d), 4 + length + size)
    while pos < end:
        element_id = d[pos : pos + 2]
        value_size, length = _ebml_vint(d, pos + 2)
        if len(element_id) < 2 or length == 0:
            return None
        value = d[pos + 2 + length : pos + 2 + length + value_size]
        if element_id == b"\x42\x82":
            return value.rstrip(b"\x00").decode("ascii", "replace")
        pos += 2 + length + value_size
    return None


def _id3_end(d: bytes) -> int:
    size_bytes = d[6:10]
    if len(size_bytes) < 4 or any(b & 0x80 for b in size_bytes):
        return -1
    size = 0
    for byte in size_bytes:
        size = (size << 7) | byte
    return 10 + size + (10 if d[5] & 0x10 else 0)


_MPEG_BITRATES: Final[dict[tuple[int, int], tuple[int, ...]]] = {
    # (version bits == 3 ? 1 : 2, layer) -> kbit/s for indexes 1..14
    (1, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (1, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (1, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (2, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (2, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (2, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MPEG_RATES: Final = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_ADTS_RATES: Final = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000)


def _mpeg_frame(d: bytes, pos: int) -> tuple[int, int, int, int] | None:
    """MPEG audio frame header at ``pos``: (layer, kbit/s, sample rate, frame length)."""
    if pos + 4 > len(d):
        return None
    header = _u32be(d, pos)
    version, layer_bits = (header >> 19) & 3, (header >> 17) & 3
    index, rate_index, padding = (header >> 12) & 15, (header >> 10) & 3, (header >> 9) & 1
    if header >> 21 != 0x7FF or version == 1 or layer_bits == 0 or index in (0, 15):
        return None
    if rate_index == 3:
        return None
    layer = 4 - layer_bits
    kbps = _MPEG_BITRATES[(1 if version == 3 else 2, layer)][index - 1]
    rate = _MPEG_RATES[version][rate_index]
    if layer == 1:
        length = (12 * kbps * 1000 // rate + padding) * 4
    else:
        factor = 72 if layer == 3 and version != 3 else 144
        length = factor * kbps * 1000 // rate + padding
    return layer, kbps, rate, length


def _adts_frame(d: bytes, pos: int) -> int | None:
    """Length of an ADTS (AAC) frame at ``pos``, or None."""
    if pos + 7 > len(d) or d[pos] != 0xFF or d[pos + 1] & 0xF6 != 0xF0:
        return None
    if (d[pos + 2] >> 2) & 15 >= len(_ADTS_RATES):
        return None
    length = ((d[pos + 3] & 3) << 11) | (d[pos + 4] << 3) | (d[pos + 5] >> 5)
    return length if length >= 7 else None


_TRACK_KINDS: Final = {
    b"vide": "video",
    b"soun": "audio",
    b"text": "text",
    b"sbtl": "subtitle",
    b"subt": "subtitle",
    b"meta": "metadata",
}
_MP4_EPOCH: Final = datetime(1904, 1, 1, tzinfo=UTC)
_ISO6709: Final = re.compile(r"([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")


def _read_mp4(data: bytes, base: str, result: Section) -> None:
    media = _section(result, "media")
    major, compatible = _ftyp_brands(data)
    containers = {"video/quicktime": "quicktime", "video/3gpp": "3gp", "video/3gpp2": "3g2"}
    media["container"] = containers.get(base, "mp4")
    if brand := _clean_text(major.decode("latin-1")):
        media["brand"] = brand
    brands = [b for b in (_clean_text(c.decode("latin-1")) for c in compatible) if b]
    if brands:
        media["compatible_brands"] = brands
    for moov_start, moov_end in _child(data, 0, len(data), b"moov"):
        for start, end in _child(data, moov_start, moov_end, b"mvhd"):
            _read_mvhd(data[start:end], media)
        tracks = sorted({_TRACK_KINDS[h] for h in _mp4_handlers(data) if h in _TRACK_KINDS})
        if tracks:
            media["tracks"] = tracks
        for udta_start, udta_end in _child(data, moov_start, moov_end, b"udta"):
            for start, end in _child(data, udta_start, udta_end, b"\xa9xyz"):
                if end - start > 4 and (gps := _iso6709(data[start + 4 : end])):
                    media["gps"] = gps
        return


def _read_mvhd(box: bytes, media: Section) -> None:
    if box[:1] == b"\x01":
        created, timescale, duration = _u64be(box, 4), _u32be(box, 20), _u64be(box, 24)
        unknown = 2**64 - 1
    else:
        created, timescale, duration = _u32be(box, 4), _u32be(box, 12), _u32be(box, 16)
        unknown = 2**32 - 1
    if 0 < created < 2**40:
        moment = _MP4_EPOCH + timedelta(seconds=created)
        if 1980 <= moment.year <= 2200:
            media["creation_time"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if timescale and duration != unknown:
        media["duration_ms"] = duration * 1000 // timescale


def _iso6709(raw: bytes) -> Section:
    match = _ISO6709.match(raw.decode("latin-1"))
    if match is None:
        return {}
    found: Section = {}
    latitude = _iso6709_angle(match[1], 2)
    longitude = _iso6709_angle(match[2], 3)
    lat_ok = latitude is not None and abs(latitude) <= 90
    if lat_ok and longitude is not None and abs(longitude) <= 180 and latitude is not None:
        found.update(latitude=_decimal(latitude, 6), longitude=_decimal(longitude, 6))
    if match[3] and len(match[3]) <= 12:
        found["altitude_m"] = _decimal(Fraction(match[3]), 1)
    return found


def _iso6709_angle(text: str, degree_digits: int) -> Fraction | None:
    """±DD.D, ±DDMM.M or ±DDMMSS.S (three degree digits for longitude)."""
    if len(text) > 20:
        return None
    sign = -1 if text[0] == "-" else 1
    whole, _, frac = text[1:].partition(".")
    value = Fraction(f"{whole}.{frac}" if frac else whole)
    if len(whole) == degree_digits:
        return sign * value
    if len(whole) == degree_digits + 2:
        degrees = value // 100
        return sign * (degrees + (value - 100 * degrees) / 60)
    if len(whole) == degree_digits + 4:
        degrees, minutes = value // 10000, (value % 10000) // 100
        return sign * (degrees + Fraction(minutes, 60) + (value % 100) / 3600)
    return None


_WAV_CODECS: Final = {1: "pcm", 3: "ieee_float", 6: "alaw", 7: "mulaw", 0x55: "mp3", 0xFFFE: "pcm"}
_BEXT_TIME: Final = re.compile(r"(\d{4})\D(\d\d)\D(\d\d)(\d\d)\D(\d\d)\D(\d\d)")


def _read_wav(data: bytes, _base: str, result: Section) -> None:
    media = _section(result, "media")
    media["container"] = "wav"
    pos, byte_rate, data_size = 12, 0, -1
    while pos + 8 <= len(data):
        kind, size = data[pos : pos + 4], _u32le(data, pos + 4)
        body = data[pos + 8 : pos + 8 + size]
        if kind == b"fmt " and len(body) >= 16:
            tag, channels, rate, byte_rate, _, bits = struct.unpack_from("<HHIIHH", body)
            media["codec"] = _WAV_CODECS.get(tag, f"0x{tag:04x}")
            media.update(channels=channels, sample_rate=rate, bits_per_sample=bits)
        elif kind == b"ds64" and len(body) >= 16:
            data_size = _u64le(body, 8)
        elif kind == b"bext" and len(body) >= 338:
            stamp = _BEXT_TIME.fullmatch(body[320:338].decode("latin-1"))
            if stamp is not None:
                year, month, day, hour, minute, second = stamp.groups()
                text = f"{year}:{month}:{day} {hour}:{minute}:{second}"
                if (moment := _exif_datetime(text, None)) is not None:
                    media["origination_time"] = moment
        elif kind == b"data":
            data_size = size if size != 0xFFFFFFFF or data_size < 0 else data_size
            break
        pos += 8 + size + (size & 1)
    if byte_rate and 0 <= data_size != 0xFFFFFFFF:
        media["duration_ms"] = data_size * 1000 // byte_rate


def _read_flac(data: bytes, _base: str, result: Section) -> None:
    media = _section(result, "media")
    media["codec"] = "flac"
    start = data.find(b"fLaC", 0, max(_id3_end(data), 0) + 4096 if data[:3] == b"ID3" else 4)
    if start == -1:
        return
    start += 4
    if len(data) >= start + 22 and data[start] & 0x7F == 0:  # STREAMINFO
        bits = int.from_bytes(data[start + 14 : start + 22], "big")
        rate, total = bits >> 44, bits & (2**36 - 1)
        media.update(
            sample_rate=rate,
            channels=((bits >> 41) & 7) + 1,
            bits_per_sample=((bits >> 36) & 31) + 1,
        )
        if rate and total:
            media["duration_ms"] = total * 1000 // rate


def _read_ogg(data: bytes, _base: str, result: Section) -> None:
    media = _section(result, "media")
    media["container"] = "ogg"
    codec = _ogg_codec(data)
    if codec is None:
        return
    media["codec"] = codec
    packet = data[27 + data[26] :]
    if codec == "opus" and len(packet) >= 16:
        media.update(channels=packet[9], sample_rate=_u32le(packet, 12))
    elif codec == "vorbis" and len(packet) >= 16:
        media.update(channels=packet[11], sample_rate=_u32le(packet, 12))


def _read_mpeg_audio(data: bytes, _base: str, result: Section) -> None:
    media = _section(result, "media")
    pos = 0
    if data.startswith(b"ID3") and len(data) >= 10:
        media["id3_version"] = f"2.{data[3]}"
        pos = max(_id3_end(data), 0)
        while pos < len(data) and data[pos] == 0:
            pos += 1
    if (frame := _mpeg_frame(data, pos)) is not None:
        layer, kbps, rate, _ = frame
        media.update(codec=f"mp{layer}", bitrate_kbps=kbps, sample_rate=rate)
    elif _adts_frame(data, pos) is not None:
        media.update(codec="aac", sample_rate=_ADTS_RATES[(data[pos + 2] >> 2) & 15])
        media["channels"] = ((data[pos + 2] & 1) << 2) | (data[pos + 3] >> 6)


def _read_amr(data: bytes, _base: str, result: Section) -> None:
    _section(result, "media")["codec"] = "amr-wb" if data.startswith(b"#!AMR-WB") else "amr-nb"


def _read_matroska(data: bytes, _base: str, result: Section) -> None:
    if doctype := _clean_text(_ebml_doctype(data)):
        _section(result, "media")["container"] = doctype
