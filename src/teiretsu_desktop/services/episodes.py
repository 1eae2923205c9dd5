"""The person across episodes (issue 17): every case of one person, how they follow each other, and
what is known of the person now — one read for the person view; linking a later case to an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.case_rules import check_case, record_of
from teiretsu_desktop.domain.codes import BusinessLine, DestinationKind, DisabilityKind
from teiretsu_desktop.domain.episodes import EpisodeFacts, EpisodeLink, link_problems
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import persons
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.consent import ConsentView, list_consents
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import Activity, Disability, Staff, SupportCase


@dataclass(frozen=True)
class Episode:
    """One case of the person, as the person view lists it."""

    case_id: str
    case_no: str
    business_line: BusinessLine
    state: CaseState
    request_date: date | None
    release_date: date | None
    closure_date: date | None
    primary_staff: str
    release_residence: DestinationKind | None  # 矯正施設退所時点の居住先
    destination: DestinationKind | None  # the current one
    destination_name: str | None
    readmission: str  # yes / no / unknown
    readmission_date: date | None
    follows: str | None  # the case_id of the earlier episode this one follows
    follows_kind: EpisodeLink | None
    last_contact: datetime | None


@dataclass(frozen=True)
class PersonRecord:
    person: persons.PersonView
    episodes: list[Episode]  # oldest first
    consents: list[ConsentView]
    disabilities: list[tuple[DisabilityKind, date | None]]  # with the day each became known (判明日)

    def episode(self, case_id: str) -> Episode:
        return next(e for e in self.episodes if e.case_id == case_id)

    def followed_by(self, case_id: str) -> list[Episode]:
        return [e for e in self.episodes if e.follows == case_id]

    @property
    def current_residence(self) -> tuple[DestinationKind, str | None] | None:
        """Where the person lives now, as the latest episode after a release knows it."""
        released = [e for e in self.episodes if e.release_date and e.destination]
        if not released:
            return None
        latest = max(released, key=lambda e: (e.release_date or date.min, e.request_date or date.min))
        assert latest.destination is not None
        return latest.destination, latest.destination_name


def _code(kind: type[DestinationKind], value: str | None) -> DestinationKind | None:
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def _episodes(s: Session, person_id: str) -> list[Episode]:
    staff = {staff_id: name for staff_id, name in s.execute(select(Staff.id, Staff.display_name)).all()}
    rows = s.scalars(
        select(SupportCase)
        .where(SupportCase.person_id == person_id)
        .order_by(SupportCase.request_date, SupportCase.case_no)
    ).all()
    last = {
        case_id: when
        for case_id, when in s.execute(
            select(Activity.case_id, func.max(Activity.occurred_at))
            .where(Activity.case_id.in_([r.id for r in rows]))
            .group_by(Activity.case_id)
        ).all()
    }
    return [
        Episode(
            case_id=r.id, case_no=r.case_no, business_line=BusinessLine(r.business_line),
            state=CaseState(r.state), request_date=r.request_date, release_date=r.release_date,
            closure_date=r.closure_date, primary_staff=staff.get(r.primary_staff_id or "", ""),
            release_residence=_code(DestinationKind, r.release_destination_kind),
            destination=_code(DestinationKind, r.destination_kind), destination_name=r.destination_name,
            readmission=r.readmission or "unknown", readmission_date=r.readmission_date,
            follows=r.follows_case_id, follows_kind=EpisodeLink(r.follows_kind) if r.follows_kind else None,
            last_contact=last.get(r.id),
        )
        for r in rows
    ]  # fmt: skip


def person_record(session: StaffSession, person_id: str) -> PersonRecord:
    """The person, every episode (with its links and last contact) and every consent."""
    session.require(Permission.READ_CASES)
    person = persons.get_person(session, person_id)
    with session.uow(write=False) as uow:
        episodes = _episodes(uow.session, person_id)
        disabilities = [
            (DisabilityKind(kind), known)
            for kind, known in uow.session.execute(
                select(Disability.kind, Disability.identified_on)
                .where(Disability.person_id == person_id)
                .order_by(Disability.kind)
            ).all()
        ]
    return PersonRecord(person, episodes, list_consents(session, person_id), disabilities)


def _facts(case: SupportCase) -> EpisodeFacts:
    return EpisodeFacts(
        case.id, case.case_no, case.person_id, BusinessLine(case.business_line), case.request_date,
        case.release_date, case.readmission or "unknown", case.readmission_date,
    )  # fmt: skip


def _follows(s: Session, start: SupportCase, target_id: str) -> bool:
    """Whether `start` follows `target_id`, directly or through earlier links."""
    seen: set[str] = set()
    current: SupportCase | None = start
    while current is not None and current.follows_case_id and current.id not in seen:
        if current.follows_case_id == target_id:
            return True
        seen.add(current.id)
        current = s.get(SupportCase, current.follows_case_id)
    return False


def link_episode(
    session: StaffSession,
    case_id: str,
    earlier_case_id: str,
    kind: EpisodeLink,
    *,
    readmitted_on: date | None = None,
) -> Outcome[str]:
    """Record that `case_id` follows `earlier_case_id`. A 再入所 link records the re-admission on the
    earlier episode (再入所 有, with its date) in the same transaction; both are audited."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        later = fetch(uow, SupportCase, case_id)
        earlier = fetch(uow, SupportCase, earlier_case_id)
        problems = link_problems(
            _facts(earlier), _facts(later), kind, readmitted_on=readmitted_on,
            earlier_follows_later=_follows(uow.session, earlier, later.id),
        )  # fmt: skip
        if problems:
            raise InvalidInput("前の支援とつなげません: " + " / ".join(problems))
        later.follows_case_id, later.follows_kind = earlier.id, str(kind)
        record_change(
            session, uow, "episode_linked", "case", later.id, {"follows": earlier.case_no, "kind": str(kind)}
        )
        if kind is EpisodeLink.READMISSION and earlier.readmission != "yes":
            earlier.readmission, earlier.readmission_date = "yes", readmitted_on
            check_case(record_of(BusinessLine(earlier.business_line), CaseState(earlier.state), earlier))
            record_change(
                session, uow, "readmission_recorded", "case", earlier.id, {"from_case": later.case_no}
            )
        uow.commit()
        person_id = later.person_id
    return Outcome(
        case_id,
        Changes.of(ChangeKind.CASE, case_id, earlier_case_id) | Changes.of(ChangeKind.PERSON, person_id),
    )


def unlink_episode(session: StaffSession, case_id: str) -> Outcome[str]:
    """Undo a link made by mistake. A re-admission it recorded stays on the earlier episode (it is a
    fact about that episode; correct it there if it was wrong)."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        later = fetch(uow, SupportCase, case_id)
        if later.follows_case_id is None:
            raise InvalidInput("このケースは前の支援とつながっていません / This case follows no other.")
        record_change(session, uow, "episode_unlinked", "case", later.id, {"kind": later.follows_kind or ""})
        later.follows_case_id, later.follows_kind = None, None
        uow.commit()
        person_id = later.person_id
    return Outcome(case_id, Changes.of(ChangeKind.CASE, case_id) | Changes.of(ChangeKind.PERSON, person_id))
