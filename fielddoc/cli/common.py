"""Shared plumbing of the ``fielddoc`` command: secrets input, vault opening, output.

Secrets come from ``--passphrase-file PATH`` (first line; ``-`` means the next line of
stdin) or from a no-echo prompt. Each option that names ``-`` consumes one further line of
stdin in the order the command asks for them, so a script can pipe the old and the new
passphrase on two lines.

Output: with ``--json`` a command prints exactly one JSON document on stdout, also on
error (``{"error": {"code", "message", "field"}}``); human messages go to stderr.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fielddoc.canonical import loads_strict
from fielddoc.errors import FielddocError, InputError
from fielddoc.records.store import RecordStore
from fielddoc.vault.vault import Vault, default_vault_path, open_vault

MAX_JSON_INPUT_BYTES = 64 * 1024 * 1024


class UsageError(FielddocError):
    code = "USAGE"


@dataclass
class Context:
    args: argparse.Namespace
    _stdin_lines: list[str] = field(default_factory=list)
    _stdin_read: bool = False
    _vault: Vault | None = None

    @property
    def vault_path(self) -> Path:
        given = self.args.vault
        return Path(given).expanduser() if given else default_vault_path()

    @property
    def keyfile(self) -> Path | None:
        given = getattr(self.args, "key_file", None)
        return Path(given).expanduser() if given else None

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    # --- secrets -----------------------------------------------------------------------------

    def _next_stdin_line(self) -> str:
        # bytes, not sys.stdin: the text layer reads ahead and would swallow a JSON document
        # that follows the passphrase line on the same stdin
        raw = sys.stdin.buffer.readline()
        if not raw:
            raise InputError("Standard input ended before a passphrase line.")
        try:
            return raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            raise InputError("The passphrase line is not UTF-8 text.") from None

    def read_secret(self, source: str | None, prompt: str, *, confirm: bool = False) -> str:
        """A secret from ``source`` (path or ``-``) or an interactive prompt."""
        if source == "-":
            return self._next_stdin_line()
        if source:
            try:
                with Path(source).open(encoding="utf-8") as handle:
                    return handle.readline().rstrip("\r\n")
            except (OSError, UnicodeDecodeError):
                raise InputError("The passphrase file cannot be read.") from None
        if not sys.stdin.isatty():
            raise InputError("No passphrase given: use --passphrase-file or run in a terminal.")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat: ") != first:
            raise InputError("The two entries differ.")
        return first

    def passphrase(self, *, confirm: bool = False) -> str:
        return self.read_secret(self.args.passphrase_file, "Passphrase: ", confirm=confirm)

    # --- vault -------------------------------------------------------------------------------

    def open(self) -> Vault:
        if self._vault is None:
            self._vault = open_vault(self.vault_path, self.passphrase(), keyfile=self.keyfile)
        return self._vault

    def adopt(self, vault: Vault) -> Vault:
        """Make ``vault`` (opened by a command itself) the one :meth:`close` will lock."""
        self.close()
        self._vault = vault
        return vault

    def store(self) -> RecordStore:
        vault = self.open()
        return RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)

    def close(self) -> None:
        if self._vault is not None:
            self._vault.close()
            self._vault = None

    # --- input -------------------------------------------------------------------------------

    def read_json_file(self, source: str, *, what: str = "JSON file") -> Any:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_JSON_INPUT_BYTES + 1)
        else:
            try:
                with Path(source).open("rb") as handle:
                    data = handle.read(MAX_JSON_INPUT_BYTES + 1)
            except OSError:
                raise InputError(f"The {what} cannot be read.") from None
        if len(data) > MAX_JSON_INPUT_BYTES:
            raise InputError(f"The {what} is larger than 64 MiB.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"The {what} is not UTF-8 text.") from None
        return loads_strict(text, what=what)

    # --- output ------------------------------------------------------------------------------

    def emit(self, document: Any, human: Callable[[], None]) -> None:
        """Print ``document`` as JSON with ``--json``, otherwise run ``human``."""
        if self.json:
            sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        else:
            human()


def say(text: str) -> None:
    print(text)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
