"""会議: the meetings held about a case (ケース会議, 個別支援検討会, 合同支援会議…) — recorded after they are
held, then their outside attendees (each a provision checked against the consents) and decisions (a
reminder when they have a day ahead). The selected meeting's attendees and decisions are listed below
it, and its record can be printed (issue 17)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.domain.meetings import MeetingKind, SharedItem
from teiretsu_desktop.domain.wareki import short_wareki
from teiretsu_desktop.gui.cases.records import RecordsTab
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.directory.choices import offer_agencies
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import meetings
from teiretsu_desktop.services.meetings import (
    AttendeeInput,
    AttendeeView,
    DecisionInput,
    DecisionView,
    MeetingInput,
    MeetingView,
)

PrintMeeting = Callable[[str], object]

MEETING_FIELDS = [
    Field("kind", "会議の種類", "code", MeetingKind),
    Field("held_on", "開催日", "date"),
    Field("place", "場所"),
    Field("center_attendees", "センターの出席者"),
    Field("person_present", "本人出席", "bool"),
    Field("agenda", "議題", "multiline"),
    Field("summary", "協議内容", "multiline"),
    Field("shared_items", "共有した本人の情報", "codes", SharedItem),
]

ATTENDEE_FIELDS = [
    Field("agency_id", "関係機関から選ぶ", "choice"),
    Field("organisation", "所属 (名簿にないとき)"),
    Field(
        "recipient", "提供先の種類 (名簿にないとき)", "code", RecipientKind, omit=(str(RecipientKind.PERSON),)
    ),
    Field("name", "氏名・役職"),
    Field("override_reason", "同意によらない提供の理由 (権限のある人)"),
]

DECISION_FIELDS = [
    Field("text", "決定事項"),
    Field("responsible", "担当"),
    Field("due_on", "いつまでに (予定として期限・予定に出ます)", "date"),
]


class MeetingsTab(RecordsTab[MeetingView]):
    TITLE = "会議"

    def __init__(
        self, context: AppContext, case_id: str, print_meeting: PrintMeeting, parent: QWidget | None = None
    ) -> None:
        columns: list[Column[MeetingView]] = [
            Column("開催日", lambda m: short_wareki(m.held_on), lambda m: m.held_on),
            Column("種類", lambda m: m.kind.label),
            Column("議題", lambda m: m.agenda.replace("\n", " ")),
            Column("出席者", lambda m: m.attendees_text()),
            Column("決定事項", lambda m: f"{len(m.decisions)}件" if m.decisions else ""),
            Column("記録者", lambda m: m.staff_name),
        ]
        super().__init__(context, case_id, columns, parent)
        self.print_meeting = print_meeting
        self.attendees: RowsModel[AttendeeView] = RowsModel(
            [
                Column(self.tr("所属"), lambda a: a.organisation),
                Column(self.tr("氏名・役職"), lambda a: a.name),
                Column(self.tr("提供先の種類"), lambda a: a.recipient.label),
                Column(
                    self.tr("提供記録"), lambda a: self.tr("あり") if a.disclosure_id else self.tr("共有なし")
                ),
            ]
        )
        self.decisions: RowsModel[DecisionView] = RowsModel(
            [
                Column(self.tr("番号"), lambda d: str(d.position), lambda d: d.position),
                Column(self.tr("決定事項"), lambda d: d.text),
                Column(self.tr("担当"), lambda d: d.responsible),
                Column(self.tr("いつまでに"), lambda d: short_wareki(d.due_on)),
                Column(self.tr("予定"), lambda d: self.tr("登録済み") if d.reminder_id else ""),
            ]
        )
        layout = self.layout()
        assert layout is not None
        self.summary = QLabel(self)
        self.summary.setObjectName("meetingSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        for label, model in (
            (self.tr("選んだ会議の出席者"), self.attendees),
            (self.tr("選んだ会議の決定事項"), self.decisions),
        ):
            layout.addWidget(QLabel(label, self))
            table = QTableView(self)
            table.setModel(model)
            table.setAccessibleName(label)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            layout.addWidget(table)
        self.status = QLabel(self)
        self.status.setObjectName("meetingStatus")
        layout.addWidget(self.status)
        self.add_button(self.tr("会議を記録(&A)…"), self.add)
        self.add_button(self.tr("出席者を追加…"), self.add_attendee)
        self.add_button(self.tr("決定事項を追加…"), self.add_decision)
        if context.session.can(Permission.PRINT_FORMS):  # 事務 prints too, without changing the case
            printing = Button(self.tr("会議記録を印刷…"), self)
            printing.clicked.connect(self.print_selected)
            self.buttons.addWidget(printing)
        self.table.clicked.connect(lambda _index: self._show_selected())

    def load(self) -> None:
        case_id = self.case_id
        QueryOp(self.context, lambda s: meetings.list_meetings(s, case_id), self._loaded).run_in_background()

    def _loaded(self, rows: list[MeetingView]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        for row, meeting in enumerate(rows):
            if chosen is not None and meeting.id == chosen.id:
                self.table.selectRow(row)
        self._show_selected()

    def _show_selected(self) -> None:
        chosen = self.selected()
        self.attendees.set_rows(list(chosen.attendees) if chosen else [])
        self.decisions.set_rows(list(chosen.decisions) if chosen else [])
        if chosen is None:
            self.summary.setText("")
            return
        shared = "、".join(i.label for i in chosen.shared_items) or self.tr("なし")
        self.summary.setText(
            self.tr("{0} {1}　場所: {2}　共有した情報: {3}\n協議内容: {4}").format(
                short_wareki(chosen.held_on),
                chosen.kind.label,
                chosen.place or "—",
                shared,
                chosen.summary or "—",
            )
        )

    def clear(self) -> None:
        super().clear()
        self.attendees.clear()
        self.decisions.clear()
        self.summary.setText("")

    def _chosen_or_ask(self, what: str) -> MeetingView | None:
        chosen = self.selected()
        if chosen is None:
            self.status.setText(self.tr("{0}会議を選んでください").format(what))
        return chosen

    # -- actions ----------------------------------------------------------------------------------

    def add(self) -> FormDialog:
        def make(v: dict[str, Any]) -> Job:
            data = MeetingInput(
                kind=MeetingKind(v["kind"] or str(MeetingKind.CASE_CONFERENCE)), held_on=v["held_on"] or date.today(),
                agenda=v["agenda"] or "", summary=v["summary"] or "", place=v["place"] or "",
                shared_items=tuple(SharedItem(i) for i in v["shared_items"]),
                person_present=bool(v["person_present"]), center_attendees=v["center_attendees"] or "",
            )  # fmt: skip
            case_id = self.case_id
            return lambda s: meetings.record_meeting(s, case_id, data)

        dialog = FormDialog(self.tr("会議を記録"), MEETING_FIELDS, self.context, make, None, self)
        dialog.form.set_values(
            {"kind": str(MeetingKind.CASE_CONFERENCE), "held_on": date.today(),
             "center_attendees": self.context.session.actor.display_name}
        )  # fmt: skip
        dialog.open()
        return dialog

    def add_attendee(self) -> FormDialog | None:
        chosen = self._chosen_or_ask(self.tr("出席者を追加する"))
        if chosen is None:
            return None

        def make(v: dict[str, Any]) -> Job:
            data = AttendeeInput(
                agency_id=v["agency_id"] or None, organisation=v["organisation"] or "",
                recipient=RecipientKind(v["recipient"]) if v["recipient"] else None, name=v["name"] or "",
                override_reason=v["override_reason"] or None,
            )  # fmt: skip
            return lambda s: meetings.add_attendee(s, chosen.id, data)

        title = self.tr("出席者を追加: {0} {1}").format(short_wareki(chosen.held_on), chosen.kind.label)
        dialog = FormDialog(title, ATTENDEE_FIELDS, self.context, make, None, self)
        dialog.open()
        offer_agencies(self.context, dialog.form, "agency_id")
        return dialog

    def add_decision(self) -> FormDialog | None:
        chosen = self._chosen_or_ask(self.tr("決定事項を追加する"))
        if chosen is None:
            return None

        def make(v: dict[str, Any]) -> Job:
            data = DecisionInput(v["text"] or "", v["responsible"] or "", v["due_on"])
            return lambda s: meetings.add_decision(s, chosen.id, data)

        title = self.tr("決定事項を追加: {0} {1}").format(short_wareki(chosen.held_on), chosen.kind.label)
        dialog = FormDialog(title, DECISION_FIELDS, self.context, make, None, self)
        dialog.open()
        return dialog

    def print_selected(self) -> object:
        """The print dialog with the ケース会議記録 of the selected meeting."""
        chosen = self._chosen_or_ask(self.tr("印刷する"))
        return self.print_meeting(chosen.id) if chosen is not None else None
