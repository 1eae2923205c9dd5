"""対象者 (persons) and what belongs to them: names for search, disabilities, certificates."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from teiretsu_desktop.store.models.base import Base, Record
from teiretsu_desktop.store.sealed import SealedText


class Person(Record, Base):
    __tablename__ = "person"
    # The case list sorted by name walks this instead of sorting every open case (issue 19).
    __table_args__ = (Index("ix_person_kana", "family_kana", "given_kana"),)

    family_name: Mapped[str] = mapped_column(String(100), nullable=False)
    given_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    family_kana: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    given_kana: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    alias: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(4))
    nationality: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(50))
    registered_address: Mapped[str | None] = mapped_column(Text)
    registration_status: Mapped[str | None] = mapped_column(String(16))
    desired_return_area: Mapped[str | None] = mapped_column(String(200))
    support_category: Mapped[str | None] = mapped_column(String(8))
    care_level: Mapped[str | None] = mapped_column(String(8))
    care_valid_until: Mapped[date | None] = mapped_column(Date)
    public_assistance: Mapped[bool | None] = mapped_column(Boolean)
    pension: Mapped[str | None] = mapped_column(String(200))
    health_insurance: Mapped[str | None] = mapped_column(String(200))
    money_management: Mapped[str | None] = mapped_column(String(200))
    family_contacts: Mapped[str | None] = mapped_column(Text)
    emergency_contact: Mapped[str | None] = mapped_column(Text)
    wishes: Mapped[str | None] = mapped_column(Text)
    # Sensitive group (生活歴・診断): readable only with Permission.READ_SENSITIVE, every read audited.
    life_history: Mapped[str | None] = mapped_column(SealedText)
    diagnosis: Mapped[str | None] = mapped_column(SealedText)
    medical_notes: Mapped[str | None] = mapped_column(SealedText)


class PersonName(Base):
    """Every name a person may be searched by (name, reading, alias, former names), normalised.

    `key` is domain.names.normalize_name(text); an index on it (with the person id, so a search reads
    no table rows: migration 0025) serves prefix search as one types and the FTS5 trigram table
    person_name_fts (kept in step by triggers) serves substrings of 3+ chars.
    """

    __tablename__ = "person_name"
    __table_args__ = (
        Index("ix_person_name_key_person", "key", "person_id"),
        Index("ix_person_name_person_id", "person_id"),
    )

    rowid: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)  # name | kana | alias | former
    text: Mapped[str] = mapped_column(String(200), nullable=False)
    key: Mapped[str] = mapped_column(String(200), nullable=False)


class Disability(Base):
    __tablename__ = "disability"
    __table_args__ = (UniqueConstraint("person_id", "kind"),)

    rowid: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    # 判明日: when the center learned of it, so that a past year's table counts what was known then.
    identified_on: Mapped[date | None] = mapped_column(Date)


class Certificate(Record, Base):
    """手帳: the national kind and grade plus the issuing prefecture's own label (療育 grades differ)."""

    __tablename__ = "certificate"

    person_id: Mapped[str] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    grade: Mapped[str | None] = mapped_column(String(16))
    local_label: Mapped[str | None] = mapped_column(String(50))
    number: Mapped[str | None] = mapped_column(String(50))
    issuer: Mapped[str | None] = mapped_column(String(100))
    issued_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
