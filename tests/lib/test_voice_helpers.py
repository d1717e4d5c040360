"""`openai.helpers` (`Microphone`, `LocalAudioPlayer`) against a fake `sounddevice` module: no audio hardware needed."""

from __future__ import annotations

import sys
import struct
import subprocess
from typing import Any, List, Callable, Optional, AsyncIterator

import anyio
import httpx
import numpy as np
import respx
import pytest

from openai import OpenAI, AsyncOpenAI
from openai.helpers import Microphone, LocalAudioPlayer
from openai._extras._common import MissingDependencyError

base_url = "http://127.0.0.1:4010/v1"


class FakeInputStream:
    """Hands blocks to the recording callback through one reused buffer, as PortAudio does."""

    def __init__(self, *, samplerate: int, channels: int, dtype: Any, callback: Callable[..., None]) -> None:
        self.samplerate, self.channels, self.dtype, self.callback = samplerate, channels, dtype, callback
        self.blocks_on_start: List[np.ndarray] = []
        self.active = self.closed = False

    def __enter__(self) -> FakeInputStream:
        self.active = True
        for block in self.blocks_on_start:
            self.feed(block)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.active, self.closed = False, True

    def feed(self, block: np.ndarray) -> None:
        assert self.active
        assert block.dtype == np.dtype(self.dtype) and block.shape[1] == self.channels
        reused = np.zeros_like(block)
        reused[:] = block
        self.callback(reused, len(block), None, None)
        reused[:] = 0  # the device overwrites its buffer: the helper must have kept a copy


class FakeOutputStream:
    """Keeps what is written, refusing data the real stream refuses (wrong dtype or channels, not contiguous)."""

    def __init__(self, *, samplerate: int, channels: int, dtype: str) -> None:
        self.samplerate, self.channels, self.dtype = samplerate, channels, dtype
        self.written: List[np.ndarray] = []
        self.started = self.stopped = self.closed = False

    def start(self) -> None:
        self.started = True

    def write(self, data: np.ndarray) -> None:
        assert self.started and not self.stopped and not self.closed
        assert data.dtype == np.dtype(self.dtype) and data.flags.c_contiguous
        assert data.ndim == 2 and data.shape[1] == self.channels
        self.written.append(data.copy())

    def stop(self) -> None:
        self.stopped = True

    def close(self) -> None:
        self.closed = True

    @property
    def played(self) -> np.ndarray:
        return np.concatenate(self.written)[:, 0] if self.written else np.empty(0, dtype=np.float32)


class FakeSounddevice:
    def __init__(self) -> None:
        self.inputs: List[FakeInputStream] = []
        self.outputs: List[FakeOutputStream] = []
        self.blocks_on_start: List[np.ndarray] = []

    def InputStream(self, **kwargs: Any) -> FakeInputStream:
        stream = FakeInputStream(**kwargs)
        stream.blocks_on_start = self.blocks_on_start
        self.inputs.append(stream)
        return stream

    def OutputStream(self, **kwargs: Any) -> FakeOutputStream:
        self.outputs.append(FakeOutputStream(**kwargs))
        return self.outputs[-1]


@pytest.fixture
def sd(monkeypatch: pytest.MonkeyPatch) -> FakeSounddevice:
    fake = FakeSounddevice()
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    return fake


def wav_header(*, channels: int, sample_width: int, data_size: int) -> bytes:
    block_align = channels * sample_width
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        *(b"RIFF", 36 + data_size, b"WAVE", b"fmt ", 16, 1, channels, 24000, 24000 * block_align),
        *(block_align, 8 * sample_width, b"data", data_size),
    )


def int16_blocks(count: int, *, frames: int = 4, channels: int = 1) -> List[np.ndarray]:
    return [
        np.arange(i * frames * channels, (i + 1) * frames * channels, dtype=np.int16).reshape(frames, channels) * 300
        for i in range(count)
    ]


def feeding(sd: FakeSounddevice, blocks: List[np.ndarray]) -> Callable[[], bool]:
    """A `should_record` that delivers one block per call while there are blocks left, then says stop."""
    remaining = list(blocks)

    def should_record() -> bool:
        if not remaining:
            return False
        sd.inputs[-1].feed(remaining.pop(0))
        return True

    return should_record


class TestMicrophone:
    async def test_records_until_should_record_is_false_into_a_wav_upload(self, sd: FakeSounddevice) -> None:
        blocks = int16_blocks(3)

        name, wav, content_type = await Microphone(should_record=feeding(sd, blocks)).record()

        data = b"".join(block.astype("<i2").tobytes() for block in blocks)
        assert (name, content_type) == ("audio.wav", "audio/wav")
        assert wav == wav_header(channels=1, sample_width=2, data_size=len(data)) + data
        [stream] = sd.inputs
        assert (stream.samplerate, stream.channels, np.dtype(stream.dtype)) == (24000, 1, np.int16)
        assert stream.closed

    async def test_returns_the_ndarray_and_keeps_channels(self, sd: FakeSounddevice) -> None:
        blocks = int16_blocks(2, channels=2)

        audio = await Microphone(channels=2, should_record=feeding(sd, blocks)).record(return_ndarray=True)

        assert audio.dtype == np.int16
        np.testing.assert_array_equal(audio, np.concatenate(blocks))
        assert sd.inputs[0].channels == 2

    async def test_stereo_wav(self, sd: FakeSounddevice) -> None:
        blocks = int16_blocks(2, channels=2)

        _, wav, _ = await Microphone(channels=2, should_record=feeding(sd, blocks)).record()

        data = np.concatenate(blocks).astype("<i2").tobytes()  # frames interleave the channels
        assert wav == wav_header(channels=2, sample_width=2, data_size=len(data)) + data

    async def test_float_samples_become_16_bit_pcm(self, sd: FakeSounddevice) -> None:
        block = np.array([[0.5], [-1.0], [2.0], [0.0]], dtype=np.float32)

        _, wav, _ = await Microphone(dtype=np.float32, should_record=feeding(sd, [block])).record()

        data = np.array([16383, -32767, 32767, 0], dtype="<i2").tobytes()
        assert wav == wav_header(channels=1, sample_width=2, data_size=len(data)) + data

    @pytest.mark.parametrize("should_record", [None, lambda: True], ids=["no_should_record", "always_recording"])
    async def test_stops_at_the_timeout(self, sd: FakeSounddevice, should_record: Optional[Callable[[], bool]]) -> None:
        sd.blocks_on_start = int16_blocks(1)

        with anyio.fail_after(5):  # fail rather than hang if the timeout were ignored
            audio = await Microphone(should_record=should_record, timeout=0.02).record(return_ndarray=True)

        np.testing.assert_array_equal(audio, sd.blocks_on_start[0])
        assert sd.inputs[0].closed

    async def test_nothing_recorded_is_an_empty_wav(self, sd: FakeSounddevice) -> None:
        _, wav, _ = await Microphone(should_record=lambda: False, timeout=10).record()

        assert wav == wav_header(channels=1, sample_width=2, data_size=0)
        assert sd.inputs[0].closed


def pcm(samples: List[int]) -> bytes:
    return np.array(samples, dtype="<i2").tobytes()


PCM_SAMPLES = [0, 16384, -16384, 32767, -32768]
PCM_AS_FLOAT = np.array([0.0, 0.5, -0.5, 32767 / 32768, -1.0], dtype=np.float32)


class TestLocalAudioPlayer:
    async def test_int16_array_is_played_as_float32(self, sd: FakeSounddevice) -> None:
        await LocalAudioPlayer().play(np.array(PCM_SAMPLES, dtype=np.int16))

        [stream] = sd.outputs
        assert (stream.samplerate, stream.channels, stream.dtype) == (24000, 1, "float32")
        np.testing.assert_array_equal(stream.played, PCM_AS_FLOAT)
        assert stream.stopped and stream.closed  # stopped first: what is buffered still plays

    async def test_float_array_is_played_unchanged(self, sd: FakeSounddevice) -> None:
        samples = np.array([[0.25], [-0.75], [1.0]], dtype=np.float64)

        await LocalAudioPlayer().play(samples)

        np.testing.assert_array_equal(sd.outputs[0].played, np.array([0.25, -0.75, 1.0], dtype=np.float32))

    @respx.mock
    async def test_speech_response(self, sd: FakeSounddevice) -> None:
        respx.post(f"{base_url}/audio/speech").mock(return_value=httpx.Response(200, content=pcm(PCM_SAMPLES)))
        client = OpenAI(base_url=base_url, api_key="sk-test")

        response = client.audio.speech.create(model="tts-1", voice="alloy", input="hi", response_format="pcm")
        await LocalAudioPlayer().play(response)

        np.testing.assert_array_equal(sd.outputs[0].played, PCM_AS_FLOAT)

    @respx.mock
    async def test_streamed_speech_response(self, sd: FakeSounddevice) -> None:
        respx.post(f"{base_url}/audio/speech").mock(return_value=httpx.Response(200, content=pcm(PCM_SAMPLES)))
        client = OpenAI(base_url=base_url, api_key="sk-test")

        with client.audio.speech.with_streaming_response.create(
            model="tts-1", voice="alloy", input="hi", response_format="pcm"
        ) as response:
            await LocalAudioPlayer().play(response)

        np.testing.assert_array_equal(sd.outputs[0].played, PCM_AS_FLOAT)

    @respx.mock
    async def test_async_streamed_speech_response(self, sd: FakeSounddevice) -> None:
        respx.post(f"{base_url}/audio/speech").mock(return_value=httpx.Response(200, content=pcm(PCM_SAMPLES)))
        client = AsyncOpenAI(base_url=base_url, api_key="sk-test")

        async with client.audio.speech.with_streaming_response.create(
            model="tts-1", voice="alloy", input="hi", response_format="pcm"
        ) as response:
            await LocalAudioPlayer().play(response)

        np.testing.assert_array_equal(sd.outputs[0].played, PCM_AS_FLOAT)

    async def test_should_stop_cuts_playback_short(self, sd: FakeSounddevice) -> None:
        one_second = np.arange(24000, dtype=np.int16)

        await LocalAudioPlayer(should_stop=lambda: len(sd.outputs[0].written) > 0).play(one_second)

        [stream] = sd.outputs
        assert 0 < len(stream.played) < len(one_second)
        np.testing.assert_array_equal(stream.played, one_second[: len(stream.played)] / np.float32(32768))
        assert stream.closed and not stream.stopped  # closed without draining: the rest is discarded

    async def test_should_stop_before_anything_plays(self, sd: FakeSounddevice) -> None:
        await LocalAudioPlayer(should_stop=lambda: True).play(np.ones(100, dtype=np.int16))

        assert sd.outputs[0].written == [] and sd.outputs[0].closed

    async def test_play_stream_plays_each_buffer_in_order(self, sd: FakeSounddevice) -> None:
        async def buffers() -> AsyncIterator[np.ndarray]:
            yield np.array(PCM_SAMPLES, dtype=np.int16)
            yield np.array([0.125, -0.125], dtype=np.float32)

        await LocalAudioPlayer().play_stream(buffers())

        [stream] = sd.outputs
        np.testing.assert_array_equal(stream.played, np.append(PCM_AS_FLOAT, [0.125, -0.125]))
        assert stream.stopped and stream.closed


def instructions(library: str) -> str:
    return (
        f"\n\nThis feature needs `{library}`, which is not installed. Install it with the `voice_helpers` extra:"
        "\n\n    $ pip install openai[voice_helpers]\n"
    )


class TestMissingDependencies:
    @pytest.mark.parametrize("library", ["sounddevice", "numpy"])
    async def test_recording(self, monkeypatch: pytest.MonkeyPatch, library: str) -> None:
        monkeypatch.setitem(sys.modules, library, None)

        with pytest.raises(MissingDependencyError) as exc_info:
            await Microphone(timeout=0).record()
        assert str(exc_info.value) == instructions(library)

    @pytest.mark.parametrize("library", ["sounddevice", "numpy"])
    async def test_playing(self, monkeypatch: pytest.MonkeyPatch, library: str) -> None:
        monkeypatch.setitem(sys.modules, library, None)

        with pytest.raises(MissingDependencyError) as exc_info:
            await LocalAudioPlayer().play(np.zeros(1, dtype=np.int16))
        assert str(exc_info.value) == instructions(library)

    def test_importing_the_helpers_needs_neither(self) -> None:
        code = (
            "import sys; sys.modules['numpy'] = sys.modules['sounddevice'] = None\n"
            "from openai.helpers import Microphone, LocalAudioPlayer\n"
            "from openai.helpers.microphone import SAMPLE_RATE\n"
            "from openai.helpers.local_audio_player import SAMPLE_RATE as PLAYER_RATE\n"
            "Microphone(timeout=1.0); LocalAudioPlayer()\n"
            "print(SAMPLE_RATE, PLAYER_RATE)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout == "24000 24000\n"
