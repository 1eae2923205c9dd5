"""Consent (同意) and the disclosure register (提供記録, APPI 法29条)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from teiretsu_desktop.domain.codes import ConsentGiver, ConsentMethod, RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import Consent, Disclosure, Person, new_id, utc_now
from teiretsu_desktop.store.queries.consents import consent_covering


@dataclass(frozen=True)
class ConsentInput:
    purpose: str
    recipients: tuple[RecipientKind, ...]
    method: ConsentMethod
    given_on: date
    given_by: ConsentGiver = ConsentGiver.SELF
    giver_name: str | None = None
    recipient_names: str | None = None
    scope: str | None = None
    expires_on: date | None = None
    case_id: str | None = None


@dataclass(frozen=True)
class ConsentView(ConsentInput):
    id: str = ""
    person_id: str = ""
    withdrawn_on: date | None = None
    withdrawal_note: str | None = None

    def active_on(self, day: date) -> bool:
        return (
            self.given_on <= day
            and (self.withdrawn_on is None or self.withdrawn_on > day)
            and (self.expires_on is None or self.expires_on >= day)
        )


def _view(c: Consent) -> ConsentView:
    return ConsentView(
        purpose=c.purpose,
        recipients=tuple(RecipientKind(r) for r in json.loads(c.recipients or "[]")),
        method=ConsentMethod(c.method),
        given_on=c.given_on,
        given_by=ConsentGiver(c.given_by),
        giver_name=c.giver_name,
        recipient_names=c.recipient_names,
        scope=c.scope,
        expires_on=c.expires_on,
        case_id=c.case_id,
        id=c.id,
        person_id=c.person_id,
        withdrawn_on=c.withdrawn_on,
        withdrawal_note=c.withdrawal_note,
    )


def record_consent(session: StaffSession, person_id: str, data: ConsentInput) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    if not data.purpose.strip():
        raise InvalidInput("同意の目的を入力してください / Enter the purpose of the consent.")
    if not data.recipients:
        raise InvalidInput("提供先を1つ以上選んでください / Choose at least one recipient.")
    if data.given_by is not ConsentGiver.SELF and not data.giver_name:
        raise InvalidInput("本人以外の同意者の氏名を入力してください / Name who gave consent for the person.")
    if data.expires_on and data.expires_on < data.given_on:
        raise InvalidInput("有効期限が同意日より前です / The expiry is before the consent date.")
    with session.uow() as uow:
        fetch(uow, Person, person_id)
        consent = Consent(
            person_id=person_id,
            case_id=data.case_id,
            purpose=data.purpose.strip(),
            recipients=json.dumps([str(r) for r in data.recipients]),
            recipient_names=data.recipient_names,
            scope=data.scope,
            method=str(data.method),
            given_on=data.given_on,
            given_by=str(data.given_by),
            giver_name=data.giver_name,
            expires_on=data.expires_on,
        )
        uow.session.add(consent)
        uow.session.flush()
        record_change(session, uow, "consent_recorded", "consent", consent.id, {"person": person_id})
        uow.commit()
    return Outcome(consent.id, Changes.of(ChangeKind.CONSENT, consent.id))


def withdraw_consent(
    session: StaffSession, consent_id: str, *, on: date, note: str | None = None
) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        consent = fetch(uow, Consent, consent_id)
        consent.withdrawn_on = on
        consent.withdrawal_note = note
        record_change(session, uow, "consent_withdrawn", "consent", consent_id)
        uow.commit()
    return Outcome(consent_id, Changes.of(ChangeKind.CONSENT, consent_id))


def list_consents(session: StaffSession, person_id: str) -> list[ConsentView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(Consent).where(Consent.person_id == person_id).order_by(Consent.given_on.desc())
        ).scalars()
        return [_view(c) for c in rows]


def consent_for(
    session: StaffSession, person_id: str, recipient: RecipientKind, on: date
) -> ConsentView | None:
    """The active consent that covers giving this person's data to `recipient`, if any."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        found = consent_covering(uow.session, person_id, str(recipient), on)
        return _view(found) if found else None


@dataclass(frozen=True)
class DisclosureRequest:
    person_id: str
    recipient: RecipientKind
    items: Sequence[str]
    method: str  # print | pdf | export
    form_id: str | None = None
    case_id: str | None = None
    recipient_name: str | None = None
    override_reason: str | None = None


def authorise_and_record_disclosure(
    session: StaffSession, request: DisclosureRequest, *, on: date
) -> Outcome[str]:
    """Check consent for a third-party disclosure and write the 提供記録 with an audit entry.

    Without a covering consent the disclosure needs the override permission and a reason. Giving the
    person their own data (RecipientKind.PERSON) needs no consent but is still recorded.
    """
    session.require(Permission.PRINT_FORMS)
    consent_id: str | None = None
    if request.recipient is not RecipientKind.PERSON:
        covering = consent_for(session, request.person_id, request.recipient, on)
        if covering is not None:
            consent_id = covering.id
        elif not request.override_reason:
            raise PermissionDenied(
                f"{request.recipient.label}への提供に有効な同意がありません。同意を記録するか、権限者が理由を入力して"
                f"ください / No consent covers disclosure to {request.recipient.value}."
            )
        else:
            session.require(Permission.OVERRIDE_CONSENT)
    with session.uow() as uow:
        record = Disclosure(
            id=new_id(),
            disclosed_at=utc_now(),
            person_id=request.person_id,
            case_id=request.case_id,
            recipient_kind=str(request.recipient),
            recipient_name=request.recipient_name,
            items=json.dumps(list(request.items), ensure_ascii=False),
            consent_id=consent_id,
            override_reason=None if consent_id else request.override_reason,
            form_id=request.form_id,
            method=request.method,
            staff_id=session.actor.staff_id,
        )
        uow.session.add(record)
        record_change(
            session,
            uow,
            "personal_data_disclosed",
            "disclosure",
            record.id,
            {
                "person": request.person_id,
                "recipient": str(request.recipient),
                "form": request.form_id,
                "method": request.method,
                "override": consent_id is None and request.recipient is not RecipientKind.PERSON,
            },
        )
        uow.commit()
    return Outcome(record.id, Changes.of(ChangeKind.DISCLOSURE, record.id))


@dataclass(frozen=True)
class DisclosureView:
    id: str
    disclosed_at: str
    person_id: str
    case_id: str | None
    recipient: RecipientKind
    recipient_name: str | None
    items: tuple[str, ...]
    consent_id: str | None
    override_reason: str | None
    form_id: str | None
    method: str


def list_disclosures(session: StaffSession, person_id: str | None = None) -> list[DisclosureView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        query = select(Disclosure).order_by(Disclosure.disclosed_at.desc())
        if person_id:
            query = query.where(Disclosure.person_id == person_id)
        return [
            DisclosureView(
                d.id,
                d.disclosed_at,
                d.person_id,
                d.case_id,
                RecipientKind(d.recipient_kind),
                d.recipient_name,
                tuple(json.loads(d.items)),
                d.consent_id,
                d.override_reason,
                d.form_id,
                d.method,
            )
            for d in uow.session.execute(query).scalars()
        ]
