"""`openapi_dumps`: the JSON encoding of request bodies."""

from __future__ import annotations

import json
from datetime import date

from .._compat import model_dump, is_pydantic_model


def _default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if is_pydantic_model(value):
        return model_dump(value, mode="json", by_alias=True, exclude_unset=True)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# Built once: `json.dumps` would construct an equivalent encoder on every call.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=_default)


def openapi_dumps(obj: object) -> bytes:
    """Compact UTF-8 JSON; NaN/Infinity are rejected, dates become ISO strings, pydantic models their set fields."""
    return _ENCODER.encode(obj).encode("utf-8")
