"""An in-memory entrance door for demo mode and tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from devices.door.port import DoorError, DoorStatus, LockState, SensorState


class SimulatedDoor:
    """A door whose visitor is played by method calls.

    The lock follows ``release()``; the door itself only moves when the
    simulated person calls ``open_door()`` or ``close_door()``.

    Attributes:
        jammed: fault switch: releases are acknowledged but the door will not open.
    """

    def __init__(self) -> None:
        self._lock = LockState.LOCKED
        self._open = False  # where the door physically is, whatever the sensor says
        self._offline = False
        self._sensor_fault = False
        self._relock: asyncio.TimerHandle | None = None
        self._subscribers: list[Callable[[DoorStatus], None]] = []
        self.jammed = False

    @property
    def offline(self) -> bool:
        """Fault switch: the controller is unreachable, releases raise, the sensor is UNKNOWN."""
        return self._offline

    @offline.setter
    def offline(self, value: bool) -> None:
        with self._changing():
            self._offline = value

    @property
    def sensor_fault(self) -> bool:
        """Fault switch: the sensor reads UNKNOWN while the door still moves."""
        return self._sensor_fault

    @sensor_fault.setter
    def sensor_fault(self, value: bool) -> None:
        with self._changing():
            self._sensor_fault = value

    async def release(self, seconds: float) -> None:
        """Release the lock for ``seconds`` (see ``Door.release``)."""
        if seconds <= 0:
            raise ValueError("seconds must be positive")
        if self._offline:
            raise DoorError("door controller offline")
        if self._relock is not None:
            self._relock.cancel()
        self._relock = asyncio.get_running_loop().call_later(seconds, self._relock_now)
        with self._changing():
            self._lock = LockState.RELEASED

    def status(self) -> DoorStatus:
        """Return the lock state and what the sensor would report."""
        if self._offline or self._sensor_fault:
            sensor = SensorState.UNKNOWN
        else:
            sensor = SensorState.OPEN if self._open else SensorState.CLOSED
        return DoorStatus(lock=self._lock, sensor=sensor)

    def subscribe(self, callback: Callable[[DoorStatus], None]) -> Callable[[], None]:
        """Call ``callback`` with each changed status; return the unsubscribe function."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def open_door(self) -> bool:
        """The simulated person pulls the door; it only gives while released and not jammed.

        Returns:
            True if the door is now open.
        """
        if self._lock is LockState.RELEASED and not self.jammed:
            with self._changing():
                self._open = True
        return self._open

    def force_open(self) -> None:
        """The door is forced open against a locked latch (break-in, or a faulty lock)."""
        with self._changing():
            self._open = True

    def close_door(self) -> None:
        """The simulated person shuts the door; a locked latch still clicks shut."""
        with self._changing():
            self._open = False

    def _relock_now(self) -> None:
        self._relock = None
        with self._changing():
            self._lock = LockState.LOCKED

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Tell subscribers if the reported status changed inside the block."""
        before = self.status()
        yield
        after = self.status()
        if after != before:
            for callback in list(self._subscribers):
                callback(after)
