"""The locker bank port."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from devices.states import LockState, SensorState

__all__ = ["CompartmentStatus", "LockState", "LockerBank", "LockerBankError", "SensorState"]


class LockerBankError(Exception):
    """The bank refused a command, has no such compartment, or cannot be reached."""


@dataclass(frozen=True, slots=True)
class CompartmentStatus:
    """What is known about one compartment.

    Attributes:
        door: what the compartment's door sensor sees.
        lock: what the controller says the latch is doing.
        occupied: whether something is inside; None when the bank cannot tell.
    """

    door: SensorState
    lock: LockState
    occupied: bool | None


class LockerBank(Protocol):
    """A bank of numbered compartments (1..N)."""

    async def compartments(self) -> Mapping[int, CompartmentStatus]:
        """Return the status of every compartment by number.

        Raises:
            LockerBankError: if the bank cannot be read.
        """
        ...

    async def unlock(self, compartment: int) -> None:
        """Pulse the latch of ``compartment``.

        Returning means the controller acknowledged the pulse, not that the door
        opened: only the door sensor says that.

        Raises:
            LockerBankError: if the bank refuses, has no such compartment, or is unreachable.
        """
        ...

    def subscribe(self, callback: Callable[[int, CompartmentStatus], None]) -> Callable[[], None]:
        """Call ``callback(number, status)`` on the loop's thread for each changed compartment.

        Returns:
            A function that ends the subscription.
        """
        ...
