"""Start-up: paint the first screen fast, then start the asyncio loop and the core.

What costs start time is measured (see ``bench/``): importing PySide6 is the
floor; asyncio + qasync cost ~25 ms more, so they are imported only after the
first screen is painted and flushed. Capability modules, the on-screen keyboard
and the device simulators' panel are likewise created after that, or on first use.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kiosk.config import ConfigError, KioskConfig, demo_config_path, load_config
from kiosk.logs import configure_logging
from kiosk.systemd_notify import SystemdNotifier

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from kiosk.services import KioskServices
    from ui.i18n import LanguageSwitcher
    from ui.main_window import MainWindow

log = logging.getLogger("ui.app")

# The benchmark's protocol: print this line after the first paint and exit.
FIRST_PAINT_ENV = "TORGKIOSK_EXIT_AFTER_FIRST_PAINT"
# Portrait demo window, scaled to fit the screen.
DEMO_ASPECT = 9 / 16


@dataclass(frozen=True)
class RunOptions:
    """How ``torgkiosk run`` was asked to start."""

    config_path: Path | None
    demo: bool
    windowed: bool


def _load(options: RunOptions) -> tuple[KioskConfig | None, ConfigError | None]:
    """The configuration, or why it cannot be used (unreadable files included)."""
    try:
        return load_config(options.config_path or demo_config_path()), None
    except ConfigError as error:
        return None, error


def run(options: RunOptions) -> int:
    """Run the kiosk until the application quits; returns the exit status."""
    configure_logging()
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    from PySide6.QtWidgets import QApplication

    from ui.i18n import LanguageSwitcher
    from ui.qt_logging import install_qt_log_bridge

    install_qt_log_bridge()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("torgkiosk")
    app.setDesktopFileName("torgkiosk")
    languages = LanguageSwitcher(app)
    config, error = _load(options)
    if config is None:
        assert error is not None
        return _out_of_service(app, languages, error, options)

    languages.set_language(config.session.default_language)
    from kiosk.schedule import SiteSchedule
    from ui.main_window import MainWindow

    schedule = SiteSchedule.from_config(config)
    window = MainWindow(config, schedule, languages)
    _show(window, app, options)
    while not window.painted:
        app.processEvents()
    if os.environ.get(FIRST_PAINT_ENV) == "1":
        print("first-paint", flush=True)
        return 0
    notifier = SystemdNotifier()
    notifier.ready()
    _feed_watchdog(window, notifier)

    # Only now: the loop, the core, the demo's panel.
    import asyncio

    import qasync

    from kiosk.services import build_services

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(config, loop, schedule)
    window.attach(services)
    if services.devices.simulators is not None:
        add_simulator_panel(window, services)
    sys.excepthook = crash_handler(window)
    monitor = loop.create_task(services.connectivity.run())
    log.info(
        "kiosk started", extra={"event": "started", "site": config.site.id, "demo": options.demo}
    )
    app.aboutToQuit.connect(monitor.cancel)

    def stop(signal_name: str) -> None:
        # systemd stops the unit with SIGTERM: finish cleanly instead of dying mid-frame.
        log.info("kiosk stopping", extra={"event": "stopping", "signal": signal_name})
        notifier.stopping()
        app.quit()

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop, signum.name)
    with loop:
        loop.run_until_complete(_until_quit(app))
    return 0


def _feed_watchdog(window: MainWindow, notifier: SystemdNotifier) -> None:
    """Ping systemd's watchdog from a timer on the GUI thread.

    If the GUI loop blocks, the pings stop and systemd restarts the kiosk: a
    frozen screen does not stay frozen.
    """
    interval = notifier.watchdog_interval()
    if interval is None:
        return
    from PySide6.QtCore import QTimer

    timer = QTimer(window)
    timer.setInterval(int(interval * 1000))
    timer.timeout.connect(notifier.ping)
    timer.start()
    notifier.ping()


async def _until_quit(app: QApplication) -> None:
    import asyncio

    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    await done.wait()


def _show(window: QMainWindow, app: QApplication, options: RunOptions) -> None:
    from PySide6.QtCore import Qt

    if not options.windowed:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        return
    screen = app.primaryScreen()
    available = screen.availableGeometry() if screen else None
    height = min(1920, int(available.height() * 0.92)) if available else 960
    window.resize(int(height * DEMO_ASPECT), height)
    window.show()


def add_simulator_panel(window: MainWindow, services: KioskServices) -> None:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QDockWidget

    from ui.simulator_panel import SimulatorPanel

    assert services.devices.simulators is not None
    cards = [(card.uid, card.label) for card in services.config.demo.cards]
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Simulated devices"), window)
    dock.setObjectName("simulatorDock")
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    panel = SimulatorPanel(services.devices.simulators, cards)
    dock.setWidget(panel)
    dock.setMinimumWidth(420)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(window.width() + dock.sizeHint().width(), window.height())


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def crash_handler(window: MainWindow) -> ExceptHook:
    """An unexpected exception is logged and the kiosk returns to attract; never shown."""

    def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error(
            "unexpected error; returning to the attract screen",
            extra={
                "event": "unexpected_error",
                "exc_type": kind.__name__,
                "where": "".join(traceback.format_tb(tb)[-3:]),
            },
        )
        try:
            window.recover_from_error()
        except Exception:
            log.critical("recovery failed; exiting for systemd to restart", exc_info=True)
            os._exit(70)

    return handle


def _out_of_service(
    app: QApplication, languages: LanguageSwitcher, error: ConfigError, options: RunOptions
) -> int:
    """A broken configuration: log why, show "out of service", never a traceback."""
    from PySide6.QtWidgets import QMainWindow

    from ui.screens.out_of_service import OutOfServiceScreen
    from ui.theme import ThemeState, stylesheet

    for problem in error.problems:
        log.error(
            "configuration problem", extra={"event": "config_invalid", "problem": str(problem)}
        )
    log.error(
        "out of service: the configuration is invalid",
        extra={
            "event": "out_of_service",
            "config": str(error.path),
            "problems": len(error.problems),
        },
    )
    languages.set_language("nb")
    window = QMainWindow()
    window.setCentralWidget(OutOfServiceScreen())
    window.setStyleSheet(stylesheet(ThemeState(), 1.0))
    _show(window, app, options)
    if os.environ.get(FIRST_PAINT_ENV) == "1":
        app.processEvents()
        print("first-paint", flush=True)
        return 0
    app.exec()
    return 0
