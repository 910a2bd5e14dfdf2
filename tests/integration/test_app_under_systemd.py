"""The real kiosk process talks to a supervisor the way systemd expects."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path


def test_kiosk_reports_ready_then_keeps_the_watchdog_fed(tmp_path: Path) -> None:
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as supervisor:
        supervisor.bind(address)
        supervisor.settimeout(30)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "NOTIFY_SOCKET": address,
            "WATCHDOG_USEC": "400000",  # a ping every 0.2 s
        }
        env.pop("TORGKIOSK_EXIT_AFTER_FIRST_PAINT", None)
        kiosk = subprocess.Popen(
            [str(Path(sys.executable).with_name("torgkiosk")), "run", "--demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            messages = [supervisor.recv(64) for _ in range(4)]
        finally:
            kiosk.terminate()
            kiosk.wait(timeout=30)
    assert messages[0] == b"READY=1"
    assert messages[1:] == [b"WATCHDOG=1"] * 3
