"""A loopback HTTP server with scripted faults, in front of a fake central or a real one.

``FaultServer(backend)`` answers each request from its script when a fault is queued for the
path, else from ``backend``: :class:`FakeCentral` (an in-memory central that keeps the API
contract: bearer tokens, idempotent batches, ETags) or :class:`Upstream` (a proxy to a real
central, so faults such as "the reply is lost after central committed" hit the real thing).

Faults: a canned status (503 + Retry-After, 429, 401, 422 …), raw bytes, garbage, a truncated
or huge body, dropping the connection before the backend sees the request, or after the backend
answered (the lost response), and a callback run when the request arrives (kill a process).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @classmethod
    def json(cls, status: int, document: Any, headers: Mapping[str, str] | None = None) -> Reply:
        return cls(
            status,
            {"Content-Type": "application/json", **(headers or {})},
            json.dumps(document).encode(),
        )


Backend = Callable[[str, str, Mapping[str, str], bytes], Reply]


@dataclass
class Fault:
    """One scripted answer. Build with the class methods."""

    action: str
    reply: Reply | None = None
    raw: bytes = b""
    size: int = 0
    callback: Callable[[], None] | None = None

    @classmethod
    def respond(
        cls, status: int, body: Any = None, headers: Mapping[str, str] | None = None
    ) -> Fault:
        if body is None:
            body = {"error": "scripted", "detail": f"scripted {status}"}
        return cls("reply", reply=Reply.json(status, body, headers))

    @classmethod
    def reply_raw(cls, reply: Reply) -> Fault:
        return cls("reply", reply=reply)

    @classmethod
    def garbage(cls) -> Fault:
        return cls(
            "reply",
            reply=Reply(200, {"Content-Type": "application/json"}, b"\x00<html>not json"),
        )

    @classmethod
    def raw_bytes(cls, data: bytes) -> Fault:
        """Write these bytes as the whole answer, then close."""
        return cls("raw", raw=data)

    @classmethod
    def truncated(cls) -> Fault:
        """Let the backend answer, then send only half of its body and close."""
        return cls("truncate")

    @classmethod
    def huge(cls, size: int, *, declare_length: bool = True) -> Fault:
        """A 200 of ``size`` bytes (with or without Content-Length)."""
        return cls("huge", size=size, raw=b"1" if declare_length else b"")

    @classmethod
    def drop_request(cls) -> Fault:
        """Read the request and close without an answer; the backend never sees it."""
        return cls("drop_request")

    @classmethod
    def drop_response(cls) -> Fault:
        """The backend handles the request (commits), then the answer is lost."""
        return cls("drop_response")

    @classmethod
    def call(cls, callback: Callable[[], None], then: Fault | None = None) -> Fault:
        """Run ``callback`` when the request arrives, then act as ``then`` (default: pass)."""
        inner = then or cls("pass")
        return cls(inner.action, inner.reply, inner.raw, inner.size, callback)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client killed mid-exchange (kill -9 tests) breaks the pipe: expected, not news.
        pass


class FaultServer:
    """A threaded HTTP/1.0 server on 127.0.0.1 with a fault script per path prefix."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.requests: list[tuple[str, str]] = []
        self._script: deque[tuple[str, Fault]] = deque()
        self._lock = threading.Lock()
        self.request_seen = threading.Condition(self._lock)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fault = server._take(self.command, self.path)
                if fault is not None and fault.callback is not None:
                    fault.callback()
                action = fault.action if fault else "pass"
                if action == "drop_request":
                    self.close_connection = True
                    return
                if action == "raw":
                    self.wfile.write(fault.raw if fault else b"")
                    self.close_connection = True
                    return
                if action == "huge":
                    assert fault is not None
                    self._send_huge(fault.size, declare=bool(fault.raw))
                    return
                if action == "reply":
                    assert fault is not None
                    assert fault.reply is not None
                    reply = fault.reply
                else:
                    reply = server.backend(self.command, self.path, dict(self.headers), body)
                if action == "drop_response":
                    self.close_connection = True
                    return
                # Scripted Date headers stand for central's clock: no second one from us.
                self.send_response_only(reply.status)
                if not any(name.lower() == "date" for name in reply.headers):
                    self.send_header("Date", self.date_time_string())
                for name, value in reply.headers.items():
                    if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if action == "truncate":
                    self.wfile.write(reply.body[: len(reply.body) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                if reply.body:
                    self.wfile.write(reply.body)

            def _send_huge(self, size: int, *, declare: bool) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if declare:
                    self.send_header("Content-Length", str(size))
                self.end_headers()
                chunk = b" " * 65536
                sent = 0
                try:
                    while sent < size:
                        self.wfile.write(chunk[: size - sent])
                        sent += len(chunk)
                except OSError:  # the client gave up reading: that is the point
                    pass
                self.close_connection = True

            do_GET = _handle  # noqa: N815
            do_POST = _handle  # noqa: N815
            do_PUT = _handle  # noqa: N815
            do_DELETE = _handle  # noqa: N815

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def _take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            self.requests.append((method, path))
            self.request_seen.notify_all()
            for index, (prefix, fault) in enumerate(self._script):
                if path.startswith(prefix):
                    del self._script[index]
                    return fault
        return None

    def script(self, path_prefix: str, *faults: Fault) -> None:
        """Queue faults for requests whose path starts with ``path_prefix``, in order."""
        with self._lock:
            self._script.extend((path_prefix, fault) for fault in faults)

    def clear_script(self) -> None:
        with self._lock:
            self._script.clear()

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def wait_until(predicate: Callable[[], bool], *, timeout: float) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds pass; True if it held."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not predicate():
        if time.monotonic() >= deadline:
            return False
        pause.wait(0.005)
    return True


@contextmanager
def running(backend: Backend) -> Iterator[FaultServer]:
    server = FaultServer(backend).start()
    try:
        yield server
    finally:
        server.stop()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class FakeCentral:
    """An in-memory central that keeps the v1 contract closely enough for the kiosk's tests."""

    PREFIX = "/api/v1"

    def __init__(self, token: str = "terminal-token") -> None:
        self.tokens = {token}
        self.events: dict[str, dict[str, Any]] = {}
        self.store_counts: dict[str, int] = {}
        self.batches = 0
        self.heartbeats: list[dict[str, Any]] = []
        self.collections: dict[str, list[Any]] = {"events": [], "notices": []}
        self._lock = threading.Lock()

    def __call__(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        if path == f"{self.PREFIX}/health":
            return Reply.json(200, {"status": "ok", "server_time": _now(), "api_version": "1"})
        auth = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
            return Reply.json(401, {"error": "unauthenticated", "detail": "bad token"})
        if method == "POST" and path == f"{self.PREFIX}/events:batch":
            return self._batch(body)
        if method == "POST" and path == f"{self.PREFIX}/heartbeat":
            self.heartbeats.append(json.loads(body))
            return Reply.json(200, {"server_time": _now()})
        if method == "GET" and path.startswith(f"{self.PREFIX}/collections/"):
            return self._collection(path.rsplit("/", 1)[1], headers)
        return Reply.json(404, {"error": "not_found", "detail": path})

    def _batch(self, body: bytes) -> Reply:
        events = json.loads(body)["events"]
        with self._lock:
            conflicts = [
                e["id"]
                for e in events
                if e["id"] in self.events
                and (self.events[e["id"]]["kind"], self.events[e["id"]]["payload"])
                != (e["kind"], e["payload"])
            ]
            if conflicts:
                return Reply.json(422, {"error": "idempotency_conflict", "ids": conflicts})
            results = []
            for event in events:
                if event["id"] in self.events:
                    results.append(
                        {"id": event["id"], "status": "duplicate", "received_at": _now()}
                    )
                    continue
                self.events[event["id"]] = {**event, "received_at": _now()}
                self.store_counts[event["id"]] = self.store_counts.get(event["id"], 0) + 1
                results.append({"id": event["id"], "status": "stored", "received_at": _now()})
            self.batches += 1
        return Reply.json(200, {"results": results, "server_time": _now()})

    def _collection(self, name: str, headers: Mapping[str, str]) -> Reply:
        if name not in self.collections:
            return Reply.json(404, {"error": "not_found", "detail": name})
        document = {"name": name, "version": 1, "items": self.collections[name]}
        etag = (
            '"'
            + hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()[:32]
            + '"'
        )
        if {k.lower(): v for k, v in headers.items()}.get("if-none-match") == etag:
            return Reply(304, {"ETag": etag})
        return Reply.json(200, {**document, "server_time": _now()}, {"ETag": etag})


class Upstream:
    """Forward requests to a real server (the loopback proxy in front of the real central)."""

    def __init__(self, base_url: str | None = None) -> None:
        self.base_url = base_url

    def __call__(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        if self.base_url is None:  # central not started yet: what a reverse proxy says
            return Reply.json(502, {"error": "bad_gateway", "detail": "upstream down"})
        parts = urlsplit(self.base_url)
        assert parts.hostname
        assert parts.port
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            forwarded = {
                k: v for k, v in headers.items() if k.lower() not in ("host", "connection")
            }
            connection.request(method, path, body=body or None, headers=forwarded)
            response = connection.getresponse()
            data = response.read()
            return Reply(response.status, dict(response.getheaders()), data)
        except OSError:
            return Reply.json(502, {"error": "bad_gateway", "detail": "upstream unreachable"})
        finally:
            connection.close()
