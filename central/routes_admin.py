"""Staff and test endpoints under ``/admin`` (admin token only)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from central import store
from central.clock import rfc3339
from central.deps import AdminDep, ClockDep, EngineDep
from central.errors import ApiError
from central.routes_terminal import AUTH_ERRORS, site_body
from central.schemas import (
    CardOut,
    CollectionIn,
    CollectionStored,
    ErrorBody,
    Heartbeat,
    PeopleList,
    PersonOut,
    Site,
    SiteIn,
    StoredEvent,
    StoredEvents,
    TerminalCreated,
    TerminalIn,
    TerminalList,
    TerminalSummary,
)
from central.store import AnyRow

router = APIRouter(prefix="/admin", tags=["admin"])


@router.post(
    "/terminals",
    status_code=201,
    response_model=TerminalCreated,
    responses={
        422: {"model": ErrorBody, "description": "`unknown_site` or invalid body"},
        **AUTH_ERRORS,
    },
    summary="Register a terminal; its token is in this response only",
)
def create_terminal(
    body: TerminalIn, _who: AdminDep, engine: EngineDep, clock: ClockDep
) -> TerminalCreated:
    try:
        with engine.begin() as conn:
            created = store.create_terminal(conn, site_id=body.site_id, name=body.name, now=clock())
    except store.UnknownSiteError as error:
        raise ApiError(422, "unknown_site", f"no site {body.site_id!r}") from error
    return TerminalCreated(terminal_id=created.terminal_id, token=created.token)


def _heartbeat(row: AnyRow | None) -> Heartbeat | None:
    if row is None:
        return None
    return Heartbeat(
        received_at=rfc3339(row.received_at),
        version=row.version,
        outbox_depth=row.outbox_depth,
        last_sync=rfc3339(row.last_sync) if row.last_sync else None,
        devices=row.devices,
    )


@router.get(
    "/terminals",
    response_model=TerminalList,
    responses=AUTH_ERRORS,
    summary="Every terminal with its last heartbeat",
)
def list_terminals(_who: AdminDep, engine: EngineDep) -> TerminalList:
    with engine.connect() as conn:
        rows = store.list_terminals(conn)
    return TerminalList(
        terminals=[
            TerminalSummary(
                terminal_id=row.id,
                site_id=row.site_id,
                name=row.name,
                created_at=rfc3339(row.created_at),
                revoked=row.revoked_at is not None,
                last_heartbeat=_heartbeat(beat),
            )
            for row, beat in rows
        ]
    )


@router.get(
    "/people",
    response_model=PeopleList,
    responses=AUTH_ERRORS,
    summary="Every person with their cards (personal data: staff only)",
)
def list_people(_who: AdminDep, engine: EngineDep) -> PeopleList:
    with engine.connect() as conn:
        rows = store.list_people(conn)
    return PeopleList(
        people=[
            PersonOut(
                person_id=row.id,
                display_name=row.display_name,
                birth_year=row.birth_year,
                blocked=row.blocked,
                cards=[CardOut(uid=card.uid, label=card.label) for card in person_cards],
            )
            for row, person_cards in rows
        ]
    )


@router.get(
    "/events",
    response_model=StoredEvents,
    responses=AUTH_ERRORS,
    summary="Stored events in arrival order, optionally of one terminal",
)
def list_events(_who: AdminDep, engine: EngineDep, terminal_id: str | None = None) -> StoredEvents:
    with engine.connect() as conn:
        rows = store.list_events(conn, terminal_id)
    return StoredEvents(
        events=[
            StoredEvent(
                id=row.id,
                terminal_id=row.terminal_id,
                kind=row.kind,
                schema_version=row.schema_version,
                aggregate=row.aggregate,
                seq=row.seq,
                payload=row.payload,
                created_at=rfc3339(row.created_at),
                received_at=rfc3339(row.received_at),
            )
            for row in rows
        ]
    )


@router.put(
    "/sites/{site_id}",
    response_model=Site,
    responses={201: {"model": Site, "description": "Created"}, **AUTH_ERRORS},
    summary="Create or replace a site and its opening hours",
)
def put_site(
    site_id: str,
    body: SiteIn,
    _who: AdminDep,
    engine: EngineDep,
    clock: ClockDep,
    response: Response,
) -> Site:
    with engine.begin() as conn:
        created = store.put_site(
            conn,
            site_id,
            name=body.name,
            municipality=body.municipality,
            schedule=body.schedule,
            now=clock(),
        )
        row = store.get_site(conn, site_id)
    assert row is not None
    response.status_code = 201 if created else 200
    return Site(**site_body(row))


@router.put(
    "/collections/{name}",
    response_model=CollectionStored,
    responses={404: {"model": ErrorBody}, **AUTH_ERRORS},
    summary="Replace a collection's items (the version moves only on a change)",
)
def put_collection(
    name: str, body: CollectionIn, _who: AdminDep, engine: EngineDep, clock: ClockDep
) -> CollectionStored:
    if name not in store.COLLECTION_NAMES:
        raise ApiError(404, "not_found", f"no collection {name!r}")
    with engine.begin() as conn:
        version, etag = store.put_collection(conn, name, body.items, now=clock())
    return CollectionStored(name=name, version=version, etag=etag)
