"""Meetings about one case (issue 17; DOMAIN §3 個別支援検討会・合同支援会議 records): who attended, what of
the person's data was shared there, what was decided and by when.

Sharing a person's data at a meeting is a provision to each outside organisation present (APPI 法27条,
DOMAIN §10.9): each one is checked against the person's consents and written as a 提供記録 with the
channel 面談・会議 when the attendee is recorded. The centre's own staff and the person are not
recipients. A 地域福祉支援検討会 as a network activity (not about one person) is recorded in 地域連携;
a case discussed there is recorded here, and counted there only (DOMAIN §10.7: an ordinary case
meeting is never a 地域福祉支援検討会).
"""

from __future__ import annotations

from datetime import date

from teiretsu_desktop.domain.case_rules import EARLIEST, LATEST
from teiretsu_desktop.domain.codes import AgencyKind, CodeList, RecipientKind


class MeetingKind(CodeList):
    CASE_CONFERENCE = ("case_conference", "ケース会議")
    INDIVIDUAL_REVIEW = ("individual_review", "個別支援検討会")
    JOINT_SUPPORT = ("joint_support", "合同支援会議")
    SUPPORTERS = ("supporters", "支援者会議")
    REGIONAL_REVIEW = ("regional_review", "地域福祉支援検討会での検討")


class SharedItem(CodeList):
    """What of the person's data is shared at a meeting (the 提供記録's items)."""

    IDENTITY = ("identity", "氏名・生年月日")
    DISABILITY = ("disability", "障害・手帳")
    HEALTH = ("health", "心身の状況・診断")
    LIFE_HISTORY = ("life_history", "生活歴")
    FAMILY = ("family", "家族・支援者")
    BENEFITS = ("benefits", "収入・生活保護")
    CUSTODY = ("custody", "施設・釈放予定日")
    PLAN = ("plan", "支援計画")
    WISHES = ("wishes", "本人の希望")
    OFFENCE = ("offence", "罪名・事件の内容")


# The kind of recipient an organisation of the 関係機関 directory is, for the consent rules. A kind not
# here (警察, その他) has no recipient kind of its own: the person recording it chooses one.
RECIPIENT_OF_AGENCY: dict[AgencyKind, RecipientKind] = {
    AgencyKind.PROBATION: RecipientKind.PROBATION,
    AgencyKind.CORRECTIONAL: RecipientKind.CORRECTIONAL,
    AgencyKind.PROSECUTOR: RecipientKind.PROSECUTOR,
    AgencyKind.BAR: RecipientKind.LAWYER,
    AgencyKind.WELFARE_OFFICE: RecipientKind.WELFARE_OFFICE,
    AgencyKind.MUNICIPALITY: RecipientKind.MUNICIPALITY,
    AgencyKind.ELDERLY_FACILITY: RecipientKind.FACILITY,
    AgencyKind.DISABILITY_PROVIDER: RecipientKind.FACILITY,
    AgencyKind.COUNSELING: RecipientKind.CONSULTATION_OFFICE,
    AgencyKind.HOSPITAL: RecipientKind.MEDICAL,
    AgencyKind.REHAB_FACILITY: RecipientKind.FACILITY,
    AgencyKind.OTHER_CENTER: RecipientKind.CENTER,
    AgencyKind.CHILD_GUIDANCE: RecipientKind.CHILD_GUIDANCE,
}

TEXT_MAX = 4000
NAME_MAX = 200


def meeting_problems(
    kind: str | None, held_on: date | None, agenda: str, summary: str, today: date
) -> list[str]:
    problems: list[str] = []
    if not kind:
        problems.append("会議の種類: 選んでください")
    if held_on is None:
        problems.append("開催日: 入力してください")
    elif held_on > today:
        problems.append("開催日: 今日までの日付にしてください (予定は期限・予定に登録します)")
    elif not EARLIEST <= held_on <= LATEST:
        problems.append("開催日: 1900年からの日付にしてください")
    if not agenda.strip():
        problems.append("議題: 入力してください")
    if len(agenda) > TEXT_MAX or len(summary) > TEXT_MAX:
        problems.append(f"議題・協議内容は{TEXT_MAX}文字までにしてください")
    return problems


def attendee_problems(
    organisation: str, recipient: RecipientKind | None, from_directory: bool, name: str
) -> list[str]:
    problems: list[str] = []
    if not from_directory and not organisation.strip():
        problems.append("所属: 関係機関から選ぶか、名称を入力してください")
    if not from_directory and recipient is None:
        problems.append("提供先の種類: 名簿にない機関は種類を選んでください (同意の範囲を確かめるため)")
    if recipient is RecipientKind.PERSON:
        problems.append("本人は出席者として「本人出席」に記録します")
    if len(organisation) > NAME_MAX or len(name) > NAME_MAX:
        problems.append(f"所属・氏名は{NAME_MAX}文字までにしてください")
    return problems


def decision_problems(text: str, due_on: date | None) -> list[str]:
    problems: list[str] = []
    if not text.strip():
        problems.append("決定事項: 入力してください")
    elif len(text) > NAME_MAX:
        problems.append(f"決定事項: {NAME_MAX}文字までにしてください (詳しくは協議内容に)")
    if due_on is not None and not EARLIEST <= due_on <= LATEST:
        problems.append("いつまでに: 2100年までの日付にしてください")
    return problems
