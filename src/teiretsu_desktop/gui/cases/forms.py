"""The fields of a person and of a case, and their conversion to the services' input types."""

from __future__ import annotations

from dataclasses import fields as dc_fields
from typing import Any

from teiretsu_desktop.domain.codes import (
    BusinessLine,
    CareLevel,
    CenterRole,
    ClosureReason,
    DestinationKind,
    DisabilityKind,
    Readmission,
    RegistrationStatus,
    Requester,
    SentenceKind,
    Sex,
    SupportCategory,
    TargetCategory,
)
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.gui.widgets.form import Field
from teiretsu_desktop.services.cases import CaseInput, CaseView
from teiretsu_desktop.services.persons import CertificateInput, PersonInput, PersonView

PERSON_FIELDS = [
    Field("family_name", "氏名 (姓)"),
    Field("given_name", "氏名 (名)"),
    Field("family_kana", "ふりがな (姓)"),
    Field("given_kana", "ふりがな (名)"),
    Field("alias", "通称"),
    Field("former_names", "旧姓・旧名 (、で区切る)"),
    Field("birth_date", "生年月日", "date"),
    Field("sex", "性別", "code", Sex),
    Field("nationality", "国籍"),
    Field("phone", "電話"),
    Field("registered_address", "住民票所在地"),
    Field("registration_status", "住民票の状態", "code", RegistrationStatus),
    Field("desired_return_area", "帰住希望地"),
]
DISABILITY_FIELDS = [
    Field("disabilities", "障害種別", "codes", DisabilityKind),
    Field("support_category", "障害支援区分", "code", SupportCategory),
    Field("care_level", "要介護度", "code", CareLevel),
    Field("care_valid_until", "要介護認定の有効期限", "date"),
    Field("public_assistance", "生活保護を受けている", "bool"),
    Field("pension", "年金"),
    Field("health_insurance", "健康保険"),
    Field("money_management", "金銭管理"),
    Field("family_contacts", "家族・関係者", "multiline"),
    Field("emergency_contact", "緊急連絡先", "multiline"),
    Field("wishes", "本人の希望", "multiline"),
    Field("life_history", "生活歴 (要配慮)", "multiline", sensitive=True),
    Field("diagnosis", "診断名 (要配慮)", "multiline", sensitive=True),
    Field("medical_notes", "主治医・服薬 (要配慮)", "multiline", sensitive=True),
]
CASE_FIELDS = [
    Field("business_line", "業務区分", "code", BusinessLine),
    Field("center_role", "センターの役割", "code", CenterRole),
    Field("partner_center", "相手センター"),
    Field("partner_reference", "相手の整理番号"),
    Field("requester", "依頼元", "code", Requester),
    Field("requester_agency_id", "依頼元の機関", "choice"),
    Field("requester_document_no", "依頼文書番号"),
    Field("request_date", "依頼日", "date"),
    Field("target_category", "対象者区分", "code", TargetCategory),
    Field("facility_name", "矯正施設・留置施設"),
    Field("sentence_kind", "刑名", "code", SentenceKind),
    Field("offence", "罪名 (要配慮)", sensitive=True),
    Field("sentence_end", "刑期満了日", "date"),
    Field("expected_release", "釈放予定日", "date"),
    Field("detention_expiry", "勾留満期日", "date"),
    Field("lawyer_name", "弁護人"),
    Field("lawyer_contact", "弁護人の連絡先"),
    Field("protection_card", "保護カード交付", "bool"),
    Field("emergency_aid_applied_on", "更生緊急保護の申出日", "date"),
    Field("emergency_aid_until", "更生緊急保護の期間の終わり", "date"),
    Field("primary_staff_id", "主担当", "choice"),
    Field("secondary_staff_id", "副担当", "choice"),
    Field("remarks", "備考", "multiline"),
]
OUTCOME_FIELDS = [
    Field("release_date", "帰住日・釈放日", "date"),
    Field("destination_kind", "帰住先の種別", "code", DestinationKind),
    Field("destination_name", "帰住先の名称"),
    Field("closure_date", "終結日", "date"),
    Field("closure_reason", "終結理由", "code", ClosureReason),
    Field("readmission", "再入所", "code", Readmission),
    Field("readmission_date", "再入所日", "date"),
    Field("readmission_source", "再入所の情報源"),
]
FOLLOW_UP_FIELDS = [Field("follow_up_planned_end", "フォローアップ終了目途", "date")]

SENSITIVE_KEYS = {f.key for f in PERSON_FIELDS + DISABILITY_FIELDS + CASE_FIELDS if f.sensitive}


def person_input(values: dict[str, Any], certificates: tuple[CertificateInput, ...]) -> PersonInput:
    if not values.get("family_name"):
        raise InvalidInput("氏名 (姓) を入力してください")
    former = tuple(
        n.strip() for n in (values.get("former_names") or "").replace(",", "、").split("、") if n.strip()
    )

    def code(enum: type, key: str) -> Any:
        return enum(values[key]) if values.get(key) else None

    return PersonInput(
        family_name=values["family_name"],
        given_name=values.get("given_name") or "",
        family_kana=values.get("family_kana") or "",
        given_kana=values.get("given_kana") or "",
        alias=values.get("alias"),
        former_names=former,
        birth_date=values.get("birth_date"),
        sex=code(Sex, "sex"),
        nationality=values.get("nationality"),
        phone=values.get("phone"),
        registered_address=values.get("registered_address"),
        registration_status=code(RegistrationStatus, "registration_status"),
        desired_return_area=values.get("desired_return_area"),
        disabilities=tuple(DisabilityKind(d) for d in values.get("disabilities") or ()),
        certificates=certificates,
        support_category=code(SupportCategory, "support_category"),
        care_level=code(CareLevel, "care_level"),
        care_valid_until=values.get("care_valid_until"),
        public_assistance=values.get("public_assistance"),
        pension=values.get("pension"),
        health_insurance=values.get("health_insurance"),
        money_management=values.get("money_management"),
        family_contacts=values.get("family_contacts"),
        emergency_contact=values.get("emergency_contact"),
        wishes=values.get("wishes"),
        life_history=values.get("life_history"),
        diagnosis=values.get("diagnosis"),
        medical_notes=values.get("medical_notes"),
    )


def person_values(view: PersonView) -> dict[str, Any]:
    values = {f.name: getattr(view, f.name) for f in dc_fields(PersonInput)}
    values["former_names"] = "、".join(view.former_names)
    return values


def case_input(values: dict[str, Any]) -> CaseInput:
    if not values.get("business_line"):
        raise InvalidInput("業務区分を選んでください")
    known = {f.name for f in dc_fields(CaseInput)}
    data = {k: v for k, v in values.items() if k in known}
    data["business_line"] = BusinessLine(values["business_line"])
    data["readmission"] = values.get("readmission") or "unknown"
    return CaseInput(**data)


def case_values(view: CaseView) -> dict[str, Any]:
    return {f.name: getattr(view, f.name) for f in dc_fields(CaseInput)}
