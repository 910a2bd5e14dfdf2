"""The header's online/offline indicator against a real central server on loopback."""

from __future__ import annotations

import asyncio
import dataclasses
import threading

from central.server import build_server
from kiosk.config import KioskConfig
from kiosk.connectivity import ConnectivityMonitor
from kiosk.schedule import SiteSchedule
from kiosk.services import build_services
from offline_cache.central_probe import HttpHealthProbe
from ui.i18n import LanguageSwitcher
from ui.main_window import MainWindow


def test_indicator_follows_the_central_server(
    qtbot, qloop: asyncio.AbstractEventLoop, demo_config: KioskConfig, languages: LanguageSwitcher
) -> None:
    server = build_server("127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    config = dataclasses.replace(
        demo_config, central=dataclasses.replace(demo_config.central, url=url)
    )
    services = build_services(config, qloop)
    monitor = ConnectivityMonitor(HttpHealthProbe(url, timeout=2), 0.05)
    services = dataclasses.replace(services, connectivity=monitor)
    languages.set_language("en")
    window = MainWindow(config, SiteSchedule.from_config(config), languages)
    qtbot.addWidget(window)
    window.show()
    window.attach(services)
    assert window.header.connectivity.text() == "Checking connection…"
    task = qloop.create_task(monitor.run())
    try:
        qtbot.waitUntil(lambda: window.header.connectivity.text() == "Online", timeout=5000)
        assert not window.header.connectivity_icon.pixmap().isNull()  # an icon, not colour alone
        server.shutdown()
        server.server_close()
        qtbot.waitUntil(lambda: window.header.connectivity.text() == "Offline", timeout=5000)
    finally:
        task.cancel()
