"""The header tells today's hours from the site schedule, in the resident's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.config import KioskConfig
from kiosk.schedule import SiteSchedule
from ui.i18n import LanguageSwitcher
from ui.widgets.header import Header

OSLO = ZoneInfo("Europe/Oslo")


def _header(qtbot, config: KioskConfig, moment: datetime) -> Header:
    header = Header(config.site.name, SiteSchedule.from_config(config), now=lambda: moment)
    qtbot.addWidget(header)
    return header


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "Betjent i dag: 10:00–15:00 · Meråpent: 07:00–22:00"),
        ("en", "Staffed today: 10:00–15:00 · Open library: 07:00–22:00"),
    ],
)
def test_an_ordinary_monday(qtbot, demo_config, languages: LanguageSwitcher, language, expected):
    languages.set_language(language)
    header = _header(qtbot, demo_config, datetime(2026, 11, 23, 9, 30, tzinfo=OSLO))
    assert header.hours.text() == expected
    assert header.clock.text() == "09:30"
    assert header.site_name.text() == "Heggedal innbyggertorg"


def test_a_public_holiday_is_closed_with_its_name(qtbot, demo_config, languages) -> None:
    languages.set_language("nb")
    header = _header(qtbot, demo_config, datetime(2026, 12, 25, 12, 0, tzinfo=OSLO))
    assert header.hours.text() == "Stengt i dag (Første juledag)"
    assert header.staffed_today() == ""


def test_connectivity_is_text_and_icon(qtbot, demo_config, languages) -> None:
    languages.set_language("nb")
    header = _header(qtbot, demo_config, datetime(2026, 11, 23, 9, 30, tzinfo=OSLO))
    header.set_online(False)
    assert header.connectivity.text() == "Frakoblet"
    assert header.connectivity_icon.name == "offline"  # a crossed circle
    header.set_online(True)
    assert header.connectivity.text() == "Tilkoblet"
    assert header.connectivity_icon.name == "online"  # a ticked circle: shape, not colour


def test_events_waiting_are_counted_in_words_and_shown_with_an_icon(qtbot, demo_config, languages):
    languages.set_language("nb")
    header = _header(qtbot, demo_config, datetime(2026, 11, 23, 9, 30, tzinfo=OSLO))
    header.show()
    header.set_waiting(0)
    assert not header.waiting.isVisible()
    header.set_waiting(3)
    assert header.waiting.isVisible()
    assert header.waiting_icon.isVisible()
    assert header.waiting.text() == "3 venter på å bli sendt"
    header.set_waiting(1)
    assert header.waiting.text() == "1 venter på å bli sendt"


def test_events_central_refused_are_said_for_the_staff(qtbot, demo_config, languages) -> None:
    languages.set_language("nb")
    header = _header(qtbot, demo_config, datetime(2026, 11, 23, 9, 30, tzinfo=OSLO))
    header.show()
    header.set_waiting(2, dead=1)
    assert (
        header.waiting.text()
        == "2 venter på å bli sendt · 1 kunne ikke sendes – si fra til de ansatte"
    )
    assert header.waiting_icon.name == "warning"
