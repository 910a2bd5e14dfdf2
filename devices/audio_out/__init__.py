"""Audio output: short signal tones through the kiosk's speaker or headset jack."""

from devices.audio_out.port import AudioOut, AudioOutError, Tone

__all__ = ["AudioOut", "AudioOutError", "Tone"]
