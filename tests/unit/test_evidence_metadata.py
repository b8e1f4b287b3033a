"""MIME sniffing and metadata extraction from the ingest prefix (fielddoc.evidence.metadata).

The samples live in tests/fixtures/media and are made by make_media.py there.
"""

from __future__ import annotations

import io
import logging
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from fielddoc.canonical import canonical_json
from fielddoc.evidence import metadata
from fielddoc.evidence.metadata import PREFIX_BYTES, extract_metadata, sniff_mime
from fielddoc.evidence.metadata._util import _decimal
from fielddoc.evidence.metadata.media import _iso6709

# Pillow warns (and carries on) on the broken EXIF these tests feed it on purpose.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL")

MEDIA = Path(__file__).resolve().parents[1] / "fixtures" / "media"
SAMPLES = sorted(p.name for p in MEDIA.iterdir() if p.suffix != ".py")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

EXPECTED_MIME = {
    "photo_gps_ne.jpg": "image/jpeg",
    "photo_gps_sw.jpg": "image/jpeg",
    "jpeg_named_as.pdf": "image/jpeg",
    "image.png": "image/png",
    "image.gif": "image/gif",
    "image.webp": "image/webp",
    "image.tiff": "image/tiff",
    "image.bmp": "image/bmp",
    "photo.heic": "image/heic",
    "libheif.heic": "image/heic",
    "libheif.avif": "image/avif",
    "document.pdf": "application/pdf",
    "audio.wav": "audio/wav",
    "video.mp4": "video/mp4",
    "audio.m4a": "audio/mp4",
    "video.mov": "video/quicktime",
    "video.3gp": "video/3gpp",
    "audio_id3.mp3": "audio/mpeg",
    "audio_frames.mp3": "audio/mpeg",
    "voice.ogg": "audio/ogg",
    "audio.flac": "audio/flac",
    "voice.amr": "audio/amr",
    "video.webm": "video/webm",
    "video.mkv": "video/x-matroska",
    "report.docx": DOCX,
    "table.xlsx": XLSX,
    "slides.pptx": PPTX,
    "report.odt": "application/vnd.oasis.opendocument.text",
    "archive.zip": "application/zip",
    "legacy.doc": "application/msword",
    "legacy.xls": "application/vnd.ms-excel",
    "report.rtf": "application/rtf",
    "notes_cyrillic.txt": "text/plain; charset=utf-8",
    "table_cyrillic.csv": "text/csv; charset=utf-8",
    "notes_cp1251.txt": "text/plain",
    "notes_utf16.txt": "text/plain; charset=utf-16",
    "random.bin": "application/octet-stream",
}

EXIF_NORTH_EAST = {
    "capture_time": "2024-03-15T14:22:05+06:00",
    "camera_make": "FieldCam",
    "camera_model": "FC-1 Pro",
    "software": "FieldCam Firmware 2.1",
    "orientation": 6,
    "gps": {
        "latitude": "42.874600",
        "longitude": "74.612200",
        "altitude_m": "812.0",
        "time_utc": "2024-03-15T08:22:05Z",
    },
}

# Readers written by hand may only stop because the data ran out or was malformed.
EXPECTED_STOPS = {"error", "ValueError", "IndexError"}  # struct.error is named "error"


def sample(name: str) -> bytes:
    return (MEDIA / name).read_bytes()


def assert_json_safe(value: object) -> None:
    canonical_json(value)  # refuses floats, bytes, non-string keys and lone surrogates
    assert_clean(value)


def assert_clean(value: object) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert_clean(key)
            assert_clean(item)
    elif isinstance(value, list):
        for item in value:
            assert_clean(item)
    elif isinstance(value, str):
        assert value
        assert value == value.strip()
        assert len(value) <= metadata.MAX_TEXT
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in value)
    else:
        assert isinstance(value, bool | int)
        assert abs(value) < 2**53


def unexpected_stops(records: list[logging.LogRecord]) -> list[str]:
    """Failures of our own code, as opposed to Pillow's or to data running out.

    Pillow raises whatever it likes on a broken file, and catching that is the point; the
    hand-written readers may only stop on short or malformed data, and sniff_mime never.
    """
    bad = []
    for record in records:
        args = record.args if isinstance(record.args, tuple) else ()
        message = str(record.msg)
        if message.startswith("metadata: EXIF") or "_read_pillow_image" in args:
            continue
        if message.startswith("metadata: %s stopped") and str(args[-1]) in EXPECTED_STOPS:
            continue
        bad.append(record.getMessage())
    return bad


# --- the fixtures themselves ----------------------------------------------------------------


def test_every_sample_has_an_expectation() -> None:
    assert sorted(EXPECTED_MIME) == SAMPLES


def test_fixture_folder_stays_small() -> None:
    assert sum(p.stat().st_size for p in MEDIA.iterdir()) < 300 * 1024


# --- sniff_mime -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_sniff_mime_recognises_each_sample(name: str) -> None:
    assert sniff_mime(sample(name), name) == EXPECTED_MIME[name]


@pytest.mark.parametrize("name", SAMPLES)
def test_sniff_mime_does_not_need_the_name_except_for_8bit_text(name: str) -> None:
    expected = EXPECTED_MIME[name]
    if name == "notes_cp1251.txt":
        expected = "application/octet-stream"
    elif name == "table_cyrillic.csv":
        expected = "text/plain; charset=utf-8"
    assert sniff_mime(sample(name), "") == expected


@pytest.mark.parametrize(
    ("data_from", "name", "expected"),
    [
        ("jpeg_named_as.pdf", "jpeg_named_as.pdf", "image/jpeg"),
        ("document.pdf", "IMG_0001.JPG", "application/pdf"),
        ("report.docx", "table.xlsx", DOCX),
        ("report.docx", "archive.zip", DOCX),
        ("image.png", "notes.txt", "image/png"),
        ("audio.wav", "video.mp4", "audio/wav"),
        ("video.mp4", "song.m4a", "video/mp4"),  # the moov says video: content wins
        ("notes_cyrillic.txt", "photo.jpg", "text/plain; charset=utf-8"),
        ("random.bin", "notes.txt", "application/octet-stream"),
        ("random.bin", "table.csv", "application/octet-stream"),
    ],
)
def test_content_beats_the_extension(data_from: str, name: str, expected: str) -> None:
    assert sniff_mime(sample(data_from), name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("протокол.csv", "text/csv; charset=utf-8"),
        ("C:\\Users\\monitor\\notes.MD", "text/markdown; charset=utf-8"),
        ("/media/card/export.json", "application/json"),
        ("notes", "text/plain; charset=utf-8"),
        (".csv", "text/plain; charset=utf-8"),  # a dot file has no extension
    ],
)
def test_text_subtype_comes_from_the_extension(name: str, expected: str) -> None:
    assert sniff_mime(sample("notes_cyrillic.txt"), name) == expected


def test_text_cut_inside_a_multibyte_character_is_still_text() -> None:
    text = sample("notes_cyrillic.txt")
    with pytest.raises(UnicodeDecodeError):  # "Пр" and the first byte of "о"
        text[:5].decode("utf-8")
    assert sniff_mime(text[:5], "a.txt") == "text/plain; charset=utf-8"
    assert sniff_mime(text + b"\x00", "a.txt") == "application/octet-stream"


def test_markup_without_an_extension() -> None:
    assert sniff_mime(b"<!DOCTYPE html><html><body>x</body></html>", "") == (
        "text/html; charset=utf-8"
    )
    assert sniff_mime(b'<?xml version="1.0"?><svg xmlns="x"/>', "") == "image/svg+xml"
    assert sniff_mime(b'<?xml version="1.0"?><gpx/>', "track.gpx") == "application/gpx+xml"


def test_pdf_header_after_junk_needs_an_object() -> None:
    pdf = sample("document.pdf")
    assert sniff_mime(b"\r\n\r\n" + pdf, "x") == "application/pdf"
    assert sniff_mime(b"see the attached %PDF-1.7 file\n", "x").startswith("text/plain")


def test_zip_with_content_types_decides_by_main_part() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet"/><Override PartName="/ppt/presentation.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.presentationml.'
            'presentation.main+xml"/></Types>',
        )
        z.writestr("_rels/.rels", "<Relationships/>")
    # an embedded workbook's Default does not make the package a spreadsheet
    assert sniff_mime(buf.getvalue(), "x.zip") == PPTX


def test_ole2_without_a_known_stream_is_generic() -> None:
    doc = bytearray(sample("legacy.doc"))
    name = "WordDocument\x00".encode("utf-16-le")
    at = bytes(doc).find(name)
    doc[at : at + len(name)] = "Contents\x00\x00\x00\x00\x00".encode("utf-16-le")
    assert sniff_mime(bytes(doc), "legacy.doc") == "application/x-ole-storage"


def test_a_single_frame_sync_is_not_enough_for_mp3() -> None:
    assert sniff_mime(b"\xff\xfb\x90\x64" + bytes(100), "x.mp3") == "application/octet-stream"
    assert sniff_mime(sample("audio_frames.mp3")[:500], "x") == "audio/mpeg"


def test_sniff_mime_only_looks_at_the_prefix() -> None:
    big = b"a" * PREFIX_BYTES + b"\x00"
    assert sniff_mime(big, "x.txt") == "text/plain; charset=utf-8"


def test_sniff_mime_of_nothing() -> None:
    assert sniff_mime(b"", "empty.bin") == "application/octet-stream"
    assert sniff_mime(b"", "empty.txt") == "text/plain"


# --- extract_metadata: images ---------------------------------------------------------------


def test_jpeg_exif_north_east() -> None:
    found = extract_metadata(sample("photo_gps_ne.jpg"), "image/jpeg")
    assert found == {
        "image": {"width": 16, "height": 12, "format": "JPEG"},
        "exif": EXIF_NORTH_EAST,
    }


def test_jpeg_exif_south_west_and_below_sea_level() -> None:
    found = extract_metadata(sample("photo_gps_sw.jpg"), "image/jpeg")
    exif: Any = found["exif"]
    assert exif["gps"] == {
        "latitude": "-34.603700",
        "longitude": "-58.381600",
        "altitude_m": "-430.5",
    }
    assert exif["capture_time"] == "2024-03-15T14:22:05+06:00"


def test_metadata_follows_the_sniffed_type_not_the_name() -> None:
    data = sample("jpeg_named_as.pdf")
    found = extract_metadata(data, sniff_mime(data, "jpeg_named_as.pdf"))
    assert found["exif"] == EXIF_NORTH_EAST


@pytest.mark.parametrize(
    ("name", "image"),
    [
        ("image.png", {"width": 20, "height": 10, "format": "PNG"}),
        ("image.gif", {"width": 20, "height": 10, "format": "GIF"}),
        ("image.tiff", {"width": 20, "height": 10, "format": "TIFF"}),
        ("image.bmp", {"width": 20, "height": 10, "format": "BMP"}),
    ],
)
def test_image_headers(name: str, image: dict[str, object]) -> None:
    assert extract_metadata(sample(name), EXPECTED_MIME[name]) == {"image": image}


def test_webp_is_read_by_hand_with_its_exif() -> None:
    found = extract_metadata(sample("image.webp"), "image/webp")
    assert found == {
        "image": {"format": "WEBP", "width": 20, "height": 10},
        "exif": EXIF_NORTH_EAST,
    }


def test_heic_size_and_exif_from_the_meta_box() -> None:
    found = extract_metadata(sample("photo.heic"), "image/heic")
    assert found == {
        "image": {"format": "HEIC", "width": 4032, "height": 3024},
        "exif": EXIF_NORTH_EAST,
    }


@pytest.mark.parametrize(("name", "fmt"), [("libheif.heic", "HEIC"), ("libheif.avif", "AVIF")])
def test_files_written_by_libheif(name: str, fmt: str) -> None:
    found = extract_metadata(sample(name), EXPECTED_MIME[name])
    # 64 x 48 pixels, turned a quarter (irot), as displayed; HEIC also crops (clap) 64 -> 48
    assert found["image"] == {"format": fmt, "width": 48, "height": 64}
    exif: Any = found["exif"]
    assert exif["gps"] == EXIF_NORTH_EAST["gps"]
    assert exif["capture_time"] == EXIF_NORTH_EAST["capture_time"]


def _tiff(entries: list[tuple[int, int, bytes]]) -> bytes:
    """Big-endian TIFF with one IFD of (tag, type, value bytes); values stored after it."""
    out = bytearray(b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", len(entries)))
    data_at = 8 + 2 + 12 * len(entries) + 4
    blob = bytearray()
    sizes = {2: 1, 3: 2, 4: 4, 5: 8, 7: 1}
    for tag, kind, value in entries:
        count = len(value) // sizes[kind]
        if len(value) <= 4:
            out += struct.pack(">HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            out += struct.pack(">HHII", tag, kind, count, data_at + len(blob))
            blob += value + b"\x00" * (len(value) & 1)
    return bytes(out + b"\x00\x00\x00\x00" + blob)


def _jpeg_with_exif(tiff: bytes) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG", exif=b"Exif\x00\x00" + tiff)
    return buf.getvalue()


def test_exif_text_is_cleaned() -> None:
    tiff = _tiff(
        [
            (0x010F, 2, b"  Fiel\x00dCam\x07 \n Co \x00"),
            (0x0110, 2, b"M" * 900 + b"\x00"),
            (0x0131, 2, "Редактор 1.0".encode() + b"\x00"),  # UTF-8 in an ASCII field
        ]
    )
    exif: Any = extract_metadata(_jpeg_with_exif(tiff), "image/jpeg")["exif"]
    assert exif == {
        "camera_make": "FieldCam Co",
        "camera_model": "M" * 500,
        "software": "Редактор 1.0",
    }


def test_bad_exif_values_are_left_out() -> None:
    exif_at = 8 + 2 + 3 * 12 + 4  # the Exif IFD follows IFD0, then its one string
    tiff = _tiff(
        [
            (0x0112, 3, struct.pack(">H", 9)),  # orientation out of range
            (0x8825, 4, struct.pack(">I", 999_999)),  # GPS IFD pointing nowhere
            (0x8769, 4, struct.pack(">I", exif_at)),
        ]
    )
    assert len(tiff) == exif_at
    exif_ifd = struct.pack(">HHHII", 1, 0x9003, 2, 20, exif_at + 18) + bytes(4)
    jpeg = _jpeg_with_exif(tiff + exif_ifd + b"0000:00:00 00:00:00\x00")
    found = extract_metadata(jpeg, "image/jpeg")
    assert found == {"image": {"width": 8, "height": 8, "format": "JPEG"}}


def test_gps_with_zero_denominator_or_out_of_range_is_dropped() -> None:
    def rational(*pairs: tuple[int, int]) -> bytes:
        return b"".join(struct.pack(">II", n, d) for n, d in pairs)

    gps = _tiff(
        [
            (1, 2, b"N\x00"),
            (2, 5, rational((42, 1), (52, 0), (0, 1))),
            (3, 2, b"E\x00"),
            (4, 5, rational((200, 1), (0, 1), (0, 1))),
            (6, 5, rational((1, 0))),
        ]
    )
    # the GPS IFD as the whole EXIF block, reached through a pointer in IFD0
    ifd0 = _tiff([(0x8825, 4, struct.pack(">I", 8 + 2 + 12 + 4))])
    tiff = ifd0 + _relocate(gps, len(ifd0))
    found = extract_metadata(_jpeg_with_exif(tiff), "image/jpeg")
    assert "exif" not in found


def _relocate(tiff: bytes, base: int) -> bytes:
    """The IFD of ``tiff`` (header dropped) with its value offsets moved to start at ``base``."""
    ifd = bytearray(tiff[8:])
    count = struct.unpack_from(">H", ifd)[0]
    for index in range(count):
        at = 2 + 12 * index
        _, kind, number, offset = struct.unpack_from(">HHII", ifd, at)
        size = {2: 1, 3: 2, 4: 4, 5: 8, 7: 1}[kind] * number
        if size > 4:
            struct.pack_into(">I", ifd, at + 8, offset - 8 + base)
    return bytes(ifd)


def test_gps_decimal_strings_round_half_even() -> None:
    assert _decimal(Fraction(1, 3), 6) == "0.333333"
    assert _decimal(Fraction(-2, 3), 6) == "-0.666667"
    assert _decimal(Fraction(1, 20), 1) == "0.0"  # half to even
    assert _decimal(Fraction(-1, 10**9), 6) == "0.000000"


# --- extract_metadata: PDF ------------------------------------------------------------------


def test_pdf_info_dictionary() -> None:
    assert extract_metadata(sample("document.pdf"), "application/pdf") == {
        "pdf": {
            "version": "1.7",
            "page_count": 1,
            "producer": "FieldDoc Test (hand-written)",
            "creator": "make_media.py",
            "creation_date": "2024-03-15T14:22:05+06:00",
        }
    }


def test_pdf_utf16_hex_strings_linearized_count_and_raw_dates() -> None:
    producer = "Сканер".encode("utf-16-be")
    data = (
        b"%PDF-1.4\n1 0 obj\n<< /Linearized 1 /L 9999 /N 12 /T 9000 >>\nendobj\n"
        b"9 0 obj << /Producer <FEFF" + producer.hex().upper().encode() + b">"
        b" /Creator (\\320\\241\\320\\272) /CreationDate (yesterday) >> endobj\n"
    )
    assert extract_metadata(data, "application/pdf") == {
        "pdf": {
            "version": "1.4",
            "page_count": 12,
            "producer": "Сканер",
            "creator": "Ск",  # octal escapes of UTF-8 bytes
            "creation_date": "yesterday",
        }
    }


def test_encrypted_pdf_keeps_its_info_strings_out() -> None:
    data = sample("document.pdf").replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 6 0 R")
    found: Any = extract_metadata(data, "application/pdf")
    assert found["pdf"] == {"version": "1.7", "page_count": 1, "encrypted": True}


def test_pdf_string_cut_by_the_prefix_is_left_out() -> None:
    data = sample("document.pdf")
    cut = data[: data.index(b"hand-written")]
    found: Any = extract_metadata(cut, "application/pdf")
    assert "producer" not in found["pdf"]


# --- extract_metadata: audio and video ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "media"),
    [
        (
            "audio.wav",
            {
                "container": "wav",
                "codec": "pcm",
                "channels": 1,
                "sample_rate": 8000,
                "bits_per_sample": 16,
                "duration_ms": 100,
            },
        ),
        (
            "audio.flac",
            {
                "codec": "flac",
                "sample_rate": 44100,
                "channels": 2,
                "bits_per_sample": 16,
                "duration_ms": 2000,
            },
        ),
        ("voice.ogg", {"container": "ogg", "codec": "opus", "channels": 1, "sample_rate": 48000}),
        (
            "audio_id3.mp3",
            {"id3_version": "2.4", "codec": "mp3", "bitrate_kbps": 128, "sample_rate": 44100},
        ),
        ("voice.amr", {"codec": "amr-nb"}),
        ("video.webm", {"container": "webm"}),
        (
            "video.mp4",
            {
                "container": "mp4",
                "brand": "isom",
                "compatible_brands": ["isom", "iso2", "avc1", "mp41"],
                "creation_time": "2024-03-15T08:22:05Z",
                "duration_ms": 2500,
                "tracks": ["video"],
                "gps": {"latitude": "42.874600", "longitude": "74.612200"},
            },
        ),
        ("video.3gp", {"container": "3gp", "brand": "3gp4", "compatible_brands": ["isom", "3gp4"]}),
    ],
)
def test_media_headers(name: str, media: dict[str, object]) -> None:
    assert extract_metadata(sample(name), EXPECTED_MIME[name]) == {"media": media}


def test_wav_broadcast_extension_gives_the_recording_time() -> None:
    wav = sample("audio.wav")
    bext = bytearray(602)
    bext[320:338] = b"2024-03-1514:22:05"
    data = wav[:12] + b"bext" + struct.pack("<I", len(bext)) + bytes(bext) + wav[12:]
    media: Any = extract_metadata(data, "audio/wav")["media"]
    assert media["origination_time"] == "2024-03-15T14:22:05"
    assert media["duration_ms"] == 100


def test_mp4_duration_too_large_for_json_is_dropped() -> None:
    mvhd = b"\x01\x00\x00\x00" + struct.pack(">QQIQ", 0, 0, 1, 2**64 - 2) + bytes(80)
    data = sample("video.3gp")[:28] + struct.pack(">I", 16 + len(mvhd)) + b"moov"
    data += struct.pack(">I", 8 + len(mvhd)) + b"mvhd" + mvhd
    media: Any = extract_metadata(data, "video/3gpp")["media"]
    assert "duration_ms" not in media
    assert "creation_time" not in media


def test_iso6709_forms() -> None:
    assert _iso6709(b"-3436.222-05822.896+025.5/") == {
        "latitude": "-34.603700",
        "longitude": "-58.381600",
        "altitude_m": "25.5",
    }
    assert _iso6709(b"+423228.56+0743643.92/") == {
        "latitude": "42.541267",
        "longitude": "74.612200",
    }
    assert _iso6709(b"+95.0+010.0/") == {}


# --- never raises, always JSON-safe ---------------------------------------------------------

ALL_MIMES = sorted({*EXPECTED_MIME.values(), "image/heif", "audio/aac", "video/ogg", "x/y", ""})


def cuts(length: int) -> list[int]:
    points = {0, 1, 2, 3, 4, 7, 8, 9, 11, 12, 16, 27, 28, 31, 32, 40, 64, 100, 128, 200, 255}
    points |= {256, 300, 511, 512, 513, 700, 1000, 1024, 1500, 2048, 4000}
    points |= {length // 2, length // 3, length - 1, length - 2, length - 7}
    return sorted(p for p in points if 0 <= p <= length)


@pytest.mark.parametrize("name", SAMPLES)
def test_truncated_samples_never_raise(name: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=metadata.__name__)
    data = sample(name)
    for cut in cuts(len(data)):
        prefix = data[:cut]
        sniffed = sniff_mime(prefix, name)
        assert isinstance(sniffed, str)
        assert sniffed
        for mime in (sniffed, EXPECTED_MIME[name]):
            assert_json_safe(extract_metadata(prefix, mime))
    assert unexpected_stops(caplog.records) == []


@pytest.mark.parametrize("name", SAMPLES)
def test_every_reader_survives_every_sample(name: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=metadata.__name__)
    data = sample(name)
    for mime in ALL_MIMES:
        assert_json_safe(extract_metadata(data, mime))
    assert unexpected_stops(caplog.records) == []


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), mime=st.sampled_from(ALL_MIMES), name=st.text(max_size=20))
def test_random_bytes_never_raise(
    data: bytes, mime: str, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=metadata.__name__)
    caplog.clear()
    assert isinstance(sniff_mime(data, name), str)
    assert_json_safe(extract_metadata(data, mime))
    assert unexpected_stops(caplog.records) == []


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(SAMPLES),
    cut=st.integers(min_value=0, max_value=2000),
    flips=st.lists(st.tuples(st.integers(0, 4095), st.integers(0, 255)), max_size=8),
    tail=st.binary(max_size=64),
)
def test_damaged_samples_never_raise(
    name: str,
    cut: int,
    flips: list[tuple[int, int]],
    tail: bytes,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Real headers with a few bytes changed get much deeper into the parsers than noise does.
    caplog.set_level(logging.DEBUG, logger=metadata.__name__)
    caplog.clear()
    data = bytearray(sample(name)[: cut or None])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    damaged = bytes(data) + tail
    sniffed = sniff_mime(damaged, name)
    for mime in (sniffed, EXPECTED_MIME[name]):
        assert_json_safe(extract_metadata(damaged, mime))
    assert unexpected_stops(caplog.records) == []


@pytest.mark.parametrize("prefix", [None, "text", 12, bytearray(b"\xff\xd8\xff"), memoryview(b"")])
def test_odd_arguments_do_not_raise(prefix: Any) -> None:
    assert isinstance(sniff_mime(prefix, "x"), str)
    assert isinstance(extract_metadata(prefix, "image/jpeg"), dict)
    assert extract_metadata(sample("image.png"), None) == {}  # type: ignore[arg-type]


# --- decompression bombs --------------------------------------------------------------------


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb() -> bytes:
    ihdr = struct.pack(">IIBBBBB", 1_000_000, 1_000_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 4096)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)


def jpeg_bomb() -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 65500, 65500, 3)
    sof += b"\x01\x11\x00\x02\x11\x00\x03\x11\x00"
    return b"\xff\xd8" + sof + b"\xff\xda" + bytes(64)


def gif_bomb() -> bytes:
    screen = b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0, 0, 0)
    return screen + b"\x2c" + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0) + b"\x08\x00;"


def bmp_bomb() -> bytes:
    info = struct.pack("<IiiHHIIiiII", 40, 1_000_000, 1_000_000, 1, 24, 0, 0, 0, 0, 0, 0)
    return b"BM" + struct.pack("<IHHI", 54, 0, 0, 54) + info


def webp_bomb() -> bytes:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + b"\xff\x3f\x00" * 2
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


def tiff_bomb() -> bytes:
    entries = [(256, 4, struct.pack(">I", 2**31 - 1)), (257, 4, struct.pack(">I", 2**31 - 1))]
    entries += [(258, 3, struct.pack(">H", 8)), (262, 3, struct.pack(">H", 1))]
    entries += [(273, 4, struct.pack(">I", 8)), (279, 4, struct.pack(">I", 2**31))]
    return _tiff(entries)


@pytest.mark.parametrize(
    ("make", "mime", "size"),
    [
        (png_bomb, "image/png", (1_000_000, 1_000_000)),
        (jpeg_bomb, "image/jpeg", (65500, 65500)),
        (gif_bomb, "image/gif", (65535, 65535)),
        (bmp_bomb, "image/bmp", (1_000_000, 1_000_000)),
        (webp_bomb, "image/webp", (16384, 16384)),
        (tiff_bomb, "image/tiff", (2**31 - 1, 2**31 - 1)),
    ],
)
def test_huge_declared_size_allocates_nothing(
    make: Callable[[], bytes], mime: str, size: tuple[int, int]
) -> None:
    data = make()
    limit_before = Image.MAX_IMAGE_PIXELS
    extract_metadata(data, mime)  # warm up: imports and plugin set-up are not the image
    tracemalloc.start()
    try:
        found: Any = extract_metadata(data, mime)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024
    assert (found["image"]["width"], found["image"]["height"]) == size
    assert limit_before == Image.MAX_IMAGE_PIXELS  # the process-wide guard is left alone


def test_huge_declared_size_does_not_grow_the_process() -> None:
    # tracemalloc does not see C allocations: look at the peak RSS of a fresh interpreter.
    code = (
        "import resource, sys\n"
        "from fielddoc.evidence.metadata import extract_metadata\n"
        "from tests.unit.test_evidence_metadata import png_bomb, jpeg_bomb, webp_bomb\n"
        "extract_metadata(b'', 'image/png')\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "for make, mime in ((png_bomb, 'image/png'), (jpeg_bomb, 'image/jpeg'),"
        " (webp_bomb, 'image/webp')):\n"
        "    extract_metadata(make(), mime)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    if sys.platform == "win32":
        pytest.skip("resource is Unix-only")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    ).stdout
    assert int(out) < 64 * 1024  # KiB on Linux; far below any decoded bomb


# --- import hygiene -------------------------------------------------------------------------


def test_pillow_is_imported_only_when_an_image_is_read() -> None:
    code = (
        "import sys\n"
        "from fielddoc.evidence.metadata import sniff_mime, extract_metadata\n"
        "sniff_mime(b'\\xff\\xd8\\xff\\xe0', 'a.jpg')\n"
        "extract_metadata(b'%PDF-1.7', 'application/pdf')\n"
        "print('PIL' in sys.modules)\n"
        "extract_metadata(b'\\xff\\xd8\\xff\\xe0', 'image/jpeg')\n"
        "print('PIL' in sys.modules)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:3] == ["False", "True", "[]"]
