"""Cached content and the outbox as a resident and a technician see them in the window."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from kiosk.config import KioskConfig
from kiosk.services import KioskServices
from offline_cache.store import Store
from ui.main_window import MainWindow
from ui.screens.events import EventsScreen
from ui.screens.home import HomeScreen


def _home(qtbot, window: MainWindow, language: str = "nb") -> HomeScreen:
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.current_screen.buttons[language], Qt.MouseButton.LeftButton)
    home = window.current_screen
    assert isinstance(home, HomeScreen)
    return home


def test_events_come_from_the_cache_with_their_age(
    qtbot, window: MainWindow, demo_config: KioskConfig
) -> None:
    soon = datetime.now(UTC) + timedelta(days=2)
    items = [
        {"id": "a", "site_id": "heggedal", "title": "Språkkafé", "starts_at": soon.isoformat(),
         "place": "Biblioteket"},
        {"id": "b", "site_id": "tofte", "title": "Bare på Tofte", "starts_at": soon.isoformat()},
        {"id": "c", "site_id": None, "title": "For alle torg",
         "starts_at": (soon + timedelta(hours=1)).isoformat()},
        {"id": "d", "site_id": "heggedal", "title": "Allerede over",
         "starts_at": (datetime.now(UTC) - timedelta(days=1)).isoformat()},
    ]  # fmt: skip
    fetched = datetime.now(UTC).replace(microsecond=0)
    with Store(demo_config.storage.path) as store:
        store.cache.put("events", {"items": items}, etag='"1"', fetched_at=fetched)
    home = _home(qtbot, window)
    assert not home.tiles["events"].badge.isVisible()  # built now: no "Kommer snart"
    qtbot.mouseClick(home.tiles["events"], Qt.MouseButton.LeftButton)
    screen = window.current_screen
    assert isinstance(screen, EventsScreen)
    qtbot.waitUntil(lambda: screen.loaded)
    titles = [entry.findChildren(type(screen.heading))[1].text() for entry in screen.entries]
    assert titles == ["Språkkafé", "For alle torg"]
    local = fetched.astimezone(window.header._schedule.tz)
    assert screen.updated.text() == f"Sist oppdatert {local:%H:%M}"


def test_without_a_cache_the_events_screen_says_so(qtbot, window: MainWindow) -> None:
    home = _home(qtbot, window, "en")
    qtbot.mouseClick(home.tiles["events"], Qt.MouseButton.LeftButton)
    screen = window.current_screen
    assert isinstance(screen, EventsScreen)
    qtbot.waitUntil(lambda: screen.loaded)
    assert screen.entries == []
    assert "Nothing has been downloaded yet" in screen.empty.text()


def test_a_finished_session_is_an_anonymous_event_waiting_to_be_sent(
    qtbot, window: MainWindow, services: KioskServices, demo_config: KioskConfig
) -> None:
    _home(qtbot, window, "en")
    qtbot.mouseClick(window.footer.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.header.waiting.text() == "1 venter på å bli sendt")
    with Store(demo_config.storage.path) as store:
        [(kind, payload)] = store.query("SELECT kind, payload FROM outbox")
    assert kind == "session.ended"
    assert '"language": "en"' in payload
    assert '"reason": "ended_by_user"' in payload


def test_a_full_disk_is_said_on_screen_and_loses_nothing_saved(
    qtbot, window: MainWindow, services: KioskServices, demo_config: KioskConfig
) -> None:
    _home(qtbot, window, "en")
    qtbot.mouseClick(window.footer.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.header.waiting.text() == "1 venter på å bli sendt")

    def cap_size(store: Store) -> None:
        pages = store.query("PRAGMA page_count")[0][0]
        store.query(f"PRAGMA max_page_count = {pages}")  # SQLite answers SQLITE_FULL from now on

    capped = asyncio.ensure_future(services.local_store._run(cap_size))
    qtbot.waitUntil(capped.done)
    capped.result()
    for _ in range(200):  # sessions until the database cannot take another row
        _home(qtbot, window, "en")
        qtbot.mouseClick(window.footer.finish, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window._tasks)
        if window.header.storage.isVisible():
            break
    assert window.header.storage.text() == "Lagringsplassen er full – si fra til de ansatte"
    assert window.header.storage_icon.isVisible()
    assert window.current_key == "attract"  # the kiosk goes on
    with Store(demo_config.storage.path) as store:
        assert store.query("SELECT count(*) FROM outbox")[0][0] >= 1
        assert store.integrity_check() == "ok"
