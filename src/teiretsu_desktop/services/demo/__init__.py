"""Deterministic synthetic data for demos, tests and the benchmark (`teiretsu-admin demo-data`).

Every table gets realistic rows: persons with Japanese names and readings, cases of every business
line in every state with dates consistent with that state, activities, consent, destination
candidates, application support, agencies, consultations and network activities. Dates are placed
around a reference day so that a demo dashboard has things due; the same seed and day give the same
data. Rows are inserted in bulk so that 100,000 persons take minutes, not hours. No real person's
data is used: names are combined at random from common surnames and given names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.codes import ConsultationChannel, ConsultationTopic, Requester
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.demo.cases import CaseRows, case_children, case_row, link_episodes
from teiretsu_desktop.services.demo.directory import agencies, network_activities
from teiretsu_desktop.services.demo.generator import Gen, record
from teiretsu_desktop.services.demo.people import persons as make_persons
from teiretsu_desktop.store.models import (
    Activity,
    Agency,
    ApplicationSupport,
    Assessment,
    CaseMeeting,
    CaseReminder,
    CaseReview,
    CaseStateChange,
    Certificate,
    Consent,
    Consultation,
    Disability,
    Disclosure,
    EligibilityCheck,
    MeetingAttendee,
    MeetingDecision,
    NetworkActivity,
    Person,
    PersonName,
    PlacementAttempt,
    PlacementCandidate,
    PlanItem,
    SelectionAdvice,
    Staff,
    SupportCase,
)

BATCH = 5000
PERSONS_PER_CHUNK = 2500


@dataclass(frozen=True)
class DemoSummary:
    persons: int
    cases: int
    activities: int
    agencies: int


def _bulk(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Core executemany: the ORM's bulk path would split rows by which keys hold None."""
    table = model.__table__
    for start in range(0, len(rows), BATCH):
        part = rows[start : start + BATCH]
        keys = sorted({k for row in part for k in row})
        session.execute(table.insert(), [{k: row.get(k) for k in keys} for row in part])


def _consultation(g: Gen, person_id: str) -> dict[str, Any]:
    received = datetime.combine(g.day(700, 0), datetime.min.time()) + timedelta(hours=10)
    return record(
        g,
        received_at=received,
        channel=str(g.r.choice(list(ConsultationChannel))),
        consulter_kind=str(g.r.choice(list(Requester))),
        anonymous=False,
        person_id=person_id,
        topics=json.dumps([str(g.r.choice(list(ConsultationTopic)))]),
        summary="住まいと福祉サービスの利用について相談。",
        staff_id=g.r.choice(g.staff),
    )


def _existing_numbers(session: Session) -> dict[int, int]:
    numbers: dict[int, int] = {}
    for case_no in session.execute(select(SupportCase.case_no)).scalars():
        prefix, _, rest = case_no.partition("-")
        if prefix.isdigit() and rest.isdigit():
            numbers[int(prefix)] = max(numbers.get(int(prefix), 0), int(rest))
    return numbers


def generate_demo_data(
    session: StaffSession,
    *,
    persons: int,
    seed: int = 1,
    today: date | None = None,
    activities_per_case: float = 5.0,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Add `persons` synthetic persons (about 2 cases each) and a directory to the unlocked store."""
    session.require(Permission.MANAGE_STAFF)
    with session.uow(write=False) as uow:
        staff = list(
            uow.session.execute(
                select(Staff.id).where(Staff.active.is_(True), Staff.role != "clerical").order_by(Staff.login)
            ).scalars()
        )
        numbers = _existing_numbers(uow.session)
    g = Gen(seed, today or date.today(), staff)
    directory = agencies(g)  # first: cases name the office that asked, meetings the agencies present
    for row in directory:
        g.offices.setdefault(row["kind"], []).append((row["id"], row["name"]))
    with session.uow() as uow:
        _bulk(uow.session, Agency, directory)
        uow.commit()
    cases = activities = done = 0
    while done < persons:
        chunk = min(PERSONS_PER_CHUNK, persons - done)
        people = make_persons(g, chunk)
        rows = CaseRows()
        consultations = []
        for person in people.persons:
            open_lines: set[str] = set()
            mine = []
            for _ in range(g.r.choice([1, 1, 2, 2, 3, 3])):
                case, state = case_row(g, person, numbers, open_lines)
                mine.append(case)
                case_children(g, case, state, activities_per_case, rows)
            link_episodes(mine)
            rows.cases.extend(mine)
            if g.r.random() < 0.2:
                consultations.append(_consultation(g, person["id"]))
        with session.uow() as uow:
            for model, batch in (
                (Person, people.persons),
                (PersonName, people.names),
                (Disability, people.disabilities),
                (Certificate, people.certificates),
                (SupportCase, rows.cases),
                (CaseStateChange, rows.states),
                (Activity, rows.activities),
                (Consent, rows.consents),
                (PlacementCandidate, rows.candidates),
                (PlacementAttempt, rows.attempts),
                (CaseReminder, rows.reminders),
                (PlanItem, rows.plan_items),
                (Assessment, rows.assessments),
                (EligibilityCheck, rows.requirements),
                (ApplicationSupport, rows.applications),
                (CaseReview, rows.reviews),
                (CaseMeeting, rows.meetings),
                (MeetingAttendee, rows.attendees),
                (MeetingDecision, rows.decisions),
                (Disclosure, rows.disclosures),
                (SelectionAdvice, rows.advice),
                (Consultation, consultations),
            ):
                _bulk(uow.session, model, batch)
            uow.commit()
        done += chunk
        cases += len(rows.cases)
        activities += len(rows.activities)
        if progress:
            progress(done, persons)
    with session.uow() as uow:
        _bulk(uow.session, NetworkActivity, network_activities(g, years=3))
        audit.append(
            uow.session,
            actor_id=session.actor.staff_id,
            action="demo_data_generated",
            detail={"persons": persons, "seed": seed, "cases": cases},
        )
        uow.commit()
    return DemoSummary(persons=persons, cases=cases, activities=activities, agencies=len(directory))
