"""The real kiosk process talks to a supervisor the way systemd expects."""

from __future__ import annotations

import json
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
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            messages = [supervisor.recv(64) for _ in range(4)]
            kiosk.terminate()  # what `systemctl stop` does
            while (message := supervisor.recv(64)) == b"WATCHDOG=1":
                pass
            output, _ = kiosk.communicate(timeout=30)
        finally:
            kiosk.kill()
    assert messages[0] == b"READY=1"
    assert messages[1:] == [b"WATCHDOG=1"] * 3
    assert message == b"STOPPING=1"
    assert kiosk.returncode == 0
    events = [json.loads(line).get("event") for line in output.splitlines() if line.startswith("{")]
    assert "stopping" in events
