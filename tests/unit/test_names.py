from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from teiretsu_desktop.domain.names import is_kana, normalize_name


def test_kana_forms_fold_together() -> None:
    assert normalize_name("やまだ") == normalize_name("ヤマダ") == normalize_name("ﾔﾏﾀﾞ")
    assert normalize_name("ヤマダ　タロウ") == normalize_name("やまだたろう")


def test_variant_kanji_and_spacing_fold() -> None:
    assert normalize_name("髙橋") == normalize_name("高橋")
    assert normalize_name("山﨑") == normalize_name("山崎")
    assert normalize_name("渡邊") == normalize_name("渡辺") == normalize_name("渡邉")
    assert normalize_name("山田 太郎") == normalize_name("山田太郎") == normalize_name("山田・太郎")
    assert normalize_name("葛\U000e0100飾") == normalize_name("葛飾")


def test_long_vowel_is_kept_and_different_names_stay_different() -> None:
    assert normalize_name("ユーコ") == "ゆーこ"
    assert normalize_name("山田") != normalize_name("山口")
    assert is_kana("ヤマダ") and not is_kana("山田")


def _key_one_character_at_a_time(text: str) -> str:
    """The key as first written, a character at a time: the translation table must give the same."""
    import unicodedata

    from teiretsu_desktop.domain.names import _DROP, VARIANTS

    out = []
    for ch in unicodedata.normalize("NFKC", text):
        code = ord(ch)
        if ch.isspace() or ch in _DROP or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
            continue
        ch = VARIANTS.get(ch, ch)
        out.append(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch)
    return "".join(out).lower()


NAMEISH = st.text(
    st.one_of(
        st.sampled_from(
            "山田太郎髙﨑邊邉葛飾ヤマダﾔﾏﾀﾞゆーこユーコ　 ・･.·-‐ＡＢａ\t\u2003\u00a0\ufe00\U000e0100ヴヵヶ"
        ),
        st.characters(),
    ),
    max_size=20,
)


@given(NAMEISH)
def test_the_key_is_the_same_as_folding_one_character_at_a_time(text: str) -> None:
    assert normalize_name(text) == _key_one_character_at_a_time(text)
