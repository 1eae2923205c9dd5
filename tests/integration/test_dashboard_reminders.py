"""Issue 16: the dashboard puts the day's deadlines first, and reminders can be done or put off."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from teiretsu_desktop.domain.codes import BusinessLine, CandidateStatus
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.reminders import ReminderKind
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import coordination
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.reminders import (
    complete_reminder,
    due_reminders,
    reminder_page,
    snooze_reminder,
)
from teiretsu_desktop.services.settings import load_settings, save_settings
from teiretsu_desktop.store.models import AuditEntry
from tests.helpers.casework import new_case, new_person

TODAY = date.today()


def test_a_detention_expiry_tomorrow_is_above_every_overdue_item(admin: StaffSession) -> None:
    generate_demo_data(admin, persons=80, seed=11, today=TODAY)
    pid = new_person(admin, family="勾留", given="明日")
    new_case(admin, pid, BusinessLine.SUSPECT, request_date=TODAY - timedelta(days=5),
             detention_expiry=TODAY + timedelta(days=1))  # fmt: skip
    rows = due_reminders(admin, today=TODAY)
    tomorrow = next(
        i for i, v in enumerate(rows)
        if v.reminder.kind is ReminderKind.DETENTION_EXPIRY and v.person_name == "勾留 明日"
    )  # fmt: skip
    overdue = [i for i, v in enumerate(rows) if v.overdue]
    assert overdue, "the demo store has overdue reminders"
    assert tomorrow < min(overdue)
    row = rows[tomorrow]
    assert row.line is BusinessLine.SUSPECT and row.staff_name  # 業務区分 and 担当 are shown


def test_done_and_put_off_reminders_leave_the_list_and_are_audited(admin: StaffSession) -> None:
    pid = new_person(admin)
    new_case(admin, pid, BusinessLine.SUSPECT, request_date=TODAY - timedelta(days=3),
             detention_expiry=TODAY + timedelta(days=2))  # fmt: skip
    (row,) = due_reminders(admin, today=TODAY)
    with pytest.raises(InvalidInput):
        complete_reminder(admin, row.key, "  ")  # a reason is needed
    snooze_reminder(admin, row.key, TODAY + timedelta(days=1), "検察官からの連絡待ち")
    assert due_reminders(admin, today=TODAY) == []
    assert [v.key for v in due_reminders(admin, today=TODAY + timedelta(days=1))] == [row.key]  # back
    complete_reminder(admin, row.key, "勾留満期前に支援方針を弁護人と確認した")
    assert due_reminders(admin, today=TODAY + timedelta(days=1)) == []
    with admin.uow(write=False) as uow:
        actions = list(uow.session.execute(select(AuditEntry.action, AuditEntry.detail)).all())
    assert [a for a, _ in actions if a.startswith("reminder_")] == ["reminder_snoozed", "reminder_done"]
    assert all("検察官" not in d and "弁護人" not in d for _, d in actions)  # the reason stays in the record


def test_no_step_is_overdue_on_the_day_a_referral_arrives(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(
        admin, pid, BusinessLine.SPECIAL, request_date=TODAY, expected_release=TODAY + timedelta(days=60)
    )
    rows = due_reminders(admin, today=TODAY)
    assert rows and all(not v.overdue for v in rows)
    titles = [v.reminder.title for v in rows]
    assert "受入先の決定" in titles
    candidate = coordination.add_candidate(
        admin, cid, name="グループホームみどり", destination_kind="08"
    ).value
    coordination.set_candidate_status(admin, candidate, CandidateStatus.DECIDED)
    assert "受入先の決定" not in [v.reminder.title for v in due_reminders(admin, today=TODAY)]


def test_step_days_are_a_center_setting(admin: StaffSession) -> None:
    pid = new_person(admin)
    new_case(admin, pid, BusinessLine.SPECIAL, request_date=TODAY - timedelta(days=100),
             expected_release=TODAY + timedelta(days=50))  # fmt: skip
    titles = {v.reminder.title: v.reminder.due for v in due_reminders(admin, today=TODAY)}
    assert titles["受入先の決定"] == TODAY - timedelta(days=10)  # 60 days before
    settings = load_settings(admin)
    save_settings(admin, type(settings)(**{**settings.__dict__, "reminder_placement_days": 40}))
    titles = {v.reminder.title: v.reminder.due for v in due_reminders(admin, today=TODAY)}
    assert titles["受入先の決定"] == TODAY + timedelta(days=10)
    with pytest.raises(InvalidInput):
        save_settings(admin, type(settings)(**{**settings.__dict__, "reminder_placement_days": 120}))


@pytest.mark.parametrize("limit", [1, 7, 40])
def test_the_dashboards_page_is_the_head_of_every_reminder(admin: StaffSession, limit: int) -> None:
    """Issue 19: the dashboard names only the reminders it shows; they are exactly the most urgent of
    all of them, and its counts are over all of them."""
    generate_demo_data(admin, persons=150, seed=12, today=date.today())
    for window in (0, 7, 30):
        every = [v for v in due_reminders(admin) if v.days_left <= window]
        page = reminder_page(admin, within_days=window, limit=limit)
        assert [(v.key, v.person_name, v.case_no) for v in page.rows] == [
            (v.key, v.person_name, v.case_no) for v in every[:limit]
        ]
        assert (page.total, page.overdue, page.due_today) == (
            len(every),
            sum(1 for v in every if v.overdue),
            sum(1 for v in every if v.days_left == 0),
        )
