"""Issue 17, must hold: one person's story as a centre works it — a consultation, a 被疑者等支援 ending in a
sentence, then the 特別調整 from the 協力依頼 to フォローアップ with its requirements, an assessment, a plan
of three items, a ケース会議 with attendees and a decision that becomes a reminder, two candidates (one
declined with its reason, one decided), two applications of the same kind — and every new form printed
and read back from its PDF."""

from __future__ import annotations

import io
from dataclasses import fields, replace
from datetime import date, timedelta

from pypdf import PdfReader

from teiretsu_desktop.documents.printing import PrintRequest, prepare_print, record_print
from teiretsu_desktop.domain.codes import (
    AgencyKind,
    ApplicationKind,
    ApplicationStatus,
    BusinessLine,
    CandidateStatus,
    ClosureReason,
    ProvisionChannel,
    RecipientKind,
)
from teiretsu_desktop.domain.eligibility import SpecialRequirement
from teiretsu_desktop.domain.episodes import EpisodeLink
from teiretsu_desktop.domain.meetings import MeetingKind, SharedItem
from teiretsu_desktop.domain.placement import PlacementStep
from teiretsu_desktop.domain.plan import PlanStatus
from teiretsu_desktop.domain.workflow import CaseState as S
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import (
    assessment,
    case_record,
    cases,
    consent,
    coordination,
    directory,
    eligibility,
    episodes,
    meetings,
    persons,
    plan,
    reminders,
    timeline,
)
from teiretsu_desktop.services.cases import CaseInput, CaseView
from teiretsu_desktop.services.meetings import AttendeeInput, DecisionInput, MeetingInput
from teiretsu_desktop.services.plan import PlanItemInput
from tests.helpers.casework import consent as give_consent
from tests.helpers.casework import interview, new_case, new_person

TODAY = date.today()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def text_of(pdf: bytes) -> str:
    return "".join("".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())


def edit(session: StaffSession, case_id: str, move_to: S | None = None, **values: object) -> None:
    """Save fields of the case as its window does (with a state change, in the same transaction)."""
    view: CaseView = cases.get_case(session, case_id)
    data = CaseInput(**{f.name: getattr(view, f.name) for f in fields(CaseInput)})
    person = persons.get_person(session, view.person_id)
    case_record.save_case_record(session, case_id, person=None, person_revision=person.revision,
                                 case=replace(data, **values), case_revision=view.revision,  # type: ignore[arg-type]
                                 move_to=move_to)  # fmt: skip


def test_a_special_coordination_from_the_request_to_follow_up(admin: StaffSession) -> None:
    def office(kind: AgencyKind, name: str) -> str:
        return directory.save_agency(admin, directory.AgencyInput(kind, name)).value

    probation = office(AgencyKind.PROBATION, "東京保護観察所")
    welfare = office(AgencyKind.WELFARE_OFFICE, "府中市福祉事務所")
    home = office(AgencyKind.DISABILITY_PROVIDER, "グループホームさくら")
    pid = new_person(admin, family="川上", given="誠", fkana="カワカミ", gkana="マコト")

    # The earlier episode: a 被疑者等支援 that ended in a sentence.
    suspect = new_case(admin, pid, BusinessLine.SUSPECT, request_date=ago(400), detention_expiry=ago(380),
                       facility_name="府中警察署", protection_card=False)  # fmt: skip
    give_consent(admin, suspect, RecipientKind.PROSECUTOR, given_on=ago(398))
    report = prepare_print(admin, PrintRequest("suspect-support-report", RecipientKind.PROSECUTOR, suspect,
                                               recipient_name="東京地方検察庁立川支部"))  # fmt: skip
    for expected in ("被疑者等支援報告書", "東京地方検察庁立川支部御中", "川上誠", "府中警察署", "交付なし",
                     "更生支援計画や情状証人としての意見ではありません"):  # fmt: skip
        assert expected in text_of(report.pdf), expected
    record_print(admin, report, ProvisionChannel.PRINT)
    edit(admin, suspect, S.CLOSED, release_date=ago(380), closure_date=ago(380),
         closure_reason=str(ClosureReason.PROSECUTED))  # fmt: skip

    # 協力依頼 from the 保護観察所 (the office itself, not only its category).
    cid = new_case(admin, pid, request_date=ago(90), requester=None, requester_agency_id=probation,
                   requester_document_no="東保第481号", facility_name="府中刑務所", sentence_end=ago(8),
                   expected_release=ago(8))  # fmt: skip
    episodes.link_episode(admin, cid, suspect, EpisodeLink.ENTRY_TO_EXIT)
    for requirement in SpecialRequirement:
        eligibility.confirm_requirement(admin, cid, requirement, met=True, checked_on=ago(88),
                                        source="特別調整協力等依頼書")  # fmt: skip
    give_consent(admin, cid, RecipientKind.PROBATION, RecipientKind.WELFARE_OFFICE, RecipientKind.FACILITY,
                 given_on=ago(85))  # fmt: skip
    answer = prepare_print(admin, PrintRequest("cooperation-answer", RecipientKind.PROBATION, cid))
    for expected in (
        "東京保護観察所御中",
        "東保第481号",
        "特別調整の実施に協力することとし",
        "提供の根拠：ご本人の同意",
    ):
        assert expected in text_of(answer.pdf), expected
    record_print(admin, answer, ProvisionChannel.PRINT)

    # 面接 and アセスメント.
    cases.transition_case(admin, cid, S.ASSESSMENT, on=ago(84))
    interview(admin, cid, "府中刑務所にて本人と初回面接。")
    items = {"life_history": "中学卒業後に建設業で働いた。", "housing": "退所後の住まいがない。",
             "wishes": "「静かなところで暮らしたい」"}  # fmt: skip
    assessment.save_assessment(admin, cid, items, written_on=ago(80))
    cases.transition_case(admin, cid, S.PLANNING, on=ago(78))

    # A plan of three items.
    for need, action, agency in (("住まいがない", "グループホームの見学と体験利用", home),
                                 ("収入がない", "生活保護の申請に同行", welfare),
                                 ("服薬の継続", "退所後の受診先の確保", None)):  # fmt: skip
        plan.add_plan_item(
            admin, cid, PlanItemInput(need=need, action=action, agency_id=agency, due_on=ago(10))
        )
    first = plan.list_plan(admin, cid)[0]
    plan.update_plan_item(admin, first.id, replace(PlanItemInput(first.need, first.action, agency_id=first.agency_id,
                          due_on=first.due_on), status=PlanStatus.DONE, reviewed_on=ago(20)),
                          expected_revision=first.revision)  # fmt: skip
    cases.transition_case(admin, cid, S.PLACEMENT, on=ago(76))

    # A ケース会議 with attendees; one decision becomes a reminder.
    meeting = meetings.record_meeting(admin, cid, MeetingInput(
        MeetingKind.CASE_CONFERENCE, ago(40), "帰住先と生活保護の申請", summary="さくらでの体験利用を決めた。",
        place="府中刑務所", shared_items=(SharedItem.IDENTITY, SharedItem.DISABILITY, SharedItem.PLAN),
        person_present=True, center_attendees="管理",
    )).value  # fmt: skip
    meetings.add_attendee(admin, meeting, AttendeeInput(agency_id=welfare, name="保護係 田中"))
    meetings.add_attendee(admin, meeting, AttendeeInput(agency_id=home, name="施設長"))
    due = TODAY + timedelta(days=6)
    meetings.add_decision(admin, meeting, DecisionInput("退所後の初回面談の日程を決める", "管理", due))

    # Two candidates: one declined with its reason, one decided.
    declined = coordination.add_candidate(admin, cid, name="救護施設みどり", contacted_on=ago(60)).value
    coordination.record_attempt(admin, declined, PlacementStep.ANSWER, on=ago(50),
                                outcome=CandidateStatus.REFUSED, reason="空きがない")  # fmt: skip
    chosen = coordination.add_candidate(
        admin, cid, agency_id=home, destination_kind="08", contacted_on=ago(58)
    ).value
    coordination.record_attempt(admin, chosen, PlacementStep.TRIAL, on=ago(35))
    coordination.record_attempt(
        admin, chosen, PlacementStep.ANSWER, on=ago(30), outcome=CandidateStatus.ACCEPTABLE
    )
    coordination.set_candidate_status(admin, chosen, CandidateStatus.DECIDED)

    # Two applications of the same kind: neither overwrites the other.
    coordination.set_application(admin, cid, ApplicationKind.CERTIFICATE, status=ApplicationStatus.GRANTED,
                                 applied_on=ago(70), decided_on=ago(45), note="療育手帳")  # fmt: skip
    coordination.set_application(admin, cid, ApplicationKind.CERTIFICATE, status=ApplicationStatus.APPLIED,
                                 applied_on=ago(44), note="精神障害者保健福祉手帳")  # fmt: skip
    cases.transition_case(admin, cid, S.PLACEMENT_DECIDED, on=ago(29))
    edit(admin, cid, release_date=ago(8), destination_kind="08", destination_name="グループホームさくら")
    cases.transition_case(admin, cid, S.RELEASED, on=ago(8))
    cases.transition_case(admin, cid, S.FOLLOW_UP, on=ago(7))

    # What the record now says.
    assert cases.get_case(admin, cid).state is S.FOLLOW_UP
    assert [a.note for a in coordination.list_applications(admin, cid)
            if a.kind is ApplicationKind.CERTIFICATE] == ["療育手帳", "精神障害者保健福祉手帳"]  # fmt: skip
    statuses = {c.name: c.status for c in coordination.list_candidates(admin, cid)}
    assert statuses == {
        "救護施設みどり": CandidateStatus.REFUSED,
        "グループホームさくら": CandidateStatus.DECIDED,
    }
    assert [a.reason for a in coordination.list_attempts(admin, cid) if a.candidate_id == declined] == [
        "空きがない"
    ]
    shown = [v.reminder for v in reminders.due_reminders(admin) if v.reminder.case_id == cid]
    assert any(r.due == due and "初回面談" in r.title for r in shown)
    provided = {(d.form_id, d.recipient_name) for d in consent.list_disclosures(admin, pid)}
    assert {(None, "府中市福祉事務所"), (None, "グループホームさくら"), ("cooperation-answer", "東京保護観察所"),
            ("suspect-support-report", "東京地方検察庁立川支部")} <= provided  # fmt: skip
    kinds = {e.kind for e in timeline.case_events(admin, cid)}
    assert {timeline.EventKind.MEETING, timeline.EventKind.PLACEMENT, timeline.EventKind.APPLICATION} <= kinds
    story = episodes.person_record(admin, pid)
    assert [e.case_id for e in story.episodes] == [suspect, cid] and story.episode(cid).follows == suspect

    # Every form of this work, printed and read back.
    printed = {
        "assessment-sheet": (None, ("アセスメントシート", "中学卒業後に建設業で働いた", "「静かなところで暮らしたい」")),
        "coordination-plan": (RecipientKind.WELFARE_OFFICE, ("グループホームの見学と体験利用", "生活保護の申請に同行",
                                                            "退所後の受診先の確保", "達成")),
        "meeting-record": (RecipientKind.WELFARE_OFFICE, ("ケース会議記録", "府中市福祉事務所保護係田中",
                                                          "グループホームさくら施設長", "退所後の初回面談の日程を決める")),
        "inter-center-request": (RecipientKind.CENTER, ("支援業務協力依頼書", "東京保護観察所", "特別調整",
                                                        "有効（")),
    }  # fmt: skip
    for form_id, (recipient, phrases) in printed.items():
        text = text_of(
            prepare_print(admin, PrintRequest(form_id, recipient, cid, override_reason="テスト")).pdf
        )
        for phrase in phrases:
            assert phrase in text, (form_id, phrase)
    intake = text_of(prepare_print(admin, PrintRequest("consultation-intake", None, None)).pdf)
    assert "相談受付票" in intake and "相談の内容" in intake
