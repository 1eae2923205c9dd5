"""The export dialog: the suppressed tables exactly as they will leave the center, then sign and write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.window_geometry import fit_to_screen
from teiretsu_desktop.stats.disclosure import HANDLING, POLICIES
from teiretsu_desktop.stats.export import ExportPreview, ExportResult, export_bundle, preview_export


class ExportDialog(QDialog):
    def __init__(self, context: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = year
        self.setObjectName("statsExport")
        self.setWindowTitle(self.tr("{0}年度の集計を書き出す").format(year))
        fit_to_screen(self, 900, 700)
        self.policy = QComboBox(self)
        for name in POLICIES:
            self.policy.addItem(HANDLING[name], name)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setObjectName("exportPreview")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.check_button = Button(self.tr("確認"), self)
        self.write_button = Button(self.tr("承認して書き出す…"), self)
        self.write_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("秘匿の方針"), self))
        row.addWidget(self.policy)
        row.addStretch(1)
        row.addWidget(self.check_button)
        row.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("センターの外に出る内容のすべて (秘匿は「秘匿」と表示):"), self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        self.check_button.clicked.connect(self.check)
        self.write_button.clicked.connect(self.write)
        self.policy.currentIndexChanged.connect(lambda: self.write_button.setEnabled(False))
        context.locked.connect(self.reject)

    def check(self) -> None:
        year, policy = self.year, str(self.policy.currentData())
        QueryOp(self.context, lambda s: preview_export(s, year, policy), self._shown).failure(
            self._failed
        ).run_in_background()

    def _shown(self, preview: ExportPreview) -> None:
        lines = []
        for tid, published in preview.published.items():
            table = preview.tables[tid]
            labels = dict(zip(table.columns, table.column_labels, strict=True))
            lines.append(f"■ {table.title}")
            lines.append("\t" + "\t".join(labels[c] for c in published.columns))
            for label, cells in zip(table.row_labels, published.cells, strict=True):
                lines.append(label + "\t" + "\t".join("秘匿" if v is None else str(v) for v in cells))
            lines.append("")
        self.preview.setPlainText("\n".join(lines))
        r = preview.report
        locked = self.tr(" この年度は書き出し済みでロックされています。") if preview.locked else ""
        self.status.setText(
            self.tr(
                "検査: 合格。秘匿 一次 {0}・差分 {1}・二次 {2} セル。個人を特定する項目・自由記述・日付は含まれません。"
            ).format(r.primary, r.differencing, r.secondary)
            + locked
        )
        self.write_button.setEnabled(not preview.locked)

    def write(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("集計ファイル"), f"FY{self.year}.teiretsu-stats", "*.teiretsu-stats"
        )
        if not path:
            return
        year, policy = self.year, str(self.policy.currentData())
        ChangeOp(self.context, lambda s: export_bundle(s, year, policy, Path(path))).success(
            self._written
        ).failure(self._failed).run_in_background(initiator=self)

    def _written(self, result: ExportResult) -> None:
        self.status.setText(
            self.tr("書き出しました: {0} (連番 {1})").format(str(result.path), result.sequence)
        )
        self.write_button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))
