"""Issue 19: the case list's queries are steered to the indexes that scale (the sort column's, the
person's for a search, ふりがな for the name sort); the rows they return are exactly the filtered,
sorted cases, checked here against a plain reading of every case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text

from teiretsu_desktop.domain.workflow import TERMINAL, CaseState
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.case_list import CaseQuery, find_cases
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.store.models import Person, SupportCase

OPEN = tuple(str(s) for s in CaseState if s not in TERMINAL)
Key = Callable[[Any, Any], Any]
KEYS: dict[str, Key] = {
    "updated_at": lambda c, p: c.updated_at, "request_date": lambda c, p: c.request_date,
    "person_kana": lambda c, p: p.family_kana, "case_no": lambda c, p: c.case_no,
}  # fmt: skip


def _expected(rows: list[Any], query: CaseQuery) -> list[str]:
    kept = [
        (c, p) for c, p in rows
        if (query.states is None or c.state in query.states)
        and (query.business_line is None or c.business_line == query.business_line)
        and (query.staff_id is None or c.primary_staff_id == query.staff_id)
    ]  # fmt: skip
    key = KEYS[query.sort]
    present = [cp for cp in kept if key(*cp) is not None]
    # SQL: NULLs first ascending, last descending; ties by case id ascending.
    ordered = sorted(present, key=lambda cp: cp[0].id)
    ordered.sort(key=lambda cp: key(*cp), reverse=query.descending)
    nulls = sorted((cp for cp in kept if key(*cp) is None), key=lambda cp: cp[0].id)
    result = [*ordered, *nulls] if query.descending else [*nulls, *ordered]
    return [c.id for c, _ in result]


@pytest.mark.parametrize("sort", sorted(KEYS))
def test_every_filter_and_sort_returns_the_cases_a_plain_reading_finds(
    admin: StaffSession, sort: str
) -> None:
    generate_demo_data(admin, persons=120, seed=4, today=date.today())
    with admin.uow(write=False) as uow:
        rows = list(
            uow.session.execute(select(SupportCase, Person).join(Person, Person.id == SupportCase.person_id))
        )
        staff = rows[0][0].primary_staff_id
    for states in (None, OPEN, ("closed",)):
        for line in (None, "special"):
            for descending in (True, False):
                query = CaseQuery(states=states, business_line=line, staff_id=staff if line else None,
                                  sort=sort, descending=descending)  # fmt: skip
                page = find_cases(admin, query, limit=1000)
                expected = _expected(rows, query)
                assert page.total == len(expected)
                if sort == "person_kana":  # ties within a name are ordered by case id, as SQL does
                    assert sorted(r.case_id for r in page.rows) == sorted(expected)
                    kana = [r.person_kana.split(" ")[0] for r in page.rows]
                    assert kana == sorted(kana, reverse=descending)
                else:
                    assert [r.case_id for r in page.rows] == expected, (states, line, descending)


def test_a_search_as_one_types_reads_the_person_ids_from_the_name_index(admin: StaffSession) -> None:
    """The prefix search's statement, as the service runs it, is answered from an index alone: reading
    each matching person_name row for its person id cost 0.1-0.2 s on the first search at 100,000."""
    generate_demo_data(admin, persons=30, seed=5, today=date.today())
    issued: list[tuple[str, Any]] = []

    def spy(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "FROM person_name" in statement and "person_name_fts" not in statement:
            issued.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        page = find_cases(admin, CaseQuery(text="や"))
    finally:
        event.remove(Engine, "before_cursor_execute", spy)
    assert page.total >= 0 and len(issued) == 1
    statement, parameters = issued[0]
    with admin.uow(write=False) as uow:
        raw = uow.session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        plan = " ".join(str(row[-1]) for row in raw)
        assert uow.session.execute(text("SELECT count(*) FROM person_name")).scalar_one() > 0
    assert "COVERING INDEX ix_person_name_key_person" in plan, plan


def _support_case_plans(admin: StaffSession, query: CaseQuery, *, offset: int = 0) -> list[str]:
    """EXPLAIN QUERY PLAN of each statement over support_case that the service runs for `query`."""
    issued: list[tuple[str, Any]] = []

    def spy(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "FROM support_case" in statement:
            issued.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        find_cases(admin, query, offset=offset)
    finally:
        event.remove(Engine, "before_cursor_execute", spy)
    with admin.uow(write=False) as uow:
        return [
            " ".join(
                str(row[-1]) for row in uow.session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {s}", p)
            )
            for s, p in issued
        ]


def test_a_search_chooses_its_count_and_page_from_an_index_alone(admin: StaffSession) -> None:
    """A search's matches are scattered over the case table: counting them and sorting them by the last
    change read each one's row, and on the first search after an unlock each from disk (や at 100,000
    persons: 626 cases, 130 ms of 150). The count and the choice of the page now come from an index
    on (person, state, updated_at, id); only the page's rows are read from the table."""
    generate_demo_data(admin, persons=30, seed=5, today=date.today())
    count, page = _support_case_plans(admin, CaseQuery(text="や", states=OPEN))
    assert "COVERING INDEX ix_support_case_person_state" in count, count
    assert "COVERING INDEX ix_support_case_person_state" in page, page
    assert "SEARCH support_case USING INDEX sqlite_autoindex_support_case_1 (id=?)" in page, page


def test_a_search_returns_what_a_plain_reading_finds_page_by_page(admin: StaffSession) -> None:
    generate_demo_data(admin, persons=400, seed=6, today=date.today())
    with admin.uow(write=False) as uow:
        rows = list(
            uow.session.execute(select(SupportCase, Person).join(Person, Person.id == SupportCase.person_id))
        )
    for text_ in ("や", "た", "さ"):
        for states in (None, OPEN):
            for sort in ("updated_at", "request_date"):
                query = CaseQuery(text=text_, states=states, sort=sort)
                first = find_cases(admin, query, limit=7)
                ids = {r.person_id for r in find_cases(admin, query, limit=10_000).rows}
                matched = [(c, p) for c, p in rows if p.id in ids]
                expected = _expected(matched, query)
                assert first.total == len(expected) and len(expected) > 7, (text_, states, sort)
                pages = [r.case_id for r in first.rows]
                while len(pages) < first.total:
                    pages += [r.case_id for r in find_cases(admin, query, offset=len(pages), limit=7).rows]
                assert pages == expected, (text_, states, sort)


def test_a_search_binds_its_persons_as_one_value(admin: StaffSession) -> None:
    """Up to 1,000 matched persons were bound one parameter each: SQLAlchemy built that list in Python
    for every statement (about 15 ms of each search as one types) and SQLite prepared a new statement
    for each length. The statements of two searches with different matches are now the same text."""
    generate_demo_data(admin, persons=60, seed=7, today=date.today())
    issued: list[str] = []

    def spy(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if "FROM support_case" in statement:
            issued.append(statement)

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        wide = find_cases(admin, CaseQuery(text="た", states=OPEN))
        narrow = find_cases(admin, CaseQuery(text="や", states=OPEN))
    finally:
        event.remove(Engine, "before_cursor_execute", spy)
    assert wide.total != narrow.total and len(issued) == 4
    assert issued[:2] == issued[2:]
