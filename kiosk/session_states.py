"""The session's vocabulary: screen kinds, phases, reset reasons.

Apart from ``kiosk.session`` because screens name their kind at import time,
before the first paint, and this module costs next to nothing to import.
"""

from __future__ import annotations

import enum


class ScreenKind(enum.StrEnum):
    """What a screen is for; each kind has its own idle timeout."""

    ATTRACT = "attract"  # no session: never times out
    INFO = "info"  # read-only: language choice, home, "coming soon", help
    TASK = "task"  # the resident is doing something (forms, PIN entry)
    RECEIPT = "receipt"  # a code or receipt on screen: short timeout


class Phase(enum.Enum):
    """Where the session is."""

    IDLE = "idle"  # attract screen, nobody's session
    ACTIVE = "active"
    WARNING = "warning"  # countdown to reset is running


class ResetReason(enum.StrEnum):
    """Why a session ended; logged, never shown with personal data."""

    TIMEOUT = "timeout"
    ENDED_BY_USER = "ended_by_user"
    ERROR = "error"
