"""The demo: the main window with the simulated devices' panel beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDockWidget

from kiosk.services import KioskServices
from tests.support.paths import ARTIFACTS
from ui.app import add_simulator_panel
from ui.main_window import MainWindow
from ui.simulator_panel import SimulatorPanel


def test_demo_shows_the_simulator_panel_next_to_the_kiosk(
    qtbot, window: MainWindow, services: KioskServices
) -> None:
    window.resize(720, 1280)
    add_simulator_panel(window, services)
    dock = window.findChild(QDockWidget, "simulatorDock")
    assert dock is not None
    panel = dock.widget()
    assert isinstance(panel, SimulatorPanel)
    qtbot.waitUntil(lambda: dock.isVisible())
    assert window.width() > 720  # the kiosk keeps its size; the panel is added beside it
    qtbot.waitUntil(lambda: not window._restyle_timer.isActive())
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "demo_window.png"))
