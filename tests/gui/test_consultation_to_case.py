"""Issue 17: a 相談 is linked to the person it was about, or made into a 相談支援 case from the 相談 page —
for a new person through 新規受付, the consultation linked in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import BusinessLine, ConsultationChannel, ConsultationTopic, Requester
from teiretsu_desktop.gui.directory.consultations import ConsultationsPage
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services import cases
from teiretsu_desktop.services.consultations import (
    ConsultationInput,
    ConsultationView,
    list_consultations,
    record_consultation,
)
from tests.gui.conftest import Answers, settle, type_values, unlock
from tests.helpers.casework import new_person
from tests.helpers.stores import TemplateStore, unlock_admin

NOW = datetime.now().replace(microsecond=0)


def _consultations(store: TemplateStore) -> list[ConsultationView]:
    session = unlock_admin(store.data_dir)
    try:
        return list(list_consultations(session, start=datetime(2000, 1, 1), end=datetime(2100, 1, 1)))
    finally:
        session.lock()


def choose(page: ConsultationsPage, which: Callable[[ConsultationView], bool]) -> None:
    """Select the row as a user clicks it (the list is sorted, so through the proxy)."""
    row = next(r for r, c in enumerate(page.model.rows()) if which(c))
    page.table.selectRow(row)


def test_link_a_consultation_to_a_person_then_make_cases(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        known = new_person(session, family="川上", given="誠", fkana="カワカミ", gkana="マコト")
        about = ConsultationInput(NOW, ConsultationChannel.PHONE, Requester.FAMILY, (ConsultationTopic.HOUSING,),
                                  "兄の住まいについて")  # fmt: skip
        first = record_consultation(session, about).value
        record_consultation(session, ConsultationInput(NOW, ConsultationChannel.OFFICE_VISIT, Requester.SELF,
                                                       (ConsultationTopic.HOUSING,), "本人が来所"))  # fmt: skip
    finally:
        session.lock()
    unlock(qtbot, gui, "sato", "soudan-passphrase-02")
    page = gui.main.consultations
    gui.main.nav.setCurrentRow(2)  # 相談
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    page.link_person()
    assert "相談を選んでください" in page.status.text()
    choose(page, lambda c: c.id == first)
    answers.text, answers.choice = "カワカミ", 0
    page.link_person()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: any(c.person_name == "川上 誠" for c in page.model.rows()), timeout=10000)
    # Known person: the case is made at once and opens.
    choose(page, lambda c: c.id == first)
    page.make_case()
    qtbot.waitUntil(lambda: len(gui.main.case_windows) == 1, timeout=10000)
    [case_id] = gui.main.case_windows
    settle(qtbot, gui)
    # A consultation about someone not yet registered: 新規受付, prefilled as 相談支援.
    choose(page, lambda c: c.id != first)
    dialog = page.make_case()
    assert dialog is not None and dialog.case.value("business_line") == str(BusinessLine.CONSULTATION)
    assert dialog.case.value("requester") == str(Requester.SELF)
    type_values(
        dialog.person,
        {"family_name": "森", "given_name": "一郎", "family_kana": "モリ", "given_kana": "イチロウ"},
    )
    dialog.save()
    qtbot.waitUntil(lambda: len(gui.main.case_windows) == 2, timeout=10000)
    made_from = [c.case_id for c in _consultations(store)]
    assert all(made_from)
    session = unlock_admin(store.data_dir)
    try:
        made = [cases.get_case(session, c) for c in made_from if c]
        assert {v.business_line for v in made} == {BusinessLine.CONSULTATION}
        assert {v.person_id for v in made if v.id == case_id} == {known}
    finally:
        session.lock()
