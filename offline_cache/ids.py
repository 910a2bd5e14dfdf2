"""UUIDv7 identifiers (RFC 9562): time-ordered, random, stdlib only.

An outbox event's id is also its idempotency key on central, so it must be unique across
terminals without coordination: 48 bits of Unix milliseconds and 74 random bits.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_last_counter = 0


def uuid7() -> str:
    """A new UUIDv7 as a lowercase string.

    Within one millisecond the 12-bit ``rand_a`` field is a counter seeded at random, so ids
    made by one process sort in creation order (RFC 9562 §6.2, method 1). Nothing relies on
    that order: the outbox orders by its own ``seq``.
    """
    global _last_ms, _last_counter
    with _lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms <= _last_ms:
            # Same millisecond, or the wall clock stepped back: stay monotonic.
            now_ms = _last_ms
            _last_counter += 1
            if _last_counter > 0xFFF:
                now_ms += 1
                _last_counter = int.from_bytes(os.urandom(2), "big") & 0x7FF
        else:
            _last_counter = int.from_bytes(os.urandom(2), "big") & 0x7FF
        _last_ms = now_ms
        counter = _last_counter
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (now_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))
