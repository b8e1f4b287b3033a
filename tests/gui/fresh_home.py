"""An empty home for a child process that starts as ``fielddoc-gui`` starts: ``HOME``, every XDG
folder and ``TMPDIR`` inside one folder, so a test can afterwards list and grep everything the
app wrote."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import ROOT


def fresh_home(tree: Path) -> dict[str, Path]:
    """Create ``tree`` with an empty home, runtime and temp folder; the environment variables
    that point into it (the XDG folders under home are left for the app to create)."""
    home = tree / "home"
    env_dirs = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": tree / "run",
        "TMPDIR": tree / "tmp",
    }
    for folder in (tree, home, env_dirs["XDG_RUNTIME_DIR"], env_dirs["TMPDIR"]):
        folder.mkdir(mode=0o700)
    return env_dirs


def child_env(env_dirs: dict[str, Path]) -> dict[str, str]:
    """This process's environment without its XDG settings, pointed at ``env_dirs``, offscreen,
    with the source tree importable."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update({key: str(value) for key, value in env_dirs.items()})
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    return env
