"""Languages: which ones ship, and switching between them at run time.

Source strings in the code are English; every shipped language, English too,
has a ``.ts`` file in ``ui/translations`` that ``make`` compiles to ``.qm``.
Installing a new translator makes Qt send ``LanguageChange`` to every widget,
and each screen retranslates itself, so the visible screen changes at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).parent / "translations"


@dataclass(frozen=True)
class Language:
    """A shipped language: its code, its name in itself, and its Qt locale."""

    code: str
    native_name: str
    locale: str


LANGUAGES: tuple[Language, ...] = (
    Language("nb", "Norsk bokmål", "nb_NO"),
    Language("nn", "Norsk nynorsk", "nn_NO"),
    Language("en", "English", "en_GB"),
)
LANGUAGE_CODES = tuple(language.code for language in LANGUAGES)


def qm_path(code: str) -> Path:
    """Where the compiled translation for ``code`` lives."""
    return TRANSLATIONS_DIR / f"torgkiosk_{code}.qm"


class LanguageSwitcher:
    """Installs one translator at a time on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self._code = ""

    @property
    def code(self) -> str:
        """The language in use."""
        return self._code

    def set_language(self, code: str) -> None:
        """Switch every visible text to ``code``; unknown or missing files fall back to source."""
        if code == self._code:
            return
        language = next((lang for lang in LANGUAGES if lang.code == code), LANGUAGES[0])
        translator = QTranslator(self._app)
        if not translator.load(str(qm_path(language.code))):
            log.error(
                "translation missing", extra={"event": "translation_missing", "lang": language.code}
            )
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
        self._app.installTranslator(translator)
        self._translator = translator
        self._code = language.code
        QLocale.setDefault(QLocale(language.locale))
        # Qt posts LanguageChange; deliver it now so the screen on display is
        # already retranslated when the next frame is painted.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def unload(self) -> None:
        """Remove the translator: every text falls back to the English source."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
            self._code = ""
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
