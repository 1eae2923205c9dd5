"""Everything that happened in a case, in one chronological list (issue 17): the notes, state changes
(with their reasons), consents, provisions of personal data (prints included), applications, reviews,
placement contacts, meetings, advice given before the referral and the reminders set on the case.
Read-only; each source keeps its own screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from teiretsu_desktop.domain.codes import CodeList
from teiretsu_desktop.domain.wareki import local_moment
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import activities, cases, coordination, meetings
from teiretsu_desktop.services.advice import list_advice
from teiretsu_desktop.services.consent import list_consents, list_disclosures
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import CaseReminder, CaseStateChange, Staff, SupportCase


class EventKind(CodeList):
    NOTE = ("note", "支援経過")
    STATE = ("state", "状態")
    CONSENT = ("consent", "同意")
    PROVISION = ("provision", "提供記録")
    APPLICATION = ("application", "申請支援")
    REVIEW = ("review", "見直し")
    PLACEMENT = ("placement", "受入先調整")
    MEETING = ("meeting", "会議")
    ADVICE = ("advice", "選定段階の助言")
    REMINDER = ("reminder", "予定")


@dataclass(frozen=True)
class CaseEvent:
    when: datetime
    timed: bool  # False: only the day is known
    kind: EventKind
    title: str
    detail: str = ""
    staff: str = ""
    activity_id: str | None = None


def _day(value: date) -> datetime:
    return datetime.combine(value, time.min)


def case_events(session: StaffSession, case_id: str) -> list[CaseEvent]:
    """Oldest first. Narratives follow the same rule as the notes' own tab (not shown to 事務)."""
    session.require(Permission.READ_CASES)
    events: list[CaseEvent] = []
    for a in activities.list_activities(session, case_id):
        text = (a.narrative or "").replace("\n", " ")
        events.append(
            CaseEvent(
                a.occurred_at,
                True,
                EventKind.NOTE,
                a.kind.label + (f" ({a.place})" if a.place else ""),
                text,
                a.staff_name or "",
                a.id,
            )
        )
    with session.uow(write=False) as uow:
        s = uow.session
        case = fetch(uow, SupportCase, case_id)
        person_id = case.person_id
        staff = {staff_id: name for staff_id, name in s.execute(select(Staff.id, Staff.display_name)).all()}
        for change in s.scalars(
            select(CaseStateChange).where(CaseStateChange.case_id == case_id).order_by(CaseStateChange.rowid)
        ):
            stamp = local_moment(change.changed_at) if change.changed_at else None
            moment = stamp.replace(tzinfo=None) if stamp is not None else None
            when = (
                moment
                if moment is not None and moment.date() == change.changed_on
                else _day(change.changed_on)
            )
            before = CaseState(change.from_state).label if change.from_state else ""
            title = (
                f"{before} → {CaseState(change.to_state).label}"
                if before
                else CaseState(change.to_state).label
            )
            events.append(
                CaseEvent(
                    when,
                    when.time() != time.min,
                    EventKind.STATE,
                    title,
                    change.reason or "",
                    staff.get(change.staff_id or "", ""),
                )
            )
        for reminder in s.scalars(select(CaseReminder).where(CaseReminder.case_id == case_id)):
            events.append(
                CaseEvent(
                    _day(reminder.due_on),
                    False,
                    EventKind.REMINDER,
                    reminder.title,
                    "",
                    staff.get(reminder.created_by or "", ""),
                )
            )
    for consent in list_consents(session, person_id):
        if consent.case_id not in (None, case_id):
            continue
        if consent.given_on:
            detail = consent.purpose + (f" ({consent.expires_on}まで)" if consent.expires_on else "")
            events.append(CaseEvent(_day(consent.given_on), False, EventKind.CONSENT, "同意を得た", detail))
        elif consent.prepared_on:
            events.append(
                CaseEvent(
                    _day(consent.prepared_on), False, EventKind.CONSENT, "同意書を準備", consent.purpose
                )
            )
        if consent.withdrawn_on:
            events.append(
                CaseEvent(
                    _day(consent.withdrawn_on),
                    False,
                    EventKind.CONSENT,
                    "同意の撤回",
                    consent.withdrawal_note or "",
                )
            )
    for d in list_disclosures(session, person_id):
        if d.case_id not in (None, case_id):
            continue
        # The day it was provided; the moment it was recorded only when that is the same day.
        stamp = local_moment(d.disclosed_at)
        moment = stamp.replace(tzinfo=None) if stamp is not None else None
        if d.provided_on is not None and (moment is None or moment.date() != d.provided_on):
            moment = None
        when = moment if moment is not None else _day(d.provided_on or date.min)
        recipient = d.recipient.label + (f" {d.recipient_name}" if d.recipient_name else "")
        events.append(
            CaseEvent(
                when,
                moment is not None,
                EventKind.PROVISION,
                f"{d.method.label}: {recipient}",
                "、".join(d.items) + (f" / {d.basis_text()}" if d.basis_text() else ""),
                staff.get(d.staff_id or "", ""),
            )
        )
    for app in coordination.list_applications(session, case_id):
        for day, what in (
            (app.applied_on, "申請"),
            (app.decided_on, app.status.label),
            (app.issued_on, "交付"),
        ):
            if day:
                events.append(
                    CaseEvent(
                        _day(day), False, EventKind.APPLICATION, f"{app.kind.label}: {what}", app.note or ""
                    )
                )
    for review in cases.list_reviews(session, case_id):
        events.append(
            CaseEvent(
                _day(review.reviewed_on), False, EventKind.REVIEW, review.decision.label, review.note or ""
            )
        )
    for attempt in coordination.list_attempts(session, case_id):
        outcome = f" ({attempt.outcome.label})" if attempt.outcome else ""
        detail = "、".join(x for x in (attempt.reason, attempt.note) if x)
        events.append(
            CaseEvent(
                _day(attempt.happened_on),
                False,
                EventKind.PLACEMENT,
                f"{attempt.candidate_name}: {attempt.step.label}{outcome}",
                detail,
                attempt.staff_name,
            )
        )
    for meeting in meetings.list_meetings(session, case_id):
        decided = "、".join(d.text for d in meeting.decisions)
        detail = "、".join(
            x
            for x in (
                meeting.agenda,
                f"出席: {meeting.attendees_text()}",
                f"決定: {decided}" if decided else "",
            )
            if x
        )
        events.append(
            CaseEvent(
                _day(meeting.held_on),
                False,
                EventKind.MEETING,
                meeting.kind.label,
                detail,
                meeting.staff_name,
            )
        )
    for advice in list_advice(session, case_id=case_id):
        detail = "、".join(x for x in (advice.subject, advice.advice) if x)
        events.append(
            CaseEvent(_day(advice.advised_on), False, EventKind.ADVICE,
                      f"{advice.agency_name}: {advice.stage.label}", detail, advice.staff_name)
        )  # fmt: skip
    events.sort(key=lambda e: (e.when, list(EventKind).index(e.kind)))
    return events
