"""Turns the ``[devices]`` configuration into device objects.

This is the only place that chooses between real drivers and simulators. The
``Devices`` fields are typed as the ports, so mypy proves every driver and
simulator conforms to its Protocol.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from devices.audio_out.aplay import AplayAudioOut
from devices.audio_out.port import AudioOut
from devices.audio_out.simulated import SimulatedAudioOut
from devices.card_reader.port import CardReader
from devices.card_reader.simulated import SimulatedCardReader
from devices.door.port import Door
from devices.door.simulated import SimulatedDoor
from devices.locker_bank.port import LockerBank
from devices.locker_bank.simulated import SimulatedLockerBank
from kiosk.config import DeviceChoice, DevicesConfig
from kiosk.drivers import KNOWN_DRIVERS

__all__ = ["KNOWN_DRIVERS", "Devices", "Simulators", "build_devices"]


@dataclass(frozen=True)
class Simulators:
    """The simulator objects in use, for the demo panel; None where a real driver runs."""

    card_reader: SimulatedCardReader | None
    door: SimulatedDoor | None
    locker_bank: SimulatedLockerBank | None
    audio_out: SimulatedAudioOut | None


@dataclass(frozen=True)
class Devices:
    """Every device the kiosk drives, as its port.

    Attributes:
        simulators: the same objects where they are simulators; None if none is.
    """

    card_reader: CardReader
    door: Door
    locker_bank: LockerBank
    audio_out: AudioOut
    simulators: Simulators | None


def build_devices(config: DevicesConfig) -> Devices:
    """Create the configured driver or simulator for each device kind.

    Raises:
        ValueError: for a driver or option the configuration should not have let through.
    """
    _check(config.card_reader, "card_reader", allowed_options=())
    card_reader = SimulatedCardReader()

    _check(config.door, "door", allowed_options=())
    door = SimulatedDoor()

    _check(config.locker_bank, "locker_bank", allowed_options=("compartments",))
    locker_bank = SimulatedLockerBank(_compartments(config.locker_bank.options))

    audio_out: AplayAudioOut | SimulatedAudioOut
    if config.audio_out.driver == "aplay":
        _check(config.audio_out, "audio_out", allowed_options=("device",))
        audio_out = AplayAudioOut(_aplay_device(config.audio_out.options))
    else:
        _check(config.audio_out, "audio_out", allowed_options=())
        audio_out = SimulatedAudioOut()

    simulators = Simulators(
        card_reader=card_reader,
        door=door,
        locker_bank=locker_bank,
        audio_out=audio_out if isinstance(audio_out, SimulatedAudioOut) else None,
    )
    in_use = simulators != Simulators(None, None, None, None)
    return Devices(
        card_reader=card_reader,
        door=door,
        locker_bank=locker_bank,
        audio_out=audio_out,
        simulators=simulators if in_use else None,
    )


def _check(choice: DeviceChoice, kind: str, *, allowed_options: Collection[str]) -> None:
    if choice.driver not in KNOWN_DRIVERS[kind]:
        raise ValueError(f"devices.{kind}: unknown driver {choice.driver!r}")
    unknown = sorted(set(choice.options) - set(allowed_options))
    if unknown:
        raise ValueError(f"devices.{kind}: driver {choice.driver!r} has no options {unknown}")


def _compartments(options: Mapping[str, object]) -> int:
    value = options.get("compartments", 12)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("devices.locker_bank: compartments must be a positive integer")
    return value


def _aplay_device(options: Mapping[str, object]) -> str:
    value = options.get("device", "default")
    if not isinstance(value, str) or not value:
        raise ValueError("devices.audio_out: device must be an ALSA device name")
    return value
