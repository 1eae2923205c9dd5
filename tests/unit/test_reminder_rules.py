"""Reminders appear, and move when their anchor dates move."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.reminders import (
    STEP_GRACE,
    CaseDates,
    Reminder,
    ReminderKind,
    StepOffsets,
    case_reminders,
    is_shown,
    urgency,
)
from teiretsu_desktop.domain.workflow import CaseState

S = CaseState


def _kinds(case: CaseDates, today: date) -> dict[ReminderKind, list[date]]:
    out: dict[ReminderKind, list[date]] = {}
    for r in case_reminders(case):
        if is_shown(r, today):
            out.setdefault(r.kind, []).append(r.due)
    return out


def test_coordination_steps_follow_the_expected_release() -> None:
    case = CaseDates("c", "p", BusinessLine.SPECIAL, S.PLANNING, expected_release=date(2025, 3, 31))
    shown = _kinds(case, date(2025, 3, 1))
    assert shown[ReminderKind.RELEASE] == [date(2025, 3, 31)]
    assert date(2025, 3, 1) in shown[ReminderKind.COORDINATION_STEP]  # 受入先 30 days before
    moved = _kinds(replace(case, expected_release=date(2025, 6, 30)), date(2025, 3, 1))
    assert ReminderKind.RELEASE not in moved  # now more than 30 days away
    assert _kinds(replace(case, expected_release=date(2025, 6, 30)), date(2025, 6, 1))[
        ReminderKind.RELEASE
    ] == [date(2025, 6, 30)]


def test_steps_already_done_do_not_remind() -> None:
    case = CaseDates("c", "p", BusinessLine.SPECIAL, S.PLACEMENT_DECIDED, expected_release=date(2025, 3, 31))
    titles = [r.title for r in case_reminders(case)]
    assert "受入先の決定" not in titles and "福祉サービス等調整計画の作成" not in titles
    assert case_reminders(replace(case, state=S.RELEASED)) == []


def test_detention_expiry_countdown_and_six_month_review() -> None:
    case = CaseDates("c", "p", BusinessLine.SUSPECT, S.ASSESSMENT, detention_expiry=date(2024, 10, 20))
    assert _kinds(case, date(2024, 10, 10))[ReminderKind.DETENTION_EXPIRY] == [date(2024, 10, 20)]
    assert ReminderKind.DETENTION_EXPIRY not in _kinds(case, date(2024, 9, 30))
    released = replace(case, state=S.RELEASED, release_date=date(2024, 10, 18))
    assert _kinds(released, date(2025, 4, 18))[ReminderKind.SUSPECT_REVIEW] == [date(2025, 4, 18)]
    reviewed = replace(released, last_review=date(2025, 4, 20))
    assert ReminderKind.SUSPECT_REVIEW not in _kinds(reviewed, date(2025, 4, 25))
    assert _kinds(reviewed, date(2025, 10, 20))[ReminderKind.SUSPECT_REVIEW] == [date(2025, 10, 20)]


def test_follow_up_review_after_a_year_or_the_planned_end() -> None:
    case = CaseDates("c", "p", BusinessLine.SPECIAL, S.FOLLOW_UP, release_date=date(2024, 4, 1))
    assert _kinds(case, date(2025, 3, 15))[ReminderKind.FOLLOW_UP_REVIEW] == [date(2025, 4, 1)]
    planned = replace(case, follow_up_planned_end=date(2024, 10, 1))
    assert _kinds(planned, date(2024, 9, 15))[ReminderKind.FOLLOW_UP_REVIEW] == [date(2024, 10, 1)]
    after_review = replace(planned, last_review=date(2024, 10, 1))
    assert [r.due for r in case_reminders(after_review)] == [date(2025, 10, 1)]


def test_a_referral_received_late_is_not_overdue_the_day_it_is_saved() -> None:
    """Issue 16: received two months before release, the 90-days-before step showed 「29日超過」 at once."""
    received = date(2025, 1, 31)
    case = CaseDates("c", "p", BusinessLine.SPECIAL, S.RECEIVED, expected_release=date(2025, 3, 31),
                     request_date=received)  # fmt: skip
    for reminder in case_reminders(case):
        assert reminder.days_left(received) >= 0, reminder
    plan = next(r for r in case_reminders(case) if r.title == "福祉サービス等調整計画の作成")
    assert plan.due == received + STEP_GRACE


def test_a_decided_candidate_clears_the_placement_step() -> None:
    case = CaseDates("c", "p", BusinessLine.SPECIAL, S.PLACEMENT, expected_release=date(2025, 3, 31))
    assert "受入先の決定" in [r.title for r in case_reminders(case)]
    decided = replace(case, has_decided_candidate=True)
    assert "受入先の決定" not in [r.title for r in case_reminders(decided)]


def test_step_days_are_the_centers() -> None:
    case = CaseDates("c", "p", BusinessLine.SPECIAL, S.PLANNING, expected_release=date(2025, 3, 31))
    default = {r.title: r.due for r in case_reminders(case)}
    assert default["受入先の決定"] == date(2025, 1, 30)  # 60 days before
    own = {r.title: r.due for r in case_reminders(case, StepOffsets(120, 45, 20, 5))}
    assert own["受入先の決定"] == date(2025, 2, 14)
    assert StepOffsets(30, 60, 20, 5).problems()  # out of order
    assert StepOffsets().problems() == []


def test_this_weeks_deadlines_come_before_older_overdue_ones() -> None:
    today = date(2025, 3, 1)
    tomorrow = Reminder(ReminderKind.DETENTION_EXPIRY, date(2025, 3, 2), "勾留満期日", "a")
    old_review = Reminder(ReminderKind.FOLLOW_UP_REVIEW, date(2024, 12, 1), "見直し", "b")
    missed_step = Reminder(ReminderKind.COORDINATION_STEP, date(2025, 2, 27), "受入先の決定", "c")
    release_in_5 = Reminder(ReminderKind.RELEASE, date(2025, 3, 6), "退所予定日", "d")
    consent_today = Reminder(ReminderKind.CONSENT_EXPIRY, today, "同意の有効期限", None, "p")
    ordered = sorted(
        [old_review, missed_step, consent_today, release_in_5, tomorrow], key=lambda r: urgency(r, today)
    )
    assert ordered == [tomorrow, release_in_5, consent_today, missed_step, old_review]
