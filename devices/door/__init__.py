"""The entrance door: an electric lock and a door sensor, reported separately."""

from devices.door.port import Door, DoorError, DoorStatus, LockState, SensorState

__all__ = ["Door", "DoorError", "DoorStatus", "LockState", "SensorState"]
