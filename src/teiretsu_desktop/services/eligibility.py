"""特別調整's six requirements, as the centre confirms them (issue 17; domain/eligibility.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.eligibility import SpecialRequirement, requirement_problems
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import EligibilityCheck, Staff, SupportCase


@dataclass(frozen=True)
class RequirementView:
    requirement: SpecialRequirement
    met: bool | None  # None: not confirmed yet
    checked_on: date | None
    source: str | None
    staff_name: str


def list_requirements(session: StaffSession, case_id: str) -> list[RequirementView]:
    """All six, in order, each as confirmed so far (or not yet)."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = {
            check.requirement: (check, name)
            for check, name in uow.session.execute(
                select(EligibilityCheck, Staff.display_name)
                .outerjoin(Staff, Staff.id == EligibilityCheck.staff_id)
                .where(EligibilityCheck.case_id == case_id)
            ).all()
        }
    views = []
    for requirement in SpecialRequirement:
        found = rows.get(str(requirement))
        if found is None:
            views.append(RequirementView(requirement, None, None, None, ""))
        else:
            check, name = found
            views.append(RequirementView(requirement, check.met, check.checked_on, check.source, name or ""))
    return views


def confirm_requirement(
    session: StaffSession,
    case_id: str,
    requirement: SpecialRequirement,
    *,
    met: bool | None,
    checked_on: date | None,
    source: str | None = None,
) -> Outcome[str]:
    """Record how one requirement was confirmed (a later confirmation replaces it; both are audited)."""
    session.require(Permission.WRITE_CASES)
    cleaned = (source or "").strip() or None
    problems = requirement_problems(met, checked_on, cleaned, date.today())
    if problems or met is None or checked_on is None:
        raise InvalidInput("要件を記録できません: " + " / ".join(problems))
    with session.uow() as uow:
        case = fetch(uow, SupportCase, case_id)
        if case.business_line != str(BusinessLine.SPECIAL):
            raise InvalidInput("特別調整の要件は特別調整のケースで記録します / Only for 特別調整 cases.")
        check = uow.session.scalar(
            select(EligibilityCheck).where(
                EligibilityCheck.case_id == case_id, EligibilityCheck.requirement == str(requirement)
            )
        )
        if check is None:
            check = EligibilityCheck(
                case_id=case_id, requirement=str(requirement), met=met, checked_on=checked_on
            )
            uow.session.add(check)
        check.met, check.checked_on, check.source = met, checked_on, cleaned
        check.staff_id = session.actor.staff_id
        uow.session.flush()
        record_change(
            session, uow, "requirement_confirmed", "case", case_id,
            {"requirement": str(requirement), "met": met},
        )  # fmt: skip
        uow.commit()
        check_id = check.id
    return Outcome(check_id, Changes.of(ChangeKind.CASE, case_id))
