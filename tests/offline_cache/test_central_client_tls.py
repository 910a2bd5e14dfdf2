"""The sync client over real TLS on loopback: verified always, pinned CA on request."""

from __future__ import annotations

import http.server
import json
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_cache.central_client import CentralClient, ErrorKind, RetryableError
from tests.support.tls import TEST_CERT, TEST_KEY


class _Collections(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = json.dumps(
            {"name": "events", "version": 1, "items": [], "server_time": "2026-11-23T12:00:00Z"}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("ETag", '"1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def https_central(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    (tmp_path / "cert.pem").write_text(TEST_CERT)
    (tmp_path / "key.pem").write_text(TEST_KEY)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Collections)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", tmp_path / "cert.pem"
    finally:
        server.shutdown()
        server.server_close()


def test_an_unknown_certificate_is_refused_as_a_tls_problem(https_central) -> None:
    url, _ = https_central
    with CentralClient(url, "token") as client, pytest.raises(RetryableError) as caught:
        client.get_collection("events")
    assert caught.value.kind is ErrorKind.TLS


def test_a_pinned_ca_bundle_is_trusted(https_central) -> None:
    url, ca = https_central
    with CentralClient(url, "token", verify=ca) as client:
        collection = client.get_collection("events")
    assert collection.name == "events"


def test_verification_cannot_be_switched_off() -> None:
    with pytest.raises(ValueError, match="cannot be switched off"):
        CentralClient("https://central.example", "token", verify=False)
