"""A real central server in a subprocess, for tests of anything that talks to it.

Usage::

    from tests.support.central import running_central, sqlite_url

    with running_central(sqlite_url(tmp_path), admin_token="admin-secret") as central:
        central.url            # "http://127.0.0.1:PORT" (the API is under /api/v1)
        central.api            # "http://127.0.0.1:PORT/api/v1"
        central.admin_token    # "admin-secret"
        central.pid            # the server's PID (kill -9 it in fault tests)
        terminal = central.create_terminal("heggedal")   # -> Terminal(terminal_id, token)
        central.admin_get("/admin/events", terminal_id=terminal.terminal_id)  # -> JSON

``running_central`` migrates the database and, with ``demo_data=True`` (the default),
seeds the demo municipality (Asker's eight sites, "events"/"notices" collections)
before starting ``torgkiosk-central serve --port 0``. It reads the bound URL from the
server's first line, waits until ``/api/v1/health`` answers, and at the end stops the
server by PID (SIGTERM, then SIGKILL if it hangs). The admin token is handed over in
the environment, not on the command line. Server logs go to a temp file that is shown
if the server fails to start.

``db_url`` is any URL the server takes: ``sqlite_url(tmp_path)`` for a SQLite file,
or a PostgreSQL URL from ``tests.support.postgres``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0
ADMIN_TOKEN_ENV = "TORGKIOSK_CENTRAL_ADMIN_TOKEN"


def sqlite_url(directory: Path, name: str = "central.sqlite3") -> str:
    return f"sqlite:///{directory / name}"


def central_command() -> list[str]:
    """``torgkiosk-central`` from this venv, else ``python -m central``."""
    script = Path(sys.executable).with_name("torgkiosk-central")
    return [str(script)] if script.exists() else [sys.executable, "-m", "central"]


@dataclass(frozen=True)
class Terminal:
    terminal_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass(frozen=True)
class CentralServer:
    url: str
    admin_token: str
    db_url: str
    pid: int

    @property
    def api(self) -> str:
        return f"{self.url}/api/v1"

    @property
    def admin_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_token}"}

    def create_terminal(self, site_id: str = "heggedal", name: str = "test terminal") -> Terminal:
        """Register a terminal through ``POST /admin/terminals``; returns its token."""
        response = httpx.post(
            f"{self.api}/admin/terminals",
            json={"site_id": site_id, "name": name},
            headers=self.admin_headers,
            timeout=30,
        )
        response.raise_for_status()
        body = response.json()
        return Terminal(body["terminal_id"], body["token"])

    def admin_get(self, path: str, **params: str) -> Any:
        """``GET /api/v1<path>`` with the admin token; the decoded JSON body."""
        response = httpx.get(
            f"{self.api}{path}", params=params, headers=self.admin_headers, timeout=30
        )
        response.raise_for_status()
        return response.json()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``torgkiosk-central ARGS`` to completion (raises on a non-zero exit)."""
    return subprocess.run(
        [*central_command(), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@contextlib.contextmanager
def running_central(
    db_url: str,
    admin_token: str = "test-admin-token",
    *,
    demo_data: bool = True,
    port: int = 0,
) -> Iterator[CentralServer]:
    """Start ``torgkiosk-central serve --port PORT`` on ``db_url``; stop it by PID afterwards.

    ``port=0`` (the default) takes any free port; a fixed one lets a test point a client at
    central before central runs (the "central down at boot" case).
    """
    if demo_data:
        run_cli("demo-data", "--db", db_url)
    env = {**os.environ, ADMIN_TOKEN_ENV: admin_token}
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [
                *central_command(),
                "serve",
                "--db",
                db_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        try:
            url = _read_banner(process, log)
            _keep_draining(process)
            _wait_healthy(url, process, log)
            yield CentralServer(url=url, admin_token=admin_token, db_url=db_url, pid=process.pid)
        finally:
            _stop(process)


def _server_log(log: Any) -> str:
    log.seek(0)
    return str(log.read())[-4000:]


def _read_banner(process: subprocess.Popen[str], log: Any) -> str:
    """The URL from ``central: serving on http://HOST:PORT`` (a thread bounds the wait)."""
    assert process.stdout is not None
    stdout = process.stdout
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    banner = lines[0] if lines else ""
    if not banner.startswith("central: serving on http://"):
        _stop(process)
        raise RuntimeError(f"central did not start (said {banner!r}):\n{_server_log(log)}")
    return banner.rsplit(" ", 1)[1].strip()


def _keep_draining(process: subprocess.Popen[str]) -> None:
    """Read the server's stdout (its access log) for as long as it runs.

    Otherwise the pipe fills after ~64 KiB of access-log lines and the server blocks in
    its next log call: a soak of a thousand cycles froze central that way.
    """
    stdout = process.stdout
    assert stdout is not None
    recent: deque[str] = deque(maxlen=200)

    def drain() -> None:
        with contextlib.suppress(ValueError, OSError):  # closed by _stop()
            for line in stdout:
                recent.append(line)

    threading.Thread(target=drain, daemon=True, name=f"central-{process.pid}-stdout").start()


def _wait_healthy(url: str, process: subprocess.Popen[str], log: Any) -> None:
    """Poll ``/health`` until it answers 200, the process dies, or the deadline passes."""
    deadline = time.monotonic() + START_TIMEOUT
    with httpx.Client(timeout=5) as client:
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if client.get(f"{url}/api/v1/health").status_code == 200:
                    return
            except httpx.TransportError:
                # The socket listens before uvicorn accepts; a refused connection means
                # the process is gone, so re-check it rather than spin.
                continue
    _stop(process)
    raise RuntimeError(f"central at {url} never became healthy:\n{_server_log(log)}")


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(30)
    if process.stdout is not None:
        process.stdout.close()
