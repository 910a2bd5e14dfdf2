// The on-screen keyboard: Qt Virtual Keyboard's InputPanel, embedded in the
// Widgets window by ui/widgets/onscreen_keyboard.py through a QQuickWidget
// ("application" integration; the desktop integration's separate top-level
// window would go fullscreen under cage).
//
// The Python side sets kioskLocale and calls privacyReset(); everything else
// here is fixed kiosk policy.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

InputPanel {
    id: panel

    // Layout of the session language, e.g. "nb_NO". Set from Python.
    property string kioskLocale: "nb_NO"
    // Offered by the language key besides kioskLocale: addresses and names
    // are Norwegian whatever the session language, so æ ø å stay one tap away.
    property var extraLocales: ["nb_NO"]

    // Read by the Python side (tests, privacy checks). Never log these.
    readonly property string inputLocale: InputContext.locale
    readonly property string preeditText: InputContext.preeditText
    readonly property string surroundingText: InputContext.surroundingText
    readonly property color backgroundColor: keyboard.style ? keyboard.style.keyboardBackgroundColor : "black"

    function applyLocale() {
        const locales = [kioskLocale];
        for (const extra of extraLocales) {
            if (locales.indexOf(extra) < 0)
                locales.push(extra);
        }
        // activeLocales first: a locale outside it would be ignored.
        VirtualKeyboardSettings.activeLocales = locales;
        VirtualKeyboardSettings.locale = kioskLocale;
    }

    // Undo what the last user left behind in the keyboard itself: symbol
    // page, shift/caps lock and a language picked with the language key.
    // Text buffers are cleared from Python (QInputMethod.reset + a focus pass).
    function privacyReset() {
        keyboard.symbolMode = false;
        InputContext.priv.shiftHandler.reset();
        applyLocale();
    }

    onKioskLocaleChanged: applyLocale()

    Component.onCompleted: {
        VirtualKeyboardSettings.fullScreenMode = false;
        VirtualKeyboardSettings.handwritingModeDisabled = true;
        // Privacy: the plain input method only. No word prediction, no
        // dictionary, so no words are learned from one user and offered to
        // the next. (The wheels ship no Hunspell plugin either.)
        VirtualKeyboardSettings.defaultInputMethodDisabled = true;
        VirtualKeyboardSettings.defaultDictionaryDisabled = true;
        applyLocale();
    }
}
