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


@dataclass(frozen=True)
class ReminderPage:
    """What the dashboard shows: the most urgent `rows`, and the counts over every reminder in the window."""

    rows: list[ReminderView]
    total: int
    overdue: int
    due_today: int


# A case's reminder before its names are read: (reminder, line). Names, case number and 主担当 are read
# only for the reminders shown (issue 19: 31,000 rows named to show 500 took seconds at 100,000 persons).
_Pending = tuple[Reminder, BusinessLine]
LINES = {str(line): line for line in BusinessLine}
STATES = {str(state): state for state in CaseState}


def due_reminders(
    session: StaffSession, *, today: date | None = None, mine: bool = False
) -> list[ReminderView]:
    """Every reminder shown today (from its lead time until done), soonest first."""
    return reminder_page(session, today=today, mine=mine).rows


def reminder_page(
    session: StaffSession,
    *,
    today: date | None = None,
    mine: bool = False,
    within_days: int | None = None,
    limit: int | None = None,
) -> ReminderPage:
    """The reminders shown today whose day is at most `within_days` ahead (all overdue included), the
    most urgent `limit` of them named, and the counts over all of them."""
    session.require(Permission.READ_CASES)
    day = today or date.today()
    offsets = step_offsets(load_settings(session))
    staff_id = session.actor.staff_id if mine else None
    named: list[ReminderView] = []
    pending: list[_Pending] = []
    with session.uow(write=False) as uow:
        s = uow.session
        settled = reminder_sources.settled_reminders(s, day)
        decided = reminder_sources.cases_with_decided_candidate(s)
        for row in reminder_sources.open_case_rows(s, day, staff_id):
            line = LINES[row.business_line]
            dates = CaseDates(
                case_id=row.id, person_id=row.person_id, business_line=line, state=STATES[row.state],
                expected_release=row.expected_release, detention_expiry=row.detention_expiry,
                release_date=row.release_date, follow_up_planned_end=row.follow_up_planned_end,
                last_review=row.last, request_date=row.request_date, has_decided_candidate=row.id in decided,
            )  # fmt: skip
            for r in case_reminders(dates, offsets):
                if is_shown(r, day) and (within_days is None or (r.due - day).days <= within_days):
                    pending.append((r, line))
        named += _other_sources(s, day, staff_id, mine)
        pending = [p for p in pending if reminder_key(p[0]) not in settled] if settled else pending
        named = [v for v in named if v.key not in settled and _within(v.reminder, day, within_days)]
        left = [(p[0].due - day).days for p in pending] + [v.days_left for v in named]
        total, overdue, due_today = len(left), sum(1 for n in left if n < 0), left.count(0)
        ranked = sorted(((urgency(p[0], day), p) for p in pending), key=lambda kp: kp[0])
        if limit is not None and len(ranked) > limit:
            # Keep the first `limit` and every reminder as urgent as the last of them (the name decides
            # among equals, and names are read next).
            last = ranked[limit - 1][0]
            ranked = [kp for kp in ranked if kp[0] <= last]
        named += _with_names(s, [p for _key, p in ranked], day)
    named.sort(key=lambda v: (*urgency(v.reminder, day), v.person_name, v.key))  # the key: a stable order
    return ReminderPage(named[:limit] if limit is not None else named, total, overdue, due_today)


def _within(reminder: Reminder, day: date, within_days: int | None) -> bool:
    return within_days is None or reminder.days_left(day) <= within_days


def _with_names(s: Any, pending: list[_Pending], day: date) -> list[ReminderView]:
    """The pending reminders with the person's name, the case number and its 主担当, read in one query."""
    about = reminder_sources.case_labels(s, {p[0].case_id for p in pending if p[0].case_id})
    views = []
    for reminder, line in pending:
        label = about.get(reminder.case_id or "")
        if label is None:
            continue  # the case went away meanwhile
        name = f"{label.family_name} {label.given_name}".strip()
        views.append(
            ReminderView(reminder, name, label.case_no, reminder.days_left(day), label.staff_name or "", line)
        )
    return views


def _other_sources(s: Any, day: date, staff_id: str | None, mine: bool) -> list[ReminderView]:
    """Reminders kept with the case's or person's record (few, already named): applications, planned
    dates, and — on everyone's dashboard — consents, 手帳 and 要介護認定."""
    found: list[ReminderView] = []
    lead = LEAD[ReminderKind.APPLICATION_RENEWAL].days
    for row in reminder_sources.renewing_applications(s, day, lead, staff_id):
        r = application_reminder(row.id, row.person_id, ApplicationKind(row.kind).label, row.renew_by)
        found.append(_of_case(r, row, day))
    lead = LEAD[ReminderKind.PLANNED].days
    for row in reminder_sources.planned_reminders(s, day, lead, staff_id):
        found.append(
            _of_case(
                planned_reminder(
                    row.id, row.person_id, row.title or "予定 (内容は閲覧権限のある人に)", row.due_on
                ),
                row,
                day,
            )
        )
    if mine:
        return found
    lead = LEAD[ReminderKind.CONSENT_EXPIRY].days
    for row in reminder_sources.expiring_consents(s, day, lead):
        r = consent_reminder(row.person_id, row.expires_on)
        found.append(ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day)))
    lead = LEAD[ReminderKind.CERTIFICATE_RENEWAL].days
    for row in reminder_sources.expiring_certificates(s, day, lead):
        r = certificate_reminder(row.person_id, CertificateKind(row.kind), row.expires_on)
        found.append(ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day)))
    lead = LEAD[ReminderKind.CARE_CERTIFICATION].days
    for row in reminder_sources.expiring_care_certifications(s, day, lead):
        r = care_reminder(row.id, row.care_valid_until)
        found.append(ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day)))
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
