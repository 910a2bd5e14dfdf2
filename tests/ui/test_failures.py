"""What the resident and the technician see when something goes wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from kiosk.services import KioskServices
from kiosk.session import Phase
from tests.support.paths import REPO
from ui.app import FIRST_PAINT_ENV, crash_handler
from ui.main_window import MainWindow
from ui.screens.base import Screen

FIXTURES = REPO / "tests" / "fixtures" / "config"
TORGKIOSK = Path(sys.executable).with_name("torgkiosk")


class BrokenScreen(Screen):
    """A screen whose button has a bug."""

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("Go")
        QVBoxLayout(self.body).addWidget(self.button)
        self.button.clicked.connect(self._explode)

    def _explode(self) -> None:
        raise RuntimeError("a bug in a screen")


@pytest.mark.qt_no_exception_capture
def test_unexpected_exception_returns_to_attract_and_is_logged(
    qtbot, window: MainWindow, services: KioskServices, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(sys, "excepthook", crash_handler(window))
    window.register_screen("broken", BrokenScreen)
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    window.show_screen("broken")
    screen = window.current_screen
    assert isinstance(screen, BrokenScreen)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert window.current_key == "attract"
    assert services.session.phase is Phase.IDLE
    records = [r for r in caplog.records if getattr(r, "event", "") == "unexpected_error"]
    assert records
    assert records[0].exc_type == "RuntimeError"


def _run_kiosk(config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, FIRST_PAINT_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(TORGKIOSK), "run", "--config", str(config), "--windowed"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_broken_config_shows_out_of_service_and_logs_why() -> None:
    result = _run_kiosk(FIXTURES / "broken.toml")
    assert result.returncode == 0
    assert "first-paint" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    problems = [e["problem"] for e in events if e.get("event") == "config_invalid"]
    assert any("broken.toml:14: schedule.staffed.monday" in p for p in problems)
    assert any(e.get("event") == "out_of_service" for e in events)


def test_missing_config_is_out_of_service_too(tmp_path: Path) -> None:
    result = _run_kiosk(tmp_path / "nowhere.toml")
    assert result.returncode == 0
    assert "first-paint" in result.stdout
    assert "cannot read the file" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_config_names_key_and_line_and_fails(capsys) -> None:
    from ui.cli import main

    assert main(["check-config", str(FIXTURES / "broken.toml")]) == 1
    err = capsys.readouterr().err
    assert "broken.toml:5: site.id" in err
    assert "broken.toml:23: session.warning_seconds" in err
    assert "problem(s)" in err


def test_check_config_accepts_the_demo(capsys) -> None:
    from kiosk.config import demo_config_path
    from ui.cli import main

    assert main(["check-config", str(demo_config_path())]) == 0
    assert "OK" in capsys.readouterr().out
