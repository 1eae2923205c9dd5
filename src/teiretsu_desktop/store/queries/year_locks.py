"""Years whose statistics were exported (signed off): locked until reopened with a reason."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import StoreMeta

_PREFIX = "stats.locked."


def lock_key(fiscal_year: int) -> str:
    return f"{_PREFIX}{fiscal_year}"


def locked_years(session: Session) -> set[int]:
    keys = session.execute(select(StoreMeta.key).where(StoreMeta.key.like(_PREFIX + "%"))).scalars()
    return {int(k.removeprefix(_PREFIX)) for k in keys if k.removeprefix(_PREFIX).isdigit()}
