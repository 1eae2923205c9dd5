"""The agency directory, consultations (相談支援 intake) and network activities."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from teiretsu_desktop.store.models.base import Base, Record
from teiretsu_desktop.store.sealed import SealedText


class Agency(Record, Base):
    __tablename__ = "agency"

    kind: Mapped[str] = mapped_column(String(24), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    municipality_code: Mapped[str | None] = mapped_column(String(6))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(50))
    contact_person: Mapped[str | None] = mapped_column(String(100))
    accepts: Mapped[str | None] = mapped_column(Text)
    capacity_note: Mapped[str | None] = mapped_column(Text)


class Consultation(Record, Base):
    __tablename__ = "consultation"

    received_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    channel: Mapped[str] = mapped_column(String(16), nullable=False)
    consulter_kind: Mapped[str] = mapped_column(String(16), nullable=False)
    anonymous: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    topics: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list of ConsultationTopic
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    outcome: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("support_case.id"))


class NetworkActivity(Record, Base):
    __tablename__ = "network_activity"

    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    council_kind: Mapped[str | None] = mapped_column(String(20))
    hosted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    topic: Mapped[str] = mapped_column(String(300), nullable=False)
    participants: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON {AgencyKind: count}
    note: Mapped[str | None] = mapped_column(Text)
    # Q9-6: where it was done, what it was if the seed leaves it out, and the provider visited (and
    # whether it had already been 開拓済み).
    scope: Mapped[str | None] = mapped_column(String(20))
    exclusion: Mapped[str | None] = mapped_column(String(20))
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agency.id"))
    already_developed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class SelectionAdvice(Record, Base):
    """Advice given to an agency while it selects someone (domain/advice.py): not a case. `subject` is
    how the agency calls the person (称呼番号, initials) and `advice` what was advised — both sealed;
    `case_id` is the case opened when the person was later referred."""

    __tablename__ = "selection_advice"

    advised_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    stage: Mapped[str] = mapped_column(String(16), nullable=False)
    agency_id: Mapped[str | None] = mapped_column(String(36))
    agency_name: Mapped[str] = mapped_column(String(200), nullable=False)
    subject: Mapped[str | None] = mapped_column(SealedText)
    advice: Mapped[str] = mapped_column(SealedText, nullable=False)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    staff_id: Mapped[str | None] = mapped_column(String(36))
