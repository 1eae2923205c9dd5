"""Sensitive fields sealed inside the store, readable only by roles that hold the field key (ADR 0011).

Every staff passphrase unwraps the same database key, so a 事務 who opens the store outside the
application could read 罪名, 診断, 生活歴 and 支援経過 text. Those columns are therefore sealed again with
AES-256-GCM under a **field key** that only the slots of roles allowed to read them carry (管理者,
センター長, 相談員, and the recovery slot). A unit of work runs with its session's `FieldAccess`
(a context variable, so one thread's sessions never mix): with the key, values are sealed on write and
opened on read; without it they read as empty and cannot be written. A store made before this keeps
plaintext until `upgrade-keys` seals it (`sealed` is then on).
"""

from __future__ import annotations

import base64
import os
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

from teiretsu_desktop.domain.errors import CorruptStore, PermissionDenied

PREFIX = "sealed1:"
MARKER = "security.fields_sealed"
_AAD = b"teiretsu sealed field"


@dataclass(frozen=True)
class FieldAccess:
    sealed: bool  # the store keeps these fields sealed (made or upgraded since ADR 0011)
    key: bytes | None = None  # the field key, for roles that may read them


OPEN = FieldAccess(sealed=False)
current: ContextVar[FieldAccess] = ContextVar("teiretsu_field_access", default=OPEN)


def seal(key: bytes, text: str) -> str:
    nonce = os.urandom(12)
    return PREFIX + base64.b64encode(nonce + AESGCM(key).encrypt(nonce, text.encode("utf-8"), _AAD)).decode(
        "ascii"
    )


def unseal(key: bytes, stored: str) -> str:
    raw = base64.b64decode(stored[len(PREFIX) :])
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], _AAD).decode("utf-8")
    except (InvalidTag, ValueError):
        raise CorruptStore(
            "封をした項目を開けません (鍵が違います) / A sealed field does not open."
        ) from None


class SealedText(TypeDecorator[str]):
    """TEXT in the schema; sealed on write and opened on read with the unit of work's field key."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if value is None or value == "":
            return value  # (text typed to look sealed is sealed like any other: it cannot pass as sealed)
        access = current.get()
        if not access.sealed:
            return value
        if access.key is None:
            raise PermissionDenied(
                "この項目 (罪名・診断・生活歴・支援経過) を書き込む権限がありません / "
                "Your role may not write this field."
            )
        return seal(access.key, str(value))

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None or not str(value).startswith(PREFIX):
            return value  # plaintext of a store not yet upgraded
        access = current.get()
        if access.key is None:
            return None  # a role without the field key reads nothing at all
        return unseal(access.key, str(value))
