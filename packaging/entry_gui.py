"""Frozen entry point of the desktop application (``fielddoc-gui``)."""

import sys

from fielddoc.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
