"""The terminal's database as the UI process uses it: off the GUI thread, always.

Every call runs on one dedicated worker thread (``synchronous=FULL`` means an
fsync per commit, which must never freeze the screen), and only plain values
cross back to the loop. The sync service works on the same file from its own
process; SQLite's WAL lets both read and write at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from offline_cache.store import Store, StoreError, StoreFullError
from offline_cache.sync import read_status

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class SyncOverview:
    """What the header shows about the way to central."""

    pending: int
    last_sync: datetime | None
    dead: int


@dataclass(frozen=True)
class CachedContent:
    """A collection from central as last fetched, with when it was last confirmed."""

    items: tuple[Mapping[str, Any], ...]
    fetched_at: datetime


class LocalStoreError(Exception):
    """The database could not be used; ``disk_full`` says whether space ran out."""

    def __init__(self, message: str, *, disk_full: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full


class LocalStore:
    """Async access to the terminal's outbox and cache; opens the file lazily."""

    def __init__(self, path: Path | str) -> None:
        self._path = Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="local-store")
        self._store: Store | None = None

    async def record(self, kind: str, aggregate: str, payload: Mapping[str, Any]) -> str:
        """Put one event in the outbox (its own transaction); returns its id."""

        def write(store: Store) -> str:
            with store.transaction() as tx:
                return tx.enqueue(kind, aggregate, payload)

        return await self._run(write)

    async def overview(self) -> SyncOverview:
        """Events waiting, dead letters and the last successful sync."""

        def read(store: Store) -> SyncOverview:
            status = read_status(store)
            return SyncOverview(status.pending, status.last_sync, status.dead)

        return await self._run(read)

    async def collection(self, name: str) -> CachedContent | None:
        """The last good copy of a collection from central, or None if never fetched."""

        def read(store: Store) -> CachedContent | None:
            cached = store.cache.get(name)
            if cached is None:
                return None
            items = cached.body.get("items", [])
            valid = tuple(item for item in items if isinstance(item, dict))
            return CachedContent(valid, cached.fetched_at)

        return await self._run(read)

    def close(self) -> None:
        """Close the database and stop the worker thread."""

        def close() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        self._executor.submit(close).result()
        self._executor.shutdown(wait=True)

    async def _run(self, job: Callable[[Store], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._with_store, job)

    def _with_store(self, job: Callable[[Store], T]) -> T:
        try:
            if self._store is None:
                self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                self._store = Store(self._path)
            return job(self._store)
        except StoreFullError as error:
            log.error("terminal database is full", extra={"event": "store_full"})
            raise LocalStoreError(str(error), disk_full=True) from error
        except (StoreError, OSError) as error:
            log.error("terminal database failed", extra={"event": "store_failed"})
            raise LocalStoreError(str(error)) from error
