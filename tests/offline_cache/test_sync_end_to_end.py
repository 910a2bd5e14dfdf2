"""The sync engine against the real central server on loopback, through a fault proxy.

Real SQLite files, a real central (``tests.support.central``) on a SQLite file AND on PostgreSQL
(every test here runs on both), real OS processes for the boot and kill -9 cases. Nothing
sleeps: in-process engines run on a virtual monotonic clock, processes are waited on with
deadlines.

``TORGKIOSK_SYNC_KILL_CYCLES`` sets the number of kill -9 cycles per backend (default 200;
``make soak`` runs 1000) and ``TORGKIOSK_SYNC_KILL_SEED`` replays a run.
"""

from __future__ import annotations

import email.utils
import json
import os
import random
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from offline_cache.central_client import CentralClient, ErrorKind
from offline_cache.outbox import EventState
from offline_cache.store import Store
from offline_cache.sync import MAX_DELAY, SyncEngine, read_status
from offline_cache.timeutil import parse_time, utc_now
from tests.support.central import CentralServer, Terminal, run_cli, running_central
from tests.support.fault_server import Fault, Upstream, running, wait_until
from tests.support.postgres import free_port
from tests.support.sync_process import (
    SyncForkServer,
    SyncProcess,
    spawn_sync,
    sync_argv,
    sync_fork_server,
)

BATCH = "/api/v1/events:batch"
KILL_CYCLES = int(os.environ.get("TORGKIOSK_SYNC_KILL_CYCLES", "200"))
KILL_SEED = int(os.environ.get("TORGKIOSK_SYNC_KILL_SEED", "20260501"))
# One cycle in this many starts the service as `python -m offline_cache.sync` (the real
# entry point); the others fork it from a warm fork server.
SPAWN_EVERY = 10
DEADLINE = 60.0


@pytest.fixture(scope="module")
def central(make_db_url: Callable[[], str]) -> Iterator[CentralServer]:
    with running_central(make_db_url()) as server:
        yield server


@pytest.fixture
def terminal(central: CentralServer) -> Terminal:
    return central.create_terminal("heggedal", "sync test terminal")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "terminal.db") as opened:
        yield opened


class VirtualClock:
    """The engine's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def enqueue(store: Store, n: int, rng: random.Random | None = None) -> list[str]:
    """``n`` events, each in one transaction with its domain row (as a service writes them)."""
    ids = []
    for i in range(n):
        aggregate = f"locker:{rng.randrange(4) if rng else i % 4}"
        with store.transaction() as tx:
            tx.execute("CREATE TABLE IF NOT EXISTS loans (id TEXT PRIMARY KEY)")
            event_id = tx.enqueue("locker.used", aggregate, {"i": i, "note": "på biblioteket"})
            tx.execute("INSERT INTO loans VALUES (?)", (event_id,))
            ids.append(event_id)
    return ids


def stored_on_central(central: CentralServer, terminal: Terminal) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = central.admin_get(
        "/admin/events", terminal_id=terminal.terminal_id
    )["events"]
    return events


def assert_exactly_once(stored: list[dict[str, Any]], ids: list[str]) -> None:
    assert Counter(e["id"] for e in stored) == dict.fromkeys(ids, 1)


def assert_fifo_per_aggregate(stored: list[dict[str, Any]]) -> None:
    """On central, each aggregate's events carry rising seq in arrival order."""
    by_aggregate: dict[str, list[int]] = {}
    for event in stored:  # /admin/events lists in arrival order
        by_aggregate.setdefault(event["aggregate"], []).append(event["seq"])
    assert all(seqs == sorted(seqs) for seqs in by_aggregate.values())


def engine_for(
    store: Store, client: CentralClient, clock: VirtualClock, **kwargs: Any
) -> SyncEngine:
    options: dict[str, Any] = {"clock": clock, "rng": random.Random(3), "collections": ()}
    return SyncEngine(store, client, **(options | kwargs))


def drain(engine: SyncEngine, store: Store, clock: VirtualClock, rounds: int = 100) -> None:
    """Run rounds, jumping the virtual clock over each wait, until the outbox is empty."""
    for _ in range(rounds):
        if store.outbox.pending_count() == 0:
            return
        clock.now += engine.run_once()
    raise AssertionError(f"outbox not drained after {rounds} rounds")


def token_file_for(tmp_path: Path, terminal: Terminal) -> Path:
    path = tmp_path / "token"
    path.write_text(terminal.token)
    return path


# -- central down at boot --------------------------------------------------------------------


def test_central_down_at_boot_then_started_the_outbox_drains(
    make_db_url: Callable[[], str], tmp_path: Path
) -> None:
    db_url = make_db_url()
    # Central's database and this terminal exist, but central itself is not running.
    run_cli("demo-data", "--db", db_url)
    created = run_cli(
        "create-terminal", "--db", db_url, "--site", "heggedal", "--name", "boot terminal"
    )
    terminal = Terminal(**json.loads(created.stdout))
    port = free_port()
    db = tmp_path / "terminal.db"
    with Store(db) as store:
        ids = enqueue(store, 25)
        process = spawn_sync(
            sync_argv(
                db,
                f"http://127.0.0.1:{port}",
                token_file_for(tmp_path, terminal),
                batch_size=10,
                max_delay=0.2,
                collections="events",
            )
        )
        try:
            # The service runs, fails to connect and says so where the kiosk reads it.
            assert wait_until(
                lambda: read_status(store).last_error is ErrorKind.NETWORK, timeout=DEADLINE
            ), process.stderr_text()
            assert read_status(store).online is False
            assert process.wait(0) is None
            ids += enqueue(store, 25)  # the kiosk keeps working: the outbox grows
            assert read_status(store).pending == 50

            with running_central(db_url, demo_data=False, port=port) as central:
                assert wait_until(lambda: store.outbox.pending_count() == 0, timeout=DEADLINE)
                assert wait_until(lambda: read_status(store).online is True, timeout=DEADLINE)
                stored = stored_on_central(central, terminal)
            assert process.stop() == 0
        finally:
            process.stop()
        cached = store.cache.get("events")
        assert cached is not None
        assert cached.body["items"]
        assert store.outbox.dead_count() == 0
    assert_exactly_once(stored, ids)
    assert_fifo_per_aggregate(stored)


# -- a lost response -------------------------------------------------------------------------


def test_a_lost_response_after_the_commit_still_gives_exactly_one_record(
    central: CentralServer, terminal: Terminal, store: Store
) -> None:
    clock = VirtualClock()
    with (
        running(Upstream(central.url)) as proxy,
        CentralClient(proxy.url, terminal.token) as client,
    ):
        ids = enqueue(store, 5)
        engine = engine_for(store, client, clock)
        proxy.script(BATCH, Fault.drop_response(), Fault.drop_response())

        for _ in range(2):
            delay = engine.run_once()
            assert delay > 0
            assert engine.status.last_error in (ErrorKind.NETWORK, ErrorKind.BAD_RESPONSE)
            # Central committed the batch; the kiosk never heard so and keeps it pending.
            assert_exactly_once(stored_on_central(central, terminal), ids)
            assert store.outbox.pending_count() == 5
            clock.now += delay

        drain(engine, store, clock)
        assert [m for m, p in proxy.requests if p == BATCH].count("POST") == 3
    stored = stored_on_central(central, terminal)
    assert_exactly_once(stored, ids)
    # The retry was answered "duplicate" with the original received_at, which the kiosk keeps.
    received = {e["id"]: parse_time(e["received_at"]) for e in stored}
    for event_id in ids:
        [(state, at)] = store.query(
            "SELECT state, received_at FROM outbox WHERE id = ?", (event_id,)
        )
        assert state == EventState.SENT
        assert parse_time(at) == received[event_id]


def test_garbage_truncated_and_huge_answers_are_retried_without_a_crash(
    central: CentralServer, terminal: Terminal, store: Store
) -> None:
    clock = VirtualClock()
    with (
        running(Upstream(central.url)) as proxy,
        CentralClient(proxy.url, terminal.token) as client,
    ):
        ids = enqueue(store, 4)
        engine = engine_for(store, client, clock)
        proxy.script(
            BATCH,
            Fault.garbage(),
            Fault.truncated(),  # central committed; half its answer arrives
            Fault.huge(6 * 1024 * 1024, declare_length=False),
        )
        for _ in range(3):
            delay = engine.run_once()
            assert delay > 0
            assert engine.status.last_error in (ErrorKind.BAD_RESPONSE, ErrorKind.NETWORK)
            assert store.outbox.pending_count() == 4
            clock.now += delay
        drain(engine, store, clock)
        assert engine.status.online is True
    assert_exactly_once(stored_on_central(central, terminal), ids)


# -- 500/503 bursts with Retry-After ---------------------------------------------------------


def test_a_burst_of_500_and_503_obeys_retry_after_with_jitter_under_the_cap(
    central: CentralServer, terminal: Terminal, store: Store
) -> None:
    date = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    http_date = email.utils.format_datetime(date, usegmt=True)
    in_20_s = email.utils.format_datetime(date + timedelta(seconds=20), usegmt=True)
    # (fault, the Retry-After it carries in seconds, 0 for none): 14 failures in a row, far
    # enough for the backoff ceiling base·2ⁿ to pass the 600 s cap.
    burst: list[tuple[Fault, float]] = [
        (Fault.respond(503, headers={"Retry-After": "7"}), 7),
        (Fault.respond(500, headers={"Retry-After": "3"}), 3),
        (Fault.respond(503, headers={"Retry-After": in_20_s, "Date": http_date}), 20),
        (Fault.respond(500), 0),
        (Fault.respond(503, headers={"Retry-After": "1"}), 1),
        (Fault.respond(502), 0),
        (Fault.respond(503, headers={"Retry-After": "45"}), 45),
        (Fault.respond(500, headers={"Retry-After": "2"}), 2),
    ] + [(Fault.respond(503, headers={"Retry-After": "5"}), 5)] * 6
    clock = VirtualClock()
    with (
        running(Upstream(central.url)) as proxy,
        CentralClient(proxy.url, terminal.token) as client,
    ):
        ids = enqueue(store, 3)
        engine = engine_for(store, client, clock, rng=random.Random(11))
        proxy.script(BATCH, *(fault for fault, _ in burst))

        delays: list[float] = []
        for _ in burst:
            posts = len(proxy.requests)
            delays.append(engine.run_once())
            assert len(proxy.requests) == posts + 1
            # Just before the wait is over the engine does not call central at all.
            clock.now += delays[-1] - 0.001
            assert engine.run_once() == pytest.approx(0.001)
            assert len(proxy.requests) == posts + 1
            clock.now += 0.001
        drain(engine, store, clock)

    assert all(delay >= retry_after for delay, (_, retry_after) in zip(delays, burst, strict=True))
    assert all(0 < delay <= MAX_DELAY for delay in delays)
    assert len(set(delays)) == len(delays)  # jitter: no two waits alike
    # Full jitter, not "Retry-After plus a bit": once the ceiling passes Retry-After, the
    # drawn waits spread over the range, up to near the cap.
    over = [d - ra for d, (_, ra) in zip(delays, burst, strict=True) if d > ra]
    assert len(over) >= len(burst) // 2
    assert max(delays[9:]) > MAX_DELAY / 4
    [(attempts,)] = store.query("SELECT max(attempts) FROM outbox")
    assert attempts == len(burst)
    assert_exactly_once(stored_on_central(central, terminal), ids)


# -- clock skew ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written_skew", "sent_skew"),
    [(timedelta(days=9), timedelta(days=9)), (timedelta(days=-9), timedelta(days=-9)),
     (timedelta(days=9), timedelta(days=-9)), (timedelta(days=-9), timedelta(days=9))],
    ids=["ahead", "behind", "ahead-then-behind", "behind-then-ahead"],
)  # fmt: skip
def test_a_kiosk_clock_days_off_changes_nothing_and_central_time_rules(
    central: CentralServer,
    terminal: Terminal,
    tmp_path: Path,
    written_skew: timedelta,
    sent_skew: timedelta,
) -> None:
    skew = [written_skew]
    clock = VirtualClock()
    with (
        Store(tmp_path / "terminal.db", wall_clock=lambda: utc_now() + skew[0]) as store,
        CentralClient(central.url, terminal.token) as client,
    ):
        ids = enqueue(store, 12)
        skew[0] = sent_skew  # the clock jumps (NTP, a dead RTC battery) before the sync
        engine = engine_for(store, client, clock, batch_size=5, collections=("events",))
        drain(engine, store, clock)
        before_check = utc_now()

        assert store.outbox.dead_count() == 0  # nothing expired by the kiosk's clock
        stored = stored_on_central(central, terminal)
        assert_exactly_once(stored, ids)
        received = {e["id"]: parse_time(e["received_at"]) for e in stored}
        for event in stored:
            # created_at is the kiosk's (skewed) clock, kept for information only ...
            created = parse_time(event["created_at"])
            assert abs(created - (before_check + written_skew)) < timedelta(days=1)
            # ... received_at is central's, and it is what the kiosk keeps.
            assert abs(received[event["id"]] - before_check) < timedelta(days=1)
        for event_id, at in store.query("SELECT id, received_at FROM outbox"):
            assert parse_time(at) == received[event_id]
        status = read_status(store)
        assert status.online is True
        assert status.last_sync is not None
        assert abs(status.last_sync - before_check) < timedelta(days=1)
        cached = store.cache.get("events")
        assert cached is not None
        assert abs(cached.fetched_at - before_check) < timedelta(days=1)


# -- the service process ---------------------------------------------------------------------


def test_sync_process_stops_cleanly_on_sigterm_and_runs_once_per_database(
    central: CentralServer, terminal: Terminal, tmp_path: Path
) -> None:
    db = tmp_path / "terminal.db"
    argv = sync_argv(db, central.url, token_file_for(tmp_path, terminal))
    with Store(db) as store:
        ids = enqueue(store, 10)
        process = spawn_sync(argv)
        try:
            assert wait_until(lambda: store.outbox.pending_count() == 0, timeout=DEADLINE)
            second = spawn_sync(argv)
            assert second.wait(DEADLINE) == 75  # one engine per database
            second.close()
        finally:
            assert process.stop() == 0
    assert_exactly_once(stored_on_central(central, terminal), ids)


def test_kill_9_of_the_sync_process_loses_and_doubles_nothing(
    central: CentralServer, terminal: Terminal, tmp_path: Path
) -> None:
    rng = random.Random(KILL_SEED)
    db = tmp_path / "terminal.db"
    token_file = token_file_for(tmp_path, terminal)
    all_ids: list[str] = []
    current: list[SyncProcess] = []

    def kill_now() -> None:
        if current:
            current[0].kill9()

    def start(forks: SyncForkServer, cycle: int, url: str) -> SyncProcess:
        argv = sync_argv(db, url, token_file)
        return spawn_sync(argv) if cycle % SPAWN_EVERY == 0 else forks.start(argv)

    with Store(db) as store, running(Upstream(central.url)) as proxy, sync_fork_server() as forks:
        for cycle in range(KILL_CYCLES):
            all_ids += enqueue(store, rng.randrange(1, 20), rng)
            moment = rng.choice(["on_request", "after_progress", "random"])
            if moment == "on_request":
                # Central will commit this batch; the engine dies before hearing so.
                proxy.script(BATCH, Fault.call(kill_now))
            process = start(forks, cycle, proxy.url)
            current[:] = [process]
            try:
                if moment == "on_request":
                    assert process.wait(DEADLINE) == -signal.SIGKILL, process.stderr_text()
                elif moment == "after_progress":
                    before = store.outbox.pending_count()
                    assert wait_until(
                        lambda b=before: store.outbox.pending_count() < b, timeout=DEADLINE
                    ), process.stderr_text()
                else:
                    assert process.wait(rng.uniform(0.0, 0.3)) is None, process.stderr_text()
            finally:
                proxy.clear_script()
                process.kill9()
                code = process.wait(DEADLINE)
                process.close()
            assert code in (-signal.SIGKILL, 0), f"cycle {cycle}: exit {code}"
            assert read_status(store).dead == 0

        # Finally let one run to the end, with the service's own batch size: a soak leaves
        # thousands of events behind, and 7 per request would turn the drain into minutes.
        backlog = store.outbox.pending_count()
        process = spawn_sync(sync_argv(db, central.url, token_file, batch_size=100))
        try:
            assert wait_until(
                lambda: store.outbox.pending_count() == 0, timeout=DEADLINE + backlog / 50
            ), f"{store.outbox.pending_count()} of {backlog} still pending"
        finally:
            process.stop()
        assert store.integrity_check() == "ok"
        assert store.outbox.dead_count() == 0
        loans = {row[0] for row in store.query("SELECT id FROM loans")}
        assert loans == set(all_ids)

    stored = stored_on_central(central, terminal)
    assert_exactly_once(stored, all_ids)
    assert_fifo_per_aggregate(stored)
