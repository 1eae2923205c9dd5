"""Issue 17: a meeting about a case — who attended, what of the person's data was shared there (each
outside attendee a 提供記録 checked against the consents, channel 面談・会議), and decisions that become
reminders."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from teiretsu_desktop.documents.printing import PrintRequest, prepare_print, record_print
from teiretsu_desktop.domain.codes import AgencyKind, ProvisionChannel, RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.meetings import MeetingKind, SharedItem
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import consent, directory, meetings
from teiretsu_desktop.services.audit_log import recent_entries
from teiretsu_desktop.services.cases import get_case
from teiretsu_desktop.services.meetings import AttendeeInput, DecisionInput, MeetingInput
from teiretsu_desktop.services.reminders import due_reminders
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.casework import consent as give_consent
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import CASEWORKER, CASEWORKER_PASS, TemplateStore

TODAY = date.today()
HELD = TODAY - timedelta(days=2)


def _meeting(session: StaffSession, cid: str, *items: SharedItem) -> str:
    data = MeetingInput(
        MeetingKind.CASE_CONFERENCE, HELD, "帰住先と受診先の調整", summary="グループホームの体験利用を決めた。",
        place="府中刑務所 面会室", shared_items=items or (SharedItem.IDENTITY, SharedItem.DISABILITY),
        person_present=True, center_attendees="佐藤",
    )  # fmt: skip
    return meetings.record_meeting(session, cid, data).value


def test_attendees_are_provisions_checked_against_the_consent(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin, family="川上", given="誠"))
    give_consent(admin, cid, RecipientKind.WELFARE_OFFICE, given_on=TODAY - timedelta(days=30))
    office = directory.save_agency(
        admin, directory.AgencyInput(AgencyKind.WELFARE_OFFICE, "府中市福祉事務所")
    ).value
    mid = _meeting(admin, cid)
    meetings.add_attendee(admin, mid, AttendeeInput(agency_id=office, name="生活保護担当 田中"))
    # A facility is not in the consent's scope: refused, nothing written, the reason named.
    home = AttendeeInput(organisation="グループホームさくら", recipient=RecipientKind.FACILITY, name="施設長")
    with pytest.raises(PermissionDenied, match="受入施設・事業所"):
        meetings.add_attendee(admin, mid, home)
    [seen] = meetings.list_meetings(admin, cid)
    assert [a.organisation for a in seen.attendees] == ["府中市福祉事務所"]
    person = get_case(admin, cid).person_id
    [provided] = consent.list_disclosures(admin, person)
    assert provided.method is ProvisionChannel.MEETING and provided.provided_on == HELD
    assert provided.recipient_name == "府中市福祉事務所" and provided.consent_id is not None
    assert provided.items == ("氏名・生年月日", "障害・手帳")
    assert seen.attendees[0].disclosure_id == provided.id
    # An authorised person may record it with the reason; the 提供記録 says it was not by consent.
    meetings.add_attendee(admin, mid, AttendeeInput(
        organisation="グループホームさくら", recipient=RecipientKind.FACILITY, override_reason="本人の生命の保護のため"
    ))  # fmt: skip
    overridden = [d for d in consent.list_disclosures(admin, person) if d.override_reason]
    assert [d.recipient_name for d in overridden] == ["グループホームさくら"]
    assert seen.attendees_text() == "センター（佐藤）、本人、府中市福祉事務所 生活保護担当 田中"


def test_a_caseworker_cannot_override_and_a_meeting_sharing_nothing_records_no_provision(
    store: TemplateStore, admin: StaffSession
) -> None:
    cid = new_case(admin, new_person(admin))
    worker = unlock_with_passphrase(DataDir(store.data_dir.root), CASEWORKER, CASEWORKER_PASS)
    try:
        mid = _meeting(worker, cid)
        facility = AttendeeInput(
            organisation="さくら荘", recipient=RecipientKind.FACILITY, override_reason="急ぐため"
        )
        with pytest.raises(PermissionDenied):
            meetings.add_attendee(worker, mid, facility)
        quiet = meetings.record_meeting(
            worker, cid, MeetingInput(MeetingKind.SUPPORTERS, HELD, "役割分担の確認", shared_items=())
        ).value
        meetings.add_attendee(
            worker, quiet, AttendeeInput(organisation="さくら荘", recipient=RecipientKind.FACILITY)
        )
    finally:
        worker.lock()
    assert consent.list_disclosures(admin, get_case(admin, cid).person_id) == []


def test_decisions_with_a_day_ahead_become_reminders(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin), expected_release=TODAY + timedelta(days=200))
    mid = _meeting(admin, cid)
    due = TODAY + timedelta(days=5)
    meetings.add_decision(admin, mid, DecisionInput("グループホームの見学日を決める", "佐藤", due))
    meetings.add_decision(
        admin, mid, DecisionInput("主治医の意見書を依頼済み", "", HELD)
    )  # past: no reminder
    meetings.add_decision(admin, mid, DecisionInput("本人に結果を伝える"))
    [seen] = meetings.list_meetings(admin, cid)
    assert [(d.position, d.reminder_id is not None) for d in seen.decisions] == [
        (1, True),
        (2, False),
        (3, False),
    ]
    shown = [v.reminder for v in due_reminders(admin, today=TODAY) if v.reminder.case_id == cid]
    assert [(r.due, r.title) for r in shown if "見学日" in r.title] == [
        (due, "ケース会議の決定: グループホームの見学日を決める（佐藤）")
    ]
    actions = [e.action for e in recent_entries(admin)]
    assert {"meeting_recorded", "meeting_decision_added"} <= set(actions)


def test_a_meeting_not_yet_held_or_without_an_agenda_is_refused(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    with pytest.raises(InvalidInput, match="開催日"):
        meetings.record_meeting(
            admin, cid, MeetingInput(MeetingKind.CASE_CONFERENCE, TODAY + timedelta(days=1), "x")
        )
    with pytest.raises(InvalidInput, match="議題"):
        meetings.record_meeting(admin, cid, MeetingInput(MeetingKind.CASE_CONFERENCE, HELD, "  "))
    mid = _meeting(admin, cid)
    with pytest.raises(InvalidInput, match="提供先の種類"):
        meetings.add_attendee(admin, mid, AttendeeInput(organisation="どこか"))
    assert meetings.list_meetings(admin, cid)[0].attendees == ()


def test_the_meeting_record_prints_the_chosen_meeting_and_records_the_provision(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin, family="川上", given="誠"))
    give_consent(admin, cid, RecipientKind.WELFARE_OFFICE, given_on=TODAY - timedelta(days=30))
    first = _meeting(admin, cid)
    meetings.add_decision(
        admin, first, DecisionInput("グループホームの見学日を決める", "佐藤", TODAY + timedelta(days=9))
    )
    meetings.record_meeting(admin, cid, MeetingInput(MeetingKind.SUPPORTERS, TODAY, "退所後の見守り"))
    chosen = prepare_print(
        admin, PrintRequest("meeting-record", RecipientKind.WELFARE_OFFICE, cid, meeting_id=first)
    )
    text = pdf_text(chosen.pdf)
    for expected in ("ケース会議記録", "川上誠", "ケース会議", "帰住先と受診先の調整", "グループホームの体験利用を決めた",
                     "センター（佐藤）、本人", "グループホームの見学日を決める", "氏名・生年月日、障害・手帳"):  # fmt: skip
        assert expected in text
    assert "退所後の見守り" not in text
    assert "退所後の見守り" in pdf_text(prepare_print(admin, PrintRequest("meeting-record", None, cid)).pdf)
    record_print(admin, chosen, ProvisionChannel.PRINT)
    person = get_case(admin, cid).person_id
    assert [d.form_id for d in consent.list_disclosures(admin, person)] == ["meeting-record"]


def pdf_text(pdf: bytes) -> str:
    return "".join("".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_an_attendee_from_the_directory_is_the_kind_the_directory_says(admin: StaffSession) -> None:
    """A 検察庁 from the directory is checked as a 検察庁 — never as the 受入施設 a consent names."""
    cid = new_case(admin, new_person(admin))
    give_consent(admin, cid, RecipientKind.FACILITY, given_on=TODAY - timedelta(days=30))
    prosecutor = directory.save_agency(
        admin, directory.AgencyInput(AgencyKind.PROSECUTOR, "東京地方検察庁")
    ).value
    police = directory.save_agency(admin, directory.AgencyInput(AgencyKind.POLICE, "府中警察署")).value
    mid = _meeting(admin, cid)
    with pytest.raises(InvalidInput, match="検察庁です"):
        meetings.add_attendee(
            admin, mid, AttendeeInput(agency_id=prosecutor, recipient=RecipientKind.FACILITY)
        )
    with pytest.raises(PermissionDenied, match="検察庁"):
        meetings.add_attendee(admin, mid, AttendeeInput(agency_id=prosecutor))
    with pytest.raises(InvalidInput, match="種類を選んでください"):  # a police station has no kind of its own
        meetings.add_attendee(admin, mid, AttendeeInput(agency_id=police))
    assert meetings.list_meetings(admin, cid)[0].attendees == ()
    assert consent.list_disclosures(admin, get_case(admin, cid).person_id) == []
