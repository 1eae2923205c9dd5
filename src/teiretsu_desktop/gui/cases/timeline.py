"""支援経過: the activity timeline and the quick visit note, saved into the store as it is typed.

The note's draft is written (debounced) on every pause in typing, so a note typed in a prison
survives a crash or a flat battery; saving turns it into an activity, with its 実施日時 (when the
interview or call happened, never in the future). The draft is read once, when the window opens: a
reload of the list never replaces the note being typed. An entry can be corrected by its author or a
manager; the versions it replaced are shown with it.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDateTime, QModelIndex, QTimer
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.domain.note_dates import dates_in, sentence_about
from teiretsu_desktop.domain.notes import may_correct
from teiretsu_desktop.domain.wareki import local_stamp, to_wareki, wareki_datetime
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.codes import CodeCombo
from teiretsu_desktop.gui.widgets.column_fit import fit_columns_once
from teiretsu_desktop.gui.widgets.dates import qt_datetime
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import activities, reminders
from teiretsu_desktop.services.activities import ActivityInput, ActivityView, DraftView, EarlierVersion

DRAFT_DELAY_MS = 800

COLUMNS: list[Column[ActivityView]] = [
    Column("実施日時", lambda a: f"{to_wareki(a.occurred_at.date(), short=True)} {a.occurred_at:%H:%M}", lambda a: a.occurred_at.isoformat()),
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
        fit_columns_once(self.table)  # a long 支援経過 is not measured row by row (issue 19)
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
        self.note_when = QDateTimeEdit(QDateTime.currentDateTime(), note_box)
        self.note_when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note_when.setCalendarPopup(True)
        self.note_when.setAccessibleName(self.tr("実施日時"))
        self.note_when.setToolTip(self.tr("面接・電話などをした日時 (記録した日時とは別に残ります)"))
        self.note = QPlainTextEdit(note_box)
        self.note.setObjectName("visitNote")
        self.note.setAccessibleName(self.tr("訪問メモ"))
        self.note.setTabChangesFocus(True)
        self.draft_state = QLabel(note_box)
        self.draft_state.setObjectName("draftState")
        self.save_note = Button(self.tr("記録として保存"), note_box)
        self.discard_note = Button(self.tr("破棄"), note_box)
        self.correct_button = Button(self.tr("選んだ記録を修正…"), self)
        self.correct_button.setEnabled(False)
        self.plan_button = Button(self.tr("記録の日付を予定に…"), self)
        self.plan_button.setObjectName("noteToReminder")
        self.plan_button.setToolTip(
            self.tr("選んだ記録に書かれた日付 (例: 次回は12月10日) を、ダッシュボードの予定にします")
        )
        self.plan_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.note_kind)
        row.addWidget(QLabel(self.tr("実施日時"), note_box))
        row.addWidget(self.note_when)
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
        detail_box = QWidget(self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        detail_buttons = QHBoxLayout()
        detail_buttons.addStretch(1)
        detail_buttons.addWidget(self.plan_button)
        detail_buttons.addWidget(self.correct_button)
        detail_layout.addLayout(detail_buttons)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_box)
        splitter.addWidget(note_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # 事務 reads the timeline (without narratives) but writes no notes: nothing is offered.
        self.may_write = context.session.can(Permission.WRITE_CASES)
        note_box.setVisible(self.may_write)
        self.correct_button.setVisible(self.may_write)
        self.plan_button.setVisible(self.may_write)
        self.note_box = note_box
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DRAFT_DELAY_MS)
        self._debounce.timeout.connect(self.save_draft_now)
        self.note.textChanged.connect(self._typed)
        self.note_place.textChanged.connect(self._typed)
        self.save_note.clicked.connect(self.commit)
        self.discard_note.clicked.connect(self.discard)
        self.correct_button.clicked.connect(self.correct)
        self.plan_button.clicked.connect(self.plan_from_note)
        self.table.clicked.connect(self._show_detail)
        self._loading_draft = False
        self._typed_since_open = False
        self._when_touched = False
        self.note_when.dateTimeChanged.connect(self._when_changed)

    def load(self) -> None:
        """Reload the entries (never the note being typed)."""
        case_id = self.case_id
        QueryOp(
            self.context, lambda s: activities.list_activities(s, case_id), self.model.set_rows
        ).run_in_background()

    def restore_draft(self, draft: DraftView) -> None:
        """Once, when the window opens: bring back the note left unfinished (by a lock, close or crash;
        read with the record)."""
        if not self.may_write or self._typed_since_open or self.note.toPlainText():
            return  # the user is already typing: what is on the screen wins
        self._loading_draft = True
        self.note_kind.set_value(draft.kind)
        self.note_place.setText(draft.place or "")
        self.note.setPlainText(draft.text)
        if draft.occurred_at is not None:  # when the visit happened, as set before the lock or crash
            self.note_when.setDateTime(qt_datetime(draft.occurred_at))
            self._when_touched = True
        self._loading_draft = False
        self.draft_state.setText(
            self.tr("前回の下書きを復元しました ({0})").format(local_stamp(draft.saved_at))
        )

    def _when_changed(self) -> None:
        if not self._loading_draft:
            self._when_touched = True

    def _typed(self) -> None:
        if not self._loading_draft:
            if not self._typed_since_open and not self._when_touched:
                # A new note: 実施日時 defaults to when typing began, unless the user set it already.
                self._loading_draft = True
                self.note_when.setDateTime(QDateTime.currentDateTime())
                self._loading_draft = False
            self._typed_since_open = True
            self.draft_state.setText(self.tr("入力中…"))
            self._debounce.start()

    def _note_kind(self) -> ActivityKind:
        return ActivityKind(self.note_kind.value() or str(ActivityKind.INTERVIEW))

    def save_draft_now(self) -> None:
        self._debounce.stop()
        if not self.may_write or not self.context.is_unlocked:
            return
        case_id, kind, occurred = self.case_id, self._note_kind(), self._occurred_at()
        place, text = self.note_place.text().strip() or None, self.note.toPlainText()
        ChangeOp(
            self.context,
            lambda s: activities.save_draft(
                s, case_id, kind=kind, place=place, text=text, occurred_at=occurred
            ),
        ).success(lambda _: self.draft_state.setText(self.tr("下書きを保存しました"))).run_in_background(
            initiator=self
        )

    def _occurred_at(self) -> datetime:
        when = self.note_when.dateTime().toPython()
        assert isinstance(when, datetime)
        return when.replace(second=0, microsecond=0)

    def commit(self) -> None:
        """Save what the editor shows now as an entry; the draft goes in the same transaction. The
        button waits for the answer, so a double click cannot write the entry twice."""
        self._debounce.stop()
        case_id, kind, occurred = self.case_id, self._note_kind(), self._occurred_at()
        place, text = self.note_place.text().strip() or None, self.note.toPlainText()
        self.save_note.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.save_note.setEnabled(True)
            self.draft_state.setText(message_for(error))

        ChangeOp(
            self.context,
            lambda s: activities.commit_draft(
                s, case_id, occurred_at=occurred, text=text, kind=kind, place=place
            ),
        ).success(lambda _id: self._committed(text)).failure(failed).run_in_background(initiator=self)

    def _committed(self, saved_text: str) -> None:
        self.save_note.setEnabled(True)
        if self.note.toPlainText() == saved_text:
            self._clear_note()  # the list reloads through the change the window receives
        else:  # typed on while it was saved: keep the new text as the next note's draft
            self.draft_state.setText(self.tr("記録を保存しました。続けて入力した内容は下書きに残っています"))
            self.save_draft_now()

    def discard(self) -> None:
        """Throw the note away (asks first: it cannot be undone)."""
        if not self.note.toPlainText().strip():
            self._clear_note()
            return
        question = self.tr("入力中のメモを破棄しますか？元に戻せません。")
        if not dialogs.confirm(self, self.tr("メモの破棄"), question, yes=self.tr("破棄する")):
            return
        self._debounce.stop()
        case_id = self.case_id
        ChangeOp(self.context, lambda s: activities.discard_draft(s, case_id)).success(
            lambda _: self._clear_note()
        ).run_in_background(initiator=self)

    def _clear_note(self) -> None:
        self._debounce.stop()
        self._loading_draft = True
        self.note.clear()
        self.note_place.clear()
        self.note_when.setDateTime(QDateTime.currentDateTime())
        self._loading_draft = False
        self._typed_since_open = False
        self._when_touched = False
        self.draft_state.clear()

    def _show_detail(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        session = self.context.session
        self.correct_button.setEnabled(
            self.may_write and row.narrative is not None
            and may_correct(session.actor.role, row.staff_id, session.actor.staff_id)
        )  # fmt: skip
        self.plan_button.setEnabled(self.may_write and bool(row.narrative) and bool(self._note_dates(row)))
        self.detail.setPlainText(self._describe(row, []))
        if row.edited and row.narrative is not None:
            activity_id = row.id
            QueryOp(
                self.context,
                lambda s: activities.activity_history(s, activity_id),
                lambda history: self.detail.setPlainText(self._describe(row, history)),
            ).run_in_background()

    def _describe(self, row: ActivityView, history: list[EarlierVersion]) -> str:
        if row.narrative is None:
            return self.tr("(閲覧権限がありません)")
        lines = [
            self.tr("実施日時: {0}　記録日時: {1}").format(
                wareki_datetime(row.occurred_at), local_stamp(row.recorded_at)
            ),
            "",
            row.narrative,
        ]
        for version in reversed(history):
            when = wareki_datetime(version.occurred_at) if version.occurred_at else "—"
            lines += [
                "",
                self.tr("── 修正前の版 {0} (実施日時 {1}、{2} に {3} が修正) ──").format(
                    version.revision,
                    when,
                    local_stamp(version.replaced_at),
                    version.replaced_by or "",
                ),
                version.narrative,
            ]
        return "\n".join(lines)

    @staticmethod
    def _note_dates(row: ActivityView) -> list[date]:
        """The days still ahead that the note names (a month and day are read from the note's day)."""
        today = date.today()
        return [d for d in dates_in(row.narrative or "", row.occurred_at.date()) if d >= today]

    def plan_from_note(self) -> None:
        """A date in the selected note becomes a reminder on the dashboard: which date (if several),
        and what it is (starting from the sentence that names it)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        days = self._note_dates(row)
        if not days:
            return
        index = 0
        if len(days) > 1:
            chosen = dialogs.ask_choice(
                self, self.tr("記録の日付を予定に"), self.tr("予定日"), [to_wareki(d) for d in days]
            )
            if chosen is None:
                return
            index = chosen
        due = days[index]
        title = dialogs.ask_text(
            self,
            self.tr("記録の日付を予定に"),
            self.tr("{0} の予定").format(to_wareki(due)),
            sentence_about(row.narrative or "", due, row.occurred_at.date()),
        )
        if title is None:
            return
        case_id, activity_id = self.case_id, row.id
        ChangeOp(
            self.context,
            lambda s: reminders.add_planned_reminder(s, case_id, due, title, activity_id=activity_id),
        ).success(
            lambda _: self.draft_state.setText(
                self.tr("予定にしました: {0} {1}").format(to_wareki(due), title)
            )
        ).failure(lambda error: self.draft_state.setText(message_for(error))).run_in_background(
            initiator=self
        )

    def correct(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        dialog = CorrectionDialog(self.context, row, self)
        dialog.open()

    def flush(self) -> None:
        """Called before the window closes or the app locks: write what is typed now."""
        if self._debounce.isActive():
            self.save_draft_now()

    def is_typing(self) -> bool:
        return bool(self.note.toPlainText().strip())

    def clear(self) -> None:
        self._debounce.stop()
        self.model.clear()
        self.detail.clear()
        self._clear_note()


class CorrectionDialog(QDialog):
    """訂正: a new version of an entry; the earlier one stays in its history, and both are audited."""

    def __init__(self, context: AppContext, row: ActivityView, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.row = row
        self.setWindowTitle(self.tr("記録の修正"))
        self.resize(560, 420)
        self.when = QDateTimeEdit(qt_datetime(row.occurred_at), self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("実施日時"))
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(row.narrative or "")
        self.text.setAccessibleName(self.tr("記録"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("実施日時"), self.when)
        form.addRow(self.tr("記録"), self.text)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.tr("修正を保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("修正前の内容は履歴として残り、修正は監査ログに記録されます。"), self)
        )
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        context.locked.connect(self.reject)

    def save(self) -> None:
        row = self.row
        when = self.when.dateTime().toPython()
        assert isinstance(when, datetime)
        data = ActivityInput(
            occurred_at=when.replace(second=0, microsecond=0),
            kind=row.kind,
            narrative=self.text.toPlainText(),
            place=row.place,
            counterpart=row.counterpart,
            duration_min=row.duration_min,
            staff_id=row.staff_id,
        )
        self.buttons.setEnabled(False)
        ChangeOp(
            self.context, lambda s: activities.edit_activity(s, row.id, data, expected_revision=row.revision)
        ).success(lambda _: self.accept()).failure(self._failed).run_in_background(initiator=self)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(message_for(error))
