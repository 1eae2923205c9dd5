"""Issue 17: one chronological view of everything that happened in a case, and a date written in a
note becoming a reminder on the dashboard."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from teiretsu_desktop.domain.codes import (
    ActivityKind,
    ApplicationKind,
    ApplicationStatus,
    ProvisionChannel,
    RecipientKind,
    ReviewDecision,
)
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.meetings import MeetingKind
from teiretsu_desktop.domain.reminders import ReminderKind
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import cases, coordination, meetings, reminders, timeline
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.consent import DisclosureRequest, record_disclosure
from teiretsu_desktop.services.meetings import MeetingInput
from teiretsu_desktop.services.timeline import EventKind
from tests.helpers.casework import consent, new_case, new_person
from tests.helpers.stores import CLERK, CLERK_PASS, TemplateStore

TODAY = date.today()


def test_every_kind_of_event_in_one_chronological_list(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    record_activity(
        admin,
        cid,
        ActivityInput(datetime(2024, 5, 20, 10), ActivityKind.INTERVIEW, "初回面接", place="府中刑務所"),
    )
    consent(admin, cid, given_on=date(2024, 5, 21))
    cases.transition_case(admin, cid, CaseState.ASSESSMENT, on=date(2024, 5, 22))
    record_disclosure(
        admin,
        DisclosureRequest(
            new_case_person(admin, cid),
            RecipientKind.FACILITY,
            ("氏名", "生年月日"),
            ProvisionChannel.PRINT,
            date(2024, 5, 23),
            case_id=cid,
            recipient_name="あおば園",
        ),
    )
    coordination.set_application(admin, cid, ApplicationKind.CERTIFICATE, status=ApplicationStatus.APPLIED,
                                 applied_on=date(2024, 5, 24), note="療育手帳")  # fmt: skip
    cases.record_review(admin, cid, reviewed_on=date(2024, 5, 25), decision=ReviewDecision.CONTINUE)
    meetings.record_meeting(admin, cid, MeetingInput(MeetingKind.JOINT_SUPPORT, date(2024, 5, 26), "退所後の受診先",
                                                     person_present=True))  # fmt: skip
    reminders.add_planned_reminder(admin, cid, TODAY + timedelta(days=3), "再面会")
    events = timeline.case_events(admin, cid)
    kinds = [e.kind for e in events]
    # The case opened (依頼受理, 2024-05-10), then what happened, in the order it happened.
    assert kinds[:8] == [EventKind.STATE, EventKind.NOTE, EventKind.CONSENT, EventKind.STATE, EventKind.PROVISION,
                         EventKind.APPLICATION, EventKind.REVIEW, EventKind.MEETING]  # fmt: skip
    meeting = next(e for e in events if e.kind is EventKind.MEETING)
    assert meeting.title == "合同支援会議" and "退所後の受診先" in meeting.detail and "本人" in meeting.detail
    assert kinds[-1] is EventKind.REMINDER and events[-1].title == "再面会"
    state = next(e for e in events if e.kind is EventKind.STATE and "→" in e.title)
    assert state.title == "依頼受理 → 面接・アセスメント中"
    provision = next(e for e in events if e.kind is EventKind.PROVISION)
    assert (
        "印刷" in provision.title and "あおば園" in provision.title and "同意に基づく提供" in provision.detail
    )
    assert [e.when for e in events] == sorted(e.when for e in events)


def new_case_person(session: StaffSession, case_id: str) -> str:
    return cases.get_case(session, case_id).person_id


def test_a_planned_reminder_is_on_the_dashboard_until_done(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin), expected_release=TODAY + timedelta(days=300))
    due = TODAY + timedelta(days=5)
    reminders.add_planned_reminder(admin, cid, due, "次回面会 (府中刑務所)")
    shown = [v for v in reminders.due_reminders(admin, mine=True) if v.reminder.kind is ReminderKind.PLANNED]
    assert [(v.reminder.title, v.reminder.due) for v in shown] == [("次回面会 (府中刑務所)", due)]
    later = TODAY + timedelta(days=30)  # shown from a week before, not earlier
    reminders.add_planned_reminder(admin, cid, later, "受診同行")
    titles = {v.reminder.title for v in reminders.due_reminders(admin)}
    assert "受診同行" not in titles
    assert "受診同行" in {
        v.reminder.title for v in reminders.due_reminders(admin, today=later - timedelta(days=7))
    }
    reminders.complete_reminder(admin, shown[0].key, "面会した")
    assert "次回面会 (府中刑務所)" not in {v.reminder.title for v in reminders.due_reminders(admin)}


def test_a_planned_reminder_needs_a_future_day_and_words_and_a_writer(
    admin: StaffSession, store: TemplateStore
) -> None:
    cid = new_case(admin, new_person(admin))
    with pytest.raises(InvalidInput, match="今日以降"):
        reminders.add_planned_reminder(admin, cid, TODAY - timedelta(days=1), "面会")
    with pytest.raises(InvalidInput, match="予定の内容"):
        reminders.add_planned_reminder(admin, cid, TODAY, "  ")
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)
    try:
        with pytest.raises(PermissionDenied):
            reminders.add_planned_reminder(clerk, cid, TODAY, "面会")
    finally:
        clerk.lock()
