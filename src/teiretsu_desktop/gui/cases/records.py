"""Case tabs over lists of records: 申請支援, フォローアップの見直し (受入先調整 is in candidates.py, 同意 and
提供記録 in consent_register.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import (
    ApplicationKind,
    ApplicationStatus,
    ReviewDecision,
)
from teiretsu_desktop.domain.wareki import short_wareki
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import cases, coordination

R = TypeVar("R")


class RecordsTab(QWidget, Generic[R]):
    """A table of records with action buttons; the case window reloads it when its records change."""

    TITLE = ""  # the table's accessible name

    def __init__(
        self, context: AppContext, case_id: str, columns: list[Column[R]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.model: RowsModel[R] = RowsModel(columns)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.TITLE)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, action: Callable[[], object]) -> QPushButton | None:
        """An action button, offered only to roles that may change the case (not to 事務)."""
        if not self.context.session.can(Permission.WRITE_CASES):
            return None
        button = Button(text, self)
        button.clicked.connect(action)
        self.buttons.addWidget(button)
        return button

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def load(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        self.model.clear()


class ApplicationsTab(RecordsTab[coordination.ApplicationView]):
    TITLE = "申請支援"

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        columns: list[Column[coordination.ApplicationView]] = [
            Column("申請", lambda a: a.kind.label),
            Column("状況", lambda a: a.status.label),
            Column("申請日", lambda a: short_wareki(a.applied_on)),
            Column("決定日", lambda a: short_wareki(a.decided_on)),
            Column("交付日", lambda a: short_wareki(a.issued_on)),
            Column("更新期限", lambda a: short_wareki(a.renew_by)),
            Column("窓口", lambda a: a.office or ""),
            Column("メモ", lambda a: a.note or ""),
        ]
        super().__init__(context, case_id, columns, parent)
        # A new application is always a new line (several of one kind do not overwrite each other);
        # the selected one is updated with its own button.
        self.add_button(self.tr("申請を追加(&A)…"), self.add)
        self.add_button(self.tr("選んだ申請を更新(&E)…"), self.edit)

    def load(self) -> None:
        case_id = self.case_id
        QueryOp(
            self.context, lambda s: coordination.list_applications(s, case_id), self.model.set_rows
        ).run_in_background()

    def add(self) -> FormDialog:
        return self._open(None)

    def edit(self) -> FormDialog | None:
        chosen = self.selected()
        return self._open(chosen) if chosen is not None else None

    def _open(self, chosen: coordination.ApplicationView | None) -> FormDialog:
        fields = [
            Field("kind", "申請", "code", ApplicationKind),
            Field("status", "状況", "code", ApplicationStatus),
            Field("applied_on", "申請日", "date"),
            Field("decided_on", "決定日", "date"),
            Field("issued_on", "交付日", "date"),
            Field("renew_by", "更新期限", "date"),
            Field("office", "窓口"),
            Field("note", "メモ", "multiline"),
        ]
        application_id = chosen.id if chosen is not None else None

        def make(v: dict[str, Any]) -> Job:
            case_id = self.case_id
            return lambda s: coordination.set_application(
                s, case_id, ApplicationKind(v["kind"] or "other"),
                status=ApplicationStatus(v["status"] or "todo"), applied_on=v["applied_on"], decided_on=v["decided_on"],
                office=v["office"], note=v["note"], issued_on=v["issued_on"], renew_by=v["renew_by"],
                application_id=application_id,
            )  # fmt: skip

        dialog = FormDialog(self.tr("申請支援"), fields, self.context, make, None, self)
        if chosen is not None:
            dialog.form.set_values({"kind": chosen.kind, "status": chosen.status, "applied_on": chosen.applied_on,
                                    "decided_on": chosen.decided_on, "issued_on": chosen.issued_on,
                                    "renew_by": chosen.renew_by, "office": chosen.office, "note": chosen.note})  # fmt: skip
        dialog.open()
        return dialog


class ReviewsTab(RecordsTab[cases.ReviewView]):
    TITLE = "見直し"

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        columns: list[Column[cases.ReviewView]] = [
            Column("見直し日", lambda r: short_wareki(r.reviewed_on), lambda r: r.reviewed_on.isoformat()),
            Column("判断", lambda r: r.decision.label),
            Column("メモ", lambda r: r.note or ""),
        ]
        super().__init__(context, case_id, columns, parent)
        self.add_button(self.tr("見直しを記録(&R)…"), self.record)

    def load(self) -> None:
        case_id = self.case_id
        QueryOp(
            self.context, lambda s: cases.list_reviews(s, case_id), self.model.set_rows
        ).run_in_background()

    def record(self) -> None:
        fields = [
            Field("reviewed_on", "見直し日", "date"),
            Field("decision", "判断", "code", ReviewDecision),
            Field("note", "受入先と確認した課題など", "multiline"),
        ]

        def make(v: dict[str, Any]) -> Job:
            case_id = self.case_id
            return lambda s: cases.record_review(
                s, case_id, reviewed_on=v["reviewed_on"] or date.today(),
                decision=ReviewDecision(v["decision"] or "continue"), note=v["note"],
            )  # fmt: skip

        dialog = FormDialog(self.tr("見直しを記録"), fields, self.context, make, None, self)
        dialog.form.set_value("reviewed_on", date.today())
        dialog.open()
