"""Decoding of base64 embeddings, the post-parser of `embeddings.create` when the caller chose no `encoding_format`."""

from __future__ import annotations

import sys
import array
import base64
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..types.create_embedding_response import CreateEmbeddingResponse


def decode_base64_embeddings(response: CreateEmbeddingResponse) -> CreateEmbeddingResponse:
    """Replace, in place, each embedding sent as base64 (little-endian float32) by its `list[float]`.

    `array` gives the same floats as `numpy.frombuffer(...).tolist()` at the same speed (building the
    Python floats is what costs), without importing numpy.
    """
    if not response.data:
        raise ValueError("No embedding data received")
    for item in response.data:
        embedding: object = item.embedding
        if isinstance(embedding, str):
            floats = array.array("f", base64.b64decode(embedding))
            if sys.byteorder == "big":
                floats.byteswap()
            item.embedding = floats.tolist()
    return response
