"""The synthesised tones: valid WAV, linear volume, short, and without clicks."""

from __future__ import annotations

import io
import wave

import pytest

from devices.audio_out.port import Tone
from devices.audio_out.synth import PEAK_AT_FULL_VOLUME, SAMPLE_RATE, TONES, samples, wav_bytes


@pytest.mark.parametrize("tone", list(Tone))
def test_wav_is_mono_16_bit_with_every_sample(tone: Tone) -> None:
    with wave.open(io.BytesIO(wav_bytes(tone, 80))) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, SAMPLE_RATE)
        assert wav.getnframes() == len(samples(tone, 80))


@pytest.mark.parametrize("tone", list(Tone))
def test_every_tone_is_short(tone: Tone) -> None:
    # EN 301 549 5.1.3.10: sound that plays by itself stays under 3 s.
    assert len(samples(tone, 100)) / SAMPLE_RATE < 1.0
    assert sum(seconds for _, seconds in TONES[tone]) < 1.0


def test_every_tone_has_a_definition() -> None:
    assert set(TONES) == set(Tone)


@pytest.mark.parametrize("tone", list(Tone))
def test_volume_scales_the_peak_linearly(tone: Tone) -> None:
    full = max(samples(tone, 100))
    half = max(samples(tone, 50))
    assert full == pytest.approx(PEAK_AT_FULL_VOLUME, rel=0.01)
    assert half == pytest.approx(full / 2, rel=0.01)


def test_zero_volume_is_silence() -> None:
    assert set(samples(Tone.WARNING, 0)) == {0}


@pytest.mark.parametrize("tone", list(Tone))
def test_tones_fade_in_and_out(tone: Tone) -> None:
    pcm = samples(tone, 100)
    assert abs(pcm[0]) < 0.01 * PEAK_AT_FULL_VOLUME
    assert abs(pcm[-1]) < 0.01 * PEAK_AT_FULL_VOLUME


def test_tones_differ() -> None:
    assert len({bytes(samples(tone, 80)) for tone in Tone}) == len(Tone)


@pytest.mark.parametrize("percent", [-1, 101])
def test_volume_outside_range_is_refused(percent: int) -> None:
    with pytest.raises(ValueError, match="0..100"):
        samples(Tone.SUCCESS, percent)
