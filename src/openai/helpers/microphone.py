"""`Microphone`: records the default input device into WAV bytes ready for `audio.transcriptions.create`."""

from __future__ import annotations

import io
import time
import wave
from typing import TYPE_CHECKING, Any, List, Tuple, Union, Callable, Optional, overload

import anyio
from typing_extensions import Literal

from .._extras import numpy as np
from .._extras.sounddevice_proxy import sounddevice as sd

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["SAMPLE_RATE", "Microphone"]

SAMPLE_RATE = 24000

_POLL_INTERVAL = 0.01  # seconds between two checks of `should_record` and the timeout


class Microphone:
    """Records from the default input device until `should_record()` returns False or `timeout` seconds pass.

    With neither given, `record()` runs until it is cancelled. `dtype` is any numpy dtype (`np.int16` by default).
    """

    def __init__(
        self,
        channels: int = 1,
        dtype: npt.DTypeLike = "int16",
        should_record: Optional[Callable[[], bool]] = None,
        timeout: Optional[float] = None,
    ) -> None:
        self.channels = channels
        self.dtype = dtype
        self.should_record = should_record
        self.timeout = timeout

    @overload
    async def record(self, return_ndarray: Literal[False] = False) -> Tuple[str, bytes, str]: ...

    @overload
    async def record(self, return_ndarray: Literal[True]) -> npt.NDArray[Any]: ...

    @overload
    async def record(self, return_ndarray: bool) -> Union[Tuple[str, bytes, str], npt.NDArray[Any]]: ...

    async def record(self, return_ndarray: bool = False) -> Union[Tuple[str, bytes, str], npt.NDArray[Any]]:
        """The recording as an upload tuple `("audio.wav", <WAV bytes>, "audio/wav")`, or as a `(frames, channels)` array."""
        blocks: List[npt.NDArray[Any]] = []

        def on_block(indata: npt.NDArray[Any], frames: int, time_info: object, status: object) -> None:
            blocks.append(np.array(indata))  # a copy: runs on the audio thread, which reuses `indata`

        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        with sd.InputStream(samplerate=SAMPLE_RATE, channels=self.channels, dtype=self.dtype, callback=on_block):
            while (self.should_record is None or self.should_record()) and (
                deadline is None or time.monotonic() < deadline
            ):
                await anyio.sleep(_POLL_INTERVAL)

        audio = np.concatenate(blocks) if blocks else np.empty((0, self.channels), dtype=self.dtype)
        if return_ndarray:
            return audio
        return ("audio.wav", _to_wav(audio, self.channels), "audio/wav")


def _to_wav(audio: npt.NDArray[Any], channels: int) -> bytes:
    if audio.dtype.kind == "f":  # WAV holds integer PCM: floats in [-1, 1] become 16-bit samples
        audio = (audio.clip(-1.0, 1.0) * 32767).astype(np.int16)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(audio.dtype.itemsize)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(audio.tobytes())
    return buffer.getvalue()
