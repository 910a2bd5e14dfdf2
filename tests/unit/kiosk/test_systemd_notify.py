"""The notify protocol against a real datagram socket, as systemd listens."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.systemd_notify import SystemdNotifier


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(5)
    yield sock, path
    sock.close()


def test_ready_and_watchdog_reach_the_socket(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener
    notifier = SystemdNotifier(
        {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}
    )
    assert notifier.watchdog_interval() == 15.0
    notifier.ready()
    notifier.ping()
    assert sock.recv(64) == b"READY=1"
    assert sock.recv(64) == b"WATCHDOG=1"


def test_abstract_socket_names_start_with_at() -> None:
    name = f"torgkiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        SystemdNotifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert sock.recv(64) == b"READY=1"


def test_without_systemd_nothing_is_sent_and_there_is_no_watchdog() -> None:
    notifier = SystemdNotifier({})
    assert not notifier.enabled
    assert notifier.watchdog_interval() is None
    notifier.ready()  # no socket: silently nothing


def test_watchdog_meant_for_another_process_is_ignored(listener) -> None:
    _, path = listener
    other = SystemdNotifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "1000", "WATCHDOG_PID": "1"})
    assert other.watchdog_interval() is None


def test_a_vanished_socket_is_logged_not_raised(tmp_path: Path, caplog) -> None:
    SystemdNotifier({"NOTIFY_SOCKET": str(tmp_path / "gone")}).ping()
    assert any(getattr(r, "event", "") == "notify_failed" for r in caplog.records)
