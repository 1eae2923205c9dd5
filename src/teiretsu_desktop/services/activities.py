"""支援経過記録: activities, their edit history, and visit-note drafts saved as they are typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.notes import check_occurred_at, may_correct
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import check_revision, fetch
from teiretsu_desktop.store.models import (
    Activity,
    ActivityRevision,
    NoteDraft,
    Staff,
    SupportCase,
    new_id,
    utc_now,
)


@dataclass(frozen=True)
class ActivityInput:
    occurred_at: datetime
    kind: ActivityKind
    narrative: str
    place: str | None = None
    counterpart: str | None = None
    duration_min: int | None = None
    staff_id: str | None = None  # defaults to the acting staff member


@dataclass(frozen=True)
class ActivityView:
    id: str
    case_id: str
    occurred_at: datetime
    kind: ActivityKind
    place: str | None
    counterpart: str | None
    staff_name: str | None
    narrative: str | None  # None when the reader may not see narratives
    duration_min: int | None
    edited: bool
    revision: int
    recorded_at: str | None = None  # UTC, when the entry was written
    staff_id: str | None = None


def _check(data: ActivityInput) -> None:
    check_occurred_at(data.occurred_at, datetime.now())
    if data.duration_min is not None and not 0 <= data.duration_min <= 24 * 60:
        raise InvalidInput("所要時間は0〜1440分です / Duration must be 0-1440 minutes.")


def record_activity(session: StaffSession, case_id: str, data: ActivityInput) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    _check(data)
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        activity = Activity(
            case_id=case_id,
            occurred_at=data.occurred_at,
            kind=str(data.kind),
            place=data.place,
            counterpart=data.counterpart,
            staff_id=data.staff_id or session.actor.staff_id,
            narrative=data.narrative,
            duration_min=data.duration_min,
            recorded_at=utc_now(),
            recorded_by=session.actor.staff_id,
        )
        uow.session.add(activity)
        uow.session.flush()
        record_change(session, uow, "activity_recorded", "activity", activity.id, {"case": case_id})
        uow.commit()
    return Outcome(activity.id, Changes.of(ChangeKind.ACTIVITY, activity.id, case=case_id))


def edit_activity(
    session: StaffSession, activity_id: str, data: ActivityInput, *, expected_revision: int
) -> Outcome[str]:
    """Correct an entry: the author or a manager. The version it replaces (text and 実施日時) is kept
    in its history and shown with it, never overwritten; both the entry and the correction are audited."""
    session.require(Permission.WRITE_CASES)
    _check(data)
    with session.uow() as uow:
        activity = fetch(uow, Activity, activity_id)
        if not may_correct(session.actor.role, activity.staff_id, session.actor.staff_id):
            raise PermissionDenied(
                "記録を修正できるのは記録した本人かセンター長です / "
                "Only the author or a manager may correct this entry."
            )
        check_revision(activity.revision, expected_revision)
        unchanged = (data.narrative, data.occurred_at, data.kind, data.place) == (
            activity.narrative, activity.occurred_at, ActivityKind(activity.kind), activity.place,
        )  # fmt: skip
        if unchanged:
            return Outcome(activity_id, Changes())  # nothing corrected: no new version, no audit
        uow.session.add(
            ActivityRevision(
                activity_id=activity.id,
                revision_no=activity.revision,
                narrative=activity.narrative,
                occurred_at=activity.occurred_at,
                replaced_at=utc_now(),
                replaced_by=session.actor.staff_id,
            )
        )
        activity.occurred_at = data.occurred_at
        activity.kind = str(data.kind)
        activity.place = data.place
        activity.counterpart = data.counterpart
        activity.narrative = data.narrative
        activity.duration_min = data.duration_min
        record_change(session, uow, "activity_edited", "activity", activity.id, {"case": activity.case_id})
        uow.commit()
        case_id = activity.case_id
    return Outcome(activity_id, Changes.of(ChangeKind.ACTIVITY, activity_id, case=case_id))


def last_contact(session: StaffSession, case_id: str) -> datetime | None:
    """When the latest contact of the case happened (for the case's summary), read from the
    (case_id, occurred_at) index."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        return uow.session.scalar(
            select(Activity.occurred_at)
            .where(Activity.case_id == case_id)
            .order_by(Activity.occurred_at.desc())
            .limit(1)
        )


def list_activities(
    session: StaffSession, case_id: str, *, start: datetime | None = None, end: datetime | None = None
) -> list[ActivityView]:
    """Oldest first. Narratives are shown only to roles that may read them (not 事務)."""
    session.require(Permission.READ_CASES)
    show = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        edited = set(
            uow.session.execute(
                select(ActivityRevision.activity_id)
                .join(Activity, Activity.id == ActivityRevision.activity_id)
                .where(Activity.case_id == case_id)
            ).scalars()
        )
        query = (
            select(Activity, Staff.display_name)
            .outerjoin(Staff, Staff.id == Activity.staff_id)
            .where(Activity.case_id == case_id)
            .order_by(Activity.occurred_at, Activity.id)
        )
        if start:
            query = query.where(Activity.occurred_at >= start)
        if end:
            query = query.where(Activity.occurred_at <= end)
        return [
            ActivityView(
                a.id,
                a.case_id,
                a.occurred_at,
                ActivityKind(a.kind),
                a.place,
                a.counterpart,
                name,
                a.narrative if show else None,
                a.duration_min,
                a.id in edited,
                a.revision,
                a.recorded_at,
                a.staff_id,
            )
            for a, name in uow.session.execute(query)
        ]


@dataclass(frozen=True)
class EarlierVersion:
    revision: int
    occurred_at: datetime | None  # the 実施日時 this version stated (None: written before it was kept)
    narrative: str
    replaced_at: str  # UTC
    replaced_by: str | None  # display name


def activity_history(session: StaffSession, activity_id: str) -> list[EarlierVersion]:
    """The versions a correction replaced, oldest first."""
    session.require(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(ActivityRevision, Staff.display_name)
            .outerjoin(Staff, Staff.id == ActivityRevision.replaced_by)
            .where(ActivityRevision.activity_id == activity_id)
            .order_by(ActivityRevision.revision_no)
        ).all()
    return [
        EarlierVersion(r.revision_no, r.occurred_at, r.narrative, r.replaced_at, name) for r, name in rows
    ]


@dataclass(frozen=True)
class DraftView:
    case_id: str
    kind: ActivityKind
    place: str | None
    text: str
    saved_at: str
    occurred_at: datetime | None = None  # the 実施日時 set in the editor


# -- drafts -----------------------------------------------------------------------------------


def save_draft(
    session: StaffSession,
    case_id: str,
    *,
    kind: ActivityKind,
    place: str | None,
    text: str,
    occurred_at: datetime | None = None,
) -> Outcome[None]:
    """Called as the note is typed (debounced by the GUI). Not audited per keystroke: a draft is the
    author's own unfinished text; the activity it becomes is audited."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        draft = uow.session.execute(
            select(NoteDraft).where(
                NoteDraft.case_id == case_id, NoteDraft.staff_id == session.actor.staff_id
            )
        ).scalar()
        if draft is None:
            draft = NoteDraft(
                id=new_id(),
                case_id=case_id,
                staff_id=session.actor.staff_id,
                kind=str(kind),
                text="",
                saved_at=utc_now(),
            )
            uow.session.add(draft)
        draft.kind, draft.place, draft.text, draft.saved_at = str(kind), place, text, utc_now()
        draft.occurred_at = occurred_at
        uow.commit()
    return Outcome(None, Changes.of(ChangeKind.DRAFT, case=case_id))


def load_draft(session: StaffSession, case_id: str) -> DraftView | None:
    """The acting staff member's unfinished note; none for a role that cannot write notes."""
    if not session.can(Permission.WRITE_CASES):
        return None
    with session.uow(write=False) as uow:
        draft = uow.session.execute(
            select(NoteDraft).where(
                NoteDraft.case_id == case_id, NoteDraft.staff_id == session.actor.staff_id
            )
        ).scalar()
        return (
            DraftView(
                draft.case_id,
                ActivityKind(draft.kind),
                draft.place,
                draft.text,
                draft.saved_at,
                draft.occurred_at,
            )
            if draft
            else None
        )


def discard_draft(session: StaffSession, case_id: str) -> Outcome[None]:
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        uow.session.execute(
            delete(NoteDraft).where(
                NoteDraft.case_id == case_id, NoteDraft.staff_id == session.actor.staff_id
            )
        )
        uow.commit()
    return Outcome(None, Changes.of(ChangeKind.DRAFT, case=case_id))


def commit_draft(
    session: StaffSession,
    case_id: str,
    *,
    occurred_at: datetime,
    text: str | None = None,
    kind: ActivityKind | None = None,
    place: str | None = None,
) -> Outcome[str]:
    """Turn the note into an activity and remove the draft, in one transaction: after a crash there is
    either the draft or the entry, never both and never neither. `text` (with kind and place) is what
    the editor shows now, which may be newer than the last autosaved draft."""
    session.require(Permission.WRITE_CASES)
    with session.transaction():
        draft = load_draft(session, case_id)
        if text is None and draft is not None:
            text, kind, place = draft.text, draft.kind, draft.place
        if text is None or not text.strip():
            raise InvalidInput("保存するメモがありません / There is no note to save.")
        outcome = record_activity(
            session,
            case_id,
            ActivityInput(
                occurred_at=occurred_at, kind=kind or ActivityKind.INTERVIEW, narrative=text, place=place
            ),
        )
        discard_draft(session, case_id)
    return Outcome(outcome.value, outcome.changes | Changes.of(ChangeKind.DRAFT, case=case_id))
