"""Language choice, each language named in itself. The choice holds until reset."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.session_states import ScreenKind
from ui.i18n import LANGUAGES
from ui.screens.base import Screen, button, label


class LanguageScreen(Screen):
    """Big buttons with native language names (never flags alone).

    Signals:
        language_chosen: the language code the resident picked.
    """

    kind = ScreenKind.INFO
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        # Before a choice nobody knows which language the reader has: ask in all.
        self.heading = label("title")
        self.heading.setText("Velg språk · Vel språk · Choose language")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        layout.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for language in LANGUAGES:
            choice = button("choice")
            # Native names are deliberately not translated: each is written in itself.
            choice.setText(language.native_name)
            choice.setAccessibleName(language.native_name)
            choice.clicked.connect(
                lambda _=False, code=language.code: self.language_chosen.emit(code)
            )
            layout.addWidget(choice)
            self.buttons[language.code] = choice
        layout.addStretch(2)
