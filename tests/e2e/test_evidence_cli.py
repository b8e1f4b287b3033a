"""`fielddoc evidence ...` end to end, as separate processes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE, make_vault, run_cli


@pytest.fixture
def env(tmp_path: Path) -> tuple[Path, Path]:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return handle.path, secret


def cli(env: tuple[Path, Path], *args: str) -> tuple[int, Any, str]:
    vault, secret = env
    result = run_cli("--vault", str(vault), "--passphrase-file", str(secret), *args, "--json")
    out = result.stdout.decode()
    return result.returncode, json.loads(out) if out.strip() else None, result.stderr.decode()


def test_add_list_show_verify_extract(env: tuple[Path, Path], tmp_path: Path) -> None:
    photo = tmp_path / "injury.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 400)
    audio = tmp_path / "interview.wav"
    audio.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 50_000)
    body = tmp_path / "t.json"
    body.write_text(json.dumps({"title": "Показания"}), encoding="utf-8")
    code, record, err = cli(env, "record", "add", "testimony", "--json-file", str(body))
    assert code == 0, err
    code, added, err = cli(env, "evidence", "add", str(photo), str(audio), "--record", record["id"])
    assert code == 0, err
    assert [a["sha256"] for a in added] == [
        hashlib.sha256(photo.read_bytes()).hexdigest(),
        hashlib.sha256(audio.read_bytes()).hexdigest(),
    ]
    assert [a["duplicate_of"] for a in added] == [None, None]
    assert {"id", "sha256", "size", "duplicate_of"} <= set(added[0])
    code, again, _ = cli(env, "evidence", "add", str(photo))
    assert again[0]["duplicate_of"] == added[0]["id"]
    code, listed, _ = cli(env, "evidence", "list", "--record", record["id"])
    assert [e["id"] for e in listed] == [a["id"] for a in added]
    assert listed[0]["mime_type"] == "image/jpeg"
    assert listed[1]["mime_type"] in ("audio/wav", "audio/x-wav")
    code, shown, _ = cli(env, "evidence", "show", added[0]["id"])
    assert shown["records"] == [record["id"]]
    assert [e["event"] for e in shown["custody"]] == ["ingest"]
    code, verified, err = cli(env, "evidence", "verify", "--all")
    assert code == 0, err
    assert verified["ok"] is True
    out = tmp_path / "extracted.jpg"
    code, _extracted, err = cli(env, "evidence", "extract", added[0]["id"], "-o", str(out))
    assert code == 0
    assert "NOT encrypted" in err
    assert out.read_bytes() == photo.read_bytes()
    code, shown, _ = cli(env, "evidence", "show", added[0]["id"])
    assert [e["event"] for e in shown["custody"]] == ["ingest", "verify", "extract"]
    code, checked, _ = cli(env, "check")
    assert code == 0
    assert "evidence_files" in {c["name"] for c in checked["checks"]}


def test_bad_files_are_named_and_others_still_stored(
    env: tuple[Path, Path], tmp_path: Path
) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(b"%PDF-1.4\n")
    code, added, err = cli(
        env, "evidence", "add", str(tmp_path / "gone.jpg"), str(tmp_path), str(good)
    )
    assert code == 1
    assert "gone.jpg" in err and str(tmp_path) in err
    assert "Traceback" not in err
    assert [bool(a.get("error")) for a in added] == [True, True, False]
    code, listed, _ = cli(env, "evidence", "list")
    assert len(listed) == 1


def test_damaged_blob_fails_verify_and_check(env: tuple[Path, Path], tmp_path: Path) -> None:
    source = tmp_path / "doc.pdf"
    source.write_bytes(b"%PDF-1.4\n" + b"x" * 70_000)
    code, added, _ = cli(env, "evidence", "add", str(source))
    vault, _ = env
    blob = next(p for p in (vault / "blobs").iterdir())
    data = bytearray(blob.read_bytes())
    data[-5] ^= 0xFF
    blob.write_bytes(bytes(data))
    code, verified, _ = cli(env, "evidence", "verify", added[0]["id"])
    assert code == 1
    assert verified["results"] == [{"id": added[0]["id"], "ok": False, "problem": "damaged"}]
    code, checked, _ = cli(env, "check")
    assert code == 1
    assert [c["name"] for c in checked["checks"] if not c["ok"]] == ["evidence_files"]
    out = tmp_path / "x.pdf"
    code, _, err = cli(env, "evidence", "extract", added[0]["id"], "-o", str(out))
    assert code == 1 and "INTEGRITY_FAILED" in err
    assert not out.exists()


def test_verify_needs_ids_or_all(env: tuple[Path, Path]) -> None:
    code, document, _err = cli(env, "evidence", "verify")
    assert code == 1
    assert document["error"]["code"] == "BAD_INPUT"
