"""すべての経過: every event of the case in one chronological list — notes, state changes with their
reasons, consents, provisions (prints included), applications, reviews, placement contacts and the
reminders set on the case — with a filter by kind (issue 17). Read when first shown, and again when
shown after a change (not while hidden)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.services import timeline
from teiretsu_desktop.services.timeline import CaseEvent, EventKind


def _when(e: CaseEvent) -> str:
    day = to_wareki(e.when.date(), short=True)
    return f"{day} {e.when:%H:%M}" if e.timed else day


class EventsTab(QWidget):
    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.events: list[CaseEvent] = []
        self.stale = True
        label = self.tr("表示")
        self.filter = QComboBox(self)
        self.filter.setObjectName("eventFilter")
        self.filter.setAccessibleName(label)
        self.filter.addItem(self.tr("すべて"), None)
        for kind in EventKind:
            self.filter.addItem(kind.label, str(kind))
        self.filter.currentIndexChanged.connect(lambda _i: self._show())
        self.count = QLabel(self)
        self.model: RowsModel[CaseEvent] = RowsModel(
            [
                Column(self.tr("日時"), _when, lambda e: e.when.isoformat()),
                Column(self.tr("種類"), lambda e: e.kind.label),
                Column(self.tr("内容"), lambda e: e.title),
                Column(self.tr("詳細"), lambda e: e.detail[:120]),
                Column(self.tr("担当"), lambda e: e.staff),
            ]
        )
        self.table = QTableView(self)
        self.table.setObjectName("caseEvents")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("すべての経過"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in (0, 1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 320)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(QLabel(label, self))
        top.addWidget(self.filter)
        top.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def mark_stale(self) -> None:
        """Something in the case changed: read again now if shown, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.stale:
            self.load()

    def load(self) -> None:
        self.stale = False
        case_id = self.case_id
        QueryOp(self.context, lambda s: timeline.case_events(s, case_id), self._loaded).run_in_background()

    def _loaded(self, events: list[CaseEvent]) -> None:
        self.events = events
        self._show()

    def _show(self) -> None:
        wanted = self.filter.currentData()
        shown = [e for e in self.events if wanted is None or str(e.kind) == wanted]
        self.model.set_rows(shown)
        self.count.setText(self.tr("{0}件").format(len(shown)))
        self.table.scrollToBottom()  # the latest at hand; the list reads oldest first

    def clear(self) -> None:
        self.events = []
        self.model.clear()
        self.stale = True
