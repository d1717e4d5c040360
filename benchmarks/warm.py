# pyright: strict
"""Warm-client scenarios, SDK vs raw httpx on the same loopback server: chat completions (sync and async),
a 20,000-chunk chat stream (sync and async), and a 256 x 1536 embeddings response (base64 and float)."""

from __future__ import annotations

import json
import array
import base64
import asyncio
import statistics
from typing import TYPE_CHECKING, Any, Dict, List, Callable, Optional

import httpx
from report import Result
from timing import compare, acompare
from payloads import MODEL, STREAM_CHUNKS, EMBEDDING_INPUT, EMBEDDING_MODEL

from openai import OpenAI, AsyncOpenAI

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletionMessageParam

try:
    import numpy
except ImportError:  # pragma: no cover - numpy is optional, as in the SDK
    numpy = None

API_KEY = "sk-benchmark"
MESSAGES: List[ChatCompletionMessageParam] = [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "Explain in two sentences why the sky is blue."},
]
_CHAT_BODY = {"model": MODEL, "messages": MESSAGES}
_STREAM_BODY = {**_CHAT_BODY, "stream": True}


def _raw_client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"})


def _raw_async_client(base_url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"})


def _result(
    scenario: str,
    samples: Dict[str, List[float]],
    unit: str,
    convert: Callable[[float], float],
    target: Optional[float] = None,
    higher_is_better: bool = False,
) -> Result:
    """Turn per-operation seconds into `unit` and keep the median of the batches."""
    figures = {side: [convert(s) for s in values] for side, values in samples.items()}
    sdk, raw = statistics.median(figures["sdk"]), statistics.median(figures["raw"])
    return Result(scenario, unit, sdk, raw, target, higher_is_better, figures)


def _micros(seconds: float) -> float:
    return seconds * 1e6


def _millis(seconds: float) -> float:
    return seconds * 1e3


def _chunks_per_second(seconds: float) -> float:
    return STREAM_CHUNKS / seconds


def _raw_content(response: httpx.Response) -> Optional[str]:
    return json.loads(response.content)["choices"][0]["message"]["content"]


def _is_chunk(line: str) -> bool:
    return line.startswith("data: ") and line != "data: [DONE]"


def _raw_delta(line: str) -> Optional[str]:
    """The delta's content; the final chunk's delta is empty, which reads as `None` as in the SDK."""
    return json.loads(line[6:])["choices"][0]["delta"].get("content")


def _decode_base64(data: str) -> List[float]:
    """Little-endian float32 to floats, the way the SDK does it: numpy when installed, `array` otherwise."""
    if numpy is not None:
        return numpy.frombuffer(base64.b64decode(data), dtype="float32").tolist()
    return array.array("f", base64.b64decode(data)).tolist()


def chat(base_url: str, *, batches: int, iterations: int) -> List[Result]:
    """(b) microseconds per non-streaming chat completion, reading the message content."""
    with OpenAI(base_url=base_url, api_key=API_KEY) as sdk_client, _raw_client(base_url) as raw_client:

        def sdk() -> Optional[str]:
            completion = sdk_client.chat.completions.create(model=MODEL, messages=MESSAGES)
            return completion.choices[0].message.content

        def raw() -> Optional[str]:
            return _raw_content(raw_client.post("/chat/completions", json=_CHAT_BODY))

        samples = compare(sdk, raw, batches=batches, iterations=iterations)
    return [_result("chat completion (warm)", samples, "us", _micros, 1.15)]


def stream(base_url: str, *, batches: int) -> List[Result]:
    """(c) chunks per second over a 20,000-chunk chat stream, reading every delta's content."""
    with OpenAI(base_url=base_url, api_key=API_KEY) as sdk_client, _raw_client(base_url) as raw_client:

        def sdk() -> List[Optional[str]]:
            chunks = sdk_client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
            return [chunk.choices[0].delta.content for chunk in chunks]

        def raw() -> List[Optional[str]]:
            with raw_client.stream("POST", "/chat/completions", json=_STREAM_BODY) as response:
                return [_raw_delta(line) for line in response.iter_lines() if _is_chunk(line)]

        samples = compare(sdk, raw, batches=batches, iterations=1)
    return [_result("chat stream, 20k chunks", samples, "chunk/s", _chunks_per_second, 0.6, higher_is_better=True)]


def embeddings(base_url: str, *, batches: int) -> List[Result]:
    """(d) milliseconds per 256 x 1536 embeddings response, base64 (decoded to floats) and float."""
    with OpenAI(base_url=base_url, api_key=API_KEY) as sdk_client, _raw_client(base_url) as raw_client:

        def raw_data(encoding_format: str) -> List[Dict[str, Any]]:
            body = {"model": EMBEDDING_MODEL, "input": EMBEDDING_INPUT, "encoding_format": encoding_format}
            return json.loads(raw_client.post("/embeddings", json=body).content)["data"]

        def sdk_base64() -> List[List[float]]:
            response = sdk_client.embeddings.create(model=EMBEDDING_MODEL, input=EMBEDDING_INPUT)
            return [item.embedding for item in response.data]

        def raw_base64() -> List[List[float]]:
            return [_decode_base64(item["embedding"]) for item in raw_data("base64")]

        def sdk_float() -> List[List[float]]:
            response = sdk_client.embeddings.create(
                model=EMBEDDING_MODEL, input=EMBEDDING_INPUT, encoding_format="float"
            )
            return [item.embedding for item in response.data]

        def raw_float() -> List[List[float]]:
            return [item["embedding"] for item in raw_data("float")]

        base64_samples = compare(sdk_base64, raw_base64, batches=batches, iterations=1)
        float_samples = compare(sdk_float, raw_float, batches=batches, iterations=1)
    return [
        _result("embeddings 256x1536, base64", base64_samples, "ms", _millis, 1.1),
        _result("embeddings 256x1536, float", float_samples, "ms", _millis, 1.5),
    ]


def async_chat(base_url: str, *, batches: int, iterations: int) -> List[Result]:
    """(b) with `AsyncOpenAI` vs `httpx.AsyncClient` (reported, no target)."""

    async def run() -> Dict[str, List[float]]:
        sdk_client, raw_client = AsyncOpenAI(base_url=base_url, api_key=API_KEY), _raw_async_client(base_url)
        async with sdk_client, raw_client:

            async def sdk() -> Optional[str]:
                completion = await sdk_client.chat.completions.create(model=MODEL, messages=MESSAGES)
                return completion.choices[0].message.content

            async def raw() -> Optional[str]:
                return _raw_content(await raw_client.post("/chat/completions", json=_CHAT_BODY))

            return await acompare(sdk, raw, batches=batches, iterations=iterations)

    return [_result("async chat completion (warm)", asyncio.run(run()), "us", _micros)]


def async_stream(base_url: str, *, batches: int) -> List[Result]:
    """(c) with `AsyncOpenAI` vs `httpx.AsyncClient` (reported, no target)."""

    async def run() -> Dict[str, List[float]]:
        sdk_client, raw_client = AsyncOpenAI(base_url=base_url, api_key=API_KEY), _raw_async_client(base_url)
        async with sdk_client, raw_client:

            async def sdk() -> List[Optional[str]]:
                chunks = await sdk_client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
                return [chunk.choices[0].delta.content async for chunk in chunks]

            async def raw() -> List[Optional[str]]:
                async with raw_client.stream("POST", "/chat/completions", json=_STREAM_BODY) as response:
                    return [_raw_delta(line) async for line in response.aiter_lines() if _is_chunk(line)]

            return await acompare(sdk, raw, batches=batches, iterations=1)

    return [_result("async chat stream, 20k chunks", asyncio.run(run()), "chunk/s", _chunks_per_second)]
