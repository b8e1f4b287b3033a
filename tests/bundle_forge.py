"""Build hostile bundles for import tests: take a real bundle apart or build one from scratch.

A bundle is age(tar(BagIt bag)). This module works on each layer:

- :class:`TarEntry` is one tar member of any kind (regular, directory, symlink, hard link,
  character or block device, FIFO, or ``raw`` header bytes), with any name, a declared size
  that may differ from its data, and extra pax records. :func:`tar_bytes` writes entries as a
  tar exactly as given (nothing is normalised or checked), optionally without the end marker.
- :class:`ForgedBag` holds a bag's root folder and its entries in archive order, with helpers to
  read, replace, remove, rename and insert files by their path inside the bag, rewrite
  ``bag-info.txt``, recompute the payload and tag manifests and re-sign the tag manifest with
  any minisign key (the field device's own, or another one). :meth:`ForgedBag.build` makes a
  complete bag from scratch; :func:`open_bundle` takes a real ``.fdbundle`` apart.
- :func:`seal` encrypts plaintext (a bag or raw tar bytes) with age to any recipients;
  :func:`age_layout` finds the header, nonce and chunk boundaries of an age file so a test
  can cut or flip bytes at a chosen place.
- :class:`Forge` ties this to a :class:`~tests.exchange_support.Pair`: export a real bundle,
  open it with the HQ identity, sign with the device key and save it sealed to the HQ.
- :func:`vault_state` and :func:`tree_state` snapshot a vault's database and a folder's
  files, so a test can assert that a rejected import changed nothing.

Nothing here is used by the application; it is test support only.
"""

from __future__ import annotations

import hashlib
import io
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from fielddoc import __version__
from fielddoc.crypto import age, minisign
from fielddoc.exchange import bag
from fielddoc.exchange.context import ExchangeContext
from fielddoc.exchange.export import FORMAT, GENESIS, write_bundle
from fielddoc.exchange.identity import ensure_keys
from fielddoc.ids import new_id, utc_now
from tests.exchange_support import Pair

# age v1 payload: a 16-byte nonce, then 64 KiB plaintext chunks, each with a 16-byte tag
AGE_NONCE = 16
AGE_CHUNK = 64 * 1024
AGE_TAG = 16


# --- tar layer ------------------------------------------------------------------------------


@dataclass
class TarEntry:
    """One tar member, written exactly as described (see :func:`tar_bytes`)."""

    name: str
    data: bytes = b""
    type: bytes = tarfile.REGTYPE
    linkname: str = ""
    size: int | None = None  # declared size; None means len(data)
    mode: int = 0o644
    devmajor: int = 0
    devminor: int = 0
    pax: dict[str, str] = field(default_factory=dict)  # extra pax records for this member
    raw: bytes | None = None  # if set, written instead of header and data

    @property
    def declared_size(self) -> int:
        return len(self.data) if self.size is None else self.size

    def header(self) -> bytes:
        info = tarfile.TarInfo(self.name)
        info.type = self.type
        info.size = self.declared_size
        info.mode = self.mode
        info.mtime = 1_700_000_000
        info.linkname = self.linkname
        info.devmajor, info.devminor = self.devmajor, self.devminor
        info.uname = info.gname = ""
        info.pax_headers = dict(self.pax)
        return info.tobuf(format=tarfile.PAX_FORMAT, encoding="utf-8", errors="surrogateescape")

    def to_bytes(self) -> bytes:
        if self.raw is not None:
            return self.raw
        padding = -len(self.data) % tarfile.BLOCKSIZE
        return self.header() + self.data + b"\0" * padding


def tar_bytes(entries: Iterable[TarEntry], *, end: bool = True) -> bytes:
    """The entries as a tar archive; ``end=False`` leaves out the two zero blocks."""
    out = b"".join(entry.to_bytes() for entry in entries)
    return out + (b"\0" * (2 * tarfile.BLOCKSIZE) if end else b"")


def read_tar(data: bytes) -> list[TarEntry]:
    """Every member of a (trusted, well-formed) tar, data included, in archive order."""
    entries: list[TarEntry] = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        for info in tar:
            handle = tar.extractfile(info) if info.isreg() else None
            entries.append(
                TarEntry(
                    name=info.name,
                    data=handle.read() if handle is not None else b"",
                    type=info.type,
                    linkname=info.linkname,
                    mode=info.mode,
                    devmajor=info.devmajor,
                    devminor=info.devminor,
                )
            )
    return entries


# --- bag layer ------------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class ForgedBag:
    """A bag as tar entries under ``root/``; every method changes it in place."""

    root: str
    entries: list[TarEntry]

    # --- building ------------------------------------------------------------------------

    @classmethod
    def from_tar(cls, data: bytes) -> ForgedBag:
        entries = read_tar(data)
        return cls(entries[0].name.split("/", 1)[0], entries)

    @classmethod
    def build(
        cls,
        signing: minisign.SecretKey,
        *,
        recipients: list[str],
        payload: list[tuple[str, bytes]],
        seq: int = 1,
        prev: str = GENESIS,
        bundle_id: str | None = None,
        device_name: str = "forged device",
        created: str | None = None,
    ) -> ForgedBag:
        """A complete, signed bag from scratch: tag files first, then ``payload`` in order."""
        bundle_id = bundle_id or new_id()
        created = created or utc_now()
        forged = cls(f"fielddoc-{bundle_id}", [])
        info = bag.bag_info(
            [
                ("Bag-Software-Agent", f"fielddoc {__version__}"),
                ("Bagging-Date", created[:10]),
                ("Payload-Oxum", "0.0"),
                ("External-Identifier", bundle_id),
                ("Fielddoc-Format", FORMAT),
                ("Fielddoc-Bundle-Id", bundle_id),
                ("Fielddoc-Bundle-Sequence", str(seq)),
                ("Fielddoc-Previous-Bundle-SHA256", prev),
                ("Fielddoc-Device-Key-Id", signing.public_key().key_id_hex),
                ("Fielddoc-Device-Name", device_name),
                ("Fielddoc-Created", created),
                ("Fielddoc-Recipients", ",".join(sorted(recipients))),
            ]
        )
        for inner, data in [
            ("bagit.txt", bag.BAGIT_TXT),
            ("bag-info.txt", info),
            ("manifest-sha256.txt", b""),
            ("tagmanifest-sha256.txt", b""),
            ("tagmanifest-sha256.txt.minisig", b""),
            *payload,
        ]:
            forged.entries.append(TarEntry(forged.path(inner), data))
        forged.reseal(signing)
        return forged

    def to_tar(self, *, end: bool = True) -> bytes:
        return tar_bytes(self.entries, end=end)

    # --- files by their path inside the bag ------------------------------------------------

    def path(self, inner: str) -> str:
        return f"{self.root}/{inner}"

    def index(self, inner: str) -> int:
        full = self.path(inner)
        for number, entry in enumerate(self.entries):
            if entry.name == full:
                return number
        raise KeyError(inner)

    def entry(self, inner: str) -> TarEntry:
        return self.entries[self.index(inner)]

    def read(self, inner: str) -> bytes:
        return self.entry(inner).data

    def write(self, inner: str, data: bytes) -> None:
        """Replace the data of an existing file (its declared size follows)."""
        number = self.index(inner)
        self.entries[number] = replace(self.entries[number], data=data, size=None)

    def remove(self, inner: str) -> TarEntry:
        return self.entries.pop(self.index(inner))

    def rename(self, inner: str, new_inner: str) -> None:
        self.entry(inner).name = self.path(new_inner)

    def insert(self, entry: TarEntry, *, after: str | None = None, at: int | None = None) -> None:
        """Insert ``entry`` after the file ``after``, at index ``at``, or at the end."""
        if after is not None:
            self.entries.insert(self.index(after) + 1, entry)
        elif at is not None:
            self.entries.insert(at, entry)
        else:
            self.entries.append(entry)

    def add(self, inner: str, data: bytes, *, after: str | None = None) -> None:
        self.insert(TarEntry(self.path(inner), data), after=after)

    def inner_paths(self) -> list[str]:
        prefix = self.root + "/"
        return [e.name[len(prefix) :] for e in self.entries if e.name.startswith(prefix)]

    def payload_paths(self, folder: str = "data/") -> list[str]:
        return [path for path in self.inner_paths() if path.startswith(folder)]

    def set_root(self, root: str) -> None:
        """Move every entry under ``root`` (entries outside the old root keep their names)."""
        prefix = self.root + "/"
        for entry in self.entries:
            if entry.name.startswith(prefix):
                entry.name = f"{root}/{entry.name[len(prefix) :]}"
        self.root = root

    # --- tag files -----------------------------------------------------------------------

    def info(self) -> dict[str, str]:
        return bag.parse_bag_info(self.read("bag-info.txt"))

    def set_info(self, **changes: str | None) -> None:
        """Change bag-info.txt values (``Fielddoc_Bundle_Id=...``: ``_`` stands for ``-``);
        ``None`` removes a label; new labels are appended. Order is kept."""
        fields = list(self.info().items())
        wanted = {label.replace("_", "-"): value for label, value in changes.items()}
        result: list[tuple[str, str]] = []
        for label, value in fields:
            if label in wanted:
                new = wanted.pop(label)
                if new is not None:
                    result.append((label, new))
            else:
                result.append((label, value))
        result += [(label, value) for label, value in wanted.items() if value is not None]
        self.write("bag-info.txt", bag.bag_info(result))

    def manifest(self) -> dict[str, str]:
        return bag.parse_manifest(self.read("manifest-sha256.txt"), payload=True)

    def update_manifest(self, *, oxum: bool = True) -> None:
        """Payload manifest (and Payload-Oxum) from the regular ``data/`` files present."""
        prefix = self.path("data/")
        files = [e for e in self.entries if e.name.startswith(prefix) and e.type == tarfile.REGTYPE]
        entries = [(e.name[len(self.root) + 1 :], _sha256(e.data)) for e in files]
        self.write("manifest-sha256.txt", bag.manifest(entries))
        if oxum:
            total = sum(len(e.data) for e in files)
            self.set_info(Payload_Oxum=f"{total}.{len(files)}")

    def update_tagmanifest(self) -> None:
        entries = [
            (name, _sha256(self.read(name)))
            for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
        ]
        self.write("tagmanifest-sha256.txt", bag.manifest(entries))

    def comment(self) -> str:
        """The trusted comment export writes, built from bag-info.txt."""
        info = self.info()
        return (
            f"{FORMAT} bundle={info['Fielddoc-Bundle-Id']} "
            f"seq={info['Fielddoc-Bundle-Sequence']} recipients={info['Fielddoc-Recipients']} "
            f"created={info['Fielddoc-Created']}"
        )

    def sign(self, signing: minisign.SecretKey, *, comment: str | None = None) -> None:
        """Re-sign the tag manifest as it is now (with the comment from bag-info.txt)."""
        text = minisign.sign(
            signing, self.read("tagmanifest-sha256.txt"), trusted_comment=comment or self.comment()
        )
        self.write("tagmanifest-sha256.txt.minisig", text.encode("utf-8"))

    def reseal(
        self,
        signing: minisign.SecretKey,
        *,
        comment: str | None = None,
        manifest: bool = True,
        oxum: bool = True,
    ) -> None:
        """Make the bag consistent again after edits: manifests, Payload-Oxum, signature."""
        if manifest:
            self.update_manifest(oxum=oxum)
        self.update_tagmanifest()
        self.sign(signing, comment=comment)


# --- age layer ------------------------------------------------------------------------------


def seal(plaintext: ForgedBag | bytes, recipients: list[str]) -> bytes:
    """age-encrypt a bag (as a tar) or raw bytes to ``recipients``."""
    data = plaintext.to_tar() if isinstance(plaintext, ForgedBag) else plaintext
    return age.encrypt_bytes(data, recipients)


def unseal(sealed: bytes, identity: str) -> bytes:
    return age.decrypt_bytes(sealed, [identity])


def open_bundle(source: Path | bytes, identity: str) -> ForgedBag:
    """Decrypt a bundle with an age identity and take its tar apart."""
    sealed = source.read_bytes() if isinstance(source, Path) else source
    return ForgedBag.from_tar(unseal(sealed, identity))


@dataclass(frozen=True)
class AgeLayout:
    """Byte offsets in an age v1 file (binary, X25519 stanzas)."""

    mac_line: int  # start of the "--- <mac>" line
    header_end: int  # just after the header's final newline: the payload nonce starts here
    payload_start: int  # first byte of the first chunk
    chunk_starts: list[int]  # ciphertext offset of every chunk
    size: int

    def cipher_offset(self, plain_offset: int) -> int:
        """Where the ciphertext of plaintext byte ``plain_offset`` lies."""
        chunk, inside = divmod(plain_offset, AGE_CHUNK)
        return self.payload_start + chunk * (AGE_CHUNK + AGE_TAG) + inside


def age_layout(sealed: bytes) -> AgeLayout:
    mac_line = sealed.index(b"\n--- ") + 1
    header_end = sealed.index(b"\n", mac_line) + 1
    payload_start = header_end + AGE_NONCE
    starts = list(range(payload_start, len(sealed), AGE_CHUNK + AGE_TAG))
    return AgeLayout(mac_line, header_end, payload_start, starts, len(sealed))


def flip(data: bytes, offset: int, mask: int = 0x01) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= mask
    return bytes(changed)


# --- tying it to a field/HQ pair ------------------------------------------------------------


class Forge:
    """Bundles for ``pair``: real exports, opened, changed, re-signed and sealed to its HQ."""

    def __init__(self, pair: Pair, folder: Path | None = None) -> None:
        self.pair = pair
        self.folder = folder or pair.base / "bundles"
        self.folder.mkdir(parents=True, exist_ok=True)
        self._count = 0

    @property
    def device_key(self) -> minisign.SecretKey:
        return ensure_keys(self.pair.f.conn).signing

    @property
    def hq_identity(self) -> str:
        return ensure_keys(self.pair.h.conn).age.secret

    @property
    def hq_recipient(self) -> str:
        return ensure_keys(self.pair.h.conn).age.recipient

    def _name(self, stem: str) -> Path:
        self._count += 1
        return self.folder / f"{self._count:03d}-{stem}.fdbundle"

    def export(self, stem: str = "real", *, to: list[str] | None = None) -> Path:
        path = self._name(stem)
        write_bundle(self.pair.f, path, to=to)
        return path

    def open(self, path: Path, identity: str | None = None) -> ForgedBag:
        return open_bundle(path, identity or self.hq_identity)

    def save_bytes(self, sealed: bytes, stem: str = "forged") -> Path:
        path = self._name(stem)
        path.write_bytes(sealed)
        return path

    def save(
        self,
        plaintext: ForgedBag | bytes,
        stem: str = "forged",
        *,
        recipients: list[str] | None = None,
    ) -> Path:
        """Seal (to this HQ unless ``recipients`` says otherwise) and write a new file."""
        return self.save_bytes(seal(plaintext, recipients or [self.hq_recipient]), stem)


# --- "nothing changed" -----------------------------------------------------------------------


def vault_state(ctx: ExchangeContext) -> dict[str, str]:
    """Table name -> SHA-256 over all its rows (every table, FTS shadow tables included)."""
    conn = ctx.conn
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    state: dict[str, str] = {}
    for table in tables:
        digest = hashlib.sha256()
        rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
        for row in sorted(repr(tuple(row)) for row in rows):
            digest.update(row.encode("utf-8", "surrogateescape") + b"\n")
        state[table] = f"{len(rows)}:{digest.hexdigest()}"
    return state


def count(ctx: ExchangeContext, table: str) -> int:
    return int(ctx.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def tree_state(folder: Path, *, skip: Iterable[Path] = ()) -> dict[str, str]:
    """Relative path -> SHA-256 (or "dir") of everything under ``folder`` except ``skip``
    (which are compared by the database snapshot instead, e.g. ``vault.db`` and its WAL)."""
    skipped = {path.resolve() for path in skip}
    state: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.resolve() in skipped:
            continue
        key = str(path.relative_to(folder))
        state[key] = "dir" if path.is_dir() else _sha256(path.read_bytes())
    return state
