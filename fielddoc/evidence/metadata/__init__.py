"""MIME type and descriptive metadata of an evidence file, from the first bytes only.

Ingest streams a file once (hash and encryption) and keeps the first :data:`PREFIX_BYTES` in
memory. Everything here works on that prefix, plus the original name for the MIME fallback:
the file is never reopened or altered, and no plaintext, thumbnail or temporary file is
written. The prefix may be cut anywhere; a cut simply means less is found.

:func:`sniff_mime` decides by content first. Formats without magic bytes (text, CSV, ...)
fall back to the file extension, which never overrides a recognised signature: a PDF named
``.jpg`` is ``application/pdf``. Unrecognised binary content is ``application/octet-stream``.

Library choice (evaluated on the fixtures in ``tests/fixtures/media`` and on random bytes):

- ``puremagic`` (maintained, pure Python) was rejected. Its 2.x line needs Python >= 3.12 and
  fielddoc supports 3.11, so we would be pinned to 1.30. Given a file name, it let the extension
  override the content (a .docx named ``.xlsx`` came back as xlsx). Without a name, it called a
  plain ZIP, an .xlsx, a .pptx and an .odt "docx". It returned an empty string for OLE2 and AMR,
  called Ogg Opus ``application/ogg`` and M4A ``video/mp4``, raised on UTF-8 text and CSV
  without a name, and labelled about 0.5 % of random buffers ``application/json``. It also
  ships a JSON database that a frozen build has to collect.
- ``filetype`` (pure Python, no data files) was rejected. Its last release was in 2022.
  It gave 3GP as ``video/mp4``, does not detect OLE2 or text, and returns non-standard names
  (``audio/x-wav``, ``audio/x-flac``).

Both need hand-written checks for about a third of the required list, so the little they
would add (a long tail of rare formats) is not worth a dependency with wrong answers.
Detection is a short, ordered table of signatures with structural checks: ftyp brands
and track handlers for ISO-BMFF, the first ZIP members and an inflated
``[Content_Types].xml`` for OOXML, the ``mimetype`` member for ODF/EPUB, aligned directory
entries for OLE2, and a second frame header for MPEG audio. There is no dependency, and the
package freezes trivially.

What :func:`extract_metadata` returns (only keys whose values were found):

- ``image``: ``width``, ``height``, ``format`` (Pillow's name: JPEG, PNG, ...; WEBP, HEIC,
  HEIF, AVIF). For HEIF the size is as displayed, after the format's own crop (``clap``) and
  rotation (``irot``); for other formats it is the stored size.
- ``exif``: ``capture_time`` (DateTimeOriginal, else DateTimeDigitized, as
  ``YYYY-MM-DDTHH:MM:SS`` plus ``+HH:MM`` when the matching OffsetTime tag is there),
  ``camera_make``, ``camera_model``, ``software``, ``orientation`` (1-8), and ``gps``:
  ``latitude``/``longitude`` (6 decimals, negative for S/W), ``altitude_m`` (1 decimal,
  negative below sea level) and ``time_utc`` (GPSDateStamp + GPSTimeStamp, ``...Z``).
- ``pdf``: ``version``, ``page_count`` (linearisation dict or a visible root page tree),
  ``producer``, ``creator`` and ``creation_date`` (ISO 8601 when it parses, else as written)
  from an uncompressed Info dictionary, or ``encrypted: true`` instead of those three.
- ``media``: ``container``, ``codec``, ``brand``/``compatible_brands`` (ISO-BMFF),
  ``channels``, ``sample_rate``, ``bits_per_sample``, ``bitrate_kbps``, ``duration_ms``,
  ``tracks`` (video/audio/...), ``creation_time`` (MP4 ``mvhd``, UTC), ``origination_time``
  (WAV ``bext``, local) and ``gps`` (MP4 ``udta/©xyz``), each as far as the format has it.

How: Pillow reads JPEG/PNG/GIF/TIFF/BMP headers, and ``Image.Exif`` parses every EXIF block.
Pillow is imported lazily, and its plugin classes are used directly instead of
``Image.open``. No pixel data is ever decoded (``load()`` is never called, and neither is
``PngImageFile.getexif``, which would load). Without decoding, a huge declared size allocates
nothing. So ``Image.open``'s decompression-bomb check, which would also drop the EXIF of a
genuine 200-megapixel phone photo, is not needed, and ``Image.MAX_IMAGE_PIXELS`` is left
untouched for the rest of the process. WebP is parsed by hand because Pillow's WebP plugin
allocates the whole canvas when it opens a file. HEIF/HEIC/AVIF (no Pillow plugin) is also
parsed by hand: the primary item's ``ispe``/``clap``/``irot`` give the size, and the
``Exif`` item is found through ``iinf``/``iloc`` when its bytes fall inside the prefix
(as in iPhone photos, where ``meta`` and the EXIF item come first). PDF, WAV, FLAC, Ogg,
MPEG audio, AMR, Matroska and MP4/MOV/3GP are read by hand from their headers; the MP4
``moov`` box is only seen when the file was written "fast start" (moov before mdat).

Invariant: :func:`extract_metadata` never raises, and returns only JSON-safe values (str, int
within +/- 2**53, bool, dicts and lists of them): no floats, bytes or Pillow rationals.
Strings are valid Unicode with no control characters, are trimmed, and are at most
:data:`MAX_TEXT` characters long. Fractional values (GPS, altitude) are decimal strings.
Failures inside a section are logged at DEBUG with the exception type only (never content),
and the section keeps what it found before the failure.

Layout. The public API is what ``__all__`` lists; the submodules and their underscore names
are internal and may change:

- ``sniff``: :func:`sniff_mime`, the ordered signature table, text and charset detection.
- ``images``: Pillow headers, WebP and HEIF/AVIF by hand; ``exif``: EXIF tags and GPS.
- ``documents``: PDF metadata, and what kind of ZIP (OOXML/ODF/EPUB) or OLE2 file it is.
- ``media``: audio and video containers, and the frame parsers that sniffing shares.
- ``_binary``: bounded integer reads and ISO-BMFF boxes; ``_util``: limits and the
  sanitising that makes every value JSON-safe.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Final

from fielddoc.evidence.metadata._util import MAX_TEXT, PREFIX_BYTES, Section, _json_safe
from fielddoc.evidence.metadata.documents import _read_pdf
from fielddoc.evidence.metadata.images import _read_heif, _read_pillow_image, _read_webp
from fielddoc.evidence.metadata.media import (
    _read_amr,
    _read_flac,
    _read_matroska,
    _read_mp4,
    _read_mpeg_audio,
    _read_ogg,
    _read_wav,
)
from fielddoc.evidence.metadata.sniff import OCTET, sniff_mime

__all__ = ["MAX_TEXT", "OCTET", "PREFIX_BYTES", "extract_metadata", "sniff_mime"]

logger = logging.getLogger(__name__)


_PILLOW_TYPES: Final = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/tiff", "image/bmp"}
)
_HEIF_TYPES: Final = frozenset({"image/heic", "image/heif", "image/avif", "image/heic-sequence"})
_MP4_TYPES: Final = frozenset(
    {"video/mp4", "audio/mp4", "video/quicktime", "video/3gpp", "video/3gpp2", "video/x-m4v"}
)


def extract_metadata(prefix: bytes, mime: str) -> dict[str, object]:
    """Descriptive metadata found in the prefix (see the package docstring); never raises."""
    result: dict[str, object] = {}
    try:
        data = bytes(prefix[:PREFIX_BYTES])
        base = mime.split(";", 1)[0].strip().lower()
        for reader in _readers(base):
            try:
                reader(data, base, result)
            except Exception as exc:  # noqa: BLE001 - metadata is best effort by design
                logger.debug("metadata: %s stopped (%s)", reader.__name__, type(exc).__name__)
        safe = _json_safe(result)
    except Exception as exc:  # noqa: BLE001 - e.g. a non-bytes prefix from a caller bug
        logger.debug("metadata: failed (%s)", type(exc).__name__)
        return {}
    return safe if isinstance(safe, dict) else {}


def _readers(base: str) -> list[Callable[[bytes, str, Section], None]]:
    if base in _PILLOW_TYPES:
        return [_read_pillow_image]
    if base == "image/webp":
        return [_read_webp]
    if base in _HEIF_TYPES:
        return [_read_heif]
    if base == "application/pdf":
        return [_read_pdf]
    if base in _MP4_TYPES:
        return [_read_mp4]
    if base in ("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"):
        return [_read_wav]
    if base == "audio/flac":
        return [_read_flac]
    if base in ("audio/ogg", "video/ogg", "application/ogg"):
        return [_read_ogg]
    if base in ("audio/mpeg", "audio/aac"):
        return [_read_mpeg_audio]
    if base in ("audio/amr", "audio/amr-wb"):
        return [_read_amr]
    if base in ("video/webm", "video/x-matroska"):
        return [_read_matroska]
    return []
