"""Decoding of base64 embeddings (little-endian float32) by the `embeddings.create` post-parser."""

from __future__ import annotations

import base64
import random
import struct
from typing import List

import pytest

from openai.lib._embeddings import decode_base64_embeddings
from openai.types.embedding import Embedding
from openai.types.create_embedding_response import Usage, CreateEmbeddingResponse


def encode(values: List[float]) -> str:
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode()


def response(*embeddings: object) -> CreateEmbeddingResponse:
    return CreateEmbeddingResponse.model_construct(
        data=[
            Embedding.model_construct(embedding=embedding, index=index, object="embedding")
            for index, embedding in enumerate(embeddings)
        ],
        model="text-embedding-3-small",
        object="list",
        usage=Usage.model_construct(prompt_tokens=1, total_tokens=1),
    )


def test_decodes_each_embedding_in_place() -> None:
    parsed = response(encode([1.0, -2.5, 0.15625]), encode([0.0, 3.0]))
    first = parsed.data[0]

    assert decode_base64_embeddings(parsed) is parsed
    assert parsed.data[0] is first
    assert [item.embedding for item in parsed.data] == [[1.0, -2.5, 0.15625], [0.0, 3.0]]
    assert all(type(value) is float for value in parsed.data[0].embedding)


def test_matches_float32_precision() -> None:
    values = [random.uniform(-1, 1) for _ in range(1536)]
    parsed = decode_base64_embeddings(response(encode(values)))
    expected = list(struct.unpack("<1536f", struct.pack("<1536f", *values)))
    assert parsed.data[0].embedding == expected


def test_agrees_with_numpy() -> None:
    numpy = pytest.importorskip("numpy")
    encoded = encode([random.uniform(-1, 1) for _ in range(64)])
    expected = numpy.frombuffer(base64.b64decode(encoded), dtype="<f4").tolist()
    assert decode_base64_embeddings(response(encoded)).data[0].embedding == expected


def test_float_lists_are_left_alone() -> None:
    parsed = decode_base64_embeddings(response([0.5, 0.25], encode([1.5])))
    assert [item.embedding for item in parsed.data] == [[0.5, 0.25], [1.5]]


def test_no_data_is_an_error() -> None:
    with pytest.raises(ValueError, match="^No embedding data received$"):
        decode_base64_embeddings(response())
