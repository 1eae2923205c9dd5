"""Declarative base and the columns every mergeable record carries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from teiretsu_desktop.store.stamps import new_id, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Record:
    """Mixin: a UUID key and a revision counter with who changed it last and when.

    The revision is SQLAlchemy's version counter, so a stale update fails instead of overwriting, and
    the stores of a center's laptops can later be merged record by record.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    revision: Mapped[int] = mapped_column(nullable=False, default=1)
    updated_at: Mapped[str] = mapped_column(String(32), nullable=False, default=utc_now)
    updated_by: Mapped[str | None] = mapped_column(String(36), nullable=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.revision}
