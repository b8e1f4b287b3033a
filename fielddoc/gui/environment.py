"""Process set-up that must happen BEFORE ``QApplication`` exists (DESIGN.md "Desktop hygiene").

- process hygiene from the core (umask 077, no core dumps, content-free exception hook);
- ``QSettings`` redirected (INI and native formats, both scopes) into fielddoc's private app
  folder. Qt's file dialog saves its state (folders browsed, last folder) through a
  native-format ``QSettings``, whatever the default format, so redirecting INI alone would
  leave it in ``~/.config/QtProject.conf``. ``setPath`` moves the native format on Linux and
  the BSDs only; on Windows (registry) and macOS (plist) the dialogs module's clean-up is the
  protection: it empties the dialog's state before Qt saves it and scrubs it right after;
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
    for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(target))
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    return target
