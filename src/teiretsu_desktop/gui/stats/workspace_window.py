"""The prefecture's aggregation workspace in the GUI: register keys, import bundles (dry run shown
first), and see centers side by side. It holds no personal data and needs no unlock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.domain.wareki import fiscal_year, fiscal_year_label
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.window_geometry import remember, restore
from teiretsu_desktop.stats.report import aggregate
from teiretsu_desktop.stats.workspace import Workspace

STATUS = {"new": "新規", "replaces": "差し替え", "duplicate": "取込済み", "refused": "拒否"}


class WorkspaceWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("集計ワークスペース (都道府県)"))
        restore(self, "workspace", 1100, 760)
        self.workspace: Workspace | None = None
        self.folder = QLabel(self.tr("(フォルダ未選択)"), self)
        choose = Button(self.tr("フォルダを選ぶ…"), self)
        trust = Button(self.tr("センターの鍵を登録…"), self)
        self.import_button = Button(self.tr("集計ファイルを取り込む…"), self)
        self.year = QComboBox(self)
        this_year = fiscal_year(date.today())
        for year in range(this_year, this_year - 6, -1):
            self.year.addItem(fiscal_year_label(year), year)
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        self.log.setMaximumHeight(160)
        self.table = QTableWidget(self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        for widget in (choose, self.folder, trust, self.import_button, self.year):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.log)
        layout.addWidget(self.table, 1)
        choose.clicked.connect(self.choose)
        trust.clicked.connect(self.trust)
        self.import_button.clicked.connect(self.import_bundles)
        self.year.currentIndexChanged.connect(self.refresh)

    def open_folder(self, path: Path) -> None:
        self.workspace = Workspace(path)
        self.folder.setText(str(path))
        self.refresh()

    def choose(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("ワークスペースのフォルダ"))
        if path:
            self.open_folder(Path(path))

    def trust(self) -> None:
        if self.workspace is None:
            return
        center, ok = QInputDialog.getText(self, self.tr("センターコード"), self.tr("センターコード"))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("公開鍵ファイル")) if ok else ("", "")
        if not path:
            return
        try:
            text = Path(path).read_text(encoding="ascii")
            if center.strip() in self.workspace.registry():
                # Replacing a center's key: the operator types the new fingerprint, confirmed with the center.
                typed = dialogs.ask_text(
                    self,
                    self.tr("鍵の差し替え"),
                    self.tr(
                        "センター {0} の鍵を差し替えます。センターに確かめた新しい鍵の指紋を入力してください"
                    ).format(center.strip()),
                )
                if typed is None:
                    return
                key = self.workspace.trust(center.strip(), text, replace_fingerprint=typed)
            else:
                key = self.workspace.trust(center.strip(), text)
        except (TeiretsuError, OSError, UnicodeDecodeError) as exc:
            self.log.appendPlainText(message_for(exc))
            return
        self.log.appendPlainText(self.tr("鍵を登録しました: {0} {1}").format(center, key))

    def import_files(self, files: list[Path], *, confirm: bool = True) -> None:
        assert self.workspace is not None
        dry = self.workspace.import_files(files, dry_run=True)
        for f in dry.files:
            self.log.appendPlainText(f"{STATUS[f.status]}\t{f.name}\t{f.center}\t{f.message}")
            for warning in f.warnings:
                self.log.appendPlainText(self.tr("\t注意: {0}").format(warning))
        accepted = [f for f in dry.files if f.status in ("new", "replaces")]
        if not accepted:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("取り込み"),
                self.tr("{0} 件を取り込みます。よろしいですか？").format(len(accepted)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        report = self.workspace.import_files(files)
        self.log.appendPlainText(
            self.tr("取り込みました: {0} 件").format(
                sum(1 for f in report.files if f.status in ("new", "replaces"))
            )
        )
        self.refresh()

    def import_bundles(self) -> None:
        if self.workspace is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("集計ファイル"))
        if paths:
            self.import_files([Path(p) for p in paths])

    def refresh(self) -> None:
        self.table.clear()
        if self.workspace is None:
            return
        try:
            centers, rows = aggregate(self.workspace, int(self.year.currentData()))
        except TeiretsuError:
            self.table.setRowCount(0)
            return
        headers = ["表", "行", "列", *centers, "合計"]
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers)
        for i, r in enumerate(rows):
            values = [
                r.table,
                r.row,
                r.column,
                *("秘匿" if r.by_center[c] is None else str(r.by_center[c]) for c in centers),
                r.total.text(),
            ]
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))

    def closeEvent(self, event: QCloseEvent) -> None:
        remember(self, "workspace")
        super().closeEvent(event)
