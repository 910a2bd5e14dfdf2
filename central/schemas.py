"""Request and response bodies of API v1 (pydantic validates every request body)."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

MAX_BATCH = 500
Slug = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$")


class ErrorBody(BaseModel):
    error: str = Field(examples=["not_found"])
    detail: str = ""


class Health(BaseModel):
    status: Literal["ok"]
    server_time: str = Field(description="The server's clock, RFC 3339 UTC (`Z`).")
    api_version: str = Field(examples=["1"])


class ServerTime(BaseModel):
    server_time: str


class Site(BaseModel):
    site_id: str
    name: str
    municipality: str
    schedule: dict[str, Any] = Field(
        description=(
            "Opening hours, the same shape as the kiosk's [schedule] config: timezone, "
            "public_holidays_closed, closed_dates, staffed and meraapent periods per weekday."
        )
    )
    updated_at: str


class SiteOut(Site):
    server_time: str


class SiteIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    municipality: str = Field(min_length=1, max_length=200)
    schedule: dict[str, Any]


class TerminalConfig(BaseModel):
    terminal_id: str
    site_id: str
    site: Site
    schedule: dict[str, Any]
    server_time: str


class Collection(BaseModel):
    name: str
    version: int
    items: list[dict[str, Any]]
    server_time: str


class CollectionIn(BaseModel):
    items: list[dict[str, Any]]


class CollectionStored(BaseModel):
    name: str
    version: int
    etag: str


class EventIn(BaseModel):
    id: UUID = Field(description="UUIDv7 chosen by the kiosk: the idempotency key.")
    kind: str = Field(min_length=1, max_length=100)
    schema_version: int = Field(ge=1)
    aggregate: str = Field(min_length=1, max_length=200)
    seq: int = Field(ge=0, description="Monotonic per terminal.")
    created_at: AwareDatetime = Field(description="The kiosk's clock; informational only.")
    payload: dict[str, Any]


class EventBatch(BaseModel):
    events: list[EventIn] = Field(min_length=1, max_length=MAX_BATCH)


class EventResult(BaseModel):
    id: str
    status: Literal["stored", "duplicate"]
    received_at: str = Field(description="When the server first stored the event (its clock).")


class BatchResult(BaseModel):
    results: list[EventResult]
    server_time: str


class IdempotencyConflict(BaseModel):
    error: Literal["idempotency_conflict"]
    detail: str
    ids: list[str]


class HeartbeatIn(BaseModel):
    version: str = Field(min_length=1, max_length=100)
    outbox_depth: int = Field(ge=0)
    last_sync: AwareDatetime | None
    devices: dict[str, str]


class TerminalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    site_id: str = Slug
    name: str = Field(min_length=1, max_length=200)


class TerminalCreated(BaseModel):
    terminal_id: str
    token: str = Field(description="Shown once; the server keeps only its hash.")


class StoredEvent(BaseModel):
    id: str
    terminal_id: str
    kind: str
    schema_version: int
    aggregate: str
    seq: int
    payload: dict[str, Any]
    created_at: str
    received_at: str


class StoredEvents(BaseModel):
    events: list[StoredEvent]


class Heartbeat(BaseModel):
    received_at: str
    version: str
    outbox_depth: int
    last_sync: str | None
    devices: dict[str, str]


class TerminalSummary(BaseModel):
    terminal_id: str
    site_id: str
    name: str
    created_at: str
    revoked: bool
    last_heartbeat: Heartbeat | None


class TerminalList(BaseModel):
    terminals: list[TerminalSummary]


class CardOut(BaseModel):
    uid: str
    label: str


class PersonOut(BaseModel):
    person_id: str
    display_name: str
    birth_year: int | None
    blocked: bool
    cards: list[CardOut]


class PeopleList(BaseModel):
    people: list[PersonOut]
