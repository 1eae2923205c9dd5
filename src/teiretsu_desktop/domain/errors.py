"""Typed errors with a message a person can act on.

Every expected failure in the product is one of these. The CLI prints `user_message` on one line and
exits with `exit_code`; the GUI shows it in a dialog. Messages never contain personal data: callers
name records by id, never by a person's name.
"""

from __future__ import annotations


class TeiretsuError(Exception):
    """Base of all expected failures. `str()` is the user-facing message (Japanese / English)."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


class StoreNotFound(TeiretsuError):
    exit_code = 3


class StoreExists(TeiretsuError):
    exit_code = 3


class WrongCredentials(TeiretsuError):
    """A passphrase, recovery key or keyring secret did not unwrap the database key."""

    exit_code = 4


class TooManyAttempts(TeiretsuError):
    """An unlock attempted before the throttle allows it; the passphrase was not checked."""

    exit_code = 4

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(
            f"失敗が続いたため、あと {wait_seconds} 秒お待ちください / "
            f"Too many failed attempts; wait {wait_seconds} seconds."
        )
        self.wait_seconds = wait_seconds


class NotADatabase(TeiretsuError):
    """The key was accepted by the slot but the database file does not open with it (corrupt or replaced)."""

    exit_code = 5


class SchemaTooNew(TeiretsuError):
    exit_code = 6


class CorruptStore(TeiretsuError):
    exit_code = 5


class StoreLocked(TeiretsuError):
    """Any store access while the application is locked."""

    exit_code = 7


class AlreadyRunning(TeiretsuError):
    exit_code = 8


class PermissionDenied(TeiretsuError):
    exit_code = 9


class InvalidInput(TeiretsuError):
    exit_code = 2


class KeyringUnavailable(TeiretsuError):
    exit_code = 10


class BackupError(TeiretsuError):
    exit_code = 11


class DiskFull(TeiretsuError):
    exit_code = 12


class Cancelled(TeiretsuError):
    """The person stopped a long use case; its transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("取り消しました。何も書き込んでいません / Cancelled; nothing was written.")


class SyncRefused(TeiretsuError):
    """A change packet, or a sync step, that is refused: nothing of it was applied."""

    exit_code = 12

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = (
            reason  # a short code: malformed, foreign, unknown_device, revoked, signature, key, apply
        )
