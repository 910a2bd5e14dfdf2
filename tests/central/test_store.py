"""Storage below the HTTP layer: migrations, and ingest's race handling (both backends)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, func, select

from central import demo, store
from central.clock import utc_now
from central.db import create_db_engine, current_revision, migrate
from central.tables import events, metadata


@pytest.fixture(scope="module")
def engine(db_url: str) -> Iterator[Engine]:
    engine = create_db_engine(db_url)
    migrate(engine)
    demo.seed(engine, utc_now())
    yield engine
    engine.dispose()


@pytest.fixture
def terminal_id(engine: Engine) -> str:
    with engine.begin() as conn:
        return store.create_terminal(conn, site_id="heggedal", name="t", now=utc_now()).terminal_id


def new_event(**overrides: Any) -> store.NewEvent:
    fields: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "kind": "form.submitted",
        "schema_version": 1,
        "aggregate": "form-1",
        "seq": 1,
        "created_at": datetime(2026, 11, 23, 10, tzinfo=UTC),
        "payload": {"answers": [1, 2, 3]},
    }
    fields.update(overrides)
    return store.NewEvent(**fields)


def count(engine: Engine, event_id: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(events.c.id == event_id)).scalar_one())


def test_migrations_build_exactly_the_schema_the_code_uses(engine: Engine) -> None:
    migrate(engine)  # a second run is a no-op
    assert current_revision(engine) == "0002"
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_a_concurrent_insert_of_the_same_id_becomes_a_duplicate(
    engine: Engine, terminal_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race, made deterministic: our lookup misses a row another writer committed."""
    event = new_event()
    first = store.ingest_batch(engine, terminal_id, [event], utc_now)
    real_existing = store._existing
    lookups: list[int] = []

    def blind_once(conn: Connection, ids: Sequence[str]) -> dict[str, Any]:
        lookups.append(len(ids))
        return {} if len(lookups) == 1 else real_existing(conn, ids)

    monkeypatch.setattr(store, "_existing", blind_once)
    second = store.ingest_batch(engine, terminal_id, [event, new_event(seq=2)], utc_now)

    assert len(lookups) == 2  # the primary key refused the insert; the batch ran again
    assert [r.status for r in second.results] == ["duplicate", "stored"]
    assert second.results[0].received_at == first.results[0].received_at
    assert count(engine, event.id) == 1


def test_a_concurrent_insert_with_other_content_becomes_a_conflict(
    engine: Engine, terminal_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = new_event()
    store.ingest_batch(engine, terminal_id, [event], utc_now)
    real_existing = store._existing
    calls = iter([True])
    monkeypatch.setattr(
        store, "_existing", lambda conn, ids: {} if next(calls, False) else real_existing(conn, ids)
    )
    innocent = new_event(seq=2)

    outcome = store.ingest_batch(
        engine, terminal_id, [innocent, new_event(id=event.id, payload={"other": True})], utc_now
    )

    assert outcome.conflicts == [event.id]
    assert outcome.results == []
    assert count(engine, innocent.id) == 0


def test_endless_collisions_give_up_without_storing_twice(
    engine: Engine, terminal_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = new_event()
    store.ingest_batch(engine, terminal_id, [event], utc_now)
    monkeypatch.setattr(store, "_existing", lambda conn, ids: {})

    with pytest.raises(store.IngestBusyError):
        store.ingest_batch(engine, terminal_id, [event], utc_now)
    assert count(engine, event.id) == 1


def test_threads_racing_on_one_engine_store_each_id_once(engine: Engine, terminal_id: str) -> None:
    writers = 8
    batch = [new_event(seq=n) for n in range(20)]
    start = threading.Barrier(writers)
    outcomes: list[store.BatchOutcome] = []
    errors: list[BaseException] = []

    def write() -> None:
        start.wait()
        try:
            outcomes.append(store.ingest_batch(engine, terminal_id, batch, utc_now))
        except BaseException as error:  # surfaced by the assert below
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    stored = [o for o in outcomes if {r.status for r in o.results} == {"stored"}]
    assert len(stored) == 1
    assert all({r.status for r in o.results} == {"duplicate"} for o in outcomes if o not in stored)
    for event in batch:
        assert count(engine, event.id) == 1


def test_collection_version_moves_only_when_content_changes(engine: Engine) -> None:
    now = utc_now()
    with engine.begin() as conn:
        before, _ = store.get_collection(conn, "notices")
        same_version, same_etag = store.put_collection(
            conn, "notices", demo.demo_notices(), now=now
        )
        assert same_version == before
        changed_version, changed_etag = store.put_collection(conn, "notices", [], now=now)
        assert changed_version == before + 1
        assert changed_etag != same_etag
        store.put_collection(conn, "notices", demo.demo_notices(), now=now)


def test_timestamps_come_back_aware_and_in_utc(engine: Engine, terminal_id: str) -> None:
    event = new_event(created_at=datetime.fromisoformat("2026-11-23T11:00:00+01:00"))
    store.ingest_batch(engine, terminal_id, [event], utc_now)
    with engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == event.id)).one()
    assert row.created_at == datetime(2026, 11, 23, 10, tzinfo=UTC)
    assert row.created_at.utcoffset().total_seconds() == 0
    assert row.received_at.tzinfo is not None
