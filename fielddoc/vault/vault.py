"""Create, open, lock and re-key a vault (DESIGN.md "Vault on disk").

A vault is a folder (0700) holding ``keyslots``, ``vault.db`` (+ WAL) and ``blobs/``. The
vault key (DEK, 32 random bytes) is wrapped in ``keyslots`` once per way in; the SQLCipher
key is HKDF-SHA256(DEK). :func:`open_vault` is the one function that opens a vault.

Invariants:
- A new vault is built in a hidden sibling folder and renamed into place when complete, so a
  crash during creation never leaves a half-made vault at the target path.
- Unlocking writes nothing until the passphrase has opened a slot and the database has
  proved the key; a wrong passphrase leaves every file untouched.
- Passphrase changes replace ``keyslots`` atomically: after a crash exactly one of the old and
  the new passphrase works.
- Only one process opens a vault at a time (``vault.lock``, see lockfile.py).

Errors: :class:`NotAVaultError`, :class:`VaultErasedError`, :class:`UnlockError` (generic),
:class:`VaultCorruptError`, :class:`VaultTooNewError`, :class:`VaultLockedByOtherError`,
:class:`WeakPassphraseError`, :class:`VaultExistsError`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import platformdirs
import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fielddoc import audit
from fielddoc.crypto import keyslots as ks
from fielddoc.crypto import recovery
from fielddoc.crypto.kdf import FLOOR, KdfParams, calibrate
from fielddoc.errors import (
    InputError,
    NotAVaultError,
    UnlockError,
    VaultClosedError,
    VaultCorruptError,
    VaultErasedError,
    VaultExistsError,
    VaultLockedByOtherError,
    WeakPassphraseError,
)
from fielddoc.evidence import blobs
from fielddoc.fsutil import fsync_dir, make_private_dir, write_new_file
from fielddoc.ids import new_id, utc_now
from fielddoc.vault import migrations, wipe
from fielddoc.vault.connection import Connection, connect, transaction
from fielddoc.vault.lockfile import LOCK_NAME, VaultLock

KEYSLOTS_NAME = "keyslots"
DATABASE_NAME = "vault.db"
BLOBS_NAME = "blobs"
QUARANTINE_NAME = "quarantine"
CREATING_PREFIX = ".fielddoc-creating-"
MIN_PASSPHRASE_CHARS = 10
MIN_DATABASE_BYTES = 1024  # SQLCipher's smallest page; a real vault is many pages
Role = Literal["field", "hq"]
ROLES: tuple[Role, ...] = ("field", "hq")


def default_vault_path() -> Path:
    """``<user data dir>/fielddoc/vaults/default`` (platformdirs)."""
    return Path(platformdirs.user_data_dir("fielddoc", appauthor=False)) / "vaults" / "default"


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC-normalised UTF-8, so the same Cyrillic passphrase typed on two systems matches.

    Lone surrogates (only an API caller can pass them) are kept as their code points
    ("surrogatepass"): such a passphrase is just another wrong one, never an encoding error
    whose text would quote the character."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")


def check_passphrase_policy(passphrase: str) -> None:
    """Refuse passphrases too short to resist guessing even behind Argon2id."""
    if len(unicodedata.normalize("NFC", passphrase).strip()) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphraseError(
            f"The passphrase must have at least {MIN_PASSPHRASE_CHARS} characters."
        )


MAX_KEYFILE_BYTES = 16 * 1024 * 1024


def keyfile_pepper(keyfile: Path | bytes | None) -> bytes | None:
    """SHA-256 of a key file's content (Argon2id's secret input), or None without one."""
    if keyfile is None:
        return None
    if isinstance(keyfile, bytes):
        data = keyfile
    else:
        try:
            with keyfile.expanduser().open("rb") as handle:
                data = handle.read(MAX_KEYFILE_BYTES + 1)
        except OSError:
            raise InputError("The key file cannot be read.") from None
    if not data or len(data) > MAX_KEYFILE_BYTES:
        raise InputError("A key file must hold between 1 byte and 16 MiB.")
    return hashlib.sha256(data).digest()


KEYFILE_BYTES = 64


def create_keyfile(path: Path) -> None:
    """Write a new key file of random bytes at ``path`` (0600, fsynced). Never overwrites:
    an existing file raises :class:`InputError`, as does a folder that cannot be written."""
    try:
        write_new_file(path.expanduser(), os.urandom(KEYFILE_BYTES))
    except FileExistsError:
        raise InputError("The output file already exists; choose a new name.") from None
    except OSError:
        raise InputError("The key file cannot be written there.") from None


def _db_key(dek: bytes | bytearray, vault_id: str) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=f"fielddoc v1 sqlcipher key {vault_id}".encode("ascii"),
    )
    return hkdf.derive(bytes(dek))


@dataclass(frozen=True)
class VaultInfo:
    vault_id: str
    role: Role
    name: str
    device_id: str
    created_at: str
    schema_version: int


class Vault:
    """An unlocked vault: holds the lock, the DEK and the main-thread connection.

    Use as a context manager or call :meth:`close`. Worker threads get their own connection
    from :meth:`connect` (one connection per thread).
    """

    def __init__(
        self,
        folder: Path,
        slots: ks.Keyslots,
        dek: bytearray,
        lock: VaultLock,
        floor: KdfParams,
        *,
        pepper: bytes | None = None,
    ) -> None:
        self.folder = folder
        self._pepper = pepper
        self._slots = slots
        self._dek: bytearray | None = dek
        self._lock = lock
        self._floor = floor
        self._conn: Connection | None = None
        self._info: VaultInfo | None = None

    # --- connections ---------------------------------------------------------------------

    @property
    def vault_id(self) -> str:
        return self._slots.vault_id

    @property
    def db_path(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def blobs_dir(self) -> Path:
        return self.folder / BLOBS_NAME

    def _require_key(self) -> bytearray:
        if self._dek is None:
            raise VaultClosedError("The vault is locked.")
        return self._dek

    def connect(self, *, create: bool = False) -> Connection:
        """A new connection with the full recipe (for a worker thread or a fresh check)."""
        return connect(self.db_path, _db_key(self._require_key(), self.vault_id), create=create)

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            self._require_key()
            self._conn = self.connect()
        return self._conn

    def release_connection(self) -> None:
        """Close the main connection so another thread can open its own (``conn`` reopens).

        The GUI unlocks on a worker thread (the KDF takes a second) and then uses the vault
        on the GUI thread; SQLite connections must stay on the thread that made them.
        """
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def info(self) -> VaultInfo:
        if self._info is None:
            self._info = read_info(self.conn)
        return self._info

    @property
    def is_open(self) -> bool:
        return self._dek is not None

    def log(self, action: str, object_id: str | None = None, **detail: Any) -> None:
        """Append an audit row in its own transaction."""
        with transaction(self.conn):
            audit.append(
                self.conn,
                vault_id=self.vault_id,
                device=self.info.device_id,
                action=action,
                object_id=object_id,
                detail=detail,
            )

    def close(self) -> None:
        """Lock: close the connection, drop the key from memory, release the folder lock."""
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        if self._dek is not None:
            for index in range(len(self._dek)):
                self._dek[index] = 0
            self._dek = None
        self._info = None
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- keys ------------------------------------------------------------------------------

    def _rewrap(self, kind: ks.SlotKind, secret: bytes, params: KdfParams) -> None:
        pepper = self._pepper if kind == "passphrase" else None
        slot = ks.wrap(
            bytes(self._require_key()), self.vault_id, kind, secret, params, pepper=pepper
        )
        new_slots = self._slots.replacing(kind, slot)
        ks.write(self.folder / KEYSLOTS_NAME, new_slots)
        self._slots = new_slots

    def _passphrase_params(self) -> KdfParams:
        current = self._slots.of_kind("passphrase")
        params = current[0].kdf if current else self._floor
        return params.raised_to(self._floor)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the DEK under ``new`` after proving ``old`` (UnlockError if it is wrong)."""
        self.change_passphrase_keys_only(old, new)
        self.log("passphrase_change")

    def change_passphrase_keys_only(self, old: str, new: str) -> None:
        """The keyslot part of :meth:`change_passphrase` (no database access, so it can run
        on a worker thread while the GUI thread owns the connection; the caller audits)."""
        check_passphrase_policy(new)
        self._prove_passphrase(old)
        self.set_passphrase(new)

    def _prove_passphrase(self, passphrase: str) -> None:
        secret = normalise_passphrase(passphrase)
        if not any(
            _opens(slot, self.vault_id, secret, self._pepper)
            for slot in self._slots.of_kind("passphrase")
        ):
            raise UnlockError

    def change_keyfile(self, passphrase: str, new_keyfile: Path | bytes | None) -> None:
        """Add, change or remove (``None``) the key file after proving the passphrase (with
        the current key file, which the vault was opened with). Atomic like a passphrase
        change: after a crash exactly one of old and new combination works."""
        present = self.change_keyfile_keys_only(passphrase, new_keyfile)
        self.log("keyfile_change", present=present)

    def change_keyfile_keys_only(self, passphrase: str, new_keyfile: Path | bytes | None) -> bool:
        """The keyslot part of :meth:`change_keyfile` (no database access, so it can run on a
        worker thread; the caller audits). Returns whether a key file is now required."""
        self._prove_passphrase(passphrase)
        new_pepper = keyfile_pepper(new_keyfile)
        old_pepper = self._pepper
        self._pepper = new_pepper
        try:
            self._rewrap("passphrase", normalise_passphrase(passphrase), self._passphrase_params())
        except BaseException:
            self._pepper = old_pepper
            raise
        return new_pepper is not None

    def set_passphrase(self, new: str) -> None:
        """Replace the passphrase slot (caller has authenticated, e.g. with the recovery code)."""
        check_passphrase_policy(new)
        self._rewrap("passphrase", normalise_passphrase(new), self._passphrase_params())

    def raise_weak_slots(self, secrets: Mapping[ks.SlotKind, bytes]) -> None:
        """Re-wrap slots whose KDF parameters are below the floor (secrets just proved)."""
        for kind, secret in secrets.items():
            for slot in self._slots.of_kind(kind):
                if not slot.kdf.meets(self._floor):
                    self._rewrap(kind, secret, slot.kdf.raised_to(self._floor))
                    break


def _opens(slot: ks.Slot, vault_id: str, secret: bytes, pepper: bytes | None = None) -> bool:
    try:
        ks.unwrap(slot, vault_id, secret, pepper=pepper)
    except UnlockError:
        return False
    return True


def read_info(conn: Connection) -> VaultInfo:
    try:
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlcipher3.Error:
        raise VaultCorruptError("The vault's settings are damaged.") from None
    try:
        role = rows["role"]
        if role not in ROLES:
            raise VaultCorruptError("The vault's settings are damaged.")
        return VaultInfo(
            vault_id=rows["vault_id"],
            role=role,
            name=rows["name"],
            device_id=rows["device_id"],
            created_at=rows["created_at"],
            schema_version=migrations.current_version(conn),
        )
    except KeyError:
        raise VaultCorruptError("The vault's settings are damaged.") from None


# --- create ------------------------------------------------------------------------------------


def _is_empty_dir(folder: Path) -> bool:
    return folder.is_dir() and not any(folder.iterdir())


def _remove_stale_creations(parent: Path) -> None:
    """Remove half-built vaults left by a crash during an earlier creation in ``parent``."""
    for stale in parent.glob(CREATING_PREFIX + "*"):
        probe = VaultLock(stale)
        try:
            probe.acquire()
        except VaultLockedByOtherError:  # a creation still running in another process
            continue
        probe.release()
        shutil.rmtree(stale, ignore_errors=True)


def create_vault(
    folder: Path,
    passphrase: str,
    *,
    role: Role = "field",
    name: str = "",
    kdf: KdfParams | None = None,
    floor: KdfParams = FLOOR,
    schema_target: int | None = None,
    calibrate_fn: Callable[[], KdfParams] | None = None,
) -> tuple[Vault, str]:
    """Create a vault at ``folder`` (missing or empty). Returns the open vault and the
    recovery code, which is shown to the user once and never stored in clear.

    ``kdf`` fixes the Argon2id parameters (tests); by default they are calibrated on this
    machine. Parameters below ``floor`` are refused. ``schema_target`` stops migrations at an
    older version (used to build old-release fixtures).
    """
    check_passphrase_policy(passphrase)
    if role not in ROLES:
        raise ValueError("role must be 'field' or 'hq'")
    folder = folder.expanduser().absolute()
    if folder.exists() and not _is_empty_dir(folder):
        if (folder / KEYSLOTS_NAME).exists() or (folder / DATABASE_NAME).exists():
            raise VaultExistsError("A vault already exists in this folder.")
        raise VaultExistsError("The folder is not empty; choose an empty or new folder.")
    make_private_dir(folder.parent)
    _remove_stale_creations(folder.parent)
    params = kdf if kdf is not None else (calibrate_fn or (lambda: calibrate(floor=floor)))()
    if not params.meets(floor):
        raise ValueError("KDF parameters below the floor")

    building = folder.parent / f"{CREATING_PREFIX}{new_id()}"
    make_private_dir(building)
    lock = VaultLock(building)
    lock.acquire()
    try:
        vault_id = new_id()
        dek = bytearray(os.urandom(32))
        code = recovery.new_code()
        recovery_secret = recovery.normalise(code).encode("ascii")
        slots = ks.Keyslots(
            vault_id=vault_id,
            slots=(
                ks.wrap(
                    bytes(dek), vault_id, "passphrase", normalise_passphrase(passphrase), params
                ),
                ks.wrap(bytes(dek), vault_id, "recovery", recovery_secret, params),
            ),
        )
        make_private_dir(building / BLOBS_NAME)
        # SQLite gives -wal and -shm the main file's mode: create it 0600 before it does
        (building / DATABASE_NAME).touch(mode=0o600, exist_ok=False)
        conn = connect(building / DATABASE_NAME, _db_key(dek, vault_id), create=True)
        try:
            migrations.migrate(conn, target=schema_target)
            device_id = new_id()
            with transaction(conn):
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("vault_id", vault_id),
                        ("role", role),
                        ("name", name),
                        ("device_id", device_id),
                        ("created_at", utc_now()),
                    ],
                )
                audit.append(
                    conn,
                    vault_id=vault_id,
                    device=device_id,
                    action="vault_create",
                    detail={"role": role},
                )
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.close()
        ks.write(building / KEYSLOTS_NAME, slots)
    except BaseException:
        lock.release()
        shutil.rmtree(building, ignore_errors=True)
        raise
    lock.release()
    if folder.exists():
        folder.rmdir()  # empty, checked above; rename cannot replace a folder on every OS
    (building / LOCK_NAME).unlink()
    building.replace(folder)
    fsync_dir(folder.parent)
    vault = open_vault(
        folder, passphrase, floor=floor, audit_unlock=False, schema_target=schema_target
    )
    return vault, code


# --- open ------------------------------------------------------------------------------------


def classify_folder(folder: Path) -> Literal["vault", "erased", "missing", "not_a_vault"]:
    """What a folder is, without reading secrets: used to pick the right message."""
    if not folder.exists():
        return "missing"
    if not folder.is_dir():
        return "not_a_vault"
    if (folder / KEYSLOTS_NAME).is_file():
        return "vault"
    if (folder / DATABASE_NAME).exists():
        return "erased"
    return "not_a_vault"


def _require_vault(folder: Path) -> None:
    kind = classify_folder(folder)
    if kind == "erased":
        raise VaultErasedError(
            "This vault's keys were erased; its contents can no longer be opened."
        )
    if kind != "vault":
        raise NotAVaultError("No fielddoc vault was found in this folder.")


def open_vault(
    folder: Path,
    passphrase: str | None = None,
    *,
    recovery_code: str | None = None,
    keyfile: Path | bytes | None = None,
    floor: KdfParams = FLOOR,
    audit_unlock: bool = True,
    schema_target: int | None = None,
) -> Vault:
    """Unlock the vault in ``folder`` with a passphrase or the recovery code.

    Migrates the schema to this build's version, raises slots below ``floor``, cleans
    orphans from interrupted writes, and appends an ``unlock`` audit row.
    """
    if (passphrase is None) == (recovery_code is None):
        raise ValueError("give exactly one of passphrase and recovery_code")
    kind: ks.SlotKind
    if recovery_code is not None:
        kind, secret = "recovery", recovery.normalise(recovery_code).encode("ascii")
    else:
        kind, secret = "passphrase", normalise_passphrase(passphrase or "")
    # with the recovery code the key file does not open the slot, but the vault keeps it so a
    # passphrase set after a recovery unlock still requires it
    try:
        pepper = keyfile_pepper(keyfile)
    except InputError:
        # an empty, missing or unreadable key file is a wrong key file: the same generic
        # error as a wrong passphrase, so the answer never tells which part was wrong
        raise UnlockError from None
    folder = folder.expanduser().absolute()
    _require_vault(folder)
    database = folder / DATABASE_NAME
    if not database.is_file() or database.stat().st_size < MIN_DATABASE_BYTES:
        # an empty file would open as a new, empty database: never pretend that is the vault
        raise VaultCorruptError("The vault's database file is missing or truncated.")
    lock = VaultLock(folder)
    lock.acquire()
    try:
        slots = ks.read(folder / KEYSLOTS_NAME)
        dek = _unwrap_any(slots, kind, secret, pepper if kind == "passphrase" else None)
        vault = Vault(folder, slots, dek, lock, floor, pepper=pepper)
    except BaseException:
        lock.release()
        raise
    try:
        conn = vault.conn
        migrations.check_not_newer(conn)
        if read_info(conn).vault_id != slots.vault_id:
            raise VaultCorruptError("The vault's key file belongs to another vault.")
        migrations.migrate(conn, target=schema_target)
        vault.raise_weak_slots({kind: secret})
        _clean_orphans(vault)
        if audit_unlock:
            vault.log("unlock" if kind == "passphrase" else "recovery_unlock")
    except BaseException:
        vault.close()
        raise
    return vault


def _unwrap_any(
    slots: ks.Keyslots, kind: ks.SlotKind, secret: bytes, pepper: bytes | None
) -> bytearray:
    for slot in slots.of_kind(kind):
        try:
            return bytearray(ks.unwrap(slot, slots.vault_id, secret, pepper=pepper))
        except UnlockError:
            continue
    raise UnlockError


def _clean_orphans(vault: Vault) -> None:
    """Remove leftovers of writes interrupted by a crash (temp files never hold plaintext)."""
    with contextlib.suppress(FileNotFoundError):
        (vault.folder / (KEYSLOTS_NAME + ".tmp")).unlink()
    make_private_dir(vault.blobs_dir)  # a vault copied without its empty blobs/ folder
    blobs.clean_orphans(vault.conn, vault.blobs_dir)
    # an import interrupted before its commit leaves re-encrypted blobs in quarantine/
    shutil.rmtree(vault.folder / QUARANTINE_NAME, ignore_errors=True)
    # a purge interrupted between its commit and its wipe (crash, busy reader)
    if wipe.is_pending(vault.conn):
        wipe.finish(vault.conn)
