"""ORM models. Import from here so that every table is registered on `Base.metadata`."""

from teiretsu_desktop.store.models import reminder_index as reminder_index  # the derived reminders
from teiretsu_desktop.store.models import sync as sync  # registers the sync tables
from teiretsu_desktop.store.models.base import Base, Record
from teiretsu_desktop.store.models.cases import (
    Activity,
    ActivityRevision,
    ApplicationSupport,
    Assessment,
    CaseMeeting,
    CaseReminder,
    CaseReview,
    CaseStateChange,
    Consent,
    Disclosure,
    EligibilityCheck,
    FormDraft,
    MeetingAttendee,
    MeetingDecision,
    NoteDraft,
    PlacementAttempt,
    PlacementCandidate,
    PlanItem,
    ReminderAction,
    SupportCase,
)
from teiretsu_desktop.store.models.core import AuditEntry, CenterProfile, Setting, Staff, StoreMeta
from teiretsu_desktop.store.models.directory import Agency, Consultation, NetworkActivity, SelectionAdvice
from teiretsu_desktop.store.models.people import Certificate, Disability, Person, PersonName
from teiretsu_desktop.store.sealed import SealedText
from teiretsu_desktop.store.stamps import new_id, utc_now


def sealed_columns() -> list[tuple[type[Base], str]]:
    """Every (model, attribute) stored as SealedText, read from the models themselves."""
    return [
        (mapper.class_, attr.key)
        for mapper in Base.registry.mappers
        for attr in mapper.column_attrs
        if isinstance(attr.columns[0].type, SealedText)
    ]


__all__ = [
    "Activity",
    "ActivityRevision",
    "Agency",
    "ApplicationSupport",
    "Assessment",
    "AuditEntry",
    "Base",
    "CaseMeeting",
    "CaseReminder",
    "CaseReview",
    "CaseStateChange",
    "CenterProfile",
    "Certificate",
    "Consent",
    "Consultation",
    "Disability",
    "Disclosure",
    "EligibilityCheck",
    "FormDraft",
    "MeetingAttendee",
    "MeetingDecision",
    "NetworkActivity",
    "NoteDraft",
    "Person",
    "PersonName",
    "PlacementAttempt",
    "PlacementCandidate",
    "PlanItem",
    "Record",
    "ReminderAction",
    "SelectionAdvice",
    "Setting",
    "Staff",
    "StoreMeta",
    "SupportCase",
    "new_id",
    "sealed_columns",
    "utc_now",
]
