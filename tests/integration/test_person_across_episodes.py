"""Issue 17: the person across episodes. A suspect case and the later 特別調整 of the same person are
linked; a re-admission recorded on a later episode is visible from the earlier one (and its 成果 is
no longer 不明); links that cannot be true are refused with a message naming why."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from teiretsu_desktop.domain.codes import ActivityKind, BusinessLine, DestinationKind
from teiretsu_desktop.domain.episodes import EpisodeLink
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import episodes
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.audit_log import recent_entries
from teiretsu_desktop.services.case_list import CaseQuery, find_cases
from teiretsu_desktop.stats.export import year_tables
from teiretsu_desktop.store.models import SupportCase
from tests.helpers.casework import new_case, new_person


def _set(session: StaffSession, case_id: str, **fields: object) -> None:
    """Put a case where the scenario needs it (these tests are about the links, not the workflow)."""
    with session.uow() as uow:
        row = uow.session.get(SupportCase, case_id)
        assert row is not None
        for name, value in fields.items():
            setattr(row, name, value)
        uow.commit()


def test_a_suspect_case_and_the_later_special_coordination_are_one_persons_story(admin: StaffSession) -> None:
    pid = new_person(admin)
    suspect = new_case(admin, pid, BusinessLine.SUSPECT, request_date=date(2023, 4, 10))
    _set(
        admin,
        suspect,
        state=str(CaseState.CLOSED),
        closure_date=date(2023, 9, 1),
        closure_reason="e_imprisonment",
    )
    special = new_case(admin, pid, BusinessLine.SPECIAL, request_date=date(2024, 5, 10))
    record_activity(admin, special, ActivityInput(datetime(2024, 6, 3, 14), ActivityKind.INTERVIEW, "面接"))
    episodes.link_episode(admin, special, suspect, EpisodeLink.ENTRY_TO_EXIT)
    record = episodes.person_record(admin, pid)
    assert [e.case_id for e in record.episodes] == [suspect, special]  # oldest first
    assert record.episode(special).follows == suspect
    assert record.episode(special).follows_kind is EpisodeLink.ENTRY_TO_EXIT
    assert [e.case_id for e in record.followed_by(suspect)] == [special]
    assert record.episode(special).last_contact == datetime(2024, 6, 3, 14)
    assert any(e.action == "episode_linked" and special in e.target for e in recent_entries(admin))


def test_a_readmission_recorded_on_the_later_episode_is_seen_from_the_earlier_one(
    admin: StaffSession,
) -> None:
    pid = new_person(admin)
    first = new_case(admin, pid, BusinessLine.SPECIAL, request_date=date(2024, 5, 10))
    _set(admin, first, state=str(CaseState.CLOSED), release_date=date(2024, 11, 30), destination_kind="08",
         release_destination_kind="08", closure_date=date(2025, 2, 1), closure_reason="settled")  # fmt: skip
    assert episodes.person_record(admin, pid).episode(first).readmission == "unknown"
    before = year_tables(admin, 2024)["readmission_fiscal"]
    assert before.value("supported_unknown", "persons") == 1
    second = new_case(admin, pid, BusinessLine.SPECIAL, request_date=date(2025, 9, 1))
    with pytest.raises(InvalidInput, match="再入所日"):  # the date is needed, and after the release
        episodes.link_episode(admin, second, first, EpisodeLink.READMISSION)
    with pytest.raises(InvalidInput, match="帰住日・釈放日"):
        episodes.link_episode(admin, second, first, EpisodeLink.READMISSION, readmitted_on=date(2024, 10, 1))
    episodes.link_episode(admin, second, first, EpisodeLink.READMISSION, readmitted_on=date(2025, 6, 20))
    earlier = episodes.person_record(admin, pid).episode(first)
    assert (earlier.readmission, earlier.readmission_date) == ("yes", date(2025, 6, 20))
    after = year_tables(admin, 2024)["readmission_fiscal"]
    assert after.value("supported_unknown", "persons") == 0 and after.value("supported_yes", "persons") == 1
    # Undoing the link keeps the fact on the earlier episode (correct it there if it was wrong).
    episodes.unlink_episode(admin, second)
    record = episodes.person_record(admin, pid)
    assert record.episode(second).follows is None and record.episode(first).readmission == "yes"


def test_links_that_cannot_be_true_are_refused(admin: StaffSession) -> None:
    pid, other = new_person(admin), new_person(admin, family="佐藤")
    suspect = new_case(admin, pid, BusinessLine.SUSPECT, request_date=date(2024, 4, 10))
    general = new_case(admin, pid, BusinessLine.GENERAL, request_date=date(2024, 6, 1))
    elsewhere = new_case(admin, other, BusinessLine.SUSPECT, request_date=date(2024, 1, 5))
    with pytest.raises(InvalidInput, match="別の人"):
        episodes.link_episode(admin, general, elsewhere, EpisodeLink.ENTRY_TO_EXIT)
    with pytest.raises(InvalidInput, match="依頼日"):  # the earlier one must come first
        episodes.link_episode(admin, suspect, general, EpisodeLink.CONTINUATION)
    with pytest.raises(InvalidInput, match="同じケース"):
        episodes.link_episode(admin, suspect, suspect, EpisodeLink.CONTINUATION)
    earlier_general = new_case(admin, pid, BusinessLine.GENERAL, request_date=date(2024, 3, 1))
    with pytest.raises(InvalidInput, match="被疑者等支援です"):
        episodes.link_episode(admin, general, earlier_general, EpisodeLink.ENTRY_TO_EXIT)
    consultation = new_case(admin, pid, BusinessLine.CONSULTATION, request_date=date(2024, 8, 1))
    with pytest.raises(InvalidInput, match="特別調整か一般調整"):
        episodes.link_episode(admin, consultation, suspect, EpisodeLink.ENTRY_TO_EXIT)
    episodes.link_episode(admin, general, suspect, EpisodeLink.ENTRY_TO_EXIT)
    with pytest.raises(InvalidInput, match="つながっています"):  # no circle
        episodes.link_episode(admin, suspect, general, EpisodeLink.CONTINUATION)


def test_the_current_residence_is_the_latest_release_knows(admin: StaffSession) -> None:
    pid = new_person(admin)
    first = new_case(admin, pid, BusinessLine.GENERAL, request_date=date(2022, 5, 10))
    _set(admin, first, state=str(CaseState.CLOSED), release_date=date(2022, 9, 1), destination_kind="10",
         release_destination_kind="10", closure_date=date(2023, 3, 1), closure_reason="settled")  # fmt: skip
    assert episodes.person_record(admin, pid).current_residence == (DestinationKind("10"), None)
    second = new_case(admin, pid, BusinessLine.SPECIAL, request_date=date(2024, 5, 10))
    _set(admin, second, state=str(CaseState.FOLLOW_UP), release_date=date(2024, 11, 30), destination_kind="08",
         release_destination_kind="08", destination_name="グループホームあおば")  # fmt: skip
    assert episodes.person_record(admin, pid).current_residence == (
        DestinationKind("08"),
        "グループホームあおば",
    )


def test_the_case_list_grouped_by_person(admin: StaffSession) -> None:
    """Issue 17: a person with three cases is one row when the list is grouped by person — their case
    first in the list's order, and how many of theirs match; the count is of persons."""
    three = new_person(admin, family="三件", given="太郎")
    new_case(admin, three, BusinessLine.SUSPECT, request_date=date(2023, 4, 3))
    new_case(admin, three, BusinessLine.SPECIAL, request_date=date(2024, 6, 1))
    latest = new_case(admin, three, BusinessLine.CONSULTATION, request_date=date(2025, 1, 10))
    one = new_person(admin, family="一件", given="花子")
    only = new_case(admin, one, BusinessLine.GENERAL)
    flat = find_cases(admin, CaseQuery(sort="request_date"))
    assert flat.total == 4
    grouped = find_cases(admin, CaseQuery(sort="request_date", by_person=True))
    assert grouped.total == 2
    assert [(r.case_id, r.cases) for r in grouped.rows] == [(latest, 3), (only, 1)]
    special = find_cases(admin, CaseQuery(business_line="special", by_person=True, sort="person_kana"))
    assert [(r.person_id, r.cases) for r in special.rows] == [(three, 1)]
    named = find_cases(admin, CaseQuery(text="三件", by_person=True))
    assert [(r.person_id, r.cases) for r in named.rows] == [(three, 3)]
