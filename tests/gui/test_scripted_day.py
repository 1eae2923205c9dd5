"""A caseworker's and a manager's day through the real GUI, offscreen, on a real encrypted store:
first run → add a staff member → register a 特別調整 referral → consent → prison interview →
destination candidates → decide → release → follow-up → close. Each step shows in the list and
on the dashboard."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.gui.cases.new_referral import NewReferralDialog
from teiretsu_desktop.gui.cases.window import CaseWindow
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.widgets.form import MultiCheck
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog
from teiretsu_desktop.store.paths import DataDir
from tests.gui.conftest import settle, show_tab, type_values, unlock

PASS = "first-day passphrase"


W = TypeVar("W", bound=QWidget)


def _dialog(parent: QWidget, kind: type[W]) -> W:
    found = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert found, f"no visible {kind.__name__}"
    return found[-1]


def _look_at(qtbot: QtBot, app: Application, row: int) -> None:
    """Go to a page as the user does: a page reads its rows when it is shown (issue 19)."""
    app.main.nav.setCurrentRow(row)
    settle(qtbot, app)


def _case_states(qtbot: QtBot, app: Application) -> dict[str, str]:
    _look_at(qtbot, app, 1)
    model = app.main.cases.model
    return {model.data(model.index(r, 1)): model.data(model.index(r, 5)) for r in range(model.rowCount())}


def _dashboard_people(qtbot: QtBot, app: Application) -> set[str]:
    _look_at(qtbot, app, 0)
    model = app.main.dashboard.model
    return {row.person_name for row in model.rows()}


def _step(qtbot: QtBot, app: Application, window: CaseWindow, state: CaseState) -> None:
    button = window.findChild(QPushButton, f"step_{state.value}")
    assert button is not None, f"no step to {state.label}"
    button.click()
    settle(qtbot, app)
    qtbot.waitUntil(lambda: state.label in window.header.text(), timeout=10000)
    assert window.status.text() in ("", "保存しました"), window.status.text()


def test_a_scripted_day(qtbot: QtBot, qapp: object, tmp_path: Path) -> None:
    app = Application(qapp, DataDir(tmp_path / "center"))  # type: ignore[arg-type]
    try:
        # First run: create the center and keep the recovery key.
        app.show_start()
        first = app._first
        first.create_choice.click()
        first.center_code.setText("130001")
        first.center_name.setText("東京都地域生活定着支援センター")
        first.prefecture.setText("13")
        first.admin_name.setText("管理 太郎")
        first.passphrase.setText(PASS)
        first.passphrase_again.setText(PASS)
        first.create_button.click()
        qtbot.waitUntil(lambda: first.pages.currentIndex() == 2, timeout=20000)
        assert len(first.recovery_label.text().split("-")) == 8
        assert not first.finish_button.isEnabled()
        first.kept.setChecked(True)
        first.finish_button.click()
        qtbot.waitUntil(app.unlock.isVisible)
        assert first.recovery_label.text() == ""
        unlock(qtbot, app, "admin", PASS)
        assert app.main.isVisible()

        # A manager adds a caseworker.
        settings = app.main.settings
        app.main.nav.setCurrentRow(6)
        settings.setCurrentWidget(settings.staff)
        settings.staff.add()
        dialog = _dialog(settings.staff, FormDialog)
        dialog.form.set_values({"login": "sato", "display_name": "佐藤 花子", "role": "caseworker",
                                "passphrase": "sato passphrase 1"})  # fmt: skip
        dialog.buttons.accepted.emit()
        settle(qtbot, app)
        assert "sato" in {s.login for s in settings.staff.model.rows()}

        # Register a 特別調整 referral released in three weeks.
        app.main.new_referral()
        referral = _dialog(app.main, NewReferralDialog)
        settle(qtbot, app)
        referral.person.set_values({"family_name": "山田", "given_name": "太郎", "family_kana": "ヤマダ",
                                    "given_kana": "タロウ", "birth_date": date(1950, 3, 2)})  # fmt: skip
        referral.case.set_values({"business_line": "special", "requester": "probation",
                                  "facility_name": "府中刑務所", "expected_release": date.today() + timedelta(days=21)})  # fmt: skip
        referral.save()
        qtbot.waitUntil(lambda: len(app.main.case_windows) == 1, timeout=15000)
        settle(qtbot, app)
        window = next(iter(app.main.case_windows.values()))
        qtbot.waitUntil(lambda: "依頼受理" in window.header.text(), timeout=10000)
        settle(qtbot, app)
        assert _case_states(qtbot, app).get("山田 太郎") == "依頼受理"
        assert "山田 太郎" in _dashboard_people(qtbot, app)  # release within 30 days

        _step(qtbot, app, window, CaseState.ASSESSMENT)
        assert "面接記録" in window.steps_note.text() and "同意" in window.steps_note.text()
        planning = window.findChild(QPushButton, f"step_{CaseState.PLANNING.value}")
        assert planning is not None
        planning.click()  # refused, and the window says why
        settle(qtbot, app)
        assert "面接記録" in window.status.text() and "依頼受理" not in window.header.text()

        # Consent, then a prison interview typed as a visit note.
        show_tab(qtbot, app, window, "同意・提供記録")
        assert window.pages.consents is not None
        window.pages.consents.record()
        consent = _dialog(window.pages.consents, FormDialog)
        recipients = consent.form.widgets["recipients"]
        assert isinstance(recipients, MultiCheck)
        recipients.set_value(("facility", "welfare-office"))
        consent.buttons.accepted.emit()
        settle(qtbot, app)
        assert len(window.pages.consents.model.rows()) == 1
        window.tabs.setCurrentWidget(window.pages.timeline)
        window.pages.timeline.note_place.setText("府中刑務所")
        window.pages.timeline.note.setPlainText("本人と面接。帰住先はグループホームを希望。")
        window.pages.timeline.commit()
        settle(qtbot, app)
        qtbot.waitUntil(lambda: len(window.pages.timeline.model.rows()) == 1, timeout=10000)
        window.reload()
        settle(qtbot, app)

        _step(qtbot, app, window, CaseState.PLANNING)
        _step(qtbot, app, window, CaseState.PLACEMENT)

        # Destination candidates: one refused, one decided.
        for name in ("救護施設みどり", "グループホームさくら"):
            window.pages.candidates.add()
            dialog = _dialog(window.pages.candidates, FormDialog)
            dialog.form.set_values({"name": name, "destination_kind": "08"})
            dialog.buttons.accepted.emit()
            settle(qtbot, app)
        names = [c.name for c in window.pages.candidates.model.rows()]
        window.pages.candidates.table.selectRow(names.index("グループホームさくら"))
        decided = next(b for b in window.pages.candidates.findChildren(QPushButton) if b.text() == "決定")
        decided.click()
        settle(qtbot, app)
        window.reload()
        settle(qtbot, app)
        _step(qtbot, app, window, CaseState.PLACEMENT_DECIDED)

        # Release: the outcome tab's dates are saved before the state changes.
        type_values(window.outcome_form, {"release_date": date.today(), "destination_kind": "08",
                                          "destination_name": "グループホームさくら"})  # fmt: skip
        _step(qtbot, app, window, CaseState.RELEASED)
        _step(qtbot, app, window, CaseState.FOLLOW_UP)
        assert _case_states(qtbot, app).get("山田 太郎") == "フォローアップ中"

        type_values(window.outcome_form, {"closure_date": date.today(), "closure_reason": "settled"})
        _step(qtbot, app, window, CaseState.CLOSED)
        app.main.cases.state.setCurrentIndex(1)  # all states
        settle(qtbot, app)
        assert _case_states(qtbot, app).get("山田 太郎") == "終結"
        app.main.dashboard.refresh()
        settle(qtbot, app)
        assert "山田 太郎" not in _dashboard_people(qtbot, app)
    finally:
        for window in list(app.main.case_windows.values()):
            window.close()
        app.shutdown()
        app.main.close()
        app.unlock.close()
