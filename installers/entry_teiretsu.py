"""Frozen entry point of the desktop application (windowed)."""

import sys

from teiretsu_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
