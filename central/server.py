"""The placeholder central API: health and its OpenAPI description, nothing else.

Standard library only. ``ThreadingHTTPServer`` gives a correct HTTP/1.1 parser
for free; the real server (with the sync issue) replaces this module.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

API_VERSION = "1"
HEALTH_PATH = "/api/v1/health"
OPENAPI_PATH = "/api/v1/openapi.json"

OPENAPI_DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Torgkiosk central API",
        "version": API_VERSION,
        "description": "Placeholder: only the health endpoint the kiosks probe.",
    },
    "paths": {
        HEALTH_PATH: {
            "get": {
                "operationId": "getHealth",
                "summary": "Liveness of the central API",
                "description": (
                    "Kiosks call this to decide whether they are online. Anything but a "
                    "200 with this JSON body (a captive portal, a proxy error page) "
                    "counts as offline."
                ),
                "responses": {
                    "200": {
                        "description": "The API is up.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Health"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Health": {
                "type": "object",
                "required": ["status", "server_time", "api_version"],
                "properties": {
                    "status": {"type": "string", "const": "ok"},
                    "server_time": {
                        "type": "string",
                        "format": "date-time",
                        "description": "The server's clock, UTC (lets a kiosk spot clock skew).",
                    },
                    "api_version": {"type": "string", "examples": [API_VERSION]},
                },
            },
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {"error": {"type": "string", "examples": ["not_found"]}},
            },
        }
    },
}


def health_body(now: datetime | None = None) -> dict[str, str]:
    """The health document, with the server's clock in ISO 8601 UTC."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return {
        "status": "ok",
        "server_time": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "api_version": API_VERSION,
    }


class CentralRequestHandler(BaseHTTPRequestHandler):
    """Answers every request with JSON; unknown paths get a JSON 404."""

    protocol_version = "HTTP/1.1"
    server_version = "torgkiosk-central/0"
    quiet: ClassVar[bool] = False

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        if path == HEALTH_PATH:
            self._send_json(HTTPStatus.OK, health_body())
        elif path == OPENAPI_PATH:
            self._send_json(HTTPStatus.OK, OPENAPI_DOCUMENT)
        else:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "not_found"})

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self._not_allowed()

    do_PUT = do_PATCH = do_DELETE = do_POST  # noqa: N815 - http.server's naming

    def _not_allowed(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in (HEALTH_PATH, OPENAPI_PATH):
            self._send_json(
                HTTPStatus.METHOD_NOT_ALLOWED, {"error": "method_not_allowed"}, allow="GET"
            )
        else:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "not_found"})

    def _send_json(self, status: HTTPStatus, body: object, *, allow: str | None = None) -> None:
        payload = json.dumps(body, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")
        if allow is not None:
            self.send_header("Allow", allow)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        if not self.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def build_server(
    host: str = "127.0.0.1", port: int = 8765, *, quiet: bool = False
) -> ThreadingHTTPServer:
    """Bind (but do not start) the server; ``port=0`` picks a free port.

    Read the bound port from ``server.server_address[1]``.
    """
    handler = type("Handler", (CentralRequestHandler,), {"quiet": quiet})
    server = ThreadingHTTPServer((host, port), handler)
    # Request threads must not keep a stopping server alive.
    server.daemon_threads = True
    return server
