"""Contract: every Door keeps the lock command and the door sensor as separate evidence."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

import pytest

from devices.door.port import Door, DoorError, DoorStatus, LockState, SensorState
from devices.door.simulated import SimulatedDoor

SHORT = 0.05  # seconds the lock stays released in these tests


class Visitor(Protocol):
    """Whoever handles the door: the simulator itself, or a rig's actuator and fault relays."""

    jammed: bool
    offline: bool
    sensor_fault: bool

    def open_door(self) -> bool: ...
    def close_door(self) -> None: ...


def simulated() -> tuple[Door, Visitor]:
    door = SimulatedDoor()
    return door, door


# Each implementation, paired with whatever plays the person in front of it.
IMPLEMENTATIONS: dict[str, Callable[[], tuple[Door, Visitor]]] = {"simulated": simulated}


@pytest.fixture(params=sorted(IMPLEMENTATIONS))
def rig(request: pytest.FixtureRequest) -> tuple[Door, Visitor]:
    return IMPLEMENTATIONS[request.param]()


class Watcher:
    """Collects every status a door reports, and waits for one that matches."""

    def __init__(self, door: Door) -> None:
        self.seen: list[DoorStatus] = []
        self._changed = asyncio.Event()
        self.unsubscribe = door.subscribe(self._on_status)

    def _on_status(self, status: DoorStatus) -> None:
        self.seen.append(status)
        self._changed.set()

    async def wait_for(self, condition: Callable[[DoorStatus], bool]) -> DoorStatus:
        async def first_match() -> DoorStatus:
            while True:
                for status in self.seen:
                    if condition(status):
                        return status
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(first_match(), timeout=2)


def relocked(status: DoorStatus) -> bool:
    return status.lock is LockState.LOCKED


def test_starts_locked_and_closed(rig: tuple[Door, Visitor]) -> None:
    door, _ = rig
    assert door.status() == DoorStatus(LockState.LOCKED, SensorState.CLOSED)


def test_release_unlocks_then_relocks_after_the_duration(rig: tuple[Door, Visitor]) -> None:
    door, _ = rig

    async def scenario() -> None:
        watcher = Watcher(door)
        loop = asyncio.get_running_loop()
        started = loop.time()
        await door.release(SHORT)
        assert door.status().lock is LockState.RELEASED
        await watcher.wait_for(relocked)
        # A lower bound only: the lock must not come back early.
        assert loop.time() - started >= SHORT * 0.9
        assert [s.lock for s in watcher.seen] == [LockState.RELEASED, LockState.LOCKED]

    asyncio.run(scenario())


def test_a_new_release_restarts_the_time(rig: tuple[Door, Visitor]) -> None:
    door, _ = rig

    async def scenario() -> None:
        watcher = Watcher(door)
        loop = asyncio.get_running_loop()
        await door.release(SHORT)
        started = loop.time()
        await door.release(4 * SHORT)
        await watcher.wait_for(relocked)
        assert loop.time() - started >= 4 * SHORT * 0.9

    asyncio.run(scenario())


def test_release_alone_never_moves_the_sensor(rig: tuple[Door, Visitor]) -> None:
    door, _ = rig

    async def scenario() -> None:
        watcher = Watcher(door)
        await door.release(SHORT)
        await watcher.wait_for(relocked)
        assert {s.sensor for s in watcher.seen} == {SensorState.CLOSED}

    asyncio.run(scenario())


def test_sensor_follows_the_visitor_while_released(rig: tuple[Door, Visitor]) -> None:
    door, visitor = rig

    async def scenario() -> None:
        await door.release(10)
        assert visitor.open_door()
        assert door.status() == DoorStatus(LockState.RELEASED, SensorState.OPEN)
        visitor.close_door()
        assert door.status().sensor is SensorState.CLOSED

    asyncio.run(scenario())


def test_door_stays_open_after_relock_until_closed(rig: tuple[Door, Visitor]) -> None:
    door, visitor = rig

    async def scenario() -> None:
        watcher = Watcher(door)
        await door.release(SHORT)
        visitor.open_door()
        await watcher.wait_for(relocked)
        assert door.status() == DoorStatus(LockState.LOCKED, SensorState.OPEN)
        visitor.close_door()
        assert door.status() == DoorStatus(LockState.LOCKED, SensorState.CLOSED)

    asyncio.run(scenario())


def test_locked_door_does_not_open(rig: tuple[Door, Visitor]) -> None:
    door, visitor = rig
    assert not visitor.open_door()
    assert door.status().sensor is SensorState.CLOSED


def test_jammed_door_stays_closed_after_an_acknowledged_release(
    rig: tuple[Door, Visitor],
) -> None:
    door, visitor = rig
    visitor.jammed = True

    async def scenario() -> None:
        watcher = Watcher(door)
        await door.release(SHORT)  # acknowledged: no error
        assert door.status().lock is LockState.RELEASED
        assert not visitor.open_door()
        await watcher.wait_for(relocked)
        assert {s.sensor for s in watcher.seen} == {SensorState.CLOSED}

    asyncio.run(scenario())


def test_offline_controller_refuses_release_and_cannot_see_the_door(
    rig: tuple[Door, Visitor],
) -> None:
    door, visitor = rig
    visitor.offline = True

    async def scenario() -> None:
        with pytest.raises(DoorError):
            await door.release(SHORT)

    asyncio.run(scenario())
    assert door.status() == DoorStatus(LockState.LOCKED, SensorState.UNKNOWN)


def test_broken_sensor_reads_unknown(rig: tuple[Door, Visitor]) -> None:
    door, visitor = rig
    statuses: list[DoorStatus] = []
    door.subscribe(statuses.append)
    visitor.sensor_fault = True
    assert door.status().sensor is SensorState.UNKNOWN
    assert statuses == [DoorStatus(LockState.LOCKED, SensorState.UNKNOWN)]


def test_unsubscribed_callback_hears_nothing(rig: tuple[Door, Visitor]) -> None:
    door, visitor = rig
    statuses: list[DoorStatus] = []
    unsubscribe = door.subscribe(statuses.append)
    unsubscribe()
    visitor.sensor_fault = True
    assert statuses == []


@pytest.mark.parametrize("seconds", [0, -1])
def test_release_needs_a_positive_duration(rig: tuple[Door, Visitor], seconds: float) -> None:
    door, _ = rig
    with pytest.raises(ValueError, match="positive"):
        asyncio.run(door.release(seconds))
    assert door.status().lock is LockState.LOCKED
