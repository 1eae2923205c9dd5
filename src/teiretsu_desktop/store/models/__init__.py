"""ORM models. Import from here so that every table is registered on `Base.metadata`."""

from teiretsu_desktop.store.models.base import Base, Record, new_id, utc_now
from teiretsu_desktop.store.models.cases import (
    Activity,
    ActivityRevision,
    ApplicationSupport,
    CaseReview,
    CaseStateChange,
    Consent,
    Disclosure,
    FormDraft,
    NoteDraft,
    PlacementCandidate,
    SupportCase,
)
from teiretsu_desktop.store.models.core import AuditEntry, CenterProfile, Setting, Staff, StoreMeta
from teiretsu_desktop.store.models.directory import Agency, Consultation, NetworkActivity
from teiretsu_desktop.store.models.people import Certificate, Disability, Person, PersonName

__all__ = [
    "Activity",
    "ActivityRevision",
    "Agency",
    "ApplicationSupport",
    "AuditEntry",
    "Base",
    "CaseReview",
    "CaseStateChange",
    "CenterProfile",
    "Certificate",
    "Consent",
    "Consultation",
    "Disability",
    "Disclosure",
    "FormDraft",
    "NetworkActivity",
    "NoteDraft",
    "Person",
    "PersonName",
    "PlacementCandidate",
    "Record",
    "Setting",
    "Staff",
    "StoreMeta",
    "SupportCase",
    "new_id",
    "utc_now",
]
