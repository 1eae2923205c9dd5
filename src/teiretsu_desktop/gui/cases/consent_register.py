"""同意・提供記録: one person's consents (准備中, 有効, 期限切れ, 撤回) and every provision of their data.

A consent is prepared first (目的・提供先・有効期限), its 同意書 printed for signature, then recorded as
signed — or recorded at once when it was given orally. A provision told by telephone, sent by FAX,
mail or e-mail, or given at a meeting is recorded here and checked against the consents like a print.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from teiretsu_desktop.domain.codes import (
    SPOKEN_OR_SENT,
    ConsentGiver,
    ConsentMethod,
    RecipientKind,
)
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.wareki import short_wareki
from teiretsu_desktop.gui.cases.records import RecordsTab
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.directory.choices import offer_agencies
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import consent
from teiretsu_desktop.services.consent import (
    DEFAULT_PURPOSE,
    ConsentInput,
    ConsentScope,
    ConsentView,
    DisclosureRequest,
    DisclosureView,
    Signature,
)

# Opens the print dialog on a form (and, for a 同意書, the consent it is for).
OpenPrint = Callable[[str, str | None], object]

GIVERS = [
    (ConsentGiver.SELF.label, str(ConsentGiver.SELF)),
    (ConsentGiver.GUARDIAN.label, str(ConsentGiver.GUARDIAN)),
]
NOT_A_RECIPIENT = (str(RecipientKind.PERSON),)


def _scope_fields() -> list[Field]:
    return [
        Field("purpose", "目的", "multiline"),
        Field("recipients", "提供先", "codes", RecipientKind, omit=NOT_A_RECIPIENT),
        Field("agency", "提供先の機関 (関係機関の一覧から)", "choice"),
        Field("recipient_names", "提供先の名称 (分かれば)"),
        Field("expires_on", "有効期限", "date"),
        Field("method", "説明の方法", "code", ConsentMethod),
    ]


def _signature_fields() -> list[Field]:
    return [
        Field("given_on", "同意日", "date"),
        Field("given_by", "同意者", "choice"),
        Field("giver_name", "法定代理人の氏名"),
        Field("present", "同席者 (家族など。同意者にはなれません)"),
    ]


class ConsentTab(RecordsTab[ConsentView]):
    TITLE = "同意"

    def __init__(
        self,
        context: AppContext,
        case_id: str,
        person_id: str,
        open_print: OpenPrint,
        parent: QWidget | None = None,
    ) -> None:
        columns: list[Column[ConsentView]] = [
            Column("状態", lambda c: c.state_on(date.today())),
            Column("同意日", lambda c: short_wareki(c.given_on), lambda c: (c.given_on or date.max).isoformat()),
            Column("目的", lambda c: c.purpose),
            Column("提供先", lambda c: c.recipients_text()),
            Column("同意者", lambda c: (c.given_by.label if c.given_by else "") + (f" ({c.giver_name})" if c.giver_name else "")),
            Column("有効期限", lambda c: short_wareki(c.expires_on)),
            Column("このケース", lambda c: "○" if c.case_id == case_id else "別のケース"),
        ]  # fmt: skip
        super().__init__(context, case_id, columns, parent)
        self.person_id = person_id
        self.open_print = open_print
        self.add_button(self.tr("同意書を準備(&C)…"), self.prepare)
        if context.session.can(Permission.PRINT_FORMS):
            button = Button(self.tr("同意書を印刷…"), self)
            button.clicked.connect(self.print_form)
            self.buttons.addWidget(button)
        self.add_button(self.tr("署名を記録…"), self.sign)
        self.add_button(self.tr("口頭の同意を記録…"), self.record)
        self.add_button(self.tr("撤回…"), self.withdraw)

    def load(self) -> None:
        person_id = self.person_id
        QueryOp(
            self.context, lambda s: consent.list_consents(s, person_id), self.model.set_rows
        ).run_in_background()

    def prepare(self) -> FormDialog:
        """The 同意書 is prepared before it is signed: purpose, recipients and period as a draft."""

        def make(v: dict[str, Any]) -> Job:
            scope = ConsentScope(
                purpose=v["purpose"] or "",
                recipients=tuple(RecipientKind(r) for r in v["recipients"]),
                agency_ids=(v["agency"],) if v["agency"] else (),
                expires_on=v["expires_on"],
                method=ConsentMethod(v["method"] or "written"),
                recipient_names=v["recipient_names"],
            )
            case_id = self.case_id
            return lambda s: consent.prepare_consent(s, case_id, scope)

        dialog = FormDialog(self.tr("同意書を準備"), _scope_fields(), self.context, make, None, self)
        offer_agencies(self.context, dialog.form, "agency")
        dialog.form.set_value("purpose", DEFAULT_PURPOSE)
        dialog.open()
        return dialog

    def print_form(self) -> None:
        chosen = self.selected() or self._draft()
        easy = chosen is not None and chosen.method is ConsentMethod.EASY_JAPANESE
        self.open_print("consent-easy" if easy else "consent", chosen.id if chosen else None)

    def _draft(self) -> ConsentView | None:
        """The consent to sign: the one selected, else this case's newest one still unsigned."""
        chosen = self.selected()
        if chosen is not None:
            return chosen if chosen.given_on is None else None
        return next((c for c in self.model.rows() if c.given_on is None and c.case_id == self.case_id), None)

    def sign(self) -> FormDialog | None:
        chosen = self._draft()
        if chosen is None:
            return None

        def make(v: dict[str, Any]) -> Job:
            signature = Signature(
                given_on=v["given_on"] or date.today(),
                given_by=ConsentGiver(v["given_by"] or "self"),
                giver_name=v["giver_name"],
                present=v["present"],
            )
            return lambda s: consent.sign_consent(s, chosen.id, signature)

        dialog = FormDialog(self.tr("署名を記録"), _signature_fields(), self.context, make, None, self)
        dialog.form.set_choices("given_by", GIVERS)
        dialog.form.set_values({"given_on": date.today(), "given_by": str(ConsentGiver.SELF)})
        dialog.open()
        return dialog

    def record(self) -> FormDialog:
        def make(v: dict[str, Any]) -> Job:
            data = ConsentInput(
                purpose=v["purpose"] or "",
                recipients=tuple(RecipientKind(r) for r in v["recipients"]),
                agency_ids=(v["agency"],) if v["agency"] else (),
                method=ConsentMethod(v["method"] or "oral"),
                given_on=v["given_on"] or date.today(),
                given_by=ConsentGiver(v["given_by"] or "self"),
                giver_name=v["giver_name"],
                present=v["present"],
                recipient_names=v["recipient_names"],
                expires_on=v["expires_on"],
                case_id=self.case_id,
            )
            person_id = self.person_id
            return lambda s: consent.record_consent(s, person_id, data)

        fields = _scope_fields() + _signature_fields()
        dialog = FormDialog(self.tr("口頭の同意を記録"), fields, self.context, make, None, self)
        offer_agencies(self.context, dialog.form, "agency")
        dialog.form.set_choices("given_by", GIVERS)
        dialog.form.set_values(
            {"purpose": DEFAULT_PURPOSE, "given_on": date.today(), "given_by": str(ConsentGiver.SELF),
             "method": str(ConsentMethod.ORAL)}
        )  # fmt: skip
        dialog.open()
        return dialog

    def withdraw(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        ChangeOp(
            self.context, lambda s: consent.withdraw_consent(s, chosen.id, on=date.today())
        ).run_in_background()


class DisclosuresTab(RecordsTab[DisclosureView]):
    TITLE = "提供記録"

    def __init__(
        self,
        context: AppContext,
        case_id: str,
        person_id: str,
        open_print: OpenPrint,
        parent: QWidget | None = None,
    ) -> None:
        columns: list[Column[DisclosureView]] = [
            Column("提供日", lambda d: short_wareki(d.provided_on), lambda d: d.disclosed_at),
            Column("方法", lambda d: d.method.label),
            Column(
                "提供先", lambda d: d.recipient.label + (f" {d.recipient_name}" if d.recipient_name else "")
            ),
            Column("項目", lambda d: "、".join(d.items)),
            Column("根拠", lambda d: d.basis_text()),
        ]
        super().__init__(context, case_id, columns, parent)
        self.person_id = person_id
        self.open_print = open_print
        self.add_button(self.tr("提供を記録 (電話・FAX・会議など)…"), self.record)
        if context.session.can(Permission.PRINT_FORMS):
            button = Button(self.tr("第三者提供記録簿を印刷…"), self)
            button.clicked.connect(lambda: self.open_print("disclosure-register", None))
            self.buttons.addWidget(button)

    def load(self) -> None:
        person_id = self.person_id
        QueryOp(
            self.context, lambda s: consent.list_disclosures(s, person_id), self.model.set_rows
        ).run_in_background()

    def record(self) -> FormDialog:
        fields = [
            Field("on", "提供日", "date"),
            Field("method", "方法", "choice"),
            Field("recipient", "提供先", "choice"),
            Field("agency", "提供先の機関 (関係機関の一覧から)", "choice"),
            Field("recipient_name", "提供先の名称・担当者"),
            Field("items", "提供した項目 (読点で区切る)"),
            Field("override_reason", "同意によらない提供の理由 (権限のある人)"),
        ]

        def make(v: dict[str, Any]) -> Job:
            items = [x.strip() for x in (v["items"] or "").replace(",", "、").split("、") if x.strip()]
            if not v["recipient"]:
                raise InvalidInput(self.tr("提供先を選んでください"))
            request = DisclosureRequest(
                person_id=self.person_id,
                recipient=RecipientKind(v["recipient"]),
                items=items,
                method=next(c for c in SPOKEN_OR_SENT if str(c) == (v["method"] or "phone")),
                on=v["on"] or date.today(),
                case_id=self.case_id,
                recipient_name=v["recipient_name"],
                agency_id=v["agency"],
                override_reason=v["override_reason"],
            )
            return lambda s: consent.record_disclosure(s, request)

        dialog = FormDialog(self.tr("提供を記録"), fields, self.context, make, None, self)
        offer_agencies(self.context, dialog.form, "agency")
        dialog.form.set_choices("method", [(c.label, str(c)) for c in SPOKEN_OR_SENT])
        dialog.form.set_choices(
            "recipient", [(r.label, str(r)) for r in RecipientKind if r is not RecipientKind.PERSON]
        )
        dialog.form.set_values({"on": date.today(), "method": "phone"})
        dialog.open()
        return dialog


class ConsentRegister(QWidget):
    """The tab 同意・提供記録: consents above, provisions below."""

    def __init__(
        self,
        context: AppContext,
        case_id: str,
        person_id: str,
        open_print: OpenPrint,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.consents = ConsentTab(context, case_id, person_id, open_print, self)
        self.disclosures = DisclosuresTab(context, case_id, person_id, open_print, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.consents)
        splitter.addWidget(self.disclosures)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
