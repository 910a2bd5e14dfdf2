"""The terminal's capabilities, as the home screen's tiles.

A capability that is not built yet has no screen factory and shows an honest
"coming soon" screen. A capability's issue plugs in by giving its tile a factory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.screens.base import Screen

if TYPE_CHECKING:
    from kiosk.config import KioskConfig
    from kiosk.services import KioskServices


@dataclass(frozen=True)
class ScreenContext:
    """What a capability's screen may use: the site's configuration and the core services."""

    config: KioskConfig
    services: KioskServices


ScreenFactory = Callable[[ScreenContext], Screen]


def _events_screen(context: ScreenContext) -> Screen:
    # Imported on first use: nothing of a capability loads before the first paint.
    from ui.screens.events import EventsScreen

    return EventsScreen(
        context.services.local_store, context.config.site.id, context.services.schedule.tz
    )


CONTEXT = "Capability"


@dataclass(frozen=True)
class Capability:
    """One home-screen tile: a key (as in the site config's ``offers``), texts, an icon."""

    key: str
    title: str
    summary: str
    screen: ScreenFactory | None = None

    @property
    def available(self) -> bool:
        """Whether the capability's flow exists on this terminal yet."""
        return self.screen is not None

    def translated_title(self) -> str:
        """The title in the current language."""
        return QCoreApplication.translate(CONTEXT, self.title)

    def translated_summary(self) -> str:
        """The one-line summary in the current language."""
        return QCoreApplication.translate(CONTEXT, self.summary)


CAPABILITIES: tuple[Capability, ...] = (
    Capability(
        "forms",
        str(QT_TRANSLATE_NOOP("Capability", "Form help")),
        str(QT_TRANSLATE_NOOP("Capability", "Fill in the municipality's forms, step by step")),
    ),
    Capability(
        "video",
        str(QT_TRANSLATE_NOOP("Capability", "Talk to a caseworker")),
        str(QT_TRANSLATE_NOOP("Capability", "A video call with someone from the municipality")),
    ),
    Capability(
        "lockers",
        str(QT_TRANSLATE_NOOP("Capability", "Collect reserved items")),
        str(QT_TRANSLATE_NOOP("Capability", "Pick up library books from the lockers")),
    ),
    Capability(
        "access",
        str(QT_TRANSLATE_NOOP("Capability", "Entrance / open library")),
        str(QT_TRANSLATE_NOOP("Capability", "Card and PIN for entry outside staffed hours")),
    ),
    Capability(
        "events",
        str(QT_TRANSLATE_NOOP("Capability", "What's on")),
        str(QT_TRANSLATE_NOOP("Capability", "Events and news at this torg")),
        _events_screen,
    ),
)


def capability(key: str) -> Capability:
    """The capability with ``key``."""
    return next(cap for cap in CAPABILITIES if cap.key == key)
