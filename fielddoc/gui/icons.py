"""fielddoc's own icons: hand-drawn SVG files in ``resources/icons/``, loaded by name.

``icon("lock")`` is ``resources/icons/lock.svg`` as a :class:`QIcon`. Qt renders SVG icons
through its QtSvg image plugin at whatever size and device pixel ratio a widget asks for, so
one file serves the 16 px side bar, a 2x screen and the 256 px application icon alike.

Invariants: the path comes only from :func:`fielddoc.resources.resource_path` (the one module
that finds ``resources/``); each name is loaded once per process and the same ``QIcon`` is
handed out afterwards; every name asked for is remembered (:func:`requested`) so a test can
compare the names the GUI uses with the files that ship.

Failure behaviour: an unknown or malformed name is a programming error that the icon tests
catch; at run time it never raises. The caller gets an empty ``QIcon`` (Qt then draws no
icon) and one warning naming the icon is logged, never a path, which would contain the
user's home folder.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtGui import QIcon

from fielddoc.errors import FielddocError
from fielddoc.resources import resource_path

logger = logging.getLogger(__name__)

# lower-case words joined by "_": keeps a name from reaching outside resources/icons
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_CACHE: dict[str, QIcon] = {}


def icon_file_names() -> frozenset[str]:
    """Names of the icon files that ship (``resources/icons/*.svg`` without the suffix)."""
    try:
        folder = resource_path("icons")
    except FielddocError:
        return frozenset()
    return frozenset(path.stem for path in folder.glob("*.svg"))


def icon(name: str) -> QIcon:
    """The icon called ``name``; an empty ``QIcon`` if there is no such file (see above).

    Must be called after the ``QApplication`` exists, as for any ``QIcon``.
    """
    cached = _CACHE.get(name)
    if cached is not None:
        return cached
    loaded = QIcon()
    if _NAME.fullmatch(name) is None:
        logger.warning("icon name is not valid: %r", name[:40])
    else:
        try:
            path = resource_path("icons", f"{name}.svg")
        except FielddocError:
            path = None
        if path is not None and path.is_file():
            loaded = QIcon(str(path))
        else:
            logger.warning("icon is missing: %s", name)
    _CACHE[name] = loaded
    return loaded


def requested() -> frozenset[str]:
    """Every name :func:`icon` was asked for in this process, found or not."""
    return frozenset(_CACHE)
