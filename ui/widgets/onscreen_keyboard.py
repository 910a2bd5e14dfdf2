"""The on-screen keyboard: Qt Virtual Keyboard embedded in the main window's layout.

The keyboard sits in a slot of the window's vertical layout (between the screen
area and the footer), so showing it shrinks the screen area instead of covering
it; the nearest ``QScrollArea`` then scrolls the focused field into view.

Qt Quick is expensive (150-240 ms of start-up, ~100 MiB), so the ``QQuickWidget``
is only created on the first focus of a text field, and ``PySide6.QtQuickWidgets``
is only imported then. The process must run with ``QT_IM_MODULE=qtvirtualkeyboard``
and ``QT_VIRTUALKEYBOARD_DESKTOP_DISABLE=1`` set before the ``QApplication``
exists (see :func:`configure_environment`).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    SIGNAL,
    QEvent,
    QMetaObject,
    QObject,
    Qt,
    QTimer,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickItem
    from PySide6.QtQuickWidgets import QQuickWidget

_log = logging.getLogger(__name__)

QML_PATH = Path(__file__).resolve().parent.parent / "qml" / "keyboard.qml"

DEFAULT_LANGUAGE = "nb"

# Session language -> compiled-in Qt VKB layout. There is no Nynorsk, Somali
# or Tigrinya layout; Norwegian is the fallback because what people type here
# (names, addresses) is mostly Norwegian.
_LOCALES = {
    "nb": "nb_NO",
    "nn": "nb_NO",
    "en": "en_GB",
    "pl": "pl_PL",
    "uk": "uk_UA",
    "ar": "ar_AR",
}
_FALLBACK_LOCALE = "nb_NO"

# Height/width of the default style (keyboardDesignHeight / keyboardDesignWidth),
# used until the panel reports its real implicit height.
_DEFAULT_ASPECT = 800 / 2560

_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit)

# Room kept between a revealed field and the edge of its scroll area, in pixels.
_REVEAL_MARGIN = 8


def configure_environment(environ: MutableMapping[str, str] | None = None) -> None:
    """Select Qt Virtual Keyboard as the input method, embedded in our window.

    Call before the ``QApplication`` is created. Values already set win, so a
    technician can still override them.
    """
    env = os.environ if environ is None else environ
    env.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    env.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")


def locale_for_language(code: str) -> str:
    """Map a session language code (``"nb"``, ``"en"``, ...) to a keyboard layout."""
    return _LOCALES.get(code.lower(), _FALLBACK_LOCALE)


def is_editable_text_input(widget: QObject | None) -> bool:
    """Whether ``widget`` is a text field the on-screen keyboard should serve."""
    if not isinstance(widget, _TEXT_INPUTS):
        return False
    return not widget.isReadOnly()


class OnScreenKeyboard(QWidget):
    """The keyboard slot of the main window.

    Hidden (and taking no space) until an editable text field in the same window
    gets focus; hidden again when focus moves to any other widget or the user
    closes the panel with its hide key. Only one may exist at a time: Qt Virtual
    Keyboard supports a single ``InputPanel`` per application.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        default_language: str = DEFAULT_LANGUAGE,
        max_height_fraction: float = 0.4,
    ) -> None:
        """Create the slot; the keyboard itself comes on the first text focus.

        Args:
            parent: The widget holding the slot (normally the window's central widget).
            default_language: Language whose layout :meth:`reset` returns to.
            max_height_fraction: Upper bound of the keyboard's height as a share of
                the window height. On landscape screens the keyboard is narrowed
                (and centred) to stay below it, leaving room for the form.
        """
        super().__init__(parent)
        self._default_locale = locale_for_language(default_language)
        self._locale = self._default_locale
        self._max_height_fraction = max_height_fraction
        self._view: QQuickWidget | None = None
        self._root: QQuickItem | None = None
        self._load_failed = False
        self._field: QWidget | None = None
        self._watched_scroll_areas: list[QScrollArea] = []
        self._scrubbing = False
        self._syncing = False

        self.setObjectName("onScreenKeyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)
        self.hide()

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)

    # -- public API ---------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch to the layout of session language ``code`` (``"nb"``, ``"nn"``, ``"en"``...)."""
        self._locale = locale_for_language(code)
        if self._root is not None:
            self._root.setProperty("kioskLocale", self._locale)

    def reset(self) -> None:
        """Privacy reset: drop every trace of the last user's typing, hide, default layout.

        ``QInputMethod.reset()`` drops the pre-edit buffer. Qt VKB also keeps a
        copy of the last focused field's whole text (``InputContext.surroundingText``)
        even after that field is destroyed, and neither ``reset()`` nor
        ``InputContext.clear()`` touches it; only a focus change to another
        input-method field refreshes it. So focus passes through an empty,
        throw-away field. If that does not clear it (the window is not active,
        so focus cannot move), the Qt Quick view is destroyed and created anew
        on the next text focus.
        """
        QGuiApplication.inputMethod().reset()
        self._locale = self._default_locale
        self._hide_panel()
        if self._root is None:
            return
        self._scrub_surrounding_text()
        root = self._root
        root.setProperty("kioskLocale", self._locale)
        QMetaObject.invokeMethod(root, "privacyReset")
        if self.surrounding_text() or self.preedit_text():
            _log.info("on-screen keyboard kept input text after reset; recreating it")
            self._destroy_view()

    def is_keyboard_created(self) -> bool:
        """Whether the Qt Quick keyboard exists (it is created lazily)."""
        return self._view is not None

    def is_keyboard_visible(self) -> bool:
        """Whether the keyboard is shown in the window."""
        return self._view is not None and self.isVisible()

    def panel_active(self) -> bool:
        """``InputPanel.active``: whether Qt VKB wants the keyboard shown."""
        root = self._root
        return root is not None and shiboken6.isValid(root) and bool(root.property("active"))

    def input_locale(self) -> str:
        """The layout in use (``InputContext.locale``), e.g. ``"nb_NO"``; empty if not created."""
        return "" if self._root is None else str(self._root.property("inputLocale"))

    def preedit_text(self) -> str:
        """Qt VKB's uncommitted text. For tests and privacy checks; never log it."""
        return "" if self._root is None else str(self._root.property("preeditText"))

    def surrounding_text(self) -> str:
        """Qt VKB's copy of the focused field's text. For tests only; never log it."""
        return "" if self._root is None else str(self._root.property("surroundingText"))

    # -- focus tracking -----------------------------------------------------

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Runs on every focus change in the app: keep the common path cheap.
        if new is None or self._scrubbing:
            return  # focus left the application or we are moving it ourselves
        if is_editable_text_input(new) and new.window() is self.window():
            self._show_for(new)
        elif self._view is not None:
            self._hide_panel()

    def _show_for(self, field: QWidget) -> None:
        if self._view is None and not self._create_view():
            return
        self._set_field(field)
        self._sync_geometry()
        self.show()
        # Qt asks the input method to show itself only on a mouse click;
        # focus by Tab or setFocus() needs this.
        QGuiApplication.inputMethod().show()
        # The layout settles in a posted event; reveal the field after it.
        QTimer.singleShot(0, self, self._reveal_field)

    def _hide_panel(self) -> None:
        self._set_field(None)
        if self.isVisible():
            self.hide()
        if self._view is not None:
            QGuiApplication.inputMethod().hide()

    def _on_active_changed(self) -> None:
        # The panel's own hide key, or a tap on the already focused field.
        if self._scrubbing or not shiboken6.isValid(self):
            return
        if self.panel_active():
            focus = QApplication.focusWidget()
            if (
                focus is not None
                and is_editable_text_input(focus)
                and focus.window() is self.window()
                and not self.isVisible()
            ):
                self._show_for(focus)
        elif self.isVisible():
            self.hide()

    # -- keeping the field in view ------------------------------------------

    def _set_field(self, field: QWidget | None) -> None:
        for area in self._watched_scroll_areas:
            if shiboken6.isValid(area):
                area.viewport().removeEventFilter(self)
        self._watched_scroll_areas = []
        self._field = field
        if field is None:
            return
        parent = field.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                self._watched_scroll_areas.append(parent)
                parent.viewport().installEventFilter(self)
            parent = parent.parentWidget()

    def _reveal_field(self) -> None:
        field = self._field
        if field is None or not shiboken6.isValid(field) or not self.isVisible():
            return
        # Innermost first: each outer area then sees the inner one already scrolled.
        # Not ensureWidgetVisible(): for a focused widget it only brings the
        # text cursor into view, leaving the rest of the field cut off.
        for area in self._watched_scroll_areas:
            content = area.widget()
            if not shiboken6.isValid(area) or content is None:
                continue
            centre = field.mapTo(content, field.rect().center())
            area.ensureVisible(
                centre.x(),
                centre.y(),
                field.width() // 2 + _REVEAL_MARGIN,
                field.height() // 2 + _REVEAL_MARGIN,
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed only on the viewports of the focused field's scroll areas.
        if event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._reveal_field)
        return False

    # -- the Qt Quick view ----------------------------------------------------

    def _create_view(self) -> bool:
        if self._load_failed:
            return False
        started = time.perf_counter()
        # Imported here: Qt Quick costs start-up time only when first needed.
        from PySide6.QtQuickWidgets import QQuickWidget

        view = QQuickWidget(self)
        view.setObjectName("onScreenKeyboardView")
        # Keys are tapped, never focused: focus must stay in the text field.
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        view.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        # Deadlock guard: Qt's QML loader thread logs while loading the keyboard
        # (Qt Multimedia's start-up, a QML property-cache warning) and the main
        # thread waits for it inside setSource() without releasing the GIL. A
        # Python message handler (a logging bridge, pytest-qt) would then wait
        # for the GIL forever. Qt's own handler prints those lines meanwhile.
        previous_handler = qInstallMessageHandler(None)
        try:
            view.setSource(QUrl.fromLocalFile(str(QML_PATH)))
        finally:
            qInstallMessageHandler(previous_handler)
        root = view.rootObject()
        if view.status() != QQuickWidget.Status.Ready or root is None:
            errors = "; ".join(error.toString() for error in view.errors())
            _log.error("on-screen keyboard failed to load: %s", errors)
            view.deleteLater()
            self._load_failed = True
            return False
        self._view = view
        self._root = root
        root.setProperty("kioskLocale", self._locale)
        root.implicitHeightChanged.connect(self._sync_geometry)
        # A QML-declared property: its notifier is only known by signature.
        QObject.connect(root, SIGNAL("activeChanged()"), self._on_active_changed)
        self._apply_background(root)
        view.show()
        _log.debug("on-screen keyboard created in %.0f ms", (time.perf_counter() - started) * 1e3)
        return True

    def _destroy_view(self) -> None:
        view, self._view, self._root = self._view, None, None
        if view is not None:
            view.hide()
            view.setParent(None)
            view.deleteLater()

    def _apply_background(self, root: QQuickItem) -> None:
        # Shown beside the keyboard when it is narrowed on landscape screens.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, root.property("backgroundColor"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def _sync_geometry(self) -> None:
        """Give the view the keyboard's natural size for the available width."""
        view, root = self._view, self._root
        if view is None or root is None or self._syncing:
            return
        self._syncing = True
        try:
            available = self.width() if self.isVisible() else self.window().width()
            window_height = self.window().height()
            cap = round(window_height * self._max_height_fraction / _DEFAULT_ASPECT)
            width = max(1, min(available, cap) if window_height > 0 else available)
            if view.width() != width:
                # The root follows synchronously and reports its new implicit height.
                view.resize(width, max(1, view.height()))
            implicit = float(root.property("implicitHeight") or 0.0)
            height = round(implicit) if implicit > 0 else round(width * _DEFAULT_ASPECT)
            view.setGeometry((max(available, width) - width) // 2, 0, width, height)
            if self.height() != height:
                self.setFixedHeight(height)
        finally:
            self._syncing = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._sync_geometry()

    # -- privacy --------------------------------------------------------------

    def _scrub_surrounding_text(self) -> None:
        window = self.window()
        if not window.isVisible():
            return
        previous = QApplication.focusWidget()
        scrubber = QLineEdit(window)
        scrubber.setGeometry(0, 0, 0, 0)
        scrubber.show()
        self._scrubbing = True
        try:
            scrubber.setFocus(Qt.FocusReason.OtherFocusReason)
            if (
                previous is not None
                and shiboken6.isValid(previous)
                and previous is not scrubber
                and not is_editable_text_input(previous)
            ):
                previous.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                # Never hand focus back to the last user's field.
                scrubber.clearFocus()
            QGuiApplication.inputMethod().hide()
        finally:
            self._scrubbing = False
            scrubber.hide()
            scrubber.setParent(None)
            scrubber.deleteLater()
