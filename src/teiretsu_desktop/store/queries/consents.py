"""Consent lookups used by transitions and by disclosure checks."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import Consent


def active_consents(session: Session, person_id: str, on: date) -> list[Consent]:
    """Consents given on or before `on`, not withdrawn by then and not expired."""
    return list(
        session.execute(
            select(Consent)
            .where(
                Consent.person_id == person_id,
                Consent.given_on <= on,
                or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > on),
                or_(Consent.expires_on.is_(None), Consent.expires_on >= on),
            )
            .order_by(Consent.given_on.desc())
        ).scalars()
    )


def has_active_consent(session: Session, person_id: str, on: date) -> bool:
    return bool(active_consents(session, person_id, on))


def consent_covering(session: Session, person_id: str, recipient_kind: str, on: date) -> Consent | None:
    for consent in active_consents(session, person_id, on):
        if recipient_kind in json.loads(consent.recipients or "[]"):
            return consent
    return None
