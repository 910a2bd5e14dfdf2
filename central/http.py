"""Conditional GET: strong ETags from content, ``If-None-Match`` → 304."""

from __future__ import annotations

from typing import Any

from fastapi import Response
from fastapi.responses import JSONResponse

from central.store import content_hash

REVALIDATE = "no-cache"  # may be stored, but must be revalidated (If-None-Match) before use


def strong_etag(representation: object) -> str:
    """A strong ETag: the hash of the representation's canonical JSON."""
    return '"' + content_hash(representation)[:32] + '"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 §13.1.2: ``*`` or any listed tag, compared weakly."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True

    def opaque(tag: str) -> str:
        tag = tag.strip()
        return tag[2:] if tag.startswith("W/") else tag

    return any(opaque(tag) == opaque(etag) for tag in if_none_match.split(","))


def conditional_json(
    body: dict[str, Any], *, volatile: tuple[str, ...], if_none_match: str | None
) -> Response:
    """200 with ``body`` and its ETag, or a bodiless 304 when the client has it already.

    ``volatile`` keys (``server_time``) are left out of the ETag: they change on every
    request without the content changing.
    """
    etag = strong_etag({key: value for key, value in body.items() if key not in volatile})
    headers = {"ETag": etag, "Cache-Control": REVALIDATE}
    if etag_matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return JSONResponse(body, headers=headers)
