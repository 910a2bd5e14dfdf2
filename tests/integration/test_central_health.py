"""The placeholder central server: health, OpenAPI, JSON errors, clean SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from central.server import HEALTH_PATH, OPENAPI_PATH, build_server

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def base_url() -> Iterator[str]:
    server = build_server("127.0.0.1", 0, quiet=True)
    # A short poll interval only makes shutdown() at teardown return sooner.
    worker = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    worker.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    worker.join()


def request(url: str, method: str = "GET") -> tuple[int, dict[str, str], Any]:
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, dict(response.headers), json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), json.load(error)


def test_health_reports_ok_with_utc_server_time(base_url: str) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    status, headers, body = request(base_url + HEALTH_PATH)
    after = datetime.now(UTC)

    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert body["status"] == "ok"
    assert body["api_version"] == "1"
    assert body["server_time"].endswith("Z")
    server_time = datetime.fromisoformat(body["server_time"])
    assert server_time.utcoffset() == timedelta(0)
    assert before <= server_time <= after


def test_openapi_describes_the_health_endpoint(base_url: str) -> None:
    status, _headers, document = request(base_url + OPENAPI_PATH)

    assert status == 200
    assert document["openapi"].startswith("3.1")
    operation = document["paths"][HEALTH_PATH]["get"]
    schema_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    schema = document["components"]["schemas"][schema_ref.rsplit("/", 1)[1]]
    assert set(schema["required"]) == {"status", "server_time", "api_version"}


@pytest.mark.parametrize("path", ["/", "/api/v1/healthz", "/api/v2/health", "/etc/passwd"])
def test_unknown_paths_get_json_404(base_url: str, path: str) -> None:
    status, headers, body = request(base_url + path)

    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert body == {"error": "not_found"}


def test_writing_to_health_is_not_allowed(base_url: str) -> None:
    status, headers, body = request(base_url + HEALTH_PATH, method="POST")

    assert status == 405
    assert headers["Allow"] == "GET"
    assert body == {"error": "method_not_allowed"}


def test_module_entry_point_serves_and_exits_cleanly_on_sigterm() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "central", "--host", "127.0.0.1", "--port", "0", "--quiet"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            banner = process.stdout.readline()
            assert banner.startswith("central: serving on http://127.0.0.1:")
            url = banner.rsplit(" ", 1)[1].strip()

            status, _headers, body = request(url + HEALTH_PATH)
            assert (status, body["status"]) == (200, "ok")

            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0
        finally:
            if process.poll() is None:
                process.kill()
        assert process.stderr is not None
        assert process.stderr.read() == ""  # --quiet: no access log, no traceback
