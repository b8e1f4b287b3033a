"""Canary test: unique strings written through records must never appear in plaintext on disk.

30 canaries (Cyrillic, Kyrgyz, Latin) go into titles, narratives and names through the real
CLI, each is searched, then every file under the vault, the process's temp folder and its
home folder is searched for each canary in UTF-8 and UTF-16LE: 0 hits. The harness is
checked too: a control file holding one canary is found by the same grep.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from tests.conftest import PASSPHRASE, make_vault, run_cli


def canaries(count: int = 30) -> list[str]:
    stems = ["Канарейка", "Тоорукчу", "Canary", "Жээнбекова", "Өмүрбек"]
    return [f"{stems[i % len(stems)]}{secrets.token_hex(6)}" for i in range(count)]


def hits(folder: Path, needles: list[str]) -> list[tuple[str, str]]:
    found = []
    forms = [(n, n.encode("utf-8")) for n in needles] + [
        (n, n.encode("utf-16-le")) for n in needles
    ]
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle, form in forms:
            if form in data:
                found.append((str(path), needle))
    return found


def test_record_canaries_never_reach_disk_in_clear(tmp_path: Path) -> None:
    handle = make_vault(tmp_path / "vault")
    handle.vault.close()
    secret = tmp_path / "secret" / "pass.txt"
    secret.parent.mkdir()
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    temp = tmp_path / "tmp"
    home = tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    env = {"TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp), "HOME": str(home)}
    words = canaries()
    inputs = tmp_path / "inputs"
    inputs.mkdir()

    def cli(*args: str) -> dict[str, object] | list[dict[str, object]]:
        result = run_cli(
            "--vault", str(handle.path), "--passphrase-file", str(secret), *args, "--json", env=env
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    ids = []
    for index in range(0, len(words), 3):
        title, narrative, name = words[index : index + 3]
        body = inputs / f"{index}.json"
        body.write_text(json.dumps({"name": name}), encoding="utf-8")
        cli("record", "add", "person", "--json-file", str(body))
        body.write_text(
            json.dumps({"title": title, "narrative": f"Свидетель {narrative} сообщил"}),
            encoding="utf-8",
        )
        added = cli("record", "add", "testimony", "--json-file", str(body))
        assert isinstance(added, dict)
        ids.append(added["id"])
        body.write_text(
            json.dumps({"title": title, "narrative": f"Правка: {narrative}"}), encoding="utf-8"
        )
        cli("record", "edit", str(added["id"]), "--json-file", str(body))
        body.unlink()
    for word in words:
        found = cli("search", word)
        assert isinstance(found, list) and len(found) == 1, word  # searchable, so really stored
    cli("check")

    assert hits(handle.path, words) == []
    assert hits(temp, words) == []
    assert hits(home, words) == []
    # the harness would have seen a canary written in clear, in either encoding
    control = tmp_path / "control"
    control.mkdir()
    (control / "a").write_bytes(b"xx" + words[7].encode("utf-8") + b"yy")
    (control / "b").write_bytes(words[8].encode("utf-16-le"))
    assert sorted(n for _, n in hits(control, words)) == sorted([words[7], words[8]])
