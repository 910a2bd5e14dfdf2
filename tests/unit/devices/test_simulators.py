"""Simulator behaviour beyond the port contracts: what the demo panel relies on."""

from __future__ import annotations

import asyncio

import pytest

from devices.card_reader.port import CardPresented, CardRemoved
from devices.card_reader.simulated import SimulatedCardReader
from devices.door.port import DoorStatus, LockState, SensorState
from devices.door.simulated import SimulatedDoor
from devices.locker_bank.port import CompartmentStatus
from devices.locker_bank.simulated import SimulatedLockerBank


def test_card_reader_tracks_the_card_on_it() -> None:
    reader = SimulatedCardReader()
    reader.present("0a0b")
    assert reader.current_uid == "0A0B"
    reader.remove()
    assert reader.current_uid is None


def test_card_reader_ignores_cards_while_disconnected_and_works_again_after() -> None:
    reader = SimulatedCardReader()

    async def scenario() -> None:
        reader.disconnected = True
        reader.present("01")
        reader.disconnected = False
        reader.present("02")
        reader.remove()
        events = reader.events()
        assert [await anext(events), await anext(events)] == [CardPresented("02"), CardRemoved()]

    asyncio.run(scenario())


def test_card_reader_rejects_a_uid_that_is_not_hex() -> None:
    with pytest.raises(ValueError, match="hex"):
        SimulatedCardReader().present("not-a-card")


def test_forced_door_opens_against_the_lock() -> None:
    door = SimulatedDoor()
    door.force_open()
    assert door.status() == DoorStatus(LockState.LOCKED, SensorState.OPEN)


def test_door_goes_unknown_when_offline_and_back_when_online() -> None:
    door = SimulatedDoor()
    door.force_open()
    statuses: list[DoorStatus] = []
    door.subscribe(statuses.append)
    door.offline = True
    door.offline = False
    assert [s.sensor for s in statuses] == [SensorState.UNKNOWN, SensorState.OPEN]


def test_locker_bank_offline_is_announced_for_every_compartment() -> None:
    bank = SimulatedLockerBank(3)
    changes: list[tuple[int, CompartmentStatus]] = []
    bank.subscribe(lambda n, s: changes.append((n, s)))
    bank.offline = True
    assert [(n, s.door) for n, s in changes] == [(n, SensorState.UNKNOWN) for n in (1, 2, 3)]
    # The panel still reads it while the kiosk cannot.
    assert {s.door for s in bank.snapshot().values()} == {SensorState.UNKNOWN}


def test_locker_bank_default_has_twelve_empty_compartments() -> None:
    bank = SimulatedLockerBank()
    snapshot = bank.snapshot()
    assert sorted(snapshot) == list(range(1, 13))
    assert {s.occupied for s in snapshot.values()} == {False}
    assert not any(bank.is_jammed(n) for n in snapshot)


def test_locker_bank_needs_a_compartment() -> None:
    with pytest.raises(ValueError, match="at least one"):
        SimulatedLockerBank(0)
