"""Cases: open, edit, move through the business line's states, review, read."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select

from teiretsu_desktop.domain.case_rules import (
    CLOSING_FIELDS,
    REQUESTER_OF_AGENCY,
    check_case,
    record_of,
    requester_office_problem,
)
from teiretsu_desktop.domain.codes import (
    ActivityKind,
    AgencyKind,
    BusinessLine,
    CandidateStatus,
    DestinationKind,
    ReviewDecision,
)
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.wareki import fiscal_year
from teiretsu_desktop.domain.workflow import (
    PRE_RELEASE,
    CaseFacts,
    CaseState,
    allowed_next,
    check_transition,
    missing_for,
    needs_reason,
)
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change, record_sensitive_view
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.consent import episode_consent
from teiretsu_desktop.services.lookup import check_revision, fetch
from teiretsu_desktop.services.sync.state import case_series
from teiretsu_desktop.store.models import (
    Activity,
    Agency,
    CaseReview,
    CaseStateChange,
    Person,
    PlacementCandidate,
    SupportCase,
    utc_now,
)
from teiretsu_desktop.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class CaseInput:
    business_line: BusinessLine
    center_role: str | None = None
    partner_center: str | None = None
    partner_reference: str | None = None
    requester: str | None = None
    requester_document_no: str | None = None
    requester_agency_id: str | None = None  # the office that asked, from the 関係機関 directory
    request_date: date | None = None
    target_category: str | None = None
    facility_name: str | None = None
    sentence_kind: str | None = None
    offence: str | None = None
    sentence_end: date | None = None
    expected_release: date | None = None
    detention_expiry: date | None = None
    lawyer_name: str | None = None
    lawyer_contact: str | None = None
    protection_card: bool | None = None
    emergency_aid_applied_on: date | None = None
    emergency_aid_until: date | None = None
    primary_staff_id: str | None = None
    secondary_staff_id: str | None = None
    release_date: date | None = None
    destination_kind: str | None = None
    destination_name: str | None = None
    follow_up_planned_end: date | None = None
    closure_date: date | None = None
    closure_reason: str | None = None
    readmission: str = "unknown"
    readmission_date: date | None = None
    readmission_source: str | None = None
    remarks: str | None = None


@dataclass(frozen=True)
class CaseView(CaseInput):
    id: str = ""
    case_no: str = ""
    person_id: str = ""
    person_name: str = ""
    state: CaseState = CaseState.RECEIVED
    revision: int = 0
    offence_visible: bool = False


_FIELDS = [f.name for f in fields(CaseInput)]


def _store_value(value: object) -> object:
    return str(value) if isinstance(value, BusinessLine) else value


def _next_case_no(uow: UnitOfWork, on: date) -> str:
    """年度-連番; a device other than the hub numbers in its own series (2026-B00001), so that two
    laptops registering cases on the same day never give two cases one number (ADR 0018)."""
    prefix = f"{fiscal_year(on)}-{case_series(uow.session)}"
    last = uow.session.execute(
        select(func.max(SupportCase.case_no)).where(SupportCase.case_no.op("GLOB")(prefix + "[0-9]" * 5))
    ).scalar()
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _validate(data: CaseInput, state: CaseState) -> None:
    """The one case validator (domain/case_rules.py), against the state the case will be in."""
    check_case(record_of(data.business_line, state, data))


def _with_requester_office(uow: UnitOfWork, data: CaseInput) -> CaseInput:
    """The office that asked must exist and agree with the 依頼元 category, which it fills when empty."""
    if not data.requester_agency_id:
        return replace(data, requester_agency_id=None)
    office = uow.session.get(Agency, data.requester_agency_id)
    if office is None:
        raise InvalidInput(
            "依頼元の機関が関係機関の一覧にありません / The requesting office is not in the directory."
        )
    kind = AgencyKind(office.kind)
    problem = requester_office_problem(data.requester, kind, office.name)
    if problem:
        raise InvalidInput(f"ケースを保存できません: {problem}")
    return replace(data, requester=data.requester or str(REQUESTER_OF_AGENCY[kind]))


def open_case(
    session: StaffSession, person_id: str, data: CaseInput, *, on: date | None = None
) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    if data.offence:
        session.require(Permission.WRITE_SENSITIVE)
    _validate(data, CaseState.RECEIVED)
    today = on or date.today()
    with session.uow() as uow:
        fetch(uow, Person, person_id)
        data = _with_requester_office(uow, data)
        case = SupportCase(
            case_no=_next_case_no(uow, data.request_date or today),
            person_id=person_id,
            state=str(CaseState.RECEIVED),
            **{name: _store_value(getattr(data, name)) for name in _FIELDS},
        )
        uow.session.add(case)
        uow.session.flush()
        uow.session.add(
            CaseStateChange(
                case_id=case.id,
                from_state=None,
                to_state=str(CaseState.RECEIVED),
                changed_on=today,
                changed_at=utc_now(),
                staff_id=session.actor.staff_id,
            )
        )
        record_change(session, uow, "case_opened", "case", case.id, {"line": str(data.business_line)})
        uow.commit()
    return Outcome(case.id, Changes.of(ChangeKind.CASE, case.id) | Changes.of(ChangeKind.PERSON, person_id))


def update_case(
    session: StaffSession,
    case_id: str,
    data: CaseInput,
    *,
    expected_revision: int,
    becoming: CaseState | None = None,
    line_change_reason: str | None = None,
) -> Outcome[str]:
    """Save the case's fields (not its state). Without the sensitive permission the offence is kept.

    The fields are checked against the state the case has — or, when the same use case is about to
    move it (`becoming`), the state it will have. An ended case's closing fields change only by
    reopening it."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        case = fetch(uow, SupportCase, case_id)
        check_revision(case.revision, expected_revision)
        current = CaseState(case.state)
        _validate(data, becoming or current)
        data = _with_requester_office(uow, data)
        if not current.is_open and becoming is None:
            changed = [f for f in CLOSING_FIELDS if getattr(data, f) != getattr(case, f)]
            if changed:
                raise InvalidInput(
                    f"「{current.label}」のケースの終結日・終結理由は、ケースを再開してから変更してください / "
                    "Reopen the case to change how it ended."
                )
        line_changed = str(data.business_line) != case.business_line
        if line_changed and current is not CaseState.RECEIVED:
            # 特別調整 ↔ 一般調整 can switch before the release, with its reason (DOMAIN §10.11).
            switch = {case.business_line, str(data.business_line)} == {"special", "general"}
            if not (switch and current in PRE_RELEASE):
                raise InvalidInput(
                    "業務区分は依頼受理の段階でのみ変更できます (特別調整と一般調整は退所前なら理由を添えて切り替えられます) / "
                    "The line can change only while 依頼受理 (special and general can switch before release)."
                )
            why = (line_change_reason or "").strip()
            if not why:
                raise InvalidInput(
                    "特別調整と一般調整を切り替える理由を入力してください / Give the reason for switching the line."
                )
            record_change(
                session, uow, "case_line_switched", "case", case_id,
                {"from": case.business_line, "to": str(data.business_line), "reason": why[:200]},
            )  # fmt: skip
        for name in _FIELDS:
            if name == "offence" and not session.can(Permission.WRITE_SENSITIVE):
                continue
            setattr(case, name, _store_value(getattr(data, name)))
        record_change(session, uow, "case_updated", "case", case_id)
        uow.commit()
        person_id = case.person_id
    return Outcome(case_id, Changes.of(ChangeKind.CASE, case_id) | Changes.of(ChangeKind.PERSON, person_id))


def _facts(uow: UnitOfWork, case: SupportCase, on: date) -> CaseFacts:
    s = uow.session
    interviews = s.execute(
        select(func.count())
        .select_from(Activity)
        .where(Activity.case_id == case.id, Activity.kind == str(ActivityKind.INTERVIEW))
    ).scalar_one()
    decided = s.execute(
        select(func.count())
        .select_from(PlacementCandidate)
        .where(
            PlacementCandidate.case_id == case.id, PlacementCandidate.status == str(CandidateStatus.DECIDED)
        )
    ).scalar_one()
    return CaseFacts(
        business_line=BusinessLine(case.business_line),
        state=CaseState(case.state),
        has_primary_staff=case.primary_staff_id is not None,
        interview_count=int(interviews),
        episode_consent=episode_consent(s, case.person_id, case.id, on) is not None,
        has_decided_candidate=decided > 0,
        release_date=case.release_date,
        destination_kind=case.destination_kind,
        closure_date=case.closure_date,
        closure_reason=case.closure_reason,
    )


@dataclass(frozen=True)
class NextStep:
    state: CaseState
    missing: tuple[str, ...]


def next_steps(session: StaffSession, case_id: str, *, on: date | None = None) -> list[NextStep]:
    """Each state the case may move to now, with what the rules still need for it (empty = ready)."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        facts = _facts(uow, fetch(uow, SupportCase, case_id), on or date.today())
    return [NextStep(t, tuple(missing_for(facts, t))) for t in allowed_next(facts.business_line, facts.state)]


def transition_case(
    session: StaffSession,
    case_id: str,
    target: CaseState,
    *,
    on: date | None = None,
    reason: str | None = None,
) -> Outcome[CaseState]:
    """Move the case to `target`; TransitionRefused names what is missing. A move back (a decided
    placement that fell through) needs its reason, which the history keeps. At release the residence
    is fixed as 矯正施設退所時点の居住先 (参考2); later moves change only the current destination."""
    session.require(Permission.WRITE_CASES)
    today = on or date.today()
    with session.uow() as uow:
        case = fetch(uow, SupportCase, case_id)
        check_transition(_facts(uow, case, today), target)
        if needs_reason(CaseState(case.state), target) and not (reason or "").strip():
            raise InvalidInput(
                f"「{target.label}」にする理由を入力してください / Give the reason for this move."
            )
        if target.is_open and not CaseState(case.state).is_open:  # support continues after an ending
            case.closure_date, case.closure_reason = None, None
        check_case(record_of(BusinessLine(case.business_line), target, case))
        previous = case.state
        case.state = str(target)
        if target is CaseState.RELEASED:
            case.release_destination_kind = case.destination_kind
        elif target is CaseState.RELEASED_UNPLACED:
            case.release_destination_kind = str(DestinationKind.UNDECIDED)
        uow.session.add(
            CaseStateChange(
                case_id=case.id,
                from_state=previous,
                to_state=str(target),
                changed_on=today,
                changed_at=utc_now(),
                staff_id=session.actor.staff_id,
                reason=(reason or "").strip()[:500] or None,
            )
        )
        record_change(
            session, uow, "case_state_changed", "case", case.id, {"from": previous, "to": str(target)}
        )
        uow.commit()
        person_id = case.person_id
    return Outcome(target, Changes.of(ChangeKind.CASE, case_id) | Changes.of(ChangeKind.PERSON, person_id))


def reopen_case(session: StaffSession, case_id: str, *, reason: str) -> Outcome[CaseState]:
    """Reopen an ended case (a closure entered by mistake, or support that continues): back to the state
    it ended from, with 終結日 and 終結理由 cleared. Audited with the reason; its history keeps both moves."""
    session.require(Permission.WRITE_CASES)
    if not reason.strip():
        raise InvalidInput("再開の理由を入力してください / Give a reason for reopening the case.")
    with session.uow() as uow:
        case = fetch(uow, SupportCase, case_id)
        ended = CaseState(case.state)
        if ended.is_open:
            raise InvalidInput("このケースは終了していません / The case has not ended.")
        before = uow.session.scalars(
            select(CaseStateChange.from_state)
            .where(CaseStateChange.case_id == case_id, CaseStateChange.to_state == str(ended))
            .order_by(CaseStateChange.rowid.desc())
            .limit(1)
        ).first()
        target = CaseState(before) if before else CaseState.RECEIVED
        case.state, case.closure_date, case.closure_reason = str(target), None, None
        if target in PRE_RELEASE:
            case.release_destination_kind = None  # not released any more: fixed again at the release
        uow.session.add(
            CaseStateChange(
                case_id=case.id, from_state=str(ended), to_state=str(target), changed_on=date.today(),
                changed_at=utc_now(), staff_id=session.actor.staff_id,
            )
        )  # fmt: skip
        record_change(
            session, uow, "case_reopened", "case", case.id,
            {"from": str(ended), "to": str(target), "reason": reason.strip()[:200]},
        )  # fmt: skip
        uow.commit()
        person_id = case.person_id
    return Outcome(target, Changes.of(ChangeKind.CASE, case_id) | Changes.of(ChangeKind.PERSON, person_id))


def record_review(
    session: StaffSession,
    case_id: str,
    *,
    reviewed_on: date,
    decision: ReviewDecision,
    note: str | None = None,
) -> Outcome[str]:
    """A follow-up or 6-month review; the next review reminder counts from it."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        case = fetch(uow, SupportCase, case_id)
        review = CaseReview(case_id=case.id, reviewed_on=reviewed_on, decision=str(decision), note=note)
        uow.session.add(review)
        uow.session.flush()
        record_change(session, uow, "case_reviewed", "case", case.id, {"decision": str(decision)})
        uow.commit()
    return Outcome(review.id, Changes.of(ChangeKind.REVIEW, review.id, case=case_id))


def business_line_of(session: StaffSession, case_id: str) -> BusinessLine:
    """Only the case's line (what the print dialog needs to offer the forms for it; no sensitive read)."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        return BusinessLine(fetch(uow, SupportCase, case_id).business_line)


def get_case(session: StaffSession, case_id: str) -> CaseView:
    session.require(Permission.READ_CASES)
    show_offence = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        case = fetch(uow, SupportCase, case_id)
        person = uow.session.get(Person, case.person_id)
        assert person is not None
        values = {name: getattr(case, name) for name in _FIELDS}
        values["business_line"] = BusinessLine(case.business_line)
        view = CaseView(
            **values,
            id=case.id,
            case_no=case.case_no,
            person_id=case.person_id,
            person_name=f"{person.family_name} {person.given_name}".strip(),
            state=CaseState(case.state),
            revision=case.revision,
            offence_visible=show_offence,
        )
    if not show_offence:
        return replace(view, offence=None)
    if view.offence:
        record_sensitive_view(session, "case", case_id, ["offence"])
    return view


def find_case_id(session: StaffSession, ref: str) -> str:
    """A case by its id or its number (as in the ledger and on forms)."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        found = uow.session.execute(
            select(SupportCase.id).where((SupportCase.id == ref) | (SupportCase.case_no == ref))
        ).scalar()
    if found is None:
        raise InvalidInput(f"ケースが見つかりません / No case {ref}.")
    return str(found)


@dataclass(frozen=True)
class ReviewView:
    id: str
    reviewed_on: date
    decision: ReviewDecision
    note: str | None


def list_reviews(session: StaffSession, case_id: str) -> list[ReviewView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(CaseReview).where(CaseReview.case_id == case_id).order_by(CaseReview.reviewed_on)
        ).scalars()
        return [ReviewView(r.id, r.reviewed_on, ReviewDecision(r.decision), r.note) for r in rows]


def latest_case_of(session: StaffSession, person_id: str) -> str | None:
    """The person's most recently requested case (to open from a person-level reminder)."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        found = uow.session.execute(
            select(SupportCase.id)
            .where(SupportCase.person_id == person_id)
            .order_by(SupportCase.request_date.desc(), SupportCase.updated_at.desc())
            .limit(1)
        ).scalar()
    return str(found) if found else None
