"""Integrity checks (R-REL-02) and the logical dump used to prove a restore (R-REL-06)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Engine


def integrity_problems(dbapi_conn: Any) -> list[str]:
    """Empty when `PRAGMA quick_check` says ok and `cipher_integrity_check` returns no rows."""
    problems: list[str] = []
    try:
        rows = [str(r[0]) for r in dbapi_conn.execute("PRAGMA quick_check").fetchall()]
        if rows != ["ok"]:
            problems.append("quick_check: " + "; ".join(rows[:5]))
    except Exception as exc:  # a damaged page can make the check itself fail
        problems.append(f"quick_check: {type(exc).__name__}: {exc}")
    try:
        rows = [str(r[0]) for r in dbapi_conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        if rows:
            problems.append("cipher_integrity_check: " + "; ".join(rows[:5]))
    except Exception as exc:
        problems.append(f"cipher_integrity_check: {type(exc).__name__}: {exc}")
    return problems


def engine_integrity_problems(engine: Engine) -> list[str]:
    raw = engine.raw_connection()
    try:
        return integrity_problems(raw.driver_connection)
    finally:
        raw.close()


def user_tables(dbapi_conn: Any) -> list[str]:
    rows = dbapi_conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%\\_fts%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def row_counts(dbapi_conn: Any) -> dict[str, int]:
    return {table: _count(dbapi_conn, table) for table in user_tables(dbapi_conn)}


def _count(dbapi_conn: Any, table: str) -> int:
    # Table names come from sqlite_master, never from input.
    sql = f'SELECT count(*) FROM "{table}"'  # noqa: S608
    return int(dbapi_conn.execute(sql).fetchone()[0])


def logical_dump_sha256(dbapi_conn: Any) -> str:
    """A digest of every row of every table, independent of page layout."""
    digest = hashlib.sha256()
    for table in user_tables(dbapi_conn):
        digest.update(f"\x00table:{table}\n".encode())
        rows = dbapi_conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608
        for row in rows:
            digest.update(json.dumps(list(row), ensure_ascii=False, default=repr).encode() + b"\n")
    return digest.hexdigest()
