"""支援経過: the activity timeline and the quick visit note, saved into the store as it is typed.

The note's draft is written (debounced) on every pause in typing, so a note typed in a prison
survives a crash or a flat battery; saving turns it into an activity.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.widgets.codes import CodeCombo
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.services import activities
from teiretsu_desktop.services.activities import ActivityView, DraftView
from teiretsu_desktop.services.changes import Changes

DRAFT_DELAY_MS = 800

COLUMNS: list[Column[ActivityView]] = [
    Column("日時", lambda a: f"{to_wareki(a.occurred_at.date(), short=True)} {a.occurred_at:%H:%M}", lambda a: a.occurred_at.isoformat()),
    Column("種別", lambda a: a.kind.label),
    Column("場所", lambda a: a.place or ""),
    Column("担当", lambda a: a.staff_name or ""),
    Column("内容", lambda a: (a.narrative or "(閲覧権限がありません)").replace("\n", " ")[:80] + (" (修正あり)" if a.edited else "")),
]  # fmt: skip


class TimelineTab(QWidget):
    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.model: RowsModel[ActivityView] = RowsModel(COLUMNS)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("支援経過"))
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("記録の全文"))
        note_box = QGroupBox(self.tr("訪問メモ (入力中も自動で暗号化保存されます)"), self)
        self.note_kind = CodeCombo(ActivityKind, note_box, empty=None, accessible_name=self.tr("種別"))
        self.note_place = QLineEdit(note_box)
        self.note_place.setPlaceholderText(self.tr("場所 (例: 府中刑務所)"))
        self.note_place.setAccessibleName(self.tr("場所"))
        self.note = QPlainTextEdit(note_box)
        self.note.setObjectName("visitNote")
        self.note.setAccessibleName(self.tr("訪問メモ"))
        self.note.setTabChangesFocus(True)
        self.draft_state = QLabel(note_box)
        self.draft_state.setObjectName("draftState")
        self.save_note = QPushButton(self.tr("記録として保存"), note_box)
        self.discard_note = QPushButton(self.tr("破棄"), note_box)
        row = QHBoxLayout()
        row.addWidget(self.note_kind)
        row.addWidget(self.note_place, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_state, 1)
        buttons.addWidget(self.discard_note)
        buttons.addWidget(self.save_note)
        box_layout = QVBoxLayout(note_box)
        box_layout.addLayout(row)
        box_layout.addWidget(self.note)
        box_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.addWidget(note_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DRAFT_DELAY_MS)
        self._debounce.timeout.connect(self.save_draft_now)
        self.note.textChanged.connect(self._typed)
        self.note_place.textChanged.connect(self._typed)
        self.save_note.clicked.connect(self.commit)
        self.discard_note.clicked.connect(self.discard)
        self.table.clicked.connect(self._show_detail)
        self._loading_draft = False

    def load(self) -> None:
        self.context.run(activities.list_activities, self.case_id, on_done=self.model.set_rows)
        self.context.run(activities.load_draft, self.case_id, on_done=self._draft_loaded)

    def _draft_loaded(self, draft: DraftView | None) -> None:
        if draft is None:
            return
        self._loading_draft = True
        self.note_kind.set_value(draft.kind)
        self.note_place.setText(draft.place or "")
        self.note.setPlainText(draft.text)
        self._loading_draft = False
        self.draft_state.setText(
            self.tr("前回の下書きを復元しました ({0})").format(draft.saved_at[:16].replace("T", " "))
        )

    def _typed(self) -> None:
        if not self._loading_draft:
            self.draft_state.setText(self.tr("入力中…"))
            self._debounce.start()

    def save_draft_now(self) -> None:
        self._debounce.stop()
        kind = ActivityKind(self.note_kind.value() or str(ActivityKind.INTERVIEW))
        self.context.run(
            activities.save_draft,
            self.case_id,
            kind=kind,
            place=self.note_place.text().strip() or None,
            text=self.note.toPlainText(),
            on_done=lambda _: self.draft_state.setText(self.tr("下書きを保存しました")),
        )

    def commit(self) -> None:
        if self._debounce.isActive():
            self.save_draft_now()
        self.context.run(
            activities.commit_draft, self.case_id, occurred_at=datetime.now().replace(second=0, microsecond=0),
            on_done=self._committed,
        )  # fmt: skip

    def _committed(self, _activity_id: str) -> None:
        self._clear_note()
        self.context.announce(Changes.of("activity") | Changes.of("case", self.case_id), self)
        self.load()

    def discard(self) -> None:
        self._debounce.stop()
        self.context.run(activities.discard_draft, self.case_id, on_done=lambda _: self._clear_note())

    def _clear_note(self) -> None:
        self._loading_draft = True
        self.note.clear()
        self.note_place.clear()
        self._loading_draft = False
        self.draft_state.clear()

    def _show_detail(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        self.detail.setPlainText(row.narrative or self.tr("(閲覧権限がありません)"))

    def flush(self) -> None:
        """Called before the window closes or the app locks: write what is typed now."""
        if self._debounce.isActive():
            self.save_draft_now()

    def clear(self) -> None:
        self._debounce.stop()
        self.model.clear()
        self.detail.clear()
        self._clear_note()
