"""The kiosk's signal tones as 16-bit mono PCM WAV, built in memory."""

from __future__ import annotations

import array
import io
import math
import sys
import wave

from devices.audio_out.port import Tone, check_volume

SAMPLE_RATE = 16_000
# Full scale clips on some cheap amplifiers; 100 % volume peaks a little below it.
PEAK_AT_FULL_VOLUME = 0.8 * 32767
FADE_SECONDS = 0.005  # a hard start or stop of a sine wave is heard as a click

# (frequency in Hz, seconds); 0 Hz is a pause. Every tone stays well under the
# 3 s limit for sound that plays by itself (EN 301 549, 5.1.3.10).
TONES: dict[Tone, tuple[tuple[float, float], ...]] = {
    Tone.ATTENTION: ((880.0, 0.12), (0.0, 0.06), (880.0, 0.12)),
    Tone.WARNING: ((660.0, 0.2), (0.0, 0.1), (660.0, 0.2), (0.0, 0.1), (660.0, 0.2)),
    Tone.SUCCESS: ((523.25, 0.1), (659.25, 0.1), (783.99, 0.18)),
    Tone.ERROR: ((392.0, 0.18), (0.0, 0.05), (261.63, 0.3)),
}


def samples(tone: Tone, volume: int) -> array.array[int]:
    """Return the 16-bit samples of ``tone`` scaled linearly by ``volume`` percent."""
    peak = PEAK_AT_FULL_VOLUME * check_volume(volume) / 100
    fade = int(FADE_SECONDS * SAMPLE_RATE)
    out = array.array("h")
    for frequency, seconds in TONES[tone]:
        count = int(seconds * SAMPLE_RATE)
        for i in range(count):
            if frequency == 0:
                out.append(0)
                continue
            envelope = min(1.0, i / fade, (count - 1 - i) / fade)
            phase = 2 * math.pi * frequency * i / SAMPLE_RATE
            out.append(round(peak * envelope * math.sin(phase)))
    return out


def wav_bytes(tone: Tone, volume: int) -> bytes:
    """Return ``tone`` at ``volume`` percent as a complete WAV file."""
    pcm = samples(tone, volume)
    if sys.byteorder == "big":  # WAV is little-endian
        pcm.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()
