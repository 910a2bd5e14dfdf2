"""Overlays over the whole window: the idle warning and the help card."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class Overlay(QWidget):
    """Covers its parent and blocks touches to what is underneath."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("overlayCard")
        self.content = QVBoxLayout(self.card)
        self.content.setContentsMargins(40, 40, 40, 40)
        self.content.setSpacing(24)
        outer.addWidget(self.card)
        outer.addStretch(1)
        self.hide()
        parent.installEventFilter(self)

    def open(self) -> None:
        """Show over everything else."""
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set texts in the current language."""


def _text(role: str) -> QLabel:
    widget = QLabel()
    widget.setProperty("role", role)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


class IdleWarning(Overlay):
    """ "Are you still there?" with a countdown and one large "I need more time" button.

    Signals:
        more_time: the resident asked for more time.
    """

    more_time = Signal()

    def __init__(self, parent: QWidget, seconds_left: Callable[[], float | None]) -> None:
        super().__init__(parent)
        self._seconds_left = seconds_left
        self.heading = _text("title")
        self.countdown = _text("")
        self.countdown.setObjectName("countdown")
        self.explanation = _text("body")
        self.button = QPushButton()
        self.button.setProperty("role", "primary")
        self.button.setMinimumHeight(140)
        self.button.clicked.connect(self.more_time.emit)
        for widget in (self.heading, self.countdown, self.explanation, self.button):
            self.content.addWidget(widget)
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._tick)
        self.retranslate()

    def open(self) -> None:
        """Show the warning and start counting down."""
        super().open()
        self._tick()
        # Named once, not per tick, so assistive tech does not repeat it every second.
        self.setAccessibleName(self.announce())
        self._ticker.start()
        self.button.setFocus()

    def close_warning(self) -> None:
        """Hide the warning (more time given, or the reset happened)."""
        self._ticker.stop()
        self.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Are you still there?"))
        self.button.setText(self.tr("I need more time"))
        self._tick()

    def _tick(self) -> None:
        left = self._seconds_left()
        seconds = 0 if left is None else math.ceil(left)
        self.countdown.setText(str(seconds))
        self.explanation.setText(
            self.tr(
                "The screen will start over in %n second(s), and what you entered will be deleted.",
                "",
                seconds,
            )
        )

    def announce(self) -> str:
        """What a screen reader should say once when the warning opens."""
        return f"{self.heading.text()} {self.explanation.text()}"


class HelpCard(Overlay):
    """How to use the terminal and where to get a person's help."""

    def __init__(self, parent: QWidget, staffed_today: Callable[[], str]) -> None:
        super().__init__(parent)
        self._staffed_today = staffed_today
        self.heading = _text("title")
        self.tips = _text("body")
        self.tips.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.people = _text("body")
        self.people.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.close_button = QPushButton()
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self.hide)
        for widget in (self.heading, self.tips, self.people, self.close_button):
            self.content.addWidget(widget)
        self.retranslate()

    def open(self) -> None:
        """Show help with today's staffed hours."""
        self.retranslate()
        super().open()
        self.close_button.setFocus()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Need help?"))
        self.tips.setText(
            self.tr(
                "Touch a large button to choose. You can make the text larger and change the "
                'contrast at the bottom of the screen. "Finish" deletes everything you entered.'
            )
        )
        hours = self._staffed_today()
        self.people.setText(
            self.tr("Staff are here today: %1.").replace("%1", hours)
            if hours
            else self.tr("There are no staffed hours today.")
        )
        self.close_button.setText(self.tr("Close"))
