"""The sync engine against the real central server on loopback, through a fault proxy.

Real SQLite files, a real central (``tests.support.central``), real OS processes for the
kill -9 loop. ``TORGKIOSK_SYNC_KILL_CYCLES`` sets the number of kill cycles (soak: 1000).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from offline_cache.central_client import CentralClient, ErrorKind
from offline_cache.store import Store
from offline_cache.sync import SyncEngine, read_status
from tests.support.central import CentralServer, Terminal, running_central, sqlite_url
from tests.support.fault_server import (
    FakeCentral,
    Fault,
    Upstream,
    running,
    wait_until,
)

REPO = Path(__file__).resolve().parents[2]
BATCH = "/api/v1/events:batch"
KILL_CYCLES = int(os.environ.get("TORGKIOSK_SYNC_KILL_CYCLES", "20"))
DEADLINE = 60.0


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with running_central(sqlite_url(tmp_path_factory.mktemp("central"))) as server:
        yield server


@pytest.fixture
def terminal(central: CentralServer) -> Terminal:
    return central.create_terminal("heggedal", "sync test terminal")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "terminal.db") as opened:
        yield opened


def enqueue(store: Store, n: int, rng: random.Random | None = None) -> list[str]:
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


def fast_engine(store: Store, client: CentralClient, **kwargs: Any) -> SyncEngine:
    options: dict[str, Any] = {
        "base": 0.01,
        "cap": 0.05,
        "idle_poll": 0.01,
        "rng": random.Random(3),
        **kwargs,
    }
    return SyncEngine(store, client, **options)


def run_in_thread(engine: SyncEngine) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    thread = threading.Thread(target=engine.run_forever, args=(stop,), daemon=True)
    thread.start()
    return thread, stop


def test_central_down_at_boot_then_the_outbox_drains(
    central: CentralServer, terminal: Terminal, store: Store
) -> None:
    upstream = Upstream(None)  # central "not started": the proxy answers 502
    with running(upstream) as proxy, CentralClient(proxy.url, terminal.token) as client:
        engine = fast_engine(store, client)
        thread, stop = run_in_thread(engine)
        try:
            ids = enqueue(store, 30)
            assert wait_until(
                lambda: engine.status.last_error is ErrorKind.SERVER, timeout=DEADLINE
            )
            ids += enqueue(store, 30)  # the kiosk keeps working, the outbox grows
            assert store.outbox.pending_count() == 60
            assert read_status(store).online is False

            upstream.base_url = central.url  # central comes up
            assert wait_until(lambda: store.outbox.pending_count() == 0, timeout=DEADLINE)
            assert wait_until(lambda: engine.status.online is True, timeout=DEADLINE)
        finally:
            stop.set()
            thread.join(DEADLINE)
    stored = stored_on_central(central, terminal)
    assert sorted(e["id"] for e in stored) == sorted(ids)
    # FIFO per aggregate: on central, each aggregate's events carry rising seq in arrival order.
    by_aggregate: dict[str, list[int]] = {}
    for event in sorted(stored, key=lambda e: (e["received_at"], e["seq"])):
        by_aggregate.setdefault(event["aggregate"], []).append(event["seq"])
    assert all(seqs == sorted(seqs) for seqs in by_aggregate.values())
    cached = store.cache.get("events")
    assert cached is not None
    assert cached.body["items"]


def test_a_lost_response_still_gives_exactly_one_record(
    central: CentralServer, terminal: Terminal, store: Store
) -> None:
    with (
        running(Upstream(central.url)) as proxy,
        CentralClient(proxy.url, terminal.token) as client,
    ):
        proxy.script(BATCH, Fault.drop_response(), Fault.drop_response())
        ids = enqueue(store, 5)
        engine = fast_engine(store, client, collections=())
        for _ in range(3):
            wait_until(
                lambda: engine.run_once() == 0 or store.outbox.pending_count() == 0, timeout=5
            )
        assert wait_until(
            lambda: engine.run_once() >= 0 and store.outbox.pending_count() == 0, timeout=DEADLINE
        )
        assert [m for m, p in proxy.requests if p == BATCH].count("POST") == 3
    counts = Counter(e["id"] for e in stored_on_central(central, terminal))
    assert counts == dict.fromkeys(ids, 1)


def test_503_burst_with_retry_after_through_http(tmp_path: Path) -> None:
    fake = FakeCentral("t")
    with (
        Store(tmp_path / "t.db") as store,
        running(fake) as server,
        CentralClient(server.url, "t") as client,
    ):
        enqueue(store, 3)
        server.script(BATCH, *[Fault.respond(503, headers={"Retry-After": "30"})] * 3)
        now = [0.0]
        engine = SyncEngine(
            store, client, clock=lambda: now[0], rng=random.Random(5), collections=()
        )
        delays = []
        for _ in range(3):
            delays.append(engine.run_once())
            now[0] += delays[-1]
        assert all(d >= 30 for d in delays)
        assert engine.run_once() > 0  # the fourth attempt goes through; idle afterwards
        assert store.outbox.pending_count() == 0
        assert len(fake.events) == 3


def start_sync_process(db: Path, url: str, token_file: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "offline_cache.sync",
            "--db", str(db),
            "--central", url,
            "--token-file", str(token_file),
            "--batch-size", "7",
            "--idle-poll", "0.02",
            "--base-delay", "0.01",
            "--max-delay", "0.1",
            "--pull-interval", "3600",
            "--heartbeat-interval", "3600",
            "--log-level", "WARNING",
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip


def test_sync_process_stops_cleanly_on_sigterm(
    central: CentralServer, terminal: Terminal, tmp_path: Path
) -> None:
    db = tmp_path / "terminal.db"
    token_file = tmp_path / "token"
    token_file.write_text(terminal.token)
    with Store(db) as store:
        ids = enqueue(store, 10)
        process = start_sync_process(db, central.url, token_file)
        try:
            assert wait_until(lambda: store.outbox.pending_count() == 0, timeout=DEADLINE)
            second = start_sync_process(db, central.url, token_file)
            assert second.wait(DEADLINE) == 75  # one engine per database
            second.stderr.close()  # type: ignore[union-attr]
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(DEADLINE) == 0
            process.stderr.close()  # type: ignore[union-attr]
    assert sorted(e["id"] for e in stored_on_central(central, terminal)) == sorted(ids)


def test_kill_9_of_the_sync_process_loses_and_doubles_nothing(
    central: CentralServer, terminal: Terminal, tmp_path: Path
) -> None:
    rng = random.Random(int(os.environ.get("TORGKIOSK_SYNC_KILL_SEED", "20260501")))
    db = tmp_path / "terminal.db"
    token_file = tmp_path / "token"
    token_file.write_text(terminal.token)
    all_ids: list[str] = []
    current: list[subprocess.Popen[bytes]] = []

    def kill_now() -> None:
        if current and current[0].poll() is None:
            os.kill(current[0].pid, signal.SIGKILL)

    with Store(db) as store, running(Upstream(central.url)) as proxy:
        for _cycle in range(KILL_CYCLES):
            all_ids += enqueue(store, rng.randrange(1, 20), rng)
            process = start_sync_process(db, proxy.url, token_file)
            current[:] = [process]
            moment = rng.choice(["on_request", "after_progress", "random"])
            if moment == "on_request":
                # Central will commit this batch; the engine dies before hearing so.
                proxy.script(BATCH, Fault.call(kill_now))
                process.wait(DEADLINE)
            elif moment == "after_progress":
                before = store.outbox.pending_count()
                wait_until(lambda b=before: store.outbox.pending_count() < b, timeout=DEADLINE)
            else:
                with pytest.raises(subprocess.TimeoutExpired):
                    process.wait(rng.uniform(0.0, 0.6))
            proxy.clear_script()
            kill_now()
            process.wait(DEADLINE)
            assert process.returncode in (-signal.SIGKILL, 0), process.stderr.read()  # type: ignore[union-attr]
            process.stderr.close()  # type: ignore[union-attr]

        # Finally let one run to the end.
        process = start_sync_process(db, central.url, token_file)
        try:
            assert wait_until(lambda: store.outbox.pending_count() == 0, timeout=DEADLINE)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(DEADLINE)
            process.stderr.close()  # type: ignore[union-attr]
        assert store.integrity_check() == "ok"
        assert store.outbox.dead_count() == 0
        loans = {row[0] for row in store.query("SELECT id FROM loans")}
        assert loans == set(all_ids)

    counts = Counter(e["id"] for e in stored_on_central(central, terminal))
    assert counts == dict.fromkeys(all_ids, 1)
