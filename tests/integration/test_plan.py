"""Issue 17: the 支援計画 as items — need, goal, action, agency, responsible person, by when — whose
status is reviewed over time, printed in the 福祉サービス等調整計画."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from teiretsu_desktop.documents.printing import PrintRequest, prepare_print
from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.plan import PlanStatus
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import directory, plan
from teiretsu_desktop.services.audit_log import recent_entries
from teiretsu_desktop.services.plan import PlanItemInput
from tests.helpers.casework import new_case, new_person

TODAY = date.today()


def test_a_plan_of_three_items_reviewed_and_printed(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin, family="川上", given="誠"))
    office = directory.save_agency(
        admin, directory.AgencyInput(AgencyKind.WELFARE_OFFICE, "府中市福祉事務所")
    ).value
    plan.add_plan_item(admin, cid, PlanItemInput(need="住まいがない", goal="退所日に入居できる", action="グループホームの見学と申込",
                                                 responsible="佐藤", due_on=TODAY + timedelta(days=30)))  # fmt: skip
    plan.add_plan_item(admin, cid, PlanItemInput(need="収入がない", action="生活保護の申請に同行", agency_id=office,
                                                 due_on=TODAY + timedelta(days=45)))  # fmt: skip
    plan.add_plan_item(
        admin, cid, PlanItemInput(need="服薬の継続", action="受診先の確保", agency_name="府中みどり病院")
    )
    items = plan.list_plan(admin, cid)
    assert [(i.position, i.need) for i in items] == [
        (1, "住まいがない"),
        (2, "収入がない"),
        (3, "服薬の継続"),
    ]
    assert items[1].agency_name == "府中市福祉事務所"  # the directory's name
    # Reviewed: the first item is under way; a stale screen cannot overwrite the review.
    first = items[0]
    reviewed = PlanItemInput(need=first.need, action=first.action, goal=first.goal, responsible=first.responsible,
                             due_on=first.due_on, status=PlanStatus.IN_PROGRESS, reviewed_on=TODAY)  # fmt: skip
    plan.update_plan_item(admin, first.id, reviewed, expected_revision=first.revision)
    with pytest.raises(InvalidInput):
        plan.update_plan_item(admin, first.id, reviewed, expected_revision=first.revision)
    assert plan.list_plan(admin, cid)[0].status is PlanStatus.IN_PROGRESS
    assert any(e.action == "plan_item_updated" for e in recent_entries(admin))
    result = prepare_print(admin, PrintRequest("coordination-plan", None, cid))
    text = "".join("".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(result.pdf)).pages).split())
    for expected in (
        "支援計画",
        "住まいがない",
        "生活保護の申請に同行",
        "府中市福祉事務所",
        "府中みどり病院",
        "実施中",
        "佐藤",
    ):
        assert expected in text, expected


def test_what_a_plan_item_needs(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    with pytest.raises(InvalidInput, match="ニーズ"):
        plan.add_plan_item(admin, cid, PlanItemInput(need=" ", action="見学"))
    with pytest.raises(InvalidInput, match="支援の内容"):
        plan.add_plan_item(admin, cid, PlanItemInput(need="住まい", action=""))
    with pytest.raises(InvalidInput, match="見直し日"):
        plan.add_plan_item(
            admin, cid, PlanItemInput(need="住まい", action="見学", reviewed_on=TODAY + timedelta(days=1))
        )
