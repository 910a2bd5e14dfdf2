"""Shown instead of a traceback when the terminal cannot run (e.g. a broken config)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.session_states import ScreenKind
from ui.screens.base import Screen, label


class OutOfServiceScreen(Screen):
    """A calm "out of service" notice; the reason goes to the log, not the screen."""

    kind = ScreenKind.ATTRACT
    per_session = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(64, 64, 64, 64)
        layout.addStretch(1)
        self.heading = label("hero")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = label("body")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The second language is fixed: when the terminal is broken nobody chose one.
        self.english = label("small")
        self.english.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.english.setText("Out of service. Please ask the staff or try again later.")
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addSpacing(32)
        layout.addWidget(self.english)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Out of service"))
        self.explanation.setText(
            self.tr(
                "This terminal is not working right now. The fault has been logged for the"
                " technician. Please ask the staff, or try again later."
            )
        )
