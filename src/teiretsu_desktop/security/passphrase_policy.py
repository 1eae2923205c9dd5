"""What a staff passphrase must be. Checked when set, never when unlocking.

Length alone let 1234567890, password12 and qwertyuiop through, and one slot opens the whole store,
so a new passphrase also needs a strength estimate of at least "safely unguessable" offline
(zxcvbn score 3, about 10^8 guesses), judged with the staff name and display name as known words.
The explanation is in Japanese (with an English tail like every other message).
"""

from __future__ import annotations

import re
import unicodedata

from zxcvbn import zxcvbn

from teiretsu_desktop.domain.errors import InvalidInput

MIN_LENGTH = 12
MIN_SCORE = 3
MAX_LENGTH = 256

# zxcvbn's warnings, said in Japanese; anything else gets the general explanation.
WARNINGS = {
    "This is a top-10 common password.": "よく使われるパスワードの上位10件に入っています。",
    "This is a top-100 common password.": "よく使われるパスワードの上位100件に入っています。",
    "This is a very common password.": "とてもよく使われるパスワードです。",
    "This is similar to a commonly used password.": "よく使われるパスワードに似ています。",
    "A word by itself is easy to guess.": "単語ひとつだけでは推測されやすいです。",
    "Names and surnames by themselves are easy to guess.": "名前や名字だけでは推測されやすいです。",
    "Common names and surnames are easy to guess.": "よくある名前や名字は推測されやすいです。",
    "Straight rows of keys are easy to guess.": "キーボードの並び（qwerty など）は推測されやすいです。",
    "Short keyboard patterns are easy to guess.": "短いキーボードの並びは推測されやすいです。",
    'Repeats like "aaa" are easy to guess.': "同じ文字の繰り返しは推測されやすいです。",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': "同じ並びの繰り返しは推測されやすいです。",
    "Sequences like abc or 6543 are easy to guess.": "abc や 6543 のような連続は推測されやすいです。",
    "Recent years are easy to guess.": "最近の年号は推測されやすいです。",
    "Dates are often easy to guess.": "日付は推測されやすいです。",
}
ADVICE = (
    "関係のない単語を3つ以上つなげる（例: みかん-自転車-雲-42）と、覚えやすく強いパスフレーズになります。"
)


def normalize(passphrase: str) -> str:
    """NFC, so that the same Japanese passphrase typed through different IMEs derives the same key."""
    return unicodedata.normalize("NFC", passphrase)


def check_new(passphrase: str, *, login: str, known_words: tuple[str, ...] = ()) -> str:
    value = normalize(passphrase)
    if len(value) < MIN_LENGTH:
        raise InvalidInput(
            f"パスフレーズは{MIN_LENGTH}文字以上にしてください。{ADVICE}"
            f" / A passphrase needs at least {MIN_LENGTH} characters."
        )
    if len(value) > MAX_LENGTH:
        raise InvalidInput(f"パスフレーズは{MAX_LENGTH}文字までです / At most {MAX_LENGTH} characters.")
    if value.strip().lower() == login.strip().lower():
        raise InvalidInput(
            "パスフレーズにスタッフ名は使えません / The passphrase must not be the staff name."
        )
    # Names count as known words one by one: "takahashi-hanako" is weak for 高橋 花子 (takahashi hanako).
    words = [w for text in (login, *known_words) for w in re.split(r"[\s\-_.・、]+", text.lower()) if w]
    parts = [p for p in re.split(r"[\W_]+", value.lower()) if p]
    if parts and all(p in words or p.isdigit() for p in parts):
        raise InvalidInput(
            f"このパスフレーズは弱すぎます: スタッフ名や氏名（と数字）だけでできています。{ADVICE}"
            " / The passphrase is made of your own names."
        )
    estimate = zxcvbn(value, user_inputs=words)
    if int(estimate["score"]) < MIN_SCORE:
        warning = str(estimate["feedback"].get("warning") or "")
        reason = WARNINGS.get(warning, "推測されやすいパスフレーズです。")
        raise InvalidInput(
            f"このパスフレーズは弱すぎます: {reason}{ADVICE} / This passphrase is too easy to guess."
        )
    return value
