"""Table models pass qtmodeltester; the idle lock clears everything that showed personal data."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.errors import StoreLocked
from teiretsu_desktop.gui.idle import IdleWatcher
from teiretsu_desktop.gui.launcher import JAPANESE_FONTS, Application
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.persons import search_persons
from tests.gui.conftest import settle, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin

CANARY = "定着カナリア"


def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=150, seed=4, today=date.today())
    session.lock()
    unlock(qtbot, gui)
    gui.main.nav.setCurrentRow(1)
    gui.main.cases.state.setCurrentIndex(1)  # every state, not only open cases
    settle(qtbot, gui)
    model = gui.main.cases.model
    assert model.rowCount() == 200  # the first page; more are fetched as the view scrolls
    assert model.canFetchMore()
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    model.fetchMore()
    settle(qtbot, gui)
    assert model.rowCount() > 200
    gui.main.cases.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    settle(qtbot, gui)
    first = [model.data(model.index(r, 0)) for r in range(5)]
    assert first == sorted(first)
    qtmodeltester.check(gui.main.dashboard.model, force_py=True)  # type: ignore[attr-defined]
    qtmodeltester.check(gui.main.agencies.model, force_py=True)  # type: ignore[attr-defined]


def _texts(widget: QWidget) -> list[str]:
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLineEdit):
            texts.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            texts.append(child.toPlainText())
        elif isinstance(child, QLabel):
            texts.append(child.text())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            m = child.model()
            root = QModelIndex()
            try:
                columns = m.columnCount(root)
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            texts += [str(m.data(m.index(r, c))) for r in range(m.rowCount(root)) for c in range(columns)]
    return texts


def test_idle_lock_clears_every_view_and_the_store(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    pid = new_person(session, family=CANARY, fkana="カナリア")
    cid = new_case(session, pid, expected_release=date.today())
    session.lock()
    now = [1000.0]
    gui.idle = IdleWatcher(5, clock=lambda: now[0])
    gui.idle.timed_out.connect(gui.context.lock)
    unlock(qtbot, gui)
    gui.main.cases.search.setText(CANARY)
    gui.main.cases.apply_query()
    settle(qtbot, gui)
    gui.main.open_case(cid)
    settle(qtbot, gui)
    window = gui.main.case_windows[cid]
    qtbot.waitUntil(lambda: CANARY in window.header.text(), timeout=10000)
    window.pages.timeline.note.setPlainText(f"{CANARY}の面接メモ")
    everything = [gui.main, window]
    assert any(CANARY in t for w in everything for t in _texts(w))

    now[0] += 4 * 60
    gui.idle.check()
    assert gui.context.is_unlocked  # not yet
    now[0] += 61
    gui.idle.check()
    settle(qtbot, gui)
    assert not gui.context.is_unlocked
    assert not gui.main.isVisible() and gui.unlock.isVisible()
    assert not window.isVisible()
    leftovers = [t for w in everything for t in _texts(w) if CANARY in t]
    assert leftovers == []
    with pytest.raises(StoreLocked):
        search_persons(gui.context.session, CANARY)
    # The note typed before the lock was saved as a draft, not lost.
    again = unlock_admin(store.data_dir)
    try:
        from teiretsu_desktop.services.activities import load_draft

        draft = load_draft(again, cid)
        assert draft is not None and draft.text == f"{CANARY}の面接メモ"
    finally:
        again.lock()


def test_japanese_renders_with_a_real_font(qapp: QApplication) -> None:
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))
    assert families, "no font with Japanese glyphs is installed (fonts-ipaexfont)"
    font = qapp.font()
    font.setFamilies([*JAPANESE_FONTS, font.family()])
    metrics = QFontMetrics(font)
    for ch in "地域生活定着支援センター令和ふりがなヤマダ":
        assert metrics.inFontUcs4(ord(ch)), ch
