"""What makes a case's dates and state consistent — one validator for the services, the ledger import
and the demo generator (DOMAIN §4, §10).

The year's tables place a case by its dates and its state; they can only be true if the two agree:
- every case has its 依頼日;
- a case that has been released (退所(帰住)・釈放, フォローアップ中, 終結 of 特別調整・一般調整・フォローアップ)
  has its 帰住日;
- a case that has ended has its 終結日 (and 終結 its reason); an open case has none;
- 依頼日 ≤ 帰住日 ≤ 終結日 (a follow-up case may be taken on after the 帰住日);
- a re-admission is dated after the release it follows;
- every date lies within 1900–2100;
- the 対象者区分, when given, is one the business line serves (TARGETS_OF_LINE).

Each problem names the field, in Japanese, so a person can fix it wherever they typed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from teiretsu_desktop.domain.codes import AgencyKind, BusinessLine, Requester, TargetCategory
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.workflow import TERMINAL, CaseState

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)

# States in which the person has left the 矯正施設 or been released, so the 帰住日・釈放日 is known.
RELEASED_STATES = frozenset({CaseState.RELEASED, CaseState.FOLLOW_UP, CaseState.RELEASED_UNPLACED})
# Lines whose case may be taken on after the 帰住日 (follow-up, consultation).
TAKEN_ON_AFTER_RELEASE = frozenset({BusinessLine.FOLLOW_UP, BusinessLine.CONSULTATION})

# 実施要領 4 対象者 (1)(2)(3) that each line serves: coordination is for (1) 矯正施設退所予定者・退所者,
# 被疑者等支援 for (2) 被疑者・被告人; follow-up after either; 相談支援 for anyone, (3) included.
TARGETS_OF_LINE: dict[BusinessLine, frozenset[str]] = {
    BusinessLine.SPECIAL: frozenset({"4-1"}),
    BusinessLine.GENERAL: frozenset({"4-1"}),
    BusinessLine.SUSPECT: frozenset({"4-2"}),
    BusinessLine.FOLLOW_UP: frozenset({"4-1", "4-2"}),
}

# The 依頼元 category (what the year's tables count) of an office of the 関係機関 directory that asked: a
# 児童相談所 or 福祉事務所 is 行政, a facility or 相談支援事業所 福祉関係者 (issue 17).
REQUESTER_OF_AGENCY: dict[AgencyKind, Requester] = {
    AgencyKind.PROBATION: Requester.PROBATION,
    AgencyKind.CORRECTIONAL: Requester.CORRECTIONAL,
    AgencyKind.PROSECUTOR: Requester.PROSECUTOR,
    AgencyKind.POLICE: Requester.GOVERNMENT,
    AgencyKind.BAR: Requester.LAWYER,
    AgencyKind.WELFARE_OFFICE: Requester.GOVERNMENT,
    AgencyKind.MUNICIPALITY: Requester.GOVERNMENT,
    AgencyKind.CHILD_GUIDANCE: Requester.GOVERNMENT,
    AgencyKind.ELDERLY_FACILITY: Requester.WELFARE,
    AgencyKind.DISABILITY_PROVIDER: Requester.WELFARE,
    AgencyKind.COUNSELING: Requester.WELFARE,
    AgencyKind.HOSPITAL: Requester.WELFARE,
    AgencyKind.REHAB_FACILITY: Requester.WELFARE,
    AgencyKind.OTHER_CENTER: Requester.OTHER_CENTER,
    AgencyKind.OTHER: Requester.OTHER,
}


def requester_office_problem(requester: str | None, office: AgencyKind, office_name: str) -> str | None:
    """An office that asked must be of the 依頼元 category recorded (the category is what is counted)."""
    expected = REQUESTER_OF_AGENCY[office]
    if requester and requester != str(expected):
        return (
            f"依頼元の機関: 「{office_name}」({office.label}) の依頼元の区分は「{expected.label}」です"
            f" (「{Requester(requester).label}」になっています)"
        )
    return None


# Lines whose 終結 comes only after the release (a 被疑者等支援 case may end with its outcome before one).
CLOSED_AFTER_RELEASE = frozenset({BusinessLine.SPECIAL, BusinessLine.GENERAL, BusinessLine.FOLLOW_UP})

DATE_LABELS = {
    "request_date": "依頼日",
    "release_date": "帰住日・釈放日",
    "closure_date": "終結日",
    "readmission_date": "再入所日",
    "sentence_end": "刑期満了日",
    "expected_release": "釈放予定日",
    "detention_expiry": "勾留満期日",
    "follow_up_planned_end": "フォローアップ終了目途",
    "emergency_aid_applied_on": "更生緊急保護の申出日",
    "emergency_aid_until": "更生緊急保護の期間の終わり",
}


@dataclass(frozen=True)
class CaseRecord:
    """The fields the rules look at (whatever the source: a form, a ledger row, the generator)."""

    business_line: BusinessLine
    state: CaseState
    request_date: date | None
    release_date: date | None = None
    closure_date: date | None = None
    closure_reason: str | None = None
    readmission: str = "unknown"
    readmission_date: date | None = None
    other_dates: tuple[tuple[str, date | None], ...] = ()
    target_category: str | None = None


OTHER_DATES = ("sentence_end", "expected_release", "detention_expiry", "follow_up_planned_end",
               "emergency_aid_applied_on", "emergency_aid_until")  # fmt: skip


def record_of(business_line: BusinessLine, state: CaseState, source: object) -> CaseRecord:
    """The fields the rules read, from a form's input, a stored case or a ledger/demo row (a mapping)."""

    def get(name: str) -> Any:
        return source.get(name) if isinstance(source, Mapping) else getattr(source, name, None)

    return CaseRecord(
        business_line=business_line,
        state=state,
        request_date=get("request_date"),
        release_date=get("release_date"),
        closure_date=get("closure_date"),
        closure_reason=get("closure_reason"),
        readmission=get("readmission") or "unknown",
        readmission_date=get("readmission_date"),
        other_dates=tuple((name, get(name)) for name in OTHER_DATES),
        target_category=get("target_category"),
    )


def case_problems(case: CaseRecord) -> list[str]:
    problems: list[str] = []
    dates = {
        "request_date": case.request_date,
        "release_date": case.release_date,
        "closure_date": case.closure_date,
        "readmission_date": case.readmission_date,
        **dict(case.other_dates),
    }
    for key, day in dates.items():
        if day is not None and not EARLIEST <= day <= LATEST:
            problems.append(f"{DATE_LABELS.get(key, key)}: 1900年から2100年までの日付にしてください")
    if case.request_date is None:
        problems.append("依頼日: 入力してください (年度の集計は依頼日で数えます)")
    if case.state in RELEASED_STATES and case.release_date is None:
        problems.append(f"帰住日・釈放日: 「{case.state.label}」には必要です")
    if case.state in TERMINAL and case.closure_date is None:
        problems.append(f"終結日: 「{case.state.label}」には必要です")
    if (
        case.state is CaseState.CLOSED
        and case.business_line in CLOSED_AFTER_RELEASE
        and case.release_date is None
    ):
        problems.append(
            f"帰住日・釈放日: {case.business_line.label}の「終結」は帰住の後です。帰住日を入力してください"
        )
    if case.state is CaseState.CLOSED and not case.closure_reason:
        problems.append("終結理由: 「終結」には必要です")
    if case.state.is_open and case.closure_date is not None:
        problems.append(
            f"終結日: 進行中のケース (「{case.state.label}」) には入力できません。終結の操作と一緒に入力してください"
        )
    if case.state.is_open and case.closure_reason:
        problems.append(f"終結理由: 進行中のケース (「{case.state.label}」) には入力できません")
    request, release, closure = case.request_date, case.release_date, case.closure_date
    if request and release and release < request and case.business_line not in TAKEN_ON_AFTER_RELEASE:
        problems.append("帰住日・釈放日: 依頼日より前になっています")
    if request and closure and closure < request:
        problems.append("終結日: 依頼日より前になっています")
    if release and closure and closure < release:
        problems.append("終結日: 帰住日・釈放日より前になっています")
    if case.readmission not in ("yes", "no", "unknown"):
        problems.append("再入所: 有・無・不明のいずれかです")
    if case.readmission == "yes" and case.readmission_date is None:
        problems.append("再入所日: 再入所「有」には必要です")
    if case.readmission_date and release and case.readmission_date <= release:
        problems.append("再入所日: 帰住日・釈放日より後の日付にしてください")
    aid = dict(case.other_dates)
    applied, until = aid.get("emergency_aid_applied_on"), aid.get("emergency_aid_until")
    if applied and until and until < applied:
        problems.append("更生緊急保護の期間の終わり: 申出日より後の日付にしてください")
    allowed = TARGETS_OF_LINE.get(case.business_line)
    if case.target_category and allowed is not None and case.target_category not in allowed:
        names = "・".join(TargetCategory(code).label for code in sorted(allowed))
        problems.append(f"対象者区分: {case.business_line.label}の対象者区分は {names} です")
    return problems


def check_case(case: CaseRecord) -> None:
    problems = case_problems(case)
    if problems:
        raise InvalidInput("入力を確認してください: " + " / ".join(problems))


# Fields that describe how a case ended: on an ended case they change only by reopening it.
CLOSING_FIELDS = ("closure_date", "closure_reason")


_COORDINATION = frozenset({BusinessLine.SPECIAL, BusinessLine.GENERAL})
_AFTER_PRISON = _COORDINATION | {BusinessLine.FOLLOW_UP}
# Fields that belong to some business lines only: a case of another line does not show them (unless a
# value was entered, which is never hidden).
LINE_FIELDS: dict[str, frozenset[BusinessLine]] = {
    "detention_expiry": frozenset({BusinessLine.SUSPECT}),
    "lawyer_name": frozenset({BusinessLine.SUSPECT}),
    "lawyer_contact": frozenset({BusinessLine.SUSPECT}),
    "protection_card": frozenset({BusinessLine.SUSPECT}),
    "emergency_aid_applied_on": frozenset({BusinessLine.SUSPECT}),
    "emergency_aid_until": frozenset({BusinessLine.SUSPECT}),
    "expected_release": _COORDINATION,
    "sentence_kind": _AFTER_PRISON,
    "sentence_end": _AFTER_PRISON,
    "center_role": _AFTER_PRISON,  # 広域調整
    "partner_center": _AFTER_PRISON,
    "partner_reference": _AFTER_PRISON,
}


def shows_field(key: str, line: BusinessLine, value: object = None) -> bool:
    lines = LINE_FIELDS.get(key)
    return lines is None or line in lines or value not in (None, "", False)
