"""Steering SQLite's planner, which keeps no statistics here (ADR 0017)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal_column


def unindexed(column: Any) -> Any:
    """`+column`: the same values, but SQLite will not choose an index on it (its documented way to
    make a query walk the index that scales instead)."""
    return literal_column(f"+{column.table.name}.{column.name}", type_=column.type)
