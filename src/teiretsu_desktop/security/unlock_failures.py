"""Failed unlock attempts, recorded outside the database (which cannot be opened without the key).

The file holds the time, the staff name typed and the method — no secret and no client data. The next
successful unlock moves each line into the audit chain and empties the file, so that every failure ends
up as exactly one audit entry. The recent count drives the growing delay between attempts.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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


def recent_count(path: Path, *, login: str | None, within: timedelta = timedelta(minutes=15)) -> int:
    cutoff = datetime.now(UTC) - within
    count = 0
    for failure in read(path):
        try:
            when = datetime.strptime(failure.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue
        if when >= cutoff and failure.login == login:
            count += 1
    return count


def delay_seconds(failures: int) -> float:
    """Growing delay before the next attempt: none for the first 3, then 2, 4, 8 … up to 60 seconds."""
    if failures < 3:
        return 0.0
    return float(min(60, 2 ** (failures - 2)))
