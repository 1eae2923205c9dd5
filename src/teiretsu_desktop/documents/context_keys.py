"""The names a form definition may bind to (checked when a definition is loaded)."""

from __future__ import annotations

VALUE_KEYS = frozenset(
    {
        "person.name", "person.kana", "person.alias", "person.birth_date", "person.age", "person.sex",
        "person.address", "person.registration_status", "person.phone", "person.desired_return_area",
        "person.disabilities", "person.certificates", "person.support_category", "person.care_level",
        "person.public_assistance", "person.pension", "person.health_insurance", "person.money_management",
        "person.family_contacts", "person.emergency_contact", "person.wishes", "person.life_history",
        "person.diagnosis", "person.medical_notes",
        "case.no", "case.line", "case.state", "case.requester", "case.requester_document_no", "case.request_date",
        "case.requester_office", "case.protection_card", "case.emergency_aid_applied_on", "case.emergency_aid_until",
        "consent.state",
        "case.facility", "case.sentence_kind", "case.offence", "case.sentence_end", "case.expected_release",
        "case.detention_expiry", "case.lawyer", "case.release_date", "case.destination", "case.destination_kind",
        "case.follow_up_planned_end", "case.closure_date", "case.closure_reason", "case.readmission",
        "case.primary_staff", "case.partner_center", "case.partner_reference", "case.center_role",
        "center.name", "center.code", "center.address", "center.phone", "center.fax", "center.contact",
        "today", "recipient_name", "staff.name", "period", "provision.basis", "provision.statement",
        "consent.purpose", "consent.recipients", "consent.given_on", "consent.expires_on",
        "assessment.version", "assessment.staff", "assessment.life_history", "assessment.health",
        "assessment.disability", "assessment.care", "assessment.income", "assessment.housing",
        "assessment.family", "assessment.risks", "assessment.strengths", "assessment.wishes",
        "meeting.kind", "meeting.held_on", "meeting.place", "meeting.attendees", "meeting.agenda",
        "meeting.summary", "meeting.shared",
    }
)  # fmt: skip

LIST_KEYS: dict[str, frozenset[str]] = {
    "candidates": frozenset({"name", "kind", "status", "contacted_on", "note"}),
    "applications": frozenset({"kind", "status", "applied_on", "decided_on", "office", "note"}),
    "reviews": frozenset({"reviewed_on", "decision", "note"}),
    "plan": frozenset({"no", "need", "goal", "action", "agency", "responsible", "due_on", "status"}),
    "decisions": frozenset({"no", "text", "responsible", "due_on"}),
    "consents": frozenset(
        {"given_on", "purpose", "recipients", "method", "expires_on", "state", "given_by", "withdrawn_on"}
    ),
    "disclosures": frozenset(
        {"provided_on", "person", "recipient", "recipient_name", "method", "items", "basis", "staff"}
    ),
}
