"""Is the store's schema the one this release writes? (issue 14, attack 2)

Anyone with the database key can drop the audit log's append-only triggers, an index, or add a
trigger of their own, and the data would still read. `verify` therefore compares every table, index,
trigger and view of the store with the schema the migrations produce, built once per process in an
in-memory database by the same migrations.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import sqlcipher3
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from teiretsu_desktop.store.schema import upgrade_to_head

KINDS = {"table": "テーブル", "index": "索引", "trigger": "トリガー", "view": "ビュー"}


def _table_shape(dbapi_conn: Any, name: str) -> str:
    """Columns and foreign keys as sets: a table rebuilt by a migration may list its constraints in
    another order, which is the same table."""
    quoted = name.replace('"', '""')
    columns = sorted(
        tuple(map(str, row[1:6])) for row in dbapi_conn.execute(f'PRAGMA table_info("{quoted}")')
    )
    keys = sorted(
        tuple(map(str, row[2:5])) for row in dbapi_conn.execute(f'PRAGMA foreign_key_list("{quoted}")')
    )
    return repr((columns, keys))


def _objects(dbapi_conn: Any) -> dict[tuple[str, str], str]:
    rows = dbapi_conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {
        (str(kind), str(name)): _table_shape(dbapi_conn, str(name))
        if kind == "table"
        else re.sub(r"\s+", " ", str(sql)).strip()
        for kind, name, sql in rows
    }


@functools.cache
def expected_objects() -> dict[tuple[str, str], str]:
    """The schema of a new store at the current head (no key: an in-memory database holds no data)."""
    connection = sqlcipher3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
    try:
        upgrade_to_head(engine)
        return _objects(connection)
    finally:
        engine.dispose()
        connection.close()


def schema_problems(dbapi_conn: Any) -> list[str]:
    """What differs from the expected schema: missing, changed or unexpected objects."""
    found, expected = _objects(dbapi_conn), expected_objects()
    problems = []
    for key in sorted(expected.keys() - found.keys()):
        problems.append(f"{KINDS.get(key[0], key[0])} {key[1]} がありません / {key[0]} {key[1]} is missing")
    for key in sorted(found.keys() - expected.keys()):
        problems.append(
            f"想定外の{KINDS.get(key[0], key[0])} {key[1]} があります / unexpected {key[0]} {key[1]}"
        )
    for key in sorted(found.keys() & expected.keys()):
        if found[key] != expected[key]:
            problems.append(
                f"{KINDS.get(key[0], key[0])} {key[1]} が変更されています / {key[0]} {key[1]} was altered"
            )
    return problems
