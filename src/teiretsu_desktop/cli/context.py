"""What every admin command gets: the data directory, who acts, and how to read secrets."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from teiretsu_desktop.cli.secrets_input import SecretSource
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import resolve_login, unlock_with_passphrase
from teiretsu_desktop.security.unlock_throttle import UnlockThrottle
from teiretsu_desktop.store.paths import DataDir


@dataclass
class CliContext:
    data_dir: DataDir
    user: str | None
    passphrase_stdin: bool
    secrets: SecretSource = field(init=False)
    _sessions: list[StaffSession] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.secrets = SecretSource(from_stdin=self.passphrase_stdin)

    def login(self) -> str:
        return resolve_login(self.data_dir, self.user)

    def unlock(self, *, for_inspection: bool = False) -> StaffSession:
        """Ask for the acting staff member's passphrase and unlock. After repeated failures the command
        waits until the throttle allows the next attempt (the same throttle as the GUI's)."""
        login = self.login()
        throttle = UnlockThrottle(self.data_dir.unlock_failures)
        time.sleep(throttle.wait_seconds(login))
        passphrase = self.secrets.existing(f"{login} のパスフレーズ / passphrase")
        session = unlock_with_passphrase(
            self.data_dir, login, passphrase, for_inspection=for_inspection, throttle=throttle
        )
        self._sessions.append(session)
        return session

    def adopt(self, session: StaffSession) -> None:
        """Track a session made elsewhere (a key rotation returns a new one) so that it is locked at exit."""
        self._sessions.append(session)

    def close(self) -> None:
        for session in self._sessions:
            if not session.locked:
                try:
                    session.lock()
                except Exception:
                    session.store.close()
        self._sessions.clear()
