"""Is the central API reachable? One HTTP GET of ``/api/v1/health``, judged strictly.

Online means exactly: a TLS-verified (for https) HTTP 200 whose body is a JSON
object with ``"status": "ok"``. Everything else is offline, with a reason. A
captive portal or a proxy error page on library Wi-Fi answers 200 or 302 with
HTML: that is offline too, never "online with a funny body".

The request is plain HTTP/1.1 over ``asyncio.open_connection`` so the probe
needs no dependency and never blocks the loop; the whole exchange (DNS,
connect, TLS handshake, response) shares one deadline.
"""

from __future__ import annotations

import asyncio
import json
import ssl
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum
from typing import Final
from urllib.parse import urlsplit

HEALTH_PATH: Final = "/api/v1/health"

# The health body is under 100 bytes; anything far larger is not our server.
_MAX_BODY: Final = 64 * 1024
_MAX_HEADER_LINES: Final = 100
_MAX_LINE: Final = 8 * 1024
# Closing is best effort and must not stretch a probe: a peer that ignores
# TLS close_notify would otherwise hold wait_closed() for a long time.
_CLOSE_TIMEOUT: Final = 1.0


class ProbeStatus(StrEnum):
    """What a probe concluded."""

    ONLINE = "online"
    OFFLINE = "offline"


class OfflineReason(StrEnum):
    """Why the kiosk counts itself offline (codes for logs and UI, not prose)."""

    UNREACHABLE = "unreachable"
    """DNS failure, connection refused or reset, no route, closed without an answer."""
    TIMEOUT = "timeout"
    """No complete answer within the probe's deadline."""
    BAD_STATUS = "bad_status"
    """An HTTP answer other than 200 (redirects included), or not HTTP at all."""
    BAD_BODY = "bad_body"
    """A 200 whose body is not the health JSON: captive portal, proxy page."""
    TLS_ERROR = "tls_error"
    """Handshake or certificate verification failed (clock skew shows up here too)."""
    NOT_CONFIGURED = "not_configured"
    """No central URL in the site configuration; nothing is probed."""


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """The outcome of one probe.

    Attributes:
        status: ONLINE or OFFLINE.
        reason: Why OFFLINE; ``None`` when ONLINE.
        detail: Short diagnostic for logs (exception class, HTTP status). Never shown
            to users and never holds personal data.
    """

    status: ProbeStatus
    reason: OfflineReason | None = None
    detail: str = ""

    @property
    def online(self) -> bool:
        """True when the central API answered as it should."""
        return self.status is ProbeStatus.ONLINE

    @classmethod
    def ok(cls) -> ProbeResult:
        """An ONLINE result."""
        return cls(ProbeStatus.ONLINE)

    @classmethod
    def offline(cls, reason: OfflineReason, detail: str = "") -> ProbeResult:
        """An OFFLINE result with its reason."""
        return cls(ProbeStatus.OFFLINE, reason, detail)


class _BadResponseError(Exception):
    """The peer answered, but not with a healthy health document."""

    def __init__(self, reason: OfflineReason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class HttpHealthProbe:
    """Probes ``<base_url>/api/v1/health`` over HTTP/1.1 with ``Connection: close``.

    Args:
        base_url: ``http://`` or ``https://`` URL of the central API, optionally with a
            path prefix (``https://api.example.no/torg``).
        timeout: Deadline in seconds for the whole exchange.
        ssl_context: For https; defaults to ``ssl.create_default_context()``. A custom
            context may pin the API's CA, but must still verify: a context with
            verification or hostname checking turned off is refused.

    Raises:
        ValueError: On a URL that is not absolute http(s), or an unverified context.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 5.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        try:
            explicit_port = parts.port
        except ValueError:
            raise ValueError("central URL has an invalid port") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("central URL must be an absolute http:// or https:// URL")
        if parts.username or parts.password or parts.query or parts.fragment:
            raise ValueError("central URL must not carry credentials, a query or a fragment")
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self._host = parts.hostname
        self._port = explicit_port or (443 if parts.scheme == "https" else 80)
        self._path = parts.path.rstrip("/") + HEALTH_PATH
        host_header = f"[{self._host}]" if ":" in self._host else self._host
        if explicit_port is not None:
            host_header += f":{explicit_port}"
        self._request = (
            f"GET {self._path} HTTP/1.1\r\n"
            f"Host: {host_header}\r\n"
            "Accept: application/json\r\n"
            "User-Agent: torgkiosk-health-probe/1\r\n"
            "Connection: close\r\n"
            "\r\n"
        ).encode("ascii")
        self._timeout = timeout
        self._ssl: ssl.SSLContext | None = None
        if parts.scheme == "https":
            context = ssl_context or ssl.create_default_context()
            if context.verify_mode is not ssl.CERT_REQUIRED or not context.check_hostname:
                raise ValueError("TLS to the central API must verify certificate and hostname")
            self._ssl = context
        self.url = f"{parts.scheme}://{parts.netloc}{self._path}"

    async def check(self) -> ProbeResult:
        """Probe once. Never raises for network trouble: that is what the result says."""
        writer: asyncio.StreamWriter | None = None
        try:
            async with asyncio.timeout(self._timeout):
                reader, writer = await asyncio.open_connection(
                    self._host,
                    self._port,
                    ssl=self._ssl,
                    server_hostname=self._host if self._ssl else None,
                    limit=_MAX_LINE,
                )
                writer.write(self._request)
                await writer.drain()
                await _read_health(reader)
        except TimeoutError:
            return ProbeResult.offline(OfflineReason.TIMEOUT, f"no answer in {self._timeout:g} s")
        except _BadResponseError as bad:
            return ProbeResult.offline(bad.reason, bad.detail)
        except ssl.SSLError as error:  # before OSError: SSLError is one
            return ProbeResult.offline(OfflineReason.TLS_ERROR, _describe(error))
        except (OSError, EOFError) as error:
            return ProbeResult.offline(OfflineReason.UNREACHABLE, _describe(error))
        finally:
            if writer is not None:
                await _close(writer)
        return ProbeResult.ok()


async def _read_health(reader: asyncio.StreamReader) -> None:
    """Read one HTTP response and raise ``_BadResponseError`` unless it is a healthy one."""
    # Accepted, then closed without a byte: a server going down, or a middlebox that
    # takes the connection with nothing behind it. No HTTP at all, so: unreachable.
    status_line = await _read_line(
        reader, OfflineReason.BAD_STATUS, if_silent=OfflineReason.UNREACHABLE
    )
    fields = status_line.split(" ", 2)
    if len(fields) < 2 or not fields[0].startswith("HTTP/1.") or not fields[1].isdigit():
        raise _BadResponseError(OfflineReason.BAD_STATUS, "not an HTTP/1.x response")
    if fields[1] != "200":
        raise _BadResponseError(OfflineReason.BAD_STATUS, f"HTTP {fields[1]}")

    headers: dict[str, str] = {}
    for _ in range(_MAX_HEADER_LINES):
        line = await _read_line(reader, OfflineReason.BAD_STATUS)
        if not line:
            break
        name, _sep, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    else:
        raise _BadResponseError(OfflineReason.BAD_STATUS, "too many header lines")

    body = await _read_body(reader, headers)
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise _BadResponseError(OfflineReason.BAD_BODY, "body is not JSON") from None
    if not isinstance(document, dict) or document.get("status") != "ok":
        raise _BadResponseError(OfflineReason.BAD_BODY, 'body lacks "status": "ok"')


async def _read_line(
    reader: asyncio.StreamReader,
    reason: OfflineReason,
    *,
    if_silent: OfflineReason | None = None,
) -> str:
    """One CRLF line; ``reason`` if it is cut short (``if_silent`` if nothing came)."""
    try:
        raw = await reader.readuntil(b"\n")
    except asyncio.IncompleteReadError as error:
        if if_silent is not None and not error.partial:
            raise _BadResponseError(if_silent, "closed without an answer") from None
        raise _BadResponseError(reason, "connection closed mid-response") from None
    except asyncio.LimitOverrunError:
        raise _BadResponseError(reason, "line too long") from None
    return raw.decode("latin-1").rstrip("\r\n")


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return await _read_chunked(reader)
    length = headers.get("content-length")
    if length is not None:
        if not length.isdigit() or int(length) > _MAX_BODY:
            raise _BadResponseError(OfflineReason.BAD_BODY, "unexpected Content-Length")
        try:
            return await reader.readexactly(int(length))
        except asyncio.IncompleteReadError:
            raise _BadResponseError(OfflineReason.BAD_BODY, "body cut short") from None
    # No framing: with Connection: close the body runs to EOF.
    body = b""
    while chunk := await reader.read(_MAX_BODY + 1 - len(body)):
        body += chunk
        if len(body) > _MAX_BODY:
            raise _BadResponseError(OfflineReason.BAD_BODY, "body too large")
    return body


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    body = b""
    while True:
        size_line = await _read_line(reader, OfflineReason.BAD_BODY)
        size_text = size_line.split(";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise _BadResponseError(OfflineReason.BAD_BODY, "bad chunk size") from None
        if size == 0:
            return body  # trailers, if any, do not matter: we close the connection
        if len(body) + size > _MAX_BODY:
            raise _BadResponseError(OfflineReason.BAD_BODY, "body too large")
        try:
            body += await reader.readexactly(size)
            await reader.readexactly(2)  # CRLF after each chunk
        except asyncio.IncompleteReadError:
            raise _BadResponseError(OfflineReason.BAD_BODY, "body cut short") from None


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    with suppress(OSError, TimeoutError):
        async with asyncio.timeout(_CLOSE_TIMEOUT):
            await writer.wait_closed()


def _describe(error: BaseException) -> str:
    """Exception class plus errno/SSL reason: enough to diagnose, no payloads."""
    if isinstance(error, ssl.SSLError) and error.reason:
        return f"{type(error).__name__}: {error.reason}"
    errno = getattr(error, "errno", None)
    return f"{type(error).__name__} (errno {errno})" if errno else type(error).__name__
