"""Outbox states and ordering, and the collection cache, on real SQLite files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from offline_cache.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "terminal.db") as opened:
        yield opened


def enqueue(store: Store, aggregate: str, n: int) -> str:
    with store.transaction() as tx:
        return tx.enqueue("thing.happened", aggregate, {"n": n})


def test_claim_is_oldest_first_and_keeps_each_aggregate_in_order(store: Store) -> None:
    ids = [enqueue(store, f"locker:{n % 3}", n) for n in range(10)]
    first = store.outbox.claim_batch(4)
    assert [e.id for e in first] == ids[:4]
    store.outbox.mark_sent({e.id: None for e in first})
    # A failed attempt keeps events in place: they still block their aggregate's later ones.
    second = store.outbox.claim_batch(4)
    store.outbox.reschedule([e.id for e in second], delay=30, error="server")
    again = store.outbox.claim_batch(4)
    assert [e.id for e in again] == ids[4:8]
    assert all(e.attempts == 1 for e in again)
    assert all(e.last_error == "server" for e in again)
    assert all(e.next_attempt_at is not None for e in again)
    by_aggregate: dict[str, list[int]] = {}
    for event in store.outbox.claim_batch(100):
        by_aggregate.setdefault(event.aggregate, []).append(event.seq)
    assert all(seqs == sorted(seqs) for seqs in by_aggregate.values())


def test_next_attempt_at_never_holds_an_event_back(tmp_path: Path) -> None:
    # The kiosk clock thinks it is 2036: the retry note says so, but claiming ignores it.
    future = datetime(2036, 1, 1, tzinfo=UTC)
    with Store(tmp_path / "t.db", wall_clock=lambda: future) as store:
        event_id = enqueue(store, "a", 1)
        store.outbox.reschedule([event_id], delay=600, error="timeout")
        [event] = store.outbox.claim_batch()
        assert event.id == event_id
        assert event.next_attempt_at == future + timedelta(seconds=600)


def test_dead_letters_are_listed_counted_and_can_be_requeued(store: Store) -> None:
    ids = [enqueue(store, "a", n) for n in range(3)]
    store.outbox.dead_letter([ids[1]], reason="rejected: HTTP 400 bad_event")
    assert store.outbox.pending_count() == 2
    assert store.outbox.dead_count() == 1
    [dead] = store.outbox.dead_letters()
    assert (dead.id, dead.state, dead.last_error) == (
        ids[1],
        "dead",
        "rejected: HTTP 400 bad_event",
    )
    assert [e.id for e in store.outbox.claim_batch()] == [ids[0], ids[2]]
    store.outbox.requeue([ids[1]])
    assert [e.id for e in store.outbox.claim_batch()] == ids


def test_sent_events_are_not_resent_or_dead_lettered(store: Store) -> None:
    event_id = enqueue(store, "a", 1)
    store.outbox.mark_sent({event_id: "2026-05-01T10:00:00.000Z"})
    store.outbox.dead_letter([event_id], reason="late")
    store.outbox.reschedule([event_id], delay=1, error="late")
    event = store.outbox.get(event_id)
    assert event is not None
    assert (event.state, event.attempts) == ("sent", 0)
    assert store.outbox.claim_batch() == []


def test_prune_keeps_the_newest_sent_and_every_pending(store: Store) -> None:
    ids = [enqueue(store, "a", n) for n in range(10)]
    store.outbox.mark_sent({i: None for i in ids[:8]})
    assert store.outbox.prune_sent(keep=3) == 5
    remaining = [row[0] for row in store.query("SELECT id FROM outbox ORDER BY seq")]
    assert remaining == ids[5:]


def test_wire_form_matches_the_contract(store: Store) -> None:
    event_id = enqueue(store, "locker:B12", 7)
    [event] = store.outbox.claim_batch()
    assert event.to_wire() == {
        "id": event_id,
        "kind": "thing.happened",
        "schema_version": 1,
        "aggregate": "locker:B12",
        "seq": 1,
        "created_at": event.created_at,
        "payload": {"n": 7},
    }


def test_cache_keeps_the_last_good_copy(store: Store) -> None:
    fetched = datetime(2026, 5, 1, 8, 30, tzinfo=UTC)
    assert store.cache.get("events") is None
    store.cache.put("events", {"name": "events", "items": [1]}, etag='"v1"', fetched_at=fetched)
    later = fetched + timedelta(hours=2)
    store.cache.confirm("events", fetched_at=later)
    cached = store.cache.get("events")
    assert cached is not None
    assert (cached.body, cached.etag, cached.fetched_at) == (
        {"name": "events", "items": [1]},
        '"v1"',
        later,
    )


def test_a_corrupt_cached_body_is_not_served_and_its_etag_is_dropped(store: Store) -> None:
    now = datetime(2026, 5, 1, tzinfo=UTC)
    store.cache.put("notices", {"name": "notices", "items": []}, etag='"v1"', fetched_at=now)
    with store.transaction() as tx:
        tx.execute('UPDATE cache SET body = \'{"name": "notices", "items": [666]}\'')
    assert store.cache.get("notices") is None
    assert store.cache.etag("notices") is None
