"""What is due: reminders derived from the rules for the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from teiretsu_desktop.domain.codes import ApplicationKind, BusinessLine, CertificateKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.reminders import (
    LEAD,
    CaseDates,
    Reminder,
    ReminderKind,
    StepOffsets,
    application_reminder,
    care_reminder,
    case_reminders,
    certificate_reminder,
    consent_reminder,
    is_shown,
    planned_problems,
    planned_reminder,
    reminder_key,
    urgency,
)
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.services.settings import CenterSettings, load_settings
from teiretsu_desktop.store.models import CaseReminder, ReminderAction, SupportCase
from teiretsu_desktop.store.queries import reminder_sources


@dataclass(frozen=True)
class ReminderView:
    reminder: Reminder
    person_name: str
    case_no: str | None
    days_left: int
    staff_name: str = ""  # the case's 主担当
    line: BusinessLine | None = None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def key(self) -> str:
        return reminder_key(self.reminder)


def _of_case(reminder: Reminder, row: Any, day: date) -> ReminderView:
    """A reminder of one case, with the person, case number and 主担当 its source row carries."""
    name = f"{row.family_name} {row.given_name}".strip()
    line = BusinessLine(row.business_line)
    return ReminderView(reminder, name, row.case_no, reminder.days_left(day), row.staff_name or "", line)


def due_reminders(
    session: StaffSession, *, today: date | None = None, mine: bool = False
) -> list[ReminderView]:
    """Every reminder shown today (from its lead time until done), soonest first."""
    session.require(Permission.READ_CASES)
    day = today or date.today()
    offsets = step_offsets(load_settings(session))
    found: list[ReminderView] = []
    with session.uow(write=False) as uow:
        s = uow.session
        settled = reminder_sources.settled_reminders(s, day)
        for row in reminder_sources.open_case_rows(s, day, session.actor.staff_id if mine else None):
            dates = CaseDates(
                case_id=row.id,
                person_id=row.person_id,
                business_line=BusinessLine(row.business_line),
                state=CaseState(row.state),
                expected_release=row.expected_release,
                detention_expiry=row.detention_expiry,
                release_date=row.release_date,
                follow_up_planned_end=row.follow_up_planned_end,
                last_review=row.last,
                request_date=row.request_date,
                has_decided_candidate=bool(row.has_decided),
            )
            name = f"{row.family_name} {row.given_name}".strip()
            line = BusinessLine(row.business_line)
            found += [
                ReminderView(r, name, row.case_no, r.days_left(day), row.staff_name or "", line)
                for r in case_reminders(dates, offsets)
                if is_shown(r, day)
            ]
        lead = LEAD[ReminderKind.APPLICATION_RENEWAL].days
        for row in reminder_sources.renewing_applications(
            s, day, lead, session.actor.staff_id if mine else None
        ):
            r = application_reminder(row.id, row.person_id, ApplicationKind(row.kind).label, row.renew_by)
            found.append(_of_case(r, row, day))
        lead = LEAD[ReminderKind.PLANNED].days
        for row in reminder_sources.planned_reminders(s, day, lead, session.actor.staff_id if mine else None):
            found.append(_of_case(planned_reminder(row.id, row.person_id, row.title, row.due_on), row, day))
        if not mine:
            lead = LEAD[ReminderKind.CONSENT_EXPIRY].days
            for row in reminder_sources.expiring_consents(s, day, lead):
                r = consent_reminder(row.person_id, row.expires_on)
                found.append(
                    ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day))
                )
            lead = LEAD[ReminderKind.CERTIFICATE_RENEWAL].days
            for row in reminder_sources.expiring_certificates(s, day, lead):
                r = certificate_reminder(row.person_id, CertificateKind(row.kind), row.expires_on)
                found.append(
                    ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day))
                )
            lead = LEAD[ReminderKind.CARE_CERTIFICATION].days
            for row in reminder_sources.expiring_care_certifications(s, day, lead):
                r = care_reminder(row.id, row.care_valid_until)
                found.append(
                    ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day))
                )
    found = [v for v in found if v.key not in settled]
    found.sort(key=lambda v: (*urgency(v.reminder, day), v.person_name))
    return found


def step_offsets(settings: CenterSettings) -> StepOffsets:
    return StepOffsets(
        settings.reminder_plan_days, settings.reminder_placement_days,
        settings.reminder_applications_days, settings.reminder_handover_days,
    )  # fmt: skip


def _act(session: StaffSession, key: str, action: str, reason: str, until: date | None) -> Outcome[None]:
    session.require(Permission.READ_CASES)
    why = reason.strip()
    if not why:
        raise InvalidInput("理由を入力してください / Give the reason.")
    if until is not None and until <= date.today():
        raise InvalidInput("後の日付にしてください / Choose a later day.")
    with session.uow() as uow:
        uow.session.add(
            ReminderAction(
                reminder_key=key[:200], action=action, until=until, reason=why[:1000],
                staff_id=session.actor.staff_id, acted_on=date.today(),
            )
        )  # fmt: skip
        kind, _, rest = key.partition(":")
        target = rest.split(":", 1)[0]
        record_change(
            session, uow, f"reminder_{action}", "reminder", target,
            {"kind": kind, **({"until": until.isoformat()} if until else {})},
        )  # fmt: skip
        uow.commit()
    return Outcome(None, Changes.of(ChangeKind.REMINDER))


def complete_reminder(session: StaffSession, key: str, reason: str) -> Outcome[None]:
    """完了: the reminder is done (what was done is the reason); it does not come back."""
    return _act(session, key, "done", reason, None)


def snooze_reminder(session: StaffSession, key: str, until: date, reason: str) -> Outcome[None]:
    """後で: the reminder is put off until `until`, with the reason."""
    return _act(session, key, "snoozed", reason, until)


def add_planned_reminder(
    session: StaffSession, case_id: str, due: date, title: str, *, activity_id: str | None = None
) -> Outcome[str]:
    """A reminder the caseworker sets on a case (「次回は12月10日」), shown on the dashboard from a week
    before; `activity_id` names the note it was taken from."""
    session.require(Permission.WRITE_CASES)
    problems = planned_problems(title, due, date.today())
    if problems:
        raise InvalidInput("予定を登録できません: " + " / ".join(problems))
    with session.uow() as uow:
        case = fetch(uow, SupportCase, case_id)
        reminder = CaseReminder(
            case_id=case.id, due_on=due, title=title.strip(), activity_id=activity_id,
            created_by=session.actor.staff_id,
        )  # fmt: skip
        uow.session.add(reminder)
        uow.session.flush()
        record_change(session, uow, "reminder_planned", "case", case.id, {"due": due.isoformat()})
        uow.commit()
        reminder_id = reminder.id
    return Outcome(reminder_id, Changes.of(ChangeKind.REMINDER, reminder_id, case=case_id))
