"""The central client against a scripted loopback server: every failure becomes a typed error."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

from offline_cache.central_client import (
    BadResponseError,
    CentralClient,
    Collection,
    ConflictError,
    ErrorKind,
    NotModified,
    PermanentError,
    RetryableError,
    UnauthorizedError,
    parse_retry_after,
)
from tests.support.fault_server import FakeCentral, Fault, FaultServer, Reply, running

TOKEN = "terminal-token"
BATCH = "/api/v1/events:batch"


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral(TOKEN)


@pytest.fixture
def server(central: FakeCentral) -> Iterator[FaultServer]:
    with running(central) as started:
        yield started


@pytest.fixture
def client(server: FaultServer) -> Iterator[CentralClient]:
    with CentralClient(server.url, TOKEN, connect_timeout=5, read_timeout=10) as opened:
        yield opened


def event(n: int, aggregate: str = "a") -> dict[str, Any]:
    return {
        "id": f"0190a000-0000-7000-8000-{n:012d}",
        "kind": "thing.happened",
        "schema_version": 1,
        "aggregate": aggregate,
        "seq": n,
        "created_at": "2026-05-01T10:00:00.000Z",
        "payload": {"n": n},
    }


def test_a_batch_is_stored_once_and_a_resend_reports_duplicates(
    client: CentralClient, central: FakeCentral
) -> None:
    first = client.post_events([event(1), event(2)])
    assert [r.status for r in first.results] == ["stored", "stored"]
    assert first.server_time is not None
    again = client.post_events([event(2), event(3)])
    assert [(r.id, r.status) for r in again.results] == [
        (event(2)["id"], "duplicate"),
        (event(3)["id"], "stored"),
    ]
    assert central.store_counts == {event(n)["id"]: 1 for n in (1, 2, 3)}


def test_same_id_other_payload_is_a_conflict_naming_the_ids(client: CentralClient) -> None:
    client.post_events([event(1)])
    changed = {**event(1), "payload": {"n": 99}}
    with pytest.raises(ConflictError) as caught:
        client.post_events([changed, event(2)])
    assert caught.value.ids == (event(1)["id"],)


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408, 429])
def test_server_trouble_is_retryable_with_retry_after_seconds(
    client: CentralClient, server: FaultServer, status: int
) -> None:
    server.script(BATCH, Fault.respond(status, headers={"Retry-After": "7"}))
    with pytest.raises(RetryableError) as caught:
        client.post_events([event(1)])
    assert (caught.value.kind, caught.value.status, caught.value.retry_after) == (
        ErrorKind.SERVER,
        status,
        7.0,
    )


def test_retry_after_as_http_date_is_measured_on_centrals_clock(
    client: CentralClient, server: FaultServer
) -> None:
    # Central's clock is far from the kiosk's: only the difference between its Date and its
    # Retry-After counts.
    central_now = datetime(2031, 3, 1, 12, 0, 0, tzinfo=UTC)
    headers = {
        "Date": format_datetime(central_now, usegmt=True),
        "Retry-After": format_datetime(central_now + timedelta(seconds=120), usegmt=True),
    }
    server.script(BATCH, Fault.respond(503, headers=headers))
    with pytest.raises(RetryableError) as caught:
        client.post_events([event(1)])
    assert caught.value.retry_after == 120.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", 0.0), ("30", 30.0), ("999999", 3600.0), ("soon", None), (None, None), ("-5", None)],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_a_past_http_date_means_now() -> None:
    now = datetime(2026, 5, 1, tzinfo=UTC)
    past = format_datetime(now - timedelta(hours=1), usegmt=True)
    assert parse_retry_after(past, now=now) == 0.0


def test_401_is_unauthorized(server: FaultServer) -> None:
    with CentralClient(server.url, "wrong-token") as client, pytest.raises(UnauthorizedError):
        client.post_events([event(1)])


def test_other_4xx_is_permanent_with_the_error_code(
    client: CentralClient, server: FaultServer
) -> None:
    server.script(BATCH, Fault.respond(400, {"error": "bad_event", "detail": "kind unknown"}))
    with pytest.raises(PermanentError) as caught:
        client.post_events([event(1)])
    assert (caught.value.status, caught.value.code) == (400, "bad_event")


def test_422_without_the_conflict_shape_is_permanent(
    client: CentralClient, server: FaultServer
) -> None:
    server.script(BATCH, Fault.respond(422, {"error": "validation", "detail": "x"}))
    with pytest.raises(PermanentError):
        client.post_events([event(1)])


def test_422_conflict_naming_ids_we_did_not_send_is_a_bad_response(
    client: CentralClient, server: FaultServer
) -> None:
    server.script(BATCH, Fault.respond(422, {"error": "idempotency_conflict", "ids": ["other"]}))
    with pytest.raises(BadResponseError):
        client.post_events([event(1)])


@pytest.mark.parametrize(
    "fault",
    [
        Fault.garbage(),
        Fault.respond(200, {"unexpected": True}),
        Fault.respond(200, {"results": [{"id": "someone-else", "status": "stored"}]}),
        Fault.respond(200, {"results": "nope"}),
        Fault.reply_raw(
            Reply(200, {"Content-Type": "text/html"}, b"<html>Welcome to Wi-Fi</html>")
        ),
        Fault.respond(302, headers={"Location": "http://portal.example/"}),
        Fault.truncated(),
        Fault.huge(6 * 1024 * 1024),
        Fault.huge(6 * 1024 * 1024, declare_length=False),
        Fault.raw_bytes(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"results":'),
    ],
    ids=[
        "garbage",
        "wrong-shape",
        "wrong-ids",
        "results-not-a-list",
        "captive-portal-html",
        "redirect",
        "truncated",
        "huge-declared",
        "huge-undeclared",
        "cut-mid-body",
    ],
)
def test_answers_that_are_not_the_api_are_bad_responses(
    client: CentralClient, server: FaultServer, fault: Fault
) -> None:
    server.script(BATCH, fault)
    with pytest.raises(BadResponseError):
        client.post_events([event(1)])


def test_a_connection_cut_after_the_request_is_a_retryable_network_error(
    client: CentralClient, server: FaultServer, central: FakeCentral
) -> None:
    server.script(BATCH, Fault.drop_request())
    with pytest.raises(RetryableError) as caught:
        client.post_events([event(1)])
    assert caught.value.kind is ErrorKind.NETWORK
    assert central.events == {}


def test_a_lost_response_is_retryable_and_the_resend_is_a_duplicate(
    client: CentralClient, server: FaultServer, central: FakeCentral
) -> None:
    server.script(BATCH, Fault.drop_response())
    with pytest.raises(RetryableError):
        client.post_events([event(1)])
    assert [r.status for r in client.post_events([event(1)]).results] == ["duplicate"]
    assert central.store_counts == {event(1)["id"]: 1}


def test_nobody_listening_is_a_retryable_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: refused
        with (
            CentralClient(f"http://127.0.0.1:{port}", TOKEN) as client,
            pytest.raises(RetryableError) as caught,
        ):
            client.post_events([event(1)])
    assert caught.value.kind is ErrorKind.NETWORK


def test_a_silent_server_is_a_timeout(server: FaultServer) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()  # accepts into the backlog, never answers
        port = sock.getsockname()[1]
        with (
            CentralClient(f"http://127.0.0.1:{port}", TOKEN, read_timeout=0.2) as client,
            pytest.raises(RetryableError) as caught,
        ):
            client.post_events([event(1)])
    assert caught.value.kind is ErrorKind.TIMEOUT


def test_collections_are_conditional(client: CentralClient, central: FakeCentral) -> None:
    central.collections["events"] = [{"title": "Strikkekafé"}]
    first = client.get_collection("events")
    assert isinstance(first, Collection)
    assert first.body["items"] == [{"title": "Strikkekafé"}]
    assert first.etag
    assert isinstance(client.get_collection("events", first.etag), NotModified)
    central.collections["events"].append({"title": "Leksehjelp"})
    changed = client.get_collection("events", first.etag)
    assert isinstance(changed, Collection)
    assert changed.etag != first.etag


def test_an_unknown_collection_is_permanent(client: CentralClient) -> None:
    with pytest.raises(PermanentError) as caught:
        client.get_collection("nonexistent")
    assert caught.value.status == 404


def test_a_collection_of_the_wrong_shape_is_a_bad_response(
    client: CentralClient, server: FaultServer
) -> None:
    server.script(
        "/api/v1/collections/events", Fault.respond(200, {"name": "notices", "items": []})
    )
    with pytest.raises(BadResponseError):
        client.get_collection("events")


def test_heartbeat_sends_depth_and_returns_server_time(
    client: CentralClient, central: FakeCentral
) -> None:
    server_time = client.heartbeat(
        version="0.1.0", outbox_depth=3, last_sync=None, devices={"printer": "ok"}
    )
    assert server_time is not None
    assert central.heartbeats == [
        {"version": "0.1.0", "outbox_depth": 3, "last_sync": None, "devices": {"printer": "ok"}}
    ]


def test_tls_verification_cannot_be_switched_off() -> None:
    with pytest.raises(ValueError, match="cannot be switched off"):
        CentralClient("https://central.example", TOKEN, verify=False)


def test_a_missing_ca_bundle_fails_at_construction(tmp_path: Any) -> None:
    with pytest.raises(OSError):  # noqa: PT011 - FileNotFoundError from ssl
        CentralClient("https://central.example", TOKEN, verify=str(tmp_path / "none.pem"))


@pytest.mark.parametrize("token", ["", "two words", "line\nbreak"])
def test_bad_tokens_are_refused(token: str) -> None:
    with pytest.raises(ValueError, match="token"):
        CentralClient("https://central.example", token)
