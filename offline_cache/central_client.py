"""The central API v1 over HTTPS, from the terminal's side (see docs/api and docs/sync.md).

A blocking ``httpx`` client: the sync engine runs in its own process (or a worker thread),
never on the GUI thread. Every failure becomes one of a few typed exceptions that tell the
engine what to do, and no answer from the network, however malformed, escapes as anything else:

=======================  ==========================================  ======================
exception                when                                        the engine
=======================  ==========================================  ======================
``RetryableError``       network/TLS/timeouts, 408, 409, 429, 5xx    backs off, retries
``UnauthorizedError``    401                                         refreshes token once
``ConflictError``        422 ``idempotency_conflict`` with ids       dead-letters those ids
``PermanentError``       other 4xx                                   dead-letters (isolated)
``BadResponseError``     non-JSON, wrong shape, truncated, too big   backs off, retries
=======================  ==========================================  ======================

TLS is always verified; a custom CA bundle may be given, ``verify=False`` is refused.
"""

from __future__ import annotations

import email.utils
import json
import re
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from os import PathLike
from typing import Any, Final

import httpx

from offline_cache.timeutil import format_time, parse_time, utc_now

API_PREFIX: Final = "/api/v1"
MAX_BODY: Final = 5 * 1024 * 1024
# A Retry-After of days is a misconfigured server, not a plan: wait at most this long.
MAX_RETRY_AFTER: Final = 3600.0
_COLLECTION_NAME: Final = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class ErrorKind(StrEnum):
    """Why the last exchange with central failed (codes for logs and the UI)."""

    NETWORK = "network"
    TIMEOUT = "timeout"
    TLS = "tls"
    """Certificate or handshake failure; also what a kiosk clock off by years looks like."""
    SERVER = "server"
    """408, 409, 429 or 5xx: central is there but asks us to come back later."""
    UNAUTHORIZED = "unauthorized"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    """Another 4xx."""
    BAD_RESPONSE = "bad_response"
    STORE = "store"
    """Not central at all: the local database failed (disk full, locked, …)."""


class CentralError(Exception):
    """Base of every error the client raises. ``detail`` holds no payload or personal data."""

    kind: ErrorKind = ErrorKind.NETWORK

    def __init__(self, detail: str, *, status: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status


class RetryableError(CentralError):
    """Try again later, no sooner than ``retry_after`` seconds if central said so."""

    def __init__(
        self,
        detail: str,
        *,
        kind: ErrorKind,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(detail, status=status)
        self.kind = kind
        self.retry_after = retry_after


class UnauthorizedError(CentralError):
    """401: the terminal token is missing, wrong or revoked."""

    kind = ErrorKind.UNAUTHORIZED


class ConflictError(CentralError):
    """422 ``idempotency_conflict``: these ids exist on central with other content."""

    kind = ErrorKind.CONFLICT

    def __init__(self, ids: Sequence[str]) -> None:
        super().__init__(f"idempotency conflict on {len(ids)} event(s)", status=422)
        self.ids = tuple(ids)


class PermanentError(CentralError):
    """Another 4xx: sending the same request again will not help."""

    kind = ErrorKind.REJECTED

    def __init__(self, detail: str, *, status: int, code: str | None) -> None:
        super().__init__(detail, status=status)
        self.code = code


class BadResponseError(CentralError):
    """An answer that is not the API's: not JSON, wrong shape, cut short or far too big."""

    kind = ErrorKind.BAD_RESPONSE


@dataclass(frozen=True, slots=True)
class EventResult:
    """Central's answer for one event of a batch."""

    id: str
    status: str
    """``"stored"`` or ``"duplicate"`` (already there from an earlier try: fine)."""
    received_at: str | None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Central's answer to ``POST /events:batch``."""

    results: tuple[EventResult, ...]
    server_time: datetime | None


@dataclass(frozen=True, slots=True)
class Collection:
    """A collection as central sent it (200)."""

    name: str
    body: dict[str, Any]
    etag: str | None
    server_time: datetime | None


@dataclass(frozen=True, slots=True)
class NotModified:
    """304: the cached copy is still current."""

    server_time: datetime | None


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date).

    Args:
        value: The header value.
        now: What time it is for an HTTP-date: central's ``Date`` when it sent one (so a
            skewed kiosk clock does not matter), else the kiosk's clock.

    Returns:
        Seconds, clamped to ``[0, MAX_RETRY_AFTER]``; ``None`` if absent or unparseable.
    """
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = (moment - (now or utc_now())).total_seconds()
    return min(max(0.0, seconds), MAX_RETRY_AFTER)


def _server_date(headers: httpx.Headers) -> datetime | None:
    value = headers.get("date")
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _describe(error: BaseException) -> str:
    # Class name and errno only: never URLs with tokens, never bodies.
    errno = getattr(error, "errno", None)
    return f"{type(error).__name__} (errno {errno})" if errno else type(error).__name__


def _is_tls(error: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


class CentralClient:
    """Talks to ``<base_url>/api/v1`` with a terminal's bearer token.

    Args:
        base_url: ``https://…`` (``http://`` is for loopback tests and local demos).
        token: The terminal token.
        verify: ``True`` for the system trust store, or a path to a PEM CA bundle that pins
            central's CA. ``False`` is refused: verification is never switched off.
        connect_timeout: Seconds to connect (TCP and TLS).
        read_timeout: Seconds between bytes of the answer.
        max_body: Answers larger than this are refused as ``BadResponseError``.
        transport: For tests only (``httpx.MockTransport``).
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        verify: bool | str | PathLike[str] = True,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        max_body: int = MAX_BODY,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if verify is False:
            raise ValueError("TLS verification cannot be switched off; give a CA bundle instead")
        if not base_url.startswith(("https://", "http://")):
            raise ValueError("central URL must be http:// or https://")
        context = (
            ssl.create_default_context()
            if verify is True
            else ssl.create_default_context(cafile=str(verify))
        )
        self._max_body = max_body
        self._token = ""
        self.set_token(token)
        self._http = httpx.Client(
            base_url=base_url.rstrip("/") + API_PREFIX,
            verify=context,
            timeout=httpx.Timeout(
                connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout
            ),
            follow_redirects=False,
            # Proxies and CA paths come from our configuration, not from whatever the
            # environment of the service happens to hold.
            trust_env=False,
            transport=transport,
            headers={"User-Agent": "torgkiosk-sync/1", "Accept": "application/json"},
        )

    def set_token(self, token: str) -> None:
        """Use another terminal token from the next request on."""
        token = token.strip()
        if not token or any(c in token for c in "\r\n "):
            raise ValueError("token must be one non-empty line without spaces")
        self._token = token

    def close(self) -> None:
        """Close pooled connections."""
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- endpoints ---------------------------------------------------------------------

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult:
        """Send one batch (1..500 events, as ``OutboxEvent.to_wire()`` makes them).

        Raises:
            CentralError: One of its subclasses; see the module docstring.
        """
        if not 1 <= len(events) <= 500:
            raise ValueError("a batch holds 1..500 events")
        sent_ids = [str(event["id"]) for event in events]
        response = self._request("POST", "/events:batch", payload={"events": list(events)})
        if response.status == 422:
            document = self._json_or_none(response)
            if isinstance(document, dict) and document.get("error") == "idempotency_conflict":
                ids = document.get("ids")
                sent = set(sent_ids)
                if isinstance(ids, list) and ids and all(i in sent for i in ids):
                    raise ConflictError([str(i) for i in ids])
                raise BadResponseError("idempotency_conflict without usable ids", status=422)
        self._raise_for_status(response)
        document = self._json(response)
        results = document.get("results")
        if not isinstance(results, list):
            raise BadResponseError("batch answer lacks results", status=response.status)
        parsed: dict[str, EventResult] = {}
        for item in results:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise BadResponseError("malformed batch result", status=response.status)
            if item.get("status") not in ("stored", "duplicate"):
                raise BadResponseError("unknown batch result status", status=response.status)
            received = item.get("received_at")
            parsed[item["id"]] = EventResult(
                item["id"], item["status"], received if isinstance(received, str) else None
            )
        if set(parsed) != set(sent_ids):
            raise BadResponseError("batch answer does not match the batch", status=response.status)
        return BatchResult(
            tuple(parsed[i] for i in sent_ids), self._server_time(document, response)
        )

    def get_collection(self, name: str, etag: str | None = None) -> Collection | NotModified:
        """``GET /collections/{name}``, conditional on ``etag`` when given."""
        if not _COLLECTION_NAME.match(name):
            raise ValueError("bad collection name")
        headers = {"If-None-Match": etag} if etag else None
        response = self._request("GET", f"/collections/{name}", headers=headers)
        if response.status == 304:
            return NotModified(_server_date(response.headers))
        self._raise_for_status(response)
        document = self._json(response)
        if document.get("name") != name or not isinstance(document.get("items"), list):
            raise BadResponseError("collection has the wrong shape", status=response.status)
        return Collection(
            name,
            document,
            response.headers.get("etag"),
            self._server_time(document, response),
        )

    def heartbeat(
        self,
        *,
        version: str,
        outbox_depth: int,
        last_sync: datetime | None,
        devices: Mapping[str, str],
    ) -> datetime | None:
        """``POST /heartbeat``; returns central's clock."""
        response = self._request(
            "POST",
            "/heartbeat",
            payload={
                "version": version,
                "outbox_depth": outbox_depth,
                "last_sync": format_time(last_sync) if last_sync else None,
                "devices": dict(devices),
            },
        )
        self._raise_for_status(response)
        return self._server_time(self._json(response), response)

    # -- plumbing ----------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        payload: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> _Response:
        all_headers = {"Authorization": f"Bearer {self._token}", **(headers or {})}
        try:
            with self._http.stream(method, path, json=payload, headers=all_headers) as response:
                declared = response.headers.get("content-length")
                if declared is not None and declared.isdigit() and int(declared) > self._max_body:
                    raise BadResponseError("answer too large", status=response.status_code)
                body = bytearray()
                try:
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > self._max_body:
                            raise BadResponseError("answer too large", status=response.status_code)
                except httpx.TimeoutException as error:
                    raise RetryableError(
                        _describe(error), kind=ErrorKind.TIMEOUT, status=response.status_code
                    ) from None
                except httpx.TransportError as error:
                    # The status line came, the body did not: a truncated answer.
                    raise BadResponseError(
                        f"answer cut short ({_describe(error)})", status=response.status_code
                    ) from None
                return _Response(response.status_code, response.headers, bytes(body))
        except httpx.TimeoutException as error:
            raise RetryableError(_describe(error), kind=ErrorKind.TIMEOUT) from None
        except httpx.TransportError as error:
            kind = ErrorKind.TLS if _is_tls(error) else ErrorKind.NETWORK
            raise RetryableError(_describe(error), kind=kind) from None
        except httpx.HTTPError as error:  # e.g. an invalid URL built from a bad config
            raise RetryableError(_describe(error), kind=ErrorKind.NETWORK) from None

    def _raise_for_status(self, response: _Response) -> None:
        status = response.status
        if 200 <= status < 300:
            return
        if status == 401:
            raise UnauthorizedError("central refused the terminal token", status=401)
        if status in (408, 409, 429) or 500 <= status < 600:
            now = _server_date(response.headers)
            raise RetryableError(
                f"HTTP {status}",
                kind=ErrorKind.SERVER,
                status=status,
                retry_after=parse_retry_after(response.headers.get("retry-after"), now=now),
            )
        if 400 <= status < 500:
            document = self._json_or_none(response)
            code = document.get("error") if isinstance(document, dict) else None
            raise PermanentError(
                f"HTTP {status}", status=status, code=code if isinstance(code, str) else None
            )
        # 1xx leftovers, 3xx (captive portals redirect), anything else: not our API.
        raise BadResponseError(f"unexpected HTTP {status}", status=status)

    @staticmethod
    def _json_or_none(response: _Response) -> Any:
        try:
            return json.loads(response.body)
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None

    def _json(self, response: _Response) -> dict[str, Any]:
        content_type = response.headers.get("content-type", "")
        document = self._json_or_none(response)
        if not content_type.startswith("application/json") or not isinstance(document, dict):
            raise BadResponseError("answer is not a JSON object", status=response.status)
        return document

    @staticmethod
    def _server_time(document: Mapping[str, Any], response: _Response) -> datetime | None:
        value = document.get("server_time")
        moment = parse_time(value) if isinstance(value, str) else None
        return moment or _server_date(response.headers)
