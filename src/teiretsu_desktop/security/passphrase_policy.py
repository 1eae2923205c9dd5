"""What a staff passphrase must be. Checked when set, never when unlocking."""

from __future__ import annotations

import unicodedata

from teiretsu_desktop.domain.errors import InvalidInput

MIN_LENGTH = 10


def normalize(passphrase: str) -> str:
    """NFC, so that the same Japanese passphrase typed through different IMEs derives the same key."""
    return unicodedata.normalize("NFC", passphrase)


def check_new(passphrase: str, *, login: str) -> str:
    value = normalize(passphrase)
    if len(value) < MIN_LENGTH:
        raise InvalidInput(
            f"パスフレーズは{MIN_LENGTH}文字以上にしてください / A passphrase needs at least {MIN_LENGTH} characters."
        )
    if value.strip().lower() == login.strip().lower():
        raise InvalidInput(
            "パスフレーズにスタッフ名は使えません / The passphrase must not be the staff name."
        )
    if len(set(value)) < 4:
        raise InvalidInput("パスフレーズが単純すぎます / The passphrase is too simple.")
    return value
