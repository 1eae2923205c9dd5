"""The case list: filtered, sorted, paged in SQL so that the first page of 100,000 persons is instant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from teiretsu_desktop.store.models import Person, Staff, SupportCase

QueryT = TypeVar("QueryT", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True)
class CaseListFilter:
    person_ids: tuple[str, ...] | None = None  # from a name search; None = everyone
    business_line: str | None = None
    states: tuple[str, ...] | None = None
    staff_id: str | None = None
    sort: str = "updated_at"
    descending: bool = True


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    case_no: str
    person_id: str
    person_name: str
    person_kana: str
    birth_date: date | None
    business_line: str
    state: str
    primary_staff: str | None
    request_date: date | None
    expected_release: date | None
    detention_expiry: date | None
    updated_at: str


SORT_COLUMNS: dict[str, Any] = {
    "case_no": SupportCase.case_no,
    "person_kana": Person.family_kana,
    "business_line": SupportCase.business_line,
    "state": SupportCase.state,
    "request_date": SupportCase.request_date,
    "expected_release": SupportCase.expected_release,
    "detention_expiry": SupportCase.detention_expiry,
    "updated_at": SupportCase.updated_at,
}


def _filtered(query: QueryT, flt: CaseListFilter) -> QueryT:
    if flt.person_ids is not None:
        query = query.where(SupportCase.person_id.in_(flt.person_ids))
    if flt.business_line:
        query = query.where(SupportCase.business_line == flt.business_line)
    if flt.states:
        query = query.where(SupportCase.state.in_(flt.states))
    if flt.staff_id:
        query = query.where(SupportCase.primary_staff_id == flt.staff_id)
    return query


def count_cases(session: Session, flt: CaseListFilter) -> int:
    query = _filtered(select(func.count()).select_from(SupportCase), flt)
    return int(session.execute(query).scalar_one())


def list_cases(session: Session, flt: CaseListFilter, *, offset: int = 0, limit: int = 200) -> list[CaseRow]:
    staff = aliased(Staff)
    column = SORT_COLUMNS.get(flt.sort, SupportCase.updated_at)
    order = column.desc() if flt.descending else column.asc()
    query = (
        select(
            SupportCase.id,
            SupportCase.case_no,
            Person.id,
            Person.family_name,
            Person.given_name,
            Person.family_kana,
            Person.given_kana,
            Person.birth_date,
            SupportCase.business_line,
            SupportCase.state,
            staff.display_name,
            SupportCase.request_date,
            SupportCase.expected_release,
            SupportCase.detention_expiry,
            SupportCase.updated_at,
        )
        .join(Person, Person.id == SupportCase.person_id)
        .outerjoin(staff, staff.id == SupportCase.primary_staff_id)
        .order_by(order, SupportCase.id)
        .offset(offset)
        .limit(limit)
    )
    rows: list[Any] = list(session.execute(_filtered(query, flt)).all())
    return [
        CaseRow(
            r[0],
            r[1],
            r[2],
            f"{r[3]} {r[4]}".strip(),
            f"{r[5]} {r[6]}".strip(),
            r[7],
            r[8],
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
        )
        for r in rows
    ]
