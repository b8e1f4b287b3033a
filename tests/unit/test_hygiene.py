from __future__ import annotations

import io
import subprocess
import sys

from fielddoc.errors import UnlockError
from fielddoc.hygiene import describe_exception, install_excepthook


def test_describe_never_includes_the_message() -> None:
    secret = "Абдуллаев was beaten"
    assert secret not in describe_exception(ValueError(secret))
    assert describe_exception(UnlockError()) == "UnlockError [UNLOCK_FAILED]"


def test_excepthook_prints_type_only() -> None:
    stream = io.StringIO()
    saved = sys.excepthook
    try:
        install_excepthook(stream)
        try:
            raise RuntimeError("record text: Жээнбеков")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = saved
    assert stream.getvalue() == "fielddoc: internal error: RuntimeError\n"


def test_harden_process_in_a_child() -> None:
    code = (
        "import os, resource\n"
        "from fielddoc.hygiene import harden_process\n"
        "harden_process()\n"
        "print(oct(os.umask(0)))\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
        "for line in open('/proc/self/status'):\n"
        "    pass\n"
        "raise ValueError('secret content Бермет')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "0o77"
    assert lines[1] == "(0, 0)"
    assert "Бермет" not in result.stderr
    assert result.stderr.strip() == "fielddoc: internal error: ValueError"
    if sys.platform.startswith("linux"):
        dumpable = subprocess.run(
            [
                sys.executable,
                "-c",
                (
                    "import ctypes; from fielddoc.hygiene import harden_process; harden_process();"
                    "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))"
                ),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert dumpable == "0"  # PR_GET_DUMPABLE
