"""`openai._compat`: the pydantic shims other modules rely on."""

from __future__ import annotations

import sys
import subprocess
from typing import List, Union, Literal, Optional

import pydantic
import typing_extensions

from openai._compat import (
    PYDANTIC_V1,
    parse_obj,
    model_copy,
    model_dump,
    model_json,
    cached_property,
    is_literal_type,
    field_outer_type,
    get_model_fields,
    field_get_default,
    field_is_required,
    is_pydantic_model,
)


class Item(pydantic.BaseModel):
    name: str
    tags: List[str] = []
    note: Optional[str] = None
    score: Union[int, float] = pydantic.Field(default=0, alias="Score")


def test_pydantic_v2_only() -> None:
    assert PYDANTIC_V1 is False


def test_model_helpers() -> None:
    item = parse_obj(Item, {"name": "a", "Score": 2})
    assert isinstance(item, Item) and item.score == 2
    assert model_dump(item) == {"name": "a", "tags": [], "note": None, "score": 2}
    assert model_dump(item, exclude_unset=True, by_alias=True) == {"name": "a", "Score": 2}
    assert model_json(item) == '{"name":"a","tags":[],"note":null,"score":2}'
    copied = model_copy(item, deep=True)
    assert copied == item and copied is not item


def test_field_helpers() -> None:
    fields = get_model_fields(Item)
    assert list(fields) == ["name", "tags", "note", "score"]
    assert field_is_required(fields["name"]) and not field_is_required(fields["note"])
    assert field_get_default(fields["name"]) is None
    assert field_get_default(fields["tags"]) == []
    assert field_outer_type(fields["note"]) == Optional[str]


def test_is_literal_type() -> None:
    assert is_literal_type(Literal["a", "b"])
    assert is_literal_type(typing_extensions.Literal["a"])
    assert not is_literal_type(str)


def test_is_pydantic_model() -> None:
    assert is_pydantic_model(Item(name="x"))
    assert not is_pydantic_model(Item)
    assert not is_pydantic_model({"name": "x"})


def test_cached_property() -> None:
    class Resource:
        calls = 0

        @cached_property
        def child(self) -> object:
            Resource.calls += 1
            return object()

    resource = Resource()
    assert resource.child is resource.child
    assert Resource.calls == 1


def test_importing_the_shims_does_not_import_pydantic_models() -> None:
    code = "import sys, openai._compat, openai._utils; print('pydantic.main' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
