"""Destination coordination (受入先候補) and the application-support checklist (申請支援)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from teiretsu_desktop.domain.codes import AgencyKind, ApplicationKind, ApplicationStatus, CandidateStatus
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.placement import PlacementStep, attempt_problems, status_after
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import check_revision, fetch
from teiretsu_desktop.store.models import (
    Agency,
    ApplicationSupport,
    PlacementAttempt,
    PlacementCandidate,
    Staff,
    SupportCase,
)


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
    name: str = "",
    status: CandidateStatus = CandidateStatus.ASKING,
    destination_kind: str | None = None,
    agency_id: str | None = None,
    contacted_on: date | None = None,
    note: str | None = None,
    new_agency_kind: AgencyKind | None = None,
) -> Outcome[str]:
    """A candidate destination: an agency of the 関係機関 directory (its name taken from there), or a new
    one added to the directory on the spot (`new_agency_kind`, with `name`), or a name only."""
    session.require(Permission.WRITE_CASES)
    if new_agency_kind is not None:
        session.require(Permission.MANAGE_DIRECTORY)
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        if agency_id is not None:
            agency = fetch(uow, Agency, agency_id)
            name = name.strip() or agency.name
        elif new_agency_kind is not None and name.strip():
            agency = Agency(kind=str(new_agency_kind), name=name.strip())
            uow.session.add(agency)
            uow.session.flush()
            agency_id = agency.id
            record_change(session, uow, "agency_saved", "agency", agency.id, {"from_case": case_id})
        if not name.strip():
            raise InvalidInput(
                "受入先の名称を入力するか、関係機関から選んでください / Enter or choose the destination."
            )
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


@dataclass(frozen=True)
class AttemptView:
    id: str
    candidate_id: str
    candidate_name: str
    step: PlacementStep
    happened_on: date
    outcome: CandidateStatus | None
    reason: str | None
    note: str | None
    staff_name: str


def record_attempt(
    session: StaffSession,
    candidate_id: str,
    step: PlacementStep,
    *,
    on: date | None,
    outcome: CandidateStatus | None = None,
    reason: str | None = None,
    note: str | None = None,
) -> Outcome[str]:
    """One dated step with a candidate (打診, 見学, 体験利用, 回答); the candidate's status follows it. An
    answer of 不可 for the decided candidate means the decided placement fell through: the candidate is
    no longer decided, and the case can go back to 受入先調整中 with its reason."""
    session.require(Permission.WRITE_CASES)
    problems = attempt_problems(step, on, outcome, reason, date.today())
    if problems or on is None:
        raise InvalidInput("経過を記録できません: " + " / ".join(problems))
    with session.uow() as uow:
        candidate = fetch(uow, PlacementCandidate, candidate_id)
        attempt = PlacementAttempt(
            candidate_id=candidate.id, step=str(step), happened_on=on,
            outcome=str(outcome) if outcome else None, reason=(reason or "").strip() or None,
            note=(note or "").strip() or None, staff_id=session.actor.staff_id,
        )  # fmt: skip
        uow.session.add(attempt)
        if candidate.status != str(CandidateStatus.DECIDED) or outcome is CandidateStatus.REFUSED:
            candidate.status = str(status_after(step, outcome))
        if candidate.contacted_on is None or on < candidate.contacted_on:
            candidate.contacted_on = on
        uow.session.flush()
        record_change(
            session, uow, "candidate_attempt", "candidate", candidate.id,
            {"step": str(step), **({"outcome": str(outcome)} if outcome else {})},
        )  # fmt: skip
        uow.commit()
        case_id = candidate.case_id
    return Outcome(attempt.id, Changes.of(ChangeKind.CANDIDATE, candidate_id, case=case_id))


def list_attempts(session: StaffSession, case_id: str) -> list[AttemptView]:
    """Every attempt with the case's candidates, oldest first."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(PlacementAttempt, PlacementCandidate.name, Staff.display_name)
            .join(PlacementCandidate, PlacementCandidate.id == PlacementAttempt.candidate_id)
            .outerjoin(Staff, Staff.id == PlacementAttempt.staff_id)
            .where(PlacementCandidate.case_id == case_id)
            .order_by(PlacementAttempt.happened_on, PlacementAttempt.updated_at)
        ).all()
        return [
            AttemptView(
                a.id, a.candidate_id, name, PlacementStep(a.step), a.happened_on,
                CandidateStatus(a.outcome) if a.outcome else None, a.reason, a.note, staff or "",
            )
            for a, name, staff in rows
        ]  # fmt: skip


def update_candidate_note(
    session: StaffSession, candidate_id: str, note: str | None, *, expected_revision: int
) -> Outcome[str]:
    """The candidate's memo, edited (an edit made meanwhile elsewhere is refused, not overwritten)."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        candidate = fetch(uow, PlacementCandidate, candidate_id)
        check_revision(candidate.revision, expected_revision)
        candidate.note = (note or "").strip() or None
        record_change(session, uow, "candidate_note", "candidate", candidate.id, {})
        uow.commit()
        case_id = candidate.case_id
    return Outcome(candidate_id, Changes.of(ChangeKind.CANDIDATE, candidate_id, case=case_id))
