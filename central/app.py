"""The FastAPI application factory.

FastAPI because the OpenAPI document is generated from the code (so it cannot drift
from the handlers), pydantic validates every request body against the same models,
it is mature and widely known, and it is plain ASGI served by uvicorn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse

from central.clock import rfc3339
from central.db import create_db_engine
from central.errors import install_error_handlers
from central.routes_admin import router as admin_router
from central.routes_terminal import router as terminal_router
from central.schemas import Health
from central.security import AdminTokenCheck
from central.settings import Settings

API_VERSION = "1"
API_PREFIX = "/api/v1"
HEALTH_PATH = f"{API_PREFIX}/health"
OPENAPI_PATH = f"{API_PREFIX}/openapi.json"

DESCRIPTION = """\
The API between Torgkiosk terminals and their municipality. JSON (UTF-8) everywhere.
Terminals authenticate with `Authorization: Bearer <token>` (one token per terminal,
stored hashed); `/admin` takes the admin token. Errors are
`{"error": "<code>", "detail": "<text>"}`. Times are RFC 3339 UTC; the server's clock
is authoritative.
"""


def create_app(settings: Settings) -> FastAPI:
    """A central API app over ``settings.database_url`` (migrations are run by the CLI)."""
    engine = create_db_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="Torgkiosk central API",
        version=API_VERSION,
        description=DESCRIPTION,
        openapi_url=OPENAPI_PATH,
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.clock = settings.clock
    app.state.admin = AdminTokenCheck(settings.admin_token)
    install_error_handlers(app)

    api = APIRouter(prefix=API_PREFIX)

    @api.get(
        "/health",
        response_model=Health,
        summary="Liveness of the central API (no auth)",
        description=(
            "Kiosks call this to decide whether they are online. Anything but a 200 with "
            "this JSON body (a captive portal, a proxy error page) counts as offline."
        ),
    )
    def health() -> JSONResponse:
        body = {"status": "ok", "server_time": rfc3339(settings.clock()), "api_version": "1"}
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    api.include_router(terminal_router)
    api.include_router(admin_router)
    app.include_router(api)
    return app
