"""What every screen has: a kind (for the idle timer) and live retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.session_states import ScreenKind


class Screen(QWidget):
    """Base class: subclasses build widgets in ``__init__`` and set texts in ``retranslate``.

    Signals:
        navigate: the resident asked for another screen (its key).
        end_requested: the resident wants to finish and reset the terminal.
    """

    navigate = Signal(str)
    end_requested = Signal()

    kind: ScreenKind = ScreenKind.INFO
    # Per-session screens are destroyed on reset; persistent ones (attract) stay.
    per_session = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Subclasses lay out their content on ``body``; it scrolls when large
        # text or the on-screen keyboard leaves too little room.
        self.body = QWidget()
        self.scroll_area = scrolling(self.body)
        outer.addWidget(self.scroll_area)

    def retranslate(self) -> None:
        """Set every visible text from the current translation."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def label(role: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A label styled by ``role`` (title, hero, small, body)."""
    widget = QLabel(parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def button(role: str = "", parent: QWidget | None = None) -> QPushButton:
    """A touch button; activates on release, as all QPushButtons do (WCAG 2.5.2)."""
    widget = QPushButton(parent)
    if role:
        widget.setProperty("role", role)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return widget


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """Wrap ``content`` so large text scrolls instead of overlapping.

    The on-screen keyboard also scrolls the focused field into view inside it.
    """
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content.setObjectName("screen")
    area.setWidget(content)
    return area
