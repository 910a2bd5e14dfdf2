"""The session lifecycle as Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.session import (
    SessionEvent,
    SessionLifecycle,
    SessionReset,
    SessionStarted,
    WarningCancelled,
    WarningStarted,
)


class SessionViewModel(QObject):
    """Turns ``SessionLifecycle`` events into signals for the main window.

    Signals:
        started: a session began.
        warning_started: the idle countdown began (seconds until reset).
        warning_cancelled: the resident asked for more time.
        reset: the session ended (the reason's value); destroy everything it held.
    """

    started = Signal()
    warning_started = Signal(float)
    warning_cancelled = Signal()
    reset = Signal(str)

    def __init__(self, lifecycle: SessionLifecycle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lifecycle = lifecycle
        self._unsubscribe = lifecycle.subscribe(self._on_event)
        self.destroyed.connect(lambda: self._unsubscribe())

    def _on_event(self, event: SessionEvent) -> None:
        match event:
            case SessionStarted():
                self.started.emit()
            case WarningStarted(seconds=seconds):
                self.warning_started.emit(seconds)
            case WarningCancelled():
                self.warning_cancelled.emit()
            case SessionReset(reason=reason):
                self.reset.emit(reason.value)
