"""An audio output that records what it was asked to play."""

from __future__ import annotations

from collections.abc import Callable

from devices.audio_out.port import Tone, check_volume


class SimulatedAudioOut:
    """Plays nothing, but remembers every tone with the volume it had.

    Attributes:
        played: ``(tone, volume)`` for every tone played, oldest first.
    """

    def __init__(self, volume: int = 80) -> None:
        self._volume = check_volume(volume)
        self._subscribers: list[Callable[[Tone, int], None]] = []
        self.played: list[tuple[Tone, int]] = []

    async def play_tone(self, tone: Tone) -> None:
        """Record ``tone`` at the current volume."""
        self.played.append((tone, self._volume))
        for callback in list(self._subscribers):
            callback(tone, self._volume)

    async def set_volume(self, percent: int) -> None:
        """Set the volume for later tones (0..100)."""
        self._volume = check_volume(percent)

    def volume(self) -> int:
        """Return the volume in percent."""
        return self._volume

    def subscribe(self, callback: Callable[[Tone, int], None]) -> Callable[[], None]:
        """Call ``callback(tone, volume)`` for each tone played; return the unsubscribe function."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe
