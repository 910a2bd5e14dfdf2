"""Alembic environment: the engine comes from ``central.db.alembic_config``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from central.tables import metadata

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("run migrations through central.db.migrate(), not the alembic command")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
