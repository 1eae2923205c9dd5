"""The one case validator (domain/case_rules.py): each inconsistency refused, naming the field."""

from __future__ import annotations

from datetime import date

import pytest

from teiretsu_desktop.domain.case_rules import CaseRecord, case_problems
from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.workflow import CaseState

S, L = CaseState, BusinessLine
REQ, REL, END = date(2024, 5, 1), date(2024, 9, 1), date(2025, 2, 1)


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (CaseRecord(L.SPECIAL, S.RECEIVED, None), "依頼日"),
        (CaseRecord(L.SPECIAL, S.RELEASED, REQ), "帰住日・釈放日"),
        (CaseRecord(L.SPECIAL, S.FOLLOW_UP, REQ), "帰住日・釈放日"),
        (CaseRecord(L.SPECIAL, S.CLOSED, REQ, REL, None, "settled"), "終結日"),
        (CaseRecord(L.SPECIAL, S.CLOSED, REQ, REL, END, None), "終結理由"),
        (CaseRecord(L.SPECIAL, S.DIED, REQ), "終結日"),
        (CaseRecord(L.SPECIAL, S.PLACEMENT, REQ, None, END), "終結日"),  # an open case has no 終結日
        (CaseRecord(L.SPECIAL, S.RELEASED, REQ, date(2024, 4, 1)), "帰住日・釈放日"),  # before the request
        (CaseRecord(L.GENERAL, S.CLOSED, REQ, REL, date(2024, 8, 1), "settled"), "終結日"),  # before release
        (CaseRecord(L.SPECIAL, S.CLOSED, REQ, REL, END, "settled", "yes", None), "再入所日"),
        (CaseRecord(L.SPECIAL, S.CLOSED, REQ, REL, END, "settled", "yes", date(2000, 1, 1)), "再入所日"),
        (CaseRecord(L.SPECIAL, S.RECEIVED, date(1899, 12, 31)), "依頼日"),
        (
            CaseRecord(L.SPECIAL, S.RECEIVED, REQ, other_dates=(("sentence_end", date(2101, 1, 1)),)),
            "刑期満了日",
        ),
    ],
)
def test_each_inconsistency_is_refused_naming_its_field(record: CaseRecord, field: str) -> None:
    problems = case_problems(record)
    assert problems and any(p.startswith(field + ":") for p in problems), problems


def test_consistent_cases_pass() -> None:
    assert case_problems(CaseRecord(L.SPECIAL, S.RECEIVED, REQ)) == []
    assert (
        case_problems(CaseRecord(L.SPECIAL, S.CLOSED, REQ, REL, END, "settled", "yes", date(2025, 6, 1)))
        == []
    )
    # A follow-up case is taken on after the 帰住日.
    assert case_problems(CaseRecord(L.FOLLOW_UP, S.FOLLOW_UP, REQ, date(2024, 3, 1))) == []
