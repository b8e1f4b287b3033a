"""The exchange commands end to end: two vaults, cards, export, verify, import, receipt, purge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import PASSPHRASE, make_vault, run_cli


def setup(tmp_path: Path) -> tuple[Any, Any, Path]:
    field = make_vault(tmp_path / "field", role="field", name="Aigul laptop")
    hq = make_vault(tmp_path / "hq", role="hq", name="HQ Bishkek")
    field.vault.close()
    hq.vault.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return field.path, hq.path, secret


def cli(vault: Path, secret: Path, *args: str) -> tuple[int, Any, str]:
    result = run_cli("--vault", str(vault), "--passphrase-file", str(secret), *args, "--json")
    out = result.stdout.decode()
    return result.returncode, json.loads(out) if out.strip() else None, result.stderr.decode()


def test_cli_exchange_flow(tmp_path: Path) -> None:
    field, hq, secret = setup(tmp_path)
    code, mine, err = cli(field, secret, "card", "show")
    assert code == 0, err
    assert set(mine) >= {"name", "role", "fingerprint", "age_recipient", "minisign_public_key"}
    assert mine["role"] == "field"
    assert cli(field, secret, "card", "export", "-o", str(tmp_path / "field.card"))[0] == 0
    assert cli(hq, secret, "card", "export", "-o", str(tmp_path / "hq.card"))[0] == 0
    code, shown, _ = cli(field, secret, "card", "show", str(tmp_path / "hq.card"))
    hq_fp = shown["fingerprint"]

    code, document, _ = cli(
        field, secret, "card", "import", str(tmp_path / "hq.card"), "--fingerprint", "1" * 40
    )
    assert code == 1 and document["error"]["code"] == "FINGERPRINT_MISMATCH"
    code, document, err = cli(
        field, secret, "card", "import", str(tmp_path / "hq.card"), "--fingerprint", hq_fp
    )
    assert code == 0, err
    assert document["created"] is True
    code, document, err = cli(
        hq,
        secret,
        "card",
        "import",
        str(tmp_path / "field.card"),
        "--fingerprint",
        mine["fingerprint"],
    )
    assert code == 0, err

    body = tmp_path / "t.json"
    body.write_text(
        json.dumps({"title": "Задержание журналиста", "narrative": "Со слов жены"}),
        encoding="utf-8",
    )
    _, added, _ = cli(field, secret, "record", "add", "testimony", "--json-file", str(body))
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"\x01" * 30_000)
    assert cli(field, secret, "evidence", "add", str(photo), "--record", added["id"])[0] == 0

    bundle = tmp_path / "out" / "b1.fdbundle"
    bundle.parent.mkdir()
    code, exported, err = cli(field, secret, "export", "-o", str(bundle))
    assert code == 0, err
    assert exported["seq"] == 1 and exported["evidence"] == 1
    assert exported["recipients"] == ["HQ Bishkek"]
    assert not list(bundle.parent.glob("*.partial"))

    code, report, _ = cli(hq, secret, "verify", str(bundle))
    assert code == 0 and report["ok"] and not report["imported"]
    human = run_cli("--vault", str(hq), "--passphrase-file", str(secret), "verify", str(bundle))
    assert b"signature valid" in human.stdout and b"Aigul laptop" in human.stdout

    receipts = tmp_path / "receipts"
    code, reports, err = cli(hq, secret, "import", str(bundle), "--receipts-dir", str(receipts))
    assert code == 0, err
    assert reports[0]["imported"] and reports[0]["receipt"]
    code, reports, _ = cli(hq, secret, "import", str(bundle))
    assert code == 0 and reports[0]["already_imported"]
    code, hits, _ = cli(hq, secret, "search", "журналиста")
    assert [h["id"] for h in hits] == [added["id"]]

    code, status, _ = cli(field, secret, "status")
    assert status["records_undelivered"] == 1
    receipt = next(receipts.iterdir())
    code, result, err = cli(field, secret, "receipt", "import", str(receipt))
    assert code == 0, err
    assert result["delivered"] == 3  # revision, evidence link, evidence

    code, document, _ = cli(field, secret, "purge", "--delivered")
    assert code == 1 and document["error"]["code"] == "BAD_INPUT"  # needs --yes
    code, purged, err = cli(field, secret, "purge", "--delivered", "--yes")
    assert code == 0, err
    assert purged == {"records": 1, "evidence": 1, "bytes_freed": 30_003}
    code, listed, _ = cli(field, secret, "record", "list")
    assert listed == []
    code, checked, _ = cli(field, secret, "check")
    assert checked["ok"]
    code, document, _ = cli(field, secret, "export", "-o", str(tmp_path / "b2.fdbundle"))
    assert code == 1 and document["error"]["code"] == "NOTHING_TO_EXPORT"


def test_role_errors_and_settings(tmp_path: Path) -> None:
    field, hq, secret = setup(tmp_path)
    code, document, _ = cli(hq, secret, "export", "-o", str(tmp_path / "x.fdbundle"))
    assert code == 1 and document["error"]["code"] == "WRONG_ROLE"
    code, document, _ = cli(field, secret, "export", "-o", str(tmp_path / "x.fdbundle"))
    assert code == 1 and document["error"]["code"] in ("NO_HQ_CARD", "NOTHING_TO_EXPORT")
    result = run_cli(
        "--vault",
        str(field),
        "--passphrase-file",
        str(secret),
        "keys",
        "export-age-identity",
        "-o",
        str(tmp_path / "k"),
    )
    assert result.returncode == 0 and b"receipts" in result.stderr
    assert "AGE-SECRET-KEY-1" in (tmp_path / "k").read_text()
    code, values, _ = cli(field, secret, "settings", "set", "purge_on_receipt", "true")
    assert code == 0 and values == {"purge_on_receipt": True}
    code, values, _ = cli(field, secret, "settings", "show")
    assert values["purge_on_receipt"] is True
    code, document, _ = cli(field, secret, "settings", "set", "autolock_minutes", "0")
    assert code == 1 and document["error"]["code"] == "BAD_INPUT"


def test_hq_key_exports_for_standard_tools(tmp_path: Path) -> None:
    _, hq, secret = setup(tmp_path)
    result = run_cli(
        "--vault",
        str(hq),
        "--passphrase-file",
        str(secret),
        "keys",
        "export-age-identity",
        "-o",
        str(tmp_path / "hq.key"),
    )
    assert result.returncode == 0
    assert b"secret key" in result.stderr
    text = (tmp_path / "hq.key").read_text()
    assert "AGE-SECRET-KEY-1" in text
    assert (tmp_path / "hq.key").stat().st_mode & 0o077 == 0
    result = run_cli(
        "--vault",
        str(hq),
        "--passphrase-file",
        str(secret),
        "keys",
        "export-minisign-pub",
        "-o",
        str(tmp_path / "hq.pub"),
    )
    assert result.returncode == 0
    assert (tmp_path / "hq.pub").read_text().startswith("untrusted comment: minisign public key")
