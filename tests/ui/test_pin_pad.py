"""The PIN pad: masked display, length rules, physical keys, no leaks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.pin_pad import BULLET, PinPad

PIN = "4711"


@pytest.fixture
def pad(qtbot: QtBot) -> PinPad:
    pad = PinPad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def button(pad: PinPad, name: str) -> QPushButton:
    found = pad.findChild(QPushButton, name)
    assert found is not None, name
    return found


def display(pad: PinPad) -> QLabel:
    found = pad.findChild(QLabel, "pinDisplay")
    assert found is not None
    return found


def click_digits(qtbot: QtBot, pad: PinPad, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(button(pad, f"pinDigit{digit}"), Qt.MouseButton.LeftButton)


def all_texts(pad: PinPad) -> list[str]:
    texts = [pad.accessibleName(), pad.accessibleDescription()]
    for widget in pad.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QPushButton):
            texts.append(widget.text())
    return texts


def test_layout_is_telephone_order_with_large_buttons(pad: PinPad) -> None:
    grid = pad.findChild(QGridLayout)
    assert grid is not None
    labels = [
        [grid.itemAtPosition(row, column).widget().objectName() for column in range(3)]
        for row in range(4)
    ]
    assert labels == [
        ["pinDigit1", "pinDigit2", "pinDigit3"],
        ["pinDigit4", "pinDigit5", "pinDigit6"],
        ["pinDigit7", "pinDigit8", "pinDigit9"],
        ["pinDelete", "pinDigit0", "pinOk"],
    ]
    assert grid.horizontalSpacing() >= 8
    assert grid.verticalSpacing() >= 8
    for widget in pad.findChildren(QPushButton):
        assert widget.width() >= 80
        assert widget.height() >= 80
        assert widget.accessibleName()


def test_clicking_digits_shows_bullets_only(qtbot: QtBot, pad: PinPad) -> None:
    counts: list[int] = []
    pad.changed.connect(counts.append)

    click_digits(qtbot, pad, PIN)

    assert counts == [1, 2, 3, 4]
    assert display(pad).text() == BULLET * len(PIN)
    assert "4 " in display(pad).accessibleName()
    for text in all_texts(pad):
        assert PIN not in text
        assert PIN[:2] not in text
    assert not any(ch.isdigit() for ch in display(pad).text())


def test_ok_with_too_few_digits_does_not_submit(qtbot: QtBot, pad: PinPad) -> None:
    click_digits(qtbot, pad, "123")

    with qtbot.assertNotEmitted(pad.submitted):
        pad.submit()
        qtbot.keyClick(pad, Qt.Key.Key_Return)

    assert pad.digit_count() == 3
    assert not button(pad, "pinOk").isEnabled()


def test_ok_submits_pin_and_clears(qtbot: QtBot, pad: PinPad) -> None:
    click_digits(qtbot, pad, PIN)

    with qtbot.waitSignal(pad.submitted) as blocker:
        qtbot.mouseClick(button(pad, "pinOk"), Qt.MouseButton.LeftButton)

    assert blocker.args == [PIN]
    assert pad.digit_count() == 0
    assert display(pad).text() == ""


def test_max_length_caps_input(qtbot: QtBot, pad: PinPad) -> None:
    click_digits(qtbot, pad, "1234567890")

    assert pad.digit_count() == 8


def test_delete_removes_last_digit(qtbot: QtBot, pad: PinPad) -> None:
    click_digits(qtbot, pad, "12")

    with qtbot.waitSignal(pad.changed) as blocker:
        qtbot.mouseClick(button(pad, "pinDelete"), Qt.MouseButton.LeftButton)

    assert blocker.args == [1]
    assert display(pad).text() == BULLET


def test_clear_empties_and_overwrites_buffer(qtbot: QtBot, pad: PinPad) -> None:
    click_digits(qtbot, pad, PIN)
    buffer = pad._digits  # the list object the pad keeps

    with qtbot.waitSignal(pad.changed) as blocker:
        pad.clear()

    assert blocker.args == [0]
    assert pad.digit_count() == 0
    assert buffer == []
    assert display(pad).text() == ""


def test_physical_keys_work(qtbot: QtBot, pad: PinPad) -> None:
    pad.setFocus()
    qtbot.keyClicks(pad, "47119")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClick(pad, Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)

    with qtbot.waitSignal(pad.submitted) as blocker:
        qtbot.keyClick(pad, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)

    assert blocker.args == ["47115"]


def test_clicking_buttons_keeps_focus_on_pad(qtbot: QtBot, pad: PinPad) -> None:
    pad.setFocus()
    qtbot.waitUntil(pad.hasFocus)

    click_digits(qtbot, pad, "1")

    assert pad.hasFocus()
    assert not pad.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_invalid_lengths_are_rejected() -> None:
    with pytest.raises(ValueError, match="min_length"):
        PinPad(min_length=5, max_length=4)
