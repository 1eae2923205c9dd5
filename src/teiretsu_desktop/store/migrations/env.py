"""Alembic environment: runs only on a connection handed in by teiretsu_desktop.store.schema.

There is no alembic.ini and no URL: the store is always opened through the keyed engine.
"""

from __future__ import annotations

from alembic import context

from teiretsu_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
