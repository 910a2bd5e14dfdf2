"""The v1 contract, rule by rule, against a real server (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.support.central import CentralServer, Terminal


def event(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "kind": "locker.reserved",
        "schema_version": 1,
        "aggregate": "locker-7",
        "seq": 1,
        "created_at": "2026-11-23T10:00:00Z",
        "payload": {"compartment": 7, "note": "æøå"},
    }
    body.update(overrides)
    return body


def post_batch(
    central: CentralServer, terminal: Terminal, *events: dict[str, Any]
) -> httpx.Response:
    return httpx.post(
        f"{central.api}/events:batch", json={"events": list(events)}, headers=terminal.headers
    )


def stored_ids(central: CentralServer, terminal: Terminal) -> list[str]:
    body = central.admin_get("/admin/events", terminal_id=terminal.terminal_id)
    return [stored["id"] for stored in body["events"]]


def parse_time(text: str) -> datetime:
    assert text.endswith("Z")
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() == timedelta(0)
    return moment


@pytest.fixture
def terminal(central: CentralServer) -> Terminal:
    return central.create_terminal("heggedal", "kiosk in the lobby")


# --- health --------------------------------------------------------------------------------


def test_health_is_open_and_exactly_as_the_probe_expects(central: CentralServer) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    response = httpx.get(f"{central.api}/health")
    after = datetime.now(UTC) + timedelta(milliseconds=1)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"status", "server_time", "api_version"}
    assert (body["status"], body["api_version"]) == ("ok", "1")
    assert before <= parse_time(body["server_time"]) <= after


# --- auth ----------------------------------------------------------------------------------

TERMINAL_ENDPOINTS = [
    ("GET", "/terminal/config", None),
    ("GET", "/collections/events", None),
    ("POST", "/events:batch", {"events": [event()]}),
    ("POST", "/heartbeat", {"version": "1", "outbox_depth": 0, "last_sync": None, "devices": {}}),
]
ADMIN_ENDPOINTS = [
    ("GET", "/admin/terminals", None),
    ("GET", "/admin/events", None),
    ("POST", "/admin/terminals", {"site_id": "heggedal", "name": "x"}),
]


@pytest.mark.parametrize(("method", "path", "body"), TERMINAL_ENDPOINTS + ADMIN_ENDPOINTS)
@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic abc", "Bearer"])
def test_no_or_unknown_token_is_401(
    central: CentralServer, method: str, path: str, body: Any, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = httpx.request(method, central.api + path, json=body, headers=headers)

    assert response.status_code == 401
    assert response.json()["error"] == "unauthenticated"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path", "body"), TERMINAL_ENDPOINTS)
def test_admin_token_on_a_terminal_endpoint_is_403(
    central: CentralServer, method: str, path: str, body: Any
) -> None:
    response = httpx.request(method, central.api + path, json=body, headers=central.admin_headers)

    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


@pytest.mark.parametrize(("method", "path", "body"), ADMIN_ENDPOINTS)
def test_terminal_token_on_an_admin_endpoint_is_403(
    central: CentralServer, terminal: Terminal, method: str, path: str, body: Any
) -> None:
    response = httpx.request(method, central.api + path, json=body, headers=terminal.headers)

    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_a_terminal_token_works_only_for_its_terminal_and_is_not_stored(
    central: CentralServer,
) -> None:
    first = central.create_terminal("heggedal", "one")
    second = central.create_terminal("tofte", "two")

    assert first.token != second.token
    assert len(first.token) >= 43  # 32 random bytes, base64
    config = httpx.get(f"{central.api}/terminal/config", headers=second.headers).json()
    assert (config["terminal_id"], config["site_id"]) == (second.terminal_id, "tofte")
    listing = httpx.get(f"{central.api}/admin/terminals", headers=central.admin_headers).text
    assert first.token not in listing
    assert second.token not in listing


def test_creating_a_terminal_for_an_unknown_site_is_422(central: CentralServer) -> None:
    response = httpx.post(
        f"{central.api}/admin/terminals",
        json={"site_id": "atlantis", "name": "x"},
        headers=central.admin_headers,
    )
    assert response.status_code == 422
    assert response.json()["error"] == "unknown_site"


# --- config, sites, collections ------------------------------------------------------------


def test_terminal_config_has_site_and_schedule_with_etag_and_304(
    central: CentralServer, terminal: Terminal
) -> None:
    response = httpx.get(f"{central.api}/terminal/config", headers=terminal.headers)

    assert response.status_code == 200
    body = response.json()
    assert body["terminal_id"] == terminal.terminal_id
    assert body["site_id"] == "heggedal"
    assert body["site"]["name"] == "Heggedal innbyggertorg"
    assert body["schedule"]["staffed"]["thursday"] == ["10:00-18:00"]
    assert body["schedule"] == body["site"]["schedule"]
    etag = response.headers["etag"]

    again = httpx.get(
        f"{central.api}/terminal/config", headers={**terminal.headers, "If-None-Match": etag}
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag


def test_sites_are_readable_by_terminals_and_admin(
    central: CentralServer, terminal: Terminal
) -> None:
    for headers in (terminal.headers, central.admin_headers):
        response = httpx.get(f"{central.api}/sites/slemmestad", headers=headers)
        assert response.status_code == 200
        assert response.json()["name"] == "Slemmestad innbyggertorg"
    missing = httpx.get(f"{central.api}/sites/atlantis", headers=terminal.headers)
    assert (missing.status_code, missing.json()["error"]) == (404, "not_found")


def test_the_demo_municipality_has_the_eight_torg(central: CentralServer) -> None:
    names = {
        httpx.get(f"{central.api}/sites/{site}", headers=central.admin_headers).json()["name"]
        for site in (
            "tofte", "saetre", "spikkestad", "holmen", "slemmestad", "heggedal", "borgen",
            "asker-sentrum",
        )
    }  # fmt: skip
    assert len(names) == 8
    assert "Sætre innbyggertorg" in names


def test_collection_etag_304_and_change(central: CentralServer, terminal: Terminal) -> None:
    url = f"{central.api}/collections/notices"
    first = httpx.get(url, headers=terminal.headers)
    assert first.status_code == 200
    body = first.json()
    assert body["name"] == "notices"
    assert {item["site_id"] for item in body["items"]} <= {None, "heggedal"}
    etag = first.headers["etag"]
    assert etag.startswith('"')  # strong, not W/

    for header in (etag, f'"stale", {etag}', f"W/{etag}", "*"):
        cached = httpx.get(url, headers={**terminal.headers, "If-None-Match": header})
        assert (cached.status_code, cached.content) == (304, b"")
    stale = httpx.get(url, headers={**terminal.headers, "If-None-Match": '"stale"'})
    assert stale.status_code == 200

    changed = [*body["items"], {"id": "new", "site_id": None, "title": "Ny", "body": "…"}]
    put = httpx.put(url.replace("/collections/", "/admin/collections/"),
                    json={"items": changed}, headers=central.admin_headers)  # fmt: skip
    assert put.status_code == 200
    after = httpx.get(url, headers={**terminal.headers, "If-None-Match": etag})
    assert after.status_code == 200
    assert after.headers["etag"] != etag
    assert after.json()["version"] == body["version"] + 1
    assert after.json()["items"][-1]["title"] == "Ny"


def test_events_collection_is_for_the_terminals_site(
    central: CentralServer, terminal: Terminal
) -> None:
    items = httpx.get(f"{central.api}/collections/events", headers=terminal.headers).json()["items"]
    assert len(items) >= 3
    assert {item["site_id"] for item in items} == {"heggedal"}
    assert all({"title", "starts_at", "place"} <= set(item) for item in items)
    other = central.create_terminal("tofte", "tofte kiosk")
    response = httpx.get(f"{central.api}/collections/events", headers=other.headers)
    assert {item["site_id"] for item in response.json()["items"]} == {"tofte"}


def test_unknown_collection_is_404(central: CentralServer, terminal: Terminal) -> None:
    response = httpx.get(f"{central.api}/collections/recipes", headers=terminal.headers)
    assert (response.status_code, response.json()["error"]) == (404, "not_found")


# --- event ingest --------------------------------------------------------------------------


def test_batch_is_stored_with_server_received_at(
    central: CentralServer, terminal: Terminal
) -> None:
    events = [event(seq=n, aggregate=f"a{n % 2}") for n in range(1, 6)]
    before = datetime.now(UTC).replace(microsecond=0)
    response = post_batch(central, terminal, *events)
    after = datetime.now(UTC) + timedelta(milliseconds=1)

    assert response.status_code == 200
    body = response.json()
    assert [r["id"] for r in body["results"]] == [e["id"] for e in events]
    assert {r["status"] for r in body["results"]} == {"stored"}
    for result in body["results"]:
        assert before <= parse_time(result["received_at"]) <= after
    assert before <= parse_time(body["server_time"]) <= after
    stored = central.admin_get("/admin/events", terminal_id=terminal.terminal_id)["events"]
    assert [(s["id"], s["seq"], s["payload"]) for s in stored] == [
        (e["id"], e["seq"], e["payload"]) for e in events
    ]


def test_resending_a_batch_reports_duplicates_with_the_original_receipt(
    central: CentralServer, terminal: Terminal
) -> None:
    events = [event(seq=1), event(seq=2)]
    first = post_batch(central, terminal, *events).json()["results"]
    # The same ids again, plus one new: the batch still succeeds.
    newcomer = event(seq=3)
    second = post_batch(central, terminal, *events, newcomer).json()["results"]

    assert [r["status"] for r in second] == ["duplicate", "duplicate", "stored"]
    assert [r["received_at"] for r in second[:2]] == [r["received_at"] for r in first]
    assert stored_ids(central, terminal) == [e["id"] for e in (*events, newcomer)]


def test_the_same_id_twice_in_one_batch_is_stored_once(
    central: CentralServer, terminal: Terminal
) -> None:
    one = event()
    results = post_batch(central, terminal, one, dict(one)).json()["results"]

    assert [r["status"] for r in results] == ["stored", "duplicate"]
    assert stored_ids(central, terminal) == [one["id"]]


@pytest.mark.parametrize("change", [{"payload": {"compartment": 8}}, {"kind": "locker.cancelled"}])
def test_a_reused_id_with_other_content_is_422_and_nothing_is_stored(
    central: CentralServer, terminal: Terminal, change: dict[str, Any]
) -> None:
    original = event()
    assert post_batch(central, terminal, original).status_code == 200
    innocent = event(seq=2)

    response = post_batch(central, terminal, innocent, {**original, **change})

    assert response.status_code == 422
    assert response.json()["error"] == "idempotency_conflict"
    assert response.json()["ids"] == [original["id"]]
    assert stored_ids(central, terminal) == [original["id"]]  # the innocent one is not stored
    stored = central.admin_get("/admin/events", terminal_id=terminal.terminal_id)["events"]
    assert stored[0]["payload"] == original["payload"]


def test_a_conflict_inside_one_batch_stores_nothing(
    central: CentralServer, terminal: Terminal
) -> None:
    one = event()
    response = post_batch(central, terminal, event(), one, {**one, "payload": {"other": 1}})

    assert response.status_code == 422
    assert response.json()["ids"] == [one["id"]]
    assert stored_ids(central, terminal) == []


def test_another_terminals_id_is_a_conflict_not_a_duplicate(
    central: CentralServer, terminal: Terminal
) -> None:
    shared = event()
    assert post_batch(central, terminal, shared).status_code == 200
    other = central.create_terminal("heggedal", "second kiosk")

    response = post_batch(central, other, shared)

    assert response.status_code == 422
    assert stored_ids(central, other) == []


@pytest.mark.parametrize(
    "events",
    [
        [],
        [event() for _ in range(501)],
        [event(id="not-a-uuid")],
        [event(created_at="2026-11-23T10:00:00")],  # no zone: ambiguous
        [event(schema_version=0)],
        [{k: v for k, v in event().items() if k != "payload"}],
        [event(), event(seq=-1)],
    ],
    ids=["empty", "too-many", "bad-id", "naive-time", "bad-version", "no-payload", "bad-seq"],
)
def test_an_invalid_batch_is_422_and_nothing_is_stored(
    central: CentralServer, terminal: Terminal, events: list[dict[str, Any]]
) -> None:
    response = httpx.post(
        f"{central.api}/events:batch", json={"events": events}, headers=terminal.headers
    )
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request"
    assert response.json()["detail"]
    assert stored_ids(central, terminal) == []


def test_a_non_json_body_is_422(central: CentralServer, terminal: Terminal) -> None:
    response = httpx.post(
        f"{central.api}/events:batch",
        content=b"{not json",
        headers={**terminal.headers, "Content-Type": "application/json"},
    )
    assert (response.status_code, response.json()["error"]) == (422, "invalid_request")


def test_five_hundred_events_fit_in_one_batch(central: CentralServer, terminal: Terminal) -> None:
    events = [event(seq=n) for n in range(500)]
    response = post_batch(central, terminal, *events)
    assert response.status_code == 200
    assert len(stored_ids(central, terminal)) == 500


@pytest.mark.parametrize("skew", [timedelta(days=-20000), timedelta(days=-3), timedelta(days=3650)])
def test_the_kiosk_clock_is_informational_only(
    central: CentralServer, terminal: Terminal, skew: timedelta
) -> None:
    kiosk_time = datetime.now(UTC) + skew
    created = kiosk_time.isoformat().replace("+00:00", "Z")
    before = datetime.now(UTC).replace(microsecond=0)
    results = post_batch(central, terminal, event(created_at=created)).json()["results"]
    after = datetime.now(UTC) + timedelta(milliseconds=1)

    assert results[0]["status"] == "stored"
    assert before <= parse_time(results[0]["received_at"]) <= after
    stored = central.admin_get("/admin/events", terminal_id=terminal.terminal_id)["events"]
    assert abs(parse_time(stored[0]["created_at"]) - kiosk_time) < timedelta(milliseconds=1)
    assert before <= parse_time(stored[0]["received_at"]) <= after


def test_concurrent_senders_of_the_same_batch_store_each_event_once(
    central: CentralServer, terminal: Terminal
) -> None:
    """Clients racing with the same ids (a retry overlapping the original) never double."""
    senders, rounds = 6, 8
    all_ids: list[str] = []
    for round_ in range(rounds):
        batch = [event(seq=round_ * 10 + n) for n in range(3)]
        all_ids += [e["id"] for e in batch]
        start = threading.Barrier(senders)
        answers: list[httpx.Response] = []
        lock = threading.Lock()

        def send(
            batch: list[dict[str, Any]] = batch,
            start: threading.Barrier = start,
            answers: list[httpx.Response] = answers,
            lock: threading.Lock = lock,
        ) -> None:
            with httpx.Client(timeout=60) as client:
                start.wait()
                response = client.post(
                    f"{central.api}/events:batch", json={"events": batch}, headers=terminal.headers
                )
            with lock:
                answers.append(response)

        threads = [threading.Thread(target=send) for _ in range(senders)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert [a.status_code for a in answers] == [200] * senders
        for index, item in enumerate(batch):
            statuses = sorted(a.json()["results"][index]["status"] for a in answers)
            assert statuses == ["duplicate"] * (senders - 1) + ["stored"], item["id"]
            receipts = {a.json()["results"][index]["received_at"] for a in answers}
            assert len(receipts) == 1  # everyone is told the one stored receipt
    assert sorted(stored_ids(central, terminal)) == sorted(all_ids)


# --- heartbeat -----------------------------------------------------------------------------


def test_heartbeat_is_stored_and_shown_to_staff(central: CentralServer, terminal: Terminal) -> None:
    beat = {
        "version": "0.1.0",
        "outbox_depth": 42,
        "last_sync": "2026-11-23T09:59:00Z",
        "devices": {"card_reader": "ok", "door": "fault"},
    }
    before = datetime.now(UTC).replace(microsecond=0)
    response = httpx.post(f"{central.api}/heartbeat", json=beat, headers=terminal.headers)
    after = datetime.now(UTC) + timedelta(milliseconds=1)

    assert response.status_code == 200
    assert before <= parse_time(response.json()["server_time"]) <= after
    listing = central.admin_get("/admin/terminals")["terminals"]
    mine = next(t for t in listing if t["terminal_id"] == terminal.terminal_id)
    last = mine["last_heartbeat"]
    assert (last["version"], last["outbox_depth"], last["devices"]) == (
        "0.1.0", 42, {"card_reader": "ok", "door": "fault"},
    )  # fmt: skip
    assert last["last_sync"] == "2026-11-23T09:59:00.000Z"
    assert before <= parse_time(last["received_at"]) <= after


def test_a_terminal_without_heartbeats_lists_none(central: CentralServer) -> None:
    fresh = central.create_terminal("borgen", "silent")
    listing = central.admin_get("/admin/terminals")["terminals"]
    mine = next(t for t in listing if t["terminal_id"] == fresh.terminal_id)
    assert mine["last_heartbeat"] is None
    assert mine["site_id"] == "borgen"


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/api/v1/healthz", "/api/v2/health", "/etc/passwd"])
def test_unknown_paths_get_json_404(central: CentralServer, path: str) -> None:
    response = httpx.get(central.url + path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"] == "not_found"


def test_a_wrong_method_is_json_405_with_allow(central: CentralServer) -> None:
    response = httpx.post(f"{central.api}/health")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert response.json()["error"] == "method_not_allowed"
