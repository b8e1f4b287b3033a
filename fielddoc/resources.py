"""The one place that finds the data folders shipped with fielddoc.

``migrations/``, ``resources/`` and ``ui/`` sit at the top of a source checkout (DESIGN.md
"Layout"). A wheel carries them inside the package as ``fielddoc/_data/<name>`` (see the
``force-include`` table in pyproject.toml), and a frozen application unpacks them next to the
executable's bundled files (``sys._MEIPASS`` for PyInstaller). No other module computes a
resource path: everything goes through :func:`data_dir` or :func:`resource_path`.

Failure behaviour: a missing folder raises :class:`~fielddoc.errors.FielddocError` with code
``RESOURCES_MISSING``; that is a packaging error, never a user error.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Literal

from fielddoc.errors import FielddocError

DataName = Literal["migrations", "resources", "ui"]

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourcesMissingError(FielddocError):
    code = "RESOURCES_MISSING"


def _candidates(name: DataName) -> list[Path]:
    found = [
        _PACKAGE_DIR / "_data" / name,  # installed wheel
        _PACKAGE_DIR.parent / name,  # source checkout (also editable installs)
    ]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if isinstance(frozen_root, str):
        found.insert(0, Path(frozen_root) / "fielddoc" / "_data" / name)
    return found


@cache
def data_dir(name: DataName) -> Path:
    """Absolute path of the shipped ``migrations``, ``resources`` or ``ui`` folder."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise ResourcesMissingError(f"The application's {name} folder is missing; reinstall fielddoc.")


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under ``resources/`` (e.g. ``resource_path("templates")``)."""
    return data_dir("resources").joinpath(*parts)


def migrations_dir() -> Path:
    return data_dir("migrations")


def ui_path(form: str) -> Path:
    """Path of a Qt Designer form in ``ui/`` (``ui_path("unlock.ui")``)."""
    return data_dir("ui") / form
