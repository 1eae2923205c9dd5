"""ダッシュボード: what is due today and this week, from the reminder rules; each row opens its case.

Rows come in the order of `domain.reminders.urgency` (today and this week first, by kind; the older
overdue last), coloured when overdue or due today; a reminder can be marked 完了 or put off (後で) with a
reason, which is audited. A 相談員 sees their own cases first (自分の担当)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import ChangeKind
from teiretsu_desktop.services.reminders import (
    ReminderView,
    complete_reminder,
    reminder_page,
    snooze_reminder,
)


def _when(v: ReminderView) -> str:
    if v.days_left < 0:
        return f"{-v.days_left}日超過"
    if v.days_left == 0:
        return "今日"
    return f"あと{v.days_left}日"


COLUMNS: list[Column[ReminderView]] = [
    Column("期日", lambda v: to_wareki(v.reminder.due), lambda v: v.reminder.due.isoformat()),
    Column("残り", _when, lambda v: v.days_left, fit="9999日超過"),  # a morning's first rows all say 今日
    Column("区分", lambda v: v.reminder.kind.label),
    Column("内容", lambda v: v.reminder.title),
    Column("対象者", lambda v: v.person_name),
    Column("業務区分", lambda v: v.line.label if v.line else ""),
    Column("担当", lambda v: v.staff_name),
    Column("ケース番号", lambda v: v.case_no or ""),
]
OVERDUE = QColor("#fde2e1")
TODAY = QColor("#fff4d6")


def _colour(v: ReminderView) -> QColor | None:
    return OVERDUE if v.overdue else TODAY if v.days_left == 0 else None


SNOOZE_DAYS = (
    (QT_TRANSLATE_NOOP("DashboardView", "明日まで"), 1),
    (QT_TRANSLATE_NOOP("DashboardView", "3日後まで"), 3),
    (QT_TRANSLATE_NOOP("DashboardView", "1週間後まで"), 7),
)

MAX_ROWS = 500  # the soonest (and most overdue) first; a longer list helps nobody and costs memory
WINDOWS = (("今週まで (期限切れを含む)", 7), ("今日まで", 0), ("30日以内", 30), ("表示中のすべて", 10_000))


class DashboardView(ListPage[ReminderView]):
    open_case = Signal(str)
    open_person = Signal(str)
    kinds = frozenset(
        {
            ChangeKind.CASE,
            ChangeKind.CONSENT,
            ChangeKind.PERSON,
            ChangeKind.ACTIVITY,
            ChangeKind.CANDIDATE,
            ChangeKind.REVIEW,
            ChangeKind.REMINDER,
            ChangeKind.SETTINGS,
        }
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("ダッシュボード"), COLUMNS, parent, background=_colour)
        self.setObjectName("dashboard")
        self.table.setAccessibleName(self.tr("期限の一覧"))
        self.window_combo = QComboBox(self)
        for label, days in WINDOWS:
            self.window_combo.addItem(self.tr(label), days)
        self.mine = QComboBox(self)
        self.mine.addItem(self.tr("全員の担当"), False)
        self.mine.addItem(self.tr("自分の担当"), True)
        self.summary = QLabel(self)
        self.summary.setObjectName("dashboardSummary")
        for label, combo in ((self.tr("担当"), self.mine), (self.tr("期間"), self.window_combo)):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            combo.setAccessibleName(label)
            self.top.addWidget(caption)
            self.top.addWidget(combo)
        self.add_button(self.tr("更新"), self.refresh)
        self.done_button = self.add_button(self.tr("完了…"), self.complete)
        self.snooze_button = self.add_button(self.tr("後で…"), self.snooze)
        self.layout().insertWidget(1, self.summary)  # type: ignore[union-attr]
        self.window_combo.currentIndexChanged.connect(self.refresh)
        self.mine.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(self._activated)  # Enter on a row, or a double click
        context.locked.connect(self.summary.clear)
        context.unlocked.connect(self._default_scope)

    def _default_scope(self) -> None:
        """A 相談員 starts with their own cases; the センター長 and 事務 with everyone's."""
        mine = self.context.session.actor.role is Role.CASEWORKER
        self.mine.blockSignals(True)
        self.mine.setCurrentIndex(self.mine.findData(mine))
        self.mine.blockSignals(False)

    def load(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if not self.context.is_unlocked:
            return
        today = date.today()
        window = int(self.window_combo.currentData())
        mine = bool(self.mine.currentData())

        def load(session: StaffSession) -> tuple[list[ReminderView], int, int, int]:
            page = reminder_page(session, today=today, mine=mine, within_days=window, limit=MAX_ROWS)
            return page.rows, page.total, page.overdue, page.due_today

        QueryOp(self.context, load, self._show).run_in_background()

    def _show(self, loaded: tuple[list[ReminderView], int, int, int]) -> None:
        rows, total, overdue, due_today = loaded
        self.model.set_rows(rows)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: most urgent first
        text = self.tr("期限切れ {0} 件・今日 {1} 件・全 {2} 件").format(overdue, due_today, total)
        if total > len(rows):
            text += self.tr(" (期日の早い {0} 件を表示)").format(len(rows))
        self.summary.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row.reminder.case_id:
            self.open_case.emit(row.reminder.case_id)
        elif row.reminder.person_id:
            self.open_person.emit(row.reminder.person_id)

    def complete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.summary.setText(self.tr("完了にする行を選んでください"))
            return
        reason = dialogs.ask_text(self, self.tr("完了"), self.tr("何をしたか (記録されます)"))
        if reason is None:
            return
        key = chosen.key
        ChangeOp(self.context, lambda s: complete_reminder(s, key, reason)).failure(
            lambda e: self.summary.setText(message_for(e))
        ).run_in_background()

    def snooze(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.summary.setText(self.tr("後に回す行を選んでください"))
            return
        labels = [self.tr(str(label)) for label, _days in SNOOZE_DAYS]
        index = dialogs.ask_choice(self, self.tr("後で"), self.tr("いつまで後に回しますか"), labels)
        if index is None:
            return
        reason = dialogs.ask_text(self, self.tr("後で"), self.tr("後に回す理由 (記録されます)"))
        if reason is None:
            return
        key, until = chosen.key, date.today() + timedelta(days=SNOOZE_DAYS[index][1])
        ChangeOp(self.context, lambda s: snooze_reminder(s, key, until, reason)).failure(
            lambda e: self.summary.setText(message_for(e))
        ).run_in_background()
