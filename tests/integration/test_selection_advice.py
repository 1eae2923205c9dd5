"""Issue 17: advice given to a 刑事施設 while it selects someone (指針 第4 4(1)) is recorded as advice — no
case, no person, in no caseload — counted apart, and linked to the case when the person is referred."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from teiretsu_desktop.domain.advice import SelectionStage
from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import advice, directory, timeline
from teiretsu_desktop.services.advice import AdviceInput
from teiretsu_desktop.services.case_list import CaseQuery, find_cases
from teiretsu_desktop.services.cases import get_case
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import CLERK, CLERK_PASS, TemplateStore

TODAY = date.today()


def test_advice_is_not_a_case_and_joins_the_case_later(store: TemplateStore, admin: StaffSession) -> None:
    prison = directory.save_agency(admin, directory.AgencyInput(AgencyKind.CORRECTIONAL, "府中刑務所")).value
    given = advice.record_advice(admin, AdviceInput(
        TODAY - timedelta(days=20), SelectionStage.SPECIAL, "療育手帳の取得歴を市に照会するよう助言した",
        agency_id=prison, subject="称呼番号 1234",
    )).value  # fmt: skip
    advice.record_advice(admin, AdviceInput(TODAY - timedelta(days=3), SelectionStage.PRIORITY,
                                            "福祉事務所への事前相談を勧めた", agency_name="東京地方検察庁"))  # fmt: skip
    assert find_cases(admin, CaseQuery()).total == 0  # no case was opened, no person registered
    year_start = date(TODAY.year - 1, 4, 1)
    assert advice.count_advice(admin, year_start, TODAY) == {
        SelectionStage.SPECIAL: 1,
        SelectionStage.PRIORITY: 1,
    }
    listed = advice.list_advice(admin, start=year_start, end=TODAY)
    assert [(a.agency_name, a.subject) for a in listed] == [
        ("東京地方検察庁", ""),
        ("府中刑務所", "称呼番号 1234"),
    ]
    # The 協力依頼 arrives: the advice joins the case and shows in its timeline.
    cid = new_case(admin, new_person(admin), request_date=TODAY - timedelta(days=1))
    advice.link_advice(admin, given, cid)
    other = new_case(admin, new_person(admin, family="別人"), request_date=TODAY - timedelta(days=1))
    with pytest.raises(InvalidInput, match="別のケース"):
        advice.link_advice(admin, given, other)
    [event] = [e for e in timeline.case_events(admin, cid) if e.kind is timeline.EventKind.ADVICE]
    assert event.title == "府中刑務所: 特別調整対象者の選定" and "療育手帳" in event.detail
    assert [a.case_no for a in advice.list_advice(admin, case_id=cid)] == [get_case(admin, cid).case_no]
    # 事務 sees that advice was given, not what it said or about whom.
    clerk = unlock_with_passphrase(DataDir(store.data_dir.root), CLERK, CLERK_PASS)
    try:
        seen = advice.list_advice(clerk, start=year_start, end=TODAY)
        assert len(seen) == 2 and all(a.advice == "" and a.subject == "" and not a.visible for a in seen)
    finally:
        clerk.lock()


def test_advice_needs_its_day_agency_and_content(admin: StaffSession) -> None:
    with pytest.raises(InvalidInput, match="助言した機関"):
        advice.record_advice(admin, AdviceInput(TODAY, SelectionStage.SPECIAL, "助言"))
    with pytest.raises(InvalidInput, match="助言した日"):
        advice.record_advice(admin, AdviceInput(TODAY + timedelta(days=1), SelectionStage.SPECIAL, "助言",
                                                agency_name="府中刑務所"))  # fmt: skip
