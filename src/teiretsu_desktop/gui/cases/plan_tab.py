"""支援計画: the plan of the case as items — need, goal, action, agency (from the 関係機関 directory or
typed), responsible person, by when — each with its status as last reviewed (issue 17). Printed in the
福祉サービス等調整計画."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from teiretsu_desktop.domain.plan import PlanStatus
from teiretsu_desktop.domain.wareki import short_wareki
from teiretsu_desktop.gui.cases.records import RecordsTab
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.directory.choices import offer_agencies
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.services import plan
from teiretsu_desktop.services.plan import PlanItemInput, PlanItemView

FIELDS = [
    Field("need", "ニーズ"),
    Field("goal", "目標"),
    Field("action", "支援の内容"),
    Field("agency_id", "関係機関から選ぶ", "choice"),
    Field("agency_name", "機関 (名簿にないとき)"),
    Field("responsible", "担当者"),
    Field("due_on", "いつまでに", "date"),
    Field("status", "状況", "code", PlanStatus),
    Field("reviewed_on", "見直し日", "date"),
]


class PlanTab(RecordsTab[PlanItemView]):
    TITLE = "支援計画"

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        columns: list[Column[PlanItemView]] = [
            Column("番号", lambda p: str(p.position), lambda p: p.position),
            Column("ニーズ", lambda p: p.need),
            Column("目標", lambda p: p.goal),
            Column("支援の内容", lambda p: p.action),
            Column("機関", lambda p: p.agency_name),
            Column("担当者", lambda p: p.responsible),
            Column("いつまでに", lambda p: short_wareki(p.due_on)),
            Column("状況", lambda p: p.status.label),
            Column("見直し日", lambda p: short_wareki(p.reviewed_on)),
        ]
        super().__init__(context, case_id, columns, parent)
        self.add_button(self.tr("項目を追加(&A)…"), self.add)
        self.add_button(self.tr("選んだ項目を見直す(&E)…"), self.edit)

    def load(self) -> None:
        case_id = self.case_id
        QueryOp(self.context, lambda s: plan.list_plan(s, case_id), self.model.set_rows).run_in_background()

    def add(self) -> FormDialog:
        return self._open(None)

    def edit(self) -> FormDialog | None:
        chosen = self.selected()
        return self._open(chosen) if chosen is not None else None

    def _open(self, chosen: PlanItemView | None) -> FormDialog:
        def make(v: dict[str, Any]) -> Job:
            data = PlanItemInput(
                need=v["need"] or "", action=v["action"] or "", goal=v["goal"] or "",
                agency_id=v["agency_id"] or None, agency_name=v["agency_name"] or "",
                responsible=v["responsible"] or "", due_on=v["due_on"],
                status=PlanStatus(v["status"] or str(PlanStatus.PLANNED)), reviewed_on=v["reviewed_on"],
            )  # fmt: skip
            case_id = self.case_id
            if chosen is None:
                return lambda s: plan.add_plan_item(s, case_id, data)
            return lambda s: plan.update_plan_item(s, chosen.id, data, expected_revision=chosen.revision)

        title = self.tr("支援計画の項目を追加") if chosen is None else self.tr("支援計画の項目を見直す")
        dialog = FormDialog(title, FIELDS, self.context, make, None, self)
        if chosen is None:
            dialog.form.set_values({"status": str(PlanStatus.PLANNED)})
        else:
            if chosen.agency_id:  # offered at once: OK before the directory has loaded keeps the agency
                dialog.form.set_choices("agency_id", [(chosen.agency_name, chosen.agency_id)])
            dialog.form.set_values(
                {"agency_id": chosen.agency_id, "need": chosen.need, "goal": chosen.goal, "action": chosen.action,
                 "agency_name": "" if chosen.agency_id else chosen.agency_name, "responsible": chosen.responsible,
                 "due_on": chosen.due_on, "status": str(chosen.status),
                 "reviewed_on": chosen.reviewed_on or date.today()}
            )  # fmt: skip
        dialog.open()
        offer_agencies(self.context, dialog.form, "agency_id")
        return dialog
