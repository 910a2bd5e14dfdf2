"""The store on real SQLite files: pragmas, migrations, transactions, disk full, concurrency."""

from __future__ import annotations

import re
import sqlite3
import stat
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_cache.ids import uuid7
from offline_cache.store import MIGRATIONS, Store, StoreError, StoreFullError


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "terminal.db") as opened:
        opened_domain(opened)
        yield opened


def opened_domain(store: Store) -> None:
    with store.transaction() as tx:
        tx.execute("CREATE TABLE IF NOT EXISTS loans (id TEXT PRIMARY KEY, item TEXT NOT NULL)")


def test_uuid7_is_a_version_7_rfc_uuid_and_unique() -> None:
    ids = [uuid7() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids[:50]:
        parsed = uuid.UUID(text)
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
        assert re.fullmatch(
            r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", text
        )
    assert ids == sorted(ids)  # one process: creation order


def test_file_is_private_wal_full_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "terminal.db"
    with Store(path) as store:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert store.query("PRAGMA journal_mode")[0][0] == "wal"
        assert store.query("PRAGMA synchronous")[0][0] == 2  # FULL
        assert store.query("PRAGMA foreign_keys")[0][0] == 1
        assert store.query("PRAGMA busy_timeout")[0][0] >= 1000
        assert store.schema_version == len(MIGRATIONS)
    # Reopening does not run the steps again (they would fail: CREATE TABLE twice).
    with Store(path) as again:
        assert again.schema_version == len(MIGRATIONS)
        assert again.integrity_check() == "ok"


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "terminal.db"
    Store(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_domain_row_and_outbox_event_commit_together(store: Store) -> None:
    with store.transaction() as tx:
        tx.execute("INSERT INTO loans VALUES ('L1', 'book')")
        event_id = tx.enqueue("loan.created", "loan:L1", {"item": "book"})

    assert store.query("SELECT item FROM loans WHERE id = 'L1'")[0][0] == "book"
    event = store.outbox.get(event_id)
    assert event is not None
    assert (event.kind, event.aggregate, event.payload, event.seq) == (
        "loan.created",
        "loan:L1",
        {"item": "book"},
        1,
    )
    assert event.state == "pending"
    assert event.attempts == 0
    assert event.created_at.endswith("Z")


class BoomError(Exception):
    pass


def test_an_exception_rolls_back_domain_row_and_event(store: Store) -> None:
    def lend() -> None:
        with store.transaction() as tx:
            tx.execute("INSERT INTO loans VALUES ('L1', 'book')")
            tx.enqueue("loan.created", "loan:L1", {"item": "book"})
            raise BoomError

    with pytest.raises(BoomError):
        lend()

    assert store.query("SELECT count(*) FROM loans")[0][0] == 0
    assert store.outbox.pending_count() == 0
    # The sequence counter rolled back with them: no gap.
    with store.transaction() as tx:
        event_id = tx.enqueue("x", "a", {})
    event = store.outbox.get(event_id)
    assert event is not None
    assert event.seq == 1


def test_a_failing_statement_is_a_store_error_and_rolls_back(store: Store) -> None:
    def lend() -> None:
        with store.transaction() as tx:
            tx.enqueue("x", "a", {})
            tx.execute("INSERT INTO loans VALUES ('L1', NULL)")  # NOT NULL

    with pytest.raises(StoreError):
        lend()
    assert store.outbox.pending_count() == 0


def test_a_transaction_object_is_dead_after_its_block(store: Store) -> None:
    with store.transaction() as tx:
        pass
    with pytest.raises(StoreError):
        tx.execute("SELECT 1")


def test_payload_must_be_json(store: Store) -> None:
    with pytest.raises(ValueError, match="JSON"), store.transaction() as tx:
        tx.enqueue("x", "a", {"bad": object()})
    with pytest.raises(ValueError, match="JSON"), store.transaction() as tx:
        tx.enqueue("x", "a", {"nan": float("nan")})
    assert store.outbox.pending_count() == 0


def test_disk_full_is_store_full_error_and_loses_nothing_acknowledged(store: Store) -> None:
    acknowledged = []
    for n in range(20):
        with store.transaction() as tx:
            tx.execute("INSERT INTO loans VALUES (?, 'book')", (f"L{n}",))
            acknowledged.append(tx.enqueue("loan.created", f"loan:L{n}", {"n": n}))
    pages = store.query("PRAGMA page_count")[0][0]
    store.query(f"PRAGMA max_page_count = {pages}")

    big = {"blob": "x" * 20_000}

    def fill() -> None:
        for n in range(100):
            with store.transaction() as tx:
                tx.execute("INSERT INTO loans VALUES (?, 'book')", (f"M{n}",))
                event_id = tx.enqueue("loan.created", f"loan:M{n}", big)
            acknowledged.append(event_id)  # only once the commit returned

    with pytest.raises(StoreFullError):
        fill()

    # Every commit that returned is there, with its domain row; the failed one left nothing.
    ids = {row[0] for row in store.query("SELECT id FROM outbox")}
    assert ids == set(acknowledged)
    loans = store.query("SELECT count(*) FROM loans")[0][0]
    assert loans == len(acknowledged)
    assert store.integrity_check() == "ok"

    # Space again: writing works without reopening.
    store.query("PRAGMA max_page_count = 1000000")
    with store.transaction() as tx:
        tx.enqueue("loan.created", "loan:after", {})
    assert store.outbox.pending_count() == len(acknowledged) + 1


def test_a_reader_is_not_blocked_by_an_open_write_transaction(tmp_path: Path) -> None:
    path = tmp_path / "terminal.db"
    with Store(path) as writer, Store(path) as reader:
        with writer.transaction() as tx:
            tx.enqueue("x", "a", {})
        in_tx = threading.Event()
        release = threading.Event()
        seen: list[int] = []

        def write() -> None:
            with writer.transaction() as tx:
                tx.enqueue("x", "a", {})
                in_tx.set()
                assert release.wait(30)

        thread = threading.Thread(target=write)
        thread.start()
        assert in_tx.wait(30)
        seen.append(reader.outbox.pending_count())  # the committed snapshot, at once
        release.set()
        thread.join(30)
        seen.append(reader.outbox.pending_count())
        assert seen == [1, 2]


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    path = tmp_path / "terminal.db"
    with Store(path) as one, Store(path) as two:

        def enqueue_many(store: Store) -> None:
            for _ in range(100):
                with store.transaction() as tx:
                    tx.enqueue("x", "a", {})

        threads = [threading.Thread(target=enqueue_many, args=(s,)) for s in (one, two)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        seqs = [row[0] for row in one.query("SELECT seq FROM outbox ORDER BY seq")]
        assert seqs == list(range(1, 201))


def test_kiosk_and_sync_service_may_open_a_new_file_at_the_same_moment(tmp_path: Path) -> None:
    # On a fresh terminal both processes create the database together; switching it to
    # WAL needs an exclusive lock that SQLite refuses at once (SQLITE_BUSY) to the loser.
    errors: list[BaseException] = []
    for attempt in range(25):
        path = tmp_path / f"new-{attempt}.db"
        start = threading.Barrier(4)

        def open_it(path: Path = path, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                Store(path).close()
            except BaseException as error:  # collected and asserted below
                errors.append(error)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
