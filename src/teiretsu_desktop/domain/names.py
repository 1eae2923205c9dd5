"""Japanese-aware name normalisation for search and duplicate detection.

Folding: NFKC (half-width ｶﾅ → カナ, full-width letters → ASCII), katakana → hiragana, common old and
variant kanji → their ordinary form (髙→高, 﨑→崎, 邊/邉→辺, …), no spaces or middle dots, lower case.
The same function is applied to stored names and to what is typed, so やまだ/ヤマダ/ﾔﾏﾀﾞ match each other.
"""

from __future__ import annotations

import unicodedata

# Variant (異体字) → ordinary form, for the characters that most often differ in Japanese surnames.
# Unicode NFKC already folds compatibility ideographs such as 﨑 (U+FA11) in some fonts but not all.
VARIANTS: dict[str, str] = {
    "髙": "高",
    "﨑": "崎",
    "嵜": "崎",
    "碕": "崎",
    "邊": "辺",
    "邉": "辺",
    "齋": "斎",
    "齊": "斎",
    "斉": "斎",
    "濵": "浜",
    "濱": "浜",
    "澤": "沢",
    "廣": "広",
    "櫻": "桜",
    "國": "国",
    "眞": "真",
    "實": "実",
    "惠": "恵",
    "榮": "栄",
    "藏": "蔵",
    "冨": "富",
    "德": "徳",
    "彌": "弥",
    "龍": "竜",
    "嶋": "島",
    "嶌": "島",
    "槇": "槙",
    "瀨": "瀬",
    "靜": "静",
    "曾": "曽",
    "淺": "浅",
    "舘": "館",
    "𠮷": "吉",
}

_KATA_START, _KATA_END = ord("ァ"), ord("ヶ")
_DROP = set(" \u3000・･.·-‐")  # spaces and separators; the long-vowel mark ー is kept


def _kata_to_hira(ch: str) -> str:
    code = ord(ch)
    return chr(code - 0x60) if _KATA_START <= code <= _KATA_END else ch


def _key_table() -> dict[int, str | None]:
    """What each character becomes in a key, for str.translate: dropped (spaces — every one is below
    U+3001 —, separators, variation selectors), a variant kanji folded, katakana as hiragana. One
    translate instead of a Python loop per character: the ledger import keys every name several times
    (10,000 rows: 1.5 s of 8, issue 19)."""
    table: dict[int, str | None] = {code: None for code in range(0x3001) if chr(code).isspace()}
    table.update({ord(ch): None for ch in _DROP})
    # Variation selectors pick a glyph variant (e.g. 葛󠄀); they must not change the search key.
    table.update({code: None for code in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))})
    table.update({code: chr(code - 0x60) for code in range(_KATA_START, _KATA_END + 1)})
    table.update({ord(old): _kata_to_hira(new) for old, new in VARIANTS.items()})
    return table


_KEY_TABLE = _key_table()


def normalize_name(text: str) -> str:
    """The search key of a name or reading. Idempotent for names (not for text whose NFKC form puts a
    combining mark after a dropped space, such as 「A´」)."""
    return unicodedata.normalize("NFKC", text).translate(_KEY_TABLE).lower()


def is_kana(text: str) -> bool:
    key = normalize_name(text)
    return bool(key) and all("ぁ" <= ch <= "ゖ" or ch == "ー" for ch in key)


_HIRA_START, _HIRA_END = ord("ぁ"), ord("ゖ")


def to_katakana(text: str) -> str:
    """A reading as it is stored: full-width katakana, whatever was typed (ひらがな, ﾊﾝｶｸ), so that lists do
    not mix the two. Spaces are kept (they separate 姓 and 名)."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(chr(ord(ch) + 0x60) if _HIRA_START <= ord(ch) <= _HIRA_END else ch for ch in folded)
