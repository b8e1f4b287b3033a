"""The `fielddoc` command end to end, as separate processes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE, VaultHandle, make_vault, run_cli


@pytest.fixture
def cli_vault(tmp_path: Path) -> tuple[Path, Path]:
    """A closed vault (cheap KDF via the core API) and a passphrase file for the CLI."""
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return handle.path, secret


def cli(vault: Path, secret: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = run_cli("--vault", str(vault), "--passphrase-file", str(secret), *args, stdin=stdin)
    return result.returncode, result.stdout.decode(), result.stderr.decode()


def cli_json(vault: Path, secret: Path, *args: str, stdin: str | None = None) -> Any:
    code, out, err = cli(vault, secret, *args, "--json", stdin=stdin)
    assert code == 0, err
    return json.loads(out)


def test_init_shows_recovery_code_once(tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("a long enough passphrase\n", encoding="utf-8")
    target = tmp_path / "new-vault"
    result = run_cli(
        "--vault",
        str(target),
        "--passphrase-file",
        str(secret),
        "init",
        "--role",
        "hq",
        "--name",
        "HQ Bishkek",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["vault"] == str(target.absolute())
    code = document["recovery_code"]
    assert len(code.replace("-", "")) == 32
    # the code is not stored in clear anywhere in the vault
    for path in target.rglob("*"):
        if path.is_file():
            assert code.encode() not in path.read_bytes()
            assert code.replace("-", "").encode() not in path.read_bytes()
    again = run_cli("--vault", str(target), "--passphrase-file", str(secret), "init")
    assert again.returncode == 1
    assert b"VAULT_EXISTS" in again.stderr


def test_record_lifecycle_json_contract(cli_vault: tuple[Path, Path], tmp_path: Path) -> None:
    vault, secret = cli_vault
    body = tmp_path / "t.json"
    body.write_text(
        json.dumps({"title": "Задержание блогера", "narrative": "Со слов брата ..."}),
        encoding="utf-8",
    )
    added = cli_json(vault, secret, "record", "add", "testimony", "--json-file", str(body))
    assert isinstance(added, dict)
    record_id = added["id"]
    body.write_text(
        json.dumps({"title": "Задержание блогера", "narrative": "Уточнено."}), encoding="utf-8"
    )
    edited = cli_json(vault, secret, "record", "edit", record_id, "--json-file", str(body))
    assert isinstance(edited, dict) and edited["id"] == record_id
    shown = cli_json(vault, secret, "record", "show", record_id, "--revisions")
    assert isinstance(shown, dict)
    assert shown["body"]["narrative"] == "Уточнено."
    history = shown["revision_history"]
    assert [r["body"]["narrative"] for r in history] == ["Со слов брата ...", "Уточнено."]
    listed = cli_json(vault, secret, "record", "list", "--template", "testimony")
    assert [r["id"] for r in listed] == [record_id]
    hits = cli_json(vault, secret, "search", "блогер")
    assert hits == [{"id": record_id, "template": "testimony", "title": "Задержание блогера"}]
    checked = cli_json(vault, secret, "check")
    assert isinstance(checked, dict) and checked["ok"] is True


def test_search_across_scripts(cli_vault: tuple[Path, Path], tmp_path: Path) -> None:
    vault, secret = cli_vault
    ids = {}
    for name in ("Абдуллаев Нурлан", "Zheenbekov Aibek"):
        body = tmp_path / "p.json"
        body.write_text(json.dumps({"name": name}), encoding="utf-8")
        ids[name] = cli_json(vault, secret, "record", "add", "person", "--json-file", str(body))[
            "id"
        ]
    found = cli_json(vault, secret, "search", "Abdullayev")
    assert [h["id"] for h in found] == [ids["Абдуллаев Нурлан"]]
    found = cli_json(vault, secret, "search", "Жээнбеков")
    assert [h["id"] for h in found] == [ids["Zheenbekov Aibek"]]


def test_stdin_json_file(cli_vault: tuple[Path, Path]) -> None:
    vault, _ = cli_vault
    result = run_cli(
        "--vault",
        str(vault),
        "--passphrase-file",
        "-",
        "record",
        "add",
        "person",
        "--json-file",
        "-",
        "--json",
        stdin=PASSPHRASE + "\n" + json.dumps({"name": "Цой Алёна"}),
    )
    assert result.returncode == 0, result.stderr
    assert "id" in json.loads(result.stdout)


def test_invalid_record_names_field_and_writes_nothing(
    cli_vault: tuple[Path, Path], tmp_path: Path
) -> None:
    vault, secret = cli_vault
    body = tmp_path / "bad.json"
    body.write_text(json.dumps({"title": "x", "interview_date": "2024-13-45"}), encoding="utf-8")
    code, out, err = cli(
        vault, secret, "record", "add", "testimony", "--json-file", str(body), "--json"
    )
    assert code == 1
    error = json.loads(out)["error"]
    assert error["code"] == "INVALID_RECORD"
    assert error["field"] == "interview_date"
    assert "2024-13-45" not in err + out  # never echo the value
    assert cli_json(vault, secret, "record", "list") == []
    body.write_text("{not json", encoding="utf-8")
    code, _, err = cli(vault, secret, "record", "add", "testimony", "--json-file", str(body))
    assert code == 1
    assert "BAD_INPUT" in err
    assert err.count("\n") == 1  # one line, no traceback


def test_wrong_passphrase_one_generic_line(cli_vault: tuple[Path, Path], tmp_path: Path) -> None:
    vault, _ = cli_vault
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("this is not it\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in vault.iterdir() if p.is_file()}
    code, out, err = cli(vault, wrong, "record", "list", "--json")
    assert code == 1
    assert err.strip() == (
        "fielddoc: error [UNLOCK_FAILED]: The vault could not be unlocked with what was given."
    )
    assert json.loads(out)["error"]["code"] == "UNLOCK_FAILED"
    assert {p.name: p.read_bytes() for p in vault.iterdir() if p.is_file()} == before


def test_not_a_vault_and_damaged_vault(cli_vault: tuple[Path, Path], tmp_path: Path) -> None:
    vault, secret = cli_vault
    code, _, err = cli(tmp_path, secret, "record", "list")
    assert code == 1 and "NOT_A_VAULT" in err and "Traceback" not in err
    keyslots = vault / "keyslots"
    keyslots.write_bytes(keyslots.read_bytes()[:50])
    code, _, err = cli(vault, secret, "record", "list")
    assert code == 1 and "VAULT_CORRUPT" in err and "Traceback" not in err


def test_vault_in_use_by_another_process(cli_vault: tuple[Path, Path]) -> None:
    from fielddoc.vault.vault import open_vault
    from tests.conftest import CHEAP_KDF

    vault, secret = cli_vault
    holder = open_vault(vault, PASSPHRASE, floor=CHEAP_KDF)
    try:
        code, _, err = cli(vault, secret, "record", "list")
    finally:
        holder.close()
    assert code == 1 and "VAULT_IN_USE" in err


def test_passphrase_change_and_recovery(cli_vault: tuple[Path, Path], tmp_path: Path) -> None:
    vault, secret = cli_vault
    new = tmp_path / "new.txt"
    new.write_text("the second passphrase\n", encoding="utf-8")
    code, _, err = cli(vault, secret, "passphrase", "change", "--new-passphrase-file", str(new))
    assert code == 0, err
    code, _, err = cli(vault, secret, "record", "list")
    assert code == 1 and "UNLOCK_FAILED" in err
    code, _, err = cli(vault, new, "record", "list")
    assert code == 0, err


def test_unlock_with_recovery(tmp_path: Path) -> None:
    handle: VaultHandle = make_vault(tmp_path / "v")
    handle.vault.close()
    result = run_cli(
        "--vault",
        str(handle.path),
        "unlock-with-recovery",
        "--recovery-code-file",
        "-",
        "--new-passphrase-file",
        "-",
        stdin=f"{handle.recovery_code}\nforgotten and replaced\n",
    )
    assert result.returncode == 0, result.stderr
    secret = tmp_path / "p.txt"
    secret.write_text("forgotten and replaced\n", encoding="utf-8")
    code, _, err = cli(handle.path, secret, "check")
    assert code == 0, err

    # with --key-file, the passphrase set through the recovery code needs the key file too
    key = tmp_path / "k.key"
    assert run_cli("keyfile", "create", "-o", str(key)).returncode == 0
    result = run_cli(
        "--vault",
        str(handle.path),
        "--key-file",
        str(key),
        "unlock-with-recovery",
        "--recovery-code-file",
        "-",
        "--new-passphrase-file",
        "-",
        stdin=f"{handle.recovery_code}\nforgotten and replaced\n",
    )
    assert result.returncode == 0, result.stderr
    assert b"only together with the key file" in result.stderr
    code, _, err = cli(handle.path, secret, "check")
    assert code == 1 and "UNLOCK_FAILED" in err
    code, _, err = cli(handle.path, secret, "--key-file", str(key), "check")
    assert code == 0, err


def test_templates_listing_without_a_vault(tmp_path: Path) -> None:
    result = run_cli("--vault", str(tmp_path / "none"), "templates", "--json", "--lang", "ru")
    assert result.returncode == 0, result.stderr
    names = {t["name"] for t in json.loads(result.stdout)}
    assert {
        "testimony",
        "detention_visit",
        "incident",
        "case",
        "person",
        "facility",
        "organisation",
    } <= names


def test_check_detects_broken_audit_chain(cli_vault: tuple[Path, Path]) -> None:
    from fielddoc.vault.connection import transaction
    from fielddoc.vault.vault import open_vault
    from tests.conftest import CHEAP_KDF

    vault, secret = cli_vault
    opened = open_vault(vault, PASSPHRASE, floor=CHEAP_KDF)
    with transaction(opened.conn):
        opened.conn.execute("DROP TRIGGER audit_no_update")
        opened.conn.execute("UPDATE audit SET action = 'export' WHERE seq = 1")
    opened.close()
    code, out, _ = cli(vault, secret, "check", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert [c["name"] for c in report["checks"] if not c["ok"]] == ["audit_chain"]


def test_every_json_command_prints_one_document(cli_vault: tuple[Path, Path]) -> None:
    vault, secret = cli_vault
    for args in (["record", "list"], ["search", "нет"], ["check"], ["audit"], ["templates"]):
        code, out, err = cli(vault, secret, *args, "--json")
        assert code == 0, err
        json.loads(out)  # exactly one document: json.loads refuses trailing data


def test_key_file_and_panic(cli_vault: tuple[Path, Path], tmp_path: Path) -> None:
    vault, secret = cli_vault
    key = tmp_path / "usb" / "fielddoc.key"
    key.parent.mkdir()
    assert run_cli("keyfile", "create", "-o", str(key)).returncode == 0
    assert len(key.read_bytes()) == 64
    code, _, err = cli(vault, secret, "keyfile", "set", "--new-key-file", str(key))
    assert code == 0, err
    code, _, err = cli(vault, secret, "record", "list")
    assert code == 1 and "UNLOCK_FAILED" in err  # the passphrase alone no longer opens it
    code, _, err = cli(vault, secret, "--key-file", str(key), "record", "list")
    assert code == 0, err
    result = run_cli(
        "--vault",
        str(vault),
        "--passphrase-file",
        str(secret),
        "--key-file",
        str(key),
        "keyfile",
        "remove",
    )
    assert result.returncode == 0, result.stderr
    assert cli(vault, secret, "record", "list")[0] == 0

    code, out, _ = cli(vault, secret, "panic", "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == "BAD_INPUT"
    import time

    started = time.perf_counter()
    code, out, err = cli(vault, secret, "panic", "--yes", "--json")
    assert code == 0, err
    assert json.loads(out) == {"erased": True}
    print(f"panic (whole CLI process) took {time.perf_counter() - started:.2f} s")
    code, _, err = cli(vault, secret, "record", "list")
    assert code == 1 and "VAULT_ERASED" in err
