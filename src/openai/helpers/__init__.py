"""Optional voice helpers (the `voice_helpers` extra): `Microphone` and `LocalAudioPlayer`."""

from .microphone import Microphone as Microphone
from .local_audio_player import LocalAudioPlayer as LocalAudioPlayer

__all__ = ["Microphone", "LocalAudioPlayer"]
