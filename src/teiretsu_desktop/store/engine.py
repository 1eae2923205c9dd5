"""SQLAlchemy engines over SQLCipher, keyed with a raw 32-byte key (DESIGN §3, R-ENC-01..06).

The key is applied in `creator=` as the very first statement of every DBAPI connection, never through
a URL (which would format it into SQL that SQLAlchemy may run before listeners) and never with stdlib
sqlite3. A wrong key fails on the first read inside the creator, before any ORM query, and because
the file is opened with `mode=rw` a missing file is never silently created in place of the store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from teiretsu_desktop.store.keys import DatabaseKey

# Decrypted pages stay in process memory: with SQLite's 2 MB default every cache miss decrypts a page
# again and reads cost 2-3x plain SQLite; 128 MiB holds a large center's working set.
CACHE_SIZE_KIB = 131072

# SQLCipher's memory security (mlock and wipe every allocation) is off: measured here it made bulk
# writes 40x and list queries 8x slower, while the decrypted values the application works with live in
# Python objects that are never wiped anyway. At-rest encryption is unaffected. See ADR 0004.
MEMORY_SECURITY = "OFF"

CONNECTION_PRAGMAS: tuple[tuple[str, str], ...] = (
    ("cipher_memory_security", MEMORY_SECURITY),
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    ("secure_delete", "ON"),
    ("temp_store", "MEMORY"),  # no plaintext temp files
    ("cache_size", f"-{CACHE_SIZE_KIB}"),
    ("busy_timeout", "10000"),
)

# SQLCipher 4 defaults that every store must keep (R-ENC-05).
EXPECTED_CIPHER_SETTINGS = {
    "cipher_page_size": "4096",
    "cipher_use_hmac": "1",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
}

# The SQLCipher major line this release is tested with (R-ENC-04).
SUPPORTED_CIPHER_MAJOR = "4"

Connector = Callable[[], Any]


def _quiet_sqlcipher_log() -> None:
    """SQLCipher prints HMAC failures to stderr; a wrong passphrase must show one clear line, not those.

    The log level is process-global, so it is set once on a throwaway in-memory connection and every
    store connection still starts with PRAGMA key.
    """
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    finally:
        conn.close()


_quiet_sqlcipher_log()


def key_pragma(key: DatabaseKey) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def open_dbapi_connection(path: Path, key: DatabaseKey, *, create: bool) -> Any:
    """One keyed DBAPI connection; raises sqlcipher3.DatabaseError (code 26) on a wrong key."""
    mode = "rwc" if create else "rw"
    conn = sqlcipher3.connect(
        f"{path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(key_pragma(key))
        # Reading the schema is the first access that decrypts page 1: a wrong key fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for name, value in CONNECTION_PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}").fetchall()
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(
    path: Path, key: DatabaseKey, *, create: bool = False, connector: Connector | None = None
) -> Engine:
    """An engine whose every connection is keyed. `connector` lets tests spy on connection creation."""

    def creator() -> Any:
        return open_dbapi_connection(path, key, create=create)

    engine = create_engine(
        "sqlite+pysqlite://",
        creator=connector or creator,
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        # Exceptions must never carry personal data into logs or dialogs.
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # pysqlite's implicit transactions are off (isolation_level=None); we begin explicitly so that
        # writers take the write lock up front instead of failing to upgrade a read lock later.
        write = conn.get_execution_options().get("teiretsu_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def cipher_report(conn: Any) -> dict[str, str]:
    """Cipher facts of a DBAPI connection, for the start-up check and self-test."""
    report = {
        "cipher_version": str(conn.execute("PRAGMA cipher_version").fetchone()[0]),
        "cipher_provider": str(conn.execute("PRAGMA cipher_provider").fetchone()[0]),
    }
    for (line,) in conn.execute("PRAGMA cipher_settings").fetchall():
        # lines look like "PRAGMA cipher_page_size = 4096;"
        name, _, value = str(line).removeprefix("PRAGMA ").rstrip(";").partition(" = ")
        report[name.strip()] = value.strip()
    return report


def make_plain_engine(path: Path) -> Engine:
    """An unencrypted engine with the same pragmas, for the benchmark's plain-SQLite baseline only.

    Never used for a center's store: the benchmark refuses to copy a store that holds anything but
    generated demo data.
    """

    def creator() -> Any:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        for name, value in CONNECTION_PRAGMAS:
            if not name.startswith("cipher_"):
                conn.execute(f"PRAGMA {name} = {value}").fetchall()
        return conn

    return make_engine(path, DatabaseKey(bytes(32)), connector=creator)
