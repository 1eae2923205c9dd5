"""ORM models. Import from here so that every table is registered on `Base.metadata`."""

from teiretsu_desktop.store.models.base import Base, Record, new_id, utc_now
from teiretsu_desktop.store.models.core import AuditEntry, CenterProfile, Setting, Staff, StoreMeta

__all__ = [
    "AuditEntry",
    "Base",
    "CenterProfile",
    "Record",
    "Setting",
    "Staff",
    "StoreMeta",
    "new_id",
    "utc_now",
]
