"""Issue 17: 特別調整's six requirements are a dated checklist with their source; 対象者区分 is checked
against the business line; a 被疑者等支援 case records its 保護カード and 更生緊急保護."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.eligibility import SpecialRequirement
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import cases, eligibility
from tests.helpers.casework import new_case, new_person

TODAY = date.today()


def test_the_six_requirements_are_confirmed_one_by_one(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin), BusinessLine.SPECIAL)
    listed = eligibility.list_requirements(admin, cid)
    assert [r.requirement for r in listed] == list(SpecialRequirement) and all(r.met is None for r in listed)
    eligibility.confirm_requirement(admin, cid, SpecialRequirement.CONSENTS_TO_SHARING, met=True,
                                    checked_on=TODAY - timedelta(days=2), source="特別調整協力等依頼書")  # fmt: skip
    eligibility.confirm_requirement(admin, cid, SpecialRequirement.NO_RESIDENCE, met=False, checked_on=TODAY)
    # A later confirmation replaces the earlier one (both are in the audit log).
    eligibility.confirm_requirement(admin, cid, SpecialRequirement.NO_RESIDENCE, met=True, checked_on=TODAY,
                                    source="身上調査書")  # fmt: skip
    by = {r.requirement: r for r in eligibility.list_requirements(admin, cid)}
    consent = by[SpecialRequirement.CONSENTS_TO_SHARING]
    assert (consent.met, consent.checked_on, consent.source) == (
        True,
        TODAY - timedelta(days=2),
        "特別調整協力等依頼書",
    )
    assert by[SpecialRequirement.NO_RESIDENCE].met is True and by[SpecialRequirement.NO_RESIDENCE].staff_name
    assert sum(1 for r in by.values() if r.met is not True) == 4
    with pytest.raises(InvalidInput, match="確認日"):
        eligibility.confirm_requirement(
            admin, cid, SpecialRequirement.WANTS, met=True, checked_on=TODAY + timedelta(days=1)
        )
    with pytest.raises(InvalidInput, match="満たす・満たさない"):
        eligibility.confirm_requirement(admin, cid, SpecialRequirement.WANTS, met=None, checked_on=TODAY)
    general = new_case(admin, new_person(admin, family="佐藤"), BusinessLine.GENERAL)
    with pytest.raises(InvalidInput, match="特別調整のケース"):
        eligibility.confirm_requirement(admin, general, SpecialRequirement.WANTS, met=True, checked_on=TODAY)


def test_the_target_category_must_fit_the_line(admin: StaffSession) -> None:
    pid = new_person(admin)
    with pytest.raises(InvalidInput, match="対象者区分: 被疑者等支援の対象者区分は"):
        new_case(admin, pid, BusinessLine.SUSPECT, target_category="4-1")
    cid = new_case(admin, pid, BusinessLine.SPECIAL, target_category="4-1")
    view = cases.get_case(admin, cid)
    values = {f.name: getattr(view, f.name) for f in dataclasses.fields(cases.CaseInput)}
    with pytest.raises(InvalidInput, match="対象者区分"):
        cases.update_case(admin, cid, cases.CaseInput(**{**values, "target_category": "4-3"}),
                          expected_revision=view.revision)  # fmt: skip
    new_case(admin, new_person(admin, family="鈴木"), BusinessLine.CONSULTATION, target_category="4-3")


def test_the_entry_stage_keeps_the_protection_card_and_emergency_aid(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin), BusinessLine.SUSPECT, target_category="4-2",
                   protection_card=True, emergency_aid_applied_on=date(2024, 6, 1),
                   emergency_aid_until=date(2024, 12, 1))  # fmt: skip
    view = cases.get_case(admin, cid)
    assert (view.protection_card, view.emergency_aid_applied_on, view.emergency_aid_until) == (
        True, date(2024, 6, 1), date(2024, 12, 1))  # fmt: skip
    values = {f.name: getattr(view, f.name) for f in dataclasses.fields(cases.CaseInput)}
    with pytest.raises(InvalidInput, match="更生緊急保護の期間の終わり"):
        cases.update_case(admin, cid, cases.CaseInput(**{**values, "emergency_aid_until": date(2024, 5, 1)}),
                          expected_revision=view.revision)  # fmt: skip
