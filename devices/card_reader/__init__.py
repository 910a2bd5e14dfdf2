"""Card reader: library and ID cards presented at the kiosk."""

from devices.card_reader.port import (
    CardEvent,
    CardPresented,
    CardReader,
    CardReaderError,
    CardRemoved,
)

__all__ = ["CardEvent", "CardPresented", "CardReader", "CardReaderError", "CardRemoved"]
