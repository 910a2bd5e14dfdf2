"""The header's online/offline indicator against a real central server on loopback."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

from kiosk.config import KioskConfig
from kiosk.connectivity import ConnectivityMonitor
from kiosk.schedule import SiteSchedule
from kiosk.services import build_services
from offline_cache.central_probe import HttpHealthProbe
from tests.support.central import running_central, sqlite_url
from ui.i18n import LanguageSwitcher
from ui.main_window import MainWindow


def test_indicator_follows_the_central_server(
    qtbot,
    qloop: asyncio.AbstractEventLoop,
    demo_config: KioskConfig,
    languages: LanguageSwitcher,
    tmp_path: Path,
) -> None:
    task: asyncio.Task[None] | None = None
    try:
        with running_central(sqlite_url(tmp_path), demo_data=False) as central:
            config = dataclasses.replace(
                demo_config, central=dataclasses.replace(demo_config.central, url=central.url)
            )
            services = build_services(config, qloop)
            monitor = ConnectivityMonitor(HttpHealthProbe(central.url, timeout=2), 0.05)
            services = dataclasses.replace(services, connectivity=monitor)
            languages.set_language("en")
            window = MainWindow(config, SiteSchedule.from_config(config), languages)
            qtbot.addWidget(window)
            window.show()
            window.attach(services)
            assert window.header.connectivity.text() == "Checking connection…"
            task = qloop.create_task(monitor.run())
            qtbot.waitUntil(lambda: window.header.connectivity.text() == "Online", timeout=5000)
            assert window.header.connectivity_icon.name == "online"  # an icon, not colour alone
        # Leaving the block stopped the server (SIGTERM, by PID).
        qtbot.waitUntil(lambda: window.header.connectivity.text() == "Offline", timeout=5000)
    finally:
        if task is not None:
            task.cancel()
