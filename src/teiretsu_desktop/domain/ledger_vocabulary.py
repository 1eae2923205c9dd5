"""What staff type in their own Excel ledgers, and what it means here (docs/ledger.md).

Centers have kept their cases in Excel for years, each in its own words: 身体障害 for 身体, 男性 for 男,
退所 for 退所(帰住)・釈放, グループホーム, （1）. The import reads such a value in this order:
1. width and spacing folded (NFKC: （） → (), full-width digits and letters; no spaces; lower case);
2. the code or the label itself;
3. a synonym from the tables below (one line per synonym, so a prefecture's habit is one edit);
4. a short form: the value is the start of exactly one label, or found inside exactly one label;
5. a label followed by a note in parentheses: その他(知人宅).
A value that fits several labels is never guessed: `AmbiguousValue` names every choice it could be.

The column names of a center's own ledger are suggested the same way (HEADER_SYNONYMS).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TypeVar, cast

from teiretsu_desktop.domain.codes import (
    BusinessLine,
    CodeList,
    DestinationKind,
    DisabilityKind,
    Readmission,
    Requester,
    Sex,
)
from teiretsu_desktop.domain.workflow import CaseState

C = TypeVar("C", bound=CodeList)

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form values and headers are compared in: NFKC, no spaces at all, lower case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()


class UnknownValue(ValueError):
    def __init__(self, value: str, choices: list[str]) -> None:
        super().__init__(value)
        self.value, self.choices = value, choices


class AmbiguousValue(ValueError):
    def __init__(self, value: str, choices: list[str]) -> None:
        super().__init__(value)
        self.value, self.choices = value, choices


# Synonym → label (or code). "" means "none of the list" (なし for 障害種別).
VALUE_SYNONYMS: dict[type[CodeList], dict[str, str]] = {
    Sex: {"男性": "男", "女性": "女", "不明": "その他・不明", "その他": "その他・不明", "m": "男", "f": "女"},
    DisabilityKind: {
        "身体障害": "身体", "身体障がい": "身体", "肢体不自由": "身体", "視覚障害": "身体", "聴覚障害": "身体",
        "知的障害": "知的", "知的障がい": "知的", "精神障害": "精神", "精神障がい": "精神",
        "発達障害": "発達", "発達障がい": "発達",
        "障害の疑い": "疑い", "障害疑い": "疑い",
        "認知症": "dementia", "認知症の疑い": "dementia", "認知症疑い": "dementia", "軽度の認知症": "dementia",
        "軽度認知症": "dementia", "軽度認知障害": "dementia", "mci": "dementia",
        "なし": "", "無": "", "無し": "", "高齢": "", "なし(高齢)": "", "高齢のみ": "",
    },
    CaseState: {
        "受理": "依頼受理", "依頼受付": "依頼受理", "アセスメント": "面接・アセスメント中", "面接中": "面接・アセスメント中",
        "計画作成": "調整計画作成", "調整中": "受入先調整中", "受入調整中": "受入先調整中",
        "決定": "受入先決定", "受入先決定済": "受入先決定", "受入決定": "受入先決定",
        "退所": "退所(帰住)・釈放", "帰住": "退所(帰住)・釈放", "帰住済": "退所(帰住)・釈放", "帰住済み": "退所(帰住)・釈放",
        "釈放": "退所(帰住)・釈放", "釈放済": "退所(帰住)・釈放",
        "フォローアップ": "フォローアップ中", "fu中": "フォローアップ中", "fu": "フォローアップ中",
        "終了": "終結", "支援終了": "終結", "取り下げ": "取下げ", "移管": "他センターへ移管",
        "未定のまま退所": "帰住先未定のまま退所", "帰住先未定": "帰住先未定のまま退所",
    },
    BusinessLine: {
        "特調": "特別調整", "一般": "一般調整", "fu": "フォローアップ", "フォロー": "フォローアップ",
        "被疑者": "被疑者等支援", "被疑者等": "被疑者等支援", "被疑者支援": "被疑者等支援", "入口支援": "被疑者等支援",
        "相談": "相談支援",
    },
    Readmission: {"あり": "有", "有り": "有", "なし": "無", "無し": "無", "わからない": "不明"},
    Requester: {
        "保護観察": "保護観察所", "観察所": "保護観察所", "検察": "検察庁", "弁護人": "弁護士",
        "刑務所": "矯正施設", "少年院": "矯正施設", "拘置所": "矯正施設",
        "福祉事務所": "行政", "市役所": "行政", "区役所": "行政", "役場": "行政",
        "地域包括": "福祉関係者", "相談支援事業所": "福祉関係者", "施設": "福祉関係者", "親族": "家族",
        "匿名": "その他",
    },
    DestinationKind: {
        "特養": "特別養護老人ホーム", "老健": "介護老人保健施設・介護医療院", "サ高住": "有料老人ホーム・サ高住・軽費老人ホーム",
        "認知症グループホーム": "認知症対応型共同生活介護", "認知症gh": "認知症対応型共同生活介護",
        "gh": "共同生活援助(障害者グループホーム)", "障害者gh": "共同生活援助(障害者グループホーム)",
        "病院": "医療機関(入院)", "入院": "医療機関(入院)", "病院(入院)": "医療機関(入院)",
        "精神科病院": "医療機関(入院)", "無低": "無料低額宿泊所・日常生活支援住居施設",
        "自宅": "自宅(親族宅含む)", "親族宅": "自宅(親族宅含む)", "自宅(親族宅)": "自宅(親族宅含む)", "実家": "自宅(親族宅含む)",
        "アパート": "民間賃貸住宅(アパート等)", "借家": "民間賃貸住宅(アパート等)", "市営住宅": "公営住宅", "県営住宅": "公営住宅",
        "都営住宅": "公営住宅", "未定": "未定・不明", "不明": "未定・不明",
    },
}  # fmt: skip


@functools.cache
def _table(enum: type[CodeList]) -> tuple[dict[str, CodeList | None], list[tuple[CodeList, str]]]:
    """Folded code, label and synonym → member (None: なし), and the folded labels for short forms."""
    exact: dict[str, CodeList | None] = {}
    for member in enum:
        exact[fold(member.value)] = exact[fold(member.label)] = member
    for synonym, meant in VALUE_SYNONYMS.get(enum, {}).items():
        target = fold(meant)
        exact.setdefault(fold(synonym), exact[target] if target else None)
    return exact, [(m, fold(m.label)) for m in enum]


def match_code(enum: type[C], text: str) -> C | None:
    """The member `text` means, None for an explicit "none" (なし), or UnknownValue / AmbiguousValue."""
    value = fold(text)
    exact, labels = _table(enum)
    if value in exact:
        return cast(C | None, exact[value])
    found: list[list[CodeList]] = [
        [m for m, label in labels if label.startswith(value)],
        [m for m, label in labels if value in label],
        # A label with a note after it: その他(知人宅), 更生保護施設(〇〇寮).
        [m for m, label in labels if value.startswith(label + "(")],
    ]
    for candidates in found:
        if len(candidates) == 1:
            return cast(C, candidates[0])
        if len(candidates) > 1:
            raise AmbiguousValue(text, [m.label for m in candidates])
    raise UnknownValue(text, enum.labels())


# Separators staff put between several values in one cell: 知的・精神, 身体／精神, 身体 知的, 知的、精神.
_SEPARATORS = re.compile(r"[、,，・/／\s]+")


def match_codes(enum: type[C], text: str) -> list[C]:
    """Several values in one cell. The whole text is tried first: a label may itself contain a 「・」."""
    try:
        whole = match_code(enum, text)
        return [] if whole is None else [whole]
    except (UnknownValue, AmbiguousValue):
        pass
    found: list[C] = []
    for part in _SEPARATORS.split(unicodedata.normalize("NFKC", text)):
        if part.strip():
            member = match_code(enum, part)
            if member is not None and member not in found:
                found.append(member)
    return found


# A center's own header → our column's header (docs/ledger.md). Compared after `fold`.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ケース番号": ("ケースNo", "ケースno.", "整理番号", "受付番号", "台帳番号", "管理番号"),
    "氏名": ("本人氏名", "対象者氏名", "対象者名", "名前", "本人名", "利用者氏名"),
    "ふりがな": ("フリガナ", "よみがな", "ヨミガナ", "カナ", "氏名カナ", "かな"),
    "通称": ("旧姓", "別名"),
    "生年月日": ("誕生日", "生年月日(和暦)", "生年月日(西暦)"),
    "性別": ("男女", "性"),
    "障害種別": ("障害", "障害等", "障がい", "障害の種類", "障害名", "障害区分", "障害の有無"),
    "要介護度": ("介護度", "要介護認定", "要介護状態区分"),
    "障害支援区分": ("支援区分",),
    "業務区分": ("業務", "事業区分", "支援区分(業務)", "業務内容"),
    "センター役割": ("役割", "広域調整"),
    "依頼元": ("依頼者", "依頼機関", "相談者", "相談元"),
    "依頼日": ("受付日", "依頼受理日", "受理日", "依頼年月日", "相談日", "受付年月日"),
    "状態": ("状況", "進捗", "ステータス", "支援状況", "進捗状況", "現状"),
    "主担当": ("担当", "担当者", "担当職員", "担当相談員"),
    "副担当": ("副担当者",),
    "矯正施設等": ("施設名", "矯正施設", "収容施設", "収容先", "刑務所", "施設"),
    "罪名": ("罪状",),
    "刑期満了日": ("満期日", "刑期満了"),
    "釈放予定日": ("出所予定日", "退所予定日", "仮釈放予定日", "釈放予定"),
    "勾留満期日": ("勾留満期",),
    "弁護人": ("弁護士", "弁護人氏名"),
    "帰住日・釈放日": ("帰住日", "釈放日", "退所日", "出所日", "帰住日(釈放日)"),
    "帰住先種別": ("帰住先", "帰住先の種別", "退所先", "居住先", "帰住先(種別)"),
    "帰住先名称": ("帰住先名", "帰住先の名称", "施設名称(帰住先)"),
    "終結日": ("終了日", "支援終了日"),
    "終結理由": ("終了理由",),
    "再入所": ("再犯", "再入所の有無"),
    "再入所日": (),
    "備考": ("メモ", "特記事項", "その他", "相談内容", "対応", "経過"),
}
