"""What a terminal calls: its config, sites, collections, event ingest, heartbeat."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response

from central import store
from central.clock import rfc3339
from central.deps import CallerDep, ClockDep, EngineDep, TerminalDep
from central.errors import ApiError
from central.http import conditional_json
from central.schemas import (
    BatchResult,
    Collection,
    ErrorBody,
    EventBatch,
    EventResult,
    HeartbeatIn,
    IdempotencyConflict,
    ServerTime,
    SiteOut,
    TerminalConfig,
)
from central.store import AnyRow

router = APIRouter()

AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No token, or an unknown/revoked one."},
    403: {"model": ErrorBody, "description": "The wrong kind of token for this endpoint."},
}
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "The `If-None-Match` ETag is current; no body."}
}
IfNoneMatch = Annotated[str | None, Header()]


def site_body(row: AnyRow) -> dict[str, Any]:
    return {
        "site_id": row.id,
        "name": row.name,
        "municipality": row.municipality,
        "schedule": row.schedule,
        "updated_at": rfc3339(row.updated_at),
    }


@router.get(
    "/terminal/config",
    response_model=TerminalConfig,
    responses={**NOT_MODIFIED, **AUTH_ERRORS},
    summary="The calling terminal's configuration",
)
def terminal_config(
    who: TerminalDep, engine: EngineDep, clock: ClockDep, if_none_match: IfNoneMatch = None
) -> Response:
    with engine.connect() as conn:
        site = store.get_site(conn, who.site_id)
    assert site is not None  # terminals.site_id is a foreign key
    body = {
        "terminal_id": who.terminal_id,
        "site_id": who.site_id,
        "site": site_body(site),
        "schedule": site.schedule,
        "server_time": rfc3339(clock()),
    }
    return conditional_json(body, volatile=("server_time",), if_none_match=if_none_match)


@router.get(
    "/sites/{site_id}",
    response_model=SiteOut,
    responses={404: {"model": ErrorBody}, **AUTH_ERRORS},
    summary="A site and its opening hours (terminal or admin token)",
)
def get_site(site_id: str, _who: CallerDep, engine: EngineDep, clock: ClockDep) -> SiteOut:
    with engine.connect() as conn:
        site = store.get_site(conn, site_id)
    if site is None:
        raise ApiError(404, "not_found", f"no site {site_id!r}")
    return SiteOut(**site_body(site), server_time=rfc3339(clock()))


@router.get(
    "/collections/{name}",
    response_model=Collection,
    responses={**NOT_MODIFIED, 404: {"model": ErrorBody}, **AUTH_ERRORS},
    summary="Reference data (events, notices) for the terminal's site",
    description=(
        "Items whose `site_id` is the terminal's site or absent (municipality-wide). "
        "The strong `ETag` is derived from the returned content; send it back in "
        "`If-None-Match` to get a bodiless 304 while nothing changed."
    ),
)
def get_collection(
    name: str,
    who: TerminalDep,
    engine: EngineDep,
    clock: ClockDep,
    if_none_match: IfNoneMatch = None,
) -> Response:
    if name not in store.COLLECTION_NAMES:
        raise ApiError(404, "not_found", f"no collection {name!r}")
    with engine.connect() as conn:
        version, items = store.get_collection(conn, name)
    mine = [item for item in items if item.get("site_id") in (None, who.site_id)]
    body = {"name": name, "version": version, "items": mine, "server_time": rfc3339(clock())}
    return conditional_json(body, volatile=("server_time",), if_none_match=if_none_match)


@router.post(
    "/events:batch",
    response_model=BatchResult,
    responses={
        422: {
            "model": IdempotencyConflict,
            "description": (
                "An id was already stored with a different kind or payload "
                "(`idempotency_conflict`; nothing of the batch is stored), "
                "or the body is invalid (`invalid_request`)."
            ),
        },
        503: {"model": ErrorBody, "description": "Busy; retry after `Retry-After` seconds."},
        **AUTH_ERRORS,
    },
    summary="Ingest a batch of events, atomically and idempotently",
    description=(
        "Each event's `id` is its idempotency key. An id already stored with the same "
        "`kind` and `payload` is reported as `duplicate` with its original `received_at` "
        "and never stored twice; with a different kind or payload (or from another "
        "terminal) it is a conflict. `received_at` is the server's clock; the kiosk's "
        "`created_at` is kept for information only."
    ),
)
def ingest_events(
    batch: EventBatch, who: TerminalDep, engine: EngineDep, clock: ClockDep
) -> BatchResult:
    new_events = [
        store.NewEvent(
            id=str(event.id),
            kind=event.kind,
            schema_version=event.schema_version,
            aggregate=event.aggregate,
            seq=event.seq,
            created_at=event.created_at,
            payload=event.payload,
        )
        for event in batch.events
    ]
    try:
        outcome = store.ingest_batch(engine, who.terminal_id, new_events, clock)
    except store.IngestBusyError as error:
        raise ApiError(503, "busy", str(error), headers={"Retry-After": "1"}) from error
    if outcome.conflicts:
        raise ApiError(
            422,
            "idempotency_conflict",
            "these ids were already stored with a different kind or payload",
            extra={"ids": outcome.conflicts},
        )
    return BatchResult(
        results=[
            EventResult(id=r.id, status=r.status, received_at=rfc3339(r.received_at))
            for r in outcome.results
        ],
        server_time=rfc3339(clock()),
    )


@router.post(
    "/heartbeat",
    response_model=ServerTime,
    responses=AUTH_ERRORS,
    summary="The terminal's health: version, outbox depth, last sync, device states",
)
def heartbeat(
    body: HeartbeatIn, who: TerminalDep, engine: EngineDep, clock: ClockDep
) -> ServerTime:
    now = clock()
    with engine.begin() as conn:
        store.record_heartbeat(
            conn,
            who.terminal_id,
            version=body.version,
            outbox_depth=body.outbox_depth,
            last_sync=body.last_sync,
            devices=body.devices,
            now=now,
        )
    return ServerTime(server_time=rfc3339(now))
