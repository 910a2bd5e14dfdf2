"""Audio output through ALSA's ``aplay`` command-line player."""

from __future__ import annotations

import asyncio

from devices.audio_out.port import AudioOutError, Tone, check_volume
from devices.audio_out.synth import wav_bytes


class AplayAudioOut:
    """Pipes each tone, synthesised in memory, to ``aplay -q -D <device> -``.

    A subprocess keeps the loop free while the tone plays, and needs no audio
    library in the venv. Tones are played one at a time so they never fight
    over a device that only takes one stream.
    """

    def __init__(
        self,
        device: str = "default",
        *,
        volume: int = 80,
        executable: str = "aplay",
        timeout: float = 10.0,
    ) -> None:
        """Set up the player; nothing runs until the first tone.

        Args:
            device: ALSA PCM name, as ``aplay -L`` lists them (``null`` plays nothing).
            volume: starting volume in percent.
            executable: the ``aplay`` binary, by name on PATH or by path.
            timeout: seconds before a hanging player is killed.
        """
        self._device = device
        self._volume = check_volume(volume)
        self._executable = executable
        self._timeout = timeout
        self._playing = asyncio.Lock()

    async def play_tone(self, tone: Tone) -> None:
        """Play ``tone`` at the current volume; return when aplay has finished."""
        wav = wav_bytes(tone, self._volume)
        async with self._playing:
            await self._play(wav)

    async def set_volume(self, percent: int) -> None:
        """Set the volume for later tones (0..100)."""
        self._volume = check_volume(percent)

    def volume(self) -> int:
        """Return the volume in percent."""
        return self._volume

    async def _play(self, wav: bytes) -> None:
        try:
            process = await asyncio.create_subprocess_exec(
                self._executable,
                "-q",
                "-D",
                self._device,
                "-",
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
        except OSError as err:
            raise AudioOutError(f"cannot start {self._executable}: {err}") from err
        try:
            _, stderr = await asyncio.wait_for(process.communicate(wav), self._timeout)
        except TimeoutError:
            raise AudioOutError(f"{self._executable} did not finish in {self._timeout} s") from None
        finally:
            if process.returncode is None:  # timed out or cancelled: no orphan player
                process.kill()
                await process.wait()
        if process.returncode != 0:
            detail = stderr.decode(errors="replace").strip()[-300:]
            raise AudioOutError(f"{self._executable} exited with {process.returncode}: {detail}")
