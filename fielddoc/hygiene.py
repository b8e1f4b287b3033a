"""Process hygiene applied at the start of every fielddoc process (CLI and GUI).

- ``umask 077``: anything the process creates is private to the user.
- core dumps off (``RLIMIT_CORE = 0``) and, on Linux, ``PR_SET_DUMPABLE = 0``, so a crash
  never writes memory (keys, decrypted text) to disk and other processes of the same user
  cannot ptrace us.
- an exception hook that reports the exception TYPE and, for our typed errors, the stable
  code, never the message or traceback values, which may contain record content.

Each step is best effort: where the platform lacks a facility the step is skipped.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
import warnings
from types import TracebackType
from typing import TextIO

from fielddoc.errors import FielddocError

PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def describe_exception(exc: BaseException) -> str:
    """A content-free one-line description: type and, for our errors, the stable code."""
    if isinstance(exc, FielddocError):
        return f"{type(exc).__name__} [{exc.code}]"
    return type(exc).__name__


def install_excepthook(stream: TextIO | None = None) -> None:
    """Replace ``sys.excepthook``: print only the exception type and code."""

    def hook(
        _exc_type: type[BaseException],
        exc: BaseException,
        _tb: TracebackType | None,
    ) -> None:
        out = stream or sys.stderr
        out.write(f"fielddoc: internal error: {describe_exception(exc)}\n")
        out.flush()

    sys.excepthook = hook


def quiet_libraries() -> None:
    """Pillow warns and logs about damaged images on stderr; evidence files are often damaged
    and the messages help no one, so they are silenced (our own errors say what failed)."""
    warnings.filterwarnings("ignore", module=r"PIL(\..*)?")
    logging.getLogger("PIL").setLevel(logging.CRITICAL + 1)


def harden_process() -> None:
    """Everything above; call first thing in every entry point."""
    os.umask(0o077)
    disable_core_dumps()
    install_excepthook()
    quiet_libraries()
