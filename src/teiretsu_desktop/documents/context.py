"""The named data a form binds to, read from the services for one case (or blank for a blank sheet)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from teiretsu_desktop.domain.assessment import ITEM_KEYS
from teiretsu_desktop.domain.codes import (
    BusinessLine,
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
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import (
    activities,
    assessment,
    cases,
    consent,
    coordination,
    directory,
    meetings,
    persons,
    plan,
)
from teiretsu_desktop.services.settings import center_info, load_settings
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
    business_line: BusinessLine | None = None


UNKNOWN = "未確認"  # a fact never asked or not yet known prints as this — never as なし


def _known(text: str | None) -> str:
    return text if text else UNKNOWN


def blank_context(session: StaffSession) -> FormContext:
    center = center_info(session)
    settings = load_settings(session)
    # One letterhead line (所在地 TEL FAX), empty when the center has not set them.
    contact = "　".join(
        x for x in (settings.center_address,
                    f"TEL {settings.center_phone}" if settings.center_phone else "",
                    f"FAX {settings.center_fax}" if settings.center_fax else "") if x
    )  # fmt: skip
    return FormContext(values={"center.name": center.center_name, "center.code": center.center_code,
                               "center.address": settings.center_address, "center.phone": settings.center_phone,
                               "center.fax": settings.center_fax, "center.contact": contact,
                               "today": wareki(date.today()), "staff.name": session.actor.display_name})  # fmt: skip


def describe_basis(basis: consent.Basis | None, *, internal: bool) -> dict[str, str]:
    """The letter's wording follows the basis of the provision; it never claims a consent not used."""
    if internal:
        return {"provision.basis": "", "provision.statement": "センター控え（外部には提供しません）"}
    if basis is None or not basis.coverage.needed:
        return {"provision.basis": "", "provision.statement": ""}
    if basis.override_reason is not None:
        return {
            "provision.basis": "",
            "provision.statement": f"提供の根拠：ご本人の同意によらない提供（理由：{basis.override_reason}）",
        }
    given = wareki(basis.consent_given_on)
    return {
        "provision.basis": f"ご本人の同意（{given}）に基づき、",
        "provision.statement": f"提供の根拠：ご本人の同意（{given}）",
    }


def case_context(
    session: StaffSession,
    case_id: str,
    *,
    recipient_name: str = "",
    period: tuple[datetime, datetime] | None = None,
    consent_id: str | None = None,
    meeting_id: str | None = None,
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
            "person.registration_status": _known(person.registration_status.label if person.registration_status else None),
            "person.phone": person.phone or "",
            "person.desired_return_area": person.desired_return_area or "",
            "person.disabilities": _known("・".join(d.label for d in person.disabilities)),
            "person.certificates": certificates,
            "person.support_category": _known(_label(SupportCategory, person.support_category)),
            "person.care_level": _known(_label(CareLevel, person.care_level)),
            "person.public_assistance": "受給中" if person.public_assistance else ("なし" if person.public_assistance is False else UNKNOWN),
            "person.pension": _known(person.pension),
            "person.health_insurance": _known(person.health_insurance),
            "person.money_management": _known(person.money_management),
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
            "case.requester_office": _office_name(session, case.requester_agency_id) or _label(Requester, case.requester),
            "case.protection_card": _yes_no(case.protection_card, "交付あり", "交付なし"),
            "case.emergency_aid_applied_on": wareki(case.emergency_aid_applied_on),
            "case.emergency_aid_until": wareki(case.emergency_aid_until),
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
    # The 同意書 prints the consent being prepared: the one chosen, else this case's newest draft or
    # the one in force, so the paper to sign states its purpose, recipients and period.
    ours = [c for c in consents if c.case_id == case_id]
    chosen = next((c for c in consents if c.id == consent_id), None) if consent_id else None
    chosen = chosen or next((c for c in ours if c.state_on(today) in ("署名前", "有効")), None)
    ctx.values.update(
        {
            "consent.purpose": chosen.purpose if chosen else "",
            "consent.recipients": chosen.recipients_text() if chosen else "",
            "consent.given_on": wareki(chosen.given_on) if chosen else "",
            "consent.expires_on": (wareki(chosen.expires_on) or "定めなし（撤回まで）") if chosen else "",
            "consent.state": (
                f"{chosen.state_on(today)}（{chosen.recipients_text()}）"
                + (f" 同意日 {wareki(chosen.given_on)}" if chosen.given_on else "")
                if chosen
                else "この支援についての同意の記録なし"
            ),
        }
    )
    ctx.lists["consents"] = [
        {"given_on": wareki(c.given_on), "purpose": c.purpose, "recipients": c.recipients_text(),
         "method": c.method.label, "expires_on": wareki(c.expires_on), "state": c.state_on(today),
         "given_by": c.given_by.label if c.given_by else "", "withdrawn_on": wareki(c.withdrawn_on)}
        for c in consents
    ]  # fmt: skip
    start_day, end_day = (period[0].date(), period[1].date()) if period else (None, None)
    ctx.lists["disclosures"] = [
        {"provided_on": wareki(d.provided_on), "recipient": d.recipient.label, "recipient_name": d.recipient_name or "",
         "method": d.method.label, "items": "、".join(d.items), "basis": d.basis_text(),
         "staff": staff.get(d.staff_id or "", "")}
        for d in consent.list_disclosures(session, person.id, start=start_day, end=end_day)
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
    ctx.lists["plan"] = [
        {"no": str(p.position), "need": p.need, "goal": p.goal, "action": p.action,
         "agency": " / ".join(x for x in (p.agency_name, p.responsible) if x),
         "responsible": p.responsible, "due_on": wareki(p.due_on), "status": p.status.label}
        for p in plan.list_plan(session, case_id)
    ]  # fmt: skip
    ctx.values.update(_assessment_values(session, case_id))
    _add_meeting(ctx, session, case_id, meeting_id)
    start, end = period if period else (None, None)
    ctx.activities = activities.list_activities(session, case_id, start=start, end=end)
    ctx.values["period"] = _period_text(period)
    ctx.person_id, ctx.case_id, ctx.business_line = person.id, case_id, case.business_line
    return ctx


def _assessment_values(session: StaffSession, case_id: str) -> dict[str, str]:
    """The latest アセスメント (its items only for roles that may read them; the form's groups decide
    what is printed)."""
    if not session.can(Permission.READ_SENSITIVE):
        return {}
    latest = next(iter(assessment.list_assessments(session, case_id)), None)
    if latest is None or latest.items is None:
        return {"assessment.version": "未実施"}
    values = {f"assessment.{key}": latest.items.get(key, "") for key in ITEM_KEYS}
    values["assessment.version"] = f"第{latest.version}版（{wareki(latest.written_on)}）"
    values["assessment.staff"] = latest.staff_name
    return values


def _yes_no(value: bool | None, yes: str, no: str) -> str:
    return UNKNOWN if value is None else (yes if value else no)


def _office_name(session: StaffSession, agency_id: str | None) -> str:
    office = directory.get_agency(session, agency_id) if agency_id else None
    return office.name if office is not None else ""


def _add_meeting(ctx: FormContext, session: StaffSession, case_id: str, meeting_id: str | None) -> None:
    """The ケース会議記録 prints the meeting chosen, else the latest one."""
    held = meetings.list_meetings(session, case_id)
    chosen = next((m for m in held if m.id == meeting_id), None) if meeting_id else None
    chosen = chosen or next(iter(held), None)
    if chosen is None:
        ctx.values["meeting.kind"] = "記録された会議はありません"
        ctx.lists["decisions"] = []
        return
    ctx.values.update(
        {
            "meeting.kind": chosen.kind.label,
            "meeting.held_on": wareki(chosen.held_on),
            "meeting.place": chosen.place,
            "meeting.attendees": chosen.attendees_text(),
            "meeting.agenda": chosen.agenda,
            "meeting.summary": chosen.summary,
            "meeting.shared": "、".join(i.label for i in chosen.shared_items) or "なし",
        }
    )
    ctx.lists["decisions"] = [
        {"no": str(d.position), "text": d.text, "responsible": d.responsible, "due_on": wareki(d.due_on)}
        for d in chosen.decisions
    ]


def _period_text(period: tuple[datetime, datetime] | None) -> str:
    return f"{wareki(period[0].date())} 〜 {wareki(period[1].date())}" if period else "全期間"


def center_register_context(session: StaffSession, period: tuple[datetime, datetime] | None) -> FormContext:
    """Every provision the center made in `period`, for every person (第三者提供記録簿（期間）)."""
    ctx = blank_context(session)
    staff = {c.staff_id: c.display_name for c in list_colleagues(session)}
    start, end = (period[0].date(), period[1].date()) if period else (None, None)
    provisions = consent.list_disclosures(session, start=start, end=end)
    names = persons.names_of(session, {d.person_id for d in provisions})
    ctx.lists["disclosures"] = [
        {"provided_on": wareki(d.provided_on), "person": names.get(d.person_id, ""), "recipient": d.recipient.label,
         "recipient_name": d.recipient_name or "", "method": d.method.label, "items": "、".join(d.items),
         "basis": d.basis_text(), "staff": staff.get(d.staff_id or "", "")}
        for d in reversed(provisions)
    ]  # fmt: skip
    ctx.values["period"] = _period_text(period)
    return ctx


def lookup(ctx: FormContext, key: str) -> Any:
    return ctx.values.get(key, "")
