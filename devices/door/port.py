"""The entrance door port."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from devices.states import LockState, SensorState

__all__ = ["Door", "DoorError", "DoorStatus", "LockState", "SensorState"]


class DoorError(Exception):
    """The door controller refused a command or cannot be reached."""


@dataclass(frozen=True, slots=True)
class DoorStatus:
    """Two separate pieces of evidence about the door.

    Attributes:
        lock: what the controller says the lock is doing.
        sensor: what the door sensor sees; OPEN only when it really opened.
    """

    lock: LockState
    sensor: SensorState


class Door(Protocol):
    """The entrance door as a state machine of lock command and sensor reading."""

    async def release(self, seconds: float) -> None:
        """Release the lock for ``seconds``, then lock again; a new release restarts the time.

        Returning means the controller acknowledged the command, not that
        anyone opened the door: watch ``status().sensor`` for that.

        Raises:
            DoorError: if the controller refuses or cannot be reached.
            ValueError: if ``seconds`` is not positive.
        """
        ...

    def status(self) -> DoorStatus:
        """Return the latest known lock and sensor state."""
        ...

    def subscribe(self, callback: Callable[[DoorStatus], None]) -> Callable[[], None]:
        """Call ``callback`` on the loop's thread with each changed status.

        Returns:
            A function that ends the subscription.
        """
        ...
