"""The UI process's view of the terminal database, on a real SQLite file."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.local_store import LocalStore, LocalStoreError
from offline_cache.store import Store


def test_recorded_events_are_waiting_in_the_outbox(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "state" / "kiosk.sqlite3")

    async def scenario() -> None:
        await store.record("session.ended", "session", {"reason": "timeout"})
        await store.record("session.ended", "session", {"reason": "ended_by_user"})
        overview = await store.overview()
        assert overview.pending == 2
        assert overview.last_sync is None

    try:
        asyncio.run(scenario())
    finally:
        store.close()
    with Store(tmp_path / "state" / "kiosk.sqlite3") as direct:
        kinds = [row[0] for row in direct.query("SELECT kind FROM outbox ORDER BY seq")]
    assert kinds == ["session.ended", "session.ended"]
    assert (tmp_path / "state").stat().st_mode & 0o777 == 0o700


def test_database_work_never_runs_on_the_calling_thread(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "kiosk.sqlite3")
    seen: list[str] = []

    async def scenario() -> None:
        await store._run(lambda _store: seen.append(threading.current_thread().name))

    try:
        asyncio.run(scenario())
    finally:
        store.close()
    assert seen[0].startswith("local-store")
    assert seen[0] != threading.current_thread().name


def test_cached_collection_comes_back_with_its_time(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    fetched = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
    with Store(path) as direct:
        direct.cache.put("events", {"items": [{"title": "Språkkafé"}, "junk"]}, etag='"v1"',
                         fetched_at=fetched)  # fmt: skip
    store = LocalStore(path)
    try:
        content = asyncio.run(store.collection("events"))
        missing = asyncio.run(store.collection("notices"))
    finally:
        store.close()
    assert content is not None
    assert [item["title"] for item in content.items] == ["Språkkafé"]
    assert content.fetched_at == fetched
    assert missing is None


def test_an_unusable_path_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    store = LocalStore(blocker / "kiosk.sqlite3")
    try:
        with pytest.raises(LocalStoreError):
            asyncio.run(store.overview())
    finally:
        store.close()
