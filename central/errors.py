"""Every error leaves the API as ``{"error": "<code>", "detail": "<text>"}``."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

_CODES = {404: "not_found", 405: "method_not_allowed", 401: "unauthenticated", 403: "forbidden"}


class ApiError(Exception):
    """Raised by handlers; rendered as the contract's error body."""

    def __init__(
        self,
        status: int,
        error: str,
        detail: str = "",
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        super().__init__(f"{status} {error}: {detail}")
        self.status = status
        self.error = error
        self.detail = detail
        self.headers = headers
        self.extra = extra or {}


def unauthenticated(detail: str) -> ApiError:
    return ApiError(401, "unauthenticated", detail, headers={"WWW-Authenticate": "Bearer"})


def install_error_handlers(app: FastAPI) -> None:
    """Turn FastAPI's and Starlette's own errors into the contract's shape."""

    async def api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        body: dict[str, object] = {"error": exc.error, "detail": exc.detail, **exc.extra}
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _CODES.get(exc.status_code, HTTPStatus(exc.status_code).phrase.lower())
        detail = exc.detail if isinstance(exc.detail, str) else ""
        return JSONResponse(
            {"error": code.replace(" ", "_"), "detail": detail},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        problems = [
            ".".join(str(part) for part in error.get("loc", ())) + ": " + str(error.get("msg"))
            for error in exc.errors()
        ]
        return JSONResponse(
            {"error": "invalid_request", "detail": "; ".join(problems)[:2000]}, status_code=422
        )

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
