"""RFC 3339 timestamps as stored and sent: UTC, millisecond precision, ``Z`` suffix."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The kiosk's wall clock, in UTC (informational only: nothing expires by it)."""
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """``2026-05-01T10:15:00.123Z``. Naive datetimes are refused: they are ambiguous."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(text: str) -> datetime | None:
    """An aware datetime from RFC 3339 text, or ``None`` when it is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UTC)
