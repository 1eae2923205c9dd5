"""Child process for the rekey crash test: reads path, old and new key (hex) from stdin, says
"start" and re-encrypts the file."""

from __future__ import annotations

import sys
from pathlib import Path

from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.rekey import rekey_file


def main() -> None:
    path = Path(sys.stdin.readline().strip())
    old = DatabaseKey(bytes.fromhex(sys.stdin.readline().strip()))
    new = DatabaseKey(bytes.fromhex(sys.stdin.readline().strip()))
    print("start", flush=True)
    rekey_file(path, old, new)
    print("done", flush=True)


if __name__ == "__main__":
    main()
