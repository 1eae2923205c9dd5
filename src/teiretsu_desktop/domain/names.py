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


def _is_variation_selector(ch: str) -> bool:
    """IVS selectors pick a glyph variant (e.g. 葛󠄀); they must not change the search key."""
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _kata_to_hira(ch: str) -> str:
    code = ord(ch)
    return chr(code - 0x60) if _KATA_START <= code <= _KATA_END else ch


def normalize_name(text: str) -> str:
    """The search key of a name or reading. Idempotent."""
    folded = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for ch in folded:
        if ch.isspace() or ch in _DROP or _is_variation_selector(ch):
            continue
        ch = VARIANTS.get(ch, ch)
        out.append(_kata_to_hira(ch))
    return "".join(out).lower()


def is_kana(text: str) -> bool:
    key = normalize_name(text)
    return bool(key) and all("ぁ" <= ch <= "ゖ" or ch == "ー" for ch in key)


_HIRA_START, _HIRA_END = ord("ぁ"), ord("ゖ")


def to_katakana(text: str) -> str:
    """A reading as it is stored: full-width katakana, whatever was typed (ひらがな, ﾊﾝｶｸ), so that lists do
    not mix the two. Spaces are kept (they separate 姓 and 名)."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(chr(ord(ch) + 0x60) if _HIRA_START <= ord(ch) <= _HIRA_END else ch for ch in folded)
