"""The bar at the bottom of every screen: help, text size, contrast, language, finish.

"Need help?" sits in the same place on every screen (WCAG 3.2.6 consistent help).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def _footer_button(name: str, checkable: bool = False) -> QPushButton:
    widget = QPushButton()
    widget.setObjectName(name)
    widget.setCheckable(checkable)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return widget


class Footer(QWidget):
    """Buttons only; the main window connects them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(16)
        self.help = _footer_button("helpButton")
        self.large_text = _footer_button("largeTextButton", checkable=True)
        self.contrast = _footer_button("contrastButton", checkable=True)
        self.language = _footer_button("languageButton")
        self.finish = _footer_button("finishButton")
        row.addWidget(self.help)
        row.addStretch(1)
        for widget in (self.large_text, self.contrast, self.language, self.finish):
            row.addWidget(widget)
        self.retranslate()

    def set_in_session(self, in_session: bool) -> None:
        """Language and finish make sense only once someone is using the terminal."""
        self.language.setVisible(in_session)
        self.finish.setVisible(in_session)

    def retranslate(self) -> None:
        """Set texts; toggles say their state in words, not only by look (A24)."""
        self.help.setText(self.tr("Need help?"))
        self.large_text.setText(self.tr("Large text"))
        self.large_text.setAccessibleName(
            self.tr("Large text: on") if self.large_text.isChecked() else self.tr("Large text: off")
        )
        self.contrast.setText(self.tr("High contrast"))
        self.contrast.setAccessibleName(
            self.tr("High contrast: on") if self.contrast.isChecked() else self.tr("High contrast: off")
        )
        self.language.setText(self.tr("Language"))
        self.finish.setText(self.tr("Finish"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
