"""The rows fiscal-year statistics are computed from: coded fields and dates only, never text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, case, distinct, func, or_, select
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


_FACT_COLUMNS = (
    SupportCase.id, SupportCase.person_id, SupportCase.business_line, SupportCase.state, SupportCase.request_date,
    SupportCase.release_date, SupportCase.closure_date, SupportCase.closure_reason, SupportCase.destination_kind,
    SupportCase.readmission, Person.birth_date,
)  # fmt: skip


def _facts(session: Session, *conditions: Any) -> list[CaseFact]:
    query = select(*_FACT_COLUMNS).join(Person, Person.id == SupportCase.person_id).where(*conditions)
    return [CaseFact(*row) for row in session.execute(query).all()]


def caseload_counts(session: Session, start: date, end: date) -> dict[tuple[str, str], int]:
    """Distinct persons per business line: new, carried over, closed, open at year end — one pass in SQL."""
    person = SupportCase.person_id
    request, closure = SupportCase.request_date, SupportCase.closure_date
    columns = {
        "new": request.between(start, end),
        "carried_over": and_(request < start, or_(closure.is_(None), closure >= start)),
        "closed": closure.between(start, end),
        "open_at_year_end": and_(request <= end, or_(closure.is_(None), closure > end)),
    }
    query = select(
        SupportCase.business_line, *(func.count(distinct(case((cond, person)))) for cond in columns.values())
    ).group_by(SupportCase.business_line)
    out: dict[tuple[str, str], int] = {}
    for line, *counts in session.execute(query).all():
        out.update({(line, name): int(n) for name, n in zip(columns, counts, strict=True)})
    return out


def returned_facts(session: Session, start: date, end: date) -> list[CaseFact]:
    """Coordination cases whose person returned to a destination in the period."""
    return _facts(
        session,
        SupportCase.business_line.in_(("special", "general")),
        SupportCase.release_date.between(start, end),
        SupportCase.state.in_(("released", "follow_up", "closed")),
    )


def follow_up_facts(session: Session, start: date, end: date) -> list[CaseFact]:
    """Cases in follow-up: closed in the period after a release, or still in follow-up at its end."""
    return _facts(
        session,
        SupportCase.release_date.is_not(None),
        or_(
            and_(SupportCase.closure_date.between(start, end), SupportCase.state == "closed",
                 SupportCase.business_line.in_(("special", "general", "follow_up"))),
            and_(SupportCase.state == "follow_up", SupportCase.release_date <= end),
        ),
    )  # fmt: skip


def suspect_facts(session: Session, start: date, end: date) -> list[CaseFact]:
    return _facts(
        session, SupportCase.business_line == "suspect", SupportCase.closure_date.between(start, end)
    )


def readmission_facts(session: Session, start: date, end: date) -> list[CaseFact]:
    """特別調整 persons who returned, or declined, in the period (for the re-admission comparison)."""
    return _facts(
        session,
        SupportCase.business_line == "special",
        or_(
            and_(SupportCase.state == "declined", SupportCase.closure_date.between(start, end)),
            and_(
                SupportCase.state.in_(("closed", "follow_up", "released")),
                SupportCase.release_date.between(start, end),
            ),
        ),
    )


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
