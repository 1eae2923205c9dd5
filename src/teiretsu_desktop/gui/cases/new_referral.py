"""新規受付: register the person (warning about a likely duplicate) and open a case in one step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import BusinessLine, DisabilityKind
from teiretsu_desktop.gui.cases.forms import CASE_FIELDS, PERSON_FIELDS, case_input, person_input
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.directory.choices import REQUESTING, offer_agencies
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.form import Field, Form
from teiretsu_desktop.gui.widgets.scroll import scrolling
from teiretsu_desktop.gui.window_geometry import fit_to_screen
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.case_record import register_referral
from teiretsu_desktop.services.cases import CaseInput
from teiretsu_desktop.services.consultations import ConsultationView
from teiretsu_desktop.services.persons import LikelyDuplicate, PersonInput
from teiretsu_desktop.services.staff import list_colleagues

NEW_PERSON = "新しい人として登録する"


class NewReferralDialog(QDialog):
    created = Signal(str)  # case id

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        consultation: ConsultationView | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.consultation_id = consultation.id if consultation is not None else None
        self.setObjectName("newReferral")
        self.setWindowTitle(self.tr("新規受付") if consultation is None else self.tr("相談からケースを作る"))
        fit_to_screen(self, 900, 700)
        person_fields = [f for f in PERSON_FIELDS if f.key in {
            "family_name", "given_name", "family_kana", "given_kana", "alias", "birth_date", "sex",
            "desired_return_area"}] + [Field("disabilities", "障害種別", "codes", DisabilityKind)]  # fmt: skip
        self.person = Form(person_fields, self)
        case_fields = [
            f for f in CASE_FIELDS if not f.sensitive or context.session.can(Permission.WRITE_SENSITIVE)
        ]
        self.case = Form(case_fields, self)
        self.case.set_value("request_date", date.today())
        if consultation is not None:  # the 相談 becomes a 相談支援 case of the person it was about
            self.case.set_values(
                {"business_line": str(BusinessLine.CONSULTATION), "requester": str(consultation.consulter_kind),
                 "request_date": consultation.received_at.date()}
            )  # fmt: skip
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("referralStatus")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        columns = QHBoxLayout()
        for title, form in ((self.tr("対象者"), self.person), (self.tr("依頼"), self.case)):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<h3>{title}</h3>", self))
            box.addWidget(form)
            box.addStretch(1)
            columns.addLayout(box, 1)
        inner = QWidget(self)
        inner.setLayout(columns)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(inner, self))
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        QueryOp(context, list_colleagues, self._staff).run_in_background()
        offer_agencies(context, self.case, "requester_agency_id", first=REQUESTING)
        context.locked.connect(self.reject)

    def _staff(self, staff: list) -> None:  # type: ignore[type-arg]
        choices = [(s.display_name, s.staff_id) for s in staff]
        for key in ("primary_staff_id", "secondary_staff_id"):
            self.case.set_choices(key, choices)
        self.case.set_value("primary_staff_id", self.context.session.actor.staff_id)

    def save(self) -> None:
        try:
            person = person_input(self.person.values(), ())
            case = case_input(self.case.values())
        except Exception as exc:  # InvalidInput from a field
            self.status.setText(message_for(exc))
            return
        self.save_button.setEnabled(False)
        self._register(case, person=person).failure(lambda e: self._dup(e, person, case)).run_in_background(
            initiator=self
        )

    def _register(
        self, case: CaseInput, *, person: PersonInput | None = None, person_id: str | None = None,
        allow_duplicate: bool = False,
    ) -> ChangeOp[str]:  # fmt: skip
        """新規受付 is one use case: the person and the case are written together or not at all."""
        consultation_id = self.consultation_id
        return ChangeOp(
            self.context,
            lambda s: register_referral(
                s,
                case,
                person=person,
                person_id=person_id,
                allow_duplicate=allow_duplicate,
                consultation_id=consultation_id,
            ),
        ).success(self._done)

    def _dup(self, error: BaseException, person: PersonInput, case: CaseInput) -> None:
        if not isinstance(error, LikelyDuplicate):
            self._failed(error)
            return
        labels = [f"{c.name} ({c.kana}) {c.birth_date or ''}" for c in error.candidates]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("同じ人かもしれません"),
            self.tr("登録済みの人と似ています。同じ人なら選んでください。"),
            [*labels, self.tr(NEW_PERSON)],
            0,
            False,
        )
        if not ok:
            self.save_button.setEnabled(True)
            return
        if choice in labels:
            known = error.candidates[labels.index(choice)].id
            self._register(case, person_id=known).failure(self._failed).run_in_background(initiator=self)
        else:
            self._register(case, person=person, allow_duplicate=True).failure(self._failed).run_in_background(
                initiator=self
            )

    def _done(self, case_id: str) -> None:
        self.created.emit(case_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(message_for(error))
