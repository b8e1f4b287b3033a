"""Frozen entry point of the command line (``fielddoc``)."""

import sys

from fielddoc.cli import main

if __name__ == "__main__":
    sys.exit(main())
