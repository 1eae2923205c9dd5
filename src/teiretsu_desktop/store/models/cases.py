"""Cases (one episode of support), their history, reviews, consent and disclosures."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from teiretsu_desktop.store.models.base import Base, Record
from teiretsu_desktop.store.sealed import SealedText


class SupportCase(Record, Base):
    __tablename__ = "support_case"
    __table_args__ = (
        Index("ix_support_case_state_line", "state", "business_line"),
        Index("ix_support_case_expected_release", "expected_release"),
        Index("ix_support_case_detention_expiry", "detention_expiry"),
        Index("ix_support_case_release_date", "release_date"),
        Index("ix_support_case_closure_date", "closure_date"),
        Index("ix_support_case_request_date", "request_date"),
        Index("ix_support_case_updated_at", "updated_at"),
        # A search's count and the choice of its page from the index alone (migration 0026): a person's
        # cases, their state and the list's default sort.
        Index("ix_support_case_person_state", "person_id", "state", "updated_at", "id"),
        Index("ix_support_case_line_release", "business_line", "release_date"),
        # The year's caseload from the index alone, and the follow-up episodes (migration 0012).
        Index("ix_support_case_span", "closure_date", "request_date", "business_line", "person_id",
              "center_role", "release_date", "follow_up_began", "state"),
        Index("ix_support_case_follow_up", "follow_up_began", "business_line", "closure_date", "release_date",
              "person_id", "center_role", "state", "id", sqlite_where=text("follow_up_began IS NOT NULL")),
        Index("ix_support_case_returns", "business_line", "release_date", "state", "center_role",
              "release_destination_kind", "destination_kind", "person_id", "expected_release", "readmission",
              "readmission_date", "id"),
        Index("ix_support_case_endings", "business_line", "closure_date", "state", "closure_reason"),
        Index("ix_support_case_requester", "id", "requester"),
    )  # fmt: skip

    case_no: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    # Indexed by ix_support_case_person_state (its first column).
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), nullable=False)
    business_line: Mapped[str] = mapped_column(String(16), nullable=False)
    state: Mapped[str] = mapped_column(String(20), nullable=False)
    center_role: Mapped[str | None] = mapped_column(String(16))
    partner_center: Mapped[str | None] = mapped_column(String(200))
    partner_reference: Mapped[str | None] = mapped_column(String(100))
    requester: Mapped[str | None] = mapped_column(String(16))
    requester_document_no: Mapped[str | None] = mapped_column(String(100))
    # The specific office that asked (a 保護観察所, a 児童相談所…) from the 関係機関 directory; `requester` stays
    # the category the year's tables count (issue 17).
    requester_agency_id: Mapped[str | None] = mapped_column(String(36))
    request_date: Mapped[date | None] = mapped_column(Date)
    target_category: Mapped[str | None] = mapped_column(String(8))
    facility_name: Mapped[str | None] = mapped_column(String(200))
    sentence_kind: Mapped[str | None] = mapped_column(String(20))
    # Sensitive group (罪名): readable only with Permission.READ_SENSITIVE, every read audited.
    offence: Mapped[str | None] = mapped_column(SealedText)
    sentence_end: Mapped[date | None] = mapped_column(Date)
    expected_release: Mapped[date | None] = mapped_column(Date)
    detention_expiry: Mapped[date | None] = mapped_column(Date)
    lawyer_name: Mapped[str | None] = mapped_column(String(100))
    lawyer_contact: Mapped[str | None] = mapped_column(String(200))
    # 被疑者等支援's entry stage (migration 0016): 保護カード issued by the prosecutor, and the 更生緊急保護
    # the person applied for in writing and until when it runs.
    protection_card: Mapped[bool | None] = mapped_column(Boolean)
    emergency_aid_applied_on: Mapped[date | None] = mapped_column(Date)
    emergency_aid_until: Mapped[date | None] = mapped_column(Date)
    primary_staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), index=True)
    secondary_staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    release_date: Mapped[date | None] = mapped_column(Date)
    destination_kind: Mapped[str | None] = mapped_column(String(4))
    # 矯正施設退所時点の居住先: fixed at the release transition; later moves change destination_kind only.
    release_destination_kind: Mapped[str | None] = mapped_column(String(4))
    # The day it entered フォローアップ中, kept by triggers (migration 0012): never written by the application.
    follow_up_began: Mapped[date | None] = mapped_column(Date)
    # The earlier case this one follows, and how (domain/episodes.py EpisodeLink; migration 0013).
    follows_case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    follows_kind: Mapped[str | None] = mapped_column(String(16))
    destination_name: Mapped[str | None] = mapped_column(String(200))
    follow_up_planned_end: Mapped[date | None] = mapped_column(Date)
    closure_date: Mapped[date | None] = mapped_column(Date)
    closure_reason: Mapped[str | None] = mapped_column(String(20))
    readmission: Mapped[str] = mapped_column(String(8), nullable=False, default="unknown")
    readmission_date: Mapped[date | None] = mapped_column(Date)
    readmission_source: Mapped[str | None] = mapped_column(String(200))
    # 備考: free text, often brought in from a center's own ledger; it may say anything, so it is sealed.
    remarks: Mapped[str | None] = mapped_column(SealedText)


class CaseStateChange(Base):
    __tablename__ = "case_state_change"
    # When each case entered a state (フォローアップ中 starts the follow-up line in the year's tables).
    __table_args__ = (Index("ix_case_state_change_to_state", "to_state", "case_id", "changed_on"),)

    rowid: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(
        ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False, index=True
    )
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20), nullable=False)
    changed_on: Mapped[date] = mapped_column(Date, nullable=False)
    changed_at: Mapped[str] = mapped_column(String(32), nullable=False)
    staff_id: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str | None] = mapped_column(Text)  # why, for a move back (a placement fell through)


class CaseReview(Record, Base):
    """Follow-up review (seed Q6-2) or the 6-month review of 被疑者等支援 (seed Q7-19)."""

    __tablename__ = "case_review"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False, index=True
    )
    reviewed_on: Mapped[date] = mapped_column(Date, nullable=False)
    decision: Mapped[str] = mapped_column(String(20), nullable=False)
    note: Mapped[str | None] = mapped_column(Text)


class Consent(Record, Base):
    __tablename__ = "consent"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), nullable=False, index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("support_case.id"))  # the episode it is for
    # draft: prepared for signature (purpose, recipients, period); given: signed or stated.
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="given", server_default="given")
    purpose: Mapped[str] = mapped_column(Text, nullable=False)
    recipients: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list of RecipientKind
    agency_ids: Mapped[str | None] = mapped_column(Text)  # JSON list of agency ids named in the consent
    recipient_names: Mapped[str | None] = mapped_column(Text)
    scope: Mapped[str | None] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(16), nullable=False)
    prepared_on: Mapped[date | None] = mapped_column(Date)
    given_on: Mapped[date | None] = mapped_column(Date)
    given_by: Mapped[str | None] = mapped_column(String(16))
    giver_name: Mapped[str | None] = mapped_column(String(100))
    present: Mapped[str | None] = mapped_column(Text)  # family or others present, who do not give it
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawal_note: Mapped[str | None] = mapped_column(Text)


class Disclosure(Base):
    """提供記録 (APPI 法29条): every provision of personal data to a third party, whatever the channel.
    Rows cannot be changed, nor removed before the legal retention of three years (triggers, 0008)."""

    __tablename__ = "disclosure"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    disclosed_at: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), nullable=False, index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("support_case.id"))
    recipient_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    recipient_name: Mapped[str | None] = mapped_column(String(200))
    items: Mapped[str] = mapped_column(Text, nullable=False)  # JSON list of item names
    consent_id: Mapped[str | None] = mapped_column(ForeignKey("consent.id"))
    override_reason: Mapped[str | None] = mapped_column(Text)
    form_id: Mapped[str | None] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(16), nullable=False)  # ProvisionChannel
    staff_id: Mapped[str | None] = mapped_column(String(36))
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agency.id"))
    provided_on: Mapped[date | None] = mapped_column(
        Date
    )  # the day of the provision (a call may be noted later)


class Activity(Record, Base):
    """支援経過記録. Edits keep the earlier text in activity_revision."""

    __tablename__ = "activity"
    __table_args__ = (
        Index("ix_activity_case_time", "case_id", "occurred_at"),
        Index("ix_activity_time_case", "occurred_at", "case_id"),  # counting a year's contacts
        Index("ix_activity_line_time", "business_line", "occurred_at", "case_id"),  # … per line
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)  # local time of the center
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    place: Mapped[str | None] = mapped_column(String(200))
    counterpart: Mapped[str | None] = mapped_column(String(200))
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    narrative: Mapped[str] = mapped_column(SealedText, nullable=False, default="")
    duration_min: Mapped[int | None] = mapped_column(Integer)
    # When the entry was written (UTC), as distinct from occurred_at, when the interview or call happened.
    recorded_at: Mapped[str | None] = mapped_column(String(32))
    recorded_by: Mapped[str | None] = mapped_column(String(36))
    # The line of its case, kept by triggers (migration 0012): never written by the application.
    business_line: Mapped[str | None] = mapped_column(String(16))


class ActivityRevision(Base):
    __tablename__ = "activity_revision"

    rowid: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    activity_id: Mapped[str] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), nullable=False, index=True
    )
    revision_no: Mapped[int] = mapped_column(Integer, nullable=False)
    narrative: Mapped[str] = mapped_column(SealedText, nullable=False)
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime)  # the 実施日時 the version stated
    replaced_at: Mapped[str] = mapped_column(String(32), nullable=False)
    replaced_by: Mapped[str | None] = mapped_column(String(36))


class PlacementCandidate(Record, Base):
    __tablename__ = "placement_candidate"
    __table_args__ = (Index("ix_placement_candidate_status", "status", "case_id"),)  # the decided ones

    case_id: Mapped[str] = mapped_column(
        ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False, index=True
    )
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agency.id"))
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    destination_kind: Mapped[str | None] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    contacted_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class ApplicationSupport(Record, Base):
    """申請支援: one application (生活保護, 手帳, 介護認定, …). A person may need several of one kind
    (療育手帳 and 精神障害者保健福祉手帳), so each is its own line with its own dates."""

    __tablename__ = "application_support"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    applied_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    office: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    issued_on: Mapped[date | None] = mapped_column(Date)  # 交付日 (手帳, 受給者証 …)
    renew_by: Mapped[date | None] = mapped_column(Date)  # 更新期限: a reminder before it


class NoteDraft(Base):
    """A visit note being typed, saved as it is typed so that a crash or a flat battery loses nothing.

    One draft per staff member and case; it becomes an Activity when saved and is then deleted.
    """

    __tablename__ = "note_draft"
    __table_args__ = (UniqueConstraint("case_id", "staff_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    place: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(SealedText, nullable=False, default="")
    saved_at: Mapped[str] = mapped_column(String(32), nullable=False)
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime)  # the 実施日時 set in the editor


class FormDraft(Base):
    """Unsaved edits of a case window (基本情報 and the other form tabs), kept in the encrypted store
    while typing and before a lock or quit, so that neither a lock nor a crash loses them.

    One draft per staff member and case; `payload` is JSON of the edited fields only, with the
    revisions the edits were based on. Saving the case or discarding the edits deletes it.
    """

    __tablename__ = "form_draft"
    __table_args__ = (UniqueConstraint("case_id", "staff_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), nullable=False)
    payload: Mapped[str] = mapped_column(SealedText, nullable=False)
    saved_at: Mapped[str] = mapped_column(String(32), nullable=False)


class ReminderAction(Record, Base):
    """A dashboard reminder done (完了) or put off (後で) by a staff member, with the reason. Reminders
    themselves are derived from the case's dates (domain/reminders.py); this records what a person
    decided about one occurrence of one, named by `reminder_key`."""

    __tablename__ = "reminder_action"

    reminder_key: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(10), nullable=False)  # done | snoozed
    until: Mapped[date | None] = mapped_column(Date)  # a snooze: shown again from this day
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    staff_id: Mapped[str | None] = mapped_column(String(36))
    acted_on: Mapped[date] = mapped_column(Date, nullable=False)


class CaseReminder(Record, Base):
    """A reminder a caseworker set on a case (「次回は12月10日」), often from a date in a note (issue 17).
    Shown on the dashboard like the derived ones; 完了 and 後で are recorded in reminder_action."""

    __tablename__ = "case_reminder"
    __table_args__ = (
        Index("ix_case_reminder_due_on", "due_on"),
        Index("ix_case_reminder_case_id", "case_id"),
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False)
    due_on: Mapped[date] = mapped_column(Date, nullable=False)
    # Shown on every role's dashboard and part of the key a 完了 is recorded under, so not sealed: the
    # caseworker words it for the dashboard (ADR 0016).
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    activity_id: Mapped[str | None] = mapped_column(String(36))  # the note it came from
    created_by: Mapped[str | None] = mapped_column(String(36))


class PlacementAttempt(Record, Base):
    """One step with a placement candidate — 打診, 見学, 体験利用 or 回答 — on its day, with the outcome of an
    answer and its reason (domain/placement.py). Kept as history; the candidate's status follows it."""

    __tablename__ = "placement_attempt"

    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("placement_candidate.id", ondelete="CASCADE"), nullable=False, index=True
    )
    step: Mapped[str] = mapped_column(String(16), nullable=False)
    happened_on: Mapped[date] = mapped_column(Date, nullable=False)
    outcome: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[str | None] = mapped_column(String(36))


class EligibilityCheck(Record, Base):
    """One of 特別調整's six requirements as the centre confirmed it: met or not, on which day, from which
    document (domain/eligibility.py). One row per requirement and case, changed in place (audited)."""

    __tablename__ = "eligibility_check"
    __table_args__ = (
        UniqueConstraint("case_id", "requirement", name="uq_eligibility_check_case_requirement"),
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False)
    requirement: Mapped[str] = mapped_column(String(20), nullable=False)
    met: Mapped[bool] = mapped_column(Boolean, nullable=False)
    checked_on: Mapped[date] = mapped_column(Date, nullable=False)
    source: Mapped[str | None] = mapped_column(String(200))
    staff_id: Mapped[str | None] = mapped_column(String(36))


class Assessment(Record, Base):
    """One version of a case's structured アセスメント (domain/assessment.py): its items as JSON, sealed
    (要配慮 narratives). A new version is a new row; rows are not changed."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("case_id", "version", name="uq_assessment_case_version"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    written_on: Mapped[date] = mapped_column(Date, nullable=False)
    staff_id: Mapped[str | None] = mapped_column(String(36))
    items: Mapped[str] = mapped_column(SealedText, nullable=False)


class PlanItem(Record, Base):
    """One item of the 支援計画 (domain/plan.py): need, goal, action, agency, responsible person, by when,
    and its status as last reviewed. Changed in place against its revision; each change audited."""

    __tablename__ = "plan_item"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    need: Mapped[str] = mapped_column(Text, nullable=False)
    goal: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text, nullable=False)
    agency_id: Mapped[str | None] = mapped_column(String(36))
    agency_name: Mapped[str | None] = mapped_column(String(200))
    responsible: Mapped[str | None] = mapped_column(String(100))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    reviewed_on: Mapped[date | None] = mapped_column(Date)


class CaseMeeting(Record, Base):
    """A ケース会議, 個別支援検討会 or 合同支援会議 about one case (domain/meetings.py): its day, place,
    agenda, what was discussed (sealed: it may say anything) and which of the person's data was shared."""

    __tablename__ = "case_meeting"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("support_case.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    place: Mapped[str | None] = mapped_column(String(200))
    agenda: Mapped[str] = mapped_column(SealedText, nullable=False)  # free text, like the summary
    summary: Mapped[str | None] = mapped_column(SealedText)
    shared_items: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON [SharedItem]
    person_present: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    center_attendees: Mapped[str | None] = mapped_column(String(200))
    staff_id: Mapped[str | None] = mapped_column(String(36))


class MeetingAttendee(Record, Base):
    """An outside organisation's attendee; what was shared with them is the 提供記録 `disclosure_id`."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("case_meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    agency_id: Mapped[str | None] = mapped_column(String(36))
    organisation: Mapped[str] = mapped_column(String(200), nullable=False)
    recipient_kind: Mapped[str] = mapped_column(String(30), nullable=False)
    name: Mapped[str | None] = mapped_column(String(200))
    disclosure_id: Mapped[str | None] = mapped_column(String(36))


class MeetingDecision(Record, Base):
    """A decision of a meeting: what, who, by when — a reminder on the case when it has a day ahead."""

    __tablename__ = "meeting_decision"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("case_meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(SealedText, nullable=False)  # free text: sealed (ADR 0011)
    responsible: Mapped[str | None] = mapped_column(String(100))
    due_on: Mapped[date | None] = mapped_column(Date)
    reminder_id: Mapped[str | None] = mapped_column(String(36))
