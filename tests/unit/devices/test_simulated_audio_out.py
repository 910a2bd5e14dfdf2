"""SimulatedAudioOut records what it played, for tests and the demo panel."""

from __future__ import annotations

import asyncio

from devices.audio_out.port import Tone
from devices.audio_out.simulated import SimulatedAudioOut


def test_records_each_tone_with_the_volume_it_had() -> None:
    audio = SimulatedAudioOut(volume=80)

    async def scenario() -> None:
        await audio.play_tone(Tone.ATTENTION)
        await audio.set_volume(20)
        await audio.play_tone(Tone.ERROR)

    asyncio.run(scenario())
    assert audio.played == [(Tone.ATTENTION, 80), (Tone.ERROR, 20)]


def test_subscribers_hear_each_tone_until_they_unsubscribe() -> None:
    audio = SimulatedAudioOut(volume=60)
    heard: list[tuple[Tone, int]] = []
    unsubscribe = audio.subscribe(lambda tone, volume: heard.append((tone, volume)))
    asyncio.run(audio.play_tone(Tone.SUCCESS))
    unsubscribe()
    asyncio.run(audio.play_tone(Tone.WARNING))
    assert heard == [(Tone.SUCCESS, 60)]
