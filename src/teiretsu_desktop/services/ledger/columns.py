"""The ledger's columns: header, how a cell is read and written, and what it means (docs/ledger.md).

A cell is read as people type it (domain/ledger_vocabulary.py): labels, codes, synonyms and short forms
for code columns, several values with any usual separator, dates as ISO, 和暦 (with spaces or kanji
numerals) or Excel serial numbers. Each column's help says what it is, how to write it, an example and
which of the year's tables it feeds; the template's 説明 sheet is made from it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from teiretsu_desktop.domain.codes import (
    BusinessLine,
    CareLevel,
    CenterRole,
    ClosureReason,
    CodeList,
    DestinationKind,
    DisabilityKind,
    Readmission,
    Requester,
    SentenceKind,
    Sex,
    SupportCategory,
    TargetCategory,
)
from teiretsu_desktop.domain.ledger_vocabulary import AmbiguousValue, UnknownValue, match_code, match_codes
from teiretsu_desktop.domain.wareki import parse_date
from teiretsu_desktop.domain.workflow import CaseState

SHEET = "台帳"
HELP_SHEET = "説明"
CHOICES_SHEET = "選択肢"


class CellError(ValueError):
    pass


def _text(value: str) -> str | None:
    return value.strip() or None


EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug is before 1900-03-01)
_SERIAL = re.compile(r"^\d{4,6}(\.0+)?$")


def read_date(value: str) -> date | None:
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return None
    if _SERIAL.match(text):  # a date Excel stored as its serial number (a cell formatted as 数値)
        serial = int(float(text))
        if 1 <= serial <= 73_050:  # up to 2099-12-31
            return EXCEL_EPOCH + timedelta(days=serial)
    try:
        return parse_date(text.split(" ")[0].split("T")[0] if "-" in text[:5] else text)
    except ValueError:
        raise CellError(
            f"日付として読めません「{value}」 (例: 2024-04-01 / 令和6年4月1日 / R6.4.1)"
        ) from None


def _choices_error(exc: UnknownValue | AmbiguousValue) -> CellError:
    if isinstance(exc, AmbiguousValue):
        return CellError(f"「{exc.value}」はどれか決められません (候補: {'・'.join(exc.choices)})")
    return CellError(f"「{exc.value}」は選べません (選択肢: {'・'.join(exc.choices)})")


def _code(enum: type[CodeList]) -> Callable[[str], str | None]:
    def read(value: str) -> str | None:
        if not value.strip():
            return None
        try:
            member = match_code(enum, value)
        except (UnknownValue, AmbiguousValue) as exc:
            raise _choices_error(exc) from None
        return None if member is None else str(member)

    return read


def _codes(enum: type[CodeList]) -> Callable[[str], str | None]:
    def read(value: str) -> str | None:
        if not value.strip():
            return None
        try:
            return ",".join(str(m) for m in match_codes(enum, value)) or None
        except (UnknownValue, AmbiguousValue) as exc:
            raise _choices_error(exc) from None

    return read


def _label(enum: type[CodeList]) -> Callable[[object], str]:
    def write(value: object) -> str:
        return enum(str(value)).label if value else ""

    return write


def _labels(enum: type[CodeList]) -> Callable[[object], str]:
    def write(value: object) -> str:
        return "、".join(enum(v).label for v in str(value).split(",") if v) if value else ""

    return write


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else ""


def _plain(value: object) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    read: Callable[[str], object]
    write: Callable[[object], str]
    help: str
    example: str = ""
    feeds: str = ""  # which of the year's tables read it
    choices: type[CodeList] | None = None
    required: bool = False
    sensitive: bool = False
    multiple: bool = False

    @property
    def format(self) -> str:
        if self.choices is not None:
            return "選択肢から (複数は「、」で区切る)" if self.multiple else "選択肢から"
        if self.write is _iso:
            return "日付 (2024-04-01 / 令和6年4月1日 / R6.4.1)"
        return "文字"


def _c(
    key: str,
    header: str,
    kind: str,
    help_text: str,
    enum: type[CodeList] | None = None,
    *,
    example: str = "",
    feeds: str = "",
    required: bool = False,
    sensitive: bool = False,
) -> Column:
    read: Callable[[str], object]
    write: Callable[[object], str]
    if kind in ("code", "codes"):
        assert enum is not None
        multiple = kind == "codes"
        read, write = (_codes(enum), _labels(enum)) if multiple else (_code(enum), _label(enum))
    else:
        multiple = False
        read, write = (read_date, _iso) if kind == "date" else (_text, _plain)
    return Column(
        key, header, read, write, help_text, example=example, feeds=feeds, choices=enum, required=required,
        sensitive=sensitive, multiple=multiple,
    )  # fmt: skip


CASELOAD = "実施状況 (業務別の人数)"
RETURNS = "参考1・参考2 (帰住した人)"
READMISSION = "再入所の状況"

COLUMNS: tuple[Column, ...] = (
    _c("case_id", "ケースID", "text", "このアプリのケースID。出力した台帳にあり、同じケースを更新するときの目印。新しいケースは空欄",
       example="(空欄)"),
    _c("revision", "版", "text", "出力したときのケースの版。変更しないでください。取込の後にアプリで変更されたケースは「競合」として止めます",
       example="(空欄)"),
    _c("case_no", "ケース番号", "text", "年度-連番。空欄なら依頼日の年度で自動で付番します", example="2024-00012"),
    _c("person_id", "対象者ID", "text", "このアプリの対象者ID。空欄なら氏名と生年月日で同じ人をまとめます", example="(空欄)"),
    _c("name", "氏名", "text", "姓と名を空白で区切る", example="山田 太郎", required=True),
    _c("kana", "ふりがな", "text", "姓と名を空白で区切る。ひらがな・カタカナどちらでも", example="やまだ たろう"),
    _c("alias", "通称", "text", "通称・旧姓など", example=""),
    _c("birth_date", "生年月日", "date", "65歳以上・未満は帰住日の年齢で数えます。空欄の人は「年齢不明」に入ります",
       example="昭和30年3月2日", feeds=RETURNS),
    _c("sex", "性別", "code", "男・女・その他・不明 (男性・女性とも書けます)", Sex, example="男"),
    _c("disabilities", "障害種別", "codes",
       "複数は「、」「・」などで区切る。発達は精神として数えます。軽度の認知症や認知症の疑いは「認知症」(参考1ではその他)。"
       "障害がなく高齢のみなら空欄", DisabilityKind, example="知的、精神", feeds=RETURNS),
    _c("care_level", "要介護度", "code", "", CareLevel, example="要介護2"),
    _c("support_category", "障害支援区分", "code", "", SupportCategory, example="区分3"),
    _c("business_line", "業務区分", "code", "特別調整・一般調整・フォローアップ・被疑者等支援・相談支援", BusinessLine,
       example="特別調整", feeds=CASELOAD, required=True),
    _c("center_role", "センター役割", "code", "広域調整での役割。所在地センターのケースは参考1・参考2に数えません (帰住地センターが数えます)",
       CenterRole, example="単独", feeds=RETURNS),
    _c("requester", "依頼元", "code", "", Requester, example="保護観察所", feeds="相談支援の相談者"),
    _c("requester_document_no", "依頼文書番号", "text", "", example="東保観第123号"),
    _c("request_date", "依頼日", "date", "年度の新規・継続はこの日で数えます。必ず入力", example="2024-05-10",
       feeds=CASELOAD),
    _c("target_category", "対象者区分", "code", "実施要領4の(1)(2)(3)。(1) だけでも書けます", TargetCategory, example="(1)"),
    _c("state", "状態", "code",
       "今の状態。帰住した (退所(帰住)・釈放、フォローアップ中) なら帰住日が、終わった (終結・辞退など) なら終結日が必要です",
       CaseState, example="フォローアップ中", feeds=CASELOAD, required=True),
    _c("primary_staff", "主担当", "text", "スタッフのログイン名か表示名 (姓だけでも一人に決まれば可)", example="佐藤"),
    _c("secondary_staff", "副担当", "text", "スタッフのログイン名か表示名", example=""),
    _c("facility_name", "矯正施設等", "text", "矯正施設・留置施設の名称", example="府中刑務所"),
    _c("sentence_kind", "刑名", "code", "", SentenceKind, example="拘禁刑"),
    _c("offence", "罪名", "text", "要配慮情報: 権限のある人だけが出力・取込できる", example="窃盗", sensitive=True),
    _c("sentence_end", "刑期満了日", "date", "", example="2025-03-31"),
    _c("expected_release", "釈放予定日", "date", "", example="2024-11-30"),
    _c("detention_expiry", "勾留満期日", "date", "被疑者等支援", example=""),
    _c("lawyer_name", "弁護人", "text", "被疑者等支援: 事前相談票の弁護人", example=""),
    _c("release_date", "帰住日・釈放日", "date", "この日の年度と年齢で参考1・参考2・再入所に数えます",
       example="2024-11-30", feeds=f"{RETURNS}・{READMISSION}"),
    _c("destination_kind", "帰住先種別", "code", "退所時の居住先 (参考2)。グループホーム・特養・アパートなどの略称も可",
       DestinationKind, example="共同生活援助(障害者グループホーム)", feeds=RETURNS),
    _c("destination_name", "帰住先名称", "text", "", example="グループホームみどり"),
    _c("follow_up_planned_end", "フォローアップ終了目途", "date", "", example=""),
    _c("closure_date", "終結日", "date", "終わったケース (終結・辞退・取下げ・死亡・移管) に必要。進行中のケースは空欄",
       example="", feeds=CASELOAD),
    _c("closure_reason", "終結理由", "code", "「終結」に必要", ClosureReason, example="地域生活に定着"),
    _c("readmission", "再入所", "code", "有・無・不明 (不明は無として数えない)", Readmission, example="不明",
       feeds=READMISSION),
    _c("readmission_date", "再入所日", "date", "帰住日より後の日付", example="", feeds=READMISSION),
    _c("readmission_source", "再入所の情報源", "text", "", example=""),
    _c("remarks", "備考", "text", "自由記述 (要配慮情報を書くときは注意)。センター独自の列はここにまとめて取り込めます",
       example="手帳申請中"),
)  # fmt: skip

BY_HEADER = {c.header: c for c in COLUMNS}
BY_KEY = {c.key: c for c in COLUMNS}
# Columns that describe the person rather than the case (a person with several cases has several rows).
PERSON_KEYS = ("name", "kana", "alias", "birth_date", "sex", "disabilities", "care_level", "support_category")

# The template's 説明 sheet: how each 状態 is counted in the year's tables (DOMAIN §4, docs/statistics.md).
STATE_NOTES: tuple[tuple[str, str], ...] = (
    ("依頼受理・面接・アセスメント中・調整計画作成・受入先調整中・受入先決定",
     "進行中。依頼日の年度に「新規」、次の年度からは「継続」として数えます"),
    ("退所(帰住)・釈放", "帰住日の年度に、参考1 (障害・年齢) と参考2 (退所時の居住先) に入ります。年齢は帰住日の年齢です"),
    ("フォローアップ中", "特別調整・一般調整のケースは、帰住日からフォローアップ業務として数えます"),
    ("終結", "終結日の年度に「終結」として数えます。特別調整・一般調整・フォローアップは帰住日も必要です"),
    ("辞退", "終結日の年度に「終結」。再入所の状況では「辞退した人」として釈放日で数えます"),
    ("取下げ・死亡・他センターへ移管", "終結日の年度に「終結」として数えます"),
    ("帰住先未定のまま退所", "帰住先が決まらないまま退所した人。参考1・参考2 (帰住した人) には入りません"),
)  # fmt: skip

LEDGER_RULES: tuple[tuple[str, str], ...] = (
    ("年度", "4月1日から翌年3月31日まで。新規・継続は依頼日、参考1・参考2と年齢は帰住日、終結は終結日の年度で数えます"),
    ("1行1ケース", "同じ人の2つ目の支援は別の行にします。氏名と生年月日が同じ行は同じ人としてまとめます"),
    ("2回目の取込", "ケースID、または氏名・生年月日・業務区分・依頼日が同じ行は同じケースです。変わった項目だけを更新し、同じ内容なら何も変えません"),
    ("認知症", "軽度の認知症・認知症の疑いは障害種別「認知症」と書きます (参考1ではその他に数えます)"),
    ("生年月日がない人", "参考1では「年齢不明」に入ります。分かる範囲で入力してください"),
    ("ロックされた年度", "統計を出力した年度の行は取り込めません。センター長が統計画面で年度を再開すると取り込めます (再開は記録されます)"),
)  # fmt: skip
