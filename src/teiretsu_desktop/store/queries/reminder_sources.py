"""The rows the reminder rules look at, pre-filtered by date windows so the dashboard stays fast."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.codes import ConsentStatus
from teiretsu_desktop.domain.workflow import OPEN_STATES
from teiretsu_desktop.store.models import (
    ApplicationSupport,
    CaseReminder,
    CaseReview,
    Certificate,
    Consent,
    Person,
    PlacementCandidate,
    ReminderAction,
    Staff,
    SupportCase,
)
from teiretsu_desktop.store.queries.planner import unindexed

MAX_LEAD_DAYS = 120  # the longest rule lead (coordination steps: 90 days + the 14-day reminder lead)


def open_case_rows(session: Session, today: date, staff_id: str | None) -> list[Any]:
    """The dates the case rules read, of every open case that can have a reminder shown by now: read
    from the covering index ix_support_case_reminders (no wide rows, no names: issue 19)."""
    window = today + timedelta(days=MAX_LEAD_DAYS)
    last_review = (
        select(CaseReview.case_id, func.max(CaseReview.reviewed_on).label("last"))
        .group_by(CaseReview.case_id)
        .subquery()
    )
    query = (
        select(
            SupportCase.id, SupportCase.person_id, SupportCase.business_line, SupportCase.state,
            SupportCase.expected_release, SupportCase.detention_expiry, SupportCase.release_date,
            SupportCase.follow_up_planned_end, SupportCase.request_date, last_review.c.last,
        )
        .outerjoin(last_review, last_review.c.case_id == SupportCase.id)
        .where(SupportCase.state.in_(OPEN_STATES))
        .where(
            or_(
                unindexed(SupportCase.expected_release) <= window,
                unindexed(SupportCase.detention_expiry) <= window,
                unindexed(SupportCase.state).in_(("released", "follow_up")),
            )
        )
    )  # fmt: skip
    if staff_id:
        query = query.where(
            or_(SupportCase.primary_staff_id == staff_id, SupportCase.secondary_staff_id == staff_id)
        )
    return list(session.connection().execute(query).all())  # Core rows: tens of thousands, read once


def cases_with_decided_candidate(session: Session) -> set[str]:
    rows = session.execute(
        select(PlacementCandidate.case_id).where(PlacementCandidate.status == "decided").distinct()
    )
    return set(rows.scalars())


def case_labels(session: Session, case_ids: set[str]) -> dict[str, Any]:
    """Case number, the person's name and the 主担当 of these cases (the reminders shown)."""
    found: dict[str, Any] = {}
    ids = sorted(case_ids)
    for start in range(0, len(ids), 500):
        query = (
            select(SupportCase.id, SupportCase.case_no, Person.family_name, Person.given_name,
                   Staff.display_name.label("staff_name"))
            .join(Person, Person.id == SupportCase.person_id)
            .outerjoin(Staff, Staff.id == SupportCase.primary_staff_id)
            .where(SupportCase.id.in_(ids[start : start + 500]))
        )  # fmt: skip
        found.update({row.id: row for row in session.execute(query)})
    return found


def expiring_consents(session: Session, today: date, within_days: int) -> list[Any]:
    query = (
        select(Consent.id, Consent.person_id, Consent.expires_on, Person.family_name, Person.given_name)
        .join(Person, Person.id == Consent.person_id)
        .where(
            and_(
                Consent.status == str(ConsentStatus.GIVEN),  # a draft not yet signed covers nothing to lapse
                Consent.withdrawn_on.is_(None),
                Consent.expires_on.is_not(None),
                Consent.expires_on <= today + timedelta(days=within_days),
                Consent.expires_on >= today - timedelta(days=30),
            )
        )
    )
    return list(session.execute(query).all())


def expiring_certificates(session: Session, today: date, within_days: int) -> list[Any]:
    query = (
        select(
            Certificate.person_id,
            Certificate.kind,
            Certificate.expires_on,
            Person.family_name,
            Person.given_name,
        )
        .join(Person, Person.id == Certificate.person_id)
        .where(
            Certificate.expires_on.between(today - timedelta(days=30), today + timedelta(days=within_days))
        )
    )
    return list(session.execute(query).all())


def expiring_care_certifications(session: Session, today: date, within_days: int) -> list[Any]:
    query = select(Person.id, Person.care_valid_until, Person.family_name, Person.given_name).where(
        Person.care_valid_until.between(today - timedelta(days=30), today + timedelta(days=within_days))
    )
    return list(session.execute(query).all())


def _dated_on_open_cases(
    session: Session,
    record: Any,
    day: Any,
    fields: tuple[Any, ...],
    today: date,
    within_days: int,
    staff_id: str | None,
) -> list[Any]:
    """Rows of `record` (a table with a case_id) of open cases whose `day` falls in the window (or passed
    within 30 days), with the case, person and 主担当 the dashboard shows; only `staff_id`'s cases if given."""
    query = (
        select(
            *fields, SupportCase.id, SupportCase.person_id, SupportCase.case_no, SupportCase.business_line,
            Person.family_name, Person.given_name, Staff.display_name.label("staff_name"),
        )
        .join(SupportCase, SupportCase.id == record.case_id)
        .join(Person, Person.id == SupportCase.person_id)
        .outerjoin(Staff, Staff.id == SupportCase.primary_staff_id)
        .where(SupportCase.state.in_(OPEN_STATES))
        .where(day.between(today - timedelta(days=30), today + timedelta(days=within_days)))
    )  # fmt: skip
    if staff_id:
        query = query.where(
            or_(SupportCase.primary_staff_id == staff_id, SupportCase.secondary_staff_id == staff_id)
        )
    return list(session.execute(query).all())


def renewing_applications(session: Session, today: date, within_days: int, staff_id: str | None) -> list[Any]:
    """Applications of open cases whose 更新期限 falls in the window (or passed within 30 days)."""
    fields = (ApplicationSupport.kind, ApplicationSupport.renew_by)
    return _dated_on_open_cases(
        session, ApplicationSupport, ApplicationSupport.renew_by, fields, today, within_days, staff_id
    )


def planned_reminders(session: Session, today: date, within_days: int, staff_id: str | None) -> list[Any]:
    """Reminders set on open cases, due in the window (or passed within 30 days)."""
    fields = (CaseReminder.title, CaseReminder.due_on)
    return _dated_on_open_cases(
        session, CaseReminder, CaseReminder.due_on, fields, today, within_days, staff_id
    )


def settled_reminders(session: Session, today: date) -> set[str]:
    """Keys of reminders done, or put off until a day after today."""
    rows = session.execute(
        select(ReminderAction.reminder_key).where(
            or_(ReminderAction.action == "done", ReminderAction.until > today)
        )
    )
    return set(rows.scalars())
