"""Failed unlock attempts, recorded outside the database (which cannot be opened without the key).

The file holds the time, a staff name *that exists* (whatever else was typed in the name box — a
client's name, a passphrase in the wrong box — is never written; the line says only that the name was
unknown) and the method. It is readable by its owner only (0600). Anyone who can write the file could
add lines, so a line is only a report: when the next successful unlock moves the lines into the audit
chain, each is marked unauthenticated and dated by that unlock (its claimed time kept beside it);
lines with unknown fields or impossible times are dropped and counted. The lines also drive the
growing wait between attempts (security/unlock_throttle.py), which ignores lines dated in the future.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from teiretsu_desktop.store.atomic import atomic_write_bytes
from teiretsu_desktop.store.stamps import utc_now

MAX_LINES_KEPT = 1000
METHODS = frozenset({"passphrase", "keyring", "recovery"})
FIELDS = frozenset({"at", "login", "method", "unknown_login"})
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
MAX_AGE = timedelta(days=366)
MAX_LOGIN = 64


@dataclass(frozen=True)
class Failure:
    at: str
    login: str | None
    method: str
    unknown_login: bool = False


@dataclass(frozen=True)
class Failures:
    valid: list[Failure]
    discarded: int  # lines that were not what this program writes


def record(path: Path, *, login: str | None, method: str, unknown_login: bool = False) -> None:
    """Append one failure. `login` must be a staff name that exists (or None), never raw input."""
    path.parent.mkdir(parents=True, exist_ok=True)
    entry: dict[str, object] = {"at": utc_now(), "login": None if unknown_login else login, "method": method}
    if unknown_login:
        entry["unknown_login"] = True
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.fchmod(fd, 0o600)  # a file made by an earlier version may be 0644
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def _parse(raw: str, now: datetime) -> Failure | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) - FIELDS or not {"at", "method"} <= set(data):
        return None
    at, login, method, unknown = (
        data["at"],
        data.get("login"),
        data["method"],
        data.get("unknown_login", False),
    )
    if not isinstance(at, str) or method not in METHODS or not isinstance(unknown, bool):
        return None
    if login is not None and (not isinstance(login, str) or not 0 < len(login) <= MAX_LOGIN):
        return None
    try:
        when = datetime.strptime(at, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    if not now - MAX_AGE <= when <= now + timedelta(minutes=1):
        return None  # a failure cannot come from the future, nor be older than the audit could show
    return Failure(at, login, method, unknown)


def read_all(path: Path, *, now: datetime | None = None) -> Failures:
    if not path.exists():
        return Failures([], 0)
    moment = now or datetime.now(UTC)
    valid: list[Failure] = []
    discarded = 0
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    discarded += max(0, len(lines) - MAX_LINES_KEPT)
    for raw in lines[-MAX_LINES_KEPT:]:
        if not raw.strip():
            continue
        failure = _parse(raw, moment)
        if failure is None:
            discarded += 1  # a torn last line after a crash, or a line nobody should have written
        else:
            valid.append(failure)
    return Failures(valid, discarded)


def read(path: Path, *, now: datetime | None = None) -> list[Failure]:
    return read_all(path, now=now).valid


def clear(path: Path) -> None:
    if path.exists():
        atomic_write_bytes(path, b"", 0o600)
