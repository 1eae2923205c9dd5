"""Capture triggers: every insert, update and delete of a replicated table is logged in sync_log.

Triggers rather than session events, because the ledger import and the demo generator write through
SQLAlchemy Core in bulk, and a change that escaped the log would never reach the other devices. They
log only while `sync_capture.enabled` is 1: a store that is not part of a sync group logs nothing, and
applying a packet turns it off so that other devices' writes are not logged as this device's.

The trigger text is generated from the table's columns when a migration installs it; the schema check
(`verify`) then compares it like any other trigger.
"""

from __future__ import annotations

from typing import Any

from teiretsu_desktop.store.sync.tables import ROWID_TABLES, key_column

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
_ENABLED = "(SELECT enabled FROM sync_capture WHERE id = 1) = 1"


def _columns(conn: Any, table: str) -> list[str]:
    rows = conn.exec_driver_sql(f'PRAGMA table_info("{table}")').fetchall()
    return [str(r[1]) for r in rows if not (table in ROWID_TABLES and r[1] == "rowid")]


def _json(prefix: str, columns: list[str]) -> str:
    # json_object takes at most 127 arguments; wide tables are split and patched together.
    parts = []
    for start in range(0, len(columns), 50):
        chunk = columns[start : start + 50]
        parts.append("json_object(" + ", ".join(f"'{c}', {prefix}.\"{c}\"" for c in chunk) + ")")
    text = parts[0]
    for part in parts[1:]:
        text = f"json_patch({text}, {part})"
    return text


def trigger_sql(table: str, columns: list[str]) -> list[str]:
    key = key_column(table)
    old_rev = "OLD.revision" if "revision" in columns else "NULL"
    insert = (
        f'CREATE TRIGGER sync_{table}_ai AFTER INSERT ON "{table}" WHEN {_ENABLED} BEGIN '  # noqa: S608
        f"INSERT INTO sync_log (tbl, op, key, old_rev, row, changed, at) VALUES "
        f"('{table}', 'I', NEW.{key}, NULL, {_json('NEW', columns)}, NULL, {_NOW}); END"
    )
    delete = (
        f'CREATE TRIGGER sync_{table}_ad AFTER DELETE ON "{table}" WHEN {_ENABLED} BEGIN '  # noqa: S608
        f"INSERT INTO sync_log (tbl, op, key, old_rev, row, changed, at) VALUES "
        f"('{table}', 'D', OLD.{key}, {old_rev}, {_json('OLD', columns)}, NULL, {_NOW}); END"
    )
    if table in ROWID_TABLES:
        # Rows of these tables are known by their content: an edit is the old row removed and a new added.
        update_body = (
            f"INSERT INTO sync_log (tbl, op, key, old_rev, row, changed, at) VALUES "  # noqa: S608
            f"('{table}', 'D', OLD.{key}, NULL, {_json('OLD', columns)}, NULL, {_NOW}); "
            f"INSERT INTO sync_log (tbl, op, key, old_rev, row, changed, at) VALUES "
            f"('{table}', 'I', NEW.{key}, NULL, {_json('NEW', columns)}, NULL, {_NOW});"
        )
    else:
        changed = " || ".join(
            f"(CASE WHEN OLD.\"{c}\" IS NOT NEW.\"{c}\" THEN '{c},' ELSE '' END)" for c in columns
        )
        update_body = (
            f"INSERT INTO sync_log (tbl, op, key, old_rev, row, changed, at) VALUES "  # noqa: S608
            f"('{table}', 'U', NEW.{key}, {old_rev}, {_json('NEW', columns)}, {changed}, {_NOW});"
        )
    update = (
        f'CREATE TRIGGER sync_{table}_au AFTER UPDATE ON "{table}" WHEN {_ENABLED} BEGIN {update_body} END'
    )
    return [insert, update, delete]


def install(conn: Any, tables: tuple[str, ...]) -> None:
    """(Re)install the capture triggers of `tables` from their current columns (inside a migration)."""
    for table in tables:
        for kind in ("ai", "au", "ad"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS sync_{table}_{kind}")
        for sql in trigger_sql(table, _columns(conn, table)):
            conn.exec_driver_sql(sql)


def columns_of(conn: Any, table: str) -> list[str]:
    """The columns a row of `table` travels with (rowid tables without their rowid)."""
    return _columns(conn, table)
