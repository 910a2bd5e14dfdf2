"""Lock and sensor states shared by every device that latches a door.

The entrance door and each locker compartment report the same two pieces of
evidence: what the lock was told to do, and what the door sensor sees. They
are separate on purpose: an acknowledged release does not mean the door opened,
and a damaged sensor cable can report "open" on a shut door.
"""

from __future__ import annotations

from enum import Enum


class LockState(Enum):
    """What the lock controller says the latch is doing."""

    LOCKED = "locked"
    RELEASED = "released"


class SensorState(Enum):
    """What the door sensor sees; UNKNOWN when it cannot be read."""

    CLOSED = "closed"
    OPEN = "open"
    UNKNOWN = "unknown"
