"""A person across episodes (issue 17; DOMAIN §2, §10.8): how a later case follows an earlier one.

A case is one episode of support. A person may come back: a 被疑者等支援 case ends in 実刑 and the
same person is referred for 特別調整 before release; a person released years ago is re-admitted and
referred again. A later case records which earlier case it follows, and how:
- 被疑者等支援からの移行: the entry-stage support of the same person, before the sentence being served;
- 再入所後の支援: the person was re-admitted to a 矯正施設 after the earlier episode's release — the
  earlier episode's 再入所 becomes 有 with that date, so its outcome is no longer 不明 (成果, DOMAIN §10.8);
- 前の支援の継続: any other continuation (a consultation that led to this case, a transfer back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from teiretsu_desktop.domain.case_rules import EARLIEST, LATEST
from teiretsu_desktop.domain.codes import BusinessLine, CodeList
from teiretsu_desktop.domain.wareki import to_wareki


class EpisodeLink(CodeList):
    ENTRY_TO_EXIT = ("entry_to_exit", "被疑者等支援からの移行")
    READMISSION = ("readmission", "再入所後の支援")
    CONTINUATION = ("continuation", "前の支援の継続")


@dataclass(frozen=True)
class EpisodeFacts:
    """What the rules look at of one episode."""

    case_id: str
    case_no: str
    person_id: str
    business_line: BusinessLine
    request_date: date | None
    release_date: date | None
    readmission: str  # yes / no / unknown
    readmission_date: date | None


def link_problems(
    earlier: EpisodeFacts,
    later: EpisodeFacts,
    kind: EpisodeLink,
    *,
    readmitted_on: date | None = None,
    earlier_follows_later: bool = False,
) -> list[str]:
    """Why `later` cannot be recorded as following `earlier` in this way; empty when it can."""
    problems: list[str] = []
    if earlier.case_id == later.case_id:
        return ["同じケースどうしはつなげません"]
    if earlier.person_id != later.person_id:
        return ["別の人のケースとはつなげません"]
    if earlier_follows_later:
        problems.append(f"{earlier.case_no} はすでに {later.case_no} の後の支援としてつながっています")
    if earlier.request_date and later.request_date and earlier.request_date > later.request_date:
        problems.append(f"{earlier.case_no} の依頼日が {later.case_no} より後です (前の支援を選んでください)")
    if kind is EpisodeLink.ENTRY_TO_EXIT:
        if earlier.business_line is not BusinessLine.SUSPECT:
            problems.append(f"「{kind.label}」の前の支援は被疑者等支援です")
        if later.business_line not in (BusinessLine.SPECIAL, BusinessLine.GENERAL):
            problems.append(f"「{kind.label}」の後の支援は特別調整か一般調整です")
    if kind is EpisodeLink.READMISSION:
        if earlier.release_date is None:
            problems.append(f"{earlier.case_no} に帰住日・釈放日がありません (再入所は釈放の後です)")
        if readmitted_on is None:
            problems.append("再入所日: 入力してください")
        else:
            if not EARLIEST <= readmitted_on <= LATEST:
                problems.append("再入所日: 1900年から2100年までの日付にしてください")
            if earlier.release_date and readmitted_on <= earlier.release_date:
                problems.append(
                    f"再入所日: {earlier.case_no} の帰住日・釈放日 ({to_wareki(earlier.release_date)}) より後の日付にしてください"
                )
            if later.request_date and readmitted_on > later.request_date:
                problems.append(
                    f"再入所日: {later.case_no} の依頼日 ({to_wareki(later.request_date)}) より前の日付にしてください"
                )
            if (
                earlier.readmission == "yes"
                and earlier.readmission_date is not None
                and earlier.readmission_date != readmitted_on
            ):
                problems.append(
                    f"{earlier.case_no} には別の再入所日 ({to_wareki(earlier.readmission_date)}) が記録されています。"
                    "そちらのケースで直してからつないでください"
                )
    return problems
