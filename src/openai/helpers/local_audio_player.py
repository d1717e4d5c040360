"""`LocalAudioPlayer`: plays arrays, `audio.speech` responses (24 kHz mono 16-bit PCM) or streams of arrays."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union, Callable, Optional, AsyncIterator

import anyio

from .._extras import numpy as np
from .._response import APIResponse, AsyncAPIResponse
from .._legacy_response import HttpxBinaryResponseContent
from .._extras.sounddevice_proxy import sounddevice as sd

if TYPE_CHECKING:
    import numpy.typing as npt

    from .._response import StreamedBinaryAPIResponse, AsyncStreamedBinaryAPIResponse

__all__ = ["SAMPLE_RATE", "LocalAudioPlayer"]

SAMPLE_RATE = 24000

_BLOCK_FRAMES = SAMPLE_RATE // 10  # `should_stop` is checked before each 100 ms of audio is written

_Playable = Union[
    "npt.NDArray[Any]", HttpxBinaryResponseContent, "StreamedBinaryAPIResponse", "AsyncStreamedBinaryAPIResponse"
]


class LocalAudioPlayer:
    """Plays audio on the default output device, stopping early once `should_stop()` returns True."""

    def __init__(self, should_stop: Optional[Callable[[], bool]] = None) -> None:
        self.should_stop = should_stop

    async def play(self, input: _Playable) -> None:
        """Play an array (integer PCM or floats in [-1, 1]) or the 24 kHz mono PCM body of an `audio.speech` response
        (`response_format="pcm"`)."""

        async def single() -> AsyncIterator[npt.NDArray[Any]]:
            yield await _to_array(input)

        await self.play_stream(single())

    async def play_stream(self, buffer_stream: AsyncIterator[npt.NDArray[Any]]) -> None:
        """Play the arrays of `buffer_stream` one after the other, as they arrive."""
        stream = sd.OutputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32")
        try:
            stream.start()
            async for buffer in buffer_stream:
                samples = _to_float32(buffer)
                for start in range(0, len(samples), _BLOCK_FRAMES):
                    if self.should_stop is not None and self.should_stop():
                        return  # closing an active stream discards what it still holds
                    await anyio.to_thread.run_sync(stream.write, samples[start : start + _BLOCK_FRAMES])
            await anyio.to_thread.run_sync(stream.stop)  # waits for the last samples to be played
        finally:
            stream.close()


async def _to_array(input: _Playable) -> npt.NDArray[Any]:
    if isinstance(input, AsyncAPIResponse):
        data = await input.read()
    elif isinstance(input, APIResponse):
        data = await anyio.to_thread.run_sync(input.read)
    elif isinstance(input, HttpxBinaryResponseContent):
        data = input.content
    else:
        return input
    return np.frombuffer(data, dtype="<i2")


def _to_float32(buffer: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """A contiguous `(frames, 1)` float32 column, as the output stream wants; integer PCM is scaled to [-1, 1)."""
    if buffer.dtype.kind == "i":
        buffer = buffer / (np.iinfo(buffer.dtype).max + 1)
    return np.ascontiguousarray(buffer, dtype=np.float32).ravel()[:, None]
