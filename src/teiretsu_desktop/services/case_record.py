"""The case window's use cases, each one transaction (ADR 0007).

- `register_referral`: a new person (or a known one) and their case, together or not at all.
- `save_case_record`: the person's and the case's edited fields, and optionally a state change that
  needs them, together or not at all; a refused step writes nothing and the revisions stay valid.
- Form drafts: a case window's unsaved edits, kept in the encrypted store while typing and before a
  lock or quit, so that a lock, a quit or a crash never loses what was typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import cases, consultations, persons
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import FormDraft, Person, SupportCase, new_id, utc_now

# A draft's payload is what the window's widgets hold, as text, so that even a half-typed date
# survives; it is bounded so that a runaway widget cannot fill the store.
MAX_DRAFT_BYTES = 1_000_000


@dataclass(frozen=True)
class SavedCase:
    case_id: str
    person_revision: int
    case_revision: int
    state: CaseState


def register_referral(
    session: StaffSession,
    case: cases.CaseInput,
    *,
    person: persons.PersonInput | None = None,
    person_id: str | None = None,
    allow_duplicate: bool = False,
    consultation_id: str | None = None,
) -> Outcome[str]:
    """新規受付: register the person (or take a known one) and open their case in one transaction.
    A likely duplicate (LikelyDuplicate) or a refused case leaves no person behind. With
    `consultation_id` the case is made from that 相談 (linked in the same transaction)."""
    if (person is None) == (person_id is None):
        raise InvalidInput("対象者を1人指定してください / Give either a new person or a known one.")
    with session.transaction():
        changes = Changes()
        if person is not None:
            registered = persons.register_person(session, person, allow_duplicate=allow_duplicate)
            person_id, changes = registered.value, registered.changes
        assert person_id is not None
        opened = cases.open_case(session, person_id, case)
        if consultation_id is not None:
            changes |= consultations.link_case(session, consultation_id, opened.value, person_id)
    return Outcome(opened.value, changes | opened.changes)


def save_case_record(
    session: StaffSession,
    case_id: str,
    *,
    person: persons.PersonInput | None,
    person_revision: int,
    case: cases.CaseInput | None,
    case_revision: int,
    move_to: CaseState | None = None,
    reason: str | None = None,
    line_change_reason: str | None = None,
    discard_draft: bool = True,
) -> Outcome[SavedCase]:
    """Save what the window edited (None: that part was not edited) and then, if asked, move the case
    to `move_to` — the rules read the values just saved. All in one transaction: when the stale-edit
    check or the transition refuses, nothing is written. The window's draft goes with the save."""
    session.require(Permission.WRITE_CASES)
    changes = Changes()
    with session.transaction() as uow:
        row = fetch(uow, SupportCase, case_id)
        person_id = row.person_id
        if person is not None:
            changes |= persons.update_person(
                session, person_id, person, expected_revision=person_revision
            ).changes
        if case is not None:
            changes |= cases.update_case(
                session, case_id, case, expected_revision=case_revision, becoming=move_to,
                line_change_reason=line_change_reason,
            ).changes  # fmt: skip
        if move_to is not None:
            changes |= cases.transition_case(session, case_id, move_to, reason=reason).changes
        if discard_draft:
            _delete_draft(session, case_id)
        uow.session.flush()
        person_row = fetch(uow, Person, person_id)
        saved = SavedCase(case_id, person_row.revision, row.revision, CaseState(row.state))
    return Outcome(saved, changes | Changes.of(ChangeKind.DRAFT, case=case_id))


# -- form drafts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormDraftView:
    case_id: str
    fields: dict[str, Any]
    saved_at: str  # UTC


def save_form_draft(session: StaffSession, case_id: str, fields: dict[str, Any]) -> Outcome[None]:
    """Keep the window's unsaved edits (JSON-able widget values). Not audited: a draft is the author's
    own unfinished work; what it becomes when saved is audited."""
    session.require(Permission.WRITE_CASES)
    payload = json.dumps(fields, ensure_ascii=False, default=_json_default)
    if len(payload.encode()) > MAX_DRAFT_BYTES:
        raise InvalidInput("入力が大きすぎて下書きにできません / The edits are too large for a draft.")
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        draft = _draft_row(session, uow.session, case_id)
        if draft is None:
            draft = FormDraft(id=new_id(), case_id=case_id, staff_id=session.actor.staff_id)
            uow.session.add(draft)
        draft.payload, draft.saved_at = payload, utc_now()
        uow.commit()
    return Outcome(None, Changes.of(ChangeKind.DRAFT, case=case_id))


def form_drafts(session: StaffSession) -> list[FormDraftView]:
    """The acting staff member's windows with unsaved edits (to reopen them after unlock or a crash)."""
    if not session.can(Permission.WRITE_CASES):
        return []
    with session.uow(write=False) as uow:
        rows = uow.session.scalars(
            select(FormDraft).where(FormDraft.staff_id == session.actor.staff_id).order_by(FormDraft.saved_at)
        ).all()
        return [FormDraftView(r.case_id, _load_payload(r.payload), r.saved_at) for r in rows]


def form_draft(session: StaffSession, case_id: str) -> FormDraftView | None:
    if not session.can(Permission.WRITE_CASES):
        return None
    with session.uow(write=False) as uow:
        row = _draft_row(session, uow.session, case_id)
        return FormDraftView(row.case_id, _load_payload(row.payload), row.saved_at) if row else None


def discard_form_draft(session: StaffSession, case_id: str) -> Outcome[None]:
    session.require(Permission.WRITE_CASES)
    _delete_draft(session, case_id)
    return Outcome(None, Changes.of(ChangeKind.DRAFT, case=case_id))


def _delete_draft(session: StaffSession, case_id: str) -> None:
    with session.uow() as uow:
        uow.session.execute(
            delete(FormDraft).where(
                FormDraft.case_id == case_id, FormDraft.staff_id == session.actor.staff_id
            )
        )
        uow.commit()


def _draft_row(session: StaffSession, db: Any, case_id: str) -> FormDraft | None:
    found: FormDraft | None = db.scalars(
        select(FormDraft).where(FormDraft.case_id == case_id, FormDraft.staff_id == session.actor.staff_id)
    ).first()
    return found


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON-able: {type(value).__name__}")


def _load_payload(payload: str) -> dict[str, Any]:
    try:
        data = json.loads(payload)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
