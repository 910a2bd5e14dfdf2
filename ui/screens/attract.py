"""The attract screen: silent, shows what this torg offers, "touch to start"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.session_states import ScreenKind
from ui.capabilities import CAPABILITIES
from ui.screens.base import Screen, button, label
from ui.widgets.icons import IconView

# Highlight moves every few seconds; WCAG 2.2.2 wants it pausable (it is).
ROTATE_MS = 6000


class AttractScreen(Screen):
    """Shown when nobody uses the terminal. Any touch starts a session."""

    kind = ScreenKind.ATTRACT
    per_session = False

    def __init__(
        self, site_name: str, offers: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._offers = [cap for cap in CAPABILITIES if cap.key in offers] or list(CAPABILITIES)
        self._highlight = 0
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(24)

        self.welcome = label("title")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.site = label("hero")
        self.site.setText(site_name)
        self.site.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.offers_heading = label("body")
        self.offers_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.welcome)
        layout.addWidget(self.site)
        layout.addStretch(1)
        layout.addWidget(self.offers_heading)

        grid = QGridLayout()
        grid.setSpacing(16)
        self._offer_rows: list[tuple[IconView, QLabel]] = []
        for row, cap in enumerate(self._offers):
            icon = IconView(cap.key, 64)
            text = label("offer")
            grid.addWidget(icon, row, 0)
            grid.addWidget(text, row, 1)
            self._offer_rows.append((icon, text))
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(2)

        self.start_hint = label("hero")
        self.start_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.start_hint)

        controls = QHBoxLayout()
        controls.addStretch(1)
        self.pause_button = button()
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._set_paused)
        controls.addWidget(self.pause_button)
        layout.addLayout(controls)

        self._timer = QTimer(self)
        self._timer.setInterval(ROTATE_MS)
        self._timer.timeout.connect(self._rotate)
        self._timer.start()
        self.retranslate()
        self._show_highlight()

    @property
    def paused(self) -> bool:
        """Whether the moving highlight is stopped."""
        return not self._timer.isActive()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Welcome to"))
        self.offers_heading.setText(self.tr("Here you can:"))
        self.start_hint.setText(self.tr("Touch to start"))
        self.pause_button.setText(
            self.tr("Start animation")
            if self.pause_button.isChecked()
            else self.tr("Pause animation")
        )
        for cap, (_, text) in zip(self._offers, self._offer_rows, strict=True):
            text.setText(cap.translated_title())
            text.setAccessibleName(cap.translated_title())

    def _set_paused(self, paused: bool) -> None:
        if paused:
            self._timer.stop()
        else:
            self._timer.start()
        self.retranslate()

    def _rotate(self) -> None:
        self._highlight = (self._highlight + 1) % len(self._offers)
        self._show_highlight()

    def _show_highlight(self) -> None:
        for index, (_, text) in enumerate(self._offer_rows):
            text.setProperty("highlight", index == self._highlight)
            text.style().unpolish(text)
            text.style().polish(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.pause_button.geometry().contains(event.position().toPoint()):
            self.navigate.emit("language")
        super().mouseReleaseEvent(event)
