"""ConnectivityMonitor with a scripted probe: the test decides every probe's outcome."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.connectivity import (
    Connectivity,
    ConnectivityMonitor,
    ConnectivityState,
    OfflineReason,
    monitor_for,
)
from offline_cache.central_probe import ProbeResult

PATIENCE = 30.0  # upper bound for awaiting an event; never a measured duration
ONLINE = ConnectivityState(Connectivity.ONLINE)
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


class ScriptedProbe:
    """Each check() waits for the next outcome the test pushes (an exception is raised)."""

    def __init__(self) -> None:
        self.outcomes: asyncio.Queue[ProbeResult | Exception] = asyncio.Queue()
        self.calls = 0

    def push(self, *outcomes: ProbeResult | Exception) -> None:
        for outcome in outcomes:
            self.outcomes.put_nowait(outcome)

    async def check(self) -> ProbeResult:
        self.calls += 1
        outcome = await self.outcomes.get()
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def offline(reason: OfflineReason) -> ProbeResult:
    return ProbeResult.offline(reason, "scripted")


def offline_state(reason: OfflineReason) -> ConnectivityState:
    return ConnectivityState(Connectivity.OFFLINE, reason)


class Recorder:
    def __init__(self) -> None:
        self.queue: asyncio.Queue[ConnectivityState] = asyncio.Queue()
        self.seen: list[ConnectivityState] = []

    def __call__(self, state: ConnectivityState) -> None:
        self.seen.append(state)
        self.queue.put_nowait(state)

    async def next(self) -> ConnectivityState:
        return await asyncio.wait_for(self.queue.get(), PATIENCE)


@asynccontextmanager
async def running(monitor: ConnectivityMonitor) -> AsyncIterator[Recorder]:
    recorder = Recorder()
    monitor.subscribe(recorder)
    task = asyncio.create_task(monitor.run())
    try:
        yield recorder
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def run(coroutine: Coroutine[Any, Any, None]) -> None:
    asyncio.run(coroutine)


def test_state_is_unknown_until_the_first_probe() -> None:
    monitor = ConnectivityMonitor(ScriptedProbe(), interval=1.0)

    assert monitor.state == ConnectivityState(Connectivity.UNKNOWN)
    assert monitor.state.reason is None
    assert not monitor.state.online
    assert monitor.last_online is None


def test_publishes_changes_only_and_records_last_online() -> None:
    async def scenario() -> None:
        probe = ScriptedProbe()
        clock = iter([T0, T0.replace(minute=5)])
        monitor = ConnectivityMonitor(probe, interval=0.001, clock=lambda: next(clock))
        async with running(monitor) as states:
            probe.push(ProbeResult.ok())
            assert await states.next() == ONLINE
            assert monitor.last_online == T0

            probe.push(ProbeResult.ok(), offline(OfflineReason.TIMEOUT))
            assert await states.next() == offline_state(OfflineReason.TIMEOUT)
            # The second ONLINE was probed (the clock moved) but not published.
            assert states.seen == [ONLINE, offline_state(OfflineReason.TIMEOUT)]
            assert monitor.last_online == T0.replace(minute=5)
            assert monitor.state == offline_state(OfflineReason.TIMEOUT)

    run(scenario())


def test_a_new_offline_reason_is_a_change() -> None:
    async def scenario() -> None:
        probe = ScriptedProbe()
        async with running(ConnectivityMonitor(probe, interval=0.001)) as states:
            probe.push(offline(OfflineReason.UNREACHABLE), offline(OfflineReason.UNREACHABLE))
            probe.push(offline(OfflineReason.BAD_BODY))
            assert await states.next() == offline_state(OfflineReason.UNREACHABLE)
            assert await states.next() == offline_state(OfflineReason.BAD_BODY)
            assert probe.calls >= 3

    run(scenario())


def test_request_check_cuts_the_interval_short() -> None:
    async def scenario() -> None:
        probe = ScriptedProbe()
        monitor = ConnectivityMonitor(probe, interval=3600)
        async with running(monitor) as states:
            probe.push(ProbeResult.ok())
            assert await states.next() == ONLINE
            probe.push(offline(OfflineReason.UNREACHABLE))
            monitor.request_check()  # without this the next probe is an hour away
            assert await states.next() == offline_state(OfflineReason.UNREACHABLE)

    run(scenario())


def test_offline_interval_applies_while_offline() -> None:
    async def scenario() -> None:
        probe = ScriptedProbe()
        monitor = ConnectivityMonitor(probe, interval=3600, offline_interval=0.001)
        async with running(monitor) as states:
            probe.push(offline(OfflineReason.TIMEOUT), ProbeResult.ok())
            assert await states.next() == offline_state(OfflineReason.TIMEOUT)
            assert await states.next() == ONLINE  # an hour away if interval applied

    run(scenario())


def test_unsubscribed_callbacks_are_not_called() -> None:
    async def scenario() -> None:
        probe = ScriptedProbe()
        monitor = ConnectivityMonitor(probe, interval=0.001)
        dropped: list[ConnectivityState] = []
        unsubscribe = monitor.subscribe(dropped.append)
        unsubscribe()
        unsubscribe()  # idempotent
        async with running(monitor) as states:
            probe.push(ProbeResult.ok())
            assert await states.next() == ONLINE
        assert dropped == []

    run(scenario())


def test_a_failing_subscriber_or_probe_does_not_stop_the_monitor(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(state: ConnectivityState) -> None:
        raise RuntimeError("subscriber bug")

    async def scenario() -> None:
        probe = ScriptedProbe()
        monitor = ConnectivityMonitor(probe, interval=0.001)
        monitor.subscribe(broken)
        async with running(monitor) as states:
            probe.push(ProbeResult.ok())
            assert await states.next() == ONLINE
            probe.push(RuntimeError("probe bug"), offline(OfflineReason.TLS_ERROR))
            assert await states.next() == offline_state(OfflineReason.TLS_ERROR)

    with caplog.at_level(logging.ERROR, logger="kiosk.connectivity"):
        run(scenario())
    messages = [record.getMessage() for record in caplog.records]
    assert messages.count("connectivity subscriber raised") == 2
    assert messages.count("central probe raised") == 1


def test_without_a_central_url_the_kiosk_is_offline_not_configured() -> None:
    async def scenario() -> None:
        monitor = monitor_for(None)
        assert monitor.state == offline_state(OfflineReason.NOT_CONFIGURED)
        await asyncio.wait_for(monitor.run(), PATIENCE)  # nothing to do: returns
        assert await monitor.check_once() == offline_state(OfflineReason.NOT_CONFIGURED)
        assert monitor.last_online is None

    run(scenario())
    assert monitor_for("").state.reason is OfflineReason.NOT_CONFIGURED


def test_a_configured_url_starts_unknown_and_a_bad_one_is_refused() -> None:
    assert monitor_for("https://central.example").state.status is Connectivity.UNKNOWN
    with pytest.raises(ValueError, match="URL"):
        monitor_for("central.example")


@pytest.mark.parametrize(("interval", "offline_interval"), [(0, None), (-1, None), (1, 0)])
def test_intervals_must_be_positive(interval: float, offline_interval: float | None) -> None:
    with pytest.raises(ValueError, match="positive"):
        ConnectivityMonitor(ScriptedProbe(), interval, offline_interval=offline_interval)


@pytest.mark.parametrize(("interval", "offline_interval"), [(60, 10.0), (5, 5)])
def test_monitor_for_probes_more_often_while_offline_but_never_less(
    interval: float, offline_interval: float
) -> None:
    monitor = monitor_for("https://central.example", interval=interval)

    assert (monitor.interval, monitor.offline_interval) == (interval, offline_interval)
