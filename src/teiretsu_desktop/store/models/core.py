"""Tables every store has from its first revision: the center, staff, settings and the audit log."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from teiretsu_desktop.store.models.base import Base, Record
from teiretsu_desktop.store.stamps import new_id


class StoreMeta(Base):
    """Facts about the store itself (db id, creation time). Not a mergeable record."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class CenterProfile(Record, Base):
    __tablename__ = "center_profile"

    center_code: Mapped[str] = mapped_column(String(16), nullable=False)
    center_name: Mapped[str] = mapped_column(String(200), nullable=False)
    prefecture_code: Mapped[str] = mapped_column(String(2), nullable=False)


class Staff(Record, Base):
    __tablename__ = "staff"

    login: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)
    removed_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class Setting(Record, Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)  # JSON


class AuditEntry(Base):
    """One link of the append-only, hash-chained audit log (see security.audit)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True, default=new_id)
    at: Mapped[str] = mapped_column(String(32), nullable=False)
    actor_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(64), nullable=False)
    target_kind: Mapped[str | None] = mapped_column(String(64), nullable=True)
    target_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON, never personal data
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
