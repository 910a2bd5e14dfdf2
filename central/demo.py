"""Demo municipality: Asker's eight innbyggertorg, their hours, what's on, a terminal.

Seeding is idempotent: sites and collections are replaced, and the demo terminal at
Heggedal keeps its id but gets a fresh token (the old one cannot be shown again).
Event dates are relative to the seeding day so the demo never looks stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from central import store

MUNICIPALITY = "Asker kommune"
TIMEZONE = "Europe/Oslo"
DEMO_SITE = "heggedal"
DEMO_TERMINAL_NAME = "demo-heggedal-1"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _schedule(
    staffed: str | None, long_day: str | None, meraapent: str, weekend: bool = True
) -> dict[str, Any]:
    """Staffed hours on weekdays (one long day), meråpent every day or on weekdays."""
    staffed_hours: dict[str, list[str]] = {}
    if staffed:
        staffed_hours = {day: [staffed] for day in WEEKDAYS[:5]}
        if long_day:
            staffed_hours["thursday"] = [long_day]
    open_days = WEEKDAYS if weekend else WEEKDAYS[:5]
    return {
        "timezone": TIMEZONE,
        "public_holidays_closed": True,
        "closed_dates": [],
        "staffed": staffed_hours,
        "meraapent": {day: [meraapent] for day in open_days},
    }


@dataclass(frozen=True)
class DemoSite:
    id: str
    name: str
    schedule: dict[str, Any]


STAFFED, LONG_DAY, MERAAPENT = "10:00-15:00", "10:00-18:00", "07:00-22:00"

SITES = (
    DemoSite("tofte", "Tofte innbyggertorg", _schedule(STAFFED, None, MERAAPENT)),
    DemoSite("saetre", "Sætre innbyggertorg", _schedule(STAFFED, LONG_DAY, MERAAPENT)),
    DemoSite("spikkestad", "Spikkestad innbyggertorg", _schedule(None, None, MERAAPENT)),
    DemoSite(
        "holmen", "Holmen innbyggertorg", _schedule("12:00-16:00", None, "08:00-21:00", False)
    ),
    DemoSite(
        "slemmestad", "Slemmestad innbyggertorg", _schedule(STAFFED, "10:00-19:00", MERAAPENT)
    ),
    # Same hours as the kiosk's demo config (kiosk/demo/site.toml).
    DemoSite("heggedal", "Heggedal innbyggertorg", _schedule(STAFFED, LONG_DAY, MERAAPENT)),
    DemoSite("borgen", "Borgen innbyggertorg", _schedule(STAFFED, None, "08:00-22:00")),
    DemoSite(
        "asker-sentrum",
        "Asker sentrum innbyggertorg",
        _schedule("09:00-16:00", "09:00-19:00", "07:00-23:00"),
    ),
)

# (title, days from today, start time, place); every site gets three.
_EVENT_TEMPLATES = (
    ("Språkkafé", 1, time(17, 0), "Biblioteket"),
    ("Digital hjelp: BankID og Helsenorge", 3, time(11, 0), "Innbyggertorget"),
    ("Eventyrstund for de minste", 6, time(10, 30), "Barneavdelingen"),
)


def demo_events(today: date) -> list[dict[str, Any]]:
    zone = ZoneInfo(TIMEZONE)
    items = []
    for site in SITES:
        for index, (title, days, start, place) in enumerate(_EVENT_TEMPLATES):
            starts = datetime.combine(today + timedelta(days=days), start, tzinfo=zone)
            items.append(
                {
                    "id": f"{site.id}-{index + 1}",
                    "site_id": site.id,
                    "title": title,
                    "starts_at": starts.isoformat(),
                    "place": place,
                }
            )
    return items


def demo_notices() -> list[dict[str, Any]]:
    return [
        {
            "id": "winter-hours",
            "site_id": None,
            "title": "Endrede åpningstider i romjulen",
            "body": "Innbyggertorgene er stengt julaften og nyttårsaften.",
        },
        {
            "id": "heggedal-lift",
            "site_id": "heggedal",
            "title": "Heisen er ute av drift",
            "body": "Spør personalet om hjelp til 2. etasje.",
        },
    ]


# Fictional residents whose cards match the kiosk demo's simulated cards
# (kiosk/demo/site.toml); "04000000" is deliberately unknown to central.
# (id, name, birth year, blocked, ((uid, label), ...))
DEMO_PEOPLE: tuple[tuple[str, str, int, bool, tuple[tuple[str, str], ...]], ...] = (
    ("p-kari", "Kari Nordmann", 1951, False, (("04A1B2C3", "lånekort"),)),
    ("p-ola", "Ola Nordmann", 2013, False, (("04D4E5F6", "lånekort"),)),
    ("p-aisha", "Aisha Rahman", 1988, False, (("0411223344556F", "bankkort"),)),
    ("p-sperret", "Per Sperre", 1979, True, (("04DEADBE", "lånekort"),)),
)


@dataclass(frozen=True)
class DemoTerminal:
    terminal_id: str
    site_id: str
    token: str


def seed(engine: Engine, now: datetime) -> DemoTerminal:
    """Write the demo municipality; returns the demo terminal with a fresh token."""
    with engine.begin() as conn:
        for site in SITES:
            store.put_site(
                conn,
                site.id,
                name=site.name,
                municipality=MUNICIPALITY,
                schedule=site.schedule,
                now=now,
            )
        today = now.astimezone(ZoneInfo(TIMEZONE)).date()
        store.put_collection(conn, "events", demo_events(today), now=now)
        store.put_collection(conn, "notices", demo_notices(), now=now)
        for person_id, name, born, blocked, person_cards in DEMO_PEOPLE:
            store.put_person(
                conn,
                person_id,
                display_name=name,
                birth_year=born,
                blocked=blocked,
                cards_=person_cards,
                now=now,
            )
        existing = store.terminal_by_name(conn, DEMO_SITE, DEMO_TERMINAL_NAME)
        if existing is not None:
            token = store.rotate_terminal_token(conn, existing.id)
            return DemoTerminal(existing.id, DEMO_SITE, token)
        created = store.create_terminal(conn, site_id=DEMO_SITE, name=DEMO_TERMINAL_NAME, now=now)
        return DemoTerminal(created.terminal_id, DEMO_SITE, created.token)
