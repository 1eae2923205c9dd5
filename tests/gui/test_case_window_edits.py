"""The case window never loses what was typed and never blocks itself (issue 11), in the real GUI over
a real encrypted store. Each test reproduces a behaviour a caseworker met before the fix."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.cases.window import CaseWindow
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.operations import ChangeOp
from teiretsu_desktop.gui.widgets.dates import qt_datetime
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog
from teiretsu_desktop.services import activities, case_record, cases, persons
from teiretsu_desktop.services.activities import ActivityInput
from teiretsu_desktop.store.models import SupportCase
from tests.gui.conftest import Answers, open_case_window, settle, type_values, unlock
from tests.helpers.casework import new_case, new_person, stored_record
from tests.helpers.stores import TemplateStore, unlock_admin


def _case(store: TemplateStore) -> str:
    session = unlock_admin(store.data_dir)
    try:
        return new_case(session, new_person(session))
    finally:
        session.lock()


def test_typed_edits_survive_the_idle_lock(qtbot: QtBot, gui: Application, store: TemplateStore) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.person_form, {"alias": "やまちゃん"})
    type_values(window.case_form, {"facility_name": "府中刑務所 第3区"})
    gui.idle.timed_out.emit()  # the idle lock fires while the caseworker is away
    settle(qtbot, gui)
    assert not gui.context.is_unlocked and case_id not in gui.main.case_windows
    assert window.person_form.value("alias") is None  # the screen no longer shows it
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: case_id in gui.main.case_windows, timeout=10000)
    again = gui.main.case_windows[case_id]
    qtbot.waitUntil(lambda: again.person_form.value("alias") == "やまちゃん", timeout=10000)
    assert again.case_form.value("facility_name") == "府中刑務所 第3区"
    assert again.is_dirty() and "復元" in again.notice_text.text()
    case, person = stored_record(store.data_dir, case_id)
    assert person.alias is None and case.facility_name == "府中刑務所"  # restored, not silently saved
    again.save()
    settle(qtbot, gui)
    case, person = stored_record(store.data_dir, case_id)
    assert person.alias == "やまちゃん" and case.facility_name == "府中刑務所 第3区"
    assert not again.is_dirty() and again.status.text() == "保存しました"


def test_closing_with_unsaved_edits_asks(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.person_form, {"phone": "03-0000-1111"})
    answers.close = dialogs.CloseAnswer.CANCEL
    assert not window.close()
    assert answers.asked == ["保存されていない変更"] and window.isVisible()
    answers.close = dialogs.CloseAnswer.SAVE
    window.close()  # saves, then closes
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: case_id not in gui.main.case_windows, timeout=10000)
    assert stored_record(store.data_dir, case_id)[1].phone == "03-0000-1111"
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.person_form, {"phone": "捨てる番号"})
    window.save_draft_now()
    settle(qtbot, gui)
    answers.close = dialogs.CloseAnswer.DISCARD
    assert window.close()
    settle(qtbot, gui)
    assert stored_record(store.data_dir, case_id)[1].phone == "03-0000-1111"
    session = unlock_admin(store.data_dir)
    try:
        assert case_record.form_drafts(session) == []  # the discarded edits are not offered again
    finally:
        session.lock()


def test_quitting_with_unsaved_edits_asks_and_cancel_keeps_the_application_open(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.case_form, {"lawyer_name": "弁護 士郎"})
    answers.close = dialogs.CloseAnswer.CANCEL
    gui.main.close()
    assert answers.asked == ["保存されていない変更"]
    assert (
        gui.context.is_unlocked
        and window.isVisible()
        and window.case_form.value("lawyer_name") == "弁護 士郎"
    )


def test_the_note_being_typed_is_never_replaced(qtbot: QtBot, gui: Application, store: TemplateStore) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    window.tabs.setCurrentWidget(window.pages.timeline)
    note = window.pages.timeline.note
    note.setPlainText("本人と面接。帰住先は")
    cursor = note.textCursor()
    cursor.setPosition(3)
    note.setTextCursor(cursor)
    type_values(window.person_form, {"alias": "入力中の通称"})

    def untouched() -> None:
        assert note.toPlainText() == "本人と面接。帰住先は"
        assert note.textCursor().position() == 3
        assert window.person_form.value("alias") == "入力中の通称"

    # 1. A candidate is added in the same window.
    window.pages.candidates.add()
    dialog = [d for d in window.pages.candidates.findChildren(FormDialog) if d.isVisible()][-1]
    type_values(dialog.form, {"name": "グループホームさくら", "destination_kind": "08"})
    dialog.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: len(window.pages.candidates.model.rows()) == 1, timeout=10000)
    untouched()
    # 2. The case is saved from another window.
    other = CaseWindow(gui.context, case_id)
    qtbot.waitUntil(lambda: other.header.text() != "", timeout=10000)
    settle(qtbot, gui)
    type_values(other.case_form, {"facility_name": "別の画面で直した施設名"})
    other.save()
    settle(qtbot, gui)
    untouched()
    assert window.case_form.value("facility_name") == "別の画面で直した施設名"  # the rest is refreshed
    assert "別の画面で変更" in window.notice_text.text()
    # 3. Another service changes the case (a note recorded elsewhere).
    ChangeOp(
        gui.context,
        lambda s: activities.record_activity(
            s, case_id, ActivityInput(datetime(2024, 6, 1, 9, 0), ActivityKind.PHONE, "電話で確認")
        ),
    ).run_in_background()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: len(window.pages.timeline.model.rows()) == 1, timeout=10000)
    untouched()
    # The autosave that follows writes what is on the screen, not a stale draft.
    window.pages.timeline.save_draft_now()
    window.save()  # the window's own save merges with the other window's change: no stale refusal
    settle(qtbot, gui)
    assert window.status.text() == "保存しました"
    other.close()
    session = unlock_admin(store.data_dir)
    try:
        draft = activities.load_draft(session, case_id)
        assert draft is not None and draft.text == "本人と面接。帰住先は"
        assert cases.get_case(session, case_id).facility_name == "別の画面で直した施設名"
        assert persons.get_person(session, cases.get_case(session, case_id).person_id).alias == "入力中の通称"
    finally:
        session.lock()


def test_a_refused_state_change_then_a_save_succeeds(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.case_form, {"facility_name": "府中刑務所 西"})
    died = window.findChild(QPushButton, f"step_{CaseState.DIED.value}")
    assert died is not None
    died.click()  # asks first (a terminal state), then the rule refuses: no 終結日
    settle(qtbot, gui)
    assert answers.asked == ["状態の変更"]
    assert "終結日" in window.status.text()
    assert stored_record(store.data_dir, case_id)[0].facility_name == "府中刑務所"  # nothing was written
    assert window.case_form.value("facility_name") == "府中刑務所 西"  # and nothing was lost
    window.save()
    settle(qtbot, gui)
    assert window.status.text() == "保存しました", window.status.text()
    assert stored_record(store.data_dir, case_id)[0].facility_name == "府中刑務所 西"
    type_values(window.outcome_form, {"closure_date": date.today(), "closure_reason": "died"})
    answers.confirm = False  # the caseworker thinks again
    window.findChild(QPushButton, f"step_{CaseState.DIED.value}").click()  # type: ignore[union-attr]
    settle(qtbot, gui)
    assert stored_record(store.data_dir, case_id)[0].state is CaseState.RECEIVED


def test_a_corrected_note_shows_both_versions(qtbot: QtBot, gui: Application, store: TemplateStore) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    timeline = window.pages.timeline
    timeline.note.setPlainText("最初に書いた内容")
    timeline.note_when.setDateTime(qt_datetime(datetime(2024, 5, 20, 10, 30)))
    timeline.commit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: len(timeline.model.rows()) == 1, timeout=10000)
    assert timeline.model.rows()[0].occurred_at == datetime(2024, 5, 20, 10, 30)
    timeline.table.selectRow(0)
    timeline._show_detail(timeline.model.index(0, 0))
    assert timeline.correct_button.isEnabled()
    timeline.correct()
    from teiretsu_desktop.gui.cases.timeline import CorrectionDialog

    dialog = [d for d in timeline.findChildren(CorrectionDialog) if d.isVisible()][-1]
    dialog.text.setPlainText("訂正後の内容")
    dialog.save()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: timeline.model.rows()[0].narrative == "訂正後の内容", timeout=10000)
    timeline._show_detail(timeline.model.index(0, 0))
    settle(qtbot, gui)
    shown = timeline.detail.toPlainText()
    assert "訂正後の内容" in shown and "最初に書いた内容" in shown and "修正前の版" in shown


def test_edits_typed_before_a_kill_are_offered_at_the_next_start(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    from tests.helpers.stores import ADMIN, ADMIN_PASS
    from tests.helpers.typist import type_then_kill

    canary = "カナリア通称定着"
    case_id = _case(store)
    line = type_then_kill(
        "tests.stress.form_typist", [str(store.data_dir.root), ADMIN, ADMIN_PASS, case_id, canary]
    )
    assert line == "saved", line
    # The draft is in the encrypted store, not in a plaintext file.
    for path in store.data_dir.root.rglob("*"):
        if path.is_file():
            assert canary.encode() not in path.read_bytes(), path
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: case_id in gui.main.case_windows, timeout=15000)
    window = gui.main.case_windows[case_id]
    qtbot.waitUntil(lambda: window.person_form.value("alias") == canary, timeout=10000)
    assert window.is_dirty() and "復元" in window.notice_text.text()


def test_a_closure_date_on_an_open_case_is_refused_and_an_ended_case_is_reopened_with_a_reason(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.outcome_form, {"closure_date": date(2024, 6, 1)})
    window.save()  # an open case has no 終結日: refused, naming the field, and nothing is lost
    settle(qtbot, gui)
    assert "終結日" in window.status.text() and window.outcome_form.value("closure_date") == date(2024, 6, 1)
    assert stored_record(store.data_dir, case_id)[0].closure_date is None
    window.findChild(QPushButton, f"step_{CaseState.WITHDRAWN.value}").click()  # type: ignore[union-attr]
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: CaseState.WITHDRAWN.label in window.header.text(), timeout=10000)
    reopen = window.findChild(QPushButton, "reopenCase")
    assert reopen is not None
    answers.text = None
    reopen.click()  # cancelled: nothing happens
    settle(qtbot, gui)
    assert stored_record(store.data_dir, case_id)[0].state is CaseState.WITHDRAWN
    answers.text = "取下げの入力誤り"
    reopen.click()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: CaseState.RECEIVED.label in window.header.text(), timeout=10000)
    case, _person = stored_record(store.data_dir, case_id)
    assert case.state is CaseState.RECEIVED and case.closure_date is None
    session = unlock_admin(store.data_dir)
    try:
        from teiretsu_desktop.services.audit_log import recent_entries

        assert any(e.action == "case_reopened" and case_id in e.target for e in recent_entries(session))
    finally:
        session.lock()


def test_the_save_button_saves_and_typing_during_a_save_is_kept(
    qtbot: QtBot, gui: Application, store: TemplateStore, error_dialogs: list[str]
) -> None:
    from PySide6.QtCore import Qt

    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.person_form, {"alias": "ボタンで保存"})
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]  # clicked(bool) is not a state
    type_values(window.person_form, {"phone": "保存中に入力"})  # typed while the save is on its way
    settle(qtbot, gui)
    assert error_dialogs == [] and window.status.text().startswith("保存しました")
    assert stored_record(store.data_dir, case_id)[1].alias == "ボタンで保存"
    assert window.person_form.value("phone") == "保存中に入力" and window.is_dirty()


def test_a_double_click_writes_one_entry_and_a_restored_note_keeps_its_time(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    timeline = window.pages.timeline
    timeline.note.setPlainText("一度だけ保存される記録")
    timeline.save_note.click()
    timeline.save_note.click()  # the button waits for the answer
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: len(timeline.model.rows()) == 1, timeout=10000)
    settle(qtbot, gui)
    assert len(timeline.model.rows()) == 1 and timeline.note.toPlainText() == ""
    timeline.note_when.setDateTime(qt_datetime(datetime(2024, 5, 20, 10, 30)))
    timeline.note.setPlainText("面会の続き")
    gui.context.lock()  # the note (and when the visit happened) is kept as a draft
    settle(qtbot, gui)
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: case_id in gui.main.case_windows, timeout=10000)
    again = gui.main.case_windows[case_id].pages.timeline
    qtbot.waitUntil(lambda: again.note.toPlainText() == "面会の続き", timeout=10000)
    assert again.note_when.dateTime().toPython() == datetime(2024, 5, 20, 10, 30)


def test_a_closed_window_follows_nothing_and_a_lock_during_a_save_shows_no_error(
    qtbot: QtBot, gui: Application, store: TemplateStore, error_dialogs: list[str]
) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    window.close()
    settle(qtbot, gui)
    ChangeOp(
        gui.context,
        lambda s: activities.record_activity(
            s, case_id, ActivityInput(datetime(2024, 6, 1, 9, 0), ActivityKind.PHONE, "電話で確認")
        ),
    ).run_in_background()
    settle(qtbot, gui)
    assert window.pages.timeline.model.rows() == []  # the closed window did not reload
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.case_form, {"lawyer_name": "弁護 三郎"})
    window.save()
    gui.context.lock()  # the idle lock fires while the save is on its way
    settle(qtbot, gui)
    assert error_dialogs == []
    assert stored_record(store.data_dir, case_id)[0].lawyer_name == "弁護 三郎"
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: case_id in gui.main.case_windows, timeout=10000)
    again = gui.main.case_windows[case_id]
    qtbot.waitUntil(lambda: again.header.text() != "", timeout=10000)
    settle(qtbot, gui)
    assert not again.is_dirty() and not again.notice.isVisible()  # nothing unsaved to "restore"


def test_support_goes_on_after_a_release_without_a_destination(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
        with session.uow() as uow:  # released at 満期 before a placement was found
            row = uow.session.get(SupportCase, case_id)
            assert row is not None
            row.state = str(CaseState.RELEASED_UNPLACED)
            row.release_date = row.closure_date = date(2024, 11, 30)
            uow.commit()
    finally:
        session.lock()
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    go_on = window.findChild(QPushButton, f"step_{CaseState.FOLLOW_UP.value}")
    assert go_on is not None and go_on.accessibleName() == CaseState.FOLLOW_UP.label
    answers.text = "釈放後に本人から連絡があった"
    go_on.click()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: CaseState.FOLLOW_UP.label in window.header.text(), timeout=10000)
    assert answers.asked[-1] == "状態を変える理由"
    case, _person = stored_record(store.data_dir, case_id)
    assert (
        case.state is CaseState.FOLLOW_UP
        and case.closure_date is None
        and case.release_date == date(2024, 11, 30)
    )
