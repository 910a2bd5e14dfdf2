"""The sync engine: drains the outbox to central and keeps reference data fresh.

It runs as its own process, ``python -m offline_cache.sync`` (the ``torgkiosk-sync`` service),
so a UI crash never stops the outbox and a kill of the syncing process is a test case, not an
accident; see docs/sync.md. :meth:`SyncEngine.run_forever` can also run on a worker thread of
the kiosk for development. It is blocking code and never runs on the GUI thread.

Each :meth:`SyncEngine.run_once` pushes one batch (oldest first), then, when due, pulls the
collections with ``If-None-Match`` and sends a heartbeat. Failures that may pass (network, 408,
409, 429, 5xx, garbage answers) back off with full jitter, ``uniform(0, min(cap, base·2ⁿ))``,
never sooner than central's ``Retry-After``. Scheduling uses a monotonic clock: a kiosk clock
that jumps days either way changes nothing here.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import importlib.metadata
import logging
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any, Final, Protocol, TypeVar

from offline_cache.central_client import (
    BadResponseError,
    BatchResult,
    CentralClient,
    Collection,
    ConflictError,
    ErrorKind,
    NotModified,
    PermanentError,
    RetryableError,
    UnauthorizedError,
)
from offline_cache.outbox import DEFAULT_BATCH
from offline_cache.store import Store, StoreError
from offline_cache.timeutil import format_time, parse_time

log = logging.getLogger(__name__)

BASE_DELAY: Final = 2.0
MAX_DELAY: Final = 600.0
DEFAULT_COLLECTIONS: Final = ("events", "notices")
# 4xx answers that say "this terminal is set up wrong", not "this event is bad": dead-lettering
# the whole backlog because of a wrong URL or token kind would lose it for no reason.
_MISCONFIGURED: Final = frozenset({403, 404, 405})

T = TypeVar("T")


class CentralApi(Protocol):
    """What the engine needs from central (``CentralClient``, or a fake in tests)."""

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult: ...

    def get_collection(self, name: str, etag: str | None = None) -> Collection | NotModified: ...

    def heartbeat(
        self,
        *,
        version: str,
        outbox_depth: int,
        last_sync: datetime | None,
        devices: Mapping[str, str],
    ) -> datetime | None: ...

    def set_token(self, token: str) -> None: ...


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the UI shows: online or not, events waiting, and since when it is in sync.

    Attributes:
        online: ``None`` until the first exchange with central.
        last_sync: Central's time of the last fully successful run.
        pending: Events waiting to be sent.
        dead: Dead letters waiting for a technician.
        last_error: Why the last run failed; ``None`` after a success.
    """

    online: bool | None
    last_sync: datetime | None
    pending: int
    dead: int
    last_error: ErrorKind | None


def read_status(store: Store) -> SyncStatus:
    """The status as the sync process last wrote it, with live counts (for the kiosk process)."""
    [row] = store.query("SELECT online, last_sync, last_error FROM sync_status WHERE id = 1")
    online, last_sync, last_error = row
    try:
        error = ErrorKind(last_error) if last_error else None
    except ValueError:
        error = None
    return SyncStatus(
        online=None if online is None else bool(online),
        last_sync=parse_time(last_sync) if last_sync else None,
        pending=store.outbox.pending_count(),
        dead=store.outbox.dead_count(),
        last_error=error,
    )


def full_jitter(rng: random.Random, failures: int, *, base: float, cap: float) -> float:
    """``uniform(0, min(cap, base·2ⁿ))`` for the n-th consecutive failure (n from 0)."""
    return rng.uniform(0.0, min(cap, base * 2.0 ** min(failures, 64)))


class _RoundFailedError(Exception):
    def __init__(self, kind: ErrorKind, retry_after: float | None = None) -> None:
        super().__init__(kind.value)
        self.kind = kind
        self.retry_after = retry_after


class SyncEngine:
    """Pushes the outbox and pulls collections; one instance per terminal database.

    Args:
        store: The terminal's database.
        client: The central API.
        clock: Monotonic seconds; all scheduling runs on it.
        rng: Source of jitter (seeded in tests; per-device random in production, so a fleet
            coming back online does not retry in lockstep).
        token_refresh: Called once when central answers 401; returns a new token, or ``None``.
        collections: Collection names to keep cached.
        batch_size: Events per ``POST /events:batch``.
        base: First backoff ceiling in seconds.
        cap: Largest backoff ceiling in seconds.
        idle_poll: Seconds between outbox checks when there is nothing to send.
        pull_interval: Seconds between collection pulls.
        heartbeat_interval: Seconds between heartbeats.
        version: Software version for the heartbeat.
        devices: Device states for the heartbeat.
    """

    def __init__(
        self,
        store: Store,
        client: CentralApi,
        *,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        token_refresh: Callable[[], str | None] | None = None,
        collections: Sequence[str] = DEFAULT_COLLECTIONS,
        batch_size: int = DEFAULT_BATCH,
        base: float = BASE_DELAY,
        cap: float = MAX_DELAY,
        idle_poll: float = 1.0,
        pull_interval: float = 300.0,
        heartbeat_interval: float = 60.0,
        version: str = "unknown",
        devices: Callable[[], Mapping[str, str]] = dict,
    ) -> None:
        if not 1 <= batch_size <= 500:
            raise ValueError("batch_size must be 1..500")
        self._store = store
        self._client = client
        self._clock = clock
        self._rng = rng or random.Random()
        self._token_refresh = token_refresh
        self._collections = tuple(collections)
        self._batch_size = batch_size
        self._base = base
        self._cap = cap
        self._idle_poll = idle_poll
        self._pull_interval = pull_interval
        self._heartbeat_interval = heartbeat_interval
        self._version = version
        self._devices = devices

        self._failures = 0
        self._retry_at = float("-inf")
        self._next_pull = float("-inf") if self._collections else float("inf")
        self._next_heartbeat = float("-inf")
        # After a batch was rejected as a whole, send one event at a time up to this seq, so
        # only the bad event is dead-lettered.
        self._isolate_through = 0
        self._lock = threading.Lock()
        self._online: bool | None = None
        self._last_sync: datetime | None = None
        self._last_error: ErrorKind | None = None
        self._persisted: tuple[bool | None, datetime | None, ErrorKind | None] | None = None

    # -- public ------------------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        """A snapshot for the UI (thread-safe)."""
        try:
            pending, dead = self._store.outbox.pending_count(), self._store.outbox.dead_count()
        except StoreError:
            pending = dead = -1
        with self._lock:
            return SyncStatus(self._online, self._last_sync, pending, dead, self._last_error)

    def run_once(self) -> float:
        """One round: push a batch, pull and heartbeat when due.

        Returns:
            Seconds until the next round is worth running (0 when more events wait).
        """
        now = self._clock()
        if now < self._retry_at:
            return self._retry_at - now
        in_flight: list[str] = []
        try:
            more, server_time = self._push(in_flight)
            talked = bool(in_flight)
            in_flight.clear()
            if now >= self._next_pull:
                self._pull()
                talked = True
                self._next_pull = now + self._pull_interval
            if now >= self._next_heartbeat:
                server_time = self._heartbeat() or server_time
                talked = True
                self._next_heartbeat = now + self._heartbeat_interval
        except _RoundFailedError as failure:
            return self._failed(failure, in_flight)
        except StoreError as error:
            log.warning("local database failed during sync: %s", error)
            return self._failed(_RoundFailedError(ErrorKind.STORE), [])
        if talked:
            self._failures = 0
            with self._lock:
                self._online = True
                self._last_error = None
                self._last_sync = server_time or self._store.wall_clock()
            self._persist_status()
        if more:
            return 0.0
        until_due = min(self._next_pull, self._next_heartbeat) - self._clock()
        return max(0.0, min(self._idle_poll, until_due))

    def run_forever(self, stop: threading.Event) -> None:
        """Run rounds until ``stop`` is set. Never raises for central or disk trouble."""
        while not stop.is_set():
            try:
                delay = self.run_once()
            except Exception:  # a bug must not end the outbox; log it and back off
                log.exception("sync round failed unexpectedly")
                delay = self._failed(_RoundFailedError(ErrorKind.NETWORK), [])
            if delay > 0:
                stop.wait(delay)

    # -- rounds --------------------------------------------------------------------------

    def _push(self, in_flight: list[str]) -> tuple[bool, datetime | None]:
        """Send one batch. Returns (more may be waiting, central's time)."""
        outbox = self._store.outbox
        batch = outbox.claim_batch(self._batch_size)
        if not batch:
            return False, None
        if batch[0].seq <= self._isolate_through:
            batch = batch[:1]
        ids = [event.id for event in batch]
        in_flight.extend(ids)
        wire = [event.to_wire() for event in batch]
        try:
            result = self._call(lambda: self._client.post_events(wire))
        except ConflictError as conflict:
            log.warning("central reports %d idempotency conflict(s)", len(conflict.ids))
            outbox.dead_letter(conflict.ids, reason="idempotency_conflict")
            return True, None
        except PermanentError as rejected:
            if rejected.status in _MISCONFIGURED:
                raise _RoundFailedError(ErrorKind.REJECTED) from None
            if len(batch) > 1:
                self._isolate_through = batch[-1].seq
                return True, None
            reason = f"rejected: HTTP {rejected.status} {rejected.code or ''}".strip()
            log.warning("event %s dead-lettered (%s)", batch[0].id, reason)
            outbox.dead_letter(ids, reason=reason)
            return True, None
        outbox.mark_sent({item.id: item.received_at for item in result.results})
        outbox.prune_sent()
        return len(batch) >= self._batch_size or batch[0].seq <= self._isolate_through, (
            result.server_time
        )

    def _pull(self) -> None:
        cache = self._store.cache
        for name in self._collections:
            etag = cache.etag(name)

            def fetch(name: str = name, etag: str | None = etag) -> Collection | NotModified:
                return self._client.get_collection(name, etag)

            try:
                answer = self._call(fetch)
            except PermanentError as rejected:
                if rejected.status in _MISCONFIGURED - {404}:
                    raise _RoundFailedError(ErrorKind.REJECTED) from None
                log.warning("collection %s refused: HTTP %s", name, rejected.status)
                continue
            if isinstance(answer, NotModified):
                if etag is not None:
                    cache.confirm(name, fetched_at=answer.server_time or self._store.wall_clock())
                continue
            cache.put(
                name,
                answer.body,
                etag=answer.etag,
                fetched_at=answer.server_time or self._store.wall_clock(),
            )

    def _heartbeat(self) -> datetime | None:
        try:
            return self._call(self._send_heartbeat)
        except PermanentError as rejected:
            if rejected.status in _MISCONFIGURED:
                raise _RoundFailedError(ErrorKind.REJECTED) from None
            # A heartbeat central does not like is worth a log line, not an outage.
            log.warning("heartbeat refused: HTTP %s", rejected.status)
            return None

    def _send_heartbeat(self) -> datetime | None:
        with self._lock:
            last_sync = self._last_sync
        return self._client.heartbeat(
            version=self._version,
            outbox_depth=self._store.outbox.pending_count(),
            last_sync=last_sync,
            devices=self._devices(),
        )

    # -- failure handling ------------------------------------------------------------------

    def _call(self, request: Callable[[], T]) -> T:
        """Run one request; on 401 refresh the token once and try again; map failures."""
        try:
            try:
                return request()
            except UnauthorizedError:
                token = self._token_refresh() if self._token_refresh else None
                if not token:
                    raise
                log.info("central refused the token; retrying once with a refreshed one")
                self._client.set_token(token)
                return request()
        except UnauthorizedError:
            raise _RoundFailedError(ErrorKind.UNAUTHORIZED) from None
        except RetryableError as error:
            raise _RoundFailedError(error.kind, error.retry_after) from None
        except BadResponseError as error:
            log.warning("central answered badly: %s", error.detail)
            raise _RoundFailedError(ErrorKind.BAD_RESPONSE) from None

    def _failed(self, failure: _RoundFailedError, in_flight: Sequence[str]) -> float:
        delay = full_jitter(self._rng, self._failures, base=self._base, cap=self._cap)
        if failure.retry_after is not None:
            delay = max(delay, failure.retry_after)
        self._failures += 1
        self._retry_at = self._clock() + delay
        log.info("sync failed (%s); next try in %.1f s", failure.kind, delay)
        if in_flight:
            with contextlib.suppress(StoreError):
                self._store.outbox.reschedule(in_flight, delay=delay, error=failure.kind.value)
        with self._lock:
            self._online = False
            self._last_error = failure.kind
        self._persist_status()
        return delay

    def _persist_status(self) -> None:
        """Write the status for the kiosk process, only when it changed (each write fsyncs)."""
        with self._lock:
            snapshot = (self._online, self._last_sync, self._last_error)
        previous = self._persisted
        if previous is not None and (previous[0], previous[2]) == (snapshot[0], snapshot[2]):
            # Same state, only last_sync moved: the UI shows hh:mm, once a minute is enough.
            before, after = previous[1], snapshot[1]
            if before == after or (before and after and abs((after - before).total_seconds()) < 60):
                return
        online, last_sync, last_error = snapshot
        try:
            with self._store.transaction() as tx:
                tx.execute(
                    "UPDATE sync_status SET online = ?, last_sync = ?, last_error = ?,"
                    " updated_at = ? WHERE id = 1",
                    (
                        None if online is None else int(online),
                        format_time(last_sync) if last_sync else None,
                        last_error.value if last_error else None,
                        format_time(self._store.wall_clock()),
                    ),
                )
        except StoreError:
            return
        self._persisted = snapshot


# -- the process ----------------------------------------------------------------------------


def _read_token(path: Path) -> str | None:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as error:
        log.warning("cannot read token file (errno %s)", error.errno)
        return None
    return token or None


@contextlib.contextmanager
def _single_instance(db: Path) -> Iterator[bool]:
    """An advisory lock beside the database: one sync engine per terminal database.

    The kernel drops it when the process dies, kill -9 included.
    """
    fd = os.open(f"{db}.sync-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _installed_version() -> str:
    try:
        return importlib.metadata.version("torgkiosk")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``python -m offline_cache.sync``."""
    parser = argparse.ArgumentParser(
        prog="python -m offline_cache.sync", description="Torgkiosk outbox and cache sync."
    )
    parser.add_argument("--db", type=Path, required=True, help="the terminal's SQLite file")
    parser.add_argument("--central", required=True, help="central base URL (https://…)")
    parser.add_argument("--token-file", type=Path, required=True, help="file holding the token")
    parser.add_argument("--ca-bundle", type=Path, help="PEM CA bundle pinning central's CA")
    parser.add_argument(
        "--collections", default=",".join(DEFAULT_COLLECTIONS), help="comma-separated names"
    )
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--idle-poll", type=float, default=1.0, help="seconds")
    parser.add_argument("--pull-interval", type=float, default=300.0, help="seconds")
    parser.add_argument("--heartbeat-interval", type=float, default=60.0, help="seconds")
    parser.add_argument("--base-delay", type=float, default=BASE_DELAY, help="seconds")
    parser.add_argument("--max-delay", type=float, default=MAX_DELAY, help="seconds")
    parser.add_argument("--version-label", default=_installed_version(), help="for heartbeats")
    parser.add_argument("--log-level", default="INFO")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sync service until SIGTERM or SIGINT. Exit codes: 0 stopped, 2 usage, 75 busy."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    token = _read_token(args.token_file)
    if token is None:
        log.error("no token in the token file")
        return 2
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)

    with _single_instance(args.db) as alone:
        if not alone:
            log.error("another sync engine holds %s", args.db)
            return 75
        try:
            store = Store(args.db)
        except StoreError as error:
            log.error("cannot open the database: %s", error)
            return 75
        try:
            with CentralClient(args.central, token, verify=args.ca_bundle or True) as client:
                engine = SyncEngine(
                    store,
                    client,
                    token_refresh=lambda: _read_token(args.token_file),
                    collections=[c for c in args.collections.split(",") if c],
                    batch_size=args.batch_size,
                    base=args.base_delay,
                    cap=args.max_delay,
                    idle_poll=args.idle_poll,
                    pull_interval=args.pull_interval,
                    heartbeat_interval=args.heartbeat_interval,
                    version=args.version_label,
                )
                log.info("sync engine started")
                engine.run_forever(stop)
                log.info("sync engine stopped")
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
