"""Case work end to end through the services, on a real encrypted store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from teiretsu_desktop.domain.codes import (
    ActivityKind,
    ApplicationKind,
    ApplicationStatus,
    BusinessLine,
    CandidateStatus,
    ClosureReason,
    ProvisionChannel,
    RecipientKind,
    ReviewDecision,
)
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.reminders import ReminderKind
from teiretsu_desktop.domain.workflow import CaseState, TransitionRefused
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import activities, case_record, cases, coordination, persons
from teiretsu_desktop.services.activities import ActivityInput
from teiretsu_desktop.services.consent import (
    DisclosureRequest,
    list_disclosures,
    record_disclosure,
)
from teiretsu_desktop.services.persons import LikelyDuplicate, get_person, register_person, search_persons
from teiretsu_desktop.services.reminders import due_reminders
from teiretsu_desktop.store.models import AuditEntry
from tests.helpers.casework import consent, interview, new_case, new_person, person
from tests.helpers.stores import CASEWORKER, CASEWORKER_PASS, CLERK, CLERK_PASS, TemplateStore, unlock_admin

S = CaseState


def _names(hits: list) -> set[str]:  # type: ignore[type-arg]
    return {h.name for h in hits}


def test_search_folds_kana_width_and_variant_kanji(admin: StaffSession) -> None:
    new_person(admin)
    new_person(
        admin,
        family="髙橋",
        given="花子",
        fkana="タカハシ",
        gkana="ハナコ",
        alias="ハナ",
        former_names=("佐藤 花子",),
        birth_date=date(1948, 7, 7),
    )
    new_person(admin, family="山口", given="次郎", fkana="ヤマグチ", gkana="ジロウ")
    for query in ("やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "山田", "山田 太郎", "やまだ　たろう", "たろう"):
        assert _names(search_persons(admin, query)) == {"山田 太郎"}, query
    for query in ("高橋", "髙橋", "たかはし", "ハナ", "佐藤", "佐藤花子", "花子"):
        assert "髙橋 花子" in _names(search_persons(admin, query)), query
    assert _names(search_persons(admin, "やま")) == {"山田 太郎", "山口 次郎"}
    assert _names(search_persons(admin, "やま 1955")) == {"山田 太郎", "山口 次郎"}
    assert _names(search_persons(admin, "昭和23")) == {"髙橋 花子"}
    assert _names(search_persons(admin, "1948-07")) == {"髙橋 花子"}
    assert _names(search_persons(admin, "まだた")) == {"山田 太郎"}  # substring (trigram)
    assert search_persons(admin, "鈴木") == []


def test_a_likely_duplicate_warns_and_shows_candidates(admin: StaffSession) -> None:
    first = register_person(admin, person()).value
    with pytest.raises(LikelyDuplicate) as warned:
        register_person(admin, person(family="山田", given="太郎", fkana="ﾔﾏﾀﾞ", gkana="ﾀﾛｳ"))
    assert [c.id for c in warned.value.candidates] == [first]
    with pytest.raises(LikelyDuplicate):
        register_person(admin, person(family="山田", given="太郎", birth_date=None))
    # Same name, different birth date: a different person.
    register_person(admin, person(birth_date=date(1970, 1, 1)))
    register_person(admin, person(), allow_duplicate=True)


def test_special_coordination_from_referral_to_closure(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    cases.transition_case(admin, cid, S.ASSESSMENT, on=date(2024, 5, 15))
    with pytest.raises(TransitionRefused) as refused:
        cases.transition_case(admin, cid, S.PLANNING, on=date(2024, 5, 16))
    assert refused.value.missing == [
        "本人との面接記録",
        "この支援についての有効な同意（本人または法定代理人）",
    ]
    interview(admin, cid)
    consent(admin, cid)
    cases.transition_case(admin, cid, S.PLANNING, on=date(2024, 6, 1))
    cases.transition_case(admin, cid, S.PLACEMENT, on=date(2024, 6, 2))
    cand = coordination.add_candidate(admin, cid, name="グループホームさくら", destination_kind="08").value
    coordination.add_candidate(admin, cid, name="救護施設みどり", status=CandidateStatus.REFUSED)
    with pytest.raises(TransitionRefused):
        cases.transition_case(admin, cid, S.PLACEMENT_DECIDED)
    coordination.set_candidate_status(admin, cand, CandidateStatus.DECIDED)
    coordination.set_application(
        admin,
        cid,
        ApplicationKind.PUBLIC_ASSISTANCE,
        status=ApplicationStatus.APPLIED,
        applied_on=date(2024, 10, 1),
        office="府中市福祉事務所",
    )
    cases.transition_case(admin, cid, S.PLACEMENT_DECIDED)
    steps = {s.state: s.missing for s in cases.next_steps(admin, cid)}
    assert steps[S.RELEASED] == ("帰住日・釈放日", "帰住先の種別")
    view = cases.get_case(admin, cid)
    cases.update_case(
        admin,
        cid,
        replace(_input(view), release_date=date(2024, 11, 30), destination_kind="08"),
        expected_revision=view.revision,
    )
    cases.transition_case(admin, cid, S.RELEASED, on=date(2024, 11, 30))
    cases.transition_case(admin, cid, S.FOLLOW_UP, on=date(2024, 12, 1))
    cases.record_review(admin, cid, reviewed_on=date(2025, 11, 1), decision=ReviewDecision.CLOSE)
    view = cases.get_case(admin, cid)
    # 終結日 and 終結理由 are entered with the closure itself (an open case has none): one use case.
    closing = replace(
        _input(view), closure_date=date(2025, 11, 30), closure_reason=str(ClosureReason.SETTLED)
    )
    with pytest.raises(InvalidInput, match="終結日"):
        cases.update_case(admin, cid, closing, expected_revision=view.revision)
    person = persons.get_person(admin, view.person_id)
    case_record.save_case_record(admin, cid, person=None, person_revision=person.revision, case=closing,
                                 case_revision=view.revision, move_to=S.CLOSED)  # fmt: skip
    assert cases.get_case(admin, cid).state is S.CLOSED
    assert cases.next_steps(admin, cid) == []
    with admin.uow(write=False) as uow:
        actions = (
            uow.session.execute(select(AuditEntry.action).where(AuditEntry.target_id == cid)).scalars().all()
        )
    assert actions.count("case_state_changed") == 7


def _input(view: cases.CaseView) -> cases.CaseInput:
    return cases.CaseInput(**{name: getattr(view, name) for name in cases._FIELDS})


def test_stale_edits_are_refused(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    view = cases.get_case(admin, cid)
    changed = replace(_input(view), facility_name="大阪刑務所")
    cases.update_case(admin, cid, changed, expected_revision=view.revision)
    with pytest.raises(InvalidInput, match="Someone changed"):
        cases.update_case(admin, cid, _input(view), expected_revision=view.revision)


def test_reminders_appear_and_move_with_their_dates(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid, expected_release=date(2024, 11, 30))
    suspect = new_case(
        admin,
        new_person(admin, family="田中", fkana="タナカ"),
        BusinessLine.SUSPECT,
        detention_expiry=date(2024, 11, 20),
        expected_release=None,
    )

    def kinds(day: date) -> set[tuple[ReminderKind, str | None]]:
        return {(v.reminder.kind, v.reminder.case_id) for v in due_reminders(admin, today=day)}

    assert (ReminderKind.RELEASE, cid) in kinds(date(2024, 11, 15))
    assert (ReminderKind.DETENTION_EXPIRY, suspect) in kinds(date(2024, 11, 15))
    view = cases.get_case(admin, cid)
    cases.update_case(
        admin,
        cid,
        replace(_input(view), expected_release=date(2025, 3, 31)),
        expected_revision=view.revision,
    )
    assert (ReminderKind.RELEASE, cid) not in kinds(date(2024, 11, 15))
    assert (ReminderKind.RELEASE, cid) in kinds(date(2025, 3, 20))
    consent(admin, cid, RecipientKind.FACILITY, expires=date(2024, 12, 1))
    reminders = due_reminders(admin, today=date(2024, 11, 15))
    assert any(
        v.reminder.kind is ReminderKind.CONSENT_EXPIRY and v.person_name == "山田 太郎" for v in reminders
    )


def test_sensitive_groups_are_guarded_and_their_views_audited(
    store: TemplateStore, admin: StaffSession
) -> None:
    pid = new_person(admin, diagnosis="統合失調症", life_history="幼少期より施設で生活")
    cid = new_case(admin, pid, offence="窃盗")
    interview(admin, cid, "面接内容の詳細")
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)
    try:
        assert get_person(clerk, pid).diagnosis is None
        assert cases.get_case(clerk, cid).offence is None
        assert [a.narrative for a in activities.list_activities(clerk, cid)] == [None]
        with pytest.raises(PermissionDenied):
            new_case(clerk, pid)
    finally:
        clerk.lock()
    worker = unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
    try:
        assert cases.get_case(worker, cid).offence == "窃盗"
        assert get_person(worker, pid).diagnosis == "統合失調症"
        with worker.uow(write=False) as uow:
            views = uow.session.execute(
                select(AuditEntry.target_id, AuditEntry.detail).where(
                    AuditEntry.action == "sensitive_viewed", AuditEntry.actor_id == worker.actor.staff_id
                )
            ).all()
    finally:
        worker.lock()
    assert {v[0] for v in views} == {pid, cid}
    assert all("窃盗" not in v[1] and "統合失調症" not in v[1] for v in views)


def test_disclosure_needs_consent_or_an_authorised_override(
    store: TemplateStore, admin: StaffSession
) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    request = DisclosureRequest(
        pid, RecipientKind.MEDICAL, ["氏名", "生年月日"], ProvisionChannel.PRINT, date(2024, 6, 1),
        case_id=cid, form_id="referral",
    )  # fmt: skip
    worker = unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
    try:
        with pytest.raises(PermissionDenied, match="No consent"):
            record_disclosure(worker, request)
        with pytest.raises(PermissionDenied):  # a caseworker may not override
            record_disclosure(worker, replace(request, override_reason="緊急"))
        consent(admin, cid, RecipientKind.MEDICAL)
        record_disclosure(worker, request)
    finally:
        worker.lock()
    record_disclosure(
        admin, replace(request, recipient=RecipientKind.PROBATION, override_reason="保護観察所からの照会")
    )
    records = list_disclosures(admin, pid)
    assert len(records) == 2
    assert {r.recipient for r in records} == {RecipientKind.MEDICAL, RecipientKind.PROBATION}
    assert next(r for r in records if r.recipient is RecipientKind.MEDICAL).consent_id is not None


def test_activity_edits_keep_the_earlier_text(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    aid = interview(admin, cid, "最初の記録")
    view = activities.list_activities(admin, cid)[0]
    activities.edit_activity(
        admin,
        aid,
        ActivityInput(view.occurred_at, ActivityKind.INTERVIEW, "訂正後の記録"),
        expected_revision=view.revision,
    )
    assert activities.list_activities(admin, cid)[0].narrative == "訂正後の記録"
    assert activities.list_activities(admin, cid)[0].edited
    assert [h.narrative for h in activities.activity_history(admin, aid)] == ["最初の記録"]


def test_a_draft_survives_closing_the_store_without_saving(store: TemplateStore) -> None:
    session = unlock_admin(store.data_dir)
    cid = new_case(session, new_person(session))
    activities.save_draft(
        session, cid, kind=ActivityKind.INTERVIEW, place="府中刑務所", text="本人は帰住先に"
    )
    activities.save_draft(
        session, cid, kind=ActivityKind.INTERVIEW, place="府中刑務所", text="本人は帰住先について話した"
    )
    session.store.close()  # as if the battery died: no lock, no save
    again = unlock_admin(store.data_dir)
    try:
        draft = activities.load_draft(again, cid)
        assert draft is not None and draft.text == "本人は帰住先について話した"
        activities.commit_draft(again, cid, occurred_at=datetime(2024, 5, 20, 14, 0))
        assert activities.load_draft(again, cid) is None
        assert activities.list_activities(again, cid)[0].narrative == "本人は帰住先について話した"
    finally:
        again.lock()


def test_an_anonymous_consultation_becomes_a_case(admin: StaffSession) -> None:
    from teiretsu_desktop.domain.codes import ConsultationChannel, ConsultationTopic, Requester
    from teiretsu_desktop.services.consultations import (
        ConsultationInput,
        convert_to_case,
        list_consultations,
        record_consultation,
    )

    cid = record_consultation(
        admin,
        ConsultationInput(datetime(2024, 6, 1, 10), ConsultationChannel.PHONE, Requester.FAMILY,
                          (ConsultationTopic.HOUSING,), "住まいの相談", anonymous=True),
    ).value  # fmt: skip
    pid = new_person(admin)
    case_id = convert_to_case(admin, cid, pid, on=date(2024, 6, 3)).value
    view = cases.get_case(admin, case_id)
    assert view.business_line is BusinessLine.CONSULTATION and view.requester == "family"
    listed = list_consultations(admin, start=datetime(2024, 1, 1), end=datetime(2024, 12, 31))
    assert listed[0].case_id == case_id and not listed[0].anonymous
    with pytest.raises(InvalidInput, match="already"):
        convert_to_case(admin, cid, pid, on=date(2024, 6, 4))
