from __future__ import annotations

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
