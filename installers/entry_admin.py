"""Frozen entry point of teiretsu-admin (console)."""

import sys

from teiretsu_desktop.cli.admin import main

if __name__ == "__main__":
    sys.exit(main())
