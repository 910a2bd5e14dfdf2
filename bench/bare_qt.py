"""The floor for the start-up benchmark: a bare PySide6 window and nothing else.

Same size as the kiosk's screen (1080×1920) with one label, so Qt does the same
platform, font and backing-store work as the app's first screen. Prints
``first-paint`` (flushed) right after the window's first paint event, then exits
0: the protocol ``torgkiosk run`` follows when ``TORGKIOSK_EXIT_AFTER_FIRST_PAINT=1``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


class BareWindow(QWidget):
    """A 1080×1920 window with a label; reports its first paint once."""

    def __init__(self) -> None:
        super().__init__()
        self._painted = False
        self.resize(1080, 1920)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Velkommen til innbyggertorget. Trykk på skjermen for å starte."))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            sys.stdout.write("first-paint\n")
            sys.stdout.flush()
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    """Show the window and run until the first paint has been reported."""
    app = QApplication(sys.argv)
    window = BareWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
