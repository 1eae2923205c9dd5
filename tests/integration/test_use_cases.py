"""One use case, one transaction (ADR 0007), on real SQLCipher stores: a refused step writes nothing.

Each test here reproduces a behaviour seen by a caseworker (issue 11) and failed before the fix.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from teiretsu_desktop.domain.codes import ActivityKind, BusinessLine, Requester
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import activities, case_record, cases, persons
from teiretsu_desktop.services.activities import ActivityInput
from teiretsu_desktop.services.audit_log import recent_entries
from teiretsu_desktop.services.changes import ChangeKind
from teiretsu_desktop.services.staff import add_staff
from teiretsu_desktop.store.models import Person, SupportCase
from tests.helpers.casework import interview, new_case, new_person, person
from tests.helpers.stores import CASEWORKER, CASEWORKER_PASS, CLERK, CLERK_PASS, TemplateStore


def _counts(session: StaffSession) -> tuple[int, int]:
    with session.uow(write=False) as uow:
        people = uow.session.scalar(select(func.count()).select_from(Person))
        case_rows = uow.session.scalar(select(func.count()).select_from(SupportCase))
    return int(people or 0), int(case_rows or 0)


def _revisions(session: StaffSession, case_id: str) -> tuple[int, int]:
    case = cases.get_case(session, case_id)
    return persons.get_person(session, case.person_id).revision, case.revision


def test_a_refused_case_save_leaves_the_person_unchanged(admin: StaffSession) -> None:
    case_id = new_case(admin, new_person(admin))
    case = cases.get_case(admin, case_id)
    before = persons.get_person(admin, case.person_id)
    p_rev, c_rev = _revisions(admin, case_id)
    edited_person = replace(person(), alias="やまちゃん")
    # 終結日 before 依頼日: the case is refused — so the person must not be saved either.
    bad_case = cases.CaseInput(business_line=BusinessLine.SPECIAL, request_date=date(2024, 5, 10),
                               closure_date=date(2024, 1, 1))  # fmt: skip
    with pytest.raises(InvalidInput):
        case_record.save_case_record(admin, case_id, person=edited_person, person_revision=p_rev,
                                     case=bad_case, case_revision=c_rev)  # fmt: skip
    after = persons.get_person(admin, case.person_id)
    assert after.alias == before.alias and after.revision == before.revision
    assert _revisions(admin, case_id) == (p_rev, c_rev)


def test_a_refused_state_change_writes_nothing_and_a_save_then_succeeds(admin: StaffSession) -> None:
    case_id = new_case(admin, new_person(admin))
    p_rev, c_rev = _revisions(admin, case_id)
    typed = replace(cases.get_case(admin, case_id), facility_name="府中刑務所 第2区")
    typed_input = cases.CaseInput(**{f: getattr(typed, f) for f in cases.CaseInput.__dataclass_fields__})
    # 死亡 needs a 終結日: refused, and the field typed with it is not written either.
    with pytest.raises(InvalidInput, match="終結日"):
        case_record.save_case_record(admin, case_id, person=None, person_revision=p_rev, case=typed_input,
                                     case_revision=c_rev, move_to=CaseState.DIED)  # fmt: skip
    assert cases.get_case(admin, case_id).facility_name == "府中刑務所"
    assert cases.get_case(admin, case_id).state is CaseState.RECEIVED
    # The same revisions are still current: the next save is not taken for someone else's change.
    saved = case_record.save_case_record(admin, case_id, person=None, person_revision=p_rev,
                                         case=typed_input, case_revision=c_rev).value  # fmt: skip
    assert saved.case_revision == c_rev + 1
    assert cases.get_case(admin, case_id).facility_name == "府中刑務所 第2区"


def test_a_state_change_reads_the_values_saved_with_it(admin: StaffSession) -> None:
    case_id = new_case(admin, new_person(admin))
    p_rev, c_rev = _revisions(admin, case_id)
    view = cases.get_case(admin, case_id)
    data = cases.CaseInput(**{f: getattr(view, f) for f in cases.CaseInput.__dataclass_fields__})
    data = replace(data, closure_date=date(2024, 6, 1), closure_reason="died")
    outcome = case_record.save_case_record(admin, case_id, person=None, person_revision=p_rev, case=data,
                                           case_revision=c_rev, move_to=CaseState.DIED)  # fmt: skip
    assert outcome.value.state is CaseState.DIED
    assert ChangeKind.CASE in outcome.changes.kinds


def test_a_referral_whose_case_is_refused_leaves_no_person(admin: StaffSession) -> None:
    before = _counts(admin)
    bad = cases.CaseInput(business_line=BusinessLine.SPECIAL, requester=str(Requester.PROBATION),
                          request_date=date(2024, 5, 1), readmission="yes")  # 再入所「有」without its date  # fmt: skip
    with pytest.raises(InvalidInput):
        case_record.register_referral(admin, bad, person=person(family="受付", given="花子"))
    assert _counts(admin) == before
    good = replace(bad, readmission="unknown")
    outcome = case_record.register_referral(admin, good, person=person(family="受付", given="花子"))
    assert _counts(admin) == (before[0] + 1, before[1] + 1)
    assert {ChangeKind.CASE, ChangeKind.PERSON} <= outcome.changes.kinds


def test_committing_a_note_removes_its_draft_in_the_same_transaction(admin: StaffSession) -> None:
    case_id = new_case(admin, new_person(admin))
    activities.save_draft(admin, case_id, kind=ActivityKind.INTERVIEW, place=None, text="古い下書き")
    # The editor's text is newer than the last autosave: that is what is saved.
    activities.commit_draft(admin, case_id, occurred_at=datetime(2024, 5, 21, 9, 30), text="面接した内容")
    assert activities.load_draft(admin, case_id) is None
    [entry] = activities.list_activities(admin, case_id)
    assert entry.narrative == "面接した内容" and entry.occurred_at == datetime(2024, 5, 21, 9, 30)
    assert entry.recorded_at is not None and entry.recorded_at.startswith(str(date.today().year))


def test_a_note_cannot_say_it_happened_in_the_future(admin: StaffSession) -> None:
    case_id = new_case(admin, new_person(admin))
    tomorrow = datetime.now() + timedelta(days=1)
    with pytest.raises(InvalidInput, match="未来"):
        activities.commit_draft(admin, case_id, occurred_at=tomorrow, text="まだしていない面接")
    assert activities.list_activities(admin, case_id) == []


def test_a_note_is_corrected_by_its_author_or_a_manager_and_keeps_both_versions(
    admin: StaffSession, store: TemplateStore
) -> None:
    case_id = new_case(admin, new_person(admin))
    add_staff(
        admin, login="kacho", display_name="課長 一郎", role=Role.MANAGER, passphrase="kacho-passphrase-9"
    )
    caseworker = unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
    try:
        entry_id = interview(caseworker, case_id, "最初の記録")
        entry = activities.list_activities(caseworker, case_id)[0]
        corrected = ActivityInput(datetime(2024, 5, 20, 9, 0), ActivityKind.INTERVIEW, "訂正した記録",
                                  place=entry.place)  # fmt: skip
        other = add_staff(admin, login="tanaka", display_name="田中 次郎", role=Role.CASEWORKER,
                          passphrase="tanaka-passphrase-7").value  # fmt: skip
        assert other.role is Role.CASEWORKER
        colleague = unlock_with_passphrase(store.data_dir, "tanaka", "tanaka-passphrase-7")
        try:
            with pytest.raises(PermissionDenied):
                activities.edit_activity(colleague, entry_id, corrected, expected_revision=entry.revision)
        finally:
            colleague.lock()
        activities.edit_activity(caseworker, entry_id, corrected, expected_revision=entry.revision)
    finally:
        caseworker.lock()
    manager = unlock_with_passphrase(store.data_dir, "kacho", "kacho-passphrase-9")
    try:
        now = activities.list_activities(manager, case_id)[0]
        again = replace(corrected, narrative="課長が再訂正")
        activities.edit_activity(manager, entry_id, again, expected_revision=now.revision)
        history = activities.activity_history(manager, entry_id)
    finally:
        manager.lock()
    assert [v.narrative for v in history] == ["最初の記録", "訂正した記録"]
    assert history[0].occurred_at == datetime(2024, 5, 20, 10, 0)
    final = activities.list_activities(admin, case_id)[0]
    assert (
        final.narrative == "課長が再訂正"
        and final.edited
        and final.occurred_at == datetime(2024, 5, 20, 9, 0)
    )
    actions = [e.action for e in recent_entries(admin) if e.target == f"activity:{entry_id}"]
    assert actions.count("activity_edited") == 2 and actions.count("activity_recorded") == 1


def test_form_drafts_belong_to_their_author_and_go_with_the_save(
    admin: StaffSession, store: TemplateStore
) -> None:
    case_id = new_case(admin, new_person(admin))
    case_record.save_form_draft(
        admin, case_id, {"person": {"alias": "途中まで"}, "case": {"sentence_end": "令和7年"}}
    )
    [draft] = case_record.form_drafts(admin)
    assert draft.case_id == case_id and draft.fields["person"] == {"alias": "途中まで"}
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)
    try:
        assert case_record.form_drafts(clerk) == []  # another person's draft, and a read-only role
        with pytest.raises(PermissionDenied):
            case_record.save_form_draft(clerk, case_id, {"person": {"alias": "x"}})
    finally:
        clerk.lock()
    p_rev, c_rev = _revisions(admin, case_id)
    case_record.save_case_record(admin, case_id, person=replace(person(), alias="保存した"),
                                 person_revision=p_rev, case=None, case_revision=c_rev)  # fmt: skip
    assert case_record.form_drafts(admin) == []


def test_services_inside_a_transaction_join_it(admin: StaffSession) -> None:
    before = _counts(admin)
    with pytest.raises(InvalidInput), admin.transaction():
        new_person(admin)  # committed by itself outside a use case; here it only joins
        raise InvalidInput("後の段階で拒否")
    assert _counts(admin) == before


def test_staff_changes_are_announced(admin: StaffSession) -> None:
    outcome = add_staff(admin, login="kobayashi", display_name="小林", role=Role.CLERICAL,
                        passphrase="kobayashi-pass-5")  # fmt: skip
    assert outcome.changes.touches_record(ChangeKind.STAFF, outcome.value.staff_id)


def test_an_attempt_during_the_wait_is_refused_without_checking_the_passphrase(store: TemplateStore) -> None:
    from teiretsu_desktop.domain.errors import TooManyAttempts, WrongCredentials
    from teiretsu_desktop.security.unlock_throttle import UnlockThrottle

    for _ in range(3):
        with pytest.raises(WrongCredentials):
            unlock_with_passphrase(store.data_dir, CASEWORKER, "wrong passphrase!!")
    throttle = UnlockThrottle(store.data_dir.unlock_failures)
    assert throttle.wait_seconds(CASEWORKER) > 0
    # Even the right passphrase is refused unchecked until the time has come.
    with pytest.raises(TooManyAttempts):
        unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS, throttle=throttle)
    later = UnlockThrottle(
        store.data_dir.unlock_failures, clock=lambda: datetime.now(UTC) + timedelta(seconds=3)
    )
    session = unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS, throttle=later)
    session.lock()


def test_the_cli_waits_by_the_same_throttle(store: TemplateStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from teiretsu_desktop.cli import context as cli_context
    from teiretsu_desktop.cli.secrets_input import SecretSource
    from teiretsu_desktop.domain.errors import WrongCredentials
    from teiretsu_desktop.security.unlock_throttle import UnlockThrottle

    slept: list[float] = []
    monkeypatch.setattr("teiretsu_desktop.cli.context.time.sleep", slept.append)
    ctx = cli_context.CliContext(store.data_dir, CASEWORKER, passphrase_stdin=True)
    ctx.secrets = SecretSource(from_stdin=True, stdin=io.StringIO("wrong-one-1\nwrong-one-2\nwrong-one-3\n"))
    for _ in range(3):
        with pytest.raises(WrongCredentials):
            ctx.unlock()
    assert slept == [0, 0, 0]
    expected = UnlockThrottle(store.data_dir.unlock_failures).wait_seconds(CASEWORKER)
    ctx.secrets = SecretSource(from_stdin=True, stdin=io.StringIO(CASEWORKER_PASS + "\n"))
    # The CLI sleeps until the throttle allows the attempt; the sleep is skipped here, so the store
    # thread's check refuses — the same rule, applied by both.
    from teiretsu_desktop.domain.errors import TooManyAttempts

    with pytest.raises(TooManyAttempts):
        ctx.unlock()
    assert slept[-1] == expected > 0
    ctx.close()
