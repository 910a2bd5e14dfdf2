"""The outbox: events waiting for central, in the order they happened.

Rows are written by :meth:`offline_cache.store.Transaction.enqueue` in the caller's own
transaction and read and updated here by the sync engine.

Ordering: :meth:`Outbox.claim_batch` returns pending events strictly by ``seq`` (the terminal's
own counter, never the wall clock). So an aggregate's older pending event always comes before
its later ones, in the same batch or an earlier one, and central stores a batch atomically:
events of one aggregate reach central in order. Dead letters do not block their aggregate (a
technician sees them; one poisoned event must not stall a locker bank for ever).

``next_attempt_at`` is wall time for technicians to read. Nothing is ever delayed or expired
by it: the engine schedules retries on a monotonic clock.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from offline_cache.timeutil import format_time, parse_time

if TYPE_CHECKING:
    from offline_cache.store import Store

DEFAULT_BATCH: Final = 100
# Sent rows are kept for diagnosis, up to this many; older ones are pruned.
KEEP_SENT: Final = 10_000
_MAX_ERROR: Final = 500


class EventState(StrEnum):
    """Where an outbox event is in its life."""

    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    """One outbox row."""

    id: str
    seq: int
    kind: str
    schema_version: int
    aggregate: str
    payload: dict[str, Any]
    created_at: str
    attempts: int
    next_attempt_at: datetime | None
    state: EventState
    last_error: str | None

    def to_wire(self) -> dict[str, Any]:
        """The event as ``POST /events:batch`` takes it."""
        return {
            "id": self.id,
            "kind": self.kind,
            "schema_version": self.schema_version,
            "aggregate": self.aggregate,
            "seq": self.seq,
            "created_at": self.created_at,
            "payload": self.payload,
        }


def _event(row: Any) -> OutboxEvent:
    next_at = row["next_attempt_at"]
    return OutboxEvent(
        id=row["id"],
        seq=row["seq"],
        kind=row["kind"],
        schema_version=row["schema_version"],
        aggregate=row["aggregate"],
        payload=json.loads(row["payload"]),
        created_at=row["created_at"],
        attempts=row["attempts"],
        next_attempt_at=parse_time(next_at) if next_at else None,
        state=EventState(row["state"]),
        last_error=row["last_error"],
    )


class Outbox:
    """The sync engine's view of the outbox table (``store.outbox``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def pending_count(self) -> int:
        """Events not yet acknowledged by central (for "N hendelser venter")."""
        return int(self._store.query("SELECT count(*) FROM outbox WHERE state = 'pending'")[0][0])

    def dead_count(self) -> int:
        """Dead letters waiting for a technician."""
        return int(self._store.query("SELECT count(*) FROM outbox WHERE state = 'dead'")[0][0])

    def claim_batch(self, limit: int = DEFAULT_BATCH) -> list[OutboxEvent]:
        """The oldest pending events, by ``seq``, at most ``limit`` of them."""
        if limit < 1:
            raise ValueError("limit must be >= 1")
        rows = self._store.query(
            "SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
            (limit,),
        )
        return [_event(row) for row in rows]

    def get(self, event_id: str) -> OutboxEvent | None:
        """One event by id, in any state."""
        rows = self._store.query("SELECT * FROM outbox WHERE id = ?", (event_id,))
        return _event(rows[0]) if rows else None

    def mark_sent(self, acknowledged: Mapping[str, str | None]) -> None:
        """Central has these events: ``{id: received_at}`` (server time, may be ``None``)."""
        with self._store.transaction() as tx:
            tx.executemany(
                "UPDATE outbox SET state = 'sent', received_at = ?, last_error = NULL"
                " WHERE id = ? AND state != 'sent'",
                [(received, event_id) for event_id, received in acknowledged.items()],
            )

    def reschedule(self, ids: Iterable[str], *, delay: float, error: str) -> None:
        """Count a failed attempt; note when the engine means to try again (informational)."""
        next_at = format_time(self._store.wall_clock() + timedelta(seconds=max(0.0, delay)))
        with self._store.transaction() as tx:
            tx.executemany(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                " WHERE id = ? AND state = 'pending'",
                [(next_at, error[:_MAX_ERROR], event_id) for event_id in ids],
            )

    def dead_letter(self, ids: Iterable[str], *, reason: str) -> None:
        """Give up on these events; a technician can see them and requeue them."""
        with self._store.transaction() as tx:
            tx.executemany(
                "UPDATE outbox SET state = 'dead', attempts = attempts + 1,"
                " next_attempt_at = NULL, last_error = ? WHERE id = ? AND state = 'pending'",
                [(reason[:_MAX_ERROR], event_id) for event_id in ids],
            )

    def dead_letters(self, limit: int = 100) -> list[OutboxEvent]:
        """Dead letters, oldest first (for the technician view)."""
        rows = self._store.query(
            "SELECT * FROM outbox WHERE state = 'dead' ORDER BY seq LIMIT ?", (limit,)
        )
        return [_event(row) for row in rows]

    def requeue(self, ids: Iterable[str]) -> None:
        """A technician sends dead letters again (same id, so still at most once on central)."""
        with self._store.transaction() as tx:
            tx.executemany(
                "UPDATE outbox SET state = 'pending', next_attempt_at = NULL"
                " WHERE id = ? AND state = 'dead'",
                [(event_id,) for event_id in ids],
            )

    def prune_sent(self, keep: int = KEEP_SENT) -> int:
        """Delete all but the newest ``keep`` sent events; returns how many went."""
        with self._store.transaction() as tx:
            rows = tx.execute(
                "DELETE FROM outbox WHERE state = 'sent' AND seq <= ("
                " SELECT seq FROM outbox WHERE state = 'sent' ORDER BY seq DESC"
                " LIMIT 1 OFFSET ?) RETURNING id",
                (keep,),
            )
        return len(rows)
