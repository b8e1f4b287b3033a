"""Canary test for evidence: a file full of canary strings is ingested, read, verified and
extracted; no file under the vault or the temp folder contains them (UTF-8 or UTF-16LE)."""

from __future__ import annotations

import secrets
from pathlib import Path

from tests.conftest import PASSPHRASE, make_vault, run_cli
from tests.e2e.test_canary_records import hits


def test_evidence_canaries_stay_encrypted(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    words = [f"Свидетель{secrets.token_hex(5)}" for _ in range(20)]
    source = tmp_path / "source" / "notes.txt"
    source.parent.mkdir()
    text = "\n".join(w * 50 for w in words)
    source.write_bytes(text.encode("utf-8") + text.encode("utf-16-le") + b"\x00" * 40_000)
    env = {"TMPDIR": str(temp), "HOME": str(tmp_path / "home")}

    def cli(*args: str) -> str:
        result = run_cli(
            "--vault", str(handle.path), "--passphrase-file", str(secret), *args, env=env
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.decode()

    evidence_id = cli("evidence", "add", str(source)).split(" as ")[1].split()[0]
    cli("evidence", "verify", "--all")
    cli("evidence", "show", evidence_id)
    cli("check")
    assert hits(handle.path, words) == []
    assert hits(temp, words) == []
    # harness check: the source itself is found by the same search
    assert {n for _, n in hits(source.parent, words)} == set(words)
