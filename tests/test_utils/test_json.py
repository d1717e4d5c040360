"""`openapi_dumps`: the JSON encoding of request bodies."""

from __future__ import annotations

import json
import math
from typing import Dict, Optional
from datetime import date, datetime, timezone

import pytest
import pydantic

from openai._utils._json import openapi_dumps


def test_compact_utf8_output() -> None:
    assert openapi_dumps({"a": [1, 2.5, None, True], "b": {"c": "d"}}) == b'{"a":[1,2.5,null,true],"b":{"c":"d"}}'
    assert openapi_dumps({"text": "héllo ✓ 日本"}) == '{"text":"héllo ✓ 日本"}'.encode()
    assert openapi_dumps("x") == b'"x"'


def test_tuples_are_arrays() -> None:
    assert openapi_dumps({"a": (1, 2)}) == b'{"a":[1,2]}'


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_rejected(value: float) -> None:
    with pytest.raises(ValueError):
        openapi_dumps({"a": value})


def test_dates_become_iso_strings() -> None:
    aware = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert openapi_dumps({"when": aware, "day": date(2024, 1, 2), "naive": datetime(2024, 1, 2)}) == (
        b'{"when":"2024-01-02T03:04:05+00:00","day":"2024-01-02","naive":"2024-01-02T00:00:00"}'
    )


class Inner(pydantic.BaseModel):
    schema_: Dict[str, object] = pydantic.Field(alias="schema")
    note: Optional[str] = None


class Outer(pydantic.BaseModel):
    inner: Inner
    count: int = 0


def test_models_are_written_with_their_set_fields_by_alias() -> None:
    body = openapi_dumps({"model": Outer(inner=Inner(schema={"type": "object"}))})
    assert json.loads(body) == {"model": {"inner": {"schema": {"type": "object"}}}}


def test_unknown_objects_are_rejected() -> None:
    with pytest.raises(TypeError, match="Object of type object is not JSON serializable"):
        openapi_dumps({"a": object()})
