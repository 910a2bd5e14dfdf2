"""Contract: every AudioOut plays each tone and keeps the volume it is given.

The aplay variant is a real peer: it plays through ALSA's ``null`` device, so it
needs /usr/bin/aplay (Debian package ``alsa-utils``) and fails without it.
"""

from __future__ import annotations

import asyncio

import pytest

from devices.audio_out.aplay import AplayAudioOut
from devices.audio_out.port import AudioOut, Tone
from devices.audio_out.simulated import SimulatedAudioOut


@pytest.fixture(params=["simulated", "aplay"])
def audio(request: pytest.FixtureRequest) -> AudioOut:
    if request.param == "aplay":
        return AplayAudioOut(device="null", executable="/usr/bin/aplay")
    return SimulatedAudioOut()


@pytest.mark.parametrize("tone", list(Tone))
def test_plays_every_tone(audio: AudioOut, tone: Tone) -> None:
    asyncio.run(audio.play_tone(tone))


@pytest.mark.parametrize("percent", [0, 1, 50, 100])
def test_volume_round_trips_and_tones_still_play(audio: AudioOut, percent: int) -> None:
    async def scenario() -> None:
        await audio.set_volume(percent)
        assert audio.volume() == percent
        await audio.play_tone(Tone.ATTENTION)

    asyncio.run(scenario())


@pytest.mark.parametrize("percent", [-1, 101])
def test_volume_outside_0_to_100_is_refused_and_kept(audio: AudioOut, percent: int) -> None:
    before = audio.volume()
    with pytest.raises(ValueError, match="0..100"):
        asyncio.run(audio.set_volume(percent))
    assert audio.volume() == before
    assert 0 <= before <= 100


def test_overlapping_requests_all_play(audio: AudioOut) -> None:
    async def scenario() -> None:
        await asyncio.gather(*(audio.play_tone(tone) for tone in Tone))

    asyncio.run(scenario())
