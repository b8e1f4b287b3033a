"""Shared fixtures.

Tests get cheap Argon2id parameters only through the core API (``kdf=`` and ``floor=`` on
create/open); the CLI and the GUI never see them, so anything a user runs keeps the floor.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fielddoc.crypto.kdf import KdfParams
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import Vault, create_vault, open_vault
from tests.suite_report import (  # noqa: F401 - a fixture and a hook, found by name
    _suite_report_node,
    pytest_terminal_summary,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CHEAP_KDF = KdfParams(memory_kib=64, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@dataclass
class VaultHandle:
    path: Path
    passphrase: str
    recovery_code: str
    vault: Vault

    def store(self) -> RecordStore:
        return RecordStore(
            self.vault.conn, vault_id=self.vault.vault_id, device_id=self.vault.info.device_id
        )

    def reopen(self) -> Vault:
        self.vault.close()
        self.vault = open_vault(self.path, self.passphrase, floor=CHEAP_KDF)
        return self.vault


def make_vault(folder: Path, *, role: str = "field", name: str = "Test") -> VaultHandle:
    vault, code = create_vault(
        folder,
        PASSPHRASE,
        role=role,  # type: ignore[arg-type]
        name=name,
        kdf=CHEAP_KDF,
        floor=CHEAP_KDF,
    )
    return VaultHandle(folder, PASSPHRASE, code, vault)


@pytest.fixture
def vault_handle(tmp_path: Path) -> Iterator[VaultHandle]:
    handle = make_vault(tmp_path / "vault")
    yield handle
    handle.vault.close()


@pytest.fixture
def store(vault_handle: VaultHandle) -> RecordStore:
    return vault_handle.store()


def require_tool(name: str) -> str:
    """Path of a command-line tool; skip without it unless CI requires interop tests."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("FIELDDOC_REQUIRE_INTEROP") == "1":
        pytest.fail(f"{name} is required (FIELDDOC_REQUIRE_INTEROP=1) but not installed")
    pytest.skip(f"{name} not installed")


def run_cli(
    *args: str,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m fielddoc ARGS`` as a separate process (the real command)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "fielddoc", *args],
        input=data,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )
