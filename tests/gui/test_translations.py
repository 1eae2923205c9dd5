"""English through Qt Linguist: resources/i18n/teiretsu_en.ts, built to .qm by the set-up command."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.main_window import MainWindow
from teiretsu_desktop.gui.resources import resource_path
from tests.helpers.stores import TemplateStore


def test_the_english_translation_loads_and_translates_the_main_window(
    qtbot: QtBot, qapp: QApplication, store: TemplateStore
) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("i18n", "teiretsu_en.qm")))
    qapp.installTranslator(translator)
    try:
        window = MainWindow(AppContext(store.data_dir))
        qtbot.addWidget(window)
        labels = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert labels[0] == "Dashboard" and "Settings" in labels
        assert all(label.isascii() for label in labels)
    finally:
        qapp.removeTranslator(translator)
    window_ja = MainWindow(AppContext(store.data_dir))
    qtbot.addWidget(window_ja)
    assert window_ja.nav.item(0).text() == "ダッシュボード"
    assert QCoreApplication.translate("MainWindow", "設定") == "設定"
