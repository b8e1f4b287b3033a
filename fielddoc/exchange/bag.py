"""BagIt 1.0 (RFC 8493) pieces and a pull-based tar stream, for bundles and receipts.

Writing: :class:`TarStream` is a readable file object that produces a POSIX (ustar, pax where
needed) tar archive lazily from a list of members, so age can pull the archive through encryption
without it ever existing on disk or whole in memory.

Reading: :func:`check_member` enforces what an importer accepts from a tar stream: regular
files only (no links, devices, FIFOs, sparse files), relative paths inside the bag folder,
no ``..``, no backslashes or control characters, no duplicates, and a size cap.

Manifest paths use RFC 8493 section 2.1.3 encoding: ``%``, CR and LF are percent-encoded.
"""

from __future__ import annotations

import contextlib
import io
import re
import tarfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from fielddoc.errors import FielddocError

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
TAG_FILES = (
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "tagmanifest-sha256.txt",
    "tagmanifest-sha256.txt.minisig",
)
MAX_TAG_FILE = 64 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")


class BagError(FielddocError):
    """The archive is not a well-formed fielddoc bag (structure, paths, manifests)."""

    code = "BUNDLE_INVALID"


# --- tag files ---------------------------------------------------------------------------------


def encode_path(path: str) -> str:
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%0d", "\r")
        .replace("%0a", "\n")
        .replace("%25", "%")
    )


def manifest(entries: Iterable[tuple[str, str]]) -> bytes:
    """``<sha256>  <path>`` lines, sorted by path."""
    return "".join(f"{digest}  {encode_path(path)}\n" for path, digest in sorted(entries)).encode(
        "utf-8"
    )


def parse_manifest(data: bytes, *, payload: bool) -> dict[str, str]:
    """Path -> SHA-256. ``payload`` manifests list only ``data/...`` paths."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BagError("A manifest is not UTF-8 text.") from None
    entries: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip():
            continue
        digest, _, raw_path = line.rstrip("\r").partition(" ")
        path = decode_path(raw_path.strip())
        if not _SHA256.match(digest) or not path or path in entries:
            raise BagError("A manifest line is malformed or repeated.")
        if payload != path.startswith("data/"):
            raise BagError("A manifest lists a file outside its part of the bag.")
        check_relative_path(path)
        entries[path] = digest
    return entries


def bag_info(fields: Iterable[tuple[str, str]]) -> bytes:
    lines = []
    for label, value in fields:
        if not _LABEL.match(label) or "\n" in value or "\r" in value:
            raise ValueError("bag-info labels are words and values single lines")
        lines.append(f"{label}: {value}\n")
    return "".join(lines).encode("utf-8")


def parse_bag_info(data: bytes) -> dict[str, str]:
    """Labels -> values (continuation lines joined); a repeated label is refused."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BagError("bag-info.txt is not UTF-8 text.") from None
    fields: dict[str, str] = {}
    last: str | None = None
    for raw_line in text.split("\n"):
        line = raw_line.rstrip("\r")
        if not line:
            continue
        if line[0] in " \t" and last is not None:
            fields[last] += " " + line.strip()
            continue
        label, sep, value = line.partition(":")
        if not sep or not _LABEL.match(label.strip()) or label.strip() in fields:
            raise BagError("bag-info.txt is malformed.")
        last = label.strip()
        fields[last] = value.strip()
    return fields


def safe_file_name(name: str, *, limit: int = 120) -> str:
    """A file name that is the same on every file system and in every tar tool.

    ``%`` goes too: manifests percent-encode it (RFC 8493), and neither bagit-python nor
    ``sha256sum -c`` decodes ``%25``, so a name with ``%`` would fail their validation."""
    cleaned = "".join(
        "_" if ch in '/\\:*?"<>|%' or unicodedata.category(ch).startswith("C") else ch
        for ch in unicodedata.normalize("NFC", name)
    ).strip(" .")
    if not cleaned:
        return "file"
    if len(cleaned) > limit:
        stem, dot, ext = cleaned.rpartition(".")
        keep = ext if dot and len(ext) <= 12 else ""
        cleaned = (stem if keep else cleaned)[: limit - len(keep) - 1] + (
            "." + keep if keep else ""
        )
    return cleaned


# --- reading: what a member may be -------------------------------------------------------

_OPTIONAL_TAG = re.compile(r"^(tag)?manifest-(md5|sha1|sha224|sha384|sha512)\.txt$")


def is_optional_tag_file(inner: str) -> bool:
    """Tag files beyond fielddoc's five that BagIt tools write (other checksum algorithms)."""
    return bool(_OPTIONAL_TAG.match(inner))


def _no_control_characters(path: str) -> bool:
    if path.isascii():  # the usual case; for ASCII, "printable" is exactly "not category C"
        return path.isprintable()
    return not any(unicodedata.category(ch).startswith("C") for ch in path)


def check_relative_path(path: str) -> None:
    parts = path.split("/")
    if (
        path.startswith("/")
        or "\\" in path
        or any(part in ("", ".", "..") for part in parts)
        or not _no_control_characters(path)
        or unicodedata.normalize("NFC", path) != path
        or len(path.encode("utf-8")) > 1024
    ):
        raise BagError("The bundle contains an unsafe file path.")


def check_member(info: tarfile.TarInfo, root: str, seen: set[str], max_size: int) -> str:
    """Validate one tar member; returns its path inside the bag (``data/...`` or a tag file)."""
    if not info.isreg() or info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
        raise BagError("The bundle contains a link, device or other non-regular file.")
    if info.sparse is not None:
        raise BagError("The bundle contains a sparse file.")
    name = info.name
    check_relative_path(name)
    prefix = root + "/"
    if not name.startswith(prefix):
        raise BagError("The bundle contains a file outside its bag folder.")
    inner = name[len(prefix) :]
    if inner in seen:
        raise BagError("The bundle contains the same file twice.")
    if inner == "fetch.txt":
        raise BagError("The bundle refers to remote files (fetch.txt), which is not allowed.")
    if info.size < 0 or info.size > max_size:
        raise BagError("A file in the bundle declares an impossible size.")
    seen.add(inner)
    return inner


# --- writing: a pull-based tar stream -------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """One file of the archive: ``data`` bytes, or ``open`` giving a context manager around a
    readable of ``size`` bytes (opened only when the archive reaches this member)."""

    path: str
    size: int
    data: bytes | None = None
    open: Callable[[], AbstractContextManager[Any]] | None = None


class TarStream(io.RawIOBase):
    """The tar archive of ``members``, produced as it is read (constant memory)."""

    def __init__(self, members: Iterable[Member], *, mtime: int) -> None:
        self._chunks = self._generate(iter(members), mtime)
        self._pending = memoryview(b"")
        self.bytes_out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        while not self._pending:
            try:
                self._pending = memoryview(next(self._chunks))
            except StopIteration:
                return 0
        count = min(len(view), len(self._pending))
        view[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        self.bytes_out += count
        return count

    @staticmethod
    def _header(path: str, size: int, mtime: int) -> bytes:
        info = tarfile.TarInfo(path)
        info.size = size
        info.mtime = mtime
        info.mode = 0o644
        info.type = tarfile.REGTYPE
        info.uname = info.gname = ""
        if path.isascii():
            # plain ustar (long names split into its prefix field) when it can carry the name:
            # a pax extended header per member cost ~1 s per 10k members to build
            with contextlib.suppress(ValueError):
                return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="ascii", errors="strict")
        return info.tobuf(format=tarfile.PAX_FORMAT, encoding="utf-8", errors="strict")

    def _generate(self, members: Iterator[Member], mtime: int) -> Iterator[bytes]:
        for member in members:
            yield self._header(member.path, member.size, mtime)
            written = 0
            if member.data is not None:
                yield member.data
                written = len(member.data)
            elif member.open is not None:
                with member.open() as source:
                    while True:
                        block = source.read(1024 * 1024)
                        if not block:
                            break
                        written += len(block)
                        yield block
            if written != member.size:
                raise BagError("A file changed size while the bundle was written.")
            padding = -member.size % tarfile.BLOCKSIZE
            if padding:
                yield b"\0" * padding
        yield b"\0" * (2 * tarfile.BLOCKSIZE)
