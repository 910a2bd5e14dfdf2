"""The terminal's SQLite database: one file holding the outbox and the reference-data cache.

One :class:`Store` owns one connection, opened in autocommit mode; every write goes through
:meth:`Store.transaction`, an explicit ``BEGIN IMMEDIATE … COMMIT/ROLLBACK``. A service writes
its domain row and its outbox event in the same transaction, so either both exist or neither::

    with store.transaction() as tx:
        tx.execute("INSERT INTO loans(...) VALUES (...)", params)
        tx.enqueue("loan.created", aggregate=f"loan:{loan_id}", payload={...})

Durability: WAL with ``synchronous=FULL``, so an acknowledged commit survives power loss, not
only a crash. ``sqlite3`` errors never leave this package raw: they become :class:`StoreError`,
or :class:`StoreFullError` when the disk (or the page budget) is full, which the UI can name.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from offline_cache.ids import uuid7
from offline_cache.timeutil import format_time, utc_now

BUSY_TIMEOUT_MS: Final = 5_000

# Numbered schema steps: step N brings user_version from N-1 to N. Never edit a released
# step; append a new one.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    (
        """CREATE TABLE counters (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) STRICT""",
        "INSERT INTO counters (name, value) VALUES ('outbox_seq', 0)",
        """CREATE TABLE outbox (
            id              TEXT PRIMARY KEY,
            seq             INTEGER NOT NULL UNIQUE,
            kind            TEXT NOT NULL,
            schema_version  INTEGER NOT NULL,
            aggregate       TEXT NOT NULL,
            payload         TEXT NOT NULL,
            created_at      TEXT NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            state           TEXT NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'sent', 'dead')),
            last_error      TEXT,
            received_at     TEXT
        ) STRICT""",
        "CREATE INDEX outbox_by_state ON outbox (state, seq)",
        """CREATE TABLE cache (
            name       TEXT PRIMARY KEY,
            body       TEXT NOT NULL,
            sha256     TEXT NOT NULL,
            etag       TEXT,
            fetched_at TEXT NOT NULL
        ) STRICT""",
        """CREATE TABLE sync_status (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            online     INTEGER,
            last_sync  TEXT,
            last_error TEXT,
            updated_at TEXT
        ) STRICT""",
        "INSERT INTO sync_status (id) VALUES (1)",
    ),
)


class StoreError(Exception):
    """The local database failed (locked past the busy timeout, corrupt, unreadable, …)."""


class StoreFullError(StoreError):
    """The disk (or the database's page budget) is full: nothing new can be written."""


def _wrap(error: sqlite3.Error) -> StoreError:
    code = getattr(error, "sqlite_errorcode", None)
    name = getattr(error, "sqlite_errorname", type(error).__name__)
    if code is not None and code & 0xFF == sqlite3.SQLITE_FULL:
        return StoreFullError(f"database or disk is full ({name})")
    return StoreError(f"{name}: {error}")


def _wrap_os(error: OSError) -> StoreError:
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreFullError(f"disk full (errno {error.errno})")
    return StoreError(f"{type(error).__name__} (errno {error.errno})")


class Transaction:
    """One open ``BEGIN IMMEDIATE`` transaction; valid only inside ``with store.transaction()``."""

    def __init__(self, connection: sqlite3.Connection, wall_clock: Callable[[], datetime]) -> None:
        self._connection = connection
        self._wall_clock = wall_clock
        self._open = True

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        """Run one statement and return its rows (``sqlite3.Row``; empty for writes)."""
        self._check_open()
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise _wrap(error) from error

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each parameter row."""
        self._check_open()
        try:
            self._connection.executemany(sql, rows)
        except sqlite3.Error as error:
            raise _wrap(error) from error

    def enqueue(
        self,
        kind: str,
        aggregate: str,
        payload: Mapping[str, Any],
        *,
        schema_version: int = 1,
    ) -> str:
        """Add an event to the outbox in this transaction and return its id.

        Args:
            kind: What happened, e.g. ``"locker.reserved"``.
            aggregate: The thing it happened to, e.g. ``"locker:B12"``. Events of one
                aggregate reach central in the order they were enqueued.
            payload: JSON-serialisable object. No personal data beyond what central needs.
            schema_version: Version of this kind's payload schema.

        Returns:
            The event id (UUIDv7), which is also its idempotency key on central.
        """
        if not kind or not aggregate:
            raise ValueError("kind and aggregate must be non-empty")
        if schema_version < 1:
            raise ValueError("schema_version must be >= 1")
        try:
            body = json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise ValueError(f"payload is not JSON-serialisable: {error}") from None
        event_id = uuid7()
        [(seq,)] = self.execute(
            "UPDATE counters SET value = value + 1 WHERE name = 'outbox_seq' RETURNING value"
        )
        self.execute(
            "INSERT INTO outbox (id, seq, kind, schema_version, aggregate, payload, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id, seq, kind, schema_version, aggregate, body, format_time(self._wall_clock())),
        )
        return event_id

    def _check_open(self) -> None:
        if not self._open:
            raise StoreError("transaction already finished")

    def _close(self) -> None:
        self._open = False


class Store:
    """The terminal's database file. Thread-safe: one lock serialises use of the connection.

    Several processes may open the same file (the kiosk and the sync service): WAL lets
    readers run beside the writer, and writers wait up to ``busy_timeout`` for each other.

    Args:
        path: The database file; created with mode 0600 when missing.
        wall_clock: The kiosk's clock, for informational timestamps only.

    Raises:
        StoreError: The file cannot be opened or migrated (``StoreFullError`` if disk full).
    """

    def __init__(self, path: Path | str, *, wall_clock: Callable[[], datetime] = utc_now) -> None:
        self.path = Path(path)
        self.wall_clock = wall_clock
        self._lock = threading.RLock()
        try:
            # Create it ourselves so the mode is 0600 whatever the umask; SQLite gives the
            # -wal and -shm files the database file's permissions.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        except OSError as error:
            raise _wrap_os(error) from error
        try:
            self._connection = sqlite3.connect(
                self.path,
                isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000,
                check_same_thread=False,
            )
        except sqlite3.Error as error:
            raise _wrap(error) from error
        try:
            self._connection.row_factory = sqlite3.Row
            mode = self._enter_wal()
            if str(mode).lower() != "wal":
                raise StoreError(f"journal_mode is {mode}, not wal")
            self._connection.execute("PRAGMA synchronous=FULL")
            self._connection.execute("PRAGMA foreign_keys=ON")
            self._connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._migrate()
        except sqlite3.Error as error:
            self._connection.close()
            raise _wrap(error) from error
        except BaseException:
            self._connection.close()
            raise

        from offline_cache.cache import Cache
        from offline_cache.outbox import Outbox

        self.outbox = Outbox(self)
        self.cache = Cache(self)

    def _enter_wal(self) -> str:
        """Switch a new file to WAL; retry while another process is doing the same.

        The kiosk and the sync service open the file at the same moment on a fresh
        terminal. Changing the journal mode needs an exclusive lock, and SQLite answers
        SQLITE_BUSY at once instead of calling the busy handler, so wait here (bounded;
        this runs on a store thread or in the sync process, never on the GUI thread).
        """
        pause = threading.Event()
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return str(self._connection.execute("PRAGMA journal_mode=WAL").fetchone()[0])
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
                pause.wait(0.02)

    def _migrate(self) -> None:
        current = self._connection.execute("PRAGMA user_version").fetchone()[0]
        if current > len(MIGRATIONS):
            raise StoreError(f"database schema {current} is newer than this software")
        for number, steps in enumerate(MIGRATIONS[current:], start=current + 1):
            with self.transaction() as tx:
                # Re-check under the write lock: another process may have migrated meanwhile.
                [(now_at,)] = tx.execute("PRAGMA user_version")
                if now_at >= number:
                    continue
                for statement in steps:
                    tx.execute(statement)
                tx.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        """The schema step the file is at."""
        return int(self.query("PRAGMA user_version")[0][0])

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """``BEGIN IMMEDIATE`` now; ``COMMIT`` on normal exit, ``ROLLBACK`` on any exception.

        Raises:
            StoreError: Begin or commit failed; after a failed commit nothing was written.
            StoreFullError: The disk is full; the transaction was rolled back.
        """
        with self._lock:
            try:
                self._connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise _wrap(error) from error
            tx = Transaction(self._connection, self.wall_clock)
            try:
                yield tx
            except BaseException:
                tx._close()
                # SQLite may already have rolled back by itself (SQLITE_FULL does).
                with suppress(sqlite3.Error):
                    if self._connection.in_transaction:
                        self._connection.execute("ROLLBACK")
                raise
            tx._close()
            try:
                self._connection.execute("COMMIT")
            except sqlite3.Error as error:
                with suppress(sqlite3.Error):
                    if self._connection.in_transaction:
                        self._connection.execute("ROLLBACK")
                raise _wrap(error) from error

    def query(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        """A read outside any transaction (one consistent WAL snapshot per statement)."""
        with self._lock:
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                raise _wrap(error) from error

    def integrity_check(self) -> str:
        """``"ok"``, or SQLite's first complaint."""
        return str(self.query("PRAGMA integrity_check")[0][0])

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
