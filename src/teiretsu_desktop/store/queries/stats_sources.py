"""The rows fiscal-year statistics are computed from: coded fields and dates only, never text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import Activity, Disability, NetworkActivity, Person, SupportCase


@dataclass(frozen=True)
class CaseFact:
    case_id: str
    person_id: str
    line: str
    state: str
    request_date: date | None
    release_date: date | None
    closure_date: date | None
    closure_reason: str | None
    destination_kind: str | None
    readmission: str
    birth_date: date | None


def cases_touching(session: Session, start: date, end: date) -> list[CaseFact]:
    """Cases open at some point in [start, end], or released/closed in it."""
    query = (
        select(
            SupportCase.id, SupportCase.person_id, SupportCase.business_line, SupportCase.state,
            SupportCase.request_date, SupportCase.release_date, SupportCase.closure_date, SupportCase.closure_reason,
            SupportCase.destination_kind, SupportCase.readmission, Person.birth_date,
        )
        .join(Person, Person.id == SupportCase.person_id)
        .where(or_(SupportCase.request_date <= end, SupportCase.request_date.is_(None)))
        .where(or_(SupportCase.closure_date.is_(None), SupportCase.closure_date >= start))
    )  # fmt: skip
    return [CaseFact(*row) for row in session.execute(query).all()]


def cases_for_readmission(session: Session) -> list[CaseFact]:
    """Closed special-coordination cases and declined ones (for the re-admission comparison)."""
    query = (
        select(
            SupportCase.id, SupportCase.person_id, SupportCase.business_line, SupportCase.state,
            SupportCase.request_date, SupportCase.release_date, SupportCase.closure_date, SupportCase.closure_reason,
            SupportCase.destination_kind, SupportCase.readmission, Person.birth_date,
        )
        .join(Person, Person.id == SupportCase.person_id)
        .where(SupportCase.business_line == "special", SupportCase.state.in_(("closed", "follow_up", "released", "declined")))
    )  # fmt: skip
    return [CaseFact(*row) for row in session.execute(query).all()]


def disabilities_of(session: Session, person_ids: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    ids = list(person_ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for pid, kind in session.execute(
            select(Disability.person_id, Disability.kind).where(Disability.person_id.in_(chunk))
        ):
            out.setdefault(pid, set()).add(kind)
    return out


def contacts_by_line(session: Session, start: date, end: date) -> dict[str, int]:
    """延べ contacts: activities in the period, per business line of their case."""
    query = (
        select(SupportCase.business_line, func.count(Activity.id))
        .join(SupportCase, SupportCase.id == Activity.case_id)
        .where(Activity.occurred_at >= datetime.combine(start, time.min), Activity.occurred_at <= datetime.combine(end, time.max))
        .group_by(SupportCase.business_line)
    )  # fmt: skip
    return {line: int(n) for line, n in session.execute(query).all()}


def network_rows(session: Session, start: date, end: date) -> list[tuple[str, str | None, str]]:
    query = select(NetworkActivity.kind, NetworkActivity.council_kind, NetworkActivity.participants).where(
        NetworkActivity.held_on.between(start, end)
    )
    return [(k, c, p) for k, c, p in session.execute(query).all()]
