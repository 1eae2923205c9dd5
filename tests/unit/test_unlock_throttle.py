"""The one unlock throttle (security/unlock_throttle.py), with an injected clock: no sleeping.

Reproduces issue 11: after the wait had passed, the next attempt started another wait (retries were
impossible for 15 minutes), and the GUI and the CLI used different policies.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from teiretsu_desktop.domain.errors import TooManyAttempts
from teiretsu_desktop.security.unlock_throttle import UnlockThrottle, delay_after

T0 = datetime(2026, 11, 27, 9, 0, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def fail(path: Path, at: datetime, login: str = "sato") -> None:
    with open(path, "a", encoding="utf-8") as handle:
        stamp = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        handle.write(json.dumps({"at": stamp, "login": login, "method": "passphrase"}) + "\n")


def test_the_delay_grows_and_is_capped() -> None:
    assert [delay_after(n).total_seconds() for n in range(1, 10)] == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_the_next_attempt_is_allowed_once_the_wait_has_passed(tmp_path: Path) -> None:
    path, clock = tmp_path / "failures.jsonl", Clock()
    throttle = UnlockThrottle(path, clock=clock)
    for _ in range(3):
        fail(path, clock.now)
    assert throttle.wait_seconds("sato") == 2
    with pytest.raises(TooManyAttempts) as refused:
        throttle.check("sato")
    assert refused.value.wait_seconds == 2 and "2 秒" in str(refused.value)
    clock.now += timedelta(seconds=2)
    throttle.check("sato")  # allowed at once: no new wait starts by asking
    assert throttle.wait_seconds("sato") == 0
    fail(path, clock.now)  # only a further failure waits longer
    assert throttle.wait_seconds("sato") == 4
    assert throttle.wait_seconds("admin") == 0  # another staff name is not held up


def test_old_and_future_failures_do_not_count(tmp_path: Path) -> None:
    path, clock = tmp_path / "failures.jsonl", Clock()
    for minutes in (20, 19, 18, 17):
        fail(path, clock.now - timedelta(minutes=minutes))
    for _ in range(5):
        fail(path, clock.now + timedelta(days=3))  # planted: cannot be a real failure
    assert UnlockThrottle(path, clock=clock).wait_seconds("sato") == 0
