"""An in-memory locker bank for demo mode and tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from devices.locker_bank.port import CompartmentStatus, LockerBankError, LockState, SensorState


@dataclass
class _Compartment:
    lock: LockState = LockState.LOCKED
    open: bool = False  # where the door physically is, whatever the sensor says
    occupied: bool | None = False
    jammed: bool = False
    sensor_fault: bool = False
    relock: asyncio.TimerHandle | None = None


class SimulatedLockerBank:
    """Compartments whose doors are opened and closed by method calls.

    An unlock releases the latch for ``release_seconds`` (long enough to click
    "open" in the demo panel); the door only moves when the simulated person
    calls ``open_compartment()`` or ``close_compartment()``.
    """

    def __init__(self, compartments: int = 12, *, release_seconds: float = 5.0) -> None:
        if compartments < 1:
            raise ValueError("a locker bank needs at least one compartment")
        self._compartments = {n: _Compartment() for n in range(1, compartments + 1)}
        self._release_seconds = release_seconds
        self._subscribers: list[Callable[[int, CompartmentStatus], None]] = []
        self._offline = False

    @property
    def offline(self) -> bool:
        """Fault switch: the bank is unreachable, calls raise, every door sensor is UNKNOWN."""
        return self._offline

    @offline.setter
    def offline(self, value: bool) -> None:
        before = self.snapshot()
        self._offline = value
        for number, status in self.snapshot().items():
            if status != before[number]:
                self._notify(number, status)

    async def compartments(self) -> Mapping[int, CompartmentStatus]:
        """Return every compartment's status (see ``LockerBank.compartments``)."""
        if self._offline:
            raise LockerBankError("locker bank offline")
        return self.snapshot()

    async def unlock(self, compartment: int) -> None:
        """Release the latch of ``compartment`` for ``release_seconds``."""
        if self._offline:
            raise LockerBankError("locker bank offline")
        loop = asyncio.get_running_loop()
        with self._changing(compartment) as state:
            if state.relock is not None:
                state.relock.cancel()
            state.relock = loop.call_later(self._release_seconds, self._relock, compartment)
            state.lock = LockState.RELEASED

    def subscribe(self, callback: Callable[[int, CompartmentStatus], None]) -> Callable[[], None]:
        """Call ``callback`` for each changed compartment; return the unsubscribe function."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def snapshot(self) -> dict[int, CompartmentStatus]:
        """Return every compartment's status synchronously, even while offline (for the panel)."""
        return {n: self._status(n) for n in self._compartments}

    def is_jammed(self, compartment: int) -> bool:
        """Whether the jam fault is set on ``compartment``."""
        return self._get(compartment).jammed

    def open_compartment(self, compartment: int) -> bool:
        """The simulated person pulls the door; it only gives while released and not jammed.

        Returns:
            True if the door is now open.
        """
        with self._changing(compartment) as state:
            if state.lock is LockState.RELEASED and not state.jammed:
                state.open = True
        return state.open

    def close_compartment(self, compartment: int) -> None:
        """The simulated person shuts the door; a locked latch still clicks shut."""
        with self._changing(compartment) as state:
            state.open = False

    def set_occupied(self, compartment: int, occupied: bool | None) -> None:
        """Put something in, take it out, or (None) make occupancy unknowable."""
        with self._changing(compartment) as state:
            state.occupied = occupied

    def set_jammed(self, compartment: int, jammed: bool) -> None:
        """Fault switch: unlocks are acknowledged but the door will not open."""
        with self._changing(compartment) as state:
            state.jammed = jammed

    def set_sensor_fault(self, compartment: int, fault: bool) -> None:
        """Fault switch: the door sensor reads UNKNOWN while the door still moves."""
        with self._changing(compartment) as state:
            state.sensor_fault = fault

    def _relock(self, compartment: int) -> None:
        with self._changing(compartment) as state:
            state.relock = None
            state.lock = LockState.LOCKED

    def _get(self, compartment: int) -> _Compartment:
        try:
            return self._compartments[compartment]
        except KeyError:
            raise LockerBankError(f"no compartment {compartment}") from None

    def _status(self, compartment: int) -> CompartmentStatus:
        state = self._compartments[compartment]
        if self._offline or state.sensor_fault:
            door = SensorState.UNKNOWN
        else:
            door = SensorState.OPEN if state.open else SensorState.CLOSED
        return CompartmentStatus(door=door, lock=state.lock, occupied=state.occupied)

    @contextmanager
    def _changing(self, compartment: int) -> Iterator[_Compartment]:
        """Yield the compartment to change; tell subscribers if its reported status changed."""
        state = self._get(compartment)
        before = self._status(compartment)
        yield state
        after = self._status(compartment)
        if after != before:
            self._notify(compartment, after)

    def _notify(self, compartment: int, status: CompartmentStatus) -> None:
        for callback in list(self._subscribers):
            callback(compartment, status)
