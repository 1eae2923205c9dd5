"""Advice during selection (指針 第4 4(1); domain/advice.py): recorded as advice, never as a case, and
linked to the case when the person is later referred."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from teiretsu_desktop.domain.advice import SelectionStage, advice_problems
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import Agency, SelectionAdvice, Staff, SupportCase


@dataclass(frozen=True)
class AdviceInput:
    advised_on: date
    stage: SelectionStage
    advice: str
    agency_id: str | None = None
    agency_name: str = ""  # when the agency is not in the directory
    subject: str = ""  # how the agency calls the person: 称呼番号, initials


@dataclass(frozen=True)
class AdviceView:
    id: str
    advised_on: date
    stage: SelectionStage
    agency_name: str
    subject: str
    advice: str
    case_id: str | None
    case_no: str
    staff_name: str
    visible: bool  # the subject and the advice are shown to roles that read sensitive records


def record_advice(session: StaffSession, data: AdviceInput) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    problems = advice_problems(
        data.advised_on, str(data.stage), bool(data.agency_id or data.agency_name.strip()), data.advice,
        data.subject, date.today(),
    )  # fmt: skip
    if problems:
        raise InvalidInput("助言を記録できません: " + " / ".join(problems))
    with session.uow() as uow:
        name = data.agency_name.strip()
        if data.agency_id:
            name = fetch(uow, Agency, data.agency_id).name
        row = SelectionAdvice(
            advised_on=data.advised_on, stage=str(data.stage), agency_id=data.agency_id or None, agency_name=name,
            subject=data.subject.strip() or None, advice=data.advice.strip(), staff_id=session.actor.staff_id,
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        record_change(
            session, uow, "selection_advice_recorded", "selection_advice", row.id, {"stage": str(data.stage)}
        )
        uow.commit()
        advice_id = row.id
    return Outcome(advice_id, Changes.of(ChangeKind.NETWORK_ACTIVITY, advice_id))


def link_advice(session: StaffSession, advice_id: str, case_id: str) -> Outcome[str]:
    """The person was referred afterwards: the advice belongs to that case from now on."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        row = fetch(uow, SelectionAdvice, advice_id)
        fetch(uow, SupportCase, case_id)
        if row.case_id not in (None, case_id):
            raise InvalidInput(
                "この助言は既に別のケースに結び付いています / The advice already belongs to another case."
            )
        row.case_id = case_id
        record_change(session, uow, "selection_advice_linked", "case", case_id, {"advice": advice_id})
        uow.commit()
    return Outcome(
        advice_id, Changes.of(ChangeKind.NETWORK_ACTIVITY, advice_id) | Changes.of(ChangeKind.CASE, case_id)
    )


def list_advice(
    session: StaffSession, *, start: date | None = None, end: date | None = None, case_id: str | None = None
) -> list[AdviceView]:
    """Newest first: within [start, end], or the advice linked to one case."""
    session.require(Permission.READ_CASES)
    visible = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        query = (
            select(SelectionAdvice, Staff.display_name, SupportCase.case_no)
            .outerjoin(Staff, Staff.id == SelectionAdvice.staff_id)
            .outerjoin(SupportCase, SupportCase.id == SelectionAdvice.case_id)
            .order_by(SelectionAdvice.advised_on.desc(), SelectionAdvice.updated_at.desc())
        )
        if start is not None:
            query = query.where(SelectionAdvice.advised_on >= start)
        if end is not None:
            query = query.where(SelectionAdvice.advised_on <= end)
        if case_id is not None:
            query = query.where(SelectionAdvice.case_id == case_id)
        return [
            AdviceView(
                id=a.id, advised_on=a.advised_on, stage=SelectionStage(a.stage), agency_name=a.agency_name,
                subject=(a.subject or "") if visible else "", advice=a.advice if visible else "", case_id=a.case_id,
                case_no=case_no or "", staff_name=staff or "", visible=visible,
            )
            for a, staff, case_no in uow.session.execute(query).all()
        ]  # fmt: skip


def count_advice(session: StaffSession, start: date, end: date) -> dict[SelectionStage, int]:
    """How much advice was given in a period, by stage (the year's report counts it apart from cases)."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(SelectionAdvice.stage, func.count())
            .where(SelectionAdvice.advised_on.between(start, end))
            .group_by(SelectionAdvice.stage)
        )
        found = {SelectionStage(stage): int(n) for stage, n in rows}
    return {stage: found.get(stage, 0) for stage in SelectionStage}
