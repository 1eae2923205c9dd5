"""選定段階の助言: advice to an agency while it selects someone (指針 第4 4(1)) — recorded as advice, not
as a case, counted apart for the 年度, and linked to the case when the person is referred (issue 17)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from teiretsu_desktop.domain.advice import SelectionStage
from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.domain.wareki import fiscal_year, fiscal_year_label, fiscal_year_range, to_wareki
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.directory.choices import offer_agencies
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import advice
from teiretsu_desktop.services.advice import AdviceInput, AdviceView
from teiretsu_desktop.services.case_list import CasePage, CaseQuery, find_cases
from teiretsu_desktop.services.changes import ChangeKind

FIELDS = [
    Field("advised_on", "助言した日", "date"),
    Field("stage", "選定の段階", "code", SelectionStage),
    Field("agency_id", "助言した機関 (関係機関から)", "choice"),
    Field("agency_name", "助言した機関 (名簿にないとき)"),
    Field("subject", "対象者の呼び方 (称呼番号・イニシャル等)"),
    Field("advice", "助言の内容", "multiline"),
]
ASKING = (AgencyKind.CORRECTIONAL, AgencyKind.PROBATION, AgencyKind.PROSECUTOR, AgencyKind.BAR)


class AdvicePage(ListPage[AdviceView]):
    kinds = frozenset({ChangeKind.NETWORK_ACTIVITY, ChangeKind.CASE})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[AdviceView]] = [
            Column(
                "助言した日",
                lambda a: to_wareki(a.advised_on, short=True),
                lambda a: a.advised_on.isoformat(),
            ),
            Column("選定の段階", lambda a: a.stage.label),
            Column("機関", lambda a: a.agency_name),
            Column("対象者", lambda a: a.subject if a.visible else "(閲覧権限がありません)"),
            Column("その後のケース", lambda a: a.case_no),
            Column("記録者", lambda a: a.staff_name),
            Column(
                "助言の内容", lambda a: a.advice.replace("\n", " ") if a.visible else "(閲覧権限がありません)"
            ),
        ]
        super().__init__(context, self.tr("選定段階の助言 (今年度と前年度)"), columns, parent)
        self.add_button(self.tr("助言を記録(&A)…"), self.record, needs=Permission.WRITE_CASES)
        self.add_button(self.tr("ケースに結び付ける…"), self.link_case, needs=Permission.WRITE_CASES)
        self.counts = QLabel(self)
        self.counts.setObjectName("adviceCounts")
        self.status = QLabel(self)
        self.status.setObjectName("adviceStatus")
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.counts)
        layout.addWidget(self.status)
        context.locked.connect(self.counts.clear)
        context.locked.connect(self.status.clear)

    def load(self) -> None:
        year = fiscal_year(date.today())
        start, _ = fiscal_year_range(year - 1)
        this_start, end = fiscal_year_range(year)

        def read(s: StaffSession) -> tuple[list[AdviceView], dict[SelectionStage, int]]:
            return advice.list_advice(s, start=start, end=end), advice.count_advice(s, this_start, end)

        QueryOp(self.context, read, lambda loaded: self._loaded(year, *loaded)).run_in_background()

    def _loaded(self, year: int, rows: list[AdviceView], counts: dict[SelectionStage, int]) -> None:
        self.model.set_rows(rows)
        self.status.clear()
        parts = "・".join(f"{stage.label} {n}件" for stage, n in counts.items())
        self.counts.setText(
            self.tr("{0}: {1}件 ({2})。ケースとは別に数えます。").format(
                fiscal_year_label(year), sum(counts.values()), parts
            )
        )

    def record(self) -> FormDialog:
        def make(v: dict[str, Any]) -> Job:
            data = AdviceInput(
                advised_on=v["advised_on"] or date.today(), stage=SelectionStage(v["stage"] or "special"),
                advice=v["advice"] or "", agency_id=v["agency_id"] or None, agency_name=v["agency_name"] or "",
                subject=v["subject"] or "",
            )  # fmt: skip
            return lambda s: advice.record_advice(s, data)

        dialog = FormDialog(self.tr("選定段階の助言を記録"), FIELDS, self.context, make, None, self)
        dialog.form.set_values({"advised_on": date.today(), "stage": str(SelectionStage.SPECIAL)})
        dialog.open()
        offer_agencies(self.context, dialog.form, "agency_id", first=ASKING)
        return dialog

    def link_case(self) -> None:
        """The person was referred: find the case by name or case number and link the advice to it."""
        chosen = self.selected()
        if chosen is None:
            self.status.setText(self.tr("助言を選んでください"))
            return
        query = dialogs.ask_text(
            self, self.tr("ケースに結び付ける"), self.tr("氏名・ふりがな・生年月日で探す")
        )
        if not query:
            return

        def offer(page: CasePage) -> None:
            if not page.rows:
                self.status.setText(self.tr("「{0}」に当てはまるケースはありません").format(query))
                return
            labels = [f"{r.case_no} {r.person_name}" for r in page.rows]
            index = dialogs.ask_choice(self, self.tr("ケースに結び付ける"), self.tr("その後のケース"), labels)
            if index is None:
                return
            case_id = page.rows[index].case_id
            ChangeOp(self.context, lambda s: advice.link_advice(s, chosen.id, case_id)).failure(
                lambda error: self.status.setText(message_for(error))
            ).run_in_background()

        QueryOp(
            self.context, lambda s: find_cases(s, CaseQuery(text=query), limit=30), offer
        ).run_in_background()
