"""相談支援 intake: a light record (anonymous allowed) that can become a full case."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from teiretsu_desktop.domain.codes import BusinessLine, ConsultationChannel, ConsultationTopic, Requester
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import persons
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.cases import CaseInput, open_case
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import Consultation, Person


@dataclass(frozen=True)
class ConsultationInput:
    received_at: datetime
    channel: ConsultationChannel
    consulter_kind: Requester
    topics: tuple[ConsultationTopic, ...]
    summary: str
    anonymous: bool = False
    person_id: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class ConsultationView(ConsultationInput):
    id: str = ""
    case_id: str | None = None
    summary_visible: bool = True
    person_name: str = ""  # the person it was about, when known


def record_consultation(session: StaffSession, data: ConsultationInput) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    if data.anonymous and data.person_id:
        raise InvalidInput(
            "匿名の相談に対象者は結び付けられません / An anonymous consultation has no person."
        )
    if not data.topics:
        raise InvalidInput("相談内容を1つ以上選んでください / Choose at least one topic.")
    with session.uow() as uow:
        row = Consultation(
            received_at=data.received_at,
            channel=str(data.channel),
            consulter_kind=str(data.consulter_kind),
            anonymous=data.anonymous,
            person_id=data.person_id,
            topics=json.dumps([str(t) for t in data.topics]),
            summary=data.summary,
            outcome=data.outcome,
            staff_id=session.actor.staff_id,
        )
        uow.session.add(row)
        uow.session.flush()
        record_change(session, uow, "consultation_recorded", "consultation", row.id)
        uow.commit()
    return Outcome(row.id, Changes.of(ChangeKind.CONSULTATION, row.id))


def link_case(session: StaffSession, consultation_id: str, case_id: str, person_id: str) -> Changes:
    """Inside the caller's use case: the consultation now belongs to the person and their case (a
    consultation already made a case cannot make another)."""
    with session.uow() as uow:
        row = fetch(uow, Consultation, consultation_id)
        if row.case_id:
            raise InvalidInput("この相談は既にケースになっています / This consultation already has a case.")
        row.case_id, row.person_id, row.anonymous = case_id, person_id, False
        record_change(
            session, uow, "consultation_converted", "consultation", consultation_id, {"case": case_id}
        )
        uow.commit()
    return Changes.of(ChangeKind.CONSULTATION, consultation_id)


def convert_to_case(session: StaffSession, consultation_id: str, person_id: str, *, on: date) -> Outcome[str]:
    """Open a 相談支援 case for a known person and link the consultation to it: one transaction."""
    session.require(Permission.WRITE_CASES)
    with session.transaction() as uow:
        row = fetch(uow, Consultation, consultation_id)
        if row.case_id:
            raise InvalidInput("この相談は既にケースになっています / This consultation already has a case.")
        outcome = open_case(
            session, person_id,
            CaseInput(BusinessLine.CONSULTATION, requester=row.consulter_kind, request_date=on,
                      primary_staff_id=session.actor.staff_id),
            on=on,
        )  # fmt: skip
        changes = link_case(session, consultation_id, outcome.value, person_id)
    return Outcome(outcome.value, outcome.changes | changes)


def link_person(session: StaffSession, consultation_id: str, person_id: str) -> Outcome[str]:
    """The consultation was about a person already registered (no case opened for it)."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        row = fetch(uow, Consultation, consultation_id)
        fetch(uow, Person, person_id)
        row.person_id, row.anonymous = person_id, False
        record_change(
            session, uow, "consultation_linked", "consultation", consultation_id, {"person": person_id}
        )
        uow.commit()
    return Outcome(consultation_id, Changes.of(ChangeKind.CONSULTATION, consultation_id))


@dataclass(frozen=True)
class ConsultationPage:
    rows: list[ConsultationView]
    total: int  # every consultation in the period (-1 on a later page: counted with the first)


def list_consultations(session: StaffSession, *, start: datetime, end: datetime) -> list[ConsultationView]:
    """Every consultation received in the period, oldest first."""
    return _consultations(session, start, end, newest_first=False, offset=0, limit=None).rows


def consultation_page(
    session: StaffSession, *, start: datetime, end: datetime, offset: int = 0, limit: int = 200
) -> ConsultationPage:
    """A page of the period's consultations, newest first, and how many there are (the 相談 page reads a
    page at a time as it is scrolled: a year holds thousands at a large center, issue 19)."""
    return _consultations(session, start, end, newest_first=True, offset=offset, limit=limit)


def _consultations(
    session: StaffSession,
    start: datetime,
    end: datetime,
    *,
    newest_first: bool,
    offset: int,
    limit: int | None,
) -> ConsultationPage:
    session.require(Permission.READ_CASES)
    show = session.can(Permission.READ_SENSITIVE)
    within = Consultation.received_at.between(start, end)
    order = (Consultation.received_at.desc(), Consultation.id.desc()) if newest_first else (
        Consultation.received_at, Consultation.id)  # fmt: skip
    with session.uow(write=False) as uow:
        query = select(Consultation).where(within).order_by(*order).offset(offset)
        rows = list(uow.session.execute(query if limit is None else query.limit(limit)).scalars())
        if limit is None:
            total = len(rows)
        elif offset == 0:
            total = uow.session.execute(
                select(func.count()).select_from(Consultation).where(within)
            ).scalar_one()
        else:
            total = -1
    names = persons.names_of(session, {r.person_id for r in rows if r.person_id})
    views = [
        ConsultationView(
            r.received_at, ConsultationChannel(r.channel), Requester(r.consulter_kind),
            tuple(ConsultationTopic(t) for t in json.loads(r.topics)), r.summary if show else "", r.anonymous,
            r.person_id, r.outcome, id=r.id, case_id=r.case_id, summary_visible=show,
            person_name=names.get(r.person_id or "", ""),
        )
        for r in rows
    ]  # fmt: skip
    return ConsultationPage(views, int(total))
