"""Failed unlock attempts, recorded outside the database (which cannot be opened without the key).

The file holds the time, the staff name typed and the method — no secret and no client data. The next
successful unlock moves each line into the audit chain and empties the file, so that every failure ends
up as exactly one audit entry. They drive the growing wait between attempts (security/unlock_throttle.py).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from teiretsu_desktop.store.atomic import atomic_write_bytes
from teiretsu_desktop.store.models import utc_now

MAX_LINES_KEPT = 1000


@dataclass(frozen=True)
class Failure:
    at: str
    login: str | None
    method: str


def record(path: Path, *, login: str | None, method: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"at": utc_now(), "login": login, "method": method}, ensure_ascii=False) + "\n"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


def read(path: Path) -> list[Failure]:
    if not path.exists():
        return []
    failures: list[Failure] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines()[-MAX_LINES_KEPT:]:
        try:
            data = json.loads(raw)
            failures.append(Failure(str(data["at"]), data.get("login"), str(data.get("method", "?"))))
        except (ValueError, KeyError, TypeError):
            continue  # a torn last line after a crash is not worth refusing an unlock for
    return failures


def clear(path: Path) -> None:
    if path.exists():
        atomic_write_bytes(path, b"")
