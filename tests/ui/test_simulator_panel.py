"""SimulatorPanel drives the simulators and shows what they report."""

from __future__ import annotations

import asyncio

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from devices.audio_out.port import Tone
from devices.audio_out.simulated import SimulatedAudioOut
from devices.card_reader.port import CardEvent, CardPresented, CardRemoved
from devices.card_reader.simulated import SimulatedCardReader
from devices.door.simulated import SimulatedDoor
from devices.locker_bank.simulated import SimulatedLockerBank
from kiosk.wiring import Simulators
from ui.simulator_panel import SimulatorPanel

CARDS = [("04A1B2C3", "Kari (library card)"), ("0BADCAFE", "Ola (blocked)")]


@pytest.fixture
def simulators() -> Simulators:
    return Simulators(
        card_reader=SimulatedCardReader(),
        door=SimulatedDoor(),
        locker_bank=SimulatedLockerBank(4),
        audio_out=SimulatedAudioOut(),
    )


@pytest.fixture
def panel(qtbot: QtBot, simulators: Simulators) -> SimulatorPanel:
    widget = SimulatorPanel(simulators, CARDS)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot: QtBot, panel: SimulatorPanel, name: str) -> None:
    button = panel.findChild(QAbstractButton, name)
    assert button is not None, name
    assert button.isVisible(), name
    assert button.isEnabled(), name
    # A check box only takes clicks on its indicator and text, so aim at the left edge.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(4, button.height() // 2))


def text_of(panel: SimulatorPanel, name: str) -> str:
    label = panel.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_present_card_button_makes_the_reader_yield_that_card(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, panel: SimulatorPanel, simulators: Simulators
) -> None:
    reader = simulators.card_reader
    assert reader is not None
    events = reader.events()

    async def next_event() -> CardEvent:
        return await anext(events)

    first = qloop.create_task(next_event())
    click(qtbot, panel, "present_0BADCAFE")
    qtbot.waitUntil(first.done, timeout=2000)
    assert first.result() == CardPresented("0BADCAFE")
    assert "Ola (blocked)" in text_of(panel, "cardStatus")

    second = qloop.create_task(next_event())
    click(qtbot, panel, "removeCard")
    qtbot.waitUntil(second.done, timeout=2000)
    assert second.result() == CardRemoved()
    assert "No card" in text_of(panel, "cardStatus")


def test_typed_uid_is_presented_and_bad_input_is_explained(
    qtbot: QtBot, panel: SimulatorPanel, simulators: Simulators
) -> None:
    field = panel.findChild(QLineEdit, "cardUid")
    assert field is not None
    qtbot.keyClicks(field, "de:ad:be:ef")
    click(qtbot, panel, "presentUid")
    assert simulators.card_reader is not None
    assert simulators.card_reader.current_uid == "DEADBEEF"

    field.setText("no card")
    click(qtbot, panel, "presentUid")
    assert "Not a hex UID" in text_of(panel, "cardStatus")
    assert simulators.card_reader.current_uid == "DEADBEEF"


def test_door_labels_follow_release_and_the_simulated_person(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, panel: SimulatorPanel, simulators: Simulators
) -> None:
    door = simulators.door
    assert door is not None
    assert text_of(panel, "doorLock") == "Lock: ■ locked"
    assert text_of(panel, "doorSensor") == "Sensor: ▮ closed"

    click(qtbot, panel, "openDoor")  # still locked: nothing moves, and the panel says why
    assert text_of(panel, "doorSensor").startswith("Sensor: ▮ closed\n")

    release = qloop.create_task(door.release(30))
    qtbot.waitUntil(lambda: text_of(panel, "doorLock") == "Lock: □ released", timeout=2000)
    assert release.done()
    click(qtbot, panel, "openDoor")
    assert text_of(panel, "doorSensor") == "Sensor: ▯ open"
    click(qtbot, panel, "closeDoor")
    assert text_of(panel, "doorSensor") == "Sensor: ▮ closed"


def test_door_changes_made_elsewhere_reach_the_labels(
    panel: SimulatorPanel, simulators: Simulators
) -> None:
    assert simulators.door is not None
    simulators.door.force_open()
    assert text_of(panel, "doorSensor") == "Sensor: ▯ open"
    simulators.door.sensor_fault = True
    assert text_of(panel, "doorSensor") == "Sensor: ⚠ unknown"


def test_door_fault_toggles_set_the_simulator(
    qtbot: QtBot, panel: SimulatorPanel, simulators: Simulators
) -> None:
    click(qtbot, panel, "doorJammed")
    click(qtbot, panel, "doorOffline")
    assert simulators.door is not None
    assert simulators.door.jammed
    assert simulators.door.offline
    assert text_of(panel, "doorSensor") == "Sensor: ⚠ unknown"


def test_locker_cells_show_state_and_drive_the_bank(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, panel: SimulatorPanel, simulators: Simulators
) -> None:
    bank = simulators.locker_bank
    assert bank is not None
    assert text_of(panel, "locker2State").splitlines() == [
        "No. 2",
        "■ locked",
        "▮ closed",
        "○ empty",
    ]

    click(qtbot, panel, "locker2Occupied")
    unlock = qloop.create_task(bank.unlock(2))
    qtbot.waitUntil(lambda: "□ released" in text_of(panel, "locker2State"), timeout=2000)
    assert unlock.done()
    click(qtbot, panel, "locker2Open")
    assert text_of(panel, "locker2State").splitlines()[2:] == ["▯ open", "● item inside"]
    click(qtbot, panel, "locker2Close")
    assert "▮ closed" in text_of(panel, "locker2State")

    click(qtbot, panel, "locker3Jam")
    assert bank.is_jammed(3)
    assert not bank.is_jammed(2)


def test_tones_played_appear_newest_first(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot, panel: SimulatorPanel, simulators: Simulators
) -> None:
    audio = simulators.audio_out
    assert audio is not None

    async def play() -> None:
        await audio.play_tone(Tone.ATTENTION)
        await audio.set_volume(40)
        await audio.play_tone(Tone.ERROR)

    done = qloop.create_task(play())
    qtbot.waitUntil(done.done, timeout=2000)
    tones = panel.findChild(QListWidget, "tonesPlayed")
    assert tones is not None
    assert [tones.item(i).text() for i in range(tones.count())] == [
        "♪ error at 40 %",
        "♪ attention at 80 %",
    ]


def test_devices_on_real_drivers_get_no_section(qtbot: QtBot) -> None:
    door = SimulatedDoor()
    panel = SimulatorPanel(Simulators(None, door, None, None))
    qtbot.addWidget(panel)
    assert panel.findChild(QLabel, "doorLock") is not None
    assert panel.findChild(QLabel, "cardStatus") is None
    assert panel.findChild(QCheckBox, "lockersOffline") is None
    assert panel.findChild(QListWidget, "tonesPlayed") is None


def test_deleted_panel_stops_listening(qtbot: QtBot, simulators: Simulators) -> None:
    panel = SimulatorPanel(simulators, CARDS)
    shiboken6.delete(panel)
    assert simulators.door is not None
    assert simulators.locker_bank is not None
    assert simulators.audio_out is not None
    # Would raise "Internal C++ object already deleted" if still subscribed.
    simulators.door.force_open()
    simulators.locker_bank.set_occupied(1, True)
    asyncio.run(simulators.audio_out.play_tone(Tone.SUCCESS))


def test_switches_changed_elsewhere_are_mirrored_without_being_flipped_back(
    panel: SimulatorPanel, simulators: Simulators
) -> None:
    door, bank = simulators.door, simulators.locker_bank
    assert door is not None
    assert bank is not None
    door.offline = True
    bank.set_occupied(1, True)
    bank.set_occupied(1, None)  # unknown must not be "corrected" to False by the check box
    bank.set_occupied(2, True)

    def checked(name: str) -> bool:
        box = panel.findChild(QCheckBox, name)
        assert box is not None, name
        return box.isChecked()

    assert checked("doorOffline")
    assert not checked("locker1Occupied")
    assert checked("locker2Occupied")
    assert bank.snapshot()[1].occupied is None
