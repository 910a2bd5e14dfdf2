"""The site's opening calendar: staffed and meråpent hours, holidays, closed dates.

Answers two questions for the UI and the door: what does a given day look like,
and what is the site right now and until when. All instants are aware datetimes;
periods are local wall-clock times in the site's zone, so a 07:00 opening stays
07:00 across the DST changes, and durations are computed in UTC.

Public holidays come from ``kiosk.norwegian_holidays`` (checked against the
``holidays`` package in the tests, which costs half a second to import).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from kiosk.config.model import KioskConfig, Period, ScheduleConfig, Weekday
from kiosk.norwegian_holidays import public_holidays

#: How far ahead ``OpeningStatus.until`` looks for the next change.
LOOKAHEAD = timedelta(days=7)


class ClosedKind(enum.StrEnum):
    """Why a whole day is closed."""

    HOLIDAY = "holiday"  # a Norwegian public holiday (when the site closes on them)
    CLOSED_DATE = "closed_date"  # listed in ``schedule.closed_dates``


@dataclass(frozen=True)
class ClosedReason:
    """Why a day is closed; ``holiday_name`` is the Norwegian name of a holiday."""

    kind: ClosedKind
    holiday_name: str | None = None


@dataclass(frozen=True)
class DaySchedule:
    """One local date: its periods, or why it is closed (then both are empty)."""

    date: date
    staffed: tuple[Period, ...]
    meraapent: tuple[Period, ...]
    closed: ClosedReason | None = None


class OpeningKind(enum.StrEnum):
    """What the site is at a moment. Staffed wins where both kinds overlap."""

    STAFFED = "staffed"
    MERAAPENT = "meraapent"
    CLOSED = "closed"


@dataclass(frozen=True)
class OpeningStatus:
    """The site's state at a moment.

    Attributes:
        kind: Staffed, meråpent or closed.
        until: When ``kind`` next changes, in the site's zone; None when it does not
            change within ``LOOKAHEAD``.
        closed: When the moment's local day is a holiday or closed date, why.
    """

    kind: OpeningKind
    until: datetime | None
    closed: ClosedReason | None = None


class SiteSchedule:
    """The opening calendar of one site.

    Args:
        schedule: The validated ``[schedule]`` section.
        tz: The site's time zone (``config.site.tzinfo``) or its IANA name.
    """

    def __init__(self, schedule: ScheduleConfig, tz: tzinfo | str) -> None:
        self._schedule = schedule
        self._tz = ZoneInfo(tz) if isinstance(tz, str) else tz
        self._holidays_by_year: dict[int, Mapping[date, str]] = {}

    @classmethod
    def from_config(cls, config: KioskConfig) -> SiteSchedule:
        """The schedule of a loaded site configuration."""
        return cls(config.schedule, config.site.tzinfo)

    @property
    def tz(self) -> tzinfo:
        """The site's time zone."""
        return self._tz

    def holiday_name(self, day: date) -> str | None:
        """The Norwegian name of the public holiday on ``day``, if it is one.

        Only the named holidays count: ordinary Sundays are not holidays here.
        """
        year = day.year
        if year not in self._holidays_by_year:
            self._holidays_by_year[year] = _norwegian_holidays(year)
        return self._holidays_by_year[year].get(day)

    def day(self, day: date) -> DaySchedule:
        """The periods of a local date, or why it is closed."""
        closed = self._closed_reason(day)
        if closed is not None:
            return DaySchedule(day, (), (), closed)
        weekday = Weekday(day.weekday())
        return DaySchedule(
            day, self._schedule.staffed[weekday], self._schedule.meraapent[weekday], None
        )

    def status_at(self, moment: datetime) -> OpeningStatus:
        """What the site is at ``moment`` and until when.

        Raises:
            ValueError: ``moment`` is naive; a naive time is ambiguous around DST.
        """
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("status_at needs an aware datetime")
        now = moment.astimezone(UTC)
        first_day = moment.astimezone(self._tz).date()
        staffed: list[tuple[datetime, datetime]] = []
        meraapent: list[tuple[datetime, datetime]] = []
        for offset in range(LOOKAHEAD.days + 1):
            schedule = self.day(first_day + timedelta(days=offset))
            staffed.extend(self._instants(schedule.date, period) for period in schedule.staffed)
            meraapent.extend(self._instants(schedule.date, period) for period in schedule.meraapent)

        def kind_at(instant: datetime) -> OpeningKind:
            if any(start <= instant < end for start, end in staffed):
                return OpeningKind.STAFFED
            if any(start <= instant < end for start, end in meraapent):
                return OpeningKind.MERAAPENT
            return OpeningKind.CLOSED

        current = kind_at(now)
        horizon = now + LOOKAHEAD
        edges = sorted(
            {edge for span in (*staffed, *meraapent) for edge in span if now < edge <= horizon}
        )
        until = next((edge for edge in edges if kind_at(edge) != current), None)
        return OpeningStatus(
            kind=current,
            until=until.astimezone(self._tz) if until is not None else None,
            closed=self._closed_reason(first_day),
        )

    def _closed_reason(self, day: date) -> ClosedReason | None:
        if self._schedule.public_holidays_closed:
            name = self.holiday_name(day)
            if name is not None:
                return ClosedReason(ClosedKind.HOLIDAY, name)
        if day in self._schedule.closed_dates:
            return ClosedReason(ClosedKind.CLOSED_DATE)
        return None

    def _instants(self, day: date, period: Period) -> tuple[datetime, datetime]:
        """A local period on ``day`` as UTC instants (UTC compares across offsets)."""
        start = datetime.combine(day, period.start, tzinfo=self._tz)
        if period.runs_to_midnight:
            end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=self._tz)
        else:
            end = datetime.combine(day, period.end, tzinfo=self._tz)
        return start.astimezone(UTC), end.astimezone(UTC)


def _norwegian_holidays(year: int) -> Mapping[date, str]:
    return public_holidays(year)
