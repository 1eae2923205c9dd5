"""特別調整の要件: the six requirements (DOMAIN §2.1) as the centre confirmed them — met or not, on which
day, from which document (issue 17). Shown for 特別調整 cases only."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from teiretsu_desktop.domain.wareki import short_wareki
from teiretsu_desktop.gui.cases.records import RecordsTab
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.services import eligibility
from teiretsu_desktop.services.eligibility import RequirementView

MET = {True: "満たす", False: "満たさない", None: "未確認"}


class EligibilityTab(RecordsTab[RequirementView]):
    TITLE = "特別調整の要件"

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        columns: list[Column[RequirementView]] = [
            Column("要件", lambda r: r.requirement.label),
            Column("確認", lambda r: MET[r.met]),
            Column("確認日", lambda r: short_wareki(r.checked_on)),
            Column("根拠資料", lambda r: r.source or ""),
            Column("確認者", lambda r: r.staff_name),
        ]
        super().__init__(context, case_id, columns, parent)
        self.add_button(self.tr("選んだ要件を記録(&E)…"), self.confirm)

    def load(self) -> None:
        """Read on its own (the case window instead fills it from the record it reads, case_data.py)."""
        case_id = self.case_id
        QueryOp(
            self.context, lambda s: eligibility.list_requirements(s, case_id), self.model.set_rows
        ).run_in_background()

    def confirm(self) -> FormDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        fields = [
            Field("met", "確認", "choice"),
            Field("checked_on", "確認日", "date"),
            Field("source", "根拠資料 (例: 特別調整協力等依頼書)"),
        ]

        def make(v: dict[str, Any]) -> Job:
            case_id, requirement = self.case_id, chosen.requirement
            met = {"yes": True, "no": False}.get(v["met"] or "")
            return lambda s: eligibility.confirm_requirement(
                s, case_id, requirement, met=met, checked_on=v["checked_on"], source=v["source"]
            )

        dialog = FormDialog(chosen.requirement.label, fields, self.context, make, None, self)
        dialog.form.set_choices("met", [(MET[True], "yes"), (MET[False], "no")])
        values: dict[str, Any] = {"checked_on": chosen.checked_on or date.today(), "source": chosen.source}
        if chosen.met is not None:
            values["met"] = "yes" if chosen.met else "no"
        dialog.form.set_values(values)
        dialog.open()
        return dialog
