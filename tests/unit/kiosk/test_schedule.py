"""The site schedule: holidays, closed dates, status and its next change across DST."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.config import KioskConfig, Period, parse_config
from kiosk.schedule import (
    ClosedKind,
    ClosedReason,
    OpeningKind,
    OpeningStatus,
    SiteSchedule,
)

OSLO = ZoneInfo("Europe/Oslo")
DRIVERS = {
    "card_reader": frozenset({"simulated"}),
    "door": frozenset({"simulated"}),
    "locker_bank": frozenset({"simulated"}),
    "audio_out": frozenset({"simulated"}),
}

# The demo's hours, with closed dates of its own: staffed Mon-Fri 10-15 (Thu to 18),
# meråpent every day 07-22.
HEGGEDAL = """
[site]
id = "heggedal"
name = "Heggedal innbyggertorg"

[schedule]
closed_dates = [2026-12-24, 2026-06-19]

[schedule.staffed]
monday = ["10:00-15:00"]
tuesday = ["10:00-15:00"]
wednesday = ["10:00-15:00"]
thursday = ["10:00-18:00"]
friday = ["10:00-15:00"]

[schedule.meraapent]
monday = ["07:00-22:00"]
tuesday = ["07:00-22:00"]
wednesday = ["07:00-22:00"]
thursday = ["07:00-22:00"]
friday = ["07:00-22:00"]
saturday = ["07:00-22:00"]
sunday = ["07:00-22:00"]
"""


def config(text: str) -> KioskConfig:
    loaded, problems = parse_config(text, "site.toml", known_drivers=DRIVERS)
    assert problems == []
    assert loaded is not None
    return loaded


def schedule(text: str = HEGGEDAL) -> SiteSchedule:
    return SiteSchedule.from_config(config(text))


def oslo(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO)


# -- holidays ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 1, 1), "Første nyttårsdag"),
        (date(2026, 4, 2), "Skjærtorsdag"),
        (date(2026, 4, 3), "Langfredag"),
        (date(2026, 4, 5), "Første påskedag"),  # Easter Sunday 2026
        (date(2026, 4, 6), "Andre påskedag"),
        (date(2026, 5, 1), "Arbeidernes dag"),
        (date(2026, 5, 14), "Kristi himmelfartsdag"),
        (date(2026, 5, 17), "Grunnlovsdag"),
        (date(2026, 5, 24), "Første pinsedag"),
        (date(2026, 5, 25), "Andre pinsedag"),
        (date(2026, 12, 25), "Første juledag"),
        (date(2026, 12, 26), "Andre juledag"),
    ],
)
def test_norwegian_public_holidays_2026_close_the_site_with_their_name(
    day: date, name: str
) -> None:
    result = schedule().day(day)

    assert result.closed == ClosedReason(ClosedKind.HOLIDAY, name)
    assert result.staffed == ()
    assert result.meraapent == ()


def test_ordinary_sundays_are_not_holidays() -> None:
    site = schedule()
    sunday = date(2026, 3, 8)
    assert sunday.weekday() == 6

    assert site.holiday_name(sunday) is None
    assert site.day(sunday).closed is None
    assert site.day(sunday).meraapent == (Period(time(7), time(22)),)


def test_only_the_named_holidays_close_the_site_in_a_year() -> None:
    site = schedule()
    year = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    holidays = [day for day in year if site.day(day).closed is not None]
    # 12 public holidays plus the two configured closed dates.
    assert len(holidays) == 14


def test_holidays_do_not_close_when_the_site_stays_open() -> None:
    text = HEGGEDAL.replace("[schedule]\n", "[schedule]\npublic_holidays_closed = false\n")
    site = schedule(text)
    christmas = site.day(date(2026, 12, 25))  # a Friday

    assert christmas.closed is None
    assert christmas.staffed == (Period(time(10), time(15)),)
    # The holiday is still known, for a UI that wants to mention it.
    assert site.holiday_name(date(2026, 12, 25)) == "Første juledag"


def test_holidays_of_other_years_are_looked_up_too() -> None:
    site = schedule()
    assert site.holiday_name(date(2027, 3, 28)) == "Første påskedag"  # Easter 2027
    assert site.holiday_name(date(2026, 3, 28)) is None


def test_importing_config_and_schedule_does_not_import_holidays() -> None:
    # The holidays package costs ~0.5 s to import; start-up must not pay for it.
    code = "import sys, kiosk.config, kiosk.schedule; print('holidays' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.stdout.strip() == "False"


# -- closed dates --------------------------------------------------------------------------


def test_closed_date_has_no_periods_and_says_why() -> None:
    site = schedule()
    midsummer_eve = site.day(date(2026, 6, 19))  # a Friday: staffed otherwise

    assert midsummer_eve.closed == ClosedReason(ClosedKind.CLOSED_DATE)
    assert midsummer_eve.staffed == ()
    assert midsummer_eve.meraapent == ()
    assert site.status_at(oslo(2026, 6, 19, 12, 0)) == OpeningStatus(
        OpeningKind.CLOSED, oslo(2026, 6, 20, 7, 0), ClosedReason(ClosedKind.CLOSED_DATE)
    )


def test_christmas_closes_from_eve_to_after_boxing_day() -> None:
    site = schedule()

    status = site.status_at(oslo(2026, 12, 23, 21, 0))

    assert status.kind is OpeningKind.MERAAPENT
    assert status.until == oslo(2026, 12, 23, 22, 0)
    closed = site.status_at(oslo(2026, 12, 23, 22, 0))
    assert closed.kind is OpeningKind.CLOSED
    assert closed.until == oslo(2026, 12, 27, 7, 0)  # 24th closed date, 25th and 26th holidays


# -- status and its next change ------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "kind", "until"),
    [
        (oslo(2026, 3, 10, 6, 59), OpeningKind.CLOSED, oslo(2026, 3, 10, 7, 0)),
        (oslo(2026, 3, 10, 7, 0), OpeningKind.MERAAPENT, oslo(2026, 3, 10, 10, 0)),
        (oslo(2026, 3, 10, 10, 0), OpeningKind.STAFFED, oslo(2026, 3, 10, 15, 0)),
        (oslo(2026, 3, 10, 14, 59), OpeningKind.STAFFED, oslo(2026, 3, 10, 15, 0)),
        (oslo(2026, 3, 10, 15, 0), OpeningKind.MERAAPENT, oslo(2026, 3, 10, 22, 0)),
        (oslo(2026, 3, 10, 22, 0), OpeningKind.CLOSED, oslo(2026, 3, 11, 7, 0)),
        (oslo(2026, 3, 12, 17, 0), OpeningKind.STAFFED, oslo(2026, 3, 12, 18, 0)),  # Thursday
        (oslo(2026, 3, 14, 12, 0), OpeningKind.MERAAPENT, oslo(2026, 3, 14, 22, 0)),  # Saturday
    ],
)
def test_status_and_until_through_a_day(
    moment: datetime, kind: OpeningKind, until: datetime
) -> None:
    status = schedule().status_at(moment)

    assert status.kind is kind
    assert status.until == until
    assert status.closed is None


def test_until_is_in_the_site_zone_for_a_utc_moment() -> None:
    status = schedule().status_at(datetime(2026, 3, 10, 9, 30, tzinfo=UTC))  # 10:30 in Oslo

    assert status.kind is OpeningKind.STAFFED
    assert status.until is not None
    assert status.until.tzinfo is OSLO
    assert (status.until.hour, status.until.minute) == (15, 0)


def test_until_is_none_when_nothing_changes_within_a_week() -> None:
    status = schedule('[site]\nid = "x"\nname = "Never open"\n').status_at(oslo(2026, 3, 10, 12))

    assert status == OpeningStatus(OpeningKind.CLOSED, None)


def test_round_the_clock_meraapent_has_no_change_at_midnight() -> None:
    text = '[site]\nid = "x"\nname = "N"\n[schedule.meraapent]\n' + "".join(
        f'{day} = ["00:00-24:00"]\n'
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
    )
    site = schedule(text)

    status = site.status_at(oslo(2026, 3, 10, 23, 0))  # a Tuesday

    assert status.kind is OpeningKind.MERAAPENT
    assert status.until == oslo(2026, 3, 14, 0, 0)  # runs through to Saturday


def test_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        schedule().status_at(datetime(2026, 3, 10, 12, 0))  # noqa: DTZ001 - the point of the test


# -- daylight saving time ----------------------------------------------------------------------


def test_spring_forward_night_is_one_hour_shorter() -> None:
    # 2026-03-29: clocks go from 02:00 CET to 03:00 CEST.
    site = schedule()
    saturday_late = oslo(2026, 3, 28, 23, 0)

    status = site.status_at(saturday_late)

    assert status.kind is OpeningKind.CLOSED
    assert status.until == oslo(2026, 3, 29, 7, 0)
    assert status.until.utcoffset() == timedelta(hours=2)
    assert status.until.astimezone(UTC) - saturday_late.astimezone(UTC) == timedelta(hours=7)


def test_autumn_back_night_is_one_hour_longer() -> None:
    # 2026-10-25: clocks go from 03:00 CEST back to 02:00 CET.
    site = schedule()
    saturday_late = oslo(2026, 10, 24, 23, 0)

    status = site.status_at(saturday_late)

    assert status.until == oslo(2026, 10, 25, 7, 0)
    assert status.until.utcoffset() == timedelta(hours=1)
    assert status.until.astimezone(UTC) - saturday_late.astimezone(UTC) == timedelta(hours=9)


def test_period_spanning_the_missing_hour_lasts_its_real_length() -> None:
    text = '[site]\nid = "x"\nname = "N"\n[schedule.meraapent]\nsunday = ["01:00-04:00"]\n'
    site = schedule(text)
    start = oslo(2026, 3, 29, 1, 0)

    status = site.status_at(start)

    assert status.kind is OpeningKind.MERAAPENT
    assert status.until == oslo(2026, 3, 29, 4, 0)
    assert status.until.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=2)
    # 03:30 CEST exists and is inside; it is only 1.5 real hours after 01:00 CET.
    assert site.status_at(start.astimezone(UTC) + timedelta(hours=1, minutes=30)).kind is (
        OpeningKind.MERAAPENT
    )


def test_period_spanning_the_repeated_hour_lasts_its_real_length() -> None:
    text = '[site]\nid = "x"\nname = "N"\n[schedule.meraapent]\nsunday = ["01:00-04:00"]\n'
    site = schedule(text)
    start = oslo(2026, 10, 25, 1, 0)

    # Both 02:30s (CEST, then CET) are inside the period.
    second_half_past_two = start.astimezone(UTC) + timedelta(hours=2, minutes=30)
    status = site.status_at(second_half_past_two)

    assert status.kind is OpeningKind.MERAAPENT
    assert status.until == oslo(2026, 10, 25, 4, 0)
    assert status.until.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=4)


def test_day_on_a_dst_change_keeps_wall_clock_periods() -> None:
    site = schedule()
    assert site.day(date(2026, 3, 29)).meraapent == (Period(time(7), time(22)),)
    assert site.day(date(2026, 10, 25)).meraapent == (Period(time(7), time(22)),)


def test_schedule_accepts_a_time_zone_name() -> None:
    loaded = config(HEGGEDAL)
    site = SiteSchedule(loaded.schedule, "Europe/Oslo")
    assert site.tz == OSLO
    assert site.status_at(oslo(2026, 3, 10, 12)).kind is OpeningKind.STAFFED
