"""systemd's notify protocol: READY=1 after the first paint, WATCHDOG=1 while alive.

A frozen GUI loop is a frozen screen and a door that does not open, so the UI
sends the watchdog ping from a timer on its own (GUI) thread: if the loop
blocks, the pings stop and systemd restarts the kiosk. No library needed: one
datagram to ``$NOTIFY_SOCKET`` (sd_notify(3)); a leading ``@`` names an
abstract socket.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class SystemdNotifier:
    """Sends notify messages; does nothing when not started by systemd."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        address = env.get("NOTIFY_SOCKET", "")
        self._address = "\0" + address[1:] if address.startswith("@") else address
        self._watchdog_usec = _positive_int(env.get("WATCHDOG_USEC", ""))
        watchdog_pid = _positive_int(env.get("WATCHDOG_PID", ""))
        if watchdog_pid is not None and watchdog_pid != os.getpid():
            self._watchdog_usec = None  # the watchdog is meant for another process

    @property
    def enabled(self) -> bool:
        """Whether systemd listens (the unit has ``Type=notify``)."""
        return bool(self._address)

    def watchdog_interval(self) -> float | None:
        """Seconds between pings (half of ``WatchdogSec=``), or None without a watchdog."""
        if not self.enabled or self._watchdog_usec is None:
            return None
        return self._watchdog_usec / 2 / 1_000_000

    def ready(self) -> None:
        """The first screen is painted: start-up is over."""
        self._send("READY=1")

    def ping(self) -> None:
        """The GUI loop is alive."""
        self._send("WATCHDOG=1")

    def stopping(self) -> None:
        """The kiosk is shutting down on purpose."""
        self._send("STOPPING=1")

    def _send(self, message: str) -> None:
        if not self.enabled:
            return
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self._address)
                sock.sendall(message.encode("ascii"))
        except OSError as error:
            # Never fatal: a kiosk without its supervisor still serves residents.
            log.warning(
                "systemd notify failed", extra={"event": "notify_failed", "error": str(error)}
            )


def _positive_int(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if value > 0 else None
