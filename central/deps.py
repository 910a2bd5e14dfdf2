"""Request context: the database engine, the clock and who is calling."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from central import store
from central.clock import Clock
from central.errors import ApiError, unauthenticated
from central.security import AdminTokenCheck


@dataclass(frozen=True)
class Caller:
    """An authenticated caller: the admin, or one terminal at one site."""

    kind: Literal["admin", "terminal"]
    terminal_id: str = ""
    site_id: str = ""


def engine_of(request: Request) -> Engine:
    engine = request.app.state.engine
    assert isinstance(engine, Engine)
    return engine


def clock_of(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


# auto_error=False: a missing token must give the contract's 401 body, not FastAPI's.
_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="A terminal's token, or the admin token for /admin.",
)


def caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """Who presented the bearer token: 401 for none or an unknown one."""
    token = credentials.credentials.strip() if credentials else ""
    if not token:
        raise unauthenticated("an Authorization: Bearer token is required")
    admin: AdminTokenCheck = request.app.state.admin
    if admin.matches(token):
        return Caller("admin")
    with engine_of(request).connect() as conn:
        terminal = store.terminal_by_token(conn, token)
    if terminal is None:
        raise unauthenticated("unknown or revoked token")
    return Caller("terminal", terminal_id=terminal.id, site_id=terminal.site_id)


def terminal(who: Annotated[Caller, Depends(caller)]) -> Caller:
    """Only a terminal's token; the admin token is the wrong kind here (403)."""
    if who.kind != "terminal":
        raise ApiError(403, "forbidden", "this endpoint takes a terminal token")
    return who


def admin(who: Annotated[Caller, Depends(caller)]) -> Caller:
    """Only the admin token; a terminal's token is the wrong kind here (403)."""
    if who.kind != "admin":
        raise ApiError(403, "forbidden", "this endpoint takes the admin token")
    return who


EngineDep = Annotated[Engine, Depends(engine_of)]
ClockDep = Annotated[Clock, Depends(clock_of)]
CallerDep = Annotated[Caller, Depends(caller)]
TerminalDep = Annotated[Caller, Depends(terminal)]
AdminDep = Annotated[Caller, Depends(admin)]
