"""統計・報告 in the GUI: tables with the previous year, an export that shows what leaves, the workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.wareki import fiscal_year
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.stats.export_dialog import ExportDialog
from teiretsu_desktop.gui.stats.workspace_window import WorkspaceWindow
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.stats.export import center_public_key
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import TemplateStore, unlock_admin


def test_stats_screen_export_and_workspace(
    qtbot: QtBot, gui: Application, store: TemplateStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=150, seed=8, today=date.today())
    key = center_public_key(session)
    session.lock()
    unlock(qtbot, gui)
    view = gui.main.stats
    gui.main.nav.setCurrentRow(5)
    view.year.setCurrentIndex(1)  # last year: complete
    settle(qtbot, gui)
    assert view.names.count() == 11
    # caseload: 5 lines and 合計 (延べ); 5 columns and the previous year's
    assert view.table.rowCount() == 6 and view.table.columnCount() == 10
    assert view.table.verticalHeaderItem(5).text() == "合計 (延べ)"
    assert view.chart.bars
    assert "延べ" in view.note.text() and view.note.isVisibleTo(view)  # why the rows do not add up
    assert view.chart.legend[0] == view.year.currentText()  # the legend names the years
    assert view.names.wordWrap()
    # The prefecture's workspace is its own installation (teiretsu --workspace), not a center's button.
    assert not [b for b in view.findChildren(QPushButton) if "ワークスペース" in b.text()]

    view.open_export()
    dialog = view.findChildren(ExportDialog)[-1]
    dialog.check()
    settle(qtbot, gui)
    items = [dialog.preview.item(r, c) for r in range(dialog.preview.rowCount()) for c in range(5)]
    cells = [item.text() for item in items if item is not None]
    text = "\n".join(cells)
    assert "センターコード" in text and "130001" in text and "監査ログの位置" in text  # the manifest too
    assert "令和" in dialog.windowTitle()
    assert "特別調整" in text
    assert "合格" in dialog.status.text()
    out = tmp_path / "fy.teiretsu-stats"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.write()
    settle(qtbot, gui)
    assert out.exists() and "連番 1" in dialog.status.text()

    window = WorkspaceWindow()
    qtbot.addWidget(window)
    window.open_folder(tmp_path / "ws")
    assert window.workspace is not None
    (tmp_path / "c.key").write_text(key, encoding="ascii")
    window.workspace.trust("130001", key)
    window.year.setCurrentIndex(window.year.findData(fiscal_year(date.today()) - 1))
    window.import_files([out], confirm=False)
    assert "新規" in window.log.toPlainText()
    assert window.table.rowCount() > 50
    header = window.table.horizontalHeaderItem(3)
    assert header is not None and header.text() == "130001"
