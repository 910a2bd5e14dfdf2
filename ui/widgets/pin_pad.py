"""A large numeric PIN pad with a masked display.

Not a text field: the on-screen keyboard and the input method stay away from it,
and the PIN never reaches any widget's text, accessible name or the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

BULLET = "\N{BLACK CIRCLE}"
MIN_BUTTON_SIZE = 80
GAP = 12

# ITU-T E.161 telephone layout (not the calculator's 7-8-9 on top).
_DIGIT_ROWS = ("123", "456", "789")

_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in "0123456789"}
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PinPad(QWidget):
    """Digits 1-9, then Delete / 0 / OK, above a display of one ● per digit.

    Signals:
        submitted(str): the PIN, on OK or Enter with ``min_length`` to
            ``max_length`` digits. The pad clears itself right after.
        changed(int): the number of digits entered, after every change.

    The digits are kept in a list of one-character strings so :meth:`clear` can
    overwrite each slot before emptying it. That removes the pad's references,
    but Python strings are immutable and cannot be wiped: the characters (interned
    one-character strings) and the string passed to ``submitted`` stay in memory
    until the interpreter reuses it. Receivers should drop the PIN as soon as
    they have passed it on.
    """

    submitted = Signal(str)
    changed = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, *, min_length: int = 4, max_length: int = 8
    ) -> None:
        """Build the pad.

        Args:
            parent: Parent widget.
            min_length: Fewest digits OK accepts.
            max_length: Most digits the pad takes; further digits are ignored.
        """
        super().__init__(parent)
        if not 1 <= min_length <= max_length:
            raise ValueError("need 1 <= min_length <= max_length")
        self._min_length = min_length
        self._max_length = max_length
        self._digits: list[str] = []

        self.setObjectName("pinPad")
        # Takes physical digit keys itself, but is no text input: no input
        # method, so no on-screen keyboard and no pre-edit buffer sees the PIN.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

        self._display = QLabel()
        self._display.setObjectName("pinDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display.setMinimumHeight(MIN_BUTTON_SIZE)
        self._display.setTextFormat(Qt.TextFormat.PlainText)
        self._display.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        grid = QGridLayout()
        grid.setHorizontalSpacing(GAP)
        grid.setVerticalSpacing(GAP)
        self._digit_buttons: list[QPushButton] = []
        for row, digits in enumerate(_DIGIT_ROWS):
            for column, digit in enumerate(digits):
                grid.addWidget(self._make_digit_button(digit), row, column)
        self._delete_button = self._make_button("pinDelete")
        self._delete_button.clicked.connect(self.delete_last)
        self._ok_button = self._make_button("pinOk")
        self._ok_button.clicked.connect(self.submit)
        grid.addWidget(self._delete_button, 3, 0)
        grid.addWidget(self._make_digit_button("0"), 3, 1)
        grid.addWidget(self._ok_button, 3, 2)

        layout = QVBoxLayout(self)
        layout.setSpacing(GAP)
        layout.addWidget(self._display)
        layout.addLayout(grid)

        self._apply_fonts()
        self._retranslate()
        self._refresh()

    # -- public API ---------------------------------------------------------

    @property
    def min_length(self) -> int:
        """Fewest digits OK accepts."""
        return self._min_length

    @property
    def max_length(self) -> int:
        """Most digits the pad takes."""
        return self._max_length

    def digit_count(self) -> int:
        """How many digits are entered (never which)."""
        return len(self._digits)

    def can_submit(self) -> bool:
        """Whether OK would submit now."""
        return self._min_length <= len(self._digits) <= self._max_length

    def press_digit(self, digit: str) -> None:
        """Add ``digit`` (``"0"``-``"9"``), unless the PIN is already ``max_length`` long."""
        if len(digit) != 1 or digit not in "0123456789":
            raise ValueError("not a single digit")
        if len(self._digits) >= self._max_length:
            return
        self._digits.append(digit)
        self._refresh()

    def delete_last(self) -> None:
        """Remove the last digit, if any."""
        if not self._digits:
            return
        self._digits[-1] = "\0"
        self._digits.pop()
        self._refresh()

    def clear(self) -> None:
        """Forget the digits: overwrite every slot, then empty the buffer."""
        had_digits = bool(self._digits)
        for index in range(len(self._digits)):
            self._digits[index] = "\0"
        self._digits.clear()
        if had_digits:
            self._refresh()

    def submit(self) -> None:
        """Emit :attr:`submitted` if the length is valid, then clear; else do nothing."""
        if not self.can_submit():
            return
        pin = "".join(self._digits)
        self.clear()
        self.submitted.emit(pin)

    # -- internals ------------------------------------------------------------

    def _make_button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setMinimumSize(MIN_BUTTON_SIZE, MIN_BUTTON_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Taps must not take focus from the pad, which handles the physical keys.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        return button

    def _make_digit_button(self, digit: str) -> QPushButton:
        button = self._make_button(f"pinDigit{digit}")
        button.setText(digit)
        button.clicked.connect(lambda: self.press_digit(digit))
        self._digit_buttons.append(button)
        return button

    def _refresh(self) -> None:
        count = len(self._digits)
        self._display.setText(BULLET * count)
        self._update_accessible_count()
        self._ok_button.setEnabled(self.can_submit())
        self._delete_button.setEnabled(count > 0)
        self.changed.emit(count)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("PIN pad"))
        self._delete_button.setText(self.tr("Delete"))
        self._delete_button.setAccessibleName(self.tr("Delete last digit"))
        self._ok_button.setText(self.tr("OK"))
        self._ok_button.setAccessibleName(self.tr("Confirm PIN code"))
        for button in self._digit_buttons:
            button.setAccessibleName(button.text())
        self._update_accessible_count()

    def _update_accessible_count(self) -> None:
        # How many digits, never which: this is what a screen reader speaks.
        count = self.tr("PIN code, %n digit(s) entered", "", len(self._digits))
        self._display.setAccessibleName(count)
        self.setAccessibleDescription(count)

    def _apply_fonts(self) -> None:
        # Relative to the pad's font, so the kiosk's text-size setting still scales it.
        base = self.font()
        button_font = QFont(base)
        button_font.setPointSizeF(base.pointSizeF() * 1.6)
        for button in (*self._digit_buttons, self._delete_button, self._ok_button):
            button.setFont(button_font)
        display_font = QFont(base)
        display_font.setPointSizeF(base.pointSizeF() * 2.2)
        display_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 130)
        self._display.setFont(display_font)

    # -- Qt overrides -------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        digit = _DIGIT_KEYS.get(Qt.Key(key))
        if digit is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.press_digit(digit)
        elif key == Qt.Key.Key_Backspace:
            self.delete_last()
        elif key in _ENTER_KEYS:
            self.submit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)
