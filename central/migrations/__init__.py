"""Alembic migrations for the central database (run by ``central.db.migrate``)."""
