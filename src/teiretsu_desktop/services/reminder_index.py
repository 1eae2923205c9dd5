"""Keeping the derived reminder table current (ADR 0019): the rules of domain/reminders.py, run for the
cases and persons the triggers marked stale, and for everything when the rules or the center's step
offsets changed. Called inside the dashboard's transaction, before it reads."""

from __future__ import annotations

from sqlalchemy import Connection

from teiretsu_desktop.domain.codes import ApplicationKind, BusinessLine, CertificateKind
from teiretsu_desktop.domain.reminders import (
    RULES_VERSION,
    CaseDates,
    Reminder,
    StepOffsets,
    application_reminder,
    care_reminder,
    case_reminders,
    certificate_reminder,
    consent_reminder,
    planned_reminder,
    reminder_key,
    shown_until,
)
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.store.queries import reminder_index as index

BATCH = 2000  # stale subjects computed per round
UNTITLED_PLAN = "予定 (内容は閲覧権限のある人に)"


def refresh(conn: Connection, offsets: StepOffsets) -> int:
    """Recompute what is stale; returns how many cases and persons were."""
    wanted = f"{RULES_VERSION}:{offsets.plan},{offsets.placement},{offsets.applications},{offsets.handover}"
    if index.signature(conn) != wanted:
        index.start_over(conn, wanted)
        rows = _of_cases(conn, None, offsets) + _of_persons(conn, None)
        index.replace(conn, [], rows)
        return len(rows)
    done = 0
    while subjects := index.stale_subjects(conn, BATCH):
        cases = [s[2:] for s in subjects if s.startswith("c:")]
        persons = [s[2:] for s in subjects if s.startswith("p:")]
        index.replace(conn, subjects, _of_cases(conn, cases, offsets) + _of_persons(conn, persons))
        done += len(subjects)
    return done


def _row(reminder: Reminder, line: str | None) -> index.DueRow:
    subject = f"c:{reminder.case_id}" if reminder.case_id else f"p:{reminder.person_id}"
    until = shown_until(reminder)
    return (
        subject, reminder_key(reminder), str(reminder.kind), reminder.due.isoformat(),
        reminder.shown_from().isoformat(), until.isoformat() if until else None, reminder.title,
        reminder.case_id, reminder.person_id, line,
    )  # fmt: skip


def _of_cases(conn: Connection, case_ids: list[str] | None, offsets: StepOffsets) -> list[index.DueRow]:
    """The reminders of the open cases among these (None: of every open case): the case rules, its
    applications, its planned dates."""
    if case_ids == []:
        return []
    cases = index.open_cases(conn, case_ids)
    decided = index.with_decided_candidate(conn, None if case_ids is None else [c.id for c in cases])
    found: list[index.DueRow] = []
    for row in cases:
        dates = CaseDates(
            case_id=row.id, person_id=row.person_id, business_line=BusinessLine(row.business_line),
            state=CaseState(row.state), expected_release=row.expected_release,
            detention_expiry=row.detention_expiry, release_date=row.release_date,
            follow_up_planned_end=row.follow_up_planned_end, last_review=row.last,
            request_date=row.request_date, has_decided_candidate=row.id in decided,
        )  # fmt: skip
        found += [_row(r, row.business_line) for r in case_reminders(dates, offsets)]
    by_id = {row.id: row for row in cases}
    open_ids = None if case_ids is None else sorted(by_id)
    for app in index.applications(conn, open_ids):
        case = by_id.get(app.case_id)
        if case is None:
            continue  # a closed case's (when all are read)
        label = ApplicationKind(app.kind).label
        found.append(
            _row(application_reminder(case.id, case.person_id, label, app.renew_by), case.business_line)
        )
    for plan in index.planned(conn, open_ids):
        case = by_id.get(plan.case_id)
        if case is None:
            continue
        reminder = planned_reminder(case.id, case.person_id, plan.title or UNTITLED_PLAN, plan.due_on)
        found.append(_row(reminder, case.business_line))
    return found


def _of_persons(conn: Connection, person_ids: list[str] | None) -> list[index.DueRow]:
    """A person's own reminders (None: everyone's): consents about to lapse, 手帳 and 要介護認定 to renew."""
    if person_ids == []:
        return []
    found = [
        _row(consent_reminder(c.person_id, c.expires_on), None) for c in index.consents(conn, person_ids)
    ]
    for cert in index.certificates(conn, person_ids):
        found.append(
            _row(certificate_reminder(cert.person_id, CertificateKind(cert.kind), cert.expires_on), None)
        )
    for person in index.care_certifications(conn, person_ids):
        found.append(_row(care_reminder(person.id, person.care_valid_until), None))
    return found
