"""Layout in portrait and landscape, large text, and screenshots for review."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.paths import ARTIFACTS
from ui.main_window import MainWindow
from ui.screens.home import HomeScreen
from ui.screens.language import LanguageScreen

PORTRAIT = (1080, 1920)
LANDSCAPE = (1920, 1080)


def _rect_in_window(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _flush_layouts() -> None:
    """Run the posted style and layout requests, as the event loop would before painting."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _settle(qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    qtbot.waitUntil(lambda: not window._restyle_timer.isActive())
    _flush_layouts()


def _go_home(qtbot, window: MainWindow, language: str = "nb") -> HomeScreen:
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    screen = window.current_screen
    assert isinstance(screen, LanguageScreen)
    qtbot.mouseClick(screen.buttons[language], Qt.MouseButton.LeftButton)
    home = window.current_screen
    assert isinstance(home, HomeScreen)
    return home


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_home_tiles_fit_without_overlap(qtbot, window: MainWindow, size, large: bool) -> None:
    home = _go_home(qtbot, window)
    if large:
        window.footer.large_text.click()
    _settle(qtbot, window, size)
    _flush_layouts()
    qtbot.waitUntil(lambda: all(t.isVisible() for t in home.tiles.values()))
    viewport = home.scroll_area.viewport()
    for key, tile in home.tiles.items():
        # Large text may need scrolling; every tile must come fully into view.
        home.scroll_area.ensureWidgetVisible(tile, 0, 0)
        _flush_layouts()
        visible = _rect_in_window(viewport, window)
        assert visible.contains(_rect_in_window(tile, window)), f"{key} tile cannot be seen whole"
    home.scroll_area.verticalScrollBar().setValue(0)
    _flush_layouts()
    rects = {key: _rect_in_window(tile, window) for key, tile in home.tiles.items()}
    for key, rect in rects.items():
        assert rect.height() >= 88 * min(size) / 1080, f"{key} tile is too small to touch"
        assert rect.width() <= window.width()
        title = home.tiles[key].title
        assert title.width() >= QFontMetrics(title.font()).horizontalAdvance(
            title.text().split()[0]
        )
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        assert not ra.intersects(rb), f"{a} and {b} overlap"
    columns = {rect.x() for rect in rects.values()}
    assert len(columns) == (2 if size == LANDSCAPE else 1)


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_large_text_has_cap_height_of_25px_at_1080p(qtbot, window: MainWindow, size) -> None:
    home = _go_home(qtbot, window)
    _settle(qtbot, window, size)
    window.footer.large_text.click()
    body = home.tiles["forms"].summary  # the smallest text a resident must read
    qtbot.waitUntil(lambda: QFontMetrics(body.font()).capHeight() >= 25)
    window.footer.large_text.click()
    qtbot.waitUntil(lambda: QFontMetrics(body.font()).capHeight() < 25)


def test_text_scales_with_the_window(qtbot, window: MainWindow) -> None:
    home = _go_home(qtbot, window)
    _settle(qtbot, window, PORTRAIT)
    full = home.heading.font().pixelSize()
    _settle(qtbot, window, (540, 960))
    assert home.heading.font().pixelSize() == pytest.approx(full / 2, abs=1)


def _screens(qtbot, window: MainWindow, language: str):
    """Yield (name, action) for every screen, in the order a resident meets them."""
    yield "attract", lambda: None
    yield "language", lambda: qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    yield (
        "home",
        lambda: qtbot.mouseClick(
            window.current_screen.buttons[language], Qt.MouseButton.LeftButton
        ),
    )
    yield (
        "coming_soon",
        lambda: qtbot.mouseClick(window.current_screen.tiles["lockers"], Qt.MouseButton.LeftButton),
    )
    yield "help", lambda: qtbot.mouseClick(window.footer.help, Qt.MouseButton.LeftButton)
    yield "idle_warning", lambda: (window.help_card.hide(), window.warning.open())


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_screenshot_every_screen(qtbot, window: MainWindow, language, large, size) -> None:
    """Writes PNGs to artifacts/screens/ for review; asserts each one shows something."""
    folder = ARTIFACTS / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    _settle(qtbot, window, size)
    orientation = "portrait" if size == PORTRAIT else "landscape"
    for name, action in _screens(qtbot, window, language):
        action()
        if name == "home" and large:
            window.footer.large_text.click()
        qtbot.waitUntil(lambda: not window._restyle_timer.isActive())
        _flush_layouts()
        image = window.grab().toImage()
        text = "large" if large else "normal"
        path = folder / f"{name}_{language}_{text}_{orientation}.png"
        assert image.save(str(path))
        assert image.width() == size[0]
        colours = {image.pixel(x, y) for x in range(0, size[0], 97) for y in range(0, size[1], 89)}
        assert len(colours) > 2, f"{path.name} looks blank"


def test_high_contrast_turns_the_screen_dark_with_light_text(qtbot, window: MainWindow) -> None:
    home = _go_home(qtbot, window)
    _settle(qtbot, window, PORTRAIT)
    window.footer.contrast.click()
    _flush_layouts()
    image = window.grab().toImage()
    (ARTIFACTS / "screens").mkdir(parents=True, exist_ok=True)
    assert image.save(str(ARTIFACTS / "screens" / "home_nb_contrast_portrait.png"))
    corner = home.body.mapTo(window, home.body.rect().bottomRight()) - QPoint(20, 20)
    assert image.pixelColor(corner).lightness() < 20  # black background
    assert home.heading.palette().color(home.heading.foregroundRole()).lightness() > 230
    assert window.footer.contrast.accessibleName() == "Høy kontrast: på"  # state in words (A24)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_screenshot_out_of_service(qtbot, languages, language: str) -> None:
    from PySide6.QtWidgets import QMainWindow

    from ui.screens.out_of_service import OutOfServiceScreen
    from ui.theme import ThemeState, stylesheet

    languages.set_language(language)
    window = QMainWindow()
    qtbot.addWidget(window)
    screen = OutOfServiceScreen()
    window.setCentralWidget(screen)
    window.setStyleSheet(stylesheet(ThemeState(), 1.0))
    window.resize(*PORTRAIT)
    window.show()
    _flush_layouts()
    expected = {"nb": "Ute av drift", "en": "Out of service"}[language]
    assert screen.heading.text() == expected
    (ARTIFACTS / "screens").mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "screens" / f"out_of_service_{language}.png"))
