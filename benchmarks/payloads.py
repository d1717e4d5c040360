# pyright: strict
"""Request constants and the prebuilt, deterministic response bodies the loopback server returns."""

from __future__ import annotations

import json
import math
import base64
import struct
from typing import Any, Dict, List

MODEL = "gpt-4o-mini"
MESSAGES: List[Dict[str, str]] = [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "Explain in two sentences why the sky is blue."},
]
EMBEDDING_MODEL = "text-embedding-3-small"
EMBEDDING_INPUT = [f"document number {i}" for i in range(256)]
EMBEDDING_DIMS = 1536
STREAM_CHUNKS = 20_000

_ID = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT"
_CREATED = 1741569952
_SERVED_MODEL = "gpt-4o-mini-2024-07-18"
_FINGERPRINT = "fp_06737a9306"
CONTENT = (
    "Sunlight is scattered by the molecules in the atmosphere, and shorter blue wavelengths are scattered "
    "much more strongly than longer red ones (Rayleigh scattering). So when you look at the sky away from "
    "the sun, you mostly see this scattered blue light coming at you from every direction."
)


def _dumps(value: Any, *, indent: int | None = None) -> bytes:
    separators = None if indent else (",", ":")
    return json.dumps(value, indent=indent, separators=separators).encode()


def chat_completion() -> bytes:
    """A non-streaming `chat.completion`, pretty-printed like the real API does."""
    return _dumps(
        {
            "id": _ID,
            "object": "chat.completion",
            "created": _CREATED,
            "model": _SERVED_MODEL,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": CONTENT, "refusal": None, "annotations": []},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": 27,
                "completion_tokens": 58,
                "total_tokens": 85,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {
                    "reasoning_tokens": 0,
                    "audio_tokens": 0,
                    "accepted_prediction_tokens": 0,
                    "rejected_prediction_tokens": 0,
                },
            },
            "service_tier": "default",
            "system_fingerprint": _FINGERPRINT,
        },
        indent=2,
    )


def _chunk(delta: Dict[str, Any], finish_reason: str | None = None) -> bytes:
    choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
    chunk = {
        "id": _ID,
        "object": "chat.completion.chunk",
        "created": _CREATED,
        "model": _SERVED_MODEL,
        "service_tier": "default",
        "system_fingerprint": _FINGERPRINT,
        "choices": [choice],
    }
    return b"data: " + _dumps(chunk) + b"\n\n"


def chat_stream() -> bytes:
    """An SSE body of `STREAM_CHUNKS` `chat.completion.chunk` events (role, few-character deltas, stop), then `[DONE]`."""
    words = CONTENT.split(" ")
    events = [_chunk({"role": "assistant", "content": "", "refusal": None})]
    events += [_chunk({"content": " " + words[i % len(words)]}) for i in range(STREAM_CHUNKS - 2)]
    events.append(_chunk({}, "stop"))
    events.append(b"data: [DONE]\n\n")
    return b"".join(events)


def _vector(index: int) -> List[float]:
    """A deterministic float32 vector (9 significant digits round-trip float32 exactly, so both bodies agree)."""
    raw = [math.sin(index * 7.31 + d * 0.017) * 0.035 for d in range(EMBEDDING_DIMS)]
    return [float(f"{x:.9g}") for x in struct.unpack(f"<{EMBEDDING_DIMS}f", struct.pack(f"<{EMBEDDING_DIMS}f", *raw))]


def embeddings(*, base64_encoded: bool) -> bytes:
    """A `list` of 256 embeddings of `EMBEDDING_DIMS` dims, as float arrays or base64 little-endian float32."""
    data: List[Dict[str, Any]] = []
    for i in range(len(EMBEDDING_INPUT)):
        vector = _vector(i)
        embedding: Any = vector
        if base64_encoded:
            embedding = base64.b64encode(struct.pack(f"<{EMBEDDING_DIMS}f", *vector)).decode()
        data.append({"object": "embedding", "index": i, "embedding": embedding})
    usage = {"prompt_tokens": 1024, "total_tokens": 1024}
    return _dumps({"object": "list", "data": data, "model": EMBEDDING_MODEL, "usage": usage}, indent=2)
