"""関係機関: the agency directory."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.changes import ChangeKind
from teiretsu_desktop.services.directory import AgencyInput, AgencyView, list_agencies, save_agency

FIELDS = [
    Field("kind", "種別", "code", AgencyKind),
    Field("name", "名称"),
    Field("municipality_code", "地方公共団体コード (6桁)"),
    Field("address", "所在地"),
    Field("phone", "電話"),
    Field("contact_person", "担当者"),
    Field("accepts", "受け入れる人", "multiline"),
    Field("capacity_note", "空き・受入のメモ", "multiline"),
]


class AgenciesPage(ListPage[AgencyView]):
    kinds = frozenset({ChangeKind.AGENCY})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[AgencyView]] = [
            Column("種別", lambda a: a.kind.label),
            Column("名称", lambda a: a.name),
            Column("市町村コード", lambda a: a.municipality_code or ""),
            Column("電話", lambda a: a.phone or ""),
            Column("担当者", lambda a: a.contact_person or ""),
            Column("受入", lambda a: a.accepts or ""),
        ]
        super().__init__(context, self.tr("関係機関"), columns, parent)
        self.add_button(self.tr("追加(&A)…"), lambda: self.edit(None), needs=Permission.MANAGE_DIRECTORY)
        self.add_button(
            self.tr("編集(&E)…"), lambda: self.edit(self.selected()), needs=Permission.MANAGE_DIRECTORY
        )
        self.table.doubleClicked.connect(lambda _: self.edit(self.selected()))

    def load(self) -> None:
        QueryOp(self.context, list_agencies, self.model.set_rows).run_in_background()

    def edit(self, agency: AgencyView | None) -> None:
        def make(v: dict[str, Any]) -> Job:
            data = AgencyInput(**{**v, "kind": AgencyKind(v["kind"] or "other"), "name": v["name"] or ""})
            return lambda s: save_agency(s, data, agency_id=agency.id if agency else None)

        dialog = FormDialog(self.tr("関係機関"), FIELDS, self.context, make, None, self)
        if agency is not None:
            dialog.form.set_values(agency.__dict__)
        dialog.open()
