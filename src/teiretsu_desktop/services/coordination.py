"""Destination coordination (受入先候補) and the application-support checklist (申請支援)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from teiretsu_desktop.domain.codes import ApplicationKind, ApplicationStatus, CandidateStatus
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import ApplicationSupport, PlacementCandidate, SupportCase


@dataclass(frozen=True)
class CandidateView:
    id: str
    case_id: str
    name: str
    status: CandidateStatus
    destination_kind: str | None
    agency_id: str | None
    contacted_on: date | None
    note: str | None
    revision: int


@dataclass(frozen=True)
class ApplicationView:
    id: str
    case_id: str
    kind: ApplicationKind
    status: ApplicationStatus
    applied_on: date | None
    decided_on: date | None
    office: str | None
    note: str | None
    issued_on: date | None = None
    renew_by: date | None = None


def add_candidate(
    session: StaffSession,
    case_id: str,
    *,
    name: str,
    status: CandidateStatus = CandidateStatus.ASKING,
    destination_kind: str | None = None,
    agency_id: str | None = None,
    contacted_on: date | None = None,
    note: str | None = None,
) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    if not name.strip():
        raise InvalidInput("受入先の名称を入力してください / Enter the destination's name.")
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        candidate = PlacementCandidate(
            case_id=case_id,
            name=name.strip(),
            status=str(status),
            destination_kind=destination_kind,
            agency_id=agency_id,
            contacted_on=contacted_on,
            note=note,
        )
        uow.session.add(candidate)
        uow.session.flush()
        record_change(session, uow, "candidate_added", "candidate", candidate.id, {"case": case_id})
        uow.commit()
    return Outcome(candidate.id, Changes.of(ChangeKind.CANDIDATE, candidate.id, case=case_id))


def set_candidate_status(
    session: StaffSession, candidate_id: str, status: CandidateStatus, *, note: str | None = None
) -> Outcome[str]:
    """Deciding one candidate (決定) is allowed once per case: another decided one must be changed first."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        candidate = fetch(uow, PlacementCandidate, candidate_id)
        if status is CandidateStatus.DECIDED:
            other = uow.session.execute(
                select(PlacementCandidate.name).where(
                    PlacementCandidate.case_id == candidate.case_id,
                    PlacementCandidate.status == str(CandidateStatus.DECIDED),
                    PlacementCandidate.id != candidate_id,
                )
            ).scalar()
            if other:
                raise InvalidInput(
                    f"既に「{other}」が決定しています / Another destination is already decided."
                )
        candidate.status = str(status)
        if note is not None:
            candidate.note = note
        record_change(session, uow, "candidate_status", "candidate", candidate_id, {"status": str(status)})
        uow.commit()
        case_id = candidate.case_id
    return Outcome(candidate_id, Changes.of(ChangeKind.CANDIDATE, candidate_id, case=case_id))


def list_candidates(session: StaffSession, case_id: str) -> list[CandidateView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(PlacementCandidate)
            .where(PlacementCandidate.case_id == case_id)
            .order_by(PlacementCandidate.updated_at)
        ).scalars()
        return [
            CandidateView(
                c.id,
                c.case_id,
                c.name,
                CandidateStatus(c.status),
                c.destination_kind,
                c.agency_id,
                c.contacted_on,
                c.note,
                c.revision,
            )
            for c in rows
        ]


def set_application(
    session: StaffSession,
    case_id: str,
    kind: ApplicationKind,
    *,
    status: ApplicationStatus,
    applied_on: date | None = None,
    decided_on: date | None = None,
    office: str | None = None,
    note: str | None = None,
    issued_on: date | None = None,
    renew_by: date | None = None,
    application_id: str | None = None,
) -> Outcome[str]:
    """Record a new application, or update the one `application_id` names. Several of one kind are
    several lines (a 療育手帳 and a 精神障害者保健福祉手帳 are both 障害者手帳): none overwrites another."""
    session.require(Permission.WRITE_CASES)
    if decided_on and applied_on and decided_on < applied_on:
        raise InvalidInput("決定日が申請日より前です / The decision date is before the application date.")
    if issued_on and applied_on and issued_on < applied_on:
        raise InvalidInput("交付日が申請日より前です / The issue date is before the application date.")
    if renew_by and issued_on and renew_by <= issued_on:
        raise InvalidInput("更新期限が交付日より前です / The renewal date is before the issue date.")
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        if application_id is not None:
            line = fetch(uow, ApplicationSupport, application_id)
            if line.case_id != case_id:
                raise InvalidInput(
                    "この申請は別のケースのものです / The application belongs to another case."
                )
            line.kind = str(kind)
        else:
            line = ApplicationSupport(case_id=case_id, kind=str(kind), status=str(status))
            uow.session.add(line)
        line.status = str(status)
        line.applied_on, line.decided_on, line.office, line.note = applied_on, decided_on, office, note
        line.issued_on, line.renew_by = issued_on, renew_by
        line.done = status in (
            ApplicationStatus.GRANTED,
            ApplicationStatus.REJECTED,
            ApplicationStatus.NOT_NEEDED,
        )
        uow.session.flush()
        record_change(
            session,
            uow,
            "application_support",
            "application",
            line.id,
            {"kind": str(kind), "status": str(status)},
        )
        uow.commit()
    return Outcome(line.id, Changes.of(ChangeKind.APPLICATION, line.id, case=case_id))


def list_applications(session: StaffSession, case_id: str) -> list[ApplicationView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(ApplicationSupport)
            .where(ApplicationSupport.case_id == case_id)
            .order_by(ApplicationSupport.kind, ApplicationSupport.applied_on)
        ).scalars()
        return [
            ApplicationView(
                a.id,
                a.case_id,
                ApplicationKind(a.kind),
                ApplicationStatus(a.status),
                a.applied_on,
                a.decided_on,
                a.office,
                a.note,
                a.issued_on,
                a.renew_by,
            )
            for a in rows
        ]
