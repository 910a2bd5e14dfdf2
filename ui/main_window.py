"""The one window: header, the current screen, the on-screen keyboard, the footer.

Per-session screens are created when first shown and destroyed on the privacy
reset; only the attract screen lives for the whole run. Capabilities plug in
through ``ui.capabilities``; tests and later issues can also ``register_screen``.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import KioskConfig
from kiosk.schedule import SiteSchedule
from kiosk.session_states import Phase, ResetReason, ScreenKind
from ui.capabilities import CAPABILITIES, Capability, ScreenContext, capability
from ui.i18n import LanguageSwitcher
from ui.screens.attract import AttractScreen
from ui.screens.base import Screen
from ui.theme import ThemeState, scale_for, stylesheet
from ui.widgets.footer import Footer
from ui.widgets.header import Header

if TYPE_CHECKING:  # what is not on the first screen loads after the first paint
    import asyncio

    from kiosk.connectivity import ConnectivityState
    from kiosk.services import KioskServices
    from ui.viewmodels.session import SessionViewModel
    from ui.widgets.onscreen_keyboard import OnScreenKeyboard
    from ui.widgets.overlays import HelpCard, IdleWarning

log = logging.getLogger(__name__)

ScreenFactory = Callable[[], Screen]
# How often the header re-reads the outbox depth (a cheap COUNT on the store's thread).
SYNC_REFRESH_MS = 5000


class MainWindow(QMainWindow):
    """The kiosk's window. ``attach`` connects it to the core once the loop runs.

    Only what the attract screen shows is built before the first paint; the
    overlays, the on-screen keyboard and the other screens come in ``attach``
    or when first shown, because everything that exists at start costs start time.

    Signals:
        screen_changed: the key of the screen now shown.
        first_painted: the window has been painted once (start-up is over).
    """

    screen_changed = Signal(str)
    first_painted = Signal()

    def __init__(
        self,
        config: KioskConfig,
        schedule: SiteSchedule,
        languages: LanguageSwitcher,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.languages = languages
        self.services: KioskServices | None = None
        self.session_vm: SessionViewModel | None = None
        # Built in attach(), after the first paint:
        self.keyboard: OnScreenKeyboard
        self.warning: IdleWarning
        self.help_card: HelpCard
        self._theme = ThemeState()
        self._painted = False
        self._current_key = "attract"
        self._factories: dict[str, ScreenFactory] = {}
        self.session_screens: dict[str, Screen] = {}
        self._tasks: set[asyncio.Future[None]] = set()
        self._session_started_at: float | None = None

        central = QWidget()
        self._central = central
        central.setObjectName("central")
        self.setCentralWidget(central)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self._column = column
        self.header = Header(config.site.name, schedule)
        self.stack = QStackedWidget()
        self.footer = Footer()
        column.addWidget(self.header)
        column.addWidget(self.stack, 1)
        column.addWidget(self.footer)
        self.footer.set_in_session(False)

        self.attract = AttractScreen(config.site.name, [o.value for o in config.site.offers])
        self.attract.navigate.connect(self._start_session)
        self.stack.addWidget(self.attract)

        self.footer.help.clicked.connect(self._open_help)
        self.footer.large_text.toggled.connect(self._toggle_large_text)
        self.footer.contrast.toggled.connect(self._toggle_contrast)
        self.footer.language.clicked.connect(lambda: self.show_screen("language"))
        self.footer.finish.clicked.connect(lambda: self.end_session(ResetReason.ENDED_BY_USER))

        self._register_builtin_screens()
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(30)
        self._restyle_timer.timeout.connect(self._apply_theme)
        self._clock = QTimer(self)
        self._clock.setInterval(20_000)
        self._clock.timeout.connect(self.header.refresh)
        self._clock.start()
        self.setWindowTitle(config.site.name)
        self._apply_theme()

    # -- wiring ---------------------------------------------------------------------------

    def attach(self, services: KioskServices) -> None:
        """Connect to the core services (after the first paint, when the loop runs)."""
        from ui.viewmodels.session import SessionViewModel
        from ui.widgets.onscreen_keyboard import OnScreenKeyboard
        from ui.widgets.overlays import HelpCard, IdleWarning

        self.keyboard = OnScreenKeyboard(default_language=self.config.session.default_language)
        self._column.insertWidget(self._column.indexOf(self.footer), self.keyboard)
        self.keyboard.set_language(self.languages.code)
        central = self._central
        self.warning = IdleWarning(central, self._seconds_left)
        self.warning.more_time.connect(self._more_time)
        self.help_card = HelpCard(central, self.header.staffed_today)
        self._activity_events = frozenset(
            {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress}
        )
        self.services = services
        self.session_vm = SessionViewModel(services.session, self)
        self.session_vm.warning_started.connect(lambda _seconds: self.warning.open())
        self.session_vm.warning_cancelled.connect(self.warning.close_warning)
        self.session_vm.reset.connect(self._privacy_reset)
        unsubscribe = services.connectivity.subscribe(self._on_connectivity)
        self.destroyed.connect(lambda: unsubscribe())
        self._on_connectivity(services.connectivity.state)
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_REFRESH_MS)
        self._sync_timer.timeout.connect(self.refresh_sync_overview)
        self._sync_timer.start()
        self.refresh_sync_overview()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def refresh_sync_overview(self) -> None:
        """Re-read how many events wait for central; the header shows it."""
        self._spawn(self._load_sync_overview())

    async def _load_sync_overview(self) -> None:
        from kiosk.local_store import LocalStoreError  # after the first paint: it loads httpx

        assert self.services is not None
        try:
            overview = await self.services.local_store.overview()
        except LocalStoreError:
            return  # logged by the store; the header keeps its last figure
        if shiboken6.isValid(self.header):
            self.header.set_waiting(overview.pending, overview.dead)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        import asyncio  # ~40 ms: not before the first paint

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def register_screen(self, key: str, factory: ScreenFactory) -> None:
        """Make ``show_screen(key)`` build a per-session screen with ``factory``."""
        self._factories[key] = factory

    # -- navigation -----------------------------------------------------------------------

    @property
    def current_key(self) -> str:
        """The key of the screen on display."""
        return self._current_key

    @property
    def current_screen(self) -> Screen:
        """The screen on display."""
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def show_screen(self, key: str) -> None:
        """Show screen ``key``, creating it for this session if needed."""
        screen = self.session_screens.get(key)
        if screen is None:
            screen = self._factories[key]()
            screen.navigate.connect(self.show_screen)
            screen.end_requested.connect(lambda: self.end_session(ResetReason.ENDED_BY_USER))
            self.session_screens[key] = screen
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        self._current_key = key
        if self.services is not None:
            self.services.session.enter_screen(screen.kind)
        log.info("screen shown", extra={"event": "screen_shown", "screen": key})
        self.screen_changed.emit(key)

    def end_session(self, reason: ResetReason) -> None:
        """Finish now; the session service calls back into ``_privacy_reset``."""
        if self.services is not None and self.services.session.phase is not Phase.IDLE:
            self.services.session.end(reason)
        else:
            self._privacy_reset(reason.value)

    def recover_from_error(self) -> None:
        """An unexpected exception happened in a screen: back to a clean attract screen."""
        self.end_session(ResetReason.ERROR)

    # -- look -----------------------------------------------------------------------------

    @property
    def theme(self) -> ThemeState:
        """Text size and contrast in force."""
        return self._theme

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._restyle_timer.start()
        super().resizeEvent(event)

    def _toggle_large_text(self, on: bool) -> None:
        self._theme = ThemeState(large_text=on, high_contrast=self._theme.high_contrast)
        self._apply_theme()
        self.footer.retranslate()

    def _toggle_contrast(self, on: bool) -> None:
        self._theme = ThemeState(large_text=self._theme.large_text, high_contrast=on)
        self._apply_theme()
        self.footer.retranslate()

    def _apply_theme(self) -> None:
        # On the central widget, not the window: the demo's dock keeps a plain look.
        size = self._central.size() if self._central.width() > 0 else self.size()
        self._central.setStyleSheet(stylesheet(self._theme, scale_for(size.width(), size.height())))
        self.footer.relayout()

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.services is not None and event.type() in self._activity_events:
            self.services.session.activity()
        return False

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return handled

    @property
    def painted(self) -> bool:
        """Whether the window has been painted at least once."""
        return self._painted

    # -- session --------------------------------------------------------------------------

    def _start_session(self) -> None:
        if self.services is None:
            return  # a touch in the first milliseconds, before the core is attached
        self.services.session.start(ScreenKind.INFO)
        self._session_started_at = time.monotonic()
        self.footer.set_in_session(True)
        self.show_screen("language")

    def _choose_language(self, code: str) -> None:
        self.languages.set_language(code)
        self.keyboard.set_language(code)
        self.show_screen("home")

    def _choose_capability(self, key: str) -> None:
        cap = capability(key)
        self.show_screen(key if cap.available else f"soon:{key}")

    def _open_help(self) -> None:
        if self.services is not None:  # the help card exists once attached
            self.help_card.open()

    def _more_time(self) -> None:
        if self.services is not None:
            self.services.session.extend()

    def _seconds_left(self) -> float | None:
        return None if self.services is None else self.services.session.seconds_left()

    def _on_connectivity(self, state: ConnectivityState) -> None:
        known = state.status.value != "unknown"
        self.header.set_online(state.online if known else None)

    def _privacy_reset(self, reason: str) -> None:
        """Destroy everything the session held and return to a default attract screen."""
        self._record_session_end(reason)
        self.warning.close_warning()
        self.help_card.hide()
        self.keyboard.reset()
        self.stack.setCurrentWidget(self.attract)
        self._current_key = "attract"
        for screen in self.session_screens.values():
            self.stack.removeWidget(screen)
            screen.hide()
            screen.deleteLater()  # destroyed, not hidden: its texts and models go with it
        self.session_screens.clear()
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        QGuiApplication.inputMethod().reset()
        self.languages.set_language(self.config.session.default_language)
        self.keyboard.set_language(self.config.session.default_language)
        for toggle in (self.footer.large_text, self.footer.contrast):
            toggle.setChecked(False)
        self._theme = ThemeState()
        self._apply_theme()
        self.footer.set_in_session(False)
        self.attract.setFocus()
        log.info("privacy reset done", extra={"event": "privacy_reset", "reason": reason})
        self.screen_changed.emit("attract")

    def _capability_screen(self, cap: Capability) -> Screen:
        assert cap.screen is not None
        assert self.services is not None  # tiles are reachable only in a session
        return cap.screen(ScreenContext(self.config, self.services))

    def _record_session_end(self, reason: str) -> None:
        """Anonymous usage statistics for the municipality: no person, no content."""
        if self.services is None or self._session_started_at is None:
            return
        payload = {
            "reason": reason,
            "language": self.languages.code,
            "seconds": round(time.monotonic() - self._session_started_at),
            "screens": sorted(key.split(":")[0] for key in self.session_screens),
        }
        self._session_started_at = None
        self._spawn(self._record("session.ended", payload))

    async def _record(self, kind: str, payload: dict[str, Any]) -> None:
        from kiosk.local_store import LocalStoreError

        assert self.services is not None
        try:
            await self.services.local_store.record(kind, self.config.site.id, payload)
        except LocalStoreError as error:
            # Logged by the store. Said on screen (text + icon) so staff notice a
            # terminal that can no longer save; what was saved before is intact.
            self.header.set_storage_problem("full" if error.disk_full else "failed")
            return
        self.header.set_storage_problem(None)
        self.refresh_sync_overview()

    def _register_builtin_screens(self) -> None:
        # Screen modules are imported when a session first needs them.
        def language() -> Screen:
            from ui.screens.language import LanguageScreen

            screen = LanguageScreen()
            screen.language_chosen.connect(self._choose_language)
            return screen

        def home() -> Screen:
            from ui.screens.home import HomeScreen

            screen = HomeScreen()
            screen.capability_chosen.connect(self._choose_capability)
            return screen

        self.register_screen("language", language)
        self.register_screen("home", home)

        def coming_soon(cap: Capability) -> Screen:
            from ui.screens.coming_soon import ComingSoonScreen

            return ComingSoonScreen(cap, self.header.staffed_today())

        for cap in CAPABILITIES:
            self.register_screen(f"soon:{cap.key}", functools.partial(coming_soon, cap))
            if cap.screen is not None:
                self.register_screen(cap.key, functools.partial(self._capability_screen, cap))
