"""Child process: saves visit-note drafts and commits them, one case after another, until killed.

Reads from stdin: data directory, staff name, passphrase, then one case id per line (ended by an empty
line). For each case it autosaves a draft, prints "draft <case>", commits it (note written and draft
removed in one transaction) and prints "note <case>". The parent kills it at a random moment.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import activities
from teiretsu_desktop.store.paths import DataDir


def main() -> None:
    root, login, passphrase = (sys.stdin.readline().rstrip("\n") for _ in range(3))
    case_ids = []
    while line := sys.stdin.readline().strip():
        case_ids.append(line)
    session = unlock_with_passphrase(DataDir(Path(root)), login, passphrase)
    print("ready", flush=True)
    for case_id in case_ids:
        activities.save_draft(
            session, case_id, kind=ActivityKind.INTERVIEW, place=None, text=f"面接メモ {case_id}"
        )
        print(f"draft {case_id}", flush=True)
        activities.commit_draft(session, case_id, occurred_at=datetime(2024, 6, 1, 10, 0))
        print(f"note {case_id}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
