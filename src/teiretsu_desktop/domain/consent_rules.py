"""When a consent covers a provision of personal data, and why not (DOMAIN §10.9, APPI 法27条).

A consent is a scoped record: given (signed), by the person or a legal representative, for one
episode of support (a case), to recipients named by kind or as agencies from the directory, for a
period, until withdrawn. A provision is covered only when every one of those holds on its day. The
reasons a consent does not cover are named, so that the caseworker sees what to fix; they are
Japanese labels like the workflow's missing items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from teiretsu_desktop.domain.codes import ConsentGiver, ConsentStatus, RecipientKind
from teiretsu_desktop.domain.wareki import to_wareki

# Only these can consent to providing 要配慮個人情報; a family member may be present, not give it.
CAN_GIVE = frozenset({ConsentGiver.SELF, ConsentGiver.GUARDIAN})


@dataclass(frozen=True)
class ConsentTerms:
    """What the rules look at in one consent."""

    id: str
    status: ConsentStatus
    given_by: ConsentGiver | None
    given_on: date | None
    expires_on: date | None
    withdrawn_on: date | None
    case_id: str | None
    recipients: frozenset[RecipientKind]
    agency_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ProvisionFacts:
    """What is provided, to whom and when."""

    case_id: str | None
    recipient: RecipientKind
    on: date
    agency_id: str | None = None


def _d(day: date) -> str:
    return to_wareki(day)


def why_not_in_force(consent: ConsentTerms, *, case_id: str | None, on: date) -> list[str]:
    """Why `consent` does not stand for the episode `case_id` on `on` (empty: it does)."""
    reasons: list[str] = []
    if consent.status is not ConsentStatus.GIVEN or consent.given_on is None:
        reasons.append("署名前（準備中）の同意です")
    if consent.given_by is not None and consent.given_by not in CAN_GIVE:
        reasons.append("家族は同意者になれません（本人または法定代理人）")
    if consent.given_on is not None and consent.given_on > on:
        reasons.append(f"同意日（{_d(consent.given_on)}）より前です")
    if consent.expires_on is not None and consent.expires_on < on:
        reasons.append(f"有効期限（{_d(consent.expires_on)}）が過ぎています")
    if consent.withdrawn_on is not None and consent.withdrawn_on <= on:
        reasons.append(f"撤回されています（{_d(consent.withdrawn_on)}）")
    if consent.case_id is None:
        reasons.append("どの支援（ケース）の同意か記録されていません")
    elif case_id is not None and consent.case_id != case_id:
        reasons.append("別の支援（ケース）の同意です")
    return reasons


def why_not_covered(consent: ConsentTerms, provision: ProvisionFacts) -> list[str]:
    """Why `consent` does not cover `provision` (empty: it covers it)."""
    reasons = why_not_in_force(consent, case_id=provision.case_id, on=provision.on)
    named = provision.agency_id is not None and provision.agency_id in consent.agency_ids
    if provision.recipient not in consent.recipients and not named:
        reasons.append(f"提供先「{provision.recipient.label}」は同意の範囲外です")
    return reasons


@dataclass(frozen=True)
class Coverage:
    """The consent used for a provision, or the reasons each consent on file does not cover it."""

    consent_id: str | None
    refusals: tuple[tuple[str, tuple[str, ...]], ...] = ()
    needed: bool = True  # giving the person their own data needs no consent

    @property
    def covered(self) -> bool:
        return not self.needed or self.consent_id is not None

    def explain(self) -> str:
        if self.covered:
            return ""
        if not self.refusals:
            return "同意が記録されていません"
        return "／".join("・".join(reasons) for _, reasons in self.refusals)


def coverage(consents: Iterable[ConsentTerms], provision: ProvisionFacts) -> Coverage:
    """The most recent consent that covers `provision`; giving the person their own data needs none."""
    if provision.recipient is RecipientKind.PERSON:
        return Coverage(consent_id=None, needed=False)
    refusals: list[tuple[str, tuple[str, ...]]] = []
    ordered: Sequence[ConsentTerms] = sorted(consents, key=lambda c: c.given_on or date.min, reverse=True)
    for consent in ordered:
        reasons = why_not_covered(consent, provision)
        if not reasons:
            return Coverage(consent_id=consent.id)
        refusals.append((consent.id, tuple(reasons)))
    return Coverage(consent_id=None, refusals=tuple(refusals))


def consent_for_episode(consents: Iterable[ConsentTerms], *, case_id: str, on: date) -> str | None:
    """The consent that lets this episode move to 調整計画作成: given for it, by the person or a legal
    representative, in force on `on`."""
    for consent in consents:
        if not why_not_in_force(consent, case_id=case_id, on=on):
            return consent.id
    return None
