"""The health probe and the connectivity monitor against real loopback servers.

Each server is real: the placeholder central API as a subprocess, and tiny
asyncio servers that answer with canned bytes (a captive portal, a redirect, a
server that never answers). Tests await the monitor's callbacks; none sleeps.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import ssl
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kiosk.connectivity import (
    Connectivity,
    ConnectivityMonitor,
    ConnectivityState,
    OfflineReason,
)
from offline_cache.central_probe import HttpHealthProbe, ProbeResult, ProbeStatus
from tests.support.tls import TEST_CERT, TEST_KEY

REPO = Path(__file__).resolve().parents[2]
PATIENCE = 30.0  # upper bound for awaiting an event; never a measured duration

HEALTHY_JSON = b'{"status":"ok","server_time":"2026-01-01T00:00:00.000Z","api_version":"1"}'
CAPTIVE_PORTAL = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 52\r\n\r\n"
    b"<html><body>Welcome to Library Wi-Fi!</body></html>\n"
)


def http_response(status: str, body: bytes, *headers: str) -> bytes:
    head = [f"HTTP/1.1 {status}", *headers, f"Content-Length: {len(body)}", "", ""]
    return "\r\n".join(head).encode() + body


def run(coroutine: Coroutine[Any, Any, None]) -> None:
    asyncio.run(coroutine)


@dataclass
class CannedServer:
    """A loopback server that answers every connection with the same bytes."""

    url: str
    request_lines: list[str] = field(default_factory=list)


@asynccontextmanager
async def canned_server(
    response: bytes | None,
    *,
    read_request: bool = True,
    tls: ssl.SSLContext | None = None,
) -> AsyncIterator[CannedServer]:
    """Serve ``response`` (``None``: accept, then never answer) on 127.0.0.1."""
    release = asyncio.Event()
    handlers: set[asyncio.Task[None]] = set()
    seen: list[str] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        handlers.add(task)
        try:
            if read_request:
                # Read the whole request first: closing a socket with unread input
                # makes the kernel send RST, which could eat our response.
                seen.append((await reader.readline()).decode().strip())
                while (await reader.readline()) not in (b"\r\n", b""):
                    pass
            if response is None:
                await release.wait()
            else:
                writer.write(response)
                await writer.drain()
                if not read_request:
                    # Wait for the client to hang up: closing first with its bytes
                    # unread would reset the connection and race our answer.
                    await reader.read()
        except (ConnectionError, ssl.SSLError):
            pass  # the client gave up first (TLS tests): fine
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=tls)
    port = server.sockets[0].getsockname()[1]
    scheme = "https" if tls else "http"
    try:
        async with server:
            yield CannedServer(f"{scheme}://127.0.0.1:{port}", seen)
    finally:
        release.set()
        if handlers:
            await asyncio.wait(handlers, timeout=PATIENCE)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def server_tls_context(tmp_path: Path) -> ssl.SSLContext:
    (tmp_path / "key.pem").write_text(TEST_KEY)
    (tmp_path / "cert.pem").write_text(TEST_CERT)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    return context


class StateRecorder:
    """Subscriber that lets a test await the next published state."""

    def __init__(self) -> None:
        self.states: asyncio.Queue[ConnectivityState] = asyncio.Queue()

    def __call__(self, state: ConnectivityState) -> None:
        self.states.put_nowait(state)

    async def next(self) -> ConnectivityState:
        return await asyncio.wait_for(self.states.get(), PATIENCE)


@asynccontextmanager
async def running(monitor: ConnectivityMonitor) -> AsyncIterator[StateRecorder]:
    recorder = StateRecorder()
    monitor.subscribe(recorder)
    task = asyncio.create_task(monitor.run())
    try:
        yield recorder
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


# --- the probe ----------------------------------------------------------------------------


async def probe_once(response: bytes | None, probe_timeout: float = 5.0) -> ProbeResult:
    async with canned_server(response) as server:
        return await HttpHealthProbe(server.url, timeout=probe_timeout).check()


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        pytest.param(CAPTIVE_PORTAL, OfflineReason.BAD_BODY, id="captive-portal-html"),
        pytest.param(
            http_response("200 OK", b'{"status":"degraded"}'), OfflineReason.BAD_BODY, id="not-ok"
        ),
        pytest.param(http_response("200 OK", b'["ok"]'), OfflineReason.BAD_BODY, id="json-list"),
        pytest.param(http_response("200 OK", b""), OfflineReason.BAD_BODY, id="empty-body"),
        pytest.param(
            http_response("302 Found", b"", "Location: http://portal.example/login"),
            OfflineReason.BAD_STATUS,
            id="redirect",
        ),
        pytest.param(
            http_response("503 Service Unavailable", HEALTHY_JSON),
            OfflineReason.BAD_STATUS,
            id="503-even-with-ok-body",
        ),
        pytest.param(b"SSH-2.0-OpenSSH_9.2\r\n", OfflineReason.BAD_STATUS, id="not-http"),
        pytest.param(b"", OfflineReason.UNREACHABLE, id="closed-without-answer"),
        pytest.param(b"HTTP/1.1 200 OK\r\n", OfflineReason.BAD_STATUS, id="closed-mid-headers"),
        pytest.param(
            b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{}",
            OfflineReason.BAD_BODY,
            id="body-cut-short",
        ),
    ],
)
def test_anything_but_the_health_document_is_offline(
    response: bytes, reason: OfflineReason
) -> None:
    async def scenario() -> None:
        result = await probe_once(response)
        assert result.status is ProbeStatus.OFFLINE
        assert result.reason is reason
        assert not result.online

    run(scenario())


@pytest.mark.parametrize(
    "response",
    [
        pytest.param(
            http_response("200 OK", HEALTHY_JSON, "Content-Type: application/json"),
            id="content-length",
        ),
        pytest.param(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"10\r\n"
            + HEALTHY_JSON[:16]
            + b"\r\n"
            + f"{len(HEALTHY_JSON) - 16:x}".encode()
            + b"\r\n"
            + HEALTHY_JSON[16:]
            + b"\r\n"
            b"0\r\n\r\n",
            id="chunked",
        ),
        pytest.param(b"HTTP/1.0 200 OK\r\n\r\n" + HEALTHY_JSON, id="until-eof"),
    ],
)
def test_the_health_document_is_online(response: bytes) -> None:
    async def scenario() -> None:
        result = await probe_once(response)
        assert result == ProbeResult.ok()
        assert result.online

    run(scenario())


def test_a_server_that_never_answers_is_a_timeout() -> None:
    async def scenario() -> None:
        result = await probe_once(None, probe_timeout=0.2)
        assert result.reason is OfflineReason.TIMEOUT

    run(scenario())


def test_a_closed_port_is_unreachable() -> None:
    async def scenario() -> None:
        result = await HttpHealthProbe(f"http://127.0.0.1:{closed_port()}").check()
        assert result.reason is OfflineReason.UNREACHABLE

    run(scenario())


def test_the_request_is_a_get_of_the_health_path_under_the_url_prefix() -> None:
    async def scenario() -> None:
        async with canned_server(http_response("200 OK", HEALTHY_JSON)) as server:
            result = await HttpHealthProbe(server.url + "/torg/").check()
        assert result.online
        assert server.request_lines == ["GET /torg/api/v1/health HTTP/1.1"]

    run(scenario())


def test_tls_to_a_plain_http_server_is_a_tls_error() -> None:
    async def scenario() -> None:
        # Answer at once, without reading: the client's TLS layer gets an HTTP status line.
        response = http_response("400 Bad Request", b"")
        async with canned_server(response, read_request=False) as server:
            https_url = server.url.replace("http://", "https://")
            result = await HttpHealthProbe(https_url).check()
        assert result.reason is OfflineReason.TLS_ERROR

    run(scenario())


def test_an_untrusted_certificate_is_a_tls_error(tmp_path: Path) -> None:
    async def scenario() -> None:
        healthy = http_response("200 OK", HEALTHY_JSON)
        async with canned_server(healthy, tls=server_tls_context(tmp_path)) as server:
            result = await HttpHealthProbe(server.url).check()
        assert result.reason is OfflineReason.TLS_ERROR
        assert "CERTIFICATE_VERIFY_FAILED" in result.detail

    run(scenario())


def test_a_pinned_ca_verifies_the_server(tmp_path: Path) -> None:
    async def scenario() -> None:
        healthy = http_response("200 OK", HEALTHY_JSON)
        pinned = ssl.create_default_context(cafile=None, cadata=TEST_CERT)
        async with canned_server(healthy, tls=server_tls_context(tmp_path)) as server:
            result = await HttpHealthProbe(server.url, ssl_context=pinned).check()
        assert result.online

    run(scenario())


def no_hostname_check(context: ssl.SSLContext) -> None:
    context.check_hostname = False


def no_verification(context: ssl.SSLContext) -> None:
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE


@pytest.mark.parametrize("weaken", [no_hostname_check, no_verification])
def test_an_unverifying_tls_context_is_refused(weaken: Callable[[ssl.SSLContext], None]) -> None:
    context = ssl.create_default_context()
    weaken(context)
    with pytest.raises(ValueError, match="verify"):
        HttpHealthProbe("https://central.example", ssl_context=context)


@pytest.mark.parametrize(
    "url",
    [
        "central.example",
        "ftp://central.example",
        "https://",
        "https://user:pw@central.example",
        "https://central.example:99999",
    ],
)
def test_a_malformed_central_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="URL"):
        HttpHealthProbe(url)


# --- the monitor against real servers -------------------------------------------------------


def test_monitor_goes_online_with_central_and_offline_when_it_stops(tmp_path: Path) -> None:
    async def scenario() -> None:
        central = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "central",
            "serve",
            "--db",
            f"sqlite:///{tmp_path / 'central.sqlite3'}",
            "--port",
            "0",
            "--quiet",
            cwd=REPO,
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            assert central.stdout is not None
            banner = await asyncio.wait_for(central.stdout.readline(), PATIENCE)
            url = banner.decode().rsplit(" ", 1)[1].strip()
            monitor = ConnectivityMonitor(HttpHealthProbe(url, timeout=5.0), interval=0.05)
            assert monitor.state.status is Connectivity.UNKNOWN
            assert monitor.last_online is None

            async with running(monitor) as states:
                assert await states.next() == ConnectivityState(Connectivity.ONLINE)
                assert monitor.last_online is not None

                central.send_signal(signal.SIGTERM)
                assert await asyncio.wait_for(central.wait(), PATIENCE) == 0

                offline = await states.next()
                assert offline == ConnectivityState(Connectivity.OFFLINE, OfflineReason.UNREACHABLE)
                assert monitor.state == offline
        finally:
            if central.returncode is None:
                central.kill()
                await central.wait()

    run(scenario())


@pytest.mark.parametrize(
    ("response", "timeout", "reason"),
    [
        pytest.param(CAPTIVE_PORTAL, 5.0, OfflineReason.BAD_BODY, id="captive-portal"),
        pytest.param(None, 0.2, OfflineReason.TIMEOUT, id="never-answers"),
    ],
)
def test_monitor_reports_why_it_is_offline(
    response: bytes | None, timeout: float, reason: OfflineReason
) -> None:
    async def scenario() -> None:
        async with canned_server(response) as server:
            monitor = ConnectivityMonitor(HttpHealthProbe(server.url, timeout=timeout), 0.05)
            async with running(monitor) as states:
                assert await states.next() == ConnectivityState(Connectivity.OFFLINE, reason)
        assert monitor.last_online is None

    run(scenario())
