"""Child process: applies the change packets of a folder to a device's store, until killed.

Reads from stdin: data directory, staff name, passphrase, folder. Prints "ready" once unlocked, then
"done" when every packet is applied. The parent kills it at a random moment in between.
"""

from __future__ import annotations

import sys
from pathlib import Path

from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services.sync import exchange
from teiretsu_desktop.store.paths import DataDir


def main() -> None:
    root, login, passphrase, folder = (sys.stdin.readline().rstrip("\n") for _ in range(4))
    session = unlock_with_passphrase(DataDir(Path(root)), login, passphrase)
    print("ready", flush=True)
    report = exchange.import_folder(session, Path(folder))
    print(f"done {report.applied}", flush=True)


if __name__ == "__main__":
    main()
