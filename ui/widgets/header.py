"""The bar at the top: torg name, today's hours, online/offline, clock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.config import Period
from kiosk.schedule import ClosedKind, SiteSchedule
from ui.widgets.icons import IconView


def format_periods(periods: Sequence[Period]) -> str:
    """``10:00–15:00, 16:00–18:00`` (en dash, as Norwegian typography wants)."""
    return ", ".join(f"{p.start:%H:%M}–{p.end:%H:%M}" for p in periods)


class Header(QWidget):
    """Torg name, today's staffed and meråpent hours, connectivity as icon + text."""

    def __init__(
        self,
        site_name: str,
        schedule: SiteSchedule,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock_source = now or (lambda: datetime.now(schedule.tz))
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._schedule = schedule
        self._online: bool | None = None
        self._pending = 0
        self._dead = 0
        self._storage_problem: str | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 14, 28, 14)
        column.setSpacing(6)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setSizePolicy(policy)
        self.site_name = QLabel(site_name)
        self.site_name.setObjectName("siteName")
        self.site_name.setWordWrap(True)
        self.hours = QLabel()
        self.hours.setObjectName("hours")
        self.hours.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.connectivity_icon = IconView("", 32)
        self.connectivity = QLabel()
        self.connectivity.setObjectName("connectivity")
        top = QHBoxLayout()
        top.addWidget(self.site_name, 1)
        top.addWidget(self.clock)
        status = QHBoxLayout()
        status.setSpacing(8)
        self.waiting_icon = IconView("waiting", 32)
        self.waiting = QLabel()
        self.waiting.setObjectName("waiting")
        self.storage_icon = IconView("warning", 32)
        self.storage = QLabel()
        self.storage.setObjectName("waiting")
        status.addWidget(self.hours, 1)
        status.addWidget(self.storage_icon)
        status.addWidget(self.storage)
        status.addWidget(self.waiting_icon)
        status.addWidget(self.waiting)
        status.addSpacing(16)
        status.addWidget(self.connectivity_icon)
        status.addWidget(self.connectivity)
        column.addLayout(top)
        column.addLayout(status)
        self.refresh()

    def staffed_today(self) -> str:
        """Today's staffed periods as text, or "" when nobody is here today."""
        return format_periods(self._schedule.day(self._now().date()).staffed)

    def set_online(self, online: bool | None) -> None:
        """Show the connection to central: True, False, or None while unknown."""
        self._online = online
        self.retranslate()

    def set_waiting(self, pending: int, dead: int = 0) -> None:
        """Show how many events wait for central, and how many it refused for good.

        Refused ("dead") events need a technician, so they are said on screen too.
        """
        self._pending = pending
        self._dead = dead
        self.retranslate()

    def set_storage_problem(self, problem: str | None) -> None:
        """``"full"`` or ``"failed"`` when the terminal cannot save; None when it can."""
        self._storage_problem = problem
        self.retranslate()

    def refresh(self) -> None:
        """Re-read the time and the schedule (the main window calls this each minute)."""
        self.clock.setText(f"{self._now():%H:%M}")
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        today = self._schedule.day(self._now().date())
        if today.closed is not None:
            if today.closed.kind is ClosedKind.HOLIDAY and today.closed.holiday_name:
                text = self.tr("Closed today (%1)").replace("%1", today.closed.holiday_name)
            else:
                text = self.tr("Closed today")
        else:
            parts = []
            if today.staffed:
                parts.append(
                    self.tr("Staffed today: %1").replace("%1", format_periods(today.staffed))
                )
            else:
                parts.append(self.tr("No staffed hours today"))
            if today.meraapent:
                parts.append(
                    self.tr("Open library: %1").replace("%1", format_periods(today.meraapent))
                )
            text = " · ".join(parts)
        self.hours.setText(text)
        online = self._online
        if online is None:
            self.connectivity.setText(self.tr("Checking connection…"))
            self.connectivity_icon.set_name("")
        else:
            self.connectivity.setText(self.tr("Online") if online else self.tr("Offline"))
            self.connectivity_icon.set_name("online" if online else "offline")
        self.connectivity.setAccessibleName(self.connectivity.text())
        problem = self._storage_problem
        self.storage.setVisible(problem is not None)
        self.storage_icon.setVisible(problem is not None)
        if problem == "full":
            self.storage.setText(self.tr("Storage full: tell the staff"))
        elif problem is not None:
            self.storage.setText(self.tr("Storage fault: tell the staff"))
        self.storage.setAccessibleName(self.storage.text())
        parts = []
        if self._pending > 0:
            parts.append(self.tr("%n waiting to be sent", "", self._pending))
        if self._dead > 0:
            parts.append(self.tr("%n could not be sent: tell the staff", "", self._dead))
        self.waiting.setVisible(bool(parts))
        self.waiting_icon.setVisible(bool(parts))
        self.waiting_icon.set_name("warning" if self._dead > 0 else "waiting")
        if parts:
            self.waiting.setText(" · ".join(parts))
            self.waiting.setAccessibleName(self.waiting.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _now(self) -> datetime:
        return self._clock_source().astimezone(self._schedule.tz)
