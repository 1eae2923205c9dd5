"""Meetings about a case: recorded after they are held, with the outside attendees — each a 提供記録
checked against the consents — and decisions that become reminders (issue 17; domain/meetings.py).

What a meeting shared and with whom is a fact once recorded: attendees and decisions are added, not
edited (a 提供記録 is never changed). The agenda, place and what was discussed are recorded with it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from teiretsu_desktop.domain.codes import AgencyKind, ProvisionChannel, RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.meetings import (
    RECIPIENT_OF_AGENCY,
    MeetingKind,
    SharedItem,
    attendee_problems,
    decision_problems,
    meeting_problems,
)
from teiretsu_desktop.domain.reminders import PLANNED_TITLE_MAX
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.consent import DisclosureRequest, write_disclosure
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import (
    Agency,
    CaseMeeting,
    CaseReminder,
    MeetingAttendee,
    MeetingDecision,
    Staff,
    SupportCase,
)


@dataclass(frozen=True)
class MeetingInput:
    kind: MeetingKind
    held_on: date
    agenda: str
    summary: str = ""
    place: str = ""
    shared_items: tuple[SharedItem, ...] = ()
    person_present: bool = False
    center_attendees: str = ""


@dataclass(frozen=True)
class AttendeeInput:
    """An outside attendee: an agency of the directory, or an organisation named with its kind."""

    agency_id: str | None = None
    organisation: str = ""
    recipient: RecipientKind | None = None
    name: str = ""
    override_reason: str | None = None  # no consent covers it: an authorised person's reason


@dataclass(frozen=True)
class DecisionInput:
    text: str
    responsible: str = ""
    due_on: date | None = None


@dataclass(frozen=True)
class AttendeeView:
    id: str
    organisation: str
    recipient: RecipientKind
    name: str
    agency_id: str | None
    disclosure_id: str | None


@dataclass(frozen=True)
class DecisionView:
    id: str
    position: int
    text: str
    responsible: str
    due_on: date | None
    reminder_id: str | None


@dataclass(frozen=True)
class MeetingView:
    id: str
    case_id: str
    kind: MeetingKind
    held_on: date
    place: str
    agenda: str
    summary: str
    shared_items: tuple[SharedItem, ...]
    person_present: bool
    center_attendees: str
    staff_name: str
    attendees: tuple[AttendeeView, ...] = field(default=())
    decisions: tuple[DecisionView, ...] = field(default=())

    def attendees_text(self) -> str:
        """出席者 as printed: the centre's staff, the person, then each organisation and name."""
        names = [f"センター（{self.center_attendees}）"] if self.center_attendees else []
        names += ["本人"] if self.person_present else []
        names += [" ".join(x for x in (a.organisation, a.name) if x) for a in self.attendees]
        return "、".join(names)


def record_meeting(session: StaffSession, case_id: str, data: MeetingInput) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    problems = meeting_problems(str(data.kind), data.held_on, data.agenda, data.summary, date.today())
    if len(data.place) > 200 or len(data.center_attendees) > 200:
        problems.append("場所・センターの出席者は200文字までにしてください")
    if problems:
        raise InvalidInput("会議を記録できません: " + " / ".join(problems))
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        meeting = CaseMeeting(
            case_id=case_id, kind=str(data.kind), held_on=data.held_on, place=data.place.strip() or None,
            agenda=data.agenda.strip(), summary=data.summary.strip() or None,
            shared_items=json.dumps([str(i) for i in data.shared_items]), person_present=data.person_present,
            center_attendees=data.center_attendees.strip() or None, staff_id=session.actor.staff_id,
        )  # fmt: skip
        uow.session.add(meeting)
        uow.session.flush()
        record_change(
            session, uow, "meeting_recorded", "case", case_id,
            {"kind": str(data.kind), "held_on": data.held_on.isoformat()},
        )  # fmt: skip
        uow.commit()
        meeting_id = meeting.id
    return Outcome(meeting_id, Changes.of(ChangeKind.MEETING, meeting_id, case=case_id))


def add_attendee(session: StaffSession, meeting_id: str, data: AttendeeInput) -> Outcome[str]:
    """An outside organisation attended: what the meeting shared is provided to it on the meeting's day,
    so it is checked against the person's consents and written as a 提供記録 (面談・会議) with the
    attendee — both or neither."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        meeting = fetch(uow, CaseMeeting, meeting_id)
        case = fetch(uow, SupportCase, meeting.case_id)
        organisation, recipient = data.organisation.strip(), data.recipient
        problems = []
        if data.agency_id:
            # The directory says what kind of recipient the agency is: the consent is checked against
            # that, never against a kind typed beside it (a 検察庁 is not a 受入施設).
            agency = fetch(uow, Agency, data.agency_id)
            organisation = agency.name
            known = RECIPIENT_OF_AGENCY.get(AgencyKind(agency.kind))
            if known is not None and recipient is not None and recipient is not known:
                problems.append(f"提供先の種類: 「{agency.name}」は{known.label}です (名簿の種類と違います)")
            recipient = known or recipient
            if recipient is None:
                problems.append(
                    f"提供先の種類: 「{agency.name}」({AgencyKind(agency.kind).label}) の種類を選んでください"
                )
        problems += attendee_problems(organisation, recipient, bool(data.agency_id), data.name)
        if problems:
            raise InvalidInput("出席者を記録できません: " + " / ".join(problems))
        assert recipient is not None
        shared = [SharedItem(i).label for i in json.loads(meeting.shared_items)]
        disclosure_id, overridden = None, False
        if shared:  # nothing of the person's was shared: no provision to record
            disclosure = write_disclosure(
                uow, session,
                DisclosureRequest(
                    person_id=case.person_id, recipient=recipient, items=shared, method=ProvisionChannel.MEETING,
                    on=meeting.held_on, case_id=case.id, recipient_name=organisation, agency_id=data.agency_id,
                    override_reason=data.override_reason,
                ),
            )  # fmt: skip
            disclosure_id, overridden = disclosure.id, disclosure.override_reason is not None
        attendee = MeetingAttendee(
            meeting_id=meeting.id, agency_id=data.agency_id or None, organisation=organisation,
            recipient_kind=str(recipient), name=data.name.strip() or None, disclosure_id=disclosure_id,
        )  # fmt: skip
        uow.session.add(attendee)
        uow.session.flush()
        record_change(
            session, uow, "meeting_attendee_added", "case", case.id,
            {"recipient": str(recipient), "override": overridden},
        )  # fmt: skip
        uow.commit()
        attendee_id, case_id = attendee.id, case.id
    changes = Changes.of(ChangeKind.MEETING, meeting_id, case=case_id)
    if disclosure_id is not None:
        changes = changes | Changes.of(ChangeKind.DISCLOSURE, disclosure_id, case=case_id)
    return Outcome(attendee_id, changes)


def add_decision(session: StaffSession, meeting_id: str, data: DecisionInput) -> Outcome[str]:
    """A decision; with a day still ahead it is also a reminder (予定) on the case, from a week before."""
    session.require(Permission.WRITE_CASES)
    problems = decision_problems(data.text, data.due_on)
    if problems:
        raise InvalidInput("決定事項を記録できません: " + " / ".join(problems))
    today = date.today()
    with session.uow() as uow:
        meeting = fetch(uow, CaseMeeting, meeting_id)
        last = uow.session.scalar(
            select(func.max(MeetingDecision.position)).where(MeetingDecision.meeting_id == meeting_id)
        )
        reminder_id = None
        if data.due_on is not None and data.due_on >= today:
            who = f"（{data.responsible.strip()}）" if data.responsible.strip() else ""
            title = f"{MeetingKind(meeting.kind).label}の決定: {data.text.strip()}{who}"[:PLANNED_TITLE_MAX]
            reminder = CaseReminder(
                case_id=meeting.case_id, due_on=data.due_on, title=title, created_by=session.actor.staff_id
            )
            uow.session.add(reminder)
            uow.session.flush()
            reminder_id = reminder.id
        decision = MeetingDecision(
            meeting_id=meeting.id, position=(last or 0) + 1, text=data.text.strip(),
            responsible=data.responsible.strip() or None, due_on=data.due_on, reminder_id=reminder_id,
        )  # fmt: skip
        uow.session.add(decision)
        uow.session.flush()
        record_change(
            session, uow, "meeting_decision_added", "case", meeting.case_id,
            {"position": decision.position, "due": data.due_on.isoformat() if data.due_on else None},
        )  # fmt: skip
        uow.commit()
        decision_id, case_id = decision.id, meeting.case_id
    changes = Changes.of(ChangeKind.MEETING, meeting_id, case=case_id)
    if reminder_id is not None:
        changes = changes | Changes.of(ChangeKind.REMINDER, reminder_id, case=case_id)
    return Outcome(decision_id, changes)


def list_meetings(session: StaffSession, case_id: str) -> list[MeetingView]:
    """The case's meetings, newest first, each with its attendees and decisions."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        s = uow.session
        meetings = s.scalars(
            select(CaseMeeting)
            .where(CaseMeeting.case_id == case_id)
            .order_by(CaseMeeting.held_on.desc(), CaseMeeting.updated_at.desc())
        ).all()
        ids = [m.id for m in meetings]
        attendees = s.scalars(select(MeetingAttendee).where(MeetingAttendee.meeting_id.in_(ids))).all()
        decisions = s.scalars(
            select(MeetingDecision)
            .where(MeetingDecision.meeting_id.in_(ids))
            .order_by(MeetingDecision.position)
        ).all()
        staff = {row.id: row.display_name for row in s.execute(select(Staff.id, Staff.display_name))}
        return [
            MeetingView(
                id=m.id, case_id=m.case_id, kind=MeetingKind(m.kind), held_on=m.held_on, place=m.place or "",
                agenda=m.agenda or "", summary=m.summary or "",  # sealed: empty for 事務
                shared_items=tuple(SharedItem(i) for i in json.loads(m.shared_items)),
                person_present=m.person_present, center_attendees=m.center_attendees or "",
                staff_name=staff.get(m.staff_id or "", ""),
                attendees=tuple(
                    AttendeeView(a.id, a.organisation, RecipientKind(a.recipient_kind), a.name or "", a.agency_id,
                                 a.disclosure_id)
                    for a in attendees if a.meeting_id == m.id
                ),
                decisions=tuple(
                    DecisionView(d.id, d.position, d.text or "", d.responsible or "", d.due_on, d.reminder_id)
                    for d in decisions if d.meeting_id == m.id
                ),
            )
            for m in meetings
        ]  # fmt: skip
