"""Home: one large tile per capability, reflowing for portrait and landscape."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.session_states import ScreenKind
from ui.capabilities import CAPABILITIES, Capability
from ui.screens.base import Screen, label
from ui.widgets.icons import IconView


class Tile(QPushButton):
    """A capability tile: icon, title, one-line summary, and a "coming soon" badge if unbuilt."""

    def __init__(self, capability: Capability, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capability = capability
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row = QHBoxLayout(self)
        self._row = row
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        row.setContentsMargins(28, 20, 28, 20)
        row.setSpacing(24)
        self.symbol = IconView(capability.key, 72)
        row.addWidget(self.symbol)
        texts = QVBoxLayout()
        self.title = label("title")
        self.summary = label("small")
        texts.addWidget(self.title)
        texts.addWidget(self.summary)
        row.addLayout(texts, 1)
        self.badge = label("badge", wrap=False)
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.badge.setVisible(not capability.available)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        for child in (self.symbol, self.title, self.summary, self.badge):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def retranslate(self) -> None:
        """Texts and accessible name in the current language."""
        self.title.setText(self.capability.translated_title())
        self.summary.setText(self.capability.translated_summary())
        self.badge.setText(self.tr("Coming soon"))
        name = self.capability.translated_title()
        if not self.capability.available:
            name = f"{name}. {self.badge.text()}"
        self.setAccessibleName(name)
        self.setAccessibleDescription(self.capability.translated_summary())

    # A QPushButton sizes itself by its own text; this one holds a wrapping
    # layout, so its height follows the layout's height for the given width.
    def sizeHint(self) -> QSize:
        return self._row.totalSizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._row.totalMinimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._row.totalHeightForWidth(width)


class HomeScreen(Screen):
    """The resident's starting point after the language choice.

    Signals:
        capability_chosen: the key of the tile the resident touched.
    """

    kind = ScreenKind.INFO
    capability_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(28)
        self.heading = label("title")
        layout.addWidget(self.heading)
        self._grid = QGridLayout()
        self._grid.setSpacing(24)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self.tiles: dict[str, Tile] = {}
        for cap in CAPABILITIES:
            tile = Tile(cap)
            tile.clicked.connect(lambda _=False, key=cap.key: self.capability_chosen.emit(key))
            self.tiles[cap.key] = tile
        self._columns = 0
        self._reflow(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What would you like to do?"))
        for tile in self.tiles.values():
            tile.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._reflow(2 if size.width() > size.height() * 1.2 else 1)
        super().resizeEvent(event)

    def _reflow(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for index, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, index // columns, index % columns)
