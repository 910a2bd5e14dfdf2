"""An in-memory card reader for demo mode and tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from devices.card_reader.port import (
    CardEvent,
    CardPresented,
    CardReaderError,
    CardRemoved,
    normalise_uid,
)


class SimulatedCardReader:
    """A reader whose cards are presented by method calls.

    Call its methods from the loop's thread (in the app, the Qt thread is the
    loop's thread). ``None`` in the queue only wakes a waiting ``events()`` so it
    can notice a fault or ``close()``.
    """

    def __init__(self) -> None:
        self._queue: asyncio.Queue[CardEvent | None] = asyncio.Queue()
        self._current: str | None = None
        self._disconnected = False
        self._closed = False

    @property
    def current_uid(self) -> str | None:
        """The UID of the card on the reader, if any."""
        return self._current

    @property
    def disconnected(self) -> bool:
        """Fault switch: while True, ``events()`` raises CardReaderError."""
        return self._disconnected

    @disconnected.setter
    def disconnected(self, value: bool) -> None:
        self._disconnected = value
        if value:
            self._current = None
            self._drain()
            self._queue.put_nowait(None)

    def present(self, uid: str) -> None:
        """Put a card on the reader; a card already there is taken off first.

        Args:
            uid: hex digits, any case; spaces and colons are ignored.

        Raises:
            ValueError: if ``uid`` is not hex.
        """
        uid = normalise_uid(uid)
        if self._closed or self._disconnected:
            return  # nothing reaches a reader that is not there
        if self._current is not None:
            self._queue.put_nowait(CardRemoved())
        self._current = uid
        self._queue.put_nowait(CardPresented(uid))

    def remove(self) -> None:
        """Take the card off the reader; nothing happens if there is none."""
        if self._current is None or self._closed or self._disconnected:
            return
        self._current = None
        self._queue.put_nowait(CardRemoved())

    async def events(self) -> AsyncIterator[CardEvent]:
        """Yield card events until ``close()``."""
        while not self._closed:
            if self._disconnected:
                raise CardReaderError("card reader disconnected")
            event = await self._queue.get()
            if event is not None and not self._disconnected:
                yield event

    async def close(self) -> None:
        """End any ``events()`` iteration; later cards are ignored."""
        self._closed = True
        self._current = None
        self._drain()
        self._queue.put_nowait(None)

    def _drain(self) -> None:
        while not self._queue.empty():
            self._queue.get_nowait()
