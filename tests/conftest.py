"""Shared fixtures: an offscreen Qt platform and a qasync loop per test."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.support.postgres import TemporaryPostgres

# Before any QApplication exists: CI has no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
# Qt Quick through Mesa's software GL is slow and noisy offscreen; Qt Quick's own
# software backend draws the keyboard just as well for tests.
os.environ.setdefault("QT_QUICK_BACKEND", "software")


@pytest.fixture(scope="session")
def postgres() -> Iterator[TemporaryPostgres]:
    """One private PostgreSQL cluster for the whole run (central and sync suites share it).

    Missing PostgreSQL binaries FAIL the tests that need it; they never skip.
    """
    from tests.support.postgres import PostgresUnavailable, temporary_postgres

    try:
        with temporary_postgres() as server:
            yield server
    except PostgresUnavailable as error:
        pytest.fail(f"the PostgreSQL variants cannot run: {error}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that touches Qt as ``gui`` so ``-m "not gui"`` runs the rest."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qapp" in fixtures or "qtbot" in fixtures or "qloop" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def qloop(qapp: object) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop on top of Qt's, marked as running for this test only.

    ``already_running=True`` lets the nested Qt loops spun by ``qtbot.waitSignal``
    and ``qtbot.waitUntil`` also step the asyncio tasks that async slots start.
    Teardown must not call ``loop.stop()``: that calls ``app.exit()`` and every
    later ``waitSignal`` would time out.
    """
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    app.processEvents()  # let cancellations run
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
