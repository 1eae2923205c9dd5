"""The agency directory (関係機関) and network activities (連携活動: 協議会, 検討会, 巡回開拓, 研修)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from teiretsu_desktop.domain.codes import (
    AgencyKind,
    CouncilKind,
    NetworkActivityKind,
    NetworkExclusion,
    NetworkScope,
)
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.network_rules import EXCLUSIONS_OF
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import Agency, NetworkActivity


@dataclass(frozen=True)
class AgencyInput:
    kind: AgencyKind
    name: str
    municipality_code: str | None = None
    address: str | None = None
    phone: str | None = None
    contact_person: str | None = None
    accepts: str | None = None
    capacity_note: str | None = None


@dataclass(frozen=True)
class AgencyView(AgencyInput):
    id: str = ""
    revision: int = 0


def _check_agency(data: AgencyInput) -> None:
    if not data.name.strip():
        raise InvalidInput("機関名を入力してください / Enter the agency's name.")
    if data.municipality_code and not (data.municipality_code.isdigit() and len(data.municipality_code) == 6):
        raise InvalidInput("地方公共団体コードは6桁の数字です / The municipality code is 6 digits.")


def save_agency(session: StaffSession, data: AgencyInput, *, agency_id: str | None = None) -> Outcome[str]:
    session.require(Permission.MANAGE_DIRECTORY)
    _check_agency(data)
    with session.uow() as uow:
        agency = fetch(uow, Agency, agency_id) if agency_id else Agency()
        for name in AgencyInput.__dataclass_fields__:
            value = getattr(data, name)
            setattr(agency, name, str(value) if isinstance(value, AgencyKind) else value)
        if agency_id is None:
            uow.session.add(agency)
        uow.session.flush()
        record_change(session, uow, "agency_saved", "agency", agency.id)
        uow.commit()
    return Outcome(agency.id, Changes.of(ChangeKind.AGENCY, agency.id))


def get_agency(session: StaffSession, agency_id: str) -> AgencyView | None:
    """One agency of the directory (None when it has been removed)."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        row = uow.session.get(Agency, agency_id)
        return _view(row) if row is not None else None


def list_agencies(
    session: StaffSession, *, kind: AgencyKind | None = None, text: str = ""
) -> list[AgencyView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        query = select(Agency).order_by(Agency.kind, Agency.name)
        if kind:
            query = query.where(Agency.kind == str(kind))
        if text:
            query = query.where(Agency.name.contains(text))
        return [_view(a) for a in uow.session.execute(query).scalars()]


def _view(a: Agency) -> AgencyView:
    return AgencyView(
        AgencyKind(a.kind), a.name, a.municipality_code, a.address, a.phone, a.contact_person, a.accepts,
        a.capacity_note, id=a.id, revision=a.revision,
    )  # fmt: skip


@dataclass(frozen=True)
class NetworkActivityInput:
    held_on: date
    kind: NetworkActivityKind
    topic: str
    council_kind: CouncilKind | None = None
    hosted: bool = False
    participants: dict[AgencyKind, int] = field(default_factory=dict)
    note: str | None = None
    scope: NetworkScope | None = None
    exclusion: NetworkExclusion | None = None
    agency_id: str | None = None
    already_developed: bool = False


@dataclass(frozen=True)
class NetworkActivityView(NetworkActivityInput):
    id: str = ""


def record_network_activity(session: StaffSession, data: NetworkActivityInput) -> Outcome[str]:
    session.require(Permission.MANAGE_DIRECTORY)
    if not data.topic.strip():
        raise InvalidInput("テーマ・名称を入力してください / Enter the topic.")
    if data.kind is NetworkActivityKind.COUNCIL and data.council_kind is None:
        raise InvalidInput("協議会の種類を選んでください / Choose the kind of council.")
    if any(n < 0 for n in data.participants.values()):
        raise InvalidInput("参加者数は0以上です / Participant counts cannot be negative.")
    if data.exclusion is not None and data.exclusion not in EXCLUSIONS_OF.get(data.kind, frozenset()):
        raise InvalidInput(
            f"「{data.exclusion.label}」は「{data.kind.label}」の除外ではありません / "
            "That exclusion does not apply to this kind."
        )
    with session.uow() as uow:
        if data.agency_id is not None:
            fetch(uow, Agency, data.agency_id)
        row = NetworkActivity(
            held_on=data.held_on,
            kind=str(data.kind),
            council_kind=str(data.council_kind) if data.council_kind else None,
            hosted=data.hosted,
            topic=data.topic.strip(),
            participants=json.dumps({str(k): int(v) for k, v in data.participants.items()}),
            note=data.note,
            scope=str(data.scope) if data.scope else None,
            exclusion=str(data.exclusion) if data.exclusion else None,
            agency_id=data.agency_id,
            already_developed=data.already_developed,
        )
        uow.session.add(row)
        uow.session.flush()
        record_change(session, uow, "network_activity_recorded", "network_activity", row.id)
        uow.commit()
    return Outcome(row.id, Changes.of(ChangeKind.NETWORK_ACTIVITY, row.id))


def list_network_activities(session: StaffSession, *, start: date, end: date) -> list[NetworkActivityView]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(NetworkActivity)
            .where(NetworkActivity.held_on.between(start, end))
            .order_by(NetworkActivity.held_on)
        ).scalars()
        return [
            NetworkActivityView(
                r.held_on,
                NetworkActivityKind(r.kind),
                r.topic,
                CouncilKind(r.council_kind) if r.council_kind else None,
                r.hosted,
                {AgencyKind(k): int(v) for k, v in json.loads(r.participants).items()},
                r.note,
                NetworkScope(r.scope) if r.scope else None,
                NetworkExclusion(r.exclusion) if r.exclusion else None,
                r.agency_id,
                r.already_developed,
                id=r.id,
            )
            for r in rows
        ]
