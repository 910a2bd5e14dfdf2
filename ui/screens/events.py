"""Hva skjer: the torg's coming events, from central's cache, honest about its age."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.local_store import CachedContent, LocalStore, LocalStoreError
from kiosk.session_states import ScreenKind
from ui.screens.base import Screen, button, label


def _starts_at(item: Mapping[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(item.get("starts_at", "")))
    except ValueError:
        return None


class EventsScreen(Screen):
    """Coming events at this site, soonest first, with "last updated" from the cache."""

    kind = ScreenKind.INFO

    def __init__(
        self,
        store: LocalStore,
        site_id: str,
        tz: tzinfo,
        now: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._site_id = site_id
        self._tz = tz
        self._now = now
        self._content: CachedContent | None = None
        self._failed = False
        self._loaded = False
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(20)
        self.heading = label("title")
        self.updated = label("small")
        layout.addWidget(self.heading)
        layout.addWidget(self.updated)
        self._list = QVBoxLayout()
        self._list.setSpacing(16)
        layout.addLayout(self._list)
        self.empty = label("body")
        layout.addWidget(self.empty)
        layout.addStretch(1)
        self.back = button("primary")
        self.back.clicked.connect(lambda: self.navigate.emit("home"))
        layout.addWidget(self.back)
        self.entries: list[QFrame] = []
        self.retranslate()
        self._task = asyncio.ensure_future(self._load(store))

    @property
    def loaded(self) -> bool:
        """Whether the cache has been read (successfully or not)."""
        return self._loaded

    async def _load(self, store: LocalStore) -> None:
        try:
            content = await store.collection("events")
        except LocalStoreError:
            content, failed = None, True
        else:
            failed = False
        if not shiboken6.isValid(self):
            return  # the session ended while the database was read
        self._content, self._failed, self._loaded = content, failed, True
        self._show_items()
        self.retranslate()

    def _items(self) -> list[tuple[datetime, Mapping[str, Any]]]:
        if self._content is None:
            return []
        now = self._now or datetime.now(self._tz)
        found = []
        for item in self._content.items:
            starts = _starts_at(item)
            site = item.get("site_id")
            if starts is None or site not in (None, self._site_id) or starts < now:
                continue
            found.append((starts.astimezone(self._tz), item))
        return sorted(found, key=lambda pair: pair[0])

    def _show_items(self) -> None:
        for entry in self.entries:
            entry.deleteLater()
        self.entries = []
        for starts, item in self._items():
            entry = QFrame()
            entry.setObjectName("overlayCard")
            column = QVBoxLayout(entry)
            when = label("small")
            when.setProperty("starts_at", starts.isoformat())
            title = label("tile")
            title.setText(str(item.get("title", "")))
            place = label("body")
            place.setText(str(item.get("place", "")))
            for widget in (when, title, place):
                column.addWidget(widget)
            self._list.addWidget(entry)
            self.entries.append(entry)

    def retranslate(self) -> None:
        locale = QLocale()
        self.heading.setText(self.tr("What's on"))
        for entry in self.entries:
            when = entry.findChildren(type(self.heading))[0]
            starts = datetime.fromisoformat(str(when.property("starts_at")))
            day = locale.toString(QDate(starts.year, starts.month, starts.day), "dddd d. MMMM")
            when.setText(f"{day} {starts:%H:%M}")
        if not self._loaded:
            self.updated.setText("")
            self.empty.setText(self.tr("Loading…"))
        elif self._content is None:
            self.updated.setText("")
            self.empty.setText(
                self.tr(
                    "Nothing has been downloaded yet. The list appears when the terminal is online."
                )
                if not self._failed
                else self.tr("The list cannot be shown right now. Please ask the staff.")
            )
        else:
            fetched = self._content.fetched_at.astimezone(self._tz)
            today = (self._now or datetime.now(self._tz)).date()
            stamp = f"{fetched:%H:%M}" if fetched.date() == today else f"{fetched:%d.%m. %H:%M}"
            self.updated.setText(self.tr("Last updated %1").replace("%1", stamp))
            self.empty.setText("" if self.entries else self.tr("No events are planned right now."))
        self.back.setText(self.tr("Back to the start page"))
