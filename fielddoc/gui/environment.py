"""Process set-up that must happen BEFORE ``QApplication`` exists (DESIGN.md "Desktop hygiene").

- process hygiene from the core (umask 077, no core dumps, content-free exception hook);
- ``QSettings`` redirected (INI format, user scope) into fielddoc's private app folder, so Qt's
  own file-dialog state never lands in ``~/.config/QtProject.conf``; the dialogs module also
  scrubs that state after every dialog;
- caches Qt and Mesa would otherwise write under ``$HOME`` are switched off.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QSettings

from fielddoc.fsutil import make_private_dir
from fielddoc.hygiene import harden_process

ORGANISATION = "fielddoc"
APPLICATION = "fielddoc"


def app_folder() -> Path:
    """``<user data dir>/fielddoc/app``: the only place fielddoc writes outside vaults."""
    return Path(platformdirs.user_data_dir("fielddoc", appauthor=False)) / "app"


def prepare(folder: Path | None = None) -> Path:
    harden_process()
    target = folder or app_folder()
    make_private_dir(target)
    os.environ.setdefault("MESA_SHADER_CACHE_DISABLE", "true")
    os.environ.setdefault("QT_ENABLE_REGEXP_JIT", "0")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(target))
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    return target
