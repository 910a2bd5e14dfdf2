"""The audio output port."""

from __future__ import annotations

from enum import Enum
from typing import Protocol


class AudioOutError(Exception):
    """The sound could not be played (no player, no device, player failed)."""


class Tone(Enum):
    """The kiosk's signal tones; each has a visual equivalent on screen."""

    ATTENTION = "attention"
    WARNING = "warning"
    SUCCESS = "success"
    ERROR = "error"


class AudioOut(Protocol):
    """Plays signal tones at a volume the kiosk controls."""

    async def play_tone(self, tone: Tone) -> None:
        """Play ``tone`` at the current volume and return when it has played.

        Raises:
            AudioOutError: if it could not be played.
        """
        ...

    async def set_volume(self, percent: int) -> None:
        """Set the volume for later tones.

        Raises:
            ValueError: if ``percent`` is outside 0..100.
        """
        ...

    def volume(self) -> int:
        """Return the volume in percent (0..100)."""
        ...


def check_volume(percent: int) -> int:
    """Return ``percent`` if it is a valid volume.

    Raises:
        ValueError: if it is outside 0..100.
    """
    if isinstance(percent, bool) or not 0 <= percent <= 100:
        raise ValueError("volume must be 0..100 percent")
    return percent
