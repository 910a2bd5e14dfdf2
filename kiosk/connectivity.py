"""Online or offline: a monitor that probes the central API and tells subscribers on change.

The monitor is a plain asyncio service. ``run()`` probes, publishes the result if
it differs from the last one, and sleeps ``interval`` (or, while offline,
``offline_interval``, so the kiosk notices quickly when the network comes back).
``request_check()`` cuts the sleep short, e.g. after a failed upload.

With no central URL configured there is nothing to probe: the state is
OFFLINE / NOT_CONFIGURED from the start and ``run()`` returns at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

from offline_cache.central_probe import HttpHealthProbe, OfflineReason, ProbeResult

__all__ = [
    "Connectivity",
    "ConnectivityMonitor",
    "ConnectivityState",
    "HealthProbe",
    "OfflineReason",
    "monitor_for",
]

_log = logging.getLogger(__name__)

_DEFAULT_OFFLINE_INTERVAL = 10.0


class HealthProbe(Protocol):
    """Anything that can tell whether the central API is reachable right now."""

    async def check(self) -> ProbeResult:
        """Probe once; report trouble in the result, do not raise."""
        ...


class Connectivity(StrEnum):
    """Coarse connectivity, as the UI shows it."""

    UNKNOWN = "unknown"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class ConnectivityState:
    """What the monitor currently believes.

    Attributes:
        status: UNKNOWN before the first probe, then ONLINE or OFFLINE.
        reason: Why OFFLINE (a code, for logs and for the UI to translate);
            ``None`` otherwise.
    """

    status: Connectivity
    reason: OfflineReason | None = None

    @property
    def online(self) -> bool:
        """True only when the last probe succeeded."""
        return self.status is Connectivity.ONLINE


UNKNOWN = ConnectivityState(Connectivity.UNKNOWN)
ONLINE = ConnectivityState(Connectivity.ONLINE)
NOT_CONFIGURED = ConnectivityState(Connectivity.OFFLINE, OfflineReason.NOT_CONFIGURED)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ConnectivityMonitor:
    """Probes the central API on a schedule and publishes state changes.

    Args:
        probe: The probe to run; ``None`` when no central URL is configured.
        interval: Seconds between probes while online (or unknown).
        offline_interval: Seconds between probes while offline; defaults to
            ``interval``.
        clock: Returns the current aware UTC time; injectable for tests.
    """

    def __init__(
        self,
        probe: HealthProbe | None,
        interval: float = 30.0,
        *,
        offline_interval: float | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        if interval <= 0 or (offline_interval is not None and offline_interval <= 0):
            raise ValueError("probe intervals must be positive")
        self._probe = probe
        self._interval = interval
        self._offline_interval = offline_interval if offline_interval is not None else interval
        self._clock = clock
        self._state = UNKNOWN if probe is not None else NOT_CONFIGURED
        self._last_online: datetime | None = None
        self._subscribers: list[Callable[[ConnectivityState], None]] = []
        self._wake = asyncio.Event()

    @property
    def state(self) -> ConnectivityState:
        """The current belief; UNKNOWN until the first probe has finished."""
        return self._state

    @property
    def interval(self) -> float:
        """Seconds between probes while online or unknown."""
        return self._interval

    @property
    def offline_interval(self) -> float:
        """Seconds between probes while offline."""
        return self._offline_interval

    @property
    def last_online(self) -> datetime | None:
        """When a probe last succeeded (aware, UTC); ``None`` if never."""
        return self._last_online

    def subscribe(self, callback: Callable[[ConnectivityState], None]) -> Callable[[], None]:
        """Call ``callback(new_state)`` on every change of state; returns an unsubscribe.

        Callbacks run on the monitor's loop and must not block. An exception in one
        is logged and does not stop the monitor or the other callbacks.
        """
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def request_check(self) -> None:
        """Probe as soon as possible instead of waiting out the interval."""
        self._wake.set()

    async def check_once(self) -> ConnectivityState:
        """Probe now, publish a change if there is one, and return the new state."""
        if self._probe is None:
            return self._state
        result = await self._probe.check()
        if result.online:
            self._last_online = self._clock()
            self._publish(ONLINE, "")
        else:
            self._publish(ConnectivityState(Connectivity.OFFLINE, result.reason), result.detail)
        return self._state

    async def run(self) -> None:
        """Probe forever (until cancelled). Returns at once if nothing is configured."""
        if self._probe is None:
            _log.info(
                "no central URL configured; staying offline",
                extra={"event": "connectivity.not_configured"},
            )
            return
        while True:
            self._wake.clear()
            try:
                await self.check_once()
            except Exception:
                # A probe is not supposed to raise; if one does, keep the last
                # state and try again rather than lose the indicator for good.
                _log.exception("central probe raised", extra={"event": "connectivity.error"})
            delay = self._interval if self._state.online else self._offline_interval
            try:
                async with asyncio.timeout(delay):
                    await self._wake.wait()
            except TimeoutError:
                pass

    def _publish(self, new: ConnectivityState, detail: str) -> None:
        if new == self._state:
            return
        old, self._state = self._state, new
        _log.info(
            "connectivity changed",
            extra={
                "event": "connectivity.changed",
                "from": str(old.status),
                "to": str(new.status),
                "reason": str(new.reason) if new.reason else None,
                "detail": detail or None,
            },
        )
        for callback in list(self._subscribers):
            try:
                callback(new)
            except Exception:
                _log.exception(
                    "connectivity subscriber raised", extra={"event": "connectivity.error"}
                )


def monitor_for(
    central_url: str | None,
    *,
    interval: float = 30.0,
    offline_interval: float | None = None,
    timeout: float = 5.0,
) -> ConnectivityMonitor:
    """The monitor for a site: HTTP probing of ``central_url``, or NOT_CONFIGURED if empty.

    While offline it probes every ``offline_interval`` seconds, by default every
    10 s (or ``interval`` if shorter), so a recovered network shows up quickly.

    Raises:
        ValueError: If ``central_url`` is set but not an http(s) URL.
    """
    probe = HttpHealthProbe(central_url, timeout=timeout) if central_url else None
    if offline_interval is None:
        offline_interval = min(interval, _DEFAULT_OFFLINE_INTERVAL)
    return ConnectivityMonitor(probe, interval, offline_interval=offline_interval)
