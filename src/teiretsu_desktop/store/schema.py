"""Schema revisions: migrate on open, refuse a store written by a newer application."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from teiretsu_desktop.domain.errors import SchemaTooNew

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@functools.cache
def _shipped() -> tuple[str, frozenset[str]]:
    """The head and every revision this application ships. Read once per process: Alembic loads and
    compiles each migration file to learn them (0.1 s of every unlock otherwise, issue 19)."""
    scripts = ScriptDirectory.from_config(_config())
    head = scripts.get_current_head()
    assert head is not None, "no migrations shipped"
    return head, frozenset(script.revision for script in scripts.walk_revisions())


def head_revision() -> str:
    return _shipped()[0]


def known_revisions() -> frozenset[str]:
    return _shipped()[1]


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(conn: Connection) -> None:
    """Refuse, before any write, a store stamped with a revision this application does not know."""
    rev = current_revision(conn)
    if rev is not None and rev not in known_revisions():
        raise SchemaTooNew(
            f"このデータは新しい版のアプリで作成されています (スキーマ {rev})。アプリを更新してください / "
            f"The store was written by a newer version (schema {rev}); update the application."
        )


def upgrade_to_head(engine: Engine) -> None:
    """Apply pending migrations in one transaction (SQLite has transactional DDL)."""
    with engine.connect() as conn:
        check_not_newer(conn)
        if current_revision(conn) == head_revision():
            return
        conn.rollback()
        config = _config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
