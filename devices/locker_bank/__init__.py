"""Library pickup lockers: a bank of compartments with locks and door sensors."""

from devices.locker_bank.port import (
    CompartmentStatus,
    LockerBank,
    LockerBankError,
    LockState,
    SensorState,
)

__all__ = ["CompartmentStatus", "LockState", "LockerBank", "LockerBankError", "SensorState"]
