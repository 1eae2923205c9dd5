"""The one unlock throttle, used by the GUI and the CLI alike.

After repeated failed unlocks for a staff name, the next attempt is allowed only at a computed time:
the last failure plus a delay that grows with the number of recent failures. An attempt before then is
refused *without checking the passphrase* (so a guesser gains nothing by trying anyway, and pressing
Enter during the wait does not skip it). Once the time has come, one attempt is allowed at once; only
a further failure starts a longer wait.

The clock is injected, so tests move time instead of sleeping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from teiretsu_desktop.domain.errors import TooManyAttempts
from teiretsu_desktop.security import unlock_failures

WINDOW = timedelta(minutes=15)  # failures older than this no longer count
FREE_ATTEMPTS = 3  # typing mistakes: no wait before the 4th attempt
MAX_DELAY = timedelta(seconds=60)


def delay_after(failures: int) -> timedelta:
    """No wait for the first three failures, then 2, 4, 8 … seconds, at most 60."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(MAX_DELAY, timedelta(seconds=2 ** (failures - FREE_ATTEMPTS + 1)))


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class UnlockThrottle:
    failures_file: Path
    clock: Callable[[], datetime] = field(default=_utc_now)

    def _recent(self, login: str | None) -> list[datetime]:
        now = self.clock()
        times = []
        for failure in unlock_failures.read(self.failures_file, now=now):
            if failure.login != login:
                continue
            try:
                when = datetime.strptime(failure.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
            except ValueError:
                continue
            # A line dated in the future cannot be a real failure; it must not force a wait.
            if now - WINDOW <= when <= now + timedelta(minutes=1):
                times.append(when)
        return sorted(times)

    def allowed_at(self, login: str | None) -> datetime:
        """When the next attempt for `login` may be made (now or earlier: at once)."""
        recent = self._recent(login)
        if not recent:
            return self.clock()
        return recent[-1] + delay_after(len(recent))

    def wait_seconds(self, login: str | None) -> int:
        """Whole seconds until the next attempt is allowed (0: now)."""
        left = (self.allowed_at(login) - self.clock()).total_seconds()
        return max(0, int(left + 0.999))

    def check(self, login: str | None) -> None:
        """Refuse an attempt made before its time; called before any passphrase is looked at."""
        seconds = self.wait_seconds(login)
        if seconds > 0:
            raise TooManyAttempts(seconds)
