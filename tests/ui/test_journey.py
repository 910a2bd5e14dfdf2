"""A resident's journey through the real main window, with time simulated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from devices.audio_out.port import Tone
from kiosk.services import KioskServices
from kiosk.session import Phase
from tests.support.clock import VirtualClock
from ui.capabilities import CAPABILITIES
from ui.main_window import MainWindow
from ui.screens.coming_soon import ComingSoonScreen
from ui.screens.home import HomeScreen
from ui.screens.language import LanguageScreen


def _start(qtbot, window: MainWindow, language: str = "nb") -> None:
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    screen = window.current_screen
    assert isinstance(screen, LanguageScreen)
    qtbot.mouseClick(screen.buttons[language], Qt.MouseButton.LeftButton)
    assert window.current_key == "home"


def test_touch_starts_a_session_with_the_language_choice(qtbot, window: MainWindow) -> None:
    assert window.current_key == "attract"
    assert window.footer.help.isVisible()
    for personal in (window.footer.finish, window.footer.large_text, window.footer.contrast):
        assert not personal.isVisible()
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    assert window.current_key == "language"
    screen = window.current_screen
    assert isinstance(screen, LanguageScreen)
    assert [b.text() for b in screen.buttons.values()] == [
        "Norsk bokmål",
        "Norsk nynorsk",
        "English",
    ]
    assert window.footer.finish.isVisible()
    assert window.footer.large_text.isVisible()


def test_choosing_english_translates_home_at_once(qtbot, window: MainWindow) -> None:
    _start(qtbot, window, "en")
    home = window.current_screen
    assert isinstance(home, HomeScreen)
    assert home.heading.text() == "What would you like to do?"
    assert window.footer.help.text() == "Need help?"


def test_language_holds_until_reset_and_switches_the_visible_screen(
    qtbot, window: MainWindow
) -> None:
    _start(qtbot, window, "en")
    qtbot.mouseClick(window.footer.language, Qt.MouseButton.LeftButton)
    screen = window.current_screen
    assert isinstance(screen, LanguageScreen)
    qtbot.mouseClick(screen.buttons["nn"], Qt.MouseButton.LeftButton)
    assert window.footer.help.text() == "Treng du hjelp?"
    qtbot.mouseClick(window.footer.language, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.current_screen.buttons["nb"], Qt.MouseButton.LeftButton)
    assert window.footer.help.text() == "Trenger du hjelp?"


@pytest.mark.parametrize("key", [cap.key for cap in CAPABILITIES if not cap.available])
def test_every_unbuilt_tile_says_coming_soon_and_leads_back(
    qtbot, window: MainWindow, key: str
) -> None:
    _start(qtbot, window, "en")
    home = window.current_screen
    assert isinstance(home, HomeScreen)
    tile = home.tiles[key]
    assert tile.badge.isVisible()
    assert tile.badge.text() == "Coming soon"
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    soon = window.current_screen
    assert isinstance(soon, ComingSoonScreen)
    assert soon.heading.text() == f"{tile.capability.translated_title()}: coming soon"
    assert "10:00–15:00" in soon.instead.text() or "no staffed hours" in soon.instead.text()
    qtbot.mouseClick(soon.back, Qt.MouseButton.LeftButton)
    assert window.current_key == "home"


def test_idle_warning_extend_then_reset(
    qtbot, window: MainWindow, services: KioskServices, clock: VirtualClock
) -> None:
    audio = services.devices.simulators.audio_out
    _start(qtbot, window, "en")
    window.footer.large_text.click()
    info_timeout = services.session.settings.idle_timeout(window.current_screen.kind)

    clock.advance(info_timeout)
    assert window.warning.isVisible()
    assert window.warning.button.text() == "I need more time"
    assert int(window.warning.countdown.text()) >= 20
    qtbot.waitUntil(lambda: (Tone.WARNING, audio.volume()) in audio.played)

    qtbot.mouseClick(window.warning.button, Qt.MouseButton.LeftButton)
    assert not window.warning.isVisible()
    assert services.session.phase is Phase.ACTIVE
    assert window.current_key == "home"

    clock.advance(info_timeout)
    assert window.warning.isVisible()
    clock.advance(services.session.settings.warning_seconds)
    assert window.current_key == "attract"
    assert not window.warning.isVisible()
    assert window.footer.help.text() == "Trenger du hjelp?"  # back to the default language
    assert not window.footer.large_text.isChecked()
    assert not window.theme.large_text
    qtbot.waitUntil(lambda: audio.volume() == services.session.settings.default_volume_percent)


def test_finish_resets_at_once(qtbot, window: MainWindow) -> None:
    _start(qtbot, window, "en")
    window.footer.contrast.click()
    qtbot.mouseClick(window.footer.finish, Qt.MouseButton.LeftButton)
    assert window.current_key == "attract"
    assert not window.theme.high_contrast
    assert window.session_screens == {}


def test_help_is_in_the_same_place_on_every_screen(qtbot, window: MainWindow) -> None:
    def where() -> tuple[int, int, int, int]:
        rect = window.footer.help.geometry()
        top_left = window.footer.help.mapTo(window, rect.topLeft() - rect.topLeft())
        return (top_left.x(), top_left.y(), rect.width(), rect.height())

    on_attract = where()
    _start(qtbot, window, "nb")
    assert where() == on_attract
    qtbot.mouseClick(window.current_screen.tiles["forms"], Qt.MouseButton.LeftButton)
    assert where() == on_attract
    qtbot.mouseClick(window.footer.help, Qt.MouseButton.LeftButton)
    assert window.help_card.isVisible()
    assert "10:00–15:00" in window.help_card.people.text() or window.help_card.people.text()


def test_attract_is_silent_and_its_movement_can_be_paused(
    qtbot, window: MainWindow, services: KioskServices
) -> None:
    attract = window.attract
    assert not attract.paused
    assert attract.start_hint.text() == "Trykk for å starte"
    qtbot.mouseClick(attract.pause_button, Qt.MouseButton.LeftButton)
    assert attract.paused
    assert attract.pause_button.text() == "Start animasjonen"
    assert window.current_key == "attract"  # pausing is not a touch to start
    assert services.devices.simulators.audio_out.played == []  # silent
