"""build_devices: the configured driver or simulator for each device kind."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from devices.audio_out.aplay import AplayAudioOut
from devices.audio_out.simulated import SimulatedAudioOut
from devices.card_reader.simulated import SimulatedCardReader
from devices.door.simulated import SimulatedDoor
from devices.locker_bank.simulated import SimulatedLockerBank
from kiosk.config import DeviceChoice, DevicesConfig
from kiosk.wiring import KNOWN_DRIVERS, build_devices


def choice(driver: str, **options: object) -> DeviceChoice:
    return DeviceChoice(driver=driver, options=MappingProxyType(options))


def test_defaults_are_all_simulators_handed_to_the_panel_too() -> None:
    devices = build_devices(DevicesConfig())
    assert isinstance(devices.card_reader, SimulatedCardReader)
    assert isinstance(devices.door, SimulatedDoor)
    assert isinstance(devices.locker_bank, SimulatedLockerBank)
    assert isinstance(devices.audio_out, SimulatedAudioOut)
    assert devices.simulators is not None
    assert devices.simulators.card_reader is devices.card_reader
    assert devices.simulators.door is devices.door
    assert devices.simulators.locker_bank is devices.locker_bank
    assert devices.simulators.audio_out is devices.audio_out


def test_each_build_gets_fresh_devices() -> None:
    assert build_devices(DevicesConfig()).door is not build_devices(DevicesConfig()).door


def test_locker_bank_takes_its_compartment_count() -> None:
    devices = build_devices(DevicesConfig(locker_bank=choice("simulated", compartments=20)))
    assert devices.simulators is not None
    assert devices.simulators.locker_bank is not None
    assert sorted(devices.simulators.locker_bank.snapshot()) == list(range(1, 21))


def test_default_locker_bank_has_twelve_compartments() -> None:
    devices = build_devices(DevicesConfig())
    assert devices.simulators is not None
    assert devices.simulators.locker_bank is not None
    assert len(devices.simulators.locker_bank.snapshot()) == 12


def test_aplay_is_real_so_the_panel_gets_no_audio_simulator() -> None:
    devices = build_devices(DevicesConfig(audio_out=choice("aplay", device="plughw:1,0")))
    assert isinstance(devices.audio_out, AplayAudioOut)
    assert devices.simulators is not None
    assert devices.simulators.audio_out is None
    assert devices.simulators.door is devices.door


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (DevicesConfig(door=choice("usb_relay")), "devices.door: unknown driver 'usb_relay'"),
        (DevicesConfig(audio_out=choice("pulse")), "devices.audio_out: unknown driver 'pulse'"),
        (DevicesConfig(door=choice("simulated", port="x")), r"has no options \['port'\]"),
        (DevicesConfig(audio_out=choice("simulated", device="x")), "has no options"),
        (DevicesConfig(locker_bank=choice("simulated", compartments=0)), "positive integer"),
        (DevicesConfig(locker_bank=choice("simulated", compartments=True)), "positive integer"),
        (DevicesConfig(locker_bank=choice("simulated", compartments="12")), "positive integer"),
        (DevicesConfig(audio_out=choice("aplay", device="")), "ALSA device name"),
        (DevicesConfig(audio_out=choice("aplay", device=3)), "ALSA device name"),
    ],
)
def test_what_the_config_check_should_have_caught_is_refused(
    config: DevicesConfig, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_devices(config)


def test_known_drivers_name_every_kind_and_each_is_buildable() -> None:
    assert set(KNOWN_DRIVERS) == {"card_reader", "door", "locker_bank", "audio_out"}
    for kind, drivers in KNOWN_DRIVERS.items():
        for driver in drivers:
            build_devices(DevicesConfig(**{kind: DeviceChoice(driver=driver)}))
