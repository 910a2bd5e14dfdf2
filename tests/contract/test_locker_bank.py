"""Contract: every LockerBank reports an unlock and an opened door as separate evidence."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

import pytest

from devices.locker_bank.port import (
    CompartmentStatus,
    LockerBank,
    LockerBankError,
    LockState,
    SensorState,
)
from devices.locker_bank.simulated import SimulatedLockerBank

COMPARTMENTS = 4
SHORT = 0.05  # seconds a latch stays released in these tests

Change = tuple[int, CompartmentStatus]


class LockerHands(Protocol):
    """The simulator itself, or a rig's actuators and fault relays."""

    offline: bool

    def open_compartment(self, compartment: int) -> bool: ...
    def close_compartment(self, compartment: int) -> None: ...
    def set_occupied(self, compartment: int, occupied: bool | None) -> None: ...
    def set_jammed(self, compartment: int, jammed: bool) -> None: ...
    def set_sensor_fault(self, compartment: int, fault: bool) -> None: ...


def simulated() -> tuple[LockerBank, LockerHands]:
    bank = SimulatedLockerBank(COMPARTMENTS, release_seconds=SHORT)
    return bank, bank


# Each implementation, paired with whatever plays the person in front of it.
IMPLEMENTATIONS: dict[str, Callable[[], tuple[LockerBank, LockerHands]]] = {"simulated": simulated}


@pytest.fixture(params=sorted(IMPLEMENTATIONS))
def rig(request: pytest.FixtureRequest) -> tuple[LockerBank, LockerHands]:
    return IMPLEMENTATIONS[request.param]()


class Watcher:
    """Collects every change a bank reports, and waits for one that matches."""

    def __init__(self, bank: LockerBank) -> None:
        self.seen: list[Change] = []
        self._changed = asyncio.Event()
        bank.subscribe(self._on_change)

    def _on_change(self, compartment: int, status: CompartmentStatus) -> None:
        self.seen.append((compartment, status))
        self._changed.set()

    async def wait_for(self, condition: Callable[[Change], bool]) -> Change:
        async def first_match() -> Change:
            while True:
                for change in self.seen:
                    if condition(change):
                        return change
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(first_match(), timeout=2)


def relocked(compartment: int) -> Callable[[Change], bool]:
    return lambda change: change[0] == compartment and change[1].lock is LockState.LOCKED


def test_every_compartment_starts_locked_and_closed(rig: tuple[LockerBank, LockerHands]) -> None:
    bank, _ = rig
    statuses = asyncio.run(bank.compartments())
    assert sorted(statuses) == list(range(1, COMPARTMENTS + 1))
    assert {(s.door, s.lock) for s in statuses.values()} == {(SensorState.CLOSED, LockState.LOCKED)}


def test_unlock_releases_the_latch_but_does_not_open_the_door(
    rig: tuple[LockerBank, LockerHands],
) -> None:
    bank, _ = rig

    async def scenario() -> None:
        watcher = Watcher(bank)
        await bank.unlock(2)
        status = (await bank.compartments())[2]
        assert (status.lock, status.door) == (LockState.RELEASED, SensorState.CLOSED)
        await watcher.wait_for(relocked(2))
        assert [(n, s.lock, s.door) for n, s in watcher.seen] == [
            (2, LockState.RELEASED, SensorState.CLOSED),
            (2, LockState.LOCKED, SensorState.CLOSED),
        ]

    asyncio.run(scenario())


def test_door_opens_only_when_someone_pulls_it(rig: tuple[LockerBank, LockerHands]) -> None:
    bank, hands = rig

    async def scenario() -> None:
        watcher = Watcher(bank)
        assert not hands.open_compartment(3)  # still locked
        await bank.unlock(3)
        assert hands.open_compartment(3)
        assert (await bank.compartments())[3].door is SensorState.OPEN
        await watcher.wait_for(relocked(3))
        assert (await bank.compartments())[3].door is SensorState.OPEN  # relocked, still open
        hands.close_compartment(3)
        assert (await bank.compartments())[3].door is SensorState.CLOSED
        assert {s.door for _, s in watcher.seen} == {SensorState.OPEN, SensorState.CLOSED}
        assert {n for n, _ in watcher.seen} == {3}

    asyncio.run(scenario())


def test_jammed_compartment_stays_closed_after_an_acknowledged_unlock(
    rig: tuple[LockerBank, LockerHands],
) -> None:
    bank, hands = rig
    hands.set_jammed(1, True)

    async def scenario() -> None:
        watcher = Watcher(bank)
        await bank.unlock(1)  # acknowledged: no error
        assert not hands.open_compartment(1)
        await watcher.wait_for(relocked(1))
        assert {s.door for _, s in watcher.seen} == {SensorState.CLOSED}

    asyncio.run(scenario())


def test_jam_affects_only_its_own_compartment(rig: tuple[LockerBank, LockerHands]) -> None:
    bank, hands = rig
    hands.set_jammed(1, True)

    async def scenario() -> None:
        await bank.unlock(2)
        assert hands.open_compartment(2)

    asyncio.run(scenario())


def test_offline_bank_refuses_everything(rig: tuple[LockerBank, LockerHands]) -> None:
    bank, hands = rig
    hands.offline = True
    with pytest.raises(LockerBankError):
        asyncio.run(bank.unlock(1))
    with pytest.raises(LockerBankError):
        asyncio.run(bank.compartments())


def test_unknown_compartment_is_refused(rig: tuple[LockerBank, LockerHands]) -> None:
    bank, _ = rig
    with pytest.raises(LockerBankError):
        asyncio.run(bank.unlock(COMPARTMENTS + 1))


@pytest.mark.parametrize("occupied", [True, False, None])
def test_occupancy_is_reported_including_unknown(
    rig: tuple[LockerBank, LockerHands], occupied: bool | None
) -> None:
    bank, hands = rig
    hands.set_occupied(4, not occupied)
    hands.set_occupied(4, occupied)
    assert asyncio.run(bank.compartments())[4].occupied is occupied


def test_broken_sensor_reads_unknown_and_is_announced(rig: tuple[LockerBank, LockerHands]) -> None:
    bank, hands = rig
    changes: list[Change] = []
    bank.subscribe(lambda n, s: changes.append((n, s)))
    hands.set_sensor_fault(2, True)
    assert asyncio.run(bank.compartments())[2].door is SensorState.UNKNOWN
    assert [(n, s.door) for n, s in changes] == [(2, SensorState.UNKNOWN)]


def test_unsubscribed_callback_hears_nothing(rig: tuple[LockerBank, LockerHands]) -> None:
    bank, hands = rig
    changes: list[Change] = []
    unsubscribe = bank.subscribe(lambda n, s: changes.append((n, s)))
    unsubscribe()
    hands.set_occupied(1, True)
    assert changes == []
