"""Data access over SQLAlchemy Core: the only module that writes SQL.

Functions take a ``Connection`` inside the caller's transaction, except
``ingest_batch``, which owns its transaction because it retries it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeAlias

from sqlalchemy import Connection, Engine, Row, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from central.security import hash_token, new_token
from central.tables import cards, collections, events, heartbeats, people, sites, terminals

# A result row of any shape (SQLAlchemy 2.1 types rows by their columns).
AnyRow: TypeAlias = Row[*tuple[Any, ...]]

# Reference-data collections the API knows; any other name is a 404.
COLLECTION_NAMES = ("events", "notices")
INGEST_ATTEMPTS = 5


def canonical_json(value: object) -> bytes:
    """Sorted keys, no whitespace, UTF-8: equal data gives equal bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def content_hash(value: object) -> str:
    """Hex SHA-256 of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical_json(value)).hexdigest()


class UnknownSiteError(LookupError):
    """A terminal was asked for at a site that does not exist."""


class IngestBusyError(RuntimeError):
    """Concurrent writers kept colliding; the client should retry the batch."""


# --- sites ---------------------------------------------------------------------------------


def put_site(
    conn: Connection,
    site_id: str,
    *,
    name: str,
    municipality: str,
    schedule: dict[str, Any],
    now: datetime,
) -> bool:
    """Create or replace a site; True when it was created."""
    values = {"name": name, "municipality": municipality, "schedule": schedule, "updated_at": now}
    exists = conn.execute(select(sites.c.id).where(sites.c.id == site_id)).first()
    if exists:
        conn.execute(update(sites).where(sites.c.id == site_id).values(**values))
        return False
    conn.execute(insert(sites).values(id=site_id, **values))
    return True


def get_site(conn: Connection, site_id: str) -> AnyRow | None:
    return conn.execute(select(sites).where(sites.c.id == site_id)).first()


# --- people and cards ------------------------------------------------------------------------


def put_person(
    conn: Connection,
    person_id: str,
    *,
    display_name: str,
    birth_year: int | None,
    blocked: bool,
    cards_: Sequence[tuple[str, str]],
    now: datetime,
) -> None:
    """Create or replace a person with exactly the given cards ``(uid, label)``."""
    values = {"display_name": display_name, "birth_year": birth_year, "blocked": blocked}
    if conn.execute(select(people.c.id).where(people.c.id == person_id)).first():
        conn.execute(update(people).where(people.c.id == person_id).values(**values))
    else:
        conn.execute(insert(people).values(id=person_id, created_at=now, **values))
    conn.execute(delete(cards).where(cards.c.person_id == person_id))
    for uid, label in cards_:
        conn.execute(
            insert(cards).values(uid=uid.upper(), person_id=person_id, label=label, created_at=now)
        )


def list_people(conn: Connection) -> list[tuple[AnyRow, list[AnyRow]]]:
    """Every person with their cards, by id."""
    rows = conn.execute(select(people).order_by(people.c.id)).all()
    card_rows = conn.execute(select(cards).order_by(cards.c.uid)).all()
    by_person: dict[str, list[AnyRow]] = {}
    for card in card_rows:
        by_person.setdefault(card.person_id, []).append(card)
    return [(row, by_person.get(row.id, [])) for row in rows]


# --- terminals -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewTerminal:
    terminal_id: str
    token: str


def create_terminal(conn: Connection, *, site_id: str, name: str, now: datetime) -> NewTerminal:
    """A terminal with a fresh token; the token is returned once and stored hashed."""
    if get_site(conn, site_id) is None:
        raise UnknownSiteError(site_id)
    token = new_token()
    terminal_id = "t_" + secrets.token_hex(8)
    conn.execute(
        insert(terminals).values(
            id=terminal_id,
            site_id=site_id,
            name=name,
            token_hash=hash_token(token),
            created_at=now,
        )
    )
    return NewTerminal(terminal_id, token)


def rotate_terminal_token(conn: Connection, terminal_id: str) -> str:
    """A new token for an existing terminal; the old one stops working."""
    token = new_token()
    conn.execute(
        update(terminals)
        .where(terminals.c.id == terminal_id)
        .values(token_hash=hash_token(token), revoked_at=None)
    )
    return token


def terminal_by_token(conn: Connection, token: str) -> AnyRow | None:
    """The live (not revoked) terminal holding ``token``."""
    return conn.execute(
        select(terminals.c.id, terminals.c.site_id, terminals.c.name).where(
            terminals.c.token_hash == hash_token(token), terminals.c.revoked_at.is_(None)
        )
    ).first()


def terminal_by_name(conn: Connection, site_id: str, name: str) -> AnyRow | None:
    return conn.execute(
        select(terminals.c.id).where(terminals.c.site_id == site_id, terminals.c.name == name)
    ).first()


def list_terminals(conn: Connection) -> list[tuple[AnyRow, AnyRow | None]]:
    """Every terminal with its latest heartbeat (or ``None``)."""
    rows = conn.execute(select(terminals).order_by(terminals.c.site_id, terminals.c.id)).all()
    latest = (
        select(heartbeats.c.terminal_id, func.max(heartbeats.c.id).label("id"))
        .group_by(heartbeats.c.terminal_id)
        .subquery()
    )
    beats = {
        beat.terminal_id: beat
        for beat in conn.execute(select(heartbeats).join(latest, heartbeats.c.id == latest.c.id))
    }
    return [(row, beats.get(row.id)) for row in rows]


# --- collections ---------------------------------------------------------------------------


def put_collection(
    conn: Connection, name: str, items: list[dict[str, Any]], *, now: datetime
) -> tuple[int, str]:
    """Replace a collection's items; the version moves only when the content changes."""
    etag = content_hash(items)
    row = conn.execute(select(collections).where(collections.c.name == name)).first()
    if row is None:
        conn.execute(
            insert(collections).values(
                name=name, version=1, content=items, etag=etag, updated_at=now
            )
        )
        return 1, etag
    if row.etag == etag:
        return int(row.version), etag
    version = int(row.version) + 1
    conn.execute(
        update(collections)
        .where(collections.c.name == name)
        .values(version=version, content=items, etag=etag, updated_at=now)
    )
    return version, etag


def get_collection(conn: Connection, name: str) -> tuple[int, list[dict[str, Any]]]:
    """(version, items); an empty version 0 for a known collection never written."""
    row = conn.execute(
        select(collections.c.version, collections.c.content).where(collections.c.name == name)
    ).first()
    if row is None:
        return 0, []
    return int(row.version), list(row.content)


# --- events --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewEvent:
    id: str
    kind: str
    schema_version: int
    aggregate: str
    seq: int
    created_at: datetime
    payload: dict[str, Any]

    @property
    def payload_hash(self) -> str:
        # The contract: the same id with the same kind and payload is a duplicate.
        return content_hash({"kind": self.kind, "payload": self.payload})


@dataclass(frozen=True)
class EventOutcome:
    id: str
    status: Literal["stored", "duplicate"]
    received_at: datetime


@dataclass(frozen=True)
class BatchOutcome:
    """Either ``results`` (all stored or duplicate) or ``conflicts`` (nothing stored)."""

    results: list[EventOutcome]
    conflicts: list[str]


def _existing(conn: Connection, ids: Sequence[str]) -> dict[str, AnyRow]:
    rows = conn.execute(
        select(
            events.c.id, events.c.terminal_id, events.c.payload_hash, events.c.received_at
        ).where(events.c.id.in_(ids))
    ).all()
    return {row.id: row for row in rows}


def _ingest_once(
    conn: Connection, terminal_id: str, batch: Sequence[NewEvent], now: datetime
) -> BatchOutcome:
    stored = _existing(conn, sorted({event.id for event in batch}))
    results: list[EventOutcome] = []
    conflicts: list[str] = []
    fresh: dict[str, NewEvent] = {}
    for event in batch:
        previous = stored.get(event.id)
        if previous is not None:
            # Another terminal's id is never "the same event", whatever its payload.
            same = (
                previous.terminal_id == terminal_id and previous.payload_hash == event.payload_hash
            )
            received = previous.received_at
        elif event.id in fresh:  # the same id twice in one batch
            same = fresh[event.id].payload_hash == event.payload_hash
            received = now
        else:
            fresh[event.id] = event
            results.append(EventOutcome(event.id, "stored", now))
            continue
        if not same:
            conflicts.append(event.id)
        else:
            results.append(EventOutcome(event.id, "duplicate", received))
    if conflicts:
        return BatchOutcome([], sorted(set(conflicts)))
    if fresh:
        conn.execute(
            insert(events),
            [
                {
                    "id": event.id,
                    "terminal_id": terminal_id,
                    "kind": event.kind,
                    "schema_version": event.schema_version,
                    "aggregate": event.aggregate,
                    "seq": event.seq,
                    "payload": event.payload,
                    "payload_hash": event.payload_hash,
                    "created_at": event.created_at,
                    "received_at": now,
                }
                for event in fresh.values()
            ],
        )
    return BatchOutcome(results, [])


def ingest_batch(
    engine: Engine, terminal_id: str, batch: Sequence[NewEvent], clock: Callable[[], datetime]
) -> BatchOutcome:
    """Store a batch atomically, each id at most once, however many clients race.

    The primary key is the arbiter: a concurrent writer that inserted one of our ids
    first makes our insert (or commit) fail with ``IntegrityError``. The whole batch
    then rolls back and runs again, and this time sees that row, so it is reported
    as a duplicate or a conflict by comparing payload hashes.
    """
    for _attempt in range(INGEST_ATTEMPTS):
        try:
            with engine.begin() as conn:
                return _ingest_once(conn, terminal_id, batch, clock())
        except IntegrityError:
            continue
    raise IngestBusyError(f"batch collided with concurrent writers {INGEST_ATTEMPTS} times")


def list_events(conn: Connection, terminal_id: str | None = None) -> list[AnyRow]:
    query = select(events).order_by(events.c.received_at, events.c.terminal_id, events.c.seq)
    if terminal_id is not None:
        query = query.where(events.c.terminal_id == terminal_id)
    return list(conn.execute(query).all())


# --- heartbeats ----------------------------------------------------------------------------


def record_heartbeat(
    conn: Connection,
    terminal_id: str,
    *,
    version: str,
    outbox_depth: int,
    last_sync: datetime | None,
    devices: dict[str, str],
    now: datetime,
) -> None:
    conn.execute(
        insert(heartbeats).values(
            terminal_id=terminal_id,
            received_at=now,
            version=version,
            outbox_depth=outbox_depth,
            last_sync=last_sync,
            devices=devices,
        )
    )
