"""The optional OS-keyring slot: quick re-unlock on one device (DESIGN §3, R-KEY-05).

Only backends that really protect a secret are used (Windows Credential Manager, macOS Keychain,
Secret Service, KWallet). Plaintext and null backends are refused with a reason, and where none exists
(headless Linux, CI) the application works with passphrases alone. Tests install an in-memory backend
through `use_test_backend()`, the only way to make the check accept a non-OS backend.
"""

from __future__ import annotations

import base64
import contextlib
import secrets
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.errors

from teiretsu_desktop.domain.errors import KeyringUnavailable

SERVICE = "TeiretsuDesktop"
# Largest blob Windows Credential Manager stores per credential (R-KEY-05).
MAX_BLOB_BYTES = 2560

SECURE_BACKENDS = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
    }
)

_test_backend: Any = None


def use_test_backend(backend: Any) -> None:
    """Explicit test mode: accept `backend` although it is not an OS keyring."""
    global _test_backend
    _test_backend = backend
    keyring.set_keyring(backend)


def _qualified(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


@dataclass(frozen=True)
class BackendStatus:
    usable: bool
    name: str
    reason: str


def backend_status() -> BackendStatus:
    backend = keyring.get_keyring()
    if _test_backend is not None and backend is _test_backend:
        return BackendStatus(True, _qualified(backend), "test backend")
    candidates = list(getattr(backend, "backends", [backend]))  # the chainer wraps several
    name = _qualified(candidates[0]) if candidates else _qualified(backend)
    if candidates and name in SECURE_BACKENDS:
        return BackendStatus(True, name, "")
    return BackendStatus(
        False,
        name,
        "安全なOSキーリングがありません。パスフレーズで解除してください / "
        f"No secure OS keyring is available ({name}); unlock with a passphrase.",
    )


def _account(db_id: str, slot_owner: str) -> str:
    return f"{db_id}/{slot_owner}"


def store_wrapping_key(db_id: str, staff_id: str) -> bytes:
    """Create a random wrapping key and keep it in the OS keyring; returns it for wrapping the DEK."""
    status = backend_status()
    if not status.usable:
        raise KeyringUnavailable(status.reason)
    key = secrets.token_bytes(32)
    blob = base64.b64encode(key).decode("ascii")
    assert len(blob) <= MAX_BLOB_BYTES
    try:
        keyring.set_password(SERVICE, _account(db_id, staff_id), blob)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(
            f"キーリングに保存できません / The keyring refused the secret ({exc})."
        ) from None
    return key


def fetch_wrapping_key(db_id: str, staff_id: str) -> bytes | None:
    """The wrapping key, or None when the entry is gone (new profile, new machine) or no backend."""
    if not backend_status().usable:
        return None
    try:
        blob = keyring.get_password(SERVICE, _account(db_id, staff_id))
    except keyring.errors.KeyringError:
        return None
    if not blob:
        return None
    try:
        return base64.b64decode(blob, validate=True)
    except ValueError:
        return None


def delete_wrapping_key(db_id: str, staff_id: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, _account(db_id, staff_id))
