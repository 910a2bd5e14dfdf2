"""The central database schema, as SQLAlchemy Core tables.

Alembic migrations (``central/migrations/versions``) create and evolve these tables;
this module is what the code queries against. Keep the two in step: a test compares
the migrated schema with this metadata.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
)

# Stable constraint names, so later migrations can refer to them on both backends.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend.

    PostgreSQL keeps ``timestamptz``; SQLite has no time zones, so values are stored
    as naive UTC and given their zone back on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; the central database stores aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


sites = Table(
    "sites",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("municipality", String(200), nullable=False),
    # Same shape as the kiosk's [schedule] config: timezone, staffed/meraapent periods
    # per weekday, closed dates.
    Column("schedule", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

terminals = Table(
    "terminals",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("site_id", String(64), ForeignKey("sites.id"), nullable=False),
    Column("name", String(200), nullable=False),
    # SHA-256 of the bearer token; the token itself is never stored.
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    # Lets the provisioning issue revoke/rotate without a schema change.
    Column("revoked_at", UTCDateTime, nullable=True),
)

collections = Table(
    "collections",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("content", JSON, nullable=False),
    # SHA-256 of the canonical JSON of ``content``.
    Column("etag", String(64), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

events = Table(
    "events",
    metadata,
    # The kiosk's UUIDv7: the idempotency key. The primary key is what makes a
    # concurrent duplicate fail instead of landing twice.
    Column("id", String(36), primary_key=True),
    Column("terminal_id", String(64), ForeignKey("terminals.id"), nullable=False),
    Column("kind", String(100), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("aggregate", String(200), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("payload", JSON, nullable=False),
    # SHA-256 of canonical JSON of kind + payload: duplicate versus conflict.
    Column("payload_hash", String(64), nullable=False),
    # The kiosk's clock: informational only, never used to expire anything.
    Column("created_at", UTCDateTime, nullable=False),
    # The server's clock: authoritative.
    Column("received_at", UTCDateTime, nullable=False),
    Index("ix_events_terminal_seq", "terminal_id", "seq"),
)

heartbeats = Table(
    "heartbeats",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("terminal_id", String(64), ForeignKey("terminals.id"), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("version", String(100), nullable=False),
    Column("outbox_depth", Integer, nullable=False),
    Column("last_sync", UTCDateTime, nullable=True),
    Column("devices", JSON, nullable=False),
    Index("ix_heartbeats_terminal_received", "terminal_id", "received_at"),
)

# People who may use the terminals' personal services, and their cards. The meråpent and
# locker capabilities build on these (agreements, PIN hashes and age rules come with them).
people = Table(
    "people",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("birth_year", Integer, nullable=True),
    Column("blocked", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

cards = Table(
    "cards",
    metadata,
    # Uppercase hex UID as the kiosk's card reader reports it.
    Column("uid", String(40), primary_key=True),
    Column("person_id", String(64), ForeignKey("people.id"), nullable=False),
    Column("label", String(100), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_cards_person", "person_id"),
)

__all__ = [
    "cards",
    "collections",
    "events",
    "heartbeats",
    "metadata",
    "people",
    "sites",
    "terminals",
]
