"""Issue 17, as a caseworker uses it: a note that says 「次回は…」 becomes a dashboard reminder from the
支援経過 tab, and すべての経過 shows it with the note and the state changes, filtered by kind."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.domain.reminders import ReminderKind
from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services import reminders
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.timeline import EventKind
from tests.gui.conftest import Answers, settle, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_a_date_in_a_note_becomes_a_reminder_and_every_event_is_listed(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    next_visit = date.today() + timedelta(days=4)
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session), expected_release=date.today() + timedelta(days=300))
        text = f"本人と面接。落ち着いている。次回は{next_visit.month}月{next_visit.day}日に面会予定。"
        record_activity(
            session,
            case_id,
            ActivityInput(datetime.now().replace(microsecond=0), ActivityKind.INTERVIEW, text),
        )
    finally:
        session.lock()
    unlock(qtbot, gui)
    gui.main.open_case(case_id)
    window = gui.main.case_windows[case_id]
    qtbot.waitUntil(lambda: window.pages.timeline.model.rowCount() == 1, timeout=10000)
    timeline = window.pages.timeline
    assert not timeline.plan_button.isEnabled()  # nothing selected yet
    timeline.table.selectRow(0)
    timeline._show_detail(timeline.model.index(0, 0))
    assert timeline.plan_button.isEnabled() and timeline.plan_button.accessibleName() == "記録の日付を予定に…"
    answers.text = "次回面会"
    timeline.plan_button.click()
    settle(qtbot, gui)
    assert (
        answers.offered[-1] == f"次回は{next_visit.month}月{next_visit.day}日に面会予定"
    )  # the sentence, to start from
    qtbot.waitUntil(lambda: "予定にしました" in timeline.draft_state.text(), timeout=10000)
    assert to_wareki(next_visit) in timeline.draft_state.text()
    planned = [
        v for v in reminders.due_reminders(gui.context.session) if v.reminder.kind is ReminderKind.PLANNED
    ]
    assert [(v.reminder.title, v.reminder.due) for v in planned] == [("次回面会", next_visit)]
    # すべての経過: the note, the case's first state and the reminder; the filter keeps one kind.
    window.tabs.setCurrentWidget(window.pages.events)
    qtbot.waitUntil(lambda: window.pages.events.model.rowCount() >= 3, timeout=10000)
    kinds = {e.kind for e in window.pages.events.model.rows()}
    assert {EventKind.NOTE, EventKind.STATE, EventKind.REMINDER} <= kinds
    window.pages.events.filter.setCurrentIndex(window.pages.events.filter.findData(str(EventKind.REMINDER)))
    assert [e.title for e in window.pages.events.model.rows()] == ["次回面会"]
    assert window.pages.events.filter.accessibleName() == "表示"
