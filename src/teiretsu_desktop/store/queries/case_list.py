"""The case list: filtered, sorted, paged in SQL so that the first page of 100,000 persons is instant."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from teiretsu_desktop.store.models import Person, Staff, SupportCase
from teiretsu_desktop.store.queries.planner import unindexed

QueryT = TypeVar("QueryT", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True)
class CaseListFilter:
    person_ids: tuple[str, ...] | None = None  # from a name search; None = everyone
    business_line: str | None = None
    states: tuple[str, ...] | None = None
    staff_id: str | None = None
    sort: str = "updated_at"
    descending: bool = True
    by_person: bool = False  # one row per person: their first case in the sort order, and how many match


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
    cases: int = 1  # grouped by person: the person's cases that match the filter


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


def _filtered(query: QueryT, flt: CaseListFilter, *, for_page: bool = False) -> QueryT:
    """The list's filters. For a page of the list (`for_page`), the broad filters — 進行中 (seven states),
    a business line, a staff member — must not pick the index SQLite would otherwise take: it then
    sorts tens of thousands of rows to show 200 (issue 19: 184 ms at 100,000 persons). Walking the sort
    column's index and skipping what does not match stops after a few hundred rows. A search walks
    the person index (its few hundred matches are sorted cheaply)."""
    narrow_states = flt.states is not None and len(flt.states) <= 2
    state = (
        SupportCase.state
        if not for_page or (narrow_states and flt.person_ids is None)
        else unindexed(SupportCase.state)
    )
    line = unindexed(SupportCase.business_line) if for_page else SupportCase.business_line
    staff = unindexed(SupportCase.primary_staff_id) if for_page else SupportCase.primary_staff_id
    if flt.person_ids is not None:
        query = query.where(SupportCase.person_id.in_(_listed(flt.person_ids)))
    if flt.business_line:
        query = query.where(line == flt.business_line)
    if flt.states:
        query = query.where(state.in_(flt.states))
    if flt.staff_id:
        query = query.where(staff == flt.staff_id)
    return query


def _listed(ids: tuple[str, ...]) -> Any:
    """A search's person ids as one bound JSON array (`json_each`), not a bound parameter each: SQLAlchemy
    built the IN list of up to 1,000 parameters in Python for every statement (about 15 ms of a warm
    search, issue 19), and each length was a new statement for SQLite to prepare."""
    listed = func.json_each(json.dumps(list(ids))).table_valued("value")
    return select(listed.c.value)


def count_cases(session: Session, flt: CaseListFilter) -> int:
    """Matching cases, or the persons who have one when grouped by person."""
    counted = func.count(SupportCase.person_id.distinct()) if flt.by_person else func.count()
    # A search counts through the person index; otherwise the state index counts 進行中 at once.
    query = _filtered(select(counted).select_from(SupportCase), flt, for_page=flt.person_ids is not None)
    return int(session.execute(query).scalar_one())


def _person_key(flt: CaseListFilter) -> Any:
    """Sorted by name, the persons are walked in ふりがな order (ix_person_kana) and their cases looked up,
    rather than every case joined and then sorted: the join must not start from the cases."""
    return unindexed(Person.id) if flt.sort == "person_kana" and not flt.person_ids else Person.id


def _order(flt: CaseListFilter) -> Any:
    column = SORT_COLUMNS.get(flt.sort, SupportCase.updated_at)
    return column.desc() if flt.descending else column.asc()


def _first_of_each_person(flt: CaseListFilter) -> Any:
    """Each person's matching cases ranked in the list's order (the name sort ranks by the latest
    change: a person's cases all share the name), with how many there are."""
    within = _order(flt) if flt.sort != "person_kana" else SupportCase.updated_at.desc()
    ranked = select(
        SupportCase.id.label("case_id"),
        func.row_number()
        .over(partition_by=SupportCase.person_id, order_by=(within, SupportCase.id))
        .label("rank"),
        func.count().over(partition_by=SupportCase.person_id).label("cases"),
    )
    return _filtered(ranked, flt).subquery()


def _search_page(flt: CaseListFilter, offset: int, limit: int) -> Any:
    """A search's page of case ids; sorted by the last change (the list's default), chosen from
    ix_support_case_person_state alone (person, state, updated_at, id), so that only the page's rows are
    read from the table. Read whole for the sort, the matches' rows are scattered over the table, and
    the first search after an unlock read each from disk and decrypted it (issue 19)."""
    inner = select(SupportCase.id).select_from(SupportCase)
    return (
        _filtered(inner, flt, for_page=True).order_by(_order(flt), SupportCase.id).offset(offset).limit(limit)
    )


def list_cases(session: Session, flt: CaseListFilter, *, offset: int = 0, limit: int = 200) -> list[CaseRow]:
    staff = aliased(Staff)
    order = _order(flt)
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
        .select_from(SupportCase)
        .join(Person, _person_key(flt) == SupportCase.person_id)
        .outerjoin(staff, staff.id == SupportCase.primary_staff_id)
        .order_by(order, SupportCase.id)
        .offset(offset)
        .limit(limit)
    )
    if flt.by_person:
        first = _first_of_each_person(flt)
        query = (
            query.add_columns(first.c.cases)
            .join(first, first.c.case_id == SupportCase.id)
            .where(first.c.rank == 1)
        )
    elif flt.person_ids is not None and flt.sort != "person_kana":
        query = query.where(SupportCase.id.in_(_search_page(flt, offset, limit))).offset(None).limit(None)
    else:
        query = _filtered(query, flt, for_page=True)
    rows: list[Any] = list(session.execute(query).all())
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
            r[15] if flt.by_person else 1,
        )
        for r in rows
    ]
