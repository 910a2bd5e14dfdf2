"""AplayAudioOut: what it hands aplay, and how a failing aplay surfaces."""

from __future__ import annotations

import asyncio
import stat
from pathlib import Path

import pytest

from devices.audio_out.aplay import AplayAudioOut
from devices.audio_out.port import AudioOutError, Tone
from devices.audio_out.synth import wav_bytes


def fake_player(tmp_path: Path, body: str) -> Path:
    """A stand-in for aplay: a shell script with ``body``."""
    script = tmp_path / "fake-aplay"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_pipes_the_tone_at_the_current_volume_to_the_configured_device(tmp_path: Path) -> None:
    player = fake_player(tmp_path, f'echo "$@" > {tmp_path}/args\ncat > {tmp_path}/stdin')
    audio = AplayAudioOut(device="plughw:1,0", executable=str(player))

    async def scenario() -> None:
        await audio.set_volume(35)
        await audio.play_tone(Tone.SUCCESS)

    asyncio.run(scenario())
    assert (tmp_path / "args").read_text().split() == ["-q", "-D", "plughw:1,0", "-"]
    assert (tmp_path / "stdin").read_bytes() == wav_bytes(Tone.SUCCESS, 35)


def test_missing_player_raises_audio_out_error(tmp_path: Path) -> None:
    audio = AplayAudioOut(executable=str(tmp_path / "no-such-aplay"))
    with pytest.raises(AudioOutError, match="cannot start"):
        asyncio.run(audio.play_tone(Tone.ERROR))


def test_failing_player_raises_with_its_message(tmp_path: Path) -> None:
    player = fake_player(tmp_path, "cat > /dev/null\necho 'no such device' >&2\nexit 1")
    audio = AplayAudioOut(executable=str(player))
    with pytest.raises(AudioOutError, match="exited with 1: no such device"):
        asyncio.run(audio.play_tone(Tone.ERROR))


def test_real_aplay_on_an_unknown_device_raises() -> None:
    audio = AplayAudioOut(device="no_such_device_xyz", executable="/usr/bin/aplay")
    with pytest.raises(AudioOutError, match="exited with"):
        asyncio.run(audio.play_tone(Tone.ATTENTION))


def test_hanging_player_is_killed_and_reported(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    player = fake_player(tmp_path, f"echo $$ > {pid_file}\nexec sleep 60")
    audio = AplayAudioOut(executable=str(player), timeout=0.2)
    with pytest.raises(AudioOutError, match="did not finish"):
        asyncio.run(audio.play_tone(Tone.WARNING))
    pid = pid_file.read_text().strip()
    # Reaped, not just signalled: the process is gone from /proc.
    assert not Path(f"/proc/{pid}").exists()
