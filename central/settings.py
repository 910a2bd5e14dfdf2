"""How a central server instance is configured."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from central.clock import Clock, utc_now

ADMIN_TOKEN_ENV = "TORGKIOSK_CENTRAL_ADMIN_TOKEN"
DATABASE_ENV = "TORGKIOSK_CENTRAL_DB"


def default_database_url() -> str:
    """``$TORGKIOSK_CENTRAL_DB``, else a SQLite file in the user's state directory."""
    if url := os.environ.get(DATABASE_ENV):
        return url
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return f"sqlite:///{state / 'torgkiosk-central' / 'central.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    """Everything ``create_app`` needs.

    Attributes:
        database_url: ``sqlite:///path`` or ``postgresql+psycopg://user@host:port/db``.
        admin_token: protects ``/admin``; ``None`` switches the admin API off.
        clock: the server's (authoritative) clock; tests may inject one.
    """

    database_url: str
    admin_token: str | None = None
    clock: Clock = field(default=utc_now)
