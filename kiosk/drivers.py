"""The driver names each device kind accepts in ``[devices.<kind>] driver = ...``.

A module of its own so the config validator can check names without importing
the drivers themselves (which would cost start-up time before the first paint).
``kiosk.wiring`` maps each name to its implementation.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

KNOWN_DRIVERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "card_reader": frozenset({"simulated"}),
        "door": frozenset({"simulated"}),
        "locker_bank": frozenset({"simulated"}),
        "audio_out": frozenset({"simulated", "aplay"}),
    }
)
