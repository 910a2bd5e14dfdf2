"""Simple line icons drawn with QPainter, so they need no font or image files.

Each icon differs in shape, never only in colour (WCAG 1.4.1).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QWidget

Draw = Callable[[QPainter, float], None]


def _document(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(0.22 * s, 0.1 * s, 0.56 * s, 0.8 * s), 0.05 * s, 0.05 * s)
    for i in range(4):
        y = (0.3 + 0.14 * i) * s
        p.drawLine(QPointF(0.32 * s, y), QPointF(0.68 * s, y))


def _camera(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(0.1 * s, 0.3 * s, 0.55 * s, 0.4 * s), 0.06 * s, 0.06 * s)
    p.drawPolygon(
        [
            QPointF(0.65 * s, 0.45 * s),
            QPointF(0.9 * s, 0.32 * s),
            QPointF(0.9 * s, 0.68 * s),
            QPointF(0.65 * s, 0.55 * s),
        ]
    )


def _lockers(p: QPainter, s: float) -> None:
    for row in range(3):
        for col in range(2):
            x, y = (0.2 + 0.32 * col) * s, (0.1 + 0.27 * row) * s
            p.drawRect(QRectF(x, y, 0.28 * s, 0.23 * s))
            p.drawPoint(QPointF(x + 0.22 * s, y + 0.115 * s))


def _door(p: QPainter, s: float) -> None:
    p.drawRect(QRectF(0.25 * s, 0.08 * s, 0.5 * s, 0.84 * s))
    p.drawEllipse(QPointF(0.64 * s, 0.52 * s), 0.04 * s, 0.04 * s)


def _calendar(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(0.12 * s, 0.2 * s, 0.76 * s, 0.68 * s), 0.05 * s, 0.05 * s)
    p.drawLine(QPointF(0.12 * s, 0.38 * s), QPointF(0.88 * s, 0.38 * s))
    for x in (0.32, 0.68):
        p.drawLine(QPointF(x * s, 0.1 * s), QPointF(x * s, 0.28 * s))
    for row in range(2):
        for col in range(3):
            p.drawPoint(QPointF((0.3 + 0.2 * col) * s, (0.52 + 0.18 * row) * s))


def _online(p: QPainter, s: float) -> None:
    p.drawEllipse(QRectF(0.12 * s, 0.12 * s, 0.76 * s, 0.76 * s))
    p.drawPolyline(
        [QPointF(0.3 * s, 0.52 * s), QPointF(0.45 * s, 0.67 * s), QPointF(0.72 * s, 0.36 * s)]
    )


def _offline(p: QPainter, s: float) -> None:
    p.drawEllipse(QRectF(0.12 * s, 0.12 * s, 0.76 * s, 0.76 * s))
    p.drawLine(QPointF(0.34 * s, 0.34 * s), QPointF(0.66 * s, 0.66 * s))
    p.drawLine(QPointF(0.66 * s, 0.34 * s), QPointF(0.34 * s, 0.66 * s))


def _waiting(p: QPainter, s: float) -> None:
    # An out-tray with an arrow: events waiting to be sent.
    p.drawPolyline(
        [
            QPointF(0.12 * s, 0.55 * s),
            QPointF(0.12 * s, 0.85 * s),
            QPointF(0.88 * s, 0.85 * s),
            QPointF(0.88 * s, 0.55 * s),
        ]
    )
    p.drawLine(QPointF(0.5 * s, 0.65 * s), QPointF(0.5 * s, 0.12 * s))
    p.drawPolyline(
        [QPointF(0.32 * s, 0.3 * s), QPointF(0.5 * s, 0.12 * s), QPointF(0.68 * s, 0.3 * s)]
    )


def _warning(p: QPainter, s: float) -> None:
    p.drawPolygon(
        [QPointF(0.5 * s, 0.1 * s), QPointF(0.92 * s, 0.88 * s), QPointF(0.08 * s, 0.88 * s)]
    )
    p.drawLine(QPointF(0.5 * s, 0.38 * s), QPointF(0.5 * s, 0.62 * s))
    p.drawPoint(QPointF(0.5 * s, 0.76 * s))


ICONS: dict[str, Draw] = {
    "forms": _document,
    "video": _camera,
    "lockers": _lockers,
    "access": _door,
    "events": _calendar,
    "online": _online,
    "offline": _offline,
    "waiting": _waiting,
    "warning": _warning,
}


def pixmap(name: str, size: int, color: str) -> QPixmap:
    """Draw icon ``name`` at ``size`` pixels in ``color``."""
    image = QPixmap(size, size)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), max(2.0, size / 14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    ICONS[name](painter, float(size))
    painter.end()
    return image


def icon(name: str, size: int, color: str) -> QIcon:
    """``pixmap`` as a QIcon, for buttons."""
    return QIcon(pixmap(name, size, color))


class IconView(QWidget):
    """An icon that takes its colour from the text colour of the style in force.

    So it turns yellow-on-black in high contrast along with the text beside it.
    """

    def __init__(self, name: str, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setFixedSize(size, size)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_name(self, name: str) -> None:
        """Show another icon."""
        if name != self.name:
            self.name = name
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.name:
            return
        painter = QPainter(self)
        color = self.palette().color(QPalette.ColorRole.WindowText)
        painter.drawPixmap(0, 0, pixmap(self.name, self.width(), color.name()))
        painter.end()
