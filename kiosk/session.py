"""The visitor session lifecycle: idle timers per screen kind, warning, extension, reset.

A session starts when a resident touches the attract screen and ends in a privacy
reset: on idle timeout, when the resident ends it, or after an unexpected error.
The service owns only the timing and the decisions; the UI listens and does the
destroying (widgets, models, keyboard buffers), so the rules are testable without
a display.

Timing goes through a small ``Scheduler`` port so tests can drive virtual time;
in the app it is the running asyncio loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from devices.audio_out.port import AudioOut, AudioOutError, Tone
from kiosk.session_states import Phase, ResetReason, ScreenKind

if TYPE_CHECKING:  # asyncio costs start-up time; the UI imports this module early
    import asyncio

__all__ = [
    "Phase",
    "ResetReason",
    "ScreenKind",
    "SessionEvent",
    "SessionLifecycle",
    "SessionReset",
    "SessionSettings",
    "SessionStarted",
    "WarningCancelled",
    "WarningStarted",
]

log = logging.getLogger(__name__)

#: WCAG 2.2.1 asks for at least 20 s to react to a time-out warning.
MIN_WARNING_SECONDS = 20.0
DEFAULT_IDLE_TIMEOUT = 120.0
DEFAULT_VOLUME_PERCENT = 60


@dataclass(frozen=True)
class SessionSettings:
    """Timeouts in seconds; per-kind values fall back to ``default_idle_timeout``."""

    default_idle_timeout: float = DEFAULT_IDLE_TIMEOUT
    idle_timeouts: Mapping[ScreenKind, float] | None = None
    warning_seconds: float = 30.0
    default_volume_percent: int = DEFAULT_VOLUME_PERCENT

    def __post_init__(self) -> None:
        if self.warning_seconds < MIN_WARNING_SECONDS:
            raise ValueError(f"warning_seconds must be >= {MIN_WARNING_SECONDS:g} (WCAG 2.2.1)")

    def idle_timeout(self, kind: ScreenKind) -> float:
        """The idle timeout that applies on a screen of ``kind``."""
        if self.idle_timeouts and kind in self.idle_timeouts:
            return self.idle_timeouts[kind]
        return self.default_idle_timeout


@dataclass(frozen=True)
class SessionStarted:
    """A resident started using the terminal."""


@dataclass(frozen=True)
class WarningStarted:
    """The idle timeout ran out; the reset follows in ``seconds`` unless extended."""

    seconds: float


@dataclass(frozen=True)
class WarningCancelled:
    """The resident asked for more time."""

    extensions: int


@dataclass(frozen=True)
class SessionReset:
    """The session is over: the UI must destroy everything it held for it."""

    reason: ResetReason


SessionEvent = SessionStarted | WarningStarted | WarningCancelled | SessionReset


class TimerHandle(Protocol):
    """What ``Scheduler.call_later`` returns (an ``asyncio.TimerHandle`` fits)."""

    def cancel(self) -> None:
        """Stop the callback from running."""


class Scheduler(Protocol):
    """Runs callbacks later and knows the time (an asyncio loop fits)."""

    def call_later(self, delay: float, callback: Callable[[], object]) -> TimerHandle:
        """Run ``callback`` after ``delay`` seconds."""

    def time(self) -> float:
        """Monotonic seconds."""


class SessionLifecycle:
    """Idle timer → warning with countdown → privacy reset, with unlimited extensions.

    Holds (``hold()``) pause the idle timer while something must not be cut off:
    a video call in progress, a locker door standing open.
    """

    def __init__(
        self,
        settings: SessionSettings,
        scheduler: Scheduler,
        audio: AudioOut | None = None,
    ) -> None:
        self._settings = settings
        self._scheduler = scheduler
        self._audio = audio
        self._phase = Phase.IDLE
        self._screen_kind = ScreenKind.ATTRACT
        self._timer: TimerHandle | None = None
        self._warning_deadline: float | None = None
        self._extensions = 0
        self._holds: set[object] = set()
        self._listeners: list[Callable[[SessionEvent], None]] = []
        self._background: set[asyncio.Task[None]] = set()

    @property
    def phase(self) -> Phase:
        """Where the session is now."""
        return self._phase

    @property
    def screen_kind(self) -> ScreenKind:
        """The kind of the screen on display."""
        return self._screen_kind

    @property
    def extensions(self) -> int:
        """How often the resident asked for more time in this session."""
        return self._extensions

    @property
    def settings(self) -> SessionSettings:
        """The timeouts in force."""
        return self._settings

    def seconds_left(self) -> float | None:
        """Seconds until the reset while the warning shows, else None."""
        if self._warning_deadline is None:
            return None
        return max(0.0, self._warning_deadline - self._scheduler.time())

    def subscribe(self, listener: Callable[[SessionEvent], None]) -> Callable[[], None]:
        """Call ``listener`` on every session event; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def start(self, kind: ScreenKind = ScreenKind.INFO) -> None:
        """A resident touched the attract screen."""
        if self._phase is not Phase.IDLE:
            self.activity()
            return
        self._phase = Phase.ACTIVE
        self._extensions = 0
        self._screen_kind = kind
        log.info("session started", extra={"event": "session_started"})
        self._emit(SessionStarted())
        self._arm_idle_timer()

    def enter_screen(self, kind: ScreenKind) -> None:
        """The UI showed a screen of ``kind``; its timeout applies from now."""
        self._screen_kind = kind
        if self._phase is Phase.ACTIVE:
            self._arm_idle_timer()

    def activity(self) -> None:
        """The resident touched or typed: restart the idle timer.

        During the warning only the explicit "more time" action counts, so a
        stray touch on the overlay's edge does not silently hide the countdown.
        """
        if self._phase is Phase.ACTIVE:
            self._arm_idle_timer()

    def extend(self) -> None:
        """The resident asked for more time; unlimited, as WCAG 2.2.1 allows."""
        if self._phase is not Phase.WARNING:
            return
        self._extensions += 1
        self._phase = Phase.ACTIVE
        self._warning_deadline = None
        self._emit(WarningCancelled(self._extensions))
        self._arm_idle_timer()

    def hold(self) -> Callable[[], None]:
        """Pause the idle timer until the returned release function is called."""
        token = object()
        self._holds.add(token)
        self._cancel_timer()
        if self._phase is Phase.WARNING:
            self.extend()
            self._cancel_timer()

        def release() -> None:
            self._holds.discard(token)
            if self._phase is Phase.ACTIVE and not self._holds:
                self._arm_idle_timer()

        return release

    def end(self, reason: ResetReason = ResetReason.ENDED_BY_USER) -> None:
        """End the session now (the resident said so, a task finished, or an error)."""
        self._cancel_timer()
        self._holds.clear()
        self._phase = Phase.IDLE
        self._warning_deadline = None
        self._screen_kind = ScreenKind.ATTRACT
        log.info(
            "session reset",
            extra={
                "event": "session_reset",
                "reason": reason.value,
                "extensions": self._extensions,
            },
        )
        self._extensions = 0
        self._spawn(self._restore_volume())
        self._emit(SessionReset(reason))

    def _arm_idle_timer(self) -> None:
        self._cancel_timer()
        if self._holds or self._screen_kind is ScreenKind.ATTRACT:
            return
        timeout = self._settings.idle_timeout(self._screen_kind)
        self._timer = self._scheduler.call_later(timeout, self._on_idle_timeout)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _on_idle_timeout(self) -> None:
        self._timer = None
        if self._phase is not Phase.ACTIVE or self._holds:
            return
        self._phase = Phase.WARNING
        seconds = self._settings.warning_seconds
        self._warning_deadline = self._scheduler.time() + seconds
        self._timer = self._scheduler.call_later(seconds, self._on_warning_expired)
        log.info("idle warning shown", extra={"event": "idle_warning"})
        self._spawn(self._play(Tone.WARNING))
        self._emit(WarningStarted(seconds))

    def _on_warning_expired(self) -> None:
        self._timer = None
        if self._phase is Phase.WARNING:
            self.end(ResetReason.TIMEOUT)

    def _emit(self, event: SessionEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    async def _play(self, tone: Tone) -> None:
        if self._audio is None:
            return
        try:
            await self._audio.play_tone(tone)
        except AudioOutError:
            # The overlay still shows; a broken speaker must not stop the reset.
            log.warning("tone not played", extra={"event": "audio_failed", "tone": tone.value})

    async def _restore_volume(self) -> None:
        if self._audio is None:
            return
        try:
            await self._audio.set_volume(self._settings.default_volume_percent)
        except AudioOutError:
            log.warning("volume not restored", extra={"event": "audio_failed"})

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run audio work in the background; without a running loop, skip it."""
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            coro.close()
            return
        task = loop.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
