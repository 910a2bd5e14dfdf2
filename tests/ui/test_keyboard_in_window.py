"""The on-screen keyboard in the real main window never covers the focused field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.session_states import ScreenKind
from ui.main_window import MainWindow
from ui.screens.base import Screen


class LongFormScreen(Screen):
    """A form whose last field sits far below the fold."""

    kind = ScreenKind.TASK

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self.body)
        for number in range(12):
            layout.addWidget(QLabel(f"Spørsmål {number + 1}"))
            layout.addSpacing(60)
        self.last_field = QLineEdit()
        layout.addWidget(self.last_field)


def _rect(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_focused_field_stays_above_the_keyboard(qtbot, window: MainWindow, size) -> None:
    window.resize(*size)
    window.register_screen("form", LongFormScreen)
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    window.show_screen("form")
    screen = window.current_screen
    assert isinstance(screen, LongFormScreen)
    qtbot.mouseClick(screen.last_field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.keyboard.is_keyboard_visible())
    qtbot.waitUntil(lambda: window.keyboard.input_locale() == "nb_NO")  # æ ø å

    def field_is_clear() -> bool:
        QApplication.sendPostedEvents()
        keyboard = _rect(window.keyboard, window)
        field = _rect(screen.last_field, window)
        viewport = _rect(screen.scroll_area.viewport(), window)
        return not field.intersects(keyboard) and viewport.contains(field)

    qtbot.waitUntil(field_is_clear)
    qtbot.mouseClick(window.footer.help, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.keyboard.is_keyboard_visible())
