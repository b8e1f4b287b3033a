"""Checks on a frozen build; collected only by ``make package-check``.

They need a build (``FIELDDOC_FROZEN`` = the PyInstaller folder, set by the make target), so a
normal ``make test`` does not collect them at all rather than skipping them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

collect_ignore_glob = [] if os.environ.get("FIELDDOC_FROZEN") else ["test_*.py"]


@pytest.fixture(scope="session")
def frozen() -> Path:
    folder = Path(os.environ["FIELDDOC_FROZEN"]).resolve()
    assert (folder / "fielddoc-gui").is_file(), f"no frozen build in {folder}"
    return folder
