"""The card reader port."""

from __future__ import annotations

import string
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Protocol

HEX_DIGITS = frozenset(string.hexdigits.upper())


class CardReaderError(Exception):
    """The reader cannot deliver events (unplugged, driver or daemon failure)."""


@dataclass(frozen=True, slots=True)
class CardPresented:
    """A card was put on the reader.

    Attributes:
        uid: the card's UID as uppercase hex. It identifies a person: it is
            kept out of ``repr`` so it cannot reach a log by accident.
    """

    uid: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.uid or not set(self.uid) <= HEX_DIGITS:
            raise ValueError("uid must be non-empty uppercase hex")


@dataclass(frozen=True, slots=True)
class CardRemoved:
    """The card was taken off the reader."""


CardEvent = CardPresented | CardRemoved


def normalise_uid(uid: str) -> str:
    """Return ``uid`` as uppercase hex without spaces or colons.

    Raises:
        ValueError: if what is left is not hex.
    """
    cleaned = uid.replace(" ", "").replace(":", "").upper()
    return CardPresented(cleaned).uid


class CardReader(Protocol):
    """Reports cards being presented and removed.

    ``events()`` is declared without ``async`` so that an async generator
    (``async def events(self): ... yield``) matches it; callers write
    ``async for event in reader.events()``. One consumer at a time.
    """

    def events(self) -> AsyncIterator[CardEvent]:
        """Yield card events until ``close()``; raise CardReaderError if the reader fails."""
        ...

    async def close(self) -> None:
        """Release the reader; a running ``events()`` iteration then ends."""
        ...
