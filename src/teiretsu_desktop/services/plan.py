"""The 支援計画 of a case, item by item (issue 17; domain/plan.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.plan import PlanStatus, plan_item_problems
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import check_revision, fetch
from teiretsu_desktop.store.models import Agency, PlanItem, SupportCase


@dataclass(frozen=True)
class PlanItemInput:
    need: str
    action: str
    goal: str = ""
    agency_id: str | None = None
    agency_name: str = ""  # when the agency is not in the directory
    responsible: str = ""
    due_on: date | None = None
    status: PlanStatus = PlanStatus.PLANNED
    reviewed_on: date | None = None


@dataclass(frozen=True)
class PlanItemView(PlanItemInput):
    id: str = ""
    position: int = 0
    revision: int = 0


def _check(data: PlanItemInput) -> None:
    problems = plan_item_problems(
        data.need, data.action, data.due_on, data.reviewed_on, date.today(),
        texts=(data.goal, data.agency_name, data.responsible),
    )  # fmt: skip
    if problems:
        raise InvalidInput("支援計画の項目を保存できません: " + " / ".join(problems))


def _apply(s: Session, item: PlanItem, data: PlanItemInput) -> None:
    """The item's fields from the input; an agency of the directory gives its name."""
    name = data.agency_name.strip() or None
    if data.agency_id:
        agency = s.get(Agency, data.agency_id)
        if agency is None:
            raise InvalidInput("関係機関が見つかりません / No such agency.")
        name = agency.name
    item.need, item.goal, item.action = data.need.strip(), data.goal.strip() or None, data.action.strip()
    item.agency_id, item.agency_name = data.agency_id or None, name
    item.responsible, item.due_on = data.responsible.strip() or None, data.due_on
    item.status, item.reviewed_on = str(data.status), data.reviewed_on


def add_plan_item(session: StaffSession, case_id: str, data: PlanItemInput) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    _check(data)
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        last = uow.session.scalar(select(func.max(PlanItem.position)).where(PlanItem.case_id == case_id))
        item = PlanItem(
            case_id=case_id, position=(last or 0) + 1, need="", action="", status=str(data.status)
        )
        _apply(uow.session, item, data)
        uow.session.add(item)
        uow.session.flush()
        record_change(session, uow, "plan_item_added", "case", case_id, {"position": item.position})
        uow.commit()
        item_id = item.id
    return Outcome(item_id, Changes.of(ChangeKind.PLAN, item_id, case=case_id))


def update_plan_item(
    session: StaffSession, item_id: str, data: PlanItemInput, *, expected_revision: int
) -> Outcome[str]:
    """Change an item (its status when reviewed, most often); an edit made meanwhile is not overwritten."""
    session.require(Permission.WRITE_CASES)
    _check(data)
    with session.uow() as uow:
        item = fetch(uow, PlanItem, item_id)
        check_revision(item.revision, expected_revision)
        before = item.status
        _apply(uow.session, item, data)
        record_change(
            session, uow, "plan_item_updated", "case", item.case_id,
            {"position": item.position, "status": f"{before}→{item.status}"},
        )  # fmt: skip
        uow.commit()
        case_id = item.case_id
    return Outcome(item_id, Changes.of(ChangeKind.PLAN, item_id, case=case_id))


def list_plan(session: StaffSession, case_id: str) -> list[PlanItemView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.scalars(
            select(PlanItem).where(PlanItem.case_id == case_id).order_by(PlanItem.position)
        ).all()
        return [
            PlanItemView(
                need=r.need, action=r.action, goal=r.goal or "", agency_id=r.agency_id,
                agency_name=r.agency_name or "", responsible=r.responsible or "", due_on=r.due_on,
                status=PlanStatus(r.status), reviewed_on=r.reviewed_on, id=r.id, position=r.position,
                revision=r.revision,
            )
            for r in rows
        ]  # fmt: skip
