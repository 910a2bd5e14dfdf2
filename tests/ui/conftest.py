"""Fixtures that build the real main window on the demo configuration."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.config import KioskConfig, StorageConfig, load_config
from kiosk.config.loader import demo_config_path
from kiosk.schedule import SiteSchedule
from kiosk.services import KioskServices, build_services
from tests.support.clock import VirtualClock
from ui.i18n import LanguageSwitcher
from ui.main_window import MainWindow


@pytest.fixture
def demo_config(tmp_path_factory: pytest.TempPathFactory) -> KioskConfig:
    """The demo site, with its database in a temporary folder (never the home directory)."""
    config = load_config(demo_config_path())
    folder = tmp_path_factory.mktemp("state")
    return dataclasses.replace(config, storage=StorageConfig(str(folder / "kiosk.sqlite3")))


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp)
    yield switcher
    switcher.unload()  # later tests start from the source texts


@pytest.fixture
def clock() -> VirtualClock:
    """The session's time: tests let sessions time out without waiting."""
    return VirtualClock()


@pytest.fixture
def services(
    demo_config: KioskConfig, qloop: asyncio.AbstractEventLoop, clock: VirtualClock
) -> Iterator[KioskServices]:
    built = build_services(demo_config, qloop, session_scheduler=clock)
    yield built
    built.local_store.close()


@pytest.fixture
def window(
    qtbot, demo_config: KioskConfig, services: KioskServices, languages: LanguageSwitcher
) -> MainWindow:
    """The real main window, portrait 1080×1920, attached to real services on simulators."""
    languages.set_language(demo_config.session.default_language)
    main = MainWindow(demo_config, SiteSchedule.from_config(demo_config), languages)
    qtbot.addWidget(main)
    main.resize(1080, 1920)
    main.show()
    qtbot.waitUntil(lambda: main.painted)
    main.attach(services)
    return main
