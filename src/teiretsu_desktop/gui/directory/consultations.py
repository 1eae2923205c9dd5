"""相談: the 相談支援 intake log (anonymous consultations allowed)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QWidget

from teiretsu_desktop.domain.codes import ConsultationChannel, ConsultationTopic, Requester
from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.changes import ChangeKind
from teiretsu_desktop.services.consultations import (
    ConsultationInput,
    ConsultationView,
    list_consultations,
    record_consultation,
)

FIELDS = [
    Field("received_on", "受付日", "date"),
    Field("channel", "方法", "code", ConsultationChannel),
    Field("consulter_kind", "相談者", "code", Requester),
    Field("anonymous", "匿名の相談", "bool"),
    Field("topics", "相談内容", "codes", ConsultationTopic),
    Field("summary", "概要", "multiline"),
    Field("outcome", "対応", "multiline"),
]


class ConsultationsPage(ListPage[ConsultationView]):
    kinds = frozenset({ChangeKind.CONSULTATION, ChangeKind.CASE})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[ConsultationView]] = [
            Column(
                "受付",
                lambda c: f"{to_wareki(c.received_at.date(), short=True)} {c.received_at:%H:%M}",
                lambda c: c.received_at.isoformat(),
            ),
            Column("方法", lambda c: c.channel.label),
            Column("相談者", lambda c: c.consulter_kind.label),
            Column("匿名", lambda c: "匿名" if c.anonymous else ""),
            Column("内容", lambda c: "・".join(t.label for t in c.topics)),
            Column("ケース", lambda c: "ケースあり" if c.case_id else ""),
            Column(
                "概要",
                lambda c: (c.summary if c.summary_visible else "(閲覧権限がありません)").replace("\n", " "),
            ),
        ]
        super().__init__(context, self.tr("相談 (直近1年)"), columns, parent)
        self.add_button(self.tr("相談を記録(&A)…"), self.record, needs=Permission.WRITE_CASES)

    def load(self) -> None:
        end = datetime.now()
        start = end - timedelta(days=365)
        QueryOp(
            self.context, lambda s: list_consultations(s, start=start, end=end), self.model.set_rows
        ).run_in_background()

    def record(self) -> None:
        def make(v: dict[str, Any]) -> Job:
            received = datetime.combine(v["received_on"] or date.today(), datetime.now().time()).replace(
                microsecond=0
            )
            data = ConsultationInput(
                received_at=received,
                channel=ConsultationChannel(v["channel"] or "phone"),
                consulter_kind=Requester(v["consulter_kind"] or "self"),
                topics=tuple(ConsultationTopic(t) for t in v["topics"]),
                summary=v["summary"] or "",
                anonymous=bool(v["anonymous"]),
                outcome=v["outcome"],
            )
            return lambda s: record_consultation(s, data)

        dialog = FormDialog(self.tr("相談を記録"), FIELDS, self.context, make, None, self)
        dialog.form.set_value("received_on", date.today())
        dialog.open()
