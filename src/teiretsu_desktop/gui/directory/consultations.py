"""相談: the 相談支援 intake log (anonymous consultations allowed)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from teiretsu_desktop.domain.codes import ConsultationChannel, ConsultationTopic, Requester
from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.cases.new_referral import NewReferralDialog
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.changes import ChangeKind
from teiretsu_desktop.services.consultations import (
    ConsultationInput,
    ConsultationPage,
    ConsultationView,
    consultation_page,
    convert_to_case,
    link_person,
    record_consultation,
)
from teiretsu_desktop.services.persons import PersonHit, search_persons

PAGE_SIZE = 200

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
    kinds = frozenset({ChangeKind.CONSULTATION, ChangeKind.CASE, ChangeKind.PERSON})
    open_case = Signal(str)

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
            Column("対象者", lambda c: c.person_name or ("匿名" if c.anonymous else "")),
            Column("ケース", lambda c: "ケースあり" if c.case_id else ""),
            Column(
                "概要",
                lambda c: (c.summary if c.summary_visible else "(閲覧権限がありません)").replace("\n", " "),
            ),
        ]
        super().__init__(context, self.tr("相談 (直近1年)"), columns, parent)
        # Newest first, read a page at a time as it is scrolled: a column sort would order only the pages
        # read so far, so the table is not sorted by its headers.
        self.table.setSortingEnabled(False)
        self._generation = 0
        self._period = (datetime.now(), datetime.now())
        self.model.fetch_more_with(self._more)
        self.add_button(self.tr("相談を記録(&A)…"), self.record, needs=Permission.WRITE_CASES)
        self.add_button(self.tr("対象者に結び付ける…"), self.link_person, needs=Permission.WRITE_CASES)
        self.add_button(self.tr("ケースにする…"), self.make_case, needs=Permission.WRITE_CASES)
        self.status = QLabel(self)
        self.status.setObjectName("consultationStatus")
        self.layout().addWidget(self.status)  # type: ignore[union-attr]

    def load(self) -> None:
        """The newest page of the last year; the rest as the table is scrolled (issue 19: a year held
        10,000 consultations on the benchmark's store, read whole at every show)."""
        end = datetime.now()
        start = end - timedelta(days=365)
        self._period = (start, end)
        self._generation += 1
        generation = self._generation

        def shown(page: ConsultationPage) -> None:
            if generation == self._generation:
                self.model.set_rows(page.rows, page.total)

        QueryOp(
            self.context, lambda s: consultation_page(s, start=start, end=end, limit=PAGE_SIZE), shown
        ).superseding("consultations").run_in_background()

    def _more(self, offset: int) -> None:
        start, end = self._period
        generation = self._generation

        def arrived(page: ConsultationPage) -> None:
            if generation == self._generation:  # not a page of a list read again since
                self.model.append_rows(page.rows)

        QueryOp(
            self.context,
            lambda s: consultation_page(s, start=start, end=end, offset=offset, limit=PAGE_SIZE),
            arrived,
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

    def _chosen(self) -> ConsultationView | None:
        chosen = self.selected()
        if chosen is None:
            self.status.setText(self.tr("相談を選んでください"))
        return chosen

    def link_person(self) -> None:
        """The consultation was about someone already registered: find them by name and link."""
        chosen = self._chosen()
        if chosen is None:
            return
        query = dialogs.ask_text(
            self, self.tr("対象者に結び付ける"), self.tr("氏名・ふりがな・生年月日で探す")
        )
        if not query:
            return

        def offer(hits: list[PersonHit]) -> None:
            if not hits:
                self.status.setText(self.tr("「{0}」に当てはまる人はいません").format(query))
                return
            labels = [f"{h.name} ({h.kana}) {to_wareki(h.birth_date) if h.birth_date else ''}" for h in hits]
            index = dialogs.ask_choice(
                self, self.tr("対象者に結び付ける"), self.tr("この相談の対象者"), labels
            )
            if index is None:
                return
            person_id = hits[index].id
            ChangeOp(self.context, lambda s: link_person(s, chosen.id, person_id)).failure(
                lambda error: self.status.setText(message_for(error))
            ).run_in_background()

        QueryOp(self.context, lambda s: search_persons(s, query, limit=20), offer).run_in_background()

    def make_case(self) -> NewReferralDialog | None:
        """A 相談支援 case from the consultation: for its person when known, else through 新規受付 (the
        person registered, or found as a likely duplicate, with the case) — linked in the same step."""
        chosen = self._chosen()
        if chosen is None:
            return None
        if chosen.case_id:
            self.status.setText(self.tr("この相談は既にケースになっています"))
            return None
        if chosen.person_id:
            person_id = chosen.person_id
            on = chosen.received_at.date()
            ChangeOp(self.context, lambda s: convert_to_case(s, chosen.id, person_id, on=on)).success(
                self.open_case.emit
            ).failure(lambda error: self.status.setText(message_for(error))).run_in_background()
            return None
        dialog = NewReferralDialog(self.context, self, consultation=chosen)
        dialog.created.connect(self.open_case.emit)
        dialog.open()
        return dialog
