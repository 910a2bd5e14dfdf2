"""After a session times out, nothing the resident typed is findable anywhere."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout

from kiosk.services import KioskServices
from kiosk.session import ScreenKind
from tests.support.clock import VirtualClock
from tests.support.privacy import places_holding
from ui.main_window import MainWindow
from ui.screens.base import Screen

SECRET = "Ærlighetsvarer-Blåbærsyltetøy-7731"


class NoteScreen(Screen):
    """A per-session task screen with a text field and a model, as capabilities will have."""

    kind = ScreenKind.TASK

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self.body)
        self.field = QLineEdit()
        self.field.setObjectName("noteField")
        self.model = QStringListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        self.field.returnPressed.connect(self._remember)

    def _remember(self) -> None:
        self.model.setStringList([*self.model.stringList(), self.field.text()])


def test_typed_text_is_gone_after_timeout(
    qtbot, window: MainWindow, services: KioskServices, clock: VirtualClock
) -> None:
    window.register_screen("note", NoteScreen)
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.current_screen.buttons["en"], Qt.MouseButton.LeftButton)
    window.show_screen("note")
    screen = window.current_screen
    assert isinstance(screen, NoteScreen)
    screen.field.setFocus()
    qtbot.waitUntil(lambda: window.keyboard.is_keyboard_visible())
    qtbot.keyClicks(screen.field, SECRET)
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    QGuiApplication.clipboard().setText(SECRET)
    assert places_holding(SECRET)  # the search finds it while the session lives

    destroyed: list[bool] = []
    screen.destroyed.connect(lambda: destroyed.append(True))
    clock.advance(services.session.settings.idle_timeout(ScreenKind.TASK))
    assert window.warning.isVisible()
    clock.advance(services.session.settings.warning_seconds)
    del screen
    qtbot.waitUntil(lambda: destroyed == [True])  # destroyed, not merely hidden

    assert window.current_key == "attract"
    assert not window.keyboard.is_keyboard_visible()
    buffers = {
        "keyboard pre-edit": window.keyboard.preedit_text(),
        "keyboard surrounding text": window.keyboard.surrounding_text(),
    }
    assert places_holding(SECRET, extra_buffers=buffers) == []
    assert window.findChildren(NoteScreen) == []
