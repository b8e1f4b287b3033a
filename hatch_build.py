"""Wheel build hook: compile Qt translations (resources/translations/*.ts -> .qm).

The .qm files are build products, never edited or committed (.gitignore); ``make
translations`` makes the same files for a source checkout. The hook writes them next to their
sources before the files are collected, so the force-included resources/ folder carries them.
Uses the lrelease shipped inside PySide6.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, _version: str, build_data: dict[str, Any]) -> None:
        import PySide6

        lrelease = Path(PySide6.__file__).parent / "lrelease"
        root = Path(self.root)
        for source in sorted((root / "resources" / "translations").glob("*.ts")):
            target = source.with_suffix(".qm")
            # our own .ts files and the lrelease inside the PySide6 package
            command = [str(lrelease), "-silent", str(source), "-qm", str(target)]
            subprocess.run(command, check=True)  # noqa: S603
        # the resources/ folder is force-included whole (pyproject), .qm files with it
        del build_data
