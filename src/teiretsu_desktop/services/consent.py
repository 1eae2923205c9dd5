"""Consent (同意) and the disclosure register (提供記録, APPI 法29条).

A consent is prepared (目的・提供先・期間) before it is signed, printed for signature, and recorded as
given once signed — or recorded as given at once when it was given orally. Every provision of a
person's data to someone else, printed, saved as a file, told on the telephone or at a meeting, is
one 提供記録 checked against the consents on file (domain.consent_rules); without a covering consent it
needs the override permission and a reason, which the record keeps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.codes import (
    ConsentGiver,
    ConsentMethod,
    ConsentStatus,
    ProvisionChannel,
    RecipientKind,
)
from teiretsu_desktop.domain.consent_rules import (
    CAN_GIVE,
    ConsentTerms,
    Coverage,
    ProvisionFacts,
    consent_for_episode,
    coverage,
)
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import Agency, Consent, Disclosure, Person, SupportCase, new_id, utc_now
from teiretsu_desktop.store.unit_of_work import UnitOfWork

DEFAULT_PURPOSE = "福祉サービス等の利用調整のため、関係機関へ必要な範囲で情報を提供すること"


@dataclass(frozen=True)
class ConsentScope:
    """What a consent is for: prepared before signature, printed on the 同意書."""

    purpose: str
    recipients: tuple[RecipientKind, ...]
    agency_ids: tuple[str, ...] = ()
    expires_on: date | None = None
    method: ConsentMethod = ConsentMethod.WRITTEN
    recipient_names: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class Signature:
    """Who gave the consent, when; a family member may be present, not the giver."""

    given_on: date
    given_by: ConsentGiver = ConsentGiver.SELF
    giver_name: str | None = None
    present: str | None = None


@dataclass(frozen=True)
class ConsentInput:
    """A consent recorded as given at once (oral, or a signed paper brought in)."""

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
    agency_ids: tuple[str, ...] = ()
    present: str | None = None


@dataclass(frozen=True)
class ConsentView:
    id: str
    person_id: str
    case_id: str | None
    status: ConsentStatus
    purpose: str
    recipients: tuple[RecipientKind, ...]
    agencies: tuple[tuple[str, str], ...]  # (id, name)
    method: ConsentMethod
    prepared_on: date | None
    given_on: date | None
    given_by: ConsentGiver | None
    giver_name: str | None
    present: str | None
    expires_on: date | None
    withdrawn_on: date | None
    withdrawal_note: str | None
    recipient_names: str | None = None

    def terms(self) -> ConsentTerms:
        return ConsentTerms(
            id=self.id,
            status=self.status,
            given_by=self.given_by,
            given_on=self.given_on,
            expires_on=self.expires_on,
            withdrawn_on=self.withdrawn_on,
            case_id=self.case_id,
            recipients=frozenset(self.recipients),
            agency_ids=frozenset(a for a, _ in self.agencies),
        )

    def state_on(self, day: date) -> str:
        """The state shown in the register: 署名前, 撤回, 期限切れ, 有効 (or 無効 for a family giver)."""
        if self.status is ConsentStatus.DRAFT:
            return "署名前"
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return "撤回"
        if self.expires_on is not None and self.expires_on < day:
            return "期限切れ"
        if self.given_by not in CAN_GIVE:
            return "無効（同意者）"
        return "有効"

    def recipients_text(self) -> str:
        return "・".join([r.label for r in self.recipients] + [name for _, name in self.agencies])


def _recipients(raw: str | None) -> tuple[RecipientKind, ...]:
    return tuple(RecipientKind(r) for r in json.loads(raw or "[]"))


def _views(s: Session, rows: Sequence[Consent]) -> list[ConsentView]:
    wanted = {a for c in rows for a in json.loads(c.agency_ids or "[]")}
    names = (
        {row.id: row.name for row in s.execute(select(Agency.id, Agency.name).where(Agency.id.in_(wanted)))}
        if wanted
        else {}
    )
    return [
        ConsentView(
            id=c.id,
            person_id=c.person_id,
            case_id=c.case_id,
            status=ConsentStatus(c.status),
            purpose=c.purpose,
            recipients=_recipients(c.recipients),
            agencies=tuple((a, names.get(a, "（削除された機関）")) for a in json.loads(c.agency_ids or "[]")),
            method=ConsentMethod(c.method),
            prepared_on=c.prepared_on,
            given_on=c.given_on,
            given_by=ConsentGiver(c.given_by) if c.given_by else None,
            giver_name=c.giver_name,
            present=c.present,
            expires_on=c.expires_on,
            withdrawn_on=c.withdrawn_on,
            withdrawal_note=c.withdrawal_note,
            recipient_names=c.recipient_names,
        )
        for c in rows
    ]


def _consents_of(s: Session, person_id: str) -> list[ConsentView]:
    rows = s.execute(
        select(Consent)
        .where(Consent.person_id == person_id)
        .order_by(Consent.given_on.desc().nulls_first(), Consent.prepared_on.desc())
    ).scalars()
    return _views(s, list(rows))


def _check_scope(s: Session, scope: ConsentScope) -> None:
    if not scope.purpose.strip():
        raise InvalidInput("同意の目的を入力してください / Enter the purpose of the consent.")
    if not scope.recipients and not scope.agency_ids:
        raise InvalidInput("提供先を1つ以上選んでください / Choose at least one recipient.")
    for agency_id in scope.agency_ids:
        if s.get(Agency, agency_id) is None:
            raise InvalidInput(
                "提供先の機関が関係機関の一覧にありません / The agency is not in the directory."
            )


def _check_signature(signature: Signature, scope_expires: date | None) -> None:
    if signature.given_by not in CAN_GIVE:
        raise InvalidInput(
            "要配慮個人情報の提供に同意できるのは本人または法定代理人です。家族は「同席者」に記録してください"
            " / Only the person or a legal representative can consent; record family as present."
        )
    if signature.given_by is ConsentGiver.GUARDIAN and not (signature.giver_name or "").strip():
        raise InvalidInput("法定代理人の氏名を入力してください / Name the legal representative.")
    if scope_expires and scope_expires < signature.given_on:
        raise InvalidInput("有効期限が同意日より前です / The expiry is before the consent date.")


def _person_of_case(s: Session, case_id: str) -> str:
    case = s.get(SupportCase, case_id)
    if case is None:
        raise InvalidInput("ケースが見つかりません / The case was not found.")
    return case.person_id


def prepare_consent(
    session: StaffSession, case_id: str, scope: ConsentScope, *, on: date | None = None
) -> Outcome[str]:
    """A draft consent for this episode, to print on the 同意書 and have signed."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        _check_scope(uow.session, scope)
        person_id = _person_of_case(uow.session, case_id)
        consent = Consent(
            person_id=person_id,
            case_id=case_id,
            status=str(ConsentStatus.DRAFT),
            purpose=scope.purpose.strip(),
            recipients=json.dumps([str(r) for r in scope.recipients]),
            agency_ids=json.dumps(list(scope.agency_ids)) if scope.agency_ids else None,
            recipient_names=scope.recipient_names,
            scope=scope.scope,
            method=str(scope.method),
            prepared_on=on or date.today(),
            expires_on=scope.expires_on,
        )
        uow.session.add(consent)
        uow.session.flush()
        record_change(session, uow, "consent_prepared", "consent", consent.id, {"case": case_id})
        uow.commit()
    return Outcome(consent.id, Changes.of(ChangeKind.CONSENT, consent.id, case=case_id))


def sign_consent(session: StaffSession, consent_id: str, signature: Signature) -> Outcome[str]:
    """The prepared consent was signed: from now it can cover provisions within its scope."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        consent = fetch(uow, Consent, consent_id)
        if consent.status != ConsentStatus.DRAFT:
            raise InvalidInput("この同意は記録済みです / This consent is already recorded as given.")
        _check_signature(signature, consent.expires_on)
        if consent.prepared_on and signature.given_on < consent.prepared_on:
            raise InvalidInput(
                "同意日が同意書の準備日より前です / The consent date is before it was prepared."
            )
        consent.status = str(ConsentStatus.GIVEN)
        consent.given_on = signature.given_on
        consent.given_by = str(signature.given_by)
        consent.giver_name = (signature.giver_name or "").strip() or None
        consent.present = (signature.present or "").strip() or None
        record_change(session, uow, "consent_recorded", "consent", consent.id, {"signed": True})
        uow.commit()
        case_id = consent.case_id
    return Outcome(consent_id, Changes.of(ChangeKind.CONSENT, consent_id, case=case_id))


def record_consent(session: StaffSession, person_id: str, data: ConsentInput) -> Outcome[str]:
    """A consent given at once, for the episode `data.case_id`."""
    session.require(Permission.WRITE_CASES)
    scope = ConsentScope(
        data.purpose, data.recipients, data.agency_ids, data.expires_on, data.method,
        data.recipient_names, data.scope,
    )  # fmt: skip
    signature = Signature(data.given_on, data.given_by, data.giver_name, data.present)
    _check_signature(signature, data.expires_on)
    with session.uow() as uow:
        _check_scope(uow.session, scope)
        fetch(uow, Person, person_id)
        if data.case_id is None:
            raise InvalidInput("同意はケースごとに記録します / A consent is recorded for a case.")
        if _person_of_case(uow.session, data.case_id) != person_id:
            raise InvalidInput("ケースと本人が一致しません / The case belongs to someone else.")
        consent = Consent(
            person_id=person_id,
            case_id=data.case_id,
            status=str(ConsentStatus.GIVEN),
            purpose=data.purpose.strip(),
            recipients=json.dumps([str(r) for r in data.recipients]),
            agency_ids=json.dumps(list(data.agency_ids)) if data.agency_ids else None,
            recipient_names=data.recipient_names,
            scope=data.scope,
            method=str(data.method),
            prepared_on=data.given_on,
            given_on=data.given_on,
            given_by=str(data.given_by),
            giver_name=(data.giver_name or "").strip() or None,
            present=(data.present or "").strip() or None,
            expires_on=data.expires_on,
        )
        uow.session.add(consent)
        uow.session.flush()
        record_change(session, uow, "consent_recorded", "consent", consent.id, {"person": person_id})
        uow.commit()
    return Outcome(consent.id, Changes.of(ChangeKind.CONSENT, consent.id, case=data.case_id))


def withdraw_consent(
    session: StaffSession, consent_id: str, *, on: date, note: str | None = None
) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        consent = fetch(uow, Consent, consent_id)
        if consent.withdrawn_on is not None:
            raise InvalidInput("この同意は撤回済みです / This consent is already withdrawn.")
        if consent.given_on is not None and on < consent.given_on:
            raise InvalidInput("撤回日が同意日より前です / The withdrawal is before the consent.")
        consent.withdrawn_on = on
        consent.withdrawal_note = note
        record_change(session, uow, "consent_withdrawn", "consent", consent_id)
        uow.commit()
        case_id = consent.case_id
    return Outcome(consent_id, Changes.of(ChangeKind.CONSENT, consent_id, case=case_id))


def list_consents(session: StaffSession, person_id: str) -> list[ConsentView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        return _consents_of(uow.session, person_id)


def consent_in_force(
    session: StaffSession, person_id: str, case_id: str, *, on: date | None = None
) -> ConsentView | None:
    """The consent that covers this episode today (for the case header), or None."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        views = _consents_of(uow.session, person_id)
    chosen = consent_for_episode([c.terms() for c in views], case_id=case_id, on=on or date.today())
    return next((c for c in views if c.id == chosen), None)


def get_consent(session: StaffSession, consent_id: str) -> ConsentView:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        return _views(uow.session, [fetch(uow, Consent, consent_id)])[0]


def episode_consent(s: Session, person_id: str, case_id: str, on: date) -> str | None:
    """The consent that lets this episode move to 調整計画作成 (used by the case workflow)."""
    return consent_for_episode([c.terms() for c in _consents_of(s, person_id)], case_id=case_id, on=on)


@dataclass(frozen=True)
class DisclosureRequest:
    """One provision of a person's data: to whom, what, how, when, and on what basis."""

    person_id: str
    recipient: RecipientKind
    items: Sequence[str]
    method: ProvisionChannel
    on: date
    case_id: str | None = None
    recipient_name: str | None = None
    agency_id: str | None = None
    form_id: str | None = None
    override_reason: str | None = None

    def facts(self) -> ProvisionFacts:
        return ProvisionFacts(self.case_id, self.recipient, self.on, self.agency_id)


@dataclass(frozen=True)
class Basis:
    """Why a provision may happen: the consent that covers it, or the override and its reason."""

    coverage: Coverage
    override_reason: str | None = None
    consent_given_on: date | None = None

    @property
    def by_consent(self) -> bool:
        return self.coverage.needed and self.coverage.covered


def check_disclosure(s: Session, session: StaffSession, request: DisclosureRequest) -> Basis:
    """The basis for `request`, or PermissionDenied naming why no consent covers it."""
    consents = _consents_of(s, request.person_id)
    found = coverage([c.terms() for c in consents], request.facts())
    if found.covered:
        given = next((c.given_on for c in consents if c.id == found.consent_id), None)
        return Basis(found, consent_given_on=given)
    reason = (request.override_reason or "").strip()
    if not reason:
        raise PermissionDenied(
            f"{request.recipient.label}への提供を認める同意がありません（{found.explain()}）。"
            "同意を記録するか、権限のある人が「同意によらない提供」の理由を入力してください"
            f" / No consent covers a provision to {request.recipient.value}."
        )
    session.require(Permission.OVERRIDE_CONSENT)
    return Basis(found, override_reason=reason)


def basis_for(session: StaffSession, request: DisclosureRequest) -> Basis:
    """Check only (nothing is written): what a print preview shows and words the letter by."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        return check_disclosure(uow.session, session, request)


def write_disclosure(uow: UnitOfWork, session: StaffSession, request: DisclosureRequest) -> Disclosure:
    """The 提供記録 and its audit entry, inside the caller's transaction (a meeting's attendee is recorded
    with it); refused, writing nothing, when neither a consent nor an authorised override covers it."""
    fetch(uow, Person, request.person_id)
    recipient_name = request.recipient_name
    if request.agency_id is not None:
        recipient_name = recipient_name or fetch(uow, Agency, request.agency_id).name
    basis = check_disclosure(uow.session, session, request)
    record = Disclosure(
        id=new_id(),
        disclosed_at=utc_now(),
        provided_on=request.on,
        person_id=request.person_id,
        case_id=request.case_id,
        recipient_kind=str(request.recipient),
        recipient_name=recipient_name,
        agency_id=request.agency_id,
        items=json.dumps(list(request.items), ensure_ascii=False),
        consent_id=basis.coverage.consent_id,
        override_reason=basis.override_reason,
        form_id=request.form_id,
        method=str(request.method),
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
            "method": str(request.method),
            "override": basis.override_reason is not None,
        },
    )
    return record


def record_disclosure(session: StaffSession, request: DisclosureRequest) -> Outcome[str]:
    """Write the 提供記録 (and its audit entry) for a provision that happens now."""
    if request.method in (ProvisionChannel.PRINT, ProvisionChannel.PDF, ProvisionChannel.EXPORT):
        session.require(Permission.PRINT_FORMS)
    else:
        session.require(Permission.WRITE_CASES)
    if not list(request.items):
        raise InvalidInput("提供した項目を入力してください / Say which items were provided.")
    if request.on > date.today():
        raise InvalidInput("提供日が未来です / The provision date is in the future.")
    with session.uow() as uow:
        record = write_disclosure(uow, session, request)
        uow.commit()
    return Outcome(record.id, Changes.of(ChangeKind.DISCLOSURE, record.id, case=request.case_id))


@dataclass(frozen=True)
class DisclosureView:
    id: str
    disclosed_at: str
    provided_on: date | None
    person_id: str
    case_id: str | None
    recipient: RecipientKind
    recipient_name: str | None
    items: tuple[str, ...]
    consent_id: str | None
    override_reason: str | None
    form_id: str | None
    method: ProvisionChannel
    staff_id: str | None = None
    agency_id: str | None = None

    def basis_text(self) -> str:
        if self.override_reason:
            return f"同意によらない提供（{self.override_reason}）"
        if self.recipient is RecipientKind.PERSON:
            return "本人への開示"
        return "同意に基づく提供" if self.consent_id else ""


def list_disclosures(
    session: StaffSession,
    person_id: str | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
) -> list[DisclosureView]:
    """The 第三者提供記録, newest first; for one person and/or the provisions within [start, end]."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        query = select(Disclosure).order_by(Disclosure.disclosed_at.desc())
        if person_id:
            query = query.where(Disclosure.person_id == person_id)
        if start:
            query = query.where(Disclosure.provided_on >= start)
        if end:
            query = query.where(Disclosure.provided_on <= end)
        return [
            DisclosureView(
                d.id,
                d.disclosed_at,
                d.provided_on,
                d.person_id,
                d.case_id,
                RecipientKind(d.recipient_kind),
                d.recipient_name,
                tuple(json.loads(d.items)),
                d.consent_id,
                d.override_reason,
                d.form_id,
                ProvisionChannel(d.method),
                d.staff_id,
                d.agency_id,
            )
            for d in uow.session.execute(query).scalars()
        ]
