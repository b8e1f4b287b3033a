"""Wrong keys: over a thousand wrong passphrases, key files and recovery codes, one answer.

A vault protected by a passphrase and a key file (cheap Argon2id from tests/conftest.py, so
a thousand attempts take seconds) is attacked through :func:`open_vault`: near misses of the
passphrase, the empty string, Unicode of every kind, very long inputs; random, empty,
truncated, extended and bit-flipped key files, a folder, a missing path, /dev/null; random and
malformed recovery codes. Then a few attempts go through the real ``fielddoc`` command.

Every attempt must raise :class:`UnlockError` with its one fixed message (the CLI prints one
identical line), the database must never be opened (the connection factories are spied on),
and the vault folder must be byte for byte and mtime for mtime what it was, with no WAL,
``-shm`` or journal appearing. The harness is checked at the end: the right passphrase with
the right key file opens the vault, and the spy sees that connection.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from fielddoc.crypto import recovery
from fielddoc.errors import UnlockError
from fielddoc.vault import vault as vault_module
from fielddoc.vault.vault import normalise_passphrase, open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, make_vault, run_cli
from tests.leakscan import REPORT_PROPERTY

UNLOCK_MESSAGE = "The vault could not be unlocked with what was given."
PASSPHRASE_ATTEMPTS = 1000
Snapshot = dict[str, tuple[str, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """(SHA-256 or "dir", mode, mtime in ns) of the folder itself and everything under it."""
    state: Snapshot = {}
    for path in [folder, *sorted(folder.rglob("*"))]:
        info = path.lstat()
        digest = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        state[path.relative_to(folder.parent).as_posix()] = (digest, info.st_mode, info.st_mtime_ns)
    return state


def near_misses(right: str) -> Iterator[str]:
    """Each one edit away from ``right``: deletions, doubled letters, swaps, case, spaces."""
    for i in range(len(right)):
        yield right[:i] + right[i + 1 :]
        yield right[:i] + right[i] + right[i:]
        yield right[:i] + right[i].swapcase() + right[i + 1 :]
        if i + 1 < len(right):
            yield right[:i] + right[i + 1] + right[i] + right[i + 2 :]
    yield from (right + " ", " " + right, right + "\n", right + "\r\n", right + "\t", right + "\0")
    yield from (right.upper(), right.title(), right.replace(" ", ""), right.replace(" ", "-"))
    yield from (right + right, right[::-1], right.replace("o", "о"))  # Cyrillic о, looks alike


def odd_passphrases() -> Iterator[str]:
    yield from ("", " ", "\n", "\0", "\0" * 64, "\u200b", "\ufeff" + PASSPHRASE)
    yield from ("пароль", "Өмүрбек ата-энеси", "Кыргызстан 2024 ✓", "كلمة السر", "密码密码密码")
    yield from ("e\u0301" * 20, "\u00e9" * 20, "🔑" * 50, "\U0010ffff" * 10, "\ud800", "a\udfffb")
    yield from ("x" * 10_000, "ж" * 100_000, secrets.token_hex(500_000))  # very long
    yield from ("'; DROP TABLE records; --", "x'00'", "%s%s%n", "${HOME}", "../../keyslots")


def wrong_passphrases(count: int) -> list[str]:
    found = dict.fromkeys([*near_misses(PASSPHRASE), *odd_passphrases()])
    alphabet = "abcdefghijklmnopqrstuvwxyz АБВгдеёжзӨөҮүҢң0123456789!?-_ "
    while len(found) < count + 10:
        length = secrets.randbelow(64)
        found["".join(secrets.choice(alphabet) for _ in range(length))] = None
    wrong = [p for p in found if not opens_like_the_right_one(p)]  # a swap of "rr" is not wrong
    return wrong[:count]


def opens_like_the_right_one(passphrase: str) -> bool:
    try:
        return normalise_passphrase(passphrase) == normalise_passphrase(PASSPHRASE)
    except UnicodeEncodeError:  # a lone surrogate: cannot be the right one
        return False


def wrong_keyfiles(right: bytes, folder: Path) -> list[Path | bytes]:
    """Key files that are not ``right``: as files on disk, and as bytes given directly."""
    folder.mkdir()
    variants: list[bytes] = [right[:-1], right + b"\0", right + right[:1], right[1:]]
    variants += [bytes([right[0] ^ 1]) + right[1:], right[:-1] + bytes([right[-1] ^ 0x80])]
    variants += [bytes(len(right)), b"\0", b"\n", right.hex().encode()]
    variants += [secrets.token_bytes(1 + secrets.randbelow(4096)) for _ in range(80)]
    given: list[Path | bytes] = []
    for index, data in enumerate(variants):
        path = folder / f"key{index}"
        path.write_bytes(data)
        given += [path, data]
    empty = folder / "empty"
    empty.write_bytes(b"")
    given += [empty, b"", folder, folder / "missing", Path("/dev/null")]
    return given


def wrong_codes(right: str) -> list[str]:
    codes = [recovery.new_code() for _ in range(40)]
    flipped = right.replace(right[0], "Z" if right[0] != "Z" else "Y", 1)
    return [*codes, flipped, right[:-1], right + "0", "", "----", "ЖЖЖЖ-" * 8, "x" * 1000]


class ConnectSpy:
    """Counts connections made through fielddoc's recipe and through sqlcipher3 itself."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        for owner, name in ((vault_module, "connect"), (sqlcipher3, "connect")):
            monkeypatch.setattr(owner, name, self._wrap(getattr(owner, name), name))

    def _wrap(self, real: Callable[..., Any], name: str) -> Callable[..., Any]:
        def spy(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            return real(*args, **kwargs)

        return spy


def test_wrong_keys_one_generic_error_nothing_opened_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record_property: Callable[[str, Any], None]
) -> None:
    handle = make_vault(tmp_path / "vault")
    right_key = secrets.token_bytes(64)
    keyfile = tmp_path / "usb" / "fielddoc.key"
    keyfile.parent.mkdir()
    keyfile.write_bytes(right_key)
    handle.vault.change_keyfile(PASSPHRASE, keyfile)
    code = handle.recovery_code
    handle.vault.close()
    for leftover in ("vault.db-wal", "vault.db-shm"):
        assert not (handle.path / leftover).exists()
    before = snapshot(handle.path)
    beside = sorted(p.name for p in tmp_path.iterdir())
    spy = ConnectSpy(monkeypatch)

    failures: dict[tuple[type[BaseException], str, str], int] = {}

    def attempt(**kwargs: Any) -> None:
        try:
            vault = open_vault(handle.path, floor=CHEAP_KDF, **kwargs)
        except Exception as exc:  # noqa: BLE001 - any other type is what this test catches
            key = (type(exc), getattr(exc, "code", "-"), str(exc))
            failures[key] = failures.get(key, 0) + 1
        else:
            vault.close()
            pytest.fail("a wrong key opened the vault")

    started = time.perf_counter()
    passphrases = wrong_passphrases(PASSPHRASE_ATTEMPTS)
    for passphrase in passphrases:
        attempt(passphrase=passphrase, keyfile=keyfile)
    keyfiles = wrong_keyfiles(right_key, tmp_path / "wrong-keys")
    for candidate in [*keyfiles, None]:
        attempt(passphrase=PASSPHRASE, keyfile=candidate)
    codes = wrong_codes(code)
    for candidate_code in codes:
        attempt(recovery_code=candidate_code, keyfile=keyfile)
    elapsed = time.perf_counter() - started

    assert failures == {
        (UnlockError, "UNLOCK_FAILED", UNLOCK_MESSAGE): len(passphrases)
        + len(keyfiles)
        + 1
        + len(codes)
    }
    assert spy.calls == [], "the database was opened for a wrong key"
    assert snapshot(handle.path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*beside, "wrong-keys"])

    # the same through the real command: one identical line, exit status 1
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    wrong_secret = tmp_path / "wrong.txt"
    wrong_secret.write_text(PASSPHRASE + "!\n", encoding="utf-8")
    outputs = set()
    cli_attempts = [
        ("--passphrase-file", str(wrong_secret), "--key-file", str(keyfile)),
        ("--passphrase-file", str(secret), "--key-file", str(tmp_path / "wrong-keys" / "key0")),
        ("--passphrase-file", str(secret), "--key-file", str(tmp_path / "wrong-keys")),
        ("--passphrase-file", str(secret)),
    ]
    for options in cli_attempts:
        result = run_cli("--vault", str(handle.path), *options, "record", "list")
        outputs.add((result.returncode, result.stdout, result.stderr))
    assert outputs == {(1, b"", f"fielddoc: error [UNLOCK_FAILED]: {UNLOCK_MESSAGE}\n".encode())}
    assert snapshot(handle.path) == before

    # harness: the right pair opens the vault, and the spy sees its connection
    vault = open_vault(handle.path, PASSPHRASE, keyfile=keyfile, floor=CHEAP_KDF)
    vault.close()
    assert "connect" in spy.calls
    total = len(passphrases) + len(keyfiles) + 1 + len(codes)
    record_property(
        REPORT_PROPERTY,
        f"wrong keys: {total} attempts ({len(passphrases)} passphrases, {len(keyfiles) + 1} key "
        f"files, {len(codes)} recovery codes) in {elapsed:.1f}s + {len(cli_attempts)} CLI runs; "
        f"one error UNLOCK_FAILED; {len(before)} paths hashed, unchanged; 0 connections",
    )
