"""受入先調整: the candidate destinations of a case — agencies of the 関係機関 directory, or new ones added
to it on the spot — and each one's dated attempts (打診, 見学, 体験利用, 回答) with outcome and reason
(issue 17). The attempts of the selected candidate are listed under the candidates."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from teiretsu_desktop.domain.codes import AgencyKind, CandidateStatus, DestinationKind
from teiretsu_desktop.domain.placement import PlacementStep
from teiretsu_desktop.domain.wareki import short_wareki
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.cases.records import RecordsTab
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.directory.choices import offer_agencies
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.services import coordination
from teiretsu_desktop.services.coordination import AttemptView, CandidateView

# The directory's kinds that take people in (a candidate is chosen among them first).
PLACES = (
    AgencyKind.ELDERLY_FACILITY,
    AgencyKind.DISABILITY_PROVIDER,
    AgencyKind.REHAB_FACILITY,
    AgencyKind.HOSPITAL,
)


class CandidatesTab(RecordsTab[CandidateView]):
    TITLE = "受入先候補"

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        columns: list[Column[CandidateView]] = [
            Column("受入先候補", lambda c: c.name),
            Column("関係機関", lambda c: "名簿" if c.agency_id else ""),
            Column("種別", lambda c: DestinationKind(c.destination_kind).label if c.destination_kind else ""),
            Column("状況", lambda c: c.status.label),
            Column("最初の打診", lambda c: short_wareki(c.contacted_on)),
            Column("メモ", lambda c: (c.note or "").replace("\n", " ")),
        ]
        super().__init__(context, case_id, columns, parent)
        self.attempts: list[AttemptView] = []
        self.history_label = QLabel(self.tr("選んだ候補の経過"), self)
        self.history: RowsModel[AttemptView] = RowsModel(
            [
                Column(self.tr("日付"), lambda a: short_wareki(a.happened_on), lambda a: a.happened_on),
                Column(self.tr("段階"), lambda a: a.step.label),
                Column(self.tr("結果"), lambda a: a.outcome.label if a.outcome else ""),
                Column(self.tr("理由"), lambda a: a.reason or ""),
                Column(self.tr("メモ"), lambda a: a.note or ""),
                Column(self.tr("記録者"), lambda a: a.staff_name),
            ]
        )
        self.history_table = QTableView(self)
        self.history_table.setObjectName("candidateAttempts")
        self.history_table.setModel(self.history)
        self.history_table.setAccessibleName(self.tr("選んだ候補の経過"))
        self.history_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.history_label)
        layout.addWidget(self.history_table)
        self.status = QLabel(self)
        self.status.setObjectName("candidateStatus")
        layout.addWidget(self.status)
        self.add_button(self.tr("候補を追加(&A)…"), self.add)
        self.add_button(self.tr("経過を記録(&R)…"), self.record_attempt)
        self.add_button(self.tr("メモを編集…"), self.edit_note)
        self.add_button(CandidateStatus.DECIDED.label, self.decide)
        self.table.clicked.connect(lambda _index: self._show_history())

    def load(self) -> None:
        case_id = self.case_id
        QueryOp(
            self.context,
            lambda s: (coordination.list_candidates(s, case_id), coordination.list_attempts(s, case_id)),
            self._loaded,
        ).run_in_background()

    def _loaded(self, data: tuple[list[CandidateView], list[AttemptView]]) -> None:
        chosen = self.selected()
        candidates, self.attempts = data
        self.model.set_rows(candidates)
        if chosen is not None:
            for row, candidate in enumerate(candidates):
                if candidate.id == chosen.id:
                    self.table.selectRow(row)
        self._show_history()

    def _show_history(self) -> None:
        chosen = self.selected()
        self.history.set_rows(
            [a for a in self.attempts if chosen is not None and a.candidate_id == chosen.id]
        )

    def clear(self) -> None:
        super().clear()
        self.attempts = []
        self.history.clear()

    # -- actions ----------------------------------------------------------------------------------

    def add(self) -> FormDialog:
        """A candidate from the directory (its name from there), or a new name — added to the directory
        too when its kind is chosen."""
        fields = [
            Field("name", "名称"),
            Field("agency_id", "関係機関から選ぶ", "choice"),
            Field("new_agency_kind", "名簿にない機関は種類を選んで名簿にも登録", "code", AgencyKind),
            Field("destination_kind", "種別", "code", DestinationKind),
            Field("contacted_on", "打診日", "date"),
            Field("note", "メモ", "multiline"),
        ]

        def make(v: dict[str, Any]) -> Job:
            case_id = self.case_id
            kind = AgencyKind(v["new_agency_kind"]) if v["new_agency_kind"] and not v["agency_id"] else None
            return lambda s: coordination.add_candidate(
                s, case_id, name=v["name"] or "", destination_kind=v["destination_kind"],
                agency_id=v["agency_id"] or None, contacted_on=v["contacted_on"], note=v["note"],
                new_agency_kind=kind,
            )  # fmt: skip

        dialog = FormDialog(self.tr("受入先候補を追加"), fields, self.context, make, None, self)
        dialog.open()
        offer_agencies(self.context, dialog.form, "agency_id", first=PLACES)
        return dialog

    def record_attempt(self) -> FormDialog | None:
        chosen = self.selected()
        if chosen is None:
            self.status.setText(self.tr("経過を記録する候補を選んでください"))
            return None
        fields = [
            Field("step", "段階", "code", PlacementStep),
            Field("happened_on", "日付", "date"),
            Field("outcome", "結果 (回答のとき)", "code", CandidateStatus),
            Field("reason", "理由 (不可のときは必須)"),
            Field("note", "メモ", "multiline"),
        ]

        def make(v: dict[str, Any]) -> Job:
            outcome = CandidateStatus(v["outcome"]) if v["outcome"] else None
            step = PlacementStep(v["step"] or str(PlacementStep.OFFER))  # shown as 打診 when the dialog opens
            return lambda s: coordination.record_attempt(
                s, chosen.id, step, on=v["happened_on"], outcome=outcome, reason=v["reason"], note=v["note"]
            )

        dialog = FormDialog(
            self.tr("受入先調整の経過: {0}").format(chosen.name), fields, self.context, make, None, self
        )
        dialog.form.set_values({"happened_on": date.today(), "step": str(PlacementStep.OFFER)})
        dialog.open()
        return dialog

    def edit_note(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        text = dialogs.ask_text(self, self.tr("メモを編集"), chosen.name, chosen.note or "")
        if text is None:
            return
        ChangeOp(
            self.context,
            lambda s: coordination.update_candidate_note(
                s, chosen.id, text, expected_revision=chosen.revision
            ),
        ).failure(lambda error: self.status.setText(message_for(error))).run_in_background()

    def decide(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            ChangeOp(
                self.context,
                lambda s: coordination.set_candidate_status(s, chosen.id, CandidateStatus.DECIDED),
            ).failure(lambda error: self.status.setText(message_for(error))).run_in_background()
