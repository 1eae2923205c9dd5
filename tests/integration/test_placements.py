"""Issue 17: placement candidates are agencies of the directory (or new ones added on the spot), and
each attempt — 打診, 見学, 体験利用, 回答 — keeps its day, outcome and reason as history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from teiretsu_desktop.domain.codes import AgencyKind, CandidateStatus
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.placement import PlacementStep
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import cases, coordination, directory, timeline
from teiretsu_desktop.services.timeline import EventKind
from teiretsu_desktop.store.models import SupportCase
from tests.helpers.casework import new_case, new_person

TODAY = date.today()


def test_candidates_from_the_directory_and_their_dated_attempts(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    home = directory.save_agency(
        admin, directory.AgencyInput(AgencyKind.DISABILITY_PROVIDER, "グループホームさくら")
    ).value
    sakura = coordination.add_candidate(admin, cid, agency_id=home, destination_kind="08").value
    midori = coordination.add_candidate(
        admin, cid, name="救護施設みどり", new_agency_kind=AgencyKind.OTHER
    ).value
    names = {c.name: c for c in coordination.list_candidates(admin, cid)}
    assert names["グループホームさくら"].agency_id == home  # the name comes from the directory
    assert any(a.name == "救護施設みどり" for a in directory.list_agencies(admin))  # added on the spot
    assert names["救護施設みどり"].agency_id is not None
    coordination.record_attempt(admin, midori, PlacementStep.OFFER, on=TODAY - timedelta(days=20))
    with pytest.raises(InvalidInput, match="「不可」の理由"):
        coordination.record_attempt(admin, midori, PlacementStep.ANSWER, on=TODAY - timedelta(days=10),
                                    outcome=CandidateStatus.REFUSED)  # fmt: skip
    coordination.record_attempt(admin, midori, PlacementStep.ANSWER, on=TODAY - timedelta(days=10),
                                outcome=CandidateStatus.REFUSED, reason="医療的ケアに対応できない")  # fmt: skip
    coordination.record_attempt(admin, sakura, PlacementStep.OFFER, on=TODAY - timedelta(days=15))
    coordination.record_attempt(
        admin, sakura, PlacementStep.TOUR, on=TODAY - timedelta(days=8), note="本人と見学"
    )
    coordination.record_attempt(admin, sakura, PlacementStep.ANSWER, on=TODAY - timedelta(days=2),
                                outcome=CandidateStatus.ACCEPTABLE)  # fmt: skip
    status = {c.name: (c.status, c.contacted_on) for c in coordination.list_candidates(admin, cid)}
    assert status["救護施設みどり"] == (CandidateStatus.REFUSED, TODAY - timedelta(days=20))
    assert status["グループホームさくら"] == (CandidateStatus.ACCEPTABLE, TODAY - timedelta(days=15))
    history = coordination.list_attempts(admin, cid)
    assert [(a.candidate_name, a.step) for a in history] == [
        ("救護施設みどり", PlacementStep.OFFER), ("グループホームさくら", PlacementStep.OFFER),
        ("救護施設みどり", PlacementStep.ANSWER), ("グループホームさくら", PlacementStep.TOUR),
        ("グループホームさくら", PlacementStep.ANSWER),
    ]  # fmt: skip
    assert history[2].reason == "医療的ケアに対応できない" and history[2].staff_name == "管理 太郎"
    placement = [e.title for e in timeline.case_events(admin, cid) if e.kind is EventKind.PLACEMENT]
    assert placement[-1] == "グループホームさくら: 回答 (受入可)"


def test_what_an_attempt_cannot_be(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    candidate = coordination.add_candidate(admin, cid, name="あおば荘").value
    with pytest.raises(InvalidInput, match="受入可"):
        coordination.record_attempt(admin, candidate, PlacementStep.ANSWER, on=TODAY)
    with pytest.raises(InvalidInput, match="まだ来ていない日"):
        coordination.record_attempt(admin, candidate, PlacementStep.OFFER, on=TODAY + timedelta(days=1))
    with pytest.raises(InvalidInput, match="回答"):
        coordination.record_attempt(
            admin, candidate, PlacementStep.TOUR, on=TODAY, outcome=CandidateStatus.ACCEPTABLE
        )
    with pytest.raises(InvalidInput, match="名称"):
        coordination.add_candidate(admin, cid, name="  ")


def test_a_decided_placement_that_falls_through(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    candidate = coordination.add_candidate(admin, cid, name="あおば荘").value
    coordination.set_candidate_status(admin, candidate, CandidateStatus.DECIDED)
    with admin.uow() as uow:
        row = uow.session.get(SupportCase, cid)
        assert row is not None
        row.state = str(CaseState.PLACEMENT_DECIDED)
        uow.commit()
    coordination.record_attempt(admin, candidate, PlacementStep.ANSWER, on=TODAY, outcome=CandidateStatus.REFUSED,
                                reason="空きがなくなった")  # fmt: skip
    assert coordination.list_candidates(admin, cid)[0].status is CandidateStatus.REFUSED
    cases.transition_case(admin, cid, CaseState.PLACEMENT, reason="決定した受入先の空きがなくなった")
    assert cases.get_case(admin, cid).state is CaseState.PLACEMENT


def test_the_memo_is_edited_and_a_stale_edit_refused(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    candidate = coordination.add_candidate(admin, cid, name="あおば荘", note="最初のメモ").value
    view = coordination.list_candidates(admin, cid)[0]
    coordination.update_candidate_note(
        admin, candidate, "夜間の職員配置あり", expected_revision=view.revision
    )
    assert coordination.list_candidates(admin, cid)[0].note == "夜間の職員配置あり"
    with pytest.raises(InvalidInput):
        coordination.update_candidate_note(admin, candidate, "古い画面から", expected_revision=view.revision)
