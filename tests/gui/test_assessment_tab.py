"""Issue 17 in the case window: the アセスメント tab saves what is typed as a new version, shows it in the
version list, and shows a clerk that versions exist but not what they say."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services import assessment
from tests.gui.conftest import Answers, open_case_window, settle, show_tab, type_values, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import CLERK, CLERK_PASS, TemplateStore, unlock_admin


def test_an_assessment_is_typed_saved_as_a_version_and_hidden_from_a_clerk(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
    finally:
        session.lock()
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    show_tab(qtbot, gui, window, "アセスメント")
    tab = window.pages.assessment
    assert window.tabs.currentWidget() is tab
    assert tab.version.currentText() == "まだありません"
    type_values(tab.form, {"family": "姉と年賀状のやりとりがある", "wishes": "「海の見える町に住みたい」"})
    tab.save_button.click()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: tab.version.currentText().startswith("第1版"), timeout=10000)
    assert tab.status.text() == "新しい版として保存しました"
    assert tab.form.value("wishes") == "「海の見える町に住みたい」"
    assert assessment.list_assessments(gui.context.session, case_id)[0].items == {
        "family": "姉と年賀状のやりとりがある", "wishes": "「海の見える町に住みたい」"}  # fmt: skip
    gui.context.lock()
    settle(qtbot, gui)
    unlock(qtbot, gui, CLERK, CLERK_PASS)
    clerk_window = open_case_window(qtbot, gui, case_id)
    clerk_tab = show_tab(qtbot, gui, clerk_window, "アセスメント")
    assert clerk_tab is clerk_window.pages.assessment
    qtbot.waitUntil(lambda: clerk_tab.version.currentText().startswith("第1版"), timeout=10000)
    assert not clerk_tab.save_button.isVisibleTo(clerk_window)
    assert not clerk_tab.form.isVisibleTo(clerk_window)


def test_an_assessment_being_typed_survives_the_idle_lock_and_ctrl_s_saves_it(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
    finally:
        session.lock()
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.pages.assessment.form, {"risks": "金銭管理が苦手で、所持金が尽きると万引きに至った"})
    assert window.is_dirty()
    gui.idle.timed_out.emit()  # the idle lock fires mid-sentence
    settle(qtbot, gui)
    assert not gui.context.is_unlocked and case_id not in gui.main.case_windows
    assert window.pages.assessment.form.value("risks") in (None, "")  # the screen no longer holds it
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: case_id in gui.main.case_windows, timeout=10000)
    again = gui.main.case_windows[case_id]
    qtbot.waitUntil(
        lambda: (
            again.pages.assessment.form.value("risks") == "金銭管理が苦手で、所持金が尽きると万引きに至った"
        ),
        timeout=10000,
    )
    settle(qtbot, gui)
    assert (
        again.pages.assessment.form.value("risks") == "金銭管理が苦手で、所持金が尽きると万引きに至った"
    )  # not replaced on load
    assert assessment.list_assessments(gui.context.session, case_id) == []  # restored, not silently saved
    again.save()  # Ctrl+S saves the assessment as its first version
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: not again.is_dirty(), timeout=10000)
    saved = assessment.list_assessments(gui.context.session, case_id)
    assert [v.version for v in saved] == [1] and saved[0].items == {
        "risks": "金銭管理が苦手で、所持金が尽きると万引きに至った"
    }


def test_taking_the_stored_version_drops_the_assessment_being_typed_too(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
        assessment.save_assessment(session, case_id, {"housing": "公営住宅を希望"}, written_on=date.today())
    finally:
        session.lock()
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    qtbot.waitUntil(lambda: window.pages.assessment.form.value("housing") == "公営住宅を希望", timeout=10000)
    type_values(window.pages.assessment.form, {"housing": "やはりグループホーム"})
    assert window.is_dirty()
    answers.confirm = True
    window.discard_edits()  # 「保存されている内容に戻す」: every unsaved edit of the window goes
    settle(qtbot, gui)
    assert not window.is_dirty() and window.pages.assessment.form.value("housing") == "公営住宅を希望"
