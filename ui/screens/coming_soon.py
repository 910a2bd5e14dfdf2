"""The honest state of a capability that is not built yet: no fake flow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.session_states import ScreenKind
from ui.capabilities import Capability
from ui.screens.base import Screen, button, label
from ui.widgets.icons import IconView


class ComingSoonScreen(Screen):
    """Says plainly that a service is not here yet, and what to do instead."""

    kind = ScreenKind.INFO

    def __init__(self, capability: Capability, staffed_today: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.capability = capability
        self._staffed_today = staffed_today
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        layout.addWidget(IconView(capability.key, 128), 0, Qt.AlignmentFlag.AlignHCenter)
        self.heading = label("title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = label("body")
        self.instead = label("body")
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.instead)
        layout.addStretch(1)
        self.back = button("primary")
        self.back.clicked.connect(lambda: self.navigate.emit("home"))
        layout.addWidget(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        title = self.capability.translated_title()
        self.heading.setText(self.tr("%1: coming soon").replace("%1", title))
        self.explanation.setText(
            self.tr("This service is not available on this terminal yet. We are working on it.")
        )
        if self._staffed_today:
            self.instead.setText(
                self.tr("Staff can help you in person today: %1.").replace(
                    "%1", self._staffed_today
                )
            )
        else:
            self.instead.setText(
                self.tr("There are no staffed hours today. Please come back during staffed hours.")
            )
        self.back.setText(self.tr("Back to the start page"))
