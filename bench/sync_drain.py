"""Outbox drain benchmark: the real sync process against the real central on loopback.

Starts ``torgkiosk-central serve`` (a SQLite file in a temp dir by default, ``--db URL`` for
PostgreSQL), seeds it and creates a terminal, fills a kiosk store with ``--events`` events
(10 000), starts ``python -m offline_cache.sync`` and times spawn → the outbox is empty (the
kiosk marks an event sent only after central committed it; central's count is checked after).
The baseline is a bare ``httpx`` loop posting the same number of events, in batches of the
same size, straight to central: the floor the engine is compared with.

Prints one ``name: value unit`` line per figure on stdout (progress on stderr)::

    outbox_drain_events_per_s: 2950 events/s
    outbox_drain_s: 3.39 s
    raw_post_events_per_s: 3400 events/s
    drain_vs_raw_post: 0.87 x

Usage: ``.venv/bin/python bench/sync_drain.py [--events N] [--db URL] [--batch-size N]``.
Every process it starts is stopped by PID, also on error. See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/sync_drain.py`
    sys.path.insert(0, str(REPO))

from offline_cache.outbox import DEFAULT_BATCH  # noqa: E402
from offline_cache.store import Store  # noqa: E402

ADMIN_TOKEN = "bench-admin-token"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0


class BenchError(Exception):
    """A process under test did not start or did not finish."""


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def stop_process(process: subprocess.Popen[Any]) -> None:
    """SIGTERM by PID, then SIGKILL if it hangs; always reaped."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(STOP_TIMEOUT)


@dataclass(frozen=True)
class Central:
    url: str
    pid: int

    @property
    def api(self) -> str:
        return f"{self.url}/api/v1"

    def admin(self, method: str, path: str, **kwargs: Any) -> Any:
        response = httpx.request(
            method,
            f"{self.api}{path}",
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
            timeout=60,
            **kwargs,
        )
        response.raise_for_status()
        return response.json()

    def create_terminal(self, name: str) -> tuple[str, str]:
        body = self.admin("POST", "/admin/terminals", json={"site_id": "heggedal", "name": name})
        return body["terminal_id"], body["token"]

    def event_count(self, terminal_id: str) -> int:
        return len(
            self.admin("GET", "/admin/events", params={"terminal_id": terminal_id})["events"]
        )


@contextlib.contextmanager
def running_central(db_url: str) -> Iterator[Central]:
    """Seed ``db_url`` and serve it on a free loopback port; stopped by PID afterwards."""
    command = [sys.executable, "-m", "central"]
    subprocess.run(
        [*command, "demo-data", "--db", db_url],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )
    env = {**os.environ, "TORGKIOSK_CENTRAL_ADMIN_TOKEN": ADMIN_TOKEN}
    with tempfile.TemporaryFile("w+") as server_log:
        process = subprocess.Popen(
            [*command, "serve", "--db", db_url, "--host", "127.0.0.1", "--port", "0", "--quiet"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=server_log,
            text=True,
        )
        try:
            url = _banner(process, server_log)
            yield Central(url, process.pid)
        finally:
            stop_process(process)
            if process.stdout is not None:
                process.stdout.close()


def _banner(process: subprocess.Popen[str], server_log: Any) -> str:
    assert process.stdout is not None
    stdout = process.stdout
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    banner = lines[0] if lines else ""
    if not banner.startswith("central: serving on http://"):
        server_log.seek(0)
        raise BenchError(f"central did not start ({banner!r}):\n{server_log.read()[-2000:]}")
    url = banner.rsplit(" ", 1)[1].strip()
    deadline = time.monotonic() + START_TIMEOUT
    with httpx.Client(timeout=5) as client:
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(httpx.TransportError):
                if client.get(f"{url}/api/v1/health").status_code == 200:
                    return url
    raise BenchError(f"central at {url} never became healthy")


def fill_store(store: Store, count: int) -> None:
    """``count`` events of a realistic size, 1000 to a transaction (filling is not timed)."""
    done = 0
    while done < count:
        with store.transaction() as tx:
            for i in range(done, min(count, done + 1000)):
                tx.enqueue(
                    "locker.used",
                    f"locker:B{i % 48}",
                    {"locker": f"B{i % 48}", "action": "opened", "n": i, "site": "heggedal"},
                )
        done = min(count, done + 1000)


@contextlib.contextmanager
def sync_process(
    db: Path, central_url: str, token_file: Path, batch_size: int
) -> Iterator[subprocess.Popen[bytes]]:
    """``python -m offline_cache.sync`` on ``db``; stopped by PID afterwards."""
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "offline_cache.sync", "--db", str(db),
             "--central", central_url, "--token-file", str(token_file),
             "--collections", "", "--batch-size", str(batch_size),
             "--idle-poll", "0.05", "--pull-interval", "3600", "--heartbeat-interval", "3600",
             "--log-level", "WARNING"],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip
        try:
            yield process
        finally:
            stop_process(process)
            if process.returncode not in (0, None):
                stderr.seek(0)
                log(f"sync process exited {process.returncode}: {stderr.read()[-2000:]!r}")


def wait_drained(store: Store, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while store.outbox.pending_count() > 0:
        if process.poll() is not None:
            raise BenchError(f"the sync process exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise BenchError(f"{store.outbox.pending_count()} events still pending")
        pause.wait(0.01)


def measure_drain(
    central: Central, workdir: Path, count: int, batch_size: int, timeout: float
) -> float:
    """Seconds from spawning the sync process until all ``count`` events are sent."""
    terminal_id, token = central.create_terminal("bench drain")
    token_file = workdir / "token"
    token_file.write_text(token)
    db = workdir / "terminal.db"
    with Store(db) as store:
        fill_store(store, count)
        log(f"kiosk store holds {store.outbox.pending_count()} events")
        start = time.perf_counter()
        with sync_process(db, central.url, token_file, batch_size) as process:
            wait_drained(store, process, timeout)
            elapsed = time.perf_counter() - start
        if store.outbox.dead_count():
            raise BenchError(f"{store.outbox.dead_count()} events dead-lettered")
    held = central.event_count(terminal_id)
    if held != count:
        raise BenchError(f"central holds {held} events, not {count}")
    return elapsed


def measure_raw_post(central: Central, count: int, batch_size: int) -> float:
    """Seconds a bare httpx loop takes to post ``count`` fresh events in ``batch_size`` batches."""
    terminal_id, token = central.create_terminal("bench raw post")
    batches: list[list[dict[str, Any]]] = []
    for first in range(0, count, batch_size):
        batches.append(
            [
                {
                    "id": str(uuid.uuid4()),
                    "kind": "locker.used",
                    "schema_version": 1,
                    "aggregate": f"locker:B{i % 48}",
                    "seq": i + 1,
                    "created_at": "2026-11-23T16:00:00.000Z",
                    "payload": {"locker": f"B{i % 48}", "action": "opened", "n": i},
                }
                for i in range(first, min(count, first + batch_size))
            ]
        )
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=central.api, headers=headers, timeout=30) as client:
        start = time.perf_counter()
        for batch in batches:
            response = client.post("/events:batch", json={"events": batch})
            response.raise_for_status()
        elapsed = time.perf_counter() - start
    held = central.event_count(terminal_id)
    if held != count:
        raise BenchError(f"central holds {held} raw events, not {count}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--db", help="central's database URL (default: a temp SQLite file)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per drain")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="torgkiosk-bench-") as tmp:
        workdir = Path(tmp)
        db_url = args.db or f"sqlite:///{workdir / 'central.sqlite3'}"
        try:
            with running_central(db_url) as central:
                log(f"central {central.url} (pid {central.pid}) on {db_url.split(':')[0]}")
                drain_s = measure_drain(
                    central, workdir, args.events, args.batch_size, args.timeout
                )
                raw_s = measure_raw_post(central, args.events, args.batch_size)
        except (BenchError, subprocess.CalledProcessError, httpx.HTTPError) as error:
            print(f"sync_drain: {error}", file=sys.stderr)
            return 1
    drain_rate = args.events / drain_s
    raw_rate = args.events / raw_s
    print(f"outbox_drain_events_per_s: {drain_rate:.0f} events/s")
    print(f"outbox_drain_s: {drain_s:.2f} s")
    print(f"raw_post_events_per_s: {raw_rate:.0f} events/s")
    print(f"drain_vs_raw_post: {drain_rate / raw_rate:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
