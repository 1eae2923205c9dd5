"""Issue 19: the dashboard reads reminders the store keeps (ADR 0019). Whatever writes a record the rules
read — a service, the ledger import, a sync packet, a kit, plain SQL — the kept reminders follow: after
each write they equal the rules run over the whole store from scratch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, text

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.reminders import add_planned_reminder, reminder_page
from teiretsu_desktop.store.models import StoreMeta
from teiretsu_desktop.store.queries.reminder_index import SIGNATURE_KEY
from tests.helpers.casework import new_case, new_person

TODAY = date.today()
OPEN = "('received','assessment','planning','placement','placement_decided','released','follow_up')"

Shown = tuple[tuple[int, int, int], list[tuple[str, int, str]]]


def _shown(session: StaffSession, *, mine: bool = False) -> Shown:
    page = reminder_page(session, today=TODAY, mine=mine)
    return (page.total, page.overdue, page.due_today), [
        (v.key, v.days_left, v.person_name) for v in page.rows
    ]


def _from_scratch(session: StaffSession, *, mine: bool = False) -> Shown:
    """The same page after forgetting every kept reminder: the rules run over the whole store."""
    with session.uow() as uow:
        uow.session.execute(delete(StoreMeta).where(StoreMeta.key == SIGNATURE_KEY))
        uow.commit()
    return _shown(session, mine=mine)


def _one(session: StaffSession, sql: str) -> str:
    with session.uow(write=False) as uow:
        value = uow.session.execute(text(sql)).scalar()
    assert value is not None, sql
    return str(value)


def _write(session: StaffSession, sql: str, **params: object) -> None:
    with session.uow() as uow:
        uow.session.execute(text(sql), params)
        uow.commit()


SOON = (TODAY + timedelta(days=3)).isoformat()

# A write to each table the rules read, made in SQL as the import, a packet or a kit writes: each moves,
# adds or removes a reminder on today's dashboard.
WRITES: list[tuple[str, str, str]] = [
    ("an expected release moved", f"SELECT id FROM support_case WHERE state IN {OPEN} AND business_line IN "
     "('special', 'general') AND expected_release IS NOT NULL AND state IN ('received', 'assessment') LIMIT 1",
     "UPDATE support_case SET expected_release = :soon WHERE id = :id"),
    ("a case closed", f"SELECT case_id FROM reminder_due WHERE case_id IN (SELECT id FROM support_case WHERE "
     f"state IN {OPEN}) AND shown_from <= :today LIMIT 1",
     "UPDATE support_case SET state = 'closed' WHERE id = :id"),
    ("a detention expiry moved", f"SELECT id FROM support_case WHERE state IN {OPEN} AND business_line = "
     "'suspect' AND state IN ('received', 'assessment', 'planning') AND detention_expiry IS NOT NULL LIMIT 1",
     "UPDATE support_case SET detention_expiry = :soon WHERE id = :id"),
    ("a review recorded", "SELECT case_id FROM reminder_due WHERE kind = 'follow_up_review' AND shown_from < "
     ":today LIMIT 1",
     "INSERT INTO case_review (id, revision, updated_at, case_id, reviewed_on, decision) VALUES "
     "('review-t', 1, '2026-01-01T00:00:00Z', :id, :today, 'continue')"),
    ("a candidate decided", "SELECT c.id FROM placement_candidate c JOIN reminder_due r ON r.case_id = c.case_id "
     "WHERE r.title = '受入先の決定' AND r.shown_from <= :today LIMIT 1",
     "UPDATE placement_candidate SET status = 'decided' WHERE id = :id"),
    ("a consent lapsing", "SELECT id FROM consent WHERE status = 'given' AND withdrawn_on IS NULL LIMIT 1",
     "UPDATE consent SET expires_on = :soon WHERE id = :id"),
    ("a consent withdrawn", "SELECT id FROM consent WHERE status = 'given' AND withdrawn_on IS NULL AND "
     "expires_on = :soon LIMIT 1", "UPDATE consent SET withdrawn_on = :today WHERE id = :id"),
    ("a 手帳 to renew", "SELECT id FROM certificate LIMIT 1",
     "UPDATE certificate SET expires_on = :soon WHERE id = :id"),
    ("a 手帳 removed", "SELECT id FROM certificate WHERE expires_on = :soon LIMIT 1",
     "DELETE FROM certificate WHERE id = :id"),
    ("a 要介護認定 ending", "SELECT id FROM person LIMIT 1",
     "UPDATE person SET care_valid_until = :soon WHERE id = :id"),
    ("an application to renew", f"SELECT a.id FROM application_support a JOIN support_case s ON s.id = a.case_id "
     f"WHERE s.state IN {OPEN} LIMIT 1", "UPDATE application_support SET renew_by = :soon WHERE id = :id"),
]  # fmt: skip


@pytest.fixture
def demo(admin: StaffSession) -> StaffSession:
    generate_demo_data(admin, persons=60, seed=19, today=TODAY)
    return admin


def test_the_kept_reminders_follow_every_write(demo: StaffSession) -> None:
    before = _shown(demo)
    assert before == _from_scratch(demo)
    for what, find, change in WRITES:
        target = _one(demo, find.replace(":soon", f"'{SOON}'").replace(":today", f"'{TODAY.isoformat()}'"))
        _write(demo, change, id=target, soon=SOON, today=TODAY.isoformat())
        after = _shown(demo)
        assert after != before, f"{what}: the dashboard did not change"
        assert after == _from_scratch(demo), what
        before = after


def test_a_planned_visit_and_the_own_cases_follow(demo: StaffSession) -> None:
    pid = new_person(demo, family="予定", given="花子")
    case_id = new_case(demo, pid, BusinessLine.GENERAL, request_date=TODAY - timedelta(days=10))
    mine_before = _shown(demo, mine=True)
    add_planned_reminder(demo, case_id, TODAY + timedelta(days=2), "施設見学に同行")
    mine = _shown(demo, mine=True)
    assert any(name == "予定 花子" and days == 2 for _key, days, name in mine[1])
    assert mine != mine_before and mine == _from_scratch(demo, mine=True)
    _write(
        demo,
        "UPDATE support_case SET primary_staff_id = NULL, secondary_staff_id = NULL WHERE id = :id",
        id=case_id,
    )
    assert not any(
        name == "予定 花子" for _key, _days, name in _shown(demo, mine=True)[1]
    )  # no longer theirs
