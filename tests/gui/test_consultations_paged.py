"""Issue 19: the 相談 page reads the year's consultations a page at a time, newest first, as the table is
scrolled — not every one at each show (10,000 a year on the benchmark's store)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import ConsultationChannel, ConsultationTopic, Requester
from teiretsu_desktop.gui.directory import consultations
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services.consultations import ConsultationInput, record_consultation
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import TemplateStore, unlock_admin

NOW = datetime.now().replace(microsecond=0)
COUNT, PAGE = 45, 10


def test_the_consultations_come_a_page_at_a_time_as_the_table_is_scrolled(
    qtbot: QtBot, gui: Application, store: TemplateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consultations, "PAGE_SIZE", PAGE)
    session = unlock_admin(store.data_dir)
    try:
        for n in range(COUNT):  # one a day, the newest today
            record_consultation(session, ConsultationInput(
                NOW - timedelta(days=n), ConsultationChannel.PHONE, Requester.FAMILY, (ConsultationTopic.HOUSING,),
                f"相談 {n:02d}"))  # fmt: skip
    finally:
        session.lock()
    unlock(qtbot, gui)
    page = gui.main.consultations
    gui.main.nav.setCurrentRow(2)  # 相談
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    settle(qtbot, gui)
    assert page.model.total == COUNT
    assert page.model.rowCount() < COUNT  # not every one read at once
    assert [c.summary for c in page.model.rows()[:2]] == ["相談 00", "相談 01"]  # newest first
    for _ in range(20):  # scrolled to the end, again and again, as a person does
        page.table.scrollToBottom()
        settle(qtbot, gui)
        if page.model.rowCount() == COUNT:
            break
    assert [c.summary for c in page.model.rows()] == [f"相談 {n:02d}" for n in range(COUNT)]
