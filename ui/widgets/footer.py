"""The bar at the bottom of every screen: help, text size, contrast, language, finish.

"Need help?" sits in the same place on every screen (WCAG 3.2.6 consistent help).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QPushButton, QSizePolicy, QWidget


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
        self._grid = QGridLayout(self)
        # The footer must not force the window wider: it rearranges itself instead.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._grid.setContentsMargins(24, 12, 24, 12)
        self._grid.setSpacing(16)
        self.help = _footer_button("helpButton")
        self.large_text = _footer_button("largeTextButton", checkable=True)
        self.contrast = _footer_button("contrastButton", checkable=True)
        self.language = _footer_button("languageButton")
        self.finish = _footer_button("finishButton")
        self._rows = 0
        self._arrange(1)
        self.retranslate()

    def _arrange(self, rows: int) -> None:
        """One row when it fits; else help + finish above the display toggles.

        "Need help?" keeps the same place (first, bottom-left corner area) either way.
        """
        if rows == self._rows:
            return
        self._rows = rows
        for widget in (self.help, self.large_text, self.contrast, self.language, self.finish):
            self._grid.removeWidget(widget)
        if rows == 1:
            self._grid.addWidget(self.help, 0, 0)
            for column, widget in enumerate((self.large_text, self.contrast, self.language), 2):
                self._grid.addWidget(widget, 0, column)
            self._grid.addWidget(self.finish, 0, 5)
            self._grid.setColumnStretch(1, 1)
        else:
            self._grid.addWidget(self.help, 0, 0, 1, 2)
            self._grid.addWidget(self.finish, 0, 2)
            for column, widget in enumerate((self.large_text, self.contrast, self.language)):
                self._grid.addWidget(widget, 1, column)
            self._grid.setColumnStretch(1, 0)

    def relayout(self) -> None:
        """Pick one or two rows for the current width and text size."""
        buttons = (self.help, self.large_text, self.contrast, self.language, self.finish)
        needed = sum(b.sizeHint().width() for b in buttons if not b.isHidden()) + 16 * 6
        self._arrange(1 if needed <= self.width() else 2)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def sizeHint(self) -> QSize:
        # Height for the arrangement in force; the width is the window's business.
        return QSize(320, self._grid.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_in_session(self, in_session: bool) -> None:
        """Only help shows on the attract screen; the rest belongs to someone's session.

        A text size or contrast chosen with nobody's session running would
        outlive the resident who chose it, since only a session ends in a reset.
        """
        for widget in (self.large_text, self.contrast, self.language, self.finish):
            widget.setVisible(in_session)
        self.relayout()

    def retranslate(self) -> None:
        """Set texts; toggles say their state in words, not only by look (A24)."""
        self.help.setText(self.tr("Need help?"))
        self.large_text.setText(self.tr("Large text"))
        self.large_text.setAccessibleName(
            self.tr("Large text: on") if self.large_text.isChecked() else self.tr("Large text: off")
        )
        self.contrast.setText(self.tr("High contrast"))
        self.contrast.setAccessibleName(
            self.tr("High contrast: on")
            if self.contrast.isChecked()
            else self.tr("High contrast: off")
        )
        self.language.setText(self.tr("Language"))
        self.finish.setText(self.tr("Finish"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
