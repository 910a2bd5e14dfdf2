"""The central server's health endpoint, which the kiosk's connectivity probe depends on."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from central.app import HEALTH_PATH, OPENAPI_PATH
from tests.support.central import running_central, sqlite_url

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = sqlite_url(tmp_path_factory.mktemp("central"))
    with running_central(db, demo_data=False) as central:
        yield central.url


def request(url: str, method: str = "GET") -> tuple[int, Message, Any]:
    """Status, headers (case-insensitive: uvicorn sends them lowercase) and JSON body."""
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.headers, json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, json.load(error)


def test_health_reports_ok_with_utc_server_time(base_url: str) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    status, headers, body = request(base_url + HEALTH_PATH)
    after = datetime.now(UTC) + timedelta(milliseconds=1)

    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert body == {"status": "ok", "api_version": "1", "server_time": body["server_time"]}
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
    assert body["error"] == "not_found"


def test_writing_to_health_is_not_allowed(base_url: str) -> None:
    status, headers, body = request(base_url + HEALTH_PATH, method="POST")

    assert status == 405
    assert headers["Allow"] == "GET"
    assert body["error"] == "method_not_allowed"


def test_module_entry_point_serves_and_exits_cleanly_on_sigterm(tmp_path: Path) -> None:
    # No subcommand: `python -m central --port N` (what `make run` uses) means `serve`.
    with subprocess.Popen(
        [sys.executable, "-m", "central", "--host", "127.0.0.1", "--port", "0", "--quiet",
         "--db", sqlite_url(tmp_path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:  # fmt: skip
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
