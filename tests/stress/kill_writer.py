"""Child process of the kill loop: writes transactions forever and acknowledges each after commit.

It reads the store path and the raw key (hex) from stdin — never argv or the environment — then prints
one line per committed transaction. Each transaction writes three settings rows and one audit entry,
so a partial transaction is visible as a group of fewer than three rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from teiretsu_desktop.security import audit
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Setting
from teiretsu_desktop.store.paths import DataDir

ROWS_PER_TRANSACTION = 3


def main() -> None:
    root = Path(sys.stdin.readline().strip())
    key = DatabaseKey(bytes.fromhex(sys.stdin.readline().strip()))
    prefix = sys.stdin.readline().strip()
    store = Store.open(DataDir(root), key, migrate=False)
    n = 0
    while True:
        tx = f"{prefix}.{n}"
        with store.uow() as uow:
            for i in range(ROWS_PER_TRANSACTION):
                uow.session.add(Setting(key=f"kill.{tx}.{i}", value=str(n) * 200))
            audit.append(uow.session, actor_id=None, action="kill_test", target_id=tx)
            uow.commit()
        print(tx, flush=True)
        n += 1


if __name__ == "__main__":
    main()
