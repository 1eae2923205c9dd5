"""Reminder rules (DOMAIN §2.3, §2.4, §8.3; seed Q6-2 and Q7-19).

Reminders are derived, never stored: they are computed from the current dates of a case, so moving
an anchor date (an expected release, a detention expiry) moves its reminders at once. Each rule gives a
due date and a lead time; a reminder is shown from `due - lead` until what it asks for is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from teiretsu_desktop.domain.codes import BusinessLine, CertificateKind, CodeList
from teiretsu_desktop.domain.wareki import add_months
from teiretsu_desktop.domain.workflow import CaseState

S = CaseState


class ReminderKind(CodeList):
    COORDINATION_STEP = ("coordination_step", "調整の節目")
    RELEASE = ("release", "退所予定")
    DETENTION_EXPIRY = ("detention_expiry", "勾留満期")
    SUSPECT_REVIEW = ("suspect_review", "被疑者等支援6か月")
    FOLLOW_UP_REVIEW = ("follow_up_review", "フォローアップ見直し")
    CONSENT_EXPIRY = ("consent_expiry", "同意の期限")
    CERTIFICATE_RENEWAL = ("certificate_renewal", "手帳の更新")
    CARE_CERTIFICATION = ("care_certification", "要介護認定の期限")
    APPLICATION_RENEWAL = ("application_renewal", "申請の更新期限")
    PLANNED = ("planned", "予定")  # set by a caseworker, often from a date in a note


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    due: date
    title: str
    case_id: str | None = None
    person_id: str | None = None

    def shown_from(self) -> date:
        return self.due - LEAD[self.kind]

    def days_left(self, today: date) -> int:
        return (self.due - today).days


LEAD: dict[ReminderKind, timedelta] = {
    ReminderKind.COORDINATION_STEP: timedelta(days=14),
    ReminderKind.RELEASE: timedelta(days=30),
    ReminderKind.DETENTION_EXPIRY: timedelta(days=14),
    ReminderKind.SUSPECT_REVIEW: timedelta(days=14),
    ReminderKind.FOLLOW_UP_REVIEW: timedelta(days=30),
    ReminderKind.CONSENT_EXPIRY: timedelta(days=30),
    ReminderKind.CERTIFICATE_RENEWAL: timedelta(days=90),  # 精神 renewal opens 3 months before expiry
    ReminderKind.CARE_CERTIFICATION: timedelta(days=60),  # renewal application from 60 days before
    ReminderKind.APPLICATION_RENEWAL: timedelta(days=60),  # 受給者証, 手帳 … renewed ahead of the date
    ReminderKind.PLANNED: timedelta(days=7),  # a visit or call the caseworker planned: the week before
}


@dataclass(frozen=True)
class StepOffsets:
    """How many days before the expected release each coordination step is due. The ministry sets no
    such days: these are the documented defaults (docs/dashboard.md), and a center changes them in 設定."""

    plan: int = 90
    placement: int = 60
    applications: int = 30
    handover: int = 7

    def problems(self) -> list[str]:
        days = (self.plan, self.placement, self.applications, self.handover)
        if not all(1 <= d <= 365 for d in days):
            return ["調整の節目の日数は1〜365日です"]
        if list(days) != sorted(days, reverse=True):
            return ["調整の節目は 計画作成 ≥ 受入先の決定 ≥ 申請支援 ≥ 引継ぎ準備 の順の日数にしてください"]
        return []


PLACEMENT_STEP = "受入先の決定"
# Steps of 特別調整/一般調整 anchored to the expected release date: (offset name, title, the states in
# which the step is still to be done).
COORDINATION_STEPS: tuple[tuple[str, str, frozenset[CaseState]], ...] = (
    ("plan", "福祉サービス等調整計画の作成", frozenset({S.RECEIVED, S.ASSESSMENT})),
    ("placement", PLACEMENT_STEP, frozenset({S.RECEIVED, S.ASSESSMENT, S.PLANNING, S.PLACEMENT})),
    (
        "applications",
        "申請支援(生活保護・手帳・介護認定等)の確認",
        frozenset({S.RECEIVED, S.ASSESSMENT, S.PLANNING, S.PLACEMENT}),
    ),
    (
        "handover",
        "退所日の同行・受入先への引継ぎ準備",
        frozenset({S.PLANNING, S.PLACEMENT, S.PLACEMENT_DECIDED}),
    ),
)
# A step is never due before the case has been with the center for this long: a referral received two
# months before release is not 「29日超過」 the moment it is saved.
STEP_GRACE = timedelta(days=7)

PRE_RELEASE_STATES = frozenset({S.RECEIVED, S.ASSESSMENT, S.PLANNING, S.PLACEMENT, S.PLACEMENT_DECIDED})
SUSPECT_REVIEW_MONTHS = 6
FOLLOW_UP_REVIEW_MONTHS = 12


@dataclass(frozen=True)
class CaseDates:
    case_id: str
    person_id: str
    business_line: BusinessLine
    state: CaseState
    expected_release: date | None = None
    detention_expiry: date | None = None
    release_date: date | None = None
    follow_up_planned_end: date | None = None
    last_review: date | None = None
    request_date: date | None = None
    has_decided_candidate: bool = False  # a candidate marked 決定: the placement step is done


def case_reminders(case: CaseDates, offsets: StepOffsets = StepOffsets()) -> list[Reminder]:
    """Every reminder the case currently has, shown or not yet shown."""
    found: list[Reminder] = []

    def add(kind: ReminderKind, due: date, title: str) -> None:
        found.append(Reminder(kind, due, title, case.case_id, case.person_id))

    line, state = case.business_line, case.state
    if line.is_coordination and case.expected_release and state in PRE_RELEASE_STATES:
        for offset, title, pending in COORDINATION_STEPS:
            if state not in pending or (title == PLACEMENT_STEP and case.has_decided_candidate):
                continue
            due = case.expected_release - timedelta(days=getattr(offsets, offset))
            if case.request_date is not None:
                due = max(due, min(case.request_date + STEP_GRACE, case.expected_release))
            add(ReminderKind.COORDINATION_STEP, due, title)
        add(ReminderKind.RELEASE, case.expected_release, "退所予定日")
    if line is BusinessLine.SUSPECT and case.detention_expiry and state in PRE_RELEASE_STATES:
        add(ReminderKind.DETENTION_EXPIRY, case.detention_expiry, "勾留満期日")
    if line is BusinessLine.SUSPECT and case.release_date and state in (S.RELEASED, S.FOLLOW_UP):
        due = add_months(case.release_date, SUSPECT_REVIEW_MONTHS)
        if case.last_review is not None and case.last_review >= due - LEAD[ReminderKind.SUSPECT_REVIEW]:
            due = add_months(case.last_review, SUSPECT_REVIEW_MONTHS)
        add(ReminderKind.SUSPECT_REVIEW, due, "釈放後6か月: 支援継続の要否を検討")
    if line is not BusinessLine.SUSPECT and state is S.FOLLOW_UP and case.release_date:
        due = add_months(case.release_date, FOLLOW_UP_REVIEW_MONTHS)
        if case.follow_up_planned_end is not None:
            due = min(due, case.follow_up_planned_end)
        if case.last_review is not None and case.last_review >= due - LEAD[ReminderKind.FOLLOW_UP_REVIEW]:
            due = add_months(case.last_review, FOLLOW_UP_REVIEW_MONTHS)
        add(ReminderKind.FOLLOW_UP_REVIEW, due, "フォローアップの継続要否を検討 (終了目途・1年経過)")
    return found


def consent_reminder(person_id: str, expires_on: date) -> Reminder:
    return Reminder(ReminderKind.CONSENT_EXPIRY, expires_on, "同意の有効期限", None, person_id)


def certificate_reminder(person_id: str, kind: CertificateKind, expires_on: date) -> Reminder:
    return Reminder(ReminderKind.CERTIFICATE_RENEWAL, expires_on, f"{kind.label}の更新", None, person_id)


def care_reminder(person_id: str, valid_until: date) -> Reminder:
    return Reminder(ReminderKind.CARE_CERTIFICATION, valid_until, "要介護認定の有効期間満了", None, person_id)


def application_reminder(case_id: str, person_id: str, label: str, renew_by: date) -> Reminder:
    return Reminder(ReminderKind.APPLICATION_RENEWAL, renew_by, f"{label}の更新", case_id, person_id)


def planned_reminder(case_id: str, person_id: str, title: str, due: date) -> Reminder:
    return Reminder(ReminderKind.PLANNED, due, title, case_id, person_id)


PLANNED_TITLE_MAX = 100


def planned_problems(title: str, due: date, today: date) -> list[str]:
    problems = []
    if not title.strip():
        problems.append("予定の内容: 入力してください")
    elif len(title.strip()) > PLANNED_TITLE_MAX:
        problems.append(f"予定の内容: {PLANNED_TITLE_MAX}文字までにしてください")
    if due < today:
        problems.append("予定日: 今日以降の日付にしてください")
    elif due.year > 2100:
        problems.append("予定日: 2100年までの日付にしてください")
    return problems


def is_shown(reminder: Reminder, today: date) -> bool:
    """From its lead time until done; a reminder about a dated record (a consent, a 手帳, an application,
    a planned visit) also stops showing a while after its day has passed (SHOWN_AFTER_DUE)."""
    until = shown_until(reminder)
    return today >= reminder.shown_from() and (until is None or today <= until)


# How long after its day a reminder about a dated record is still shown: the record is renewed or its
# date corrected in that time, or it was dealt with elsewhere. A case's own steps and deadlines stay until
# they are done (or the case moves on).
SHOWN_AFTER_DUE: dict[ReminderKind, timedelta] = {
    ReminderKind.CONSENT_EXPIRY: timedelta(days=30),
    ReminderKind.CERTIFICATE_RENEWAL: timedelta(days=30),
    ReminderKind.CARE_CERTIFICATION: timedelta(days=30),
    ReminderKind.APPLICATION_RENEWAL: timedelta(days=30),
    ReminderKind.PLANNED: timedelta(days=30),
}


def shown_until(reminder: Reminder) -> date | None:
    after = SHOWN_AFTER_DUE.get(reminder.kind)
    return reminder.due + after if after is not None else None


# The version of the rules above. The store keeps every reminder the rules give in a derived table
# (reminder_due, ADR 0019) and recomputes all of them when this or the center's step offsets change:
# raise it with any change to what `case_reminders` or the record reminders give.
RULES_VERSION = 1


# What comes first on the dashboard: the deadlines that cannot move (勾留満期, 釈放), then the steps
# toward them, then reviews, consents and certificates (DOMAIN §2.3–2.4).
KIND_RANK: dict[ReminderKind, int] = {
    ReminderKind.DETENTION_EXPIRY: 0,
    ReminderKind.RELEASE: 1,
    ReminderKind.COORDINATION_STEP: 2,
    ReminderKind.SUSPECT_REVIEW: 3,
    ReminderKind.FOLLOW_UP_REVIEW: 3,
    ReminderKind.CONSENT_EXPIRY: 4,
    ReminderKind.CERTIFICATE_RENEWAL: 5,
    ReminderKind.CARE_CERTIFICATION: 5,
    ReminderKind.APPLICATION_RENEWAL: 5,
    ReminderKind.PLANNED: 2,
}
WEEK = 7


def urgency(reminder: Reminder, today: date) -> tuple[int, int, date]:
    """Sort key: today and this week first, then what was missed this week, then later dates, then the
    older overdue; by kind within each band, then by due date."""
    return urgency_of(reminder.kind, reminder.due, today)


# The bands of `urgency`, by days left: (from, to — both included, None: no end — band). Days left in
# none of them (overdue by more than a week) are OLDER_OVERDUE_BAND. The dashboard's query binds these.
URGENCY_BANDS: tuple[tuple[int, int | None, int], ...] = ((0, WEEK, 0), (-WEEK, -1, 1), (WEEK + 1, None, 2))
OLDER_OVERDUE_BAND = 3


def urgency_of(kind: ReminderKind, due: date, today: date) -> tuple[int, int, date]:
    """`urgency` of a reminder known by its kind and due date."""
    left = (due - today).days
    band = next(
        (b for low, high, b in URGENCY_BANDS if low <= left and (high is None or left <= high)),
        OLDER_OVERDUE_BAND,
    )
    return band, KIND_RANK[kind], due


def reminder_key(reminder: Reminder) -> str:
    """One occurrence of a reminder (what a 完了 or 後で applies to): a moved anchor date is a new one."""
    return f"{reminder.kind.value}:{reminder.case_id or reminder.person_id}:{reminder.title}:{reminder.due.isoformat()}"


DEADLINE_KINDS = (
    ReminderKind.DETENTION_EXPIRY, ReminderKind.RELEASE, ReminderKind.SUSPECT_REVIEW, ReminderKind.FOLLOW_UP_REVIEW,
)  # fmt: skip


def next_deadline(case: CaseDates) -> Reminder | None:
    """The date the case is working toward, for its header: 勾留満期 (被疑者等支援), 釈放予定 (coordination),
    the 6-month window after a release, or the follow-up review."""
    found = [r for r in case_reminders(case) if r.kind in DEADLINE_KINDS]
    return min(found, key=lambda r: r.due) if found else None
