"""The sync engine with a scripted client, virtual time and a seeded RNG, on a real SQLite file."""

from __future__ import annotations

import random
import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from offline_cache.central_client import (
    BadResponseError,
    BatchResult,
    Collection,
    ConflictError,
    ErrorKind,
    EventResult,
    NotModified,
    PermanentError,
    RetryableError,
    UnauthorizedError,
)
from offline_cache.store import Store
from offline_cache.sync import SyncEngine, full_jitter, read_status
from tests.support.fault_server import wait_until

CENTRAL_TIME = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


Outcome = Exception | Callable[[Sequence[Mapping[str, Any]]], BatchResult] | None


class ScriptedCentral:
    """Answers from a script (exceptions to raise), else like a healthy central."""

    def __init__(self) -> None:
        self.post_script: deque[Exception] = deque()
        self.get_script: deque[Exception] = deque()
        self.batches: list[list[str]] = []
        self.stored: dict[str, int] = {}
        self.tokens: list[str] = []
        self.collections: dict[str, tuple[str, list[Any]]] = {
            "events": ('"e1"', [{"title": "Språkkafé"}]),
            "notices": ('"n1"', []),
        }
        self.conditional: list[tuple[str, str | None]] = []
        self.heartbeats: list[int] = []

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult:
        ids = [str(e["id"]) for e in events]
        self.batches.append(ids)
        if self.post_script:
            raise self.post_script.popleft()
        results = []
        for event_id in ids:
            status = "duplicate" if event_id in self.stored else "stored"
            self.stored[event_id] = self.stored.get(event_id, 0) + (status == "stored")
            results.append(EventResult(event_id, status, "2026-05-01T10:00:00.000Z"))
        return BatchResult(tuple(results), CENTRAL_TIME)

    def get_collection(self, name: str, etag: str | None = None) -> Collection | NotModified:
        self.conditional.append((name, etag))
        if self.get_script:
            raise self.get_script.popleft()
        current, items = self.collections[name]
        if etag == current:
            return NotModified(CENTRAL_TIME)
        return Collection(name, {"name": name, "items": items}, current, CENTRAL_TIME)

    def heartbeat(
        self,
        *,
        version: str,
        outbox_depth: int,
        last_sync: datetime | None,
        devices: Mapping[str, str],
    ) -> datetime | None:
        self.heartbeats.append(outbox_depth)
        return CENTRAL_TIME

    def set_token(self, token: str) -> None:
        self.tokens.append(token)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    # A kiosk clock nine days behind central: nothing may depend on it.
    with Store(tmp_path / "t.db", wall_clock=lambda: CENTRAL_TIME - timedelta(days=9)) as opened:
        yield opened


@pytest.fixture
def central() -> ScriptedCentral:
    return ScriptedCentral()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_engine(store: Store, central: ScriptedCentral, clock: Clock, **kwargs: Any) -> SyncEngine:
    options: dict[str, Any] = {"clock": clock, "rng": random.Random(7), **kwargs}
    return SyncEngine(store, central, **options)


def enqueue(store: Store, n: int, aggregate: str = "a") -> list[str]:
    ids = []
    for i in range(n):
        with store.transaction() as tx:
            ids.append(tx.enqueue("thing.happened", aggregate, {"i": i}))
    return ids


def server_error(retry_after: float | None = None) -> RetryableError:
    return RetryableError("HTTP 503", kind=ErrorKind.SERVER, status=503, retry_after=retry_after)


def test_drains_in_batches_oldest_first(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    ids = enqueue(store, 250)
    engine = make_engine(store, central, clock)
    delays = [engine.run_once() for _ in range(3)]
    assert [len(b) for b in central.batches] == [100, 100, 50]
    assert [i for batch in central.batches for i in batch] == ids
    assert delays[:2] == [0.0, 0.0]
    assert delays[2] > 0
    assert store.outbox.pending_count() == 0
    status = engine.status
    assert (status.online, status.pending, status.last_error) == (True, 0, None)
    assert status.last_sync == CENTRAL_TIME  # central's clock, not the kiosk's


def test_full_jitter_bounds_cap_and_spread() -> None:
    rng = random.Random(1)
    for failures in range(20):
        ceiling = min(600.0, 2.0 * 2**failures)
        samples = [full_jitter(rng, failures, base=2.0, cap=600.0) for _ in range(200)]
        assert all(0.0 <= s <= ceiling for s in samples)
        assert len(set(samples)) > 150  # jitter, not a fixed step
        assert max(samples) > ceiling * 0.8  # and it does use the whole range
    assert full_jitter(rng, 10_000, base=2.0, cap=600.0) <= 600.0


def test_backoff_grows_with_jitter_respects_cap_and_resets(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    enqueue(store, 1)
    engine = make_engine(store, central, clock)
    central.post_script.extend(server_error() for _ in range(15))
    delays = []
    for _ in range(15):
        delay = engine.run_once()
        # Not due yet: nothing is sent, the wait is what remains.
        clock.now += delay / 2
        remaining = engine.run_once()
        assert remaining == pytest.approx(delay / 2)
        clock.now += remaining
        delays.append(delay)
    assert len(central.batches) == 15
    for n, delay in enumerate(delays):
        assert 0 <= delay <= min(600, 2 * 2**n)
    assert max(delays) <= 600
    assert len(set(delays)) == len(delays)
    assert engine.status.online is False
    assert engine.status.last_error is ErrorKind.SERVER
    [event] = store.outbox.claim_batch()
    assert event.attempts == 15
    assert event.last_error == "server"

    assert engine.run_once() > 0  # success: the outbox is empty
    assert store.outbox.pending_count() == 0
    enqueue(store, 1)
    central.post_script.append(server_error())
    assert engine.run_once() <= 2.0  # the failure count started over


def test_two_engines_with_different_seeds_do_not_retry_in_lockstep(
    tmp_path: Path, central: ScriptedCentral
) -> None:
    delays = []
    for seed in (1, 2):
        with Store(tmp_path / f"{seed}.db") as store:
            enqueue(store, 1)
            central.post_script.extend([server_error(), server_error(), server_error()])
            clock = Clock()
            engine = SyncEngine(store, central, clock=clock, rng=random.Random(seed))
            run = []
            for _ in range(3):
                run.append(engine.run_once())
                clock.now += run[-1]
            delays.append(run)
    assert delays[0] != delays[1]


def test_retry_after_is_never_undercut(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    enqueue(store, 1)
    engine = make_engine(store, central, clock)
    central.post_script.append(server_error(retry_after=120))
    delay = engine.run_once()
    assert delay >= 120
    clock.now += 119.9
    assert engine.run_once() > 0
    assert len(central.batches) == 1
    clock.now += delay - 119.9
    engine.run_once()
    assert store.outbox.pending_count() == 0


def test_a_short_retry_after_does_not_shorten_the_backoff(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    enqueue(store, 1)
    engine = make_engine(store, central, clock)
    for _ in range(6):
        central.post_script.append(server_error(retry_after=1))
        clock.now += engine.run_once()
    rng = random.Random(7)
    expected = [max(1.0, full_jitter(rng, n, base=2.0, cap=600.0)) for n in range(7)]
    central.post_script.append(server_error(retry_after=1))
    assert engine.run_once() == pytest.approx(expected[6])


@pytest.mark.parametrize(
    "failure",
    [
        RetryableError("x", kind=ErrorKind.NETWORK),
        RetryableError("x", kind=ErrorKind.TIMEOUT),
        RetryableError("x", kind=ErrorKind.TLS),
        BadResponseError("garbage"),
    ],
)
def test_transient_failures_keep_events_pending(
    store: Store, central: ScriptedCentral, clock: Clock, failure: Exception
) -> None:
    enqueue(store, 3)
    engine = make_engine(store, central, clock)
    central.post_script.append(failure)
    assert engine.run_once() > 0
    assert store.outbox.pending_count() == 3
    assert store.outbox.dead_count() == 0
    assert engine.status.last_error is getattr(failure, "kind", ErrorKind.BAD_RESPONSE)


def test_401_refreshes_the_token_once_and_retries(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    enqueue(store, 1)
    engine = make_engine(store, central, clock, token_refresh=lambda: "fresh")
    central.post_script.append(UnauthorizedError("no", status=401))
    engine.run_once()
    assert central.tokens == ["fresh"]
    assert len(central.batches) == 2
    assert store.outbox.pending_count() == 0


def test_still_401_after_refresh_stays_offline_and_dead_letters_nothing(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    enqueue(store, 2)
    refreshes: list[int] = []

    def refresh() -> str:
        refreshes.append(1)
        return "still-wrong"

    engine = make_engine(store, central, clock, token_refresh=refresh)
    central.post_script.extend(UnauthorizedError("no", status=401) for _ in range(4))
    delay = engine.run_once()
    assert delay > 0
    assert len(refreshes) == 1
    assert len(central.batches) == 2
    assert store.outbox.pending_count() == 2
    assert store.outbox.dead_count() == 0
    assert engine.status.last_error is ErrorKind.UNAUTHORIZED
    assert engine.status.online is False
    assert read_status(store).last_error is ErrorKind.UNAUTHORIZED


def test_a_conflict_dead_letters_those_ids_and_sends_the_rest(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    ids = enqueue(store, 3)
    engine = make_engine(store, central, clock)
    central.post_script.append(ConflictError([ids[1]]))
    assert engine.run_once() == 0.0  # no backoff: the rest goes now
    engine.run_once()
    assert central.batches[1] == [ids[0], ids[2]]
    [dead] = store.outbox.dead_letters()
    assert (dead.id, dead.last_error) == (ids[1], "idempotency_conflict")
    assert store.outbox.pending_count() == 0


def test_a_rejected_batch_is_isolated_so_only_the_bad_event_dies(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    ids = enqueue(store, 4)
    bad = ids[2]
    engine = make_engine(store, central, clock)
    rejected = PermanentError("HTTP 400", status=400, code="bad_event")
    central.post_script.append(rejected)
    original = central.post_events

    def post(events: Sequence[Mapping[str, Any]]) -> BatchResult:
        if len(events) == 1 and events[0]["id"] == bad:
            central.batches.append([bad])
            raise rejected
        return original(events)

    central.post_events = post  # type: ignore[method-assign]
    for _ in range(6):
        engine.run_once()
    assert [e.id for e in store.outbox.dead_letters()] == [bad]
    assert set(central.stored) == {ids[0], ids[1], ids[3]}
    assert store.outbox.pending_count() == 0
    # Back to whole batches after the isolated stretch.
    later = enqueue(store, 3)
    engine.run_once()
    assert central.batches[-1] == later


@pytest.mark.parametrize("status", [403, 404, 405])
def test_a_misconfigured_terminal_dead_letters_nothing(
    store: Store, central: ScriptedCentral, clock: Clock, status: int
) -> None:
    enqueue(store, 5)
    engine = make_engine(store, central, clock)
    central.post_script.append(PermanentError(f"HTTP {status}", status=status, code=None))
    assert engine.run_once() > 0
    assert store.outbox.dead_count() == 0
    assert store.outbox.pending_count() == 5
    assert engine.status.last_error is ErrorKind.REJECTED


def test_collections_are_pulled_conditionally_and_served_offline(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    engine = make_engine(store, central, clock, pull_interval=300)
    engine.run_once()
    assert central.conditional == [("events", None), ("notices", None)]
    cached = store.cache.get("events")
    assert cached is not None
    assert cached.body["items"] == [{"title": "Språkkafé"}]
    assert cached.fetched_at == CENTRAL_TIME

    clock.now += 100
    engine.run_once()
    assert len(central.conditional) == 2  # not due yet

    clock.now += 200
    engine.run_once()
    assert central.conditional[2:] == [("events", '"e1"'), ("notices", '"n1"')]

    central.get_script.append(RetryableError("down", kind=ErrorKind.NETWORK))
    clock.now += 300
    engine.run_once()
    assert engine.status.online is False
    cached = store.cache.get("events")
    assert cached is not None
    assert cached.body["items"] == [{"title": "Språkkafé"}]


def test_an_unknown_collection_does_not_stop_the_others(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    engine = make_engine(store, central, clock)
    central.get_script.append(PermanentError("HTTP 404", status=404, code="not_found"))
    engine.run_once()
    assert store.cache.get("events") is None
    assert store.cache.get("notices") is not None
    assert engine.status.online is True


def test_heartbeat_reports_the_outbox_depth(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    enqueue(store, 150)
    engine = make_engine(store, central, clock, heartbeat_interval=60)
    engine.run_once()
    assert central.heartbeats == [50]


def test_status_is_persisted_for_the_kiosk_process(
    store: Store, central: ScriptedCentral, clock: Clock
) -> None:
    assert read_status(store).online is None
    enqueue(store, 1)
    engine = make_engine(store, central, clock)
    central.post_script.append(server_error())
    engine.run_once()
    status = read_status(store)
    assert (status.online, status.pending, status.last_error) == (False, 1, ErrorKind.SERVER)
    clock.now += 10
    engine.run_once()
    status = read_status(store)
    assert (status.online, status.pending, status.last_error) == (True, 0, None)
    assert status.last_sync == CENTRAL_TIME


def test_run_forever_drains_and_stops_when_told(store: Store, central: ScriptedCentral) -> None:
    enqueue(store, 120)
    stop = threading.Event()
    engine = SyncEngine(store, central, idle_poll=0.01)
    thread = threading.Thread(target=engine.run_forever, args=(stop,))
    thread.start()
    try:
        assert wait_until(lambda: store.outbox.pending_count() == 0, timeout=30)
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()
