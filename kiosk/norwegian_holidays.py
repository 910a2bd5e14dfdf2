"""Norway's public holidays (helligdager), computed: Easter-based and fixed days.

The ``holidays`` package knows the same days, but importing it costs about half
a second of a cold start that is otherwise ~0.2 s; the rule is twelve lines.
A test checks this module against the package for every year from 1980 to 2100.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> dict[date, str]:
    """The statutory public holidays of ``year`` with their Norwegian names."""
    easter = easter_sunday(year)
    moving = {
        -3: "Skjærtorsdag",
        -2: "Langfredag",
        0: "Første påskedag",
        1: "Andre påskedag",
        39: "Kristi himmelfartsdag",
        49: "Første pinsedag",
        50: "Andre pinsedag",
    }
    fixed = {
        date(year, 1, 1): "Første nyttårsdag",
        date(year, 5, 1): "Arbeidernes dag",
        date(year, 5, 17): "Grunnlovsdag",
        date(year, 12, 25): "Første juledag",
        date(year, 12, 26): "Andre juledag",
    }
    names: dict[date, list[str]] = {}
    for offset, name in moving.items():
        names.setdefault(easter + timedelta(days=offset), []).append(name)
    for day, name in fixed.items():
        names.setdefault(day, []).append(name)
    # Two holidays on one day (17 May on Whit Monday) read "Andre pinsedag; Grunnlovsdag".
    return {day: "; ".join(sorted(both)) for day, both in names.items()}
