"""The ledger's columns: header, how a cell is read and written, and what it means (docs/ledger.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

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
from teiretsu_desktop.domain.wareki import parse_date
from teiretsu_desktop.domain.workflow import CaseState

SHEET = "台帳"
HELP_SHEET = "説明"
CHOICES_SHEET = "選択肢"


class CellError(ValueError):
    pass


def _text(value: str) -> str | None:
    return value.strip() or None


def _date(value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return parse_date(value.split(" ")[0].split("T")[0])
    except ValueError:
        raise CellError(f"日付として読めません「{value}」 (例: 2024-04-01 / 令和6年4月1日)") from None


def _code(enum: type[CodeList]) -> Callable[[str], str | None]:
    def read(value: str) -> str | None:
        if not value.strip():
            return None
        try:
            return str(enum.parse(value))
        except ValueError:
            raise CellError(f"「{value}」は選べません (選択肢: {'・'.join(enum.labels())})") from None

    return read


def _codes(enum: type[CodeList]) -> Callable[[str], str | None]:
    single = _code(enum)

    def read(value: str) -> str | None:
        parts = [p for p in value.replace("、", ",").replace("，", ",").split(",") if p.strip()]
        return ",".join(str(single(p)) for p in parts) or None

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
    choices: type[CodeList] | None = None
    required: bool = False
    sensitive: bool = False


def _c(
    key: str, header: str, kind: str, help_text: str, enum: type[CodeList] | None = None, **kw: bool
) -> Column:
    readers: dict[str, tuple[Callable[[str], object], Callable[[object], str]]] = {
        "text": (_text, _plain),
        "date": (_date, _iso),
    }
    if kind == "code":
        assert enum is not None
        return Column(key, header, _code(enum), _label(enum), help_text, enum, **kw)
    if kind == "codes":
        assert enum is not None
        return Column(key, header, _codes(enum), _labels(enum), help_text, enum, **kw)
    read, write = readers[kind]
    return Column(key, header, read, write, help_text, None, **kw)


COLUMNS: tuple[Column, ...] = (
    _c("case_id", "ケースID", "text", "このアプリのケースID。新しいケースは空欄"),
    _c("case_no", "ケース番号", "text", "年度-連番。空欄なら自動で付番"),
    _c("person_id", "対象者ID", "text", "このアプリの対象者ID。空欄なら氏名と生年月日で同じ人をまとめる"),
    _c("name", "氏名", "text", "姓と名を空白で区切る (例: 山田 太郎)", required=True),
    _c("kana", "ふりがな", "text", "姓と名を空白で区切る"),
    _c("alias", "通称", "text", "通称・旧姓など"),
    _c("birth_date", "生年月日", "date", "2024-04-01 または 令和6年4月1日 の形"),
    _c("sex", "性別", "code", "男・女・その他・不明", Sex),
    _c("disabilities", "障害種別", "codes", "複数は「、」で区切る", DisabilityKind),
    _c("care_level", "要介護度", "code", "", CareLevel),
    _c("support_category", "障害支援区分", "code", "", SupportCategory),
    _c("business_line", "業務区分", "code", "", BusinessLine, required=True),
    _c("center_role", "センター役割", "code", "広域調整での役割", CenterRole),
    _c("requester", "依頼元", "code", "", Requester),
    _c("requester_document_no", "依頼文書番号", "text", ""),
    _c("request_date", "依頼日", "date", ""),
    _c("target_category", "対象者区分", "code", "実施要領4の(1)(2)(3)", TargetCategory),
    _c("state", "状態", "code", "", CaseState, required=True),
    _c("primary_staff", "主担当", "text", "スタッフ名 (ログイン名)"),
    _c("secondary_staff", "副担当", "text", "スタッフ名 (ログイン名)"),
    _c("facility_name", "矯正施設等", "text", "矯正施設・留置施設の名称"),
    _c("sentence_kind", "刑名", "code", "", SentenceKind),
    _c("offence", "罪名", "text", "要配慮情報: 権限のある人だけが出力・取込できる", sensitive=True),
    _c("sentence_end", "刑期満了日", "date", ""),
    _c("expected_release", "釈放予定日", "date", ""),
    _c("detention_expiry", "勾留満期日", "date", "被疑者等支援"),
    _c("lawyer_name", "弁護人", "text", "被疑者等支援: 事前相談票の弁護人"),
    _c("release_date", "帰住日・釈放日", "date", ""),
    _c("destination_kind", "帰住先種別", "code", "", DestinationKind),
    _c("destination_name", "帰住先名称", "text", ""),
    _c("follow_up_planned_end", "フォローアップ終了目途", "date", ""),
    _c("closure_date", "終結日", "date", ""),
    _c("closure_reason", "終結理由", "code", "", ClosureReason),
    _c("readmission", "再入所", "code", "有・無・不明 (不明は無として数えない)", Readmission),
    _c("readmission_date", "再入所日", "date", ""),
    _c("readmission_source", "再入所の情報源", "text", ""),
)

BY_HEADER = {c.header: c for c in COLUMNS}
