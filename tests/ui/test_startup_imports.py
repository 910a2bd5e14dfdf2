"""What the first screen needs, and nothing more, is loaded before the first paint.

Start-up time is measured by `make bench`; this keeps the cheap part of it honest:
the modules that build the first screen must not drag in the loop, the network,
the database or Qt Quick (each costs tens of milliseconds, see startup-notes).
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.paths import REPO

LATE = ("asyncio", "qasync", "httpx", "sqlite3", "holidays", "PySide6.QtQuick", "ssl")


def test_the_first_screen_loads_no_late_module() -> None:
    code = (
        "import sys, json, ui.cli, ui.app, ui.main_window, kiosk.config, kiosk.schedule;"
        f"print(json.dumps([m for m in {LATE!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert json.loads(result.stdout) == []
