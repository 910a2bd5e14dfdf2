"""Contract: every CardReader reports cards presented and removed, and fails loudly."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Protocol

import pytest

from devices.card_reader.port import (
    CardEvent,
    CardPresented,
    CardReader,
    CardReaderError,
    CardRemoved,
)
from devices.card_reader.simulated import SimulatedCardReader


class CardHand(Protocol):
    """Whatever puts cards on the reader: the simulator itself, or a rig's virtual card."""

    disconnected: bool

    def present(self, uid: str) -> None: ...
    def remove(self) -> None: ...


def simulated() -> tuple[CardReader, CardHand]:
    reader = SimulatedCardReader()
    return reader, reader


# Each implementation, paired with whatever plays the person in front of it.
IMPLEMENTATIONS: dict[str, Callable[[], tuple[CardReader, CardHand]]] = {"simulated": simulated}


@pytest.fixture(params=sorted(IMPLEMENTATIONS))
def rig(request: pytest.FixtureRequest) -> tuple[CardReader, CardHand]:
    return IMPLEMENTATIONS[request.param]()


async def next_event(events: AsyncIterator[CardEvent]) -> CardEvent:
    return await asyncio.wait_for(anext(events), timeout=2)


async def waiting_for_next(events: AsyncIterator[CardEvent]) -> asyncio.Task[CardEvent]:
    """Start a consumer and return once it is blocked waiting for the next event."""

    async def consume() -> CardEvent:
        return await anext(events)

    task = asyncio.create_task(consume())
    await asyncio.sleep(0)  # one loop turn, not a delay: the consumer runs until it blocks
    assert not task.done()
    return task


def test_present_and_remove_are_reported_in_order(rig: tuple[CardReader, CardHand]) -> None:
    reader, hand = rig

    async def scenario() -> None:
        events = reader.events()
        hand.present("04A1B2C3")
        assert await next_event(events) == CardPresented("04A1B2C3")
        hand.remove()
        assert await next_event(events) == CardRemoved()
        await reader.close()

    asyncio.run(scenario())


def test_uid_arrives_as_uppercase_hex(rig: tuple[CardReader, CardHand]) -> None:
    reader, hand = rig

    async def scenario() -> None:
        events = reader.events()
        hand.present("04:a1:b2:c3")
        event = await next_event(events)
        assert isinstance(event, CardPresented)
        assert event.uid == "04A1B2C3"
        await reader.close()

    asyncio.run(scenario())


def test_a_waiting_consumer_sees_a_card_presented_later(rig: tuple[CardReader, CardHand]) -> None:
    reader, hand = rig

    async def scenario() -> None:
        events = reader.events()
        waiting = await waiting_for_next(events)
        hand.present("0A0B")
        assert await asyncio.wait_for(waiting, timeout=2) == CardPresented("0A0B")
        await reader.close()

    asyncio.run(scenario())


def test_swapping_cards_removes_the_first_before_presenting_the_second(
    rig: tuple[CardReader, CardHand],
) -> None:
    reader, hand = rig

    async def scenario() -> None:
        events = reader.events()
        hand.present("01")
        hand.present("02")
        seen = [await next_event(events) for _ in range(3)]
        assert seen == [CardPresented("01"), CardRemoved(), CardPresented("02")]
        await reader.close()

    asyncio.run(scenario())


def test_disconnected_reader_raises_in_a_waiting_consumer(
    rig: tuple[CardReader, CardHand],
) -> None:
    reader, hand = rig

    async def scenario() -> None:
        events = reader.events()
        waiting = await waiting_for_next(events)
        hand.disconnected = True
        with pytest.raises(CardReaderError):
            await asyncio.wait_for(waiting, timeout=2)

    asyncio.run(scenario())


def test_disconnected_reader_raises_for_a_new_consumer(rig: tuple[CardReader, CardHand]) -> None:
    reader, hand = rig

    async def scenario() -> None:
        hand.disconnected = True
        with pytest.raises(CardReaderError):
            await next_event(reader.events())

    asyncio.run(scenario())


def test_close_ends_the_event_stream(rig: tuple[CardReader, CardHand]) -> None:
    reader, _ = rig

    async def scenario() -> None:
        events = reader.events()
        waiting = await waiting_for_next(events)
        await reader.close()
        with pytest.raises(StopAsyncIteration):
            await asyncio.wait_for(waiting, timeout=2)

    asyncio.run(scenario())


def test_card_uid_stays_out_of_repr() -> None:
    assert "04A1B2C3" not in repr(CardPresented("04A1B2C3"))


@pytest.mark.parametrize("uid", ["", "04a1", "XYZ", "04 A1"])
def test_card_presented_rejects_anything_but_uppercase_hex(uid: str) -> None:
    with pytest.raises(ValueError, match="uppercase hex"):
        CardPresented(uid)
