"""Demo-mode panel that plays the world around the kiosk: cards, door, lockers, speaker.

Developer-facing, shown only in demo mode, so its text is plain English (still
through ``tr()``). Every state is shown as text with a symbol, never by colour
alone. The simulators are driven by direct calls: the Qt thread is the loop's
thread, so no hop is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from devices.audio_out.port import Tone
from devices.audio_out.simulated import SimulatedAudioOut
from devices.card_reader.simulated import SimulatedCardReader
from devices.door.port import DoorStatus
from devices.door.simulated import SimulatedDoor
from devices.locker_bank.port import CompartmentStatus
from devices.locker_bank.simulated import SimulatedLockerBank
from devices.states import LockState, SensorState
from kiosk.wiring import Simulators

LOCK_SYMBOLS = {LockState.LOCKED: "■", LockState.RELEASED: "□"}
SENSOR_SYMBOLS = {SensorState.CLOSED: "▮", SensorState.OPEN: "▯", SensorState.UNKNOWN: "⚠"}
TONES_SHOWN = 8
LOCKER_COLUMNS = 3

W = TypeVar("W", bound=QWidget)


def _show_checked(box: QCheckBox, checked: bool) -> None:
    """Mirror a simulator switch changed elsewhere without flipping it back."""
    with QSignalBlocker(box):
        box.setChecked(checked)


def _named(widget: W, name: str) -> W:
    """Give ``widget`` an object name, which tests find it by."""
    widget.setObjectName(name)
    return widget


class _Section(QGroupBox):
    """One simulator's controls; ``retranslate()`` sets every text it shows."""

    def __init__(self) -> None:
        super().__init__()
        self.unsubscribers: list[Callable[[], None]] = []

    def retranslate(self) -> None:
        raise NotImplementedError

    def lock_text(self, state: LockState) -> str:
        words = {LockState.LOCKED: self.tr("locked"), LockState.RELEASED: self.tr("released")}
        return f"{LOCK_SYMBOLS[state]} {words[state]}"

    def sensor_text(self, state: SensorState) -> str:
        words = {
            SensorState.CLOSED: self.tr("closed"),
            SensorState.OPEN: self.tr("open"),
            SensorState.UNKNOWN: self.tr("unknown"),
        }
        return f"{SENSOR_SYMBOLS[state]} {words[state]}"


class _CardReaderSection(_Section):
    def __init__(self, reader: SimulatedCardReader, demo_cards: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._reader = reader
        self._labels = dict(demo_cards)
        self._note = ""
        layout = QVBoxLayout(self)
        self._status = _named(QLabel(), "cardStatus")
        layout.addWidget(self._status)
        self._card_buttons: list[tuple[QPushButton, str]] = []
        for uid, label in demo_cards:
            button = _named(QPushButton(), f"present_{uid}")
            button.clicked.connect(lambda _=False, uid=uid: self._present(uid))
            layout.addWidget(button)
            self._card_buttons.append((button, label))
        row = QHBoxLayout()
        self._uid = _named(QLineEdit(), "cardUid")
        self._uid.returnPressed.connect(lambda: self._present(self._uid.text()))
        self._present_uid = _named(QPushButton(), "presentUid")
        self._present_uid.clicked.connect(lambda: self._present(self._uid.text()))
        row.addWidget(self._uid, 1)
        row.addWidget(self._present_uid)
        layout.addLayout(row)
        self._remove = _named(QPushButton(), "removeCard")
        self._remove.clicked.connect(self._take_off)
        layout.addWidget(self._remove)
        self._disconnected = _named(QCheckBox(), "readerDisconnected")
        self._disconnected.toggled.connect(self._set_disconnected)
        layout.addWidget(self._disconnected)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Card reader"))
        for button, label in self._card_buttons:
            button.setText(self.tr("Present card: {label}").format(label=label))
        self._uid.setPlaceholderText(self.tr("Card UID (hex)"))
        self._present_uid.setText(self.tr("Present"))
        self._remove.setText(self.tr("Remove card"))
        self._disconnected.setText(self.tr("Reader disconnected"))
        self._refresh()

    def _present(self, uid: str) -> None:
        try:
            self._reader.present(uid)
        except ValueError:
            self._note = self.tr("Not a hex UID")
        else:
            self._note = ""
        self._refresh()

    def _take_off(self) -> None:
        self._reader.remove()
        self._refresh()

    def _set_disconnected(self, disconnected: bool) -> None:
        self._reader.disconnected = disconnected
        self._refresh()

    def _refresh(self) -> None:
        uid = self._reader.current_uid
        _show_checked(self._disconnected, self._reader.disconnected)
        if self._reader.disconnected:
            text = self.tr("⚠ Reader disconnected")
        elif uid is None:
            text = self.tr("○ No card on the reader")
        else:
            text = self.tr("● Card on the reader: {card}").format(card=self._labels.get(uid, uid))
        self._status.setText(f"{text}\n{self._note}" if self._note else text)


class _DoorSection(_Section):
    def __init__(self, door: SimulatedDoor) -> None:
        super().__init__()
        self._door = door
        self._note = ""
        layout = QVBoxLayout(self)
        self._lock = _named(QLabel(), "doorLock")
        self._sensor = _named(QLabel(), "doorSensor")
        layout.addWidget(self._lock)
        layout.addWidget(self._sensor)
        buttons = QHBoxLayout()
        self._open = _named(QPushButton(), "openDoor")
        self._open.clicked.connect(self._open_door)
        self._close = _named(QPushButton(), "closeDoor")
        self._close.clicked.connect(self._close_door)
        self._force = _named(QPushButton(), "forceDoor")
        self._force.clicked.connect(door.force_open)
        for button in (self._open, self._close, self._force):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._jammed = _named(QCheckBox(), "doorJammed")
        self._jammed.toggled.connect(self._set_jammed)
        self._offline = _named(QCheckBox(), "doorOffline")
        self._offline.toggled.connect(self._set_offline)
        self._sensor_fault = _named(QCheckBox(), "doorSensorFault")
        self._sensor_fault.toggled.connect(self._set_sensor_fault)
        for box in (self._jammed, self._offline, self._sensor_fault):
            layout.addWidget(box)
        self.unsubscribers.append(door.subscribe(self._on_status))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Entrance door"))
        self._open.setText(self.tr("Open door"))
        self._close.setText(self.tr("Close door"))
        self._force.setText(self.tr("Force open"))
        self._jammed.setText(self.tr("Jammed"))
        self._offline.setText(self.tr("Controller offline"))
        self._sensor_fault.setText(self.tr("Sensor fault"))
        self._on_status(self._door.status())

    def _open_door(self) -> None:
        if not self._door.open_door():
            self._note = self.tr("The door did not give: locked or jammed")
            self._on_status(self._door.status())

    def _close_door(self) -> None:
        self._door.close_door()

    def _set_jammed(self, jammed: bool) -> None:
        self._door.jammed = jammed

    def _set_offline(self, offline: bool) -> None:
        self._door.offline = offline

    def _set_sensor_fault(self, fault: bool) -> None:
        self._door.sensor_fault = fault

    def _on_status(self, status: DoorStatus) -> None:
        if status.sensor is SensorState.OPEN:
            self._note = ""
        _show_checked(self._jammed, self._door.jammed)
        _show_checked(self._offline, self._door.offline)
        _show_checked(self._sensor_fault, self._door.sensor_fault)
        self._lock.setText(self.tr("Lock: {state}").format(state=self.lock_text(status.lock)))
        sensor = self.tr("Sensor: {state}").format(state=self.sensor_text(status.sensor))
        self._sensor.setText(f"{sensor}\n{self._note}" if self._note else sensor)


class _LockerBankSection(_Section):
    def __init__(self, bank: SimulatedLockerBank) -> None:
        super().__init__()
        self._bank = bank
        layout = QVBoxLayout(self)
        self._offline = _named(QCheckBox(), "lockersOffline")
        self._offline.toggled.connect(self._set_offline)
        layout.addWidget(self._offline)
        grid = QGridLayout()
        self._cells: dict[int, tuple[QLabel, QPushButton, QPushButton, QCheckBox, QCheckBox]] = {}
        for index, number in enumerate(sorted(bank.snapshot())):
            cell = QFrame()
            cell.setFrameShape(QFrame.Shape.Box)
            column = QVBoxLayout(cell)
            state = _named(QLabel(), f"locker{number}State")
            open_button = _named(QPushButton(), f"locker{number}Open")
            open_button.clicked.connect(lambda _=False, n=number: bank.open_compartment(n))
            close_button = _named(QPushButton(), f"locker{number}Close")
            close_button.clicked.connect(lambda _=False, n=number: bank.close_compartment(n))
            occupied = _named(QCheckBox(), f"locker{number}Occupied")
            occupied.toggled.connect(lambda on, n=number: bank.set_occupied(n, on))
            jam = _named(QCheckBox(), f"locker{number}Jam")
            jam.toggled.connect(lambda on, n=number: bank.set_jammed(n, on))
            for widget in (state, open_button, close_button, occupied, jam):
                column.addWidget(widget)
            grid.addWidget(cell, index // LOCKER_COLUMNS, index % LOCKER_COLUMNS)
            self._cells[number] = (state, open_button, close_button, occupied, jam)
        layout.addLayout(grid)
        self.unsubscribers.append(bank.subscribe(self._on_change))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Pickup lockers"))
        self._offline.setText(self.tr("Bank offline"))
        for _, open_button, close_button, occupied, jam in self._cells.values():
            open_button.setText(self.tr("Open"))
            close_button.setText(self.tr("Close"))
            occupied.setText(self.tr("Item inside"))
            jam.setText(self.tr("Jammed"))
        for number, status in self._bank.snapshot().items():
            self._on_change(number, status)

    def _set_offline(self, offline: bool) -> None:
        self._bank.offline = offline

    def _on_change(self, number: int, status: CompartmentStatus) -> None:
        state, _, _, occupied, jam = self._cells[number]
        _show_checked(self._offline, self._bank.offline)
        _show_checked(occupied, status.occupied is True)
        _show_checked(jam, self._bank.is_jammed(number))
        occupancy = {
            True: self.tr("● item inside"),
            False: self.tr("○ empty"),
            None: self.tr("? contents unknown"),
        }[status.occupied]
        lines = (
            self.tr("No. {number}").format(number=number),
            self.lock_text(status.lock),
            self.sensor_text(status.door),
            occupancy,
        )
        state.setText("\n".join(lines))


class _AudioSection(_Section):
    def __init__(self, audio: SimulatedAudioOut) -> None:
        super().__init__()
        self._audio = audio
        layout = QVBoxLayout(self)
        self._tones = _named(QListWidget(), "tonesPlayed")
        self._tones.setMaximumHeight(self._tones.fontMetrics().lineSpacing() * (TONES_SHOWN + 1))
        layout.addWidget(self._tones)
        self.unsubscribers.append(audio.subscribe(lambda _tone, _volume: self._refresh()))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Speaker: last tones"))
        self._refresh()

    def _refresh(self) -> None:
        names = {
            Tone.ATTENTION: self.tr("attention"),
            Tone.WARNING: self.tr("warning"),
            Tone.SUCCESS: self.tr("success"),
            Tone.ERROR: self.tr("error"),
        }
        self._tones.clear()
        for tone, volume in reversed(self._audio.played[-TONES_SHOWN:]):
            self._tones.addItem(
                self.tr("♪ {tone} at {volume} %").format(tone=names[tone], volume=volume)
            )


class SimulatorPanel(QWidget):
    """Buttons and read-outs for every simulator in use (demo mode only).

    Args:
        simulators: the simulator objects from ``kiosk.wiring.build_devices``;
            a device run by a real driver (None) gets no section.
        demo_cards: ``(uid, label)`` of the cards offered as one-click buttons.
    """

    def __init__(
        self,
        simulators: Simulators,
        demo_cards: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("simulatorPanel")
        self._sections: list[_Section] = []
        if simulators.card_reader is not None:
            self._sections.append(_CardReaderSection(simulators.card_reader, demo_cards))
        if simulators.door is not None:
            self._sections.append(_DoorSection(simulators.door))
        if simulators.locker_bank is not None:
            self._sections.append(_LockerBankSection(simulators.locker_bank))
        if simulators.audio_out is not None:
            self._sections.append(_AudioSection(simulators.audio_out))

        content = QWidget()
        column = QVBoxLayout(content)
        for section in self._sections:
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)
        self.retranslate()

        # The simulators outlive the panel: stop their callbacks reaching deleted widgets.
        unsubscribers = [u for section in self._sections for u in section.unsubscribers]
        self.destroyed.connect(lambda: [unsubscribe() for unsubscribe in unsubscribers])

    def retranslate(self) -> None:
        """Set every text again in the current language."""
        for section in self._sections:
            section.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
