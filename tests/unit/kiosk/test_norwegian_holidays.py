"""Our holiday rule agrees with the ``holidays`` package, year by year."""

from __future__ import annotations

from datetime import date

import pytest
from holidays.countries.norway import Norway

from kiosk.norwegian_holidays import easter_sunday, public_holidays


def test_easter_dates_known_from_the_almanac() -> None:
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2038) == date(2038, 4, 25)


@pytest.mark.parametrize("year", range(1980, 2101))
def test_matches_the_holidays_package(year: int) -> None:
    reference = Norway(years=year, language="no", include_sundays=False)
    assert public_holidays(year) == {day: str(name) for day, name in reference.items()}
