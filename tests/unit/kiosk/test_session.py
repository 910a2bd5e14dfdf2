"""The session lifecycle's rules, in virtual time."""

from __future__ import annotations

import pytest

from kiosk.session import (
    Phase,
    ResetReason,
    ScreenKind,
    SessionEvent,
    SessionLifecycle,
    SessionReset,
    SessionSettings,
    SessionStarted,
    WarningCancelled,
    WarningStarted,
)
from tests.support.clock import VirtualClock


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def events() -> list[SessionEvent]:
    return []


@pytest.fixture
def session(clock: VirtualClock, events: list[SessionEvent]) -> SessionLifecycle:
    settings = SessionSettings(
        default_idle_timeout=120,
        idle_timeouts={ScreenKind.RECEIPT: 20},
        warning_seconds=30,
    )
    lifecycle = SessionLifecycle(settings, clock)
    lifecycle.subscribe(events.append)
    return lifecycle


def test_attract_screen_never_times_out(session: SessionLifecycle, clock: VirtualClock) -> None:
    clock.advance(10_000)
    assert session.phase is Phase.IDLE


def test_idle_timeout_shows_warning_then_resets(
    session: SessionLifecycle, clock: VirtualClock, events: list[SessionEvent]
) -> None:
    session.start()
    clock.advance(119.9)
    assert session.phase is Phase.ACTIVE
    clock.advance(0.2)
    assert session.phase is Phase.WARNING
    assert events[-1] == WarningStarted(30)
    clock.advance(10)
    assert session.seconds_left() == pytest.approx(19.9)
    clock.advance(20.1)
    assert session.phase is Phase.IDLE
    assert events == [SessionStarted(), WarningStarted(30), SessionReset(ResetReason.TIMEOUT)]


def test_activity_restarts_the_idle_timer(session: SessionLifecycle, clock: VirtualClock) -> None:
    session.start()
    for _ in range(5):
        clock.advance(100)
        session.activity()
    assert session.phase is Phase.ACTIVE


def test_touch_during_warning_does_not_cancel_it(
    session: SessionLifecycle, clock: VirtualClock
) -> None:
    session.start()
    clock.advance(120)
    session.activity()
    assert session.phase is Phase.WARNING


def test_extensions_are_unlimited(
    session: SessionLifecycle, clock: VirtualClock, events: list[SessionEvent]
) -> None:
    session.start()
    for count in range(1, 26):
        clock.advance(120)
        assert session.phase is Phase.WARNING
        clock.advance(29)
        session.extend()
        assert events[-1] == WarningCancelled(count)
        assert session.phase is Phase.ACTIVE
    assert session.extensions == 25


def test_timeout_depends_on_screen_kind(session: SessionLifecycle, clock: VirtualClock) -> None:
    session.start()
    session.enter_screen(ScreenKind.RECEIPT)
    clock.advance(20)
    assert session.phase is Phase.WARNING


def test_hold_pauses_the_timer_until_released(
    session: SessionLifecycle, clock: VirtualClock
) -> None:
    session.start()
    release = session.hold()
    clock.advance(3600)
    assert session.phase is Phase.ACTIVE
    release()
    clock.advance(120)
    assert session.phase is Phase.WARNING


def test_ending_resets_and_forgets_extensions(
    session: SessionLifecycle, clock: VirtualClock, events: list[SessionEvent]
) -> None:
    session.start()
    clock.advance(120)
    session.extend()
    session.end()
    assert session.phase is Phase.IDLE
    assert session.extensions == 0
    assert events[-1] == SessionReset(ResetReason.ENDED_BY_USER)
    clock.advance(1000)  # the old timer must not fire into the next session
    assert events[-1] == SessionReset(ResetReason.ENDED_BY_USER)


def test_warning_shorter_than_wcag_minimum_is_refused() -> None:
    with pytest.raises(ValueError, match="WCAG"):
        SessionSettings(warning_seconds=10)
