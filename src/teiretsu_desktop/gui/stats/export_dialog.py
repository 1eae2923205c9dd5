"""The export dialog: the suppressed tables exactly as they will leave the center, then sign and write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.wareki import fiscal_year_label
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.window_geometry import fit_to_screen
from teiretsu_desktop.stats.export import ExportPreview, ExportResult, export_bundle, preview_export
from teiretsu_desktop.stats.policies import HANDLING, POLICIES

MANIFEST_LABELS = {
    "center_id": "センターコード", "key_id": "署名鍵のID", "period": "期間", "sequence": "この年度の連番",
    "created_on": "作成日", "app_version": "アプリの版", "payload_sha256": "内容のハッシュ (SHA-256)",
    "audit_chain_head": "監査ログの位置", "authority": "管理者の認証鍵 (指紋)", "policy": "秘匿の方針",
    "k": "秘匿の基準 (この数未満を秘匿)", "signed_off_role": "承認した人の役割",
}  # fmt: skip


class ExportDialog(QDialog):
    def __init__(self, context: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = year
        self.setObjectName("statsExport")
        self.setWindowTitle(self.tr("{0}の集計を書き出す").format(fiscal_year_label(year)))
        fit_to_screen(self, 900, 700)
        self.policy = QComboBox(self)
        for name in POLICIES:
            self.policy.addItem(HANDLING[name], name)
        self.preview = QTableWidget(0, 5, self)
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(self.tr("書き出す内容"))
        self.preview.setHorizontalHeaderLabels(
            [self.tr("区分"), self.tr("表・項目"), self.tr("行"), self.tr("列"), self.tr("値")]
        )
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.check_button = Button(self.tr("確認"), self)
        self.write_button = Button(self.tr("承認して書き出す…"), self)
        self.write_button.setEnabled(False)
        row = QHBoxLayout()
        policy_label = QLabel(self.tr("秘匿の方針"), self)
        policy_label.setBuddy(self.policy)
        self.policy.setAccessibleName(policy_label.text())
        row.addWidget(policy_label)
        row.addWidget(self.policy)
        row.addStretch(1)
        row.addWidget(self.check_button)
        row.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(
            QLabel(
                self.tr(
                    "センターの外に出る内容のすべて: ファイルの情報と、集計のすべてのセル (秘匿は「秘匿」と表示)"
                ),
                self,
            )
        )
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
        rows: list[tuple[str, str, str, str, str]] = [
            (self.tr("ファイルの情報"), MANIFEST_LABELS.get(key, key), "", "", value)
            for key, value in preview.manifest.items()
        ]
        for tid, published in preview.published.items():
            table = preview.tables[tid]
            labels = dict(zip(table.columns, table.column_labels, strict=True))
            for label, cells in zip(table.row_labels, published.cells, strict=True):
                for column, value in zip(published.columns, cells, strict=True):
                    rows.append(
                        (
                            self.tr("集計"),
                            table.title,
                            label,
                            labels[column],
                            self.tr("秘匿") if value is None else str(value),
                        )
                    )
        self.preview.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnToContents(0)
        report = preview.report
        locked = self.tr(" この年度は書き出し済みでロックされています。") if preview.locked else ""
        self.status.setText(
            self._explain(preview.k, report.primary, report.differencing, report.secondary) + locked
        )
        self.write_button.setEnabled(not preview.locked)

    def _explain(self, k: int, primary: int, differencing: int, secondary: int) -> str:
        """What the suppression did, in words a センター長 signs off."""
        if k <= 1:
            text = self.tr("検査: 合格。都道府県内で使う取扱注意の集計のため、数は実数のままです。")
        else:
            text = self.tr(
                "検査: 合格。人数が少ないと個人が分かるおそれがあるため、{0}未満の数を「秘匿」にしました ({1}セル)。"
                "前回の書き出しとの差や合計から秘匿の数が分からないよう、さらに{2}セルを秘匿にしました。"
            ).format(k, primary, differencing + secondary)
        return text + self.tr(" 氏名・生年月日・住所などの個人を特定する項目、自由記述、日付は含まれません。")

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
