"""Leak scanner for tests: decrypt every page a SQLCipher 4 vault has on disk, and grep.

fielddoc's ``vault.db`` is a SQLCipher 4 database with default settings, keyed with a raw
32-byte key (``PRAGMA key = "x'<64 hex>'"``, fielddoc.vault.connection). This module reads
the files byte for byte and decrypts every page itself, without SQLite, so pages SQLite
would never show are scanned too: free pages, freed overflow pages, the unused space inside
b-tree pages, and every frame of the WAL, including frames already checkpointed or left
over from an older WAL generation.

SQLCipher 4 page format, as documented by SQLCipher and confirmed against the installed
``sqlcipher3`` (SQLCipher 4.19 community) by tests/e2e/test_purge_leaks.py:

- ``cipher_page_size`` 4096; every page ends in an 80-byte reserve (the plaintext header
  byte 20 says 80): a 16-byte IV, then a 64-byte HMAC-SHA512 tag.
- Page 1 begins with the 16-byte KDF salt in clear, in place of ``"SQLite format 3\\0"``;
  its encrypted part is bytes 16 .. 4016. Other pages encrypt bytes 0 .. 4016.
- Cipher: AES-256-CBC without padding, the IV from the page's reserve.
- Keys: a raw 64-hex-digit key is the AES key itself (SQLCipher's PBKDF2 with 256,000
  iterations is skipped). The HMAC key is still derived: PBKDF2-HMAC-SHA512(aes_key,
  salt XOR 0x3a (each byte), 2 iterations, 32 bytes).
- Tag: HMAC-SHA512(hmac_key, ciphertext || IV || page number as 4 bytes little endian).
  Every page is authenticated here before it is counted, so a wrong key, a wrong layout or a
  damaged page fails loudly instead of passing as "nothing found".
- WAL (``vault.db-wal``): SQLite's 32-byte header (magic 0x377f0682/3, page size at offset
  8), then frames of a 24-byte header (page number big endian at offset 0) and one page
  encrypted exactly as in the main file (page 1 frames carry the salt too). The salt comes
  from the main file's first 16 bytes.

A page that is all zero bytes on disk (space the file system never had written) has no
ciphertext and is counted as blank. Any other page that fails authentication raises
:class:`LeakScanError`.

:func:`find_strings` searches, for every needle, in UTF-8 and UTF-16LE: every decrypted page
of ``vault.db`` and ``vault.db-wal``, and the raw bytes of every file under the vault
folder (``keyslots``, ``blobs/*``, the ``-shm`` index, lock files, the encrypted database
files themselves). :func:`grep_tree` greps the raw bytes of any folders (temp, home, bundles).

Canaries for the leak suites come from :func:`new_canary`; a suite reports what it tried
with ``record_property(REPORT_PROPERTY, ...)`` (see tests/suite_report.py).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from fielddoc.vault.vault import Vault, _db_key
from tests import suite_report

PAGE_SIZE = 4096
SALT_SIZE = 16
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE  # 80
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITERATIONS = 2
SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (0x377F0682, 0x377F0683)
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24
ENCODINGS = ("utf-8", "utf-16-le")
DATABASE_NAME = "vault.db"


def vault_db_key(vault: Vault) -> bytes:
    """The raw SQLCipher key of an open vault: HKDF-SHA256 of its DEK (fielddoc.vault.vault)."""
    dek = vault._dek
    if dek is None:
        raise LeakScanError("the vault is locked")
    return _db_key(dek, vault.vault_id)


class LeakScanError(Exception):
    """The files cannot be decrypted as expected (wrong key or an unexpected format)."""


@dataclass(frozen=True)
class Page:
    """One decrypted page: where it was found and its plaintext (``PAGE_SIZE`` bytes)."""

    file: Path
    kind: str  # "db" (page of the main file) or "wal" (frame of the WAL)
    index: int  # page number in the main file, frame number (from 0) in the WAL
    pgno: int  # the database page number this page holds
    data: bytes
    blank: bool = False

    def where(self) -> str:
        if self.kind == "wal":
            return f"{self.file.name} frame {self.index} (page {self.pgno}), decrypted"
        return f"{self.file.name} page {self.pgno}, decrypted"


@dataclass(frozen=True)
class Hit:
    """One place a needle was found."""

    file: str  # path relative to the scanned folder
    where: str  # "vault.db page 12, decrypted", "vault.db-wal frame 3 (page 7), decrypted", ...
    encoding: str
    offset: int
    decrypted: bool  # in a decrypted page (True) or in a file's raw bytes (False)

    def __str__(self) -> str:
        return f"{self.where} at {self.offset} ({self.encoding})"


@dataclass
class ScanStats:
    db_pages: int = 0
    wal_frames: int = 0
    blank_pages: int = 0
    files: int = 0
    raw_bytes: int = 0
    file_names: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"decrypted {self.db_pages} db pages + {self.wal_frames} wal frames "
            f"({self.blank_pages} blank); raw-grepped {self.files} files, {self.raw_bytes} bytes"
        )


class PageCipher:
    """Decrypts and authenticates pages of one SQLCipher 4 database (one salt, one key)."""

    def __init__(self, key: bytes, salt: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the raw key must be 32 bytes")
        if len(salt) != SALT_SIZE:
            raise ValueError("the salt must be 16 bytes")
        self._key = bytes(key)
        self._hmac_key = hashlib.pbkdf2_hmac(
            "sha512",
            self._key,
            bytes(b ^ HMAC_SALT_MASK for b in salt),
            FAST_KDF_ITERATIONS,
            32,
        )

    def decrypt(self, pgno: int, raw: bytes) -> bytes:
        """Plaintext of page ``pgno`` as SQLite sees it (page 1 gets its magic back, the
        reserve is returned as zeros, as SQLCipher does)."""
        if len(raw) != PAGE_SIZE:
            raise LeakScanError(f"page {pgno} is {len(raw)} bytes, expected {PAGE_SIZE}")
        start = SALT_SIZE if pgno == 1 else 0
        end = PAGE_SIZE - RESERVE
        ciphertext = raw[start:end]
        iv = raw[end : end + IV_SIZE]
        tag = raw[end + IV_SIZE :]
        expected = hmac.new(
            self._hmac_key, ciphertext + iv + struct.pack("<I", pgno), hashlib.sha512
        ).digest()
        if not hmac.compare_digest(expected, tag):
            raise LeakScanError(f"page {pgno} fails SQLCipher HMAC-SHA512 authentication")
        decryptor = Cipher(algorithms.AES(self._key), modes.CBC(iv)).decryptor()
        plain = decryptor.update(ciphertext) + decryptor.finalize()
        head = SQLITE_MAGIC if pgno == 1 else b""
        return head + plain + bytes(RESERVE)


def _check_page_one(plain: bytes) -> None:
    page_size = struct.unpack(">H", plain[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size != PAGE_SIZE or plain[20] != RESERVE:
        raise LeakScanError(f"unexpected SQLite header: page size {page_size}, reserve {plain[20]}")


def _db_pages(db_path: Path, cipher: PageCipher) -> Iterator[Page]:
    with db_path.open("rb") as handle:
        pgno = 0
        while True:
            raw = handle.read(PAGE_SIZE)
            if not raw:
                return
            pgno += 1
            if len(raw) != PAGE_SIZE:
                raise LeakScanError(f"{db_path.name} ends in a partial page ({len(raw)} bytes)")
            if pgno > 1 and not any(raw):
                yield Page(db_path, "db", pgno, pgno, raw, blank=True)
                continue
            plain = cipher.decrypt(pgno, raw)
            if pgno == 1:
                _check_page_one(plain)
            yield Page(db_path, "db", pgno, pgno, plain)


def _wal_pages(wal_path: Path, cipher: PageCipher, salt: bytes) -> Iterator[Page]:
    with wal_path.open("rb") as handle:
        header = handle.read(WAL_HEADER_SIZE)
        if not header:
            return  # an empty WAL (after wal_checkpoint(TRUNCATE))
        if len(header) != WAL_HEADER_SIZE:
            raise LeakScanError("the WAL header is truncated")
        magic, _version, page_size = struct.unpack(">III", header[:12])
        if magic not in WAL_MAGICS or page_size != PAGE_SIZE:
            raise LeakScanError("unexpected WAL header (magic or page size)")
        frame = 0
        while True:
            frame_header = handle.read(WAL_FRAME_HEADER_SIZE)
            if not frame_header:
                return
            raw = handle.read(PAGE_SIZE)
            if len(frame_header) != WAL_FRAME_HEADER_SIZE or len(raw) != PAGE_SIZE:
                raise LeakScanError(f"WAL frame {frame} is truncated")
            pgno = struct.unpack(">I", frame_header[:4])[0]
            if not any(raw):
                yield Page(wal_path, "wal", frame, pgno, raw, blank=True)
            elif pgno == 0:
                raise LeakScanError(f"WAL frame {frame} names page 0")
            else:
                if pgno == 1 and raw[:SALT_SIZE] != salt:
                    raise LeakScanError(f"WAL frame {frame} holds page 1 with another salt")
                yield Page(wal_path, "wal", frame, pgno, cipher.decrypt(pgno, raw))
            frame += 1


def scan_pages(db_path: Path, key: bytes) -> Iterator[Page]:
    """Every page of ``db_path``, then every frame of ``db_path-wal`` (if present), decrypted
    and authenticated, in file order."""
    with db_path.open("rb") as handle:
        salt = handle.read(SALT_SIZE)
    if len(salt) != SALT_SIZE:
        raise LeakScanError(f"{db_path.name} is too short to hold a SQLCipher salt")
    cipher = PageCipher(key, salt)
    yield from _db_pages(db_path, cipher)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        yield from _wal_pages(wal, cipher, salt)


def decrypted_pages(db_path: Path, key: bytes) -> Iterator[bytes]:
    """Plaintext of every page of the database and of every frame of its WAL."""
    for page in scan_pages(db_path, key):
        yield page.data


def needle_forms(needle: str) -> list[tuple[str, bytes]]:
    return [(encoding, needle.encode(encoding)) for encoding in ENCODINGS]


def _find_all(data: bytes, pattern: bytes) -> Iterator[int]:
    start = data.find(pattern)
    while start != -1:
        yield start
        start = data.find(pattern, start + 1)


class Haystack:
    """Bytes to search, with their even and odd bytes split apart for UTF-16 patterns.

    ``bytes.find`` crawls through zero-filled pages when the pattern is full of zero bytes
    (UTF-16LE of ASCII text). Such a pattern at an even offset is its own even bytes in the
    even half, at an odd offset the same in the odd half; those halves are searched and
    every candidate is checked against the whole pattern, so the result is exact.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._halves: tuple[bytes, bytes] | None = None

    def offsets(self, pattern: bytes) -> Iterator[int]:
        if b"\x00" not in pattern or len(pattern) < 8 or len(pattern) % 2:
            yield from _find_all(self.data, pattern)
            return
        if self._halves is None:
            self._halves = (self.data[0::2], self.data[1::2])
        key = pattern[0::2]
        found = []
        for parity, half in enumerate(self._halves):
            for index in _find_all(half, key):
                offset = 2 * index + parity
                if self.data[offset : offset + len(pattern)] == pattern:
                    found.append(offset)
        yield from sorted(found)


@dataclass
class ScanResult:
    hits: dict[str, list[Hit]]
    stats: ScanStats

    def found(self) -> set[str]:
        return {needle for needle, where in self.hits.items() if where}


def scan(vault_folder: Path, key: bytes, needles: Iterable[str]) -> ScanResult:
    """Search decrypted pages of ``vault.db`` (+ WAL) and raw bytes of every file under
    ``vault_folder`` for every needle (UTF-8 and UTF-16LE)."""
    wanted = list(dict.fromkeys(needles))
    if any(not needle for needle in wanted):
        raise ValueError("empty needle")
    forms = {needle: needle_forms(needle) for needle in wanted}
    hits: dict[str, list[Hit]] = {needle: [] for needle in wanted}
    stats = ScanStats()

    def grep(data: bytes, file: str, where: str, decrypted: bool) -> None:
        haystack = Haystack(data)
        for needle, encoded in forms.items():
            for encoding, pattern in encoded:
                for offset in haystack.offsets(pattern):
                    hits[needle].append(Hit(file, where, encoding, offset, decrypted))

    db_path = vault_folder / DATABASE_NAME
    if db_path.exists():
        pages = list(scan_pages(db_path, key))
        for page in pages:
            if len(page.data) != PAGE_SIZE:
                raise LeakScanError(f"{page.where()}: {len(page.data)} bytes")
            stats.blank_pages += page.blank
            stats.db_pages += page.kind == "db"
            stats.wal_frames += page.kind == "wal"
        # one search per pattern over all pages side by side (much faster than page by
        # page); a match that runs across two pages is not a match inside either one
        joined = Haystack(b"".join(page.data for page in pages))
        for needle, encoded in forms.items():
            for encoding, pattern in encoded:
                for offset in joined.offsets(pattern):
                    index, within = divmod(offset, PAGE_SIZE)
                    if within + len(pattern) <= PAGE_SIZE:
                        page = pages[index]
                        hits[needle].append(
                            Hit(page.file.name, page.where(), encoding, within, True)
                        )
    for path, relative in _files_under(vault_folder):
        data = path.read_bytes()
        stats.files += 1
        stats.raw_bytes += len(data)
        stats.file_names.append(relative)
        grep(data, relative, f"{relative} raw bytes", False)
    return ScanResult(hits, stats)


def _files_under(root: Path, prefix: str = "") -> Iterator[tuple[Path, str]]:
    """Every regular file under ``root`` (symlinks are not followed), with its name relative
    to ``root`` (after ``prefix``), in a stable order."""
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        yield path, prefix + path.relative_to(root).as_posix()


def grep_tree(roots: Iterable[Path], needles: Iterable[str]) -> ScanResult:
    """Raw bytes of every regular file under each of ``roots`` (a missing root counts as
    empty), searched for every needle in UTF-8 and UTF-16LE. Nothing is decrypted: this is
    what anyone holding the disk reads. Hits name files as ``<root name>/<relative path>``."""
    wanted = list(dict.fromkeys(needles))
    if not wanted or any(not needle for needle in wanted):
        raise ValueError("no needles, or an empty needle")
    forms = {needle: needle_forms(needle) for needle in wanted}
    hits: dict[str, list[Hit]] = {needle: [] for needle in wanted}
    stats = ScanStats()
    for root in roots:
        if not root.exists():
            continue
        for path, relative in _files_under(root, f"{root.name}/"):
            data = path.read_bytes()
            stats.files += 1
            stats.raw_bytes += len(data)
            stats.file_names.append(relative)
            haystack = Haystack(data)
            for needle, encoded in forms.items():
                for encoding, pattern in encoded:
                    for offset in haystack.offsets(pattern):
                        hits[needle].append(
                            Hit(relative, f"{relative} raw bytes", encoding, offset, False)
                        )
    return ScanResult(hits, stats)


# --- canaries ----------------------------------------------------------------------------------

CANARY_STEMS = (
    "Канарейка",  # Russian
    "Свидетельница",
    "Өмүрбекова",  # Kyrgyz letters ө ү ң
    "Үңкүрчү",
    "Жээнбеков",
    "Canary",  # Latin
    "Nurlanovna",
    "Zeugenaussage",
)


def new_canary(index: int) -> str:
    """A unique string: a word (Cyrillic, Kyrgyz or Latin, by ``index``) and 24 random digits.

    The digits make every canary unique in the world, and its last 12 digits survive what
    FTS5 does to terms (lower case, no diacritics, prefix compression, transliteration), so
    :func:`canary_needles` finds index terms too."""
    return CANARY_STEMS[index % len(CANARY_STEMS)] + f"{secrets.randbelow(10**24):024d}"


def canary_needles(canary: str) -> tuple[str, str]:
    """What to search for: the whole canary and its last 12 digits."""
    return canary, canary[-12:]


# what a suite tried is reported through tests/suite_report.py
REPORT_PROPERTY = suite_report.REPORT_PROPERTY


def find_strings(vault_folder: Path, key: bytes, needles: Iterable[str]) -> dict[str, list[Hit]]:
    """Where each needle occurs (see :func:`scan`); every needle is a key, [] if nowhere."""
    return scan(vault_folder, key, needles).hits
