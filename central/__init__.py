"""Reference server for Torgkiosk's central API (v1).

Stands alone: it shares only the HTTP/JSON contract (``docs/api.md``,
``docs/api/openapi.json``) with the kiosk and imports none of the kiosk's packages
(import-linter enforces it). FastAPI over SQLAlchemy Core; a SQLite file by default,
PostgreSQL by URL; Alembic migrations live in ``central/migrations``.
"""
