"""The case list as the GUI pages through it: search, filters, SQL sorting, one page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.persons import parse_search
from teiretsu_desktop.store.queries import person_search
from teiretsu_desktop.store.queries.case_list import CaseListFilter, CaseRow, count_cases, list_cases

MAX_MATCHED_PERSONS = 1000


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    business_line: str | None = None
    states: tuple[str, ...] | None = None
    staff_id: str | None = None
    sort: str = "updated_at"
    descending: bool = True
    by_person: bool = False


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    total: int
    offset: int


def find_cases(session: StaffSession, query: CaseQuery, *, offset: int = 0, limit: int = 200) -> CasePage:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        person_ids: tuple[str, ...] | None = None
        if query.text.strip():
            key, birth = parse_search(query.text)
            person_ids = tuple(
                person_search.search_ids(uow.session, key, birth=birth, limit=MAX_MATCHED_PERSONS)
            )
        flt = CaseListFilter(
            person_ids=person_ids,
            business_line=query.business_line,
            states=query.states,
            staff_id=query.staff_id,
            sort=query.sort,
            descending=query.descending,
            by_person=query.by_person,
        )
        total = count_cases(uow.session, flt) if offset == 0 else -1
        rows = list_cases(uow.session, flt, offset=offset, limit=limit)
    return CasePage(rows, total, offset)
