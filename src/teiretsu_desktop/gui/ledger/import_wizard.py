"""台帳の取込: choose the file → map its columns → see what the import will do → import.

The steps follow the service (services/ledger): the file is read and the columns suggested on the store
thread; the check is the import's own dry run, so the counts shown are what the import does; the import
runs as one transaction with a progress bar, and キャンセル rolls it back (nothing written).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.errors import Cancelled, TeiretsuError
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.window_geometry import fit_to_screen
from teiretsu_desktop.services.ledger.columns import COLUMNS
from teiretsu_desktop.services.ledger.files import ENCODING_LABELS
from teiretsu_desktop.services.ledger.importer import ImportReport, RowOutcome, import_ledger, import_outcome
from teiretsu_desktop.services.ledger.mapping import (
    LEAVE_OUT,
    ColumnMapping,
    Ledger,
    line_of_sheet,
    read_ledger,
    suggest,
)
from teiretsu_desktop.services.ledger.problems import save_problems

FILE, MAPPING, CHECK, RESULT = range(4)


class _Progress(QObject):
    """Emitted on the store thread, delivered on the GUI thread (a queued connection)."""

    advanced = Signal(int, int)


def _combo(parent: QWidget, name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for label, data in items:
        combo.addItem(label, data)
    return combo


class ImportWizard(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("ledgerImport")
        self.setWindowTitle(self.tr("台帳の取込"))
        fit_to_screen(self, 1100, 700)
        self.ledger: Ledger | None = None
        self.report: ImportReport | None = None
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._advanced)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._result_page())
        self.back_button = Button(self.tr("戻る"), self)
        self.next_button = Button(self.tr("次へ"), self)
        self.import_button = Button(self.tr("取り込む"), self)
        self.close_button = Button(self.tr("閉じる"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        self.step = QLabel(self)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        context.locked.connect(self._on_lock)
        self._show(FILE)

    # -- pages ------------------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        self.choose_button = Button(self.tr("ファイルを選ぶ…"), page)
        self.load_mapping_button = Button(self.tr("保存した対応表を使う…"), page)
        self.file_info = QLabel(
            self.tr("取り込む台帳 (.xlsx, .csv, Unicode テキスト) を選んでください。"), page
        )
        guide = QLabel(
            self.tr(
                "センターのExcel台帳を、独自の列名のままで取り込めます。列の対応を確かめ、取り込む前に結果 (新規・更新・"
                "変更なし・競合・取込不可) を確認します。同じ台帳をもう一度取り込んでも重複せず、直した項目だけが更新されます。"
            ),
            page,
        )
        guide.setWordWrap(True)
        self.file_info.setWordWrap(True)
        self.file_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.load_mapping_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(guide)
        layout.addLayout(row)
        layout.addWidget(self.file_info, 1, Qt.AlignmentFlag.AlignTop)
        self.choose_button.clicked.connect(self.choose_file)
        self.load_mapping_button.clicked.connect(self.load_mapping)
        self.load_mapping_button.setEnabled(False)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.mapping_table = QTableWidget(0, 4, page)
        self.mapping_table.setAccessibleName(self.tr("列の対応"))
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("台帳の列"), self.tr("値の例"), self.tr("取り込む先"), self.tr("理由")]
        )
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.verticalHeader().setVisible(False)
        no_default = self.tr("(台帳のとおり)")
        self.line_label = QLabel(self.tr("全行の業務区分"), page)
        self.default_line = _combo(
            page, self.line_label.text(), [(no_default, "")] + [(m.label, m.label) for m in BusinessLine]
        )
        self.line_label.setBuddy(self.default_line)
        self.state_label = QLabel(self.tr("全行の状態"), page)
        self.default_state = _combo(
            page, self.state_label.text(), [(no_default, "")] + [(m.label, m.label) for m in CaseState]
        )
        self.state_label.setBuddy(self.default_state)
        self.save_mapping_button = Button(self.tr("対応表を保存…"), page)
        self.mapping_problems = QLabel(page)
        self.mapping_problems.setWordWrap(True)
        self.mapping_problems.setObjectName("mappingProblems")
        defaults = QGridLayout()
        defaults.addWidget(self.line_label, 0, 0)
        defaults.addWidget(self.default_line, 0, 1)
        defaults.addWidget(self.state_label, 0, 2)
        defaults.addWidget(self.default_state, 0, 3)
        defaults.setColumnStretch(4, 1)
        defaults.addWidget(self.save_mapping_button, 0, 5)
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                self.tr(
                    "台帳の各列をどの項目として取り込むか確かめてください。分からない列は「取り込まない」か「備考」に。"
                ),
                page,
            )
        )
        layout.addWidget(self.mapping_table, 1)
        layout.addLayout(defaults)
        layout.addWidget(self.mapping_problems)
        self.default_line.currentIndexChanged.connect(self._mapping_changed)
        self.default_state.currentIndexChanged.connect(self._mapping_changed)
        self.save_mapping_button.clicked.connect(self.save_mapping)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("importSummary")
        self.problems = QTableWidget(0, 5, page)
        self.problems.setAccessibleName(self.tr("取込の問題"))
        self.problems.setHorizontalHeaderLabels(
            [self.tr("種類"), self.tr("シート"), self.tr("行"), self.tr("列"), self.tr("内容")]
        )
        self.problems.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.skip_invalid = QCheckBox(self.tr("取り込めない行を除いて、ほかの行を取り込む"), page)
        self.skip_invalid.setAccessibleName(self.skip_invalid.text())
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.save_problems_button = Button(self.tr("問題の一覧を保存…"), page)
        self.save_problems_button.clicked.connect(self.save_problem_list)
        row = QHBoxLayout()
        row.addWidget(self.skip_invalid)
        row.addStretch(1)
        row.addWidget(self.save_problems_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(row)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.progress = QProgressBar(page)
        self.progress.setAccessibleName(self.tr("進み具合"))
        self.cancel_button = Button(self.tr("キャンセル"), page)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.result_text = QLabel(page)
        self.result_text.setWordWrap(True)
        self.result_text.setObjectName("importResult")
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.result_text, 1, Qt.AlignmentFlag.AlignTop)
        return page

    # -- navigation -------------------------------------------------------------------------------------

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        names = [self.tr("1. ファイル"), self.tr("2. 列の対応"), self.tr("3. 確認"), self.tr("4. 取込")]
        self.step.setText("  →  ".join(f"<b>{n}</b>" if i == index else n for i, n in enumerate(names)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.pages.currentIndex()
        running = index == RESULT and self.cancel_button.isEnabled()
        self.back_button.setEnabled(index in (MAPPING, CHECK))
        self.next_button.setVisible(index in (FILE, MAPPING))
        self.next_button.setEnabled(
            (index == FILE and self.ledger is not None)
            or (index == MAPPING and self.ledger is not None and not self.mapping().problems(self.ledger))
        )
        report = self.report
        may_import = (
            report is not None
            and (report.count(RowOutcome.NEW) + report.count(RowOutcome.UPDATED)) > 0
            and (not report.blocked or self.skip_invalid.isChecked())
        )
        self.import_button.setVisible(index == CHECK)
        self.import_button.setEnabled(bool(may_import))
        self.close_button.setEnabled(not running)

    def back(self) -> None:
        self._show(max(FILE, self.pages.currentIndex() - 1))

    def next(self) -> None:
        if self.pages.currentIndex() == FILE:
            self._show(MAPPING)
        elif self.pages.currentIndex() == MAPPING:
            self.check()

    # -- step 1: the file -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = dialogs.ask_open_path(
            self, self.tr("取り込む台帳"), self.tr("台帳 (*.xlsx *.csv *.txt *.tsv)")
        )
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        self.file_info.setText(self.tr("読み込んでいます…"))
        QueryOp(self.context, lambda _s: read_ledger(path), self._loaded).failure(
            lambda e: self.file_info.setText(message_for(e))
        ).run_in_background()

    def _loaded(self, ledger: Ledger) -> None:
        self.ledger, self.report = ledger, None
        encoding = ENCODING_LABELS.get(ledger.encoding or "", ledger.encoding or "")
        kind = self.tr("文字コード: {0}").format(encoding) if ledger.encoding else self.tr("Excelファイル")
        lines = [f"<b>{ledger.name}</b> — {kind}"]
        for sheet in ledger.sheets:
            line = self.tr("シート「{0}」: 見出しは{1}行目、{2}行").format(
                sheet.name, sheet.header_row, len(sheet.rows)
            )
            if (named := line_of_sheet(sheet.name)) is not None:
                line += self.tr(" (業務区分の列がなければ「{0}」)").format(named.label)
            lines.append(line)
        if ledger.unread_sheets:
            lines.append(
                self.tr("見出しが見つからず読まないシート: {0}").format("、".join(ledger.unread_sheets))
            )
        self.file_info.setText("<br>".join(lines))
        self._fill_mapping(ColumnMapping.suggested(ledger), from_file=False)
        self.load_mapping_button.setEnabled(True)
        self._update_buttons()

    def load_mapping(self) -> None:
        path = dialogs.ask_open_path(self, self.tr("保存した対応表"), self.tr("対応表 (*.toml)"))
        if path is None:
            return
        try:
            mapping = ColumnMapping.load(path)
        except TeiretsuError as exc:
            self.file_info.setText(message_for(exc))
            return
        self._fill_mapping(mapping, from_file=True)
        self._show(MAPPING)

    # -- step 2: the columns ----------------------------------------------------------------------------

    def _fill_mapping(self, mapping: ColumnMapping, *, from_file: bool) -> None:
        assert self.ledger is not None
        reasons = {s.header: s.reason for s in suggest(self.ledger)}
        headers = self.ledger.headers
        self.mapping_table.setRowCount(len(headers))
        targets = [(self.tr("(取り込まない)"), LEAVE_OUT)] + [(c.header, c.header) for c in COLUMNS]
        for row, header in enumerate(headers):
            self.mapping_table.setItem(row, 0, _item(header))
            self.mapping_table.setItem(row, 1, _item("、".join(self.ledger.samples(header, limit=4))))
            combo = _combo(self.mapping_table, header, targets)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(header, LEAVE_OUT))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(row, 2, combo)
            reason = self.tr("対応表のとおり") if from_file else reasons.get(header, "")
            self.mapping_table.setItem(row, 3, _item(reason))
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(2, 200)
        for combo, key in ((self.default_line, "業務区分"), (self.default_state, "状態")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(mapping.defaults.get(key, ""))))
            combo.blockSignals(False)
        self._mapping_changed()

    def target_combo(self, header: str) -> QComboBox:
        """The 取り込む先 drop-down of one of the file's columns (found by its header, as a test would)."""
        for row in range(self.mapping_table.rowCount()):
            widget = self.mapping_table.cellWidget(row, 2)
            if isinstance(widget, QComboBox) and widget.accessibleName() == header:
                return widget
        raise KeyError(header)

    def mapping(self) -> ColumnMapping:
        columns: dict[str, str] = {}
        for row in range(self.mapping_table.rowCount()):
            widget = self.mapping_table.cellWidget(row, 2)
            if isinstance(widget, QComboBox):
                columns[widget.accessibleName()] = str(widget.currentData() or "")
        defaults = {
            key: str(combo.currentData())
            for key, combo in (("業務区分", self.default_line), ("状態", self.default_state))
            if combo.currentData()
        }
        return ColumnMapping(columns, defaults)

    def _mapping_changed(self) -> None:
        self.report = None
        if self.ledger is None:
            return
        problems = self.mapping().problems(self.ledger)
        self.mapping_problems.setText("\n".join(f"• {p}" for p in problems))
        self.mapping_problems.setStyleSheet("color: #b00020;" if problems else "")
        self._update_buttons()

    def save_mapping(self) -> None:
        path = dialogs.ask_save_path(
            self, self.tr("対応表を保存"), "台帳の対応.toml", self.tr("対応表 (*.toml)")
        )
        if path is not None:
            self.mapping().save(path)
            self.mapping_problems.setText(self.tr("対応表を保存しました: {0}").format(path.name))

    # -- step 3: what the import will do ----------------------------------------------------------------

    def check(self) -> None:
        ledger, mapping = self.ledger, self.mapping()
        assert ledger is not None
        self.summary.setText(self.tr("確認しています…"))
        self.next_button.setEnabled(False)
        QueryOp(
            self.context, lambda s: import_ledger(s, ledger, mapping=mapping, dry_run=True), self._checked
        ).failure(self._check_failed).run_in_background()

    def _check_failed(self, error: BaseException) -> None:
        self.mapping_problems.setText(message_for(error))
        self._update_buttons()

    def _checked(self, report: ImportReport) -> None:
        self.report = report
        counts = "、".join(f"{o.label} {report.count(o)}行" for o in RowOutcome)
        lines = [
            self.tr("{0}行を確認しました: {1}").format(report.rows, counts),
            self.tr("新しく登録する対象者 {0}人、変更する項目 {1}").format(
                report.persons_created, report.fields_changed
            ),
        ]
        if report.blocked:
            lines.append(
                self.tr("取り込めない行があります。直してから確認し直すか、その行を除いて取り込めます。")
            )
        self.summary.setText("\n".join(lines))
        problems = [(self.tr("誤り"), e) for e in report.errors] + [
            (self.tr("注意"), w) for w in report.warnings
        ]
        self.problems.setRowCount(len(problems))
        for row, (kind, problem) in enumerate(problems):
            for column, value in enumerate(
                (kind, problem.sheet, str(problem.row), problem.column, problem.message)
            ):
                self.problems.setItem(row, column, _item(value))
        self.problems.resizeColumnsToContents()
        self.save_problems_button.setEnabled(bool(problems))
        self._show(CHECK)

    def save_problem_list(self) -> None:
        if self.report is None:
            return
        path = dialogs.ask_save_path(self, self.tr("問題の一覧を保存"), "取込の問題.xlsx", "Excel (*.xlsx)")
        if path is not None:
            try:
                save_problems(self.report, path)
            except TeiretsuError as exc:
                self.summary.setText(message_for(exc))

    # -- step 4: the import -----------------------------------------------------------------------------

    def start_import(self) -> None:
        ledger, mapping, skip = self.ledger, self.mapping(), self.skip_invalid.isChecked()
        assert ledger is not None
        self._cancel.clear()
        self.progress.setRange(0, max(1, ledger.row_count))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.result_text.setText(self.tr("取り込んでいます…"))
        self._show(RESULT)
        emit, cancelled = self._progress.advanced.emit, self._cancel.is_set
        ChangeOp(
            self.context,
            lambda s: import_outcome(
                import_ledger(
                    s, ledger, mapping=mapping, skip_invalid=skip, progress=emit, cancelled=cancelled
                )
            ),
        ).success(self._imported).failure(self._import_failed).run_in_background(initiator=self)

    def cancel_import(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def _advanced(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _imported(self, report: ImportReport) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        if report.written:
            text = self.tr("取り込みました。") + " " + report.summary()
        else:
            text = self.tr("取り込む行がなかったため、何も変えていません。") + " " + report.summary()
        self.result_text.setText(text)
        self._update_buttons()

    def _import_failed(self, error: BaseException) -> None:
        self.cancel_button.setEnabled(False)
        if not isinstance(error, TeiretsuError):
            self.context.show_unhandled(error)
        self.result_text.setText(message_for(error))
        if isinstance(error, Cancelled):
            self.progress.setValue(0)
        self._update_buttons()

    def _on_lock(self) -> None:
        self._cancel.set()  # a lock while importing rolls the import back
        self.reject()


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
