"""Reference data pulled from central (events, notices, …), kept for offline use.

Each collection is stored whole with its ETag, the time it was fetched (central's clock when
central said what time it was) and a SHA-256 of the body. A body that no longer matches its hash
is treated as missing, so the next pull fetches it again without ``If-None-Match``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from offline_cache.timeutil import format_time, parse_time

if TYPE_CHECKING:
    from offline_cache.store import Store


@dataclass(frozen=True, slots=True)
class CachedCollection:
    """The last good copy of a collection."""

    name: str
    body: dict[str, Any]
    etag: str | None
    fetched_at: datetime
    """When it was last confirmed current (a 200 or a 304), preferably central's time."""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """The collection cache (``store.cache``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, name: str) -> CachedCollection | None:
        """The last good copy, online or not; ``None`` if never fetched or corrupt."""
        rows = self._store.query(
            "SELECT body, sha256, etag, fetched_at FROM cache WHERE name = ?", (name,)
        )
        if not rows:
            return None
        body_text, digest, etag, fetched_at = rows[0]
        if _digest(body_text) != digest:
            return None
        try:
            body = json.loads(body_text)
        except ValueError:
            return None
        fetched = parse_time(fetched_at)
        if not isinstance(body, dict) or fetched is None:
            return None
        return CachedCollection(name, body, etag, fetched)

    def etag(self, name: str) -> str | None:
        """The ETag to send as ``If-None-Match``; ``None`` when the copy is missing or bad."""
        cached = self.get(name)
        return cached.etag if cached else None

    def put(
        self, name: str, body: dict[str, Any], *, etag: str | None, fetched_at: datetime
    ) -> None:
        """Replace the copy of ``name``."""
        text = json.dumps(body, ensure_ascii=False, sort_keys=True, allow_nan=False)
        with self._store.transaction() as tx:
            tx.execute(
                "INSERT INTO cache (name, body, sha256, etag, fetched_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET body = excluded.body,"
                " sha256 = excluded.sha256, etag = excluded.etag, fetched_at = excluded.fetched_at",
                (name, text, _digest(text), etag, format_time(fetched_at)),
            )

    def confirm(self, name: str, *, fetched_at: datetime) -> None:
        """Central answered 304: the copy is current as of ``fetched_at``."""
        with self._store.transaction() as tx:
            tx.execute(
                "UPDATE cache SET fetched_at = ? WHERE name = ?", (format_time(fetched_at), name)
            )
