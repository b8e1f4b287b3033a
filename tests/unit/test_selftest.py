"""The installation self-test (``fielddoc self-test`` / ``fielddoc-gui --self-test``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fielddoc import selftest
from fielddoc.errors import UnlockError
from tests.conftest import CHEAP_KDF


def test_every_step_passes_and_the_folder_is_removed(tmp_path: Path) -> None:
    lines: list[str] = []
    assert selftest.run_self_test(lines.append, kdf=CHEAP_KDF, parent=tmp_path)
    assert [line.rsplit(" (", 1)[0] for line in lines[:-1]] == [
        f"ok   {name}" for name, _ in selftest.STEPS
    ]
    assert lines[-1].startswith("self-test passed in ")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_step_stops_the_run_reports_its_code_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(run: object) -> None:
        del run
        raise UnlockError

    steps = list(selftest.STEPS)
    steps[5] = (steps[5][0], broken)
    monkeypatch.setattr(selftest, "STEPS", tuple(steps))
    lines: list[str] = []
    assert not selftest.run_self_test(lines.append, kdf=CHEAP_KDF, parent=tmp_path)
    assert lines[5] == f"FAIL {steps[5][0]}: UNLOCK_FAILED: {UnlockError().message}"
    assert len(lines) == 7  # five passed steps, the failure, the verdict; nothing after it
    assert lines[-1].startswith("self-test FAILED")
    assert list(tmp_path.iterdir()) == []


def test_a_wrong_result_is_a_failure_not_a_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the search step must notice when the cross-script search finds nothing
    monkeypatch.setattr(selftest, "search", lambda conn, query: [])
    lines: list[str] = []
    assert not selftest.run_self_test(lines.append, kdf=CHEAP_KDF, parent=tmp_path)
    assert "FAIL write records, search across scripts: SELF_TEST_FAILED" in lines[4]
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_exception_is_named_by_type_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "Абдуллаев-secret-canary"

    def leaky(run: object) -> None:
        del run
        raise RuntimeError(secret)

    monkeypatch.setattr(selftest, "STEPS", (("leaky step", leaky),))
    lines: list[str] = []
    assert not selftest.run_self_test(lines.append, kdf=CHEAP_KDF, parent=tmp_path)
    assert lines[0] == "FAIL leaky step: RuntimeError"
    assert secret not in "\n".join(lines)


def test_the_cli_runs_it_at_the_kdf_floor(tmp_path: Path) -> None:
    env = {"TMPDIR": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "fielddoc", "self-test"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("self-test passed")
    assert list(tmp_path.iterdir()) == []
