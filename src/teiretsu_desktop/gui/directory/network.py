"""連携活動: 協議会, 地域福祉支援検討会, 福祉事業者巡回開拓, 研修 and outreach."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from teiretsu_desktop.domain.codes import (
    AgencyKind,
    CouncilKind,
    NetworkActivityKind,
    NetworkExclusion,
    NetworkScope,
)
from teiretsu_desktop.domain.wareki import fiscal_year, fiscal_year_range, to_wareki
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.directory.choices import offer_agencies
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.changes import ChangeKind
from teiretsu_desktop.services.directory import (
    NetworkActivityInput,
    NetworkActivityView,
    list_network_activities,
    record_network_activity,
)

FIELDS = [
    Field("held_on", "日付", "date"),
    Field("kind", "種類", "code", NetworkActivityKind),
    Field("council_kind", "協議会の種類", "code", CouncilKind),
    Field("topic", "名称・テーマ"),
    Field("hosted", "センターが主催", "bool"),
    Field("scope", "範囲", "code", NetworkScope),
    Field("exclusion", "数えないもの (該当する場合)", "code", NetworkExclusion),
    Field("agency_id", "訪問・開拓した事業所", "choice"),
    Field("already_developed", "既に開拓済みの事業所", "bool"),
    Field("welfare", "参加: 福祉事務所・行政 (人)", "int"),
    Field("providers", "参加: 福祉事業所 (人)", "int"),
    Field("justice", "参加: 刑事司法関係機関 (人)", "int"),
    Field("note", "メモ", "multiline"),
]


class NetworkPage(ListPage[NetworkActivityView]):
    kinds = frozenset({ChangeKind.NETWORK_ACTIVITY})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[NetworkActivityView]] = [
            Column("日付", lambda n: to_wareki(n.held_on, short=True), lambda n: n.held_on.isoformat()),
            Column("種類", lambda n: n.kind.label),
            Column("協議会", lambda n: n.council_kind.label if n.council_kind else ""),
            Column("名称・テーマ", lambda n: n.topic),
            Column("主催", lambda n: "主催" if n.hosted else "参加"),
            Column(
                "参加者", lambda n: str(sum(n.participants.values())), lambda n: sum(n.participants.values())
            ),
        ]
        super().__init__(context, self.tr("連携活動 (今年度と前年度)"), columns, parent)
        self.add_button(self.tr("記録(&A)…"), self.record, needs=Permission.MANAGE_DIRECTORY)

    def load(self) -> None:
        year = fiscal_year(date.today())
        start, _ = fiscal_year_range(year - 1)
        _, end = fiscal_year_range(year)
        QueryOp(
            self.context, lambda s: list_network_activities(s, start=start, end=end), self.model.set_rows
        ).run_in_background()

    def record(self) -> None:
        def make(v: dict[str, Any]) -> Job:
            participants = {
                AgencyKind.WELFARE_OFFICE: v["welfare"] or 0,
                AgencyKind.DISABILITY_PROVIDER: v["providers"] or 0,
                AgencyKind.PROBATION: v["justice"] or 0,
            }
            data = NetworkActivityInput(
                held_on=v["held_on"] or date.today(),
                kind=NetworkActivityKind(v["kind"] or "other"),
                topic=v["topic"] or "",
                council_kind=CouncilKind(v["council_kind"]) if v["council_kind"] else None,
                hosted=bool(v["hosted"]),
                participants={k: n for k, n in participants.items() if n},
                note=v["note"],
                scope=NetworkScope(v["scope"]) if v["scope"] else None,
                exclusion=NetworkExclusion(v["exclusion"]) if v["exclusion"] else None,
                agency_id=v["agency_id"],
                already_developed=bool(v["already_developed"]),
            )
            return lambda s: record_network_activity(s, data)

        dialog = FormDialog(self.tr("連携活動を記録"), FIELDS, self.context, make, None, self)
        dialog.form.set_value("held_on", date.today())
        dialog.form.set_value("scope", str(NetworkScope.LOCAL))
        offer_agencies(self.context, dialog.form, "agency_id")
        dialog.open()
