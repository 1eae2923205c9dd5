"""Issue 17 in the case window: a candidate chosen from the 関係機関 directory, an attempt recorded with
its day, the history under the list, and a refused answer that names what is missing."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import AgencyKind, CandidateStatus
from teiretsu_desktop.domain.placement import PlacementStep
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services import directory
from tests.gui.conftest import settle, type_values, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_a_candidate_from_the_directory_and_its_attempts(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
        home = directory.save_agency(
            session, directory.AgencyInput(AgencyKind.DISABILITY_PROVIDER, "グループホームさくら")
        ).value
    finally:
        session.lock()
    unlock(qtbot, gui)
    gui.main.open_case(case_id)
    window = gui.main.case_windows[case_id]
    settle(qtbot, gui)
    tab = window.pages.candidates
    dialog = tab.add()
    settle(qtbot, gui)
    combo = dialog.form.widgets["agency_id"]
    assert isinstance(combo, QComboBox) and combo.findData(home) > 0  # the directory's agencies are offered
    type_values(dialog.form, {"agency_id": home, "destination_kind": "08"})
    dialog.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    assert tab.model.rows()[0].name == "グループホームさくら"
    tab.table.selectRow(0)
    # An answer of 不可 without its reason is refused in the dialog, which keeps what was typed.
    attempt = tab.record_attempt()
    assert attempt is not None
    type_values(attempt.form, {"step": str(PlacementStep.ANSWER), "outcome": str(CandidateStatus.REFUSED)})
    attempt.buttons.accepted.emit()
    settle(qtbot, gui)
    assert "「不可」の理由" in attempt.status.text() and attempt.isVisible()
    type_values(
        attempt.form, {"reason": "夜間の支援体制がない", "happened_on": date.today() - timedelta(days=1)}
    )
    attempt.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: tab.model.rows()[0].status is CandidateStatus.REFUSED, timeout=10000)
    tab.table.selectRow(0)
    tab._show_history()
    rows = tab.history.rows()
    assert [(a.step, a.reason) for a in rows] == [(PlacementStep.ANSWER, "夜間の支援体制がない")]
    assert tab.history_table.accessibleName() == "選んだ候補の経過"
