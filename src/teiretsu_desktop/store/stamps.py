"""Record ids and time stamps, apart from the models so that the key slots and the lock screen can use
them without loading SQLAlchemy (issue 19)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    """Timestamps are stored as ISO-8601 UTC text with seconds, sortable and unambiguous."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
