"""Re-encrypting a database file under a new key in one transaction (R-KEY-06).

The rekey runs in rollback-journal mode: the journal holds the pages as they were (under the old key),
so a crash mid-way is rolled back at the next open with the old key, and a finished rekey leaves every
page under the new key. The WAL is checkpointed away first and WAL mode restored afterwards.
"""

from __future__ import annotations

from pathlib import Path

from teiretsu_desktop.store.engine import open_dbapi_connection
from teiretsu_desktop.store.keys import DatabaseKey


def rekey_file(path: Path, old_key: DatabaseKey, new_key: DatabaseKey) -> None:
    """No other connection may have the file open."""
    conn = open_dbapi_connection(path, old_key, create=False)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"").fetchall()
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
    finally:
        conn.close()
