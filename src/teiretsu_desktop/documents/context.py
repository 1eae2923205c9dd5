"""The named data a form binds to, read from the services for one case (or blank for a blank sheet)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from teiretsu_desktop.domain.codes import (
    CareLevel,
    CenterRole,
    ClosureReason,
    DestinationKind,
    Readmission,
    Requester,
    SentenceKind,
    SupportCategory,
)
from teiretsu_desktop.domain.wareki import age_on, to_wareki
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import activities, cases, consent, coordination, persons
from teiretsu_desktop.services.settings import center_info
from teiretsu_desktop.services.staff import list_colleagues


def wareki(day: date | None) -> str:
    return to_wareki(day) if day else ""


def _label(enum: type, code: str | None) -> str:
    return enum(code).label if code else ""


@dataclass
class FormContext:
    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    activities: list[activities.ActivityView] = field(default_factory=list)
    person_id: str | None = None
    case_id: str | None = None


def blank_context(session: StaffSession) -> FormContext:
    center = center_info(session)
    return FormContext(values={"center.name": center.center_name, "center.code": center.center_code,
                               "today": wareki(date.today()), "staff.name": session.actor.display_name})  # fmt: skip


def case_context(
    session: StaffSession,
    case_id: str,
    *,
    recipient_name: str = "",
    period: tuple[datetime, datetime] | None = None,
) -> FormContext:
    case = cases.get_case(session, case_id)
    person = persons.get_person(session, case.person_id)
    staff = {c.staff_id: c.display_name for c in list_colleagues(session)}
    ctx = blank_context(session)
    today = date.today()
    certificates = "、".join(
        f"{c.kind.label} {c.local_label or c.grade or ''}".strip() + (f" (有効期限 {wareki(c.expires_on)})" if c.expires_on else "")
        for c in person.certificates
    )  # fmt: skip
    ctx.values.update(
        {
            "person.name": f"{person.family_name} {person.given_name}".strip(),
            "person.kana": f"{person.family_kana} {person.given_kana}".strip(),
            "person.alias": person.alias or "",
            "person.birth_date": wareki(person.birth_date),
            "person.age": f"{age_on(person.birth_date, today)}歳" if person.birth_date else "",
            "person.sex": person.sex.label if person.sex else "",
            "person.address": person.registered_address or "",
            "person.registration_status": person.registration_status.label if person.registration_status else "",
            "person.phone": person.phone or "",
            "person.desired_return_area": person.desired_return_area or "",
            "person.disabilities": "・".join(d.label for d in person.disabilities),
            "person.certificates": certificates,
            "person.support_category": _label(SupportCategory, person.support_category),
            "person.care_level": _label(CareLevel, person.care_level),
            "person.public_assistance": "受給中" if person.public_assistance else ("なし" if person.public_assistance is False else ""),
            "person.pension": person.pension or "",
            "person.health_insurance": person.health_insurance or "",
            "person.money_management": person.money_management or "",
            "person.family_contacts": person.family_contacts or "",
            "person.emergency_contact": person.emergency_contact or "",
            "person.wishes": person.wishes or "",
            "person.life_history": person.life_history or "",
            "person.diagnosis": person.diagnosis or "",
            "person.medical_notes": person.medical_notes or "",
            "case.no": case.case_no,
            "case.line": case.business_line.label,
            "case.state": case.state.label,
            "case.requester": _label(Requester, case.requester),
            "case.requester_document_no": case.requester_document_no or "",
            "case.request_date": wareki(case.request_date),
            "case.facility": case.facility_name or "",
            "case.sentence_kind": _label(SentenceKind, case.sentence_kind),
            "case.offence": case.offence or "",
            "case.sentence_end": wareki(case.sentence_end),
            "case.expected_release": wareki(case.expected_release),
            "case.detention_expiry": wareki(case.detention_expiry),
            "case.lawyer": " ".join(x for x in (case.lawyer_name, case.lawyer_contact) if x),
            "case.release_date": wareki(case.release_date),
            "case.destination": case.destination_name or "",
            "case.destination_kind": _label(DestinationKind, case.destination_kind),
            "case.follow_up_planned_end": wareki(case.follow_up_planned_end),
            "case.closure_date": wareki(case.closure_date),
            "case.closure_reason": _label(ClosureReason, case.closure_reason),
            "case.readmission": _label(Readmission, case.readmission),
            "case.primary_staff": staff.get(case.primary_staff_id or "", ""),
            "case.partner_center": case.partner_center or "",
            "case.partner_reference": case.partner_reference or "",
            "case.center_role": _label(CenterRole, case.center_role),
            "recipient_name": recipient_name,
        }
    )  # fmt: skip
    consents = consent.list_consents(session, person.id)
    active = next((c for c in consents if c.active_on(today)), None)
    ctx.values.update(
        {
            "consent.purpose": active.purpose if active else "",
            "consent.recipients": "・".join(r.label for r in active.recipients) if active else "",
            "consent.given_on": wareki(active.given_on) if active else "",
            "consent.expires_on": wareki(active.expires_on) if active else "",
        }
    )
    ctx.lists["consents"] = [
        {"given_on": wareki(c.given_on), "purpose": c.purpose, "recipients": "・".join(r.label for r in c.recipients),
         "method": c.method.label, "expires_on": wareki(c.expires_on),
         "state": "撤回" if c.withdrawn_on else ("有効" if c.active_on(today) else "期限切れ")}
        for c in consents
    ]  # fmt: skip
    ctx.lists["candidates"] = [
        {"name": c.name, "kind": _label(DestinationKind, c.destination_kind), "status": c.status.label,
         "contacted_on": wareki(c.contacted_on), "note": c.note or ""}
        for c in coordination.list_candidates(session, case_id)
    ]  # fmt: skip
    ctx.lists["applications"] = [
        {"kind": a.kind.label, "status": a.status.label, "applied_on": wareki(a.applied_on),
         "decided_on": wareki(a.decided_on), "office": a.office or "", "note": a.note or ""}
        for a in coordination.list_applications(session, case_id)
    ]  # fmt: skip
    ctx.lists["reviews"] = [
        {"reviewed_on": wareki(r.reviewed_on), "decision": r.decision.label, "note": r.note or ""}
        for r in cases.list_reviews(session, case_id)
    ]  # fmt: skip
    start, end = period if period else (None, None)
    ctx.activities = activities.list_activities(session, case_id, start=start, end=end)
    if period:
        ctx.values["period"] = f"{wareki(period[0].date())} 〜 {wareki(period[1].date())}"
    else:
        ctx.values["period"] = "全期間"
    ctx.person_id, ctx.case_id = person.id, case_id
    return ctx


def lookup(ctx: FormContext, key: str) -> Any:
    return ctx.values.get(key, "")
