"""Strict JSON schemas of pydantic models and `pydantic_function_tool`."""

from __future__ import annotations

import sys
import subprocess
from enum import Enum
from typing import Any, Dict, List, Union, Optional

import pydantic
from pydantic.dataclasses import dataclass

from openai.lib import pydantic_function_tool
from openai.lib._tools import PydanticFunctionTool
from openai.lib._pydantic import to_strict_json_schema


class Color(Enum):
    RED = "red"
    BLUE = "blue"


class Location(pydantic.BaseModel):
    city: str
    country: Optional[str] = None


class Query(pydantic.BaseModel):
    """Look up the weather."""

    location: Location = pydantic.Field(description="Where to look")
    colors: List[Color]
    units: Union[int, str, None] = None
    parent: Optional[Query] = None


LOCATION = {
    "additionalProperties": False,
    "properties": {
        "city": {"title": "City", "type": "string"},
        "country": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Country"},
    },
    "required": ["city", "country"],
    "title": "Location",
    "type": "object",
}

QUERY = {
    "additionalProperties": False,
    "description": "Look up the weather.",
    "properties": {
        # a `$ref` with a sibling description is replaced by the (strict) schema it points to
        "location": {**LOCATION, "description": "Where to look"},
        "colors": {"items": {"$ref": "#/$defs/Color"}, "title": "Colors", "type": "array"},
        "units": {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}], "title": "Units"},
        "parent": {"anyOf": [{"$ref": "#/$defs/Query"}, {"type": "null"}]},
    },
    "required": ["location", "colors", "units", "parent"],
    "title": "Query",
    "type": "object",
}


def test_strict_schema_of_a_nested_model() -> None:
    defs = {
        "Color": {"enum": ["red", "blue"], "title": "Color", "type": "string"},
        "Location": LOCATION,
        "Query": QUERY,
    }
    # the root `$ref` has `$defs` beside it, so it is inlined as well
    assert to_strict_json_schema(Query) == {"$defs": defs, **QUERY}
    assert to_strict_json_schema(Location) == LOCATION


def test_rules_on_a_raw_schema() -> None:
    class Model(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(
            json_schema_extra={
                "properties": {
                    "open": {"type": "object", "properties": {}, "additionalProperties": True},
                    "wrapped": {"allOf": [{"type": "object", "properties": {"x": {"type": "integer"}}}]},
                    "both": {"allOf": [{"type": "string"}, {"type": "object", "properties": {}}]},
                    "defaulted": {"type": "string", "default": None},
                    "kept_default": {"type": "string", "default": "x"},
                }
            }
        )

    schema = to_strict_json_schema(Model)
    properties = schema["properties"]
    assert properties["open"]["additionalProperties"] is True
    assert properties["wrapped"] == {
        "type": "object",
        "properties": {"x": {"type": "integer"}},
        "required": ["x"],
        "additionalProperties": False,
    }
    assert properties["both"]["allOf"][1] == {
        "type": "object",
        "properties": {},
        "required": [],
        "additionalProperties": False,
    }
    assert "default" not in properties["defaulted"]
    assert properties["kept_default"]["default"] == "x"
    assert schema["required"] == ["open", "wrapped", "both", "defaulted", "kept_default"]


@dataclass
class Point:
    x: int
    label: Optional[str] = None


def test_pydantic_dataclasses_and_type_adapters() -> None:
    expected: Dict[str, Any] = {
        "additionalProperties": False,
        "properties": {
            "x": {"title": "X", "type": "integer"},
            "label": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Label"},
        },
        "required": ["x", "label"],
        "title": "Point",
        "type": "object",
    }
    assert to_strict_json_schema(Point) == expected
    assert to_strict_json_schema(pydantic.TypeAdapter(Point)) == expected


def test_pydantic_function_tool() -> None:
    tool = pydantic_function_tool(Location)
    assert tool == {
        "type": "function",
        "function": {"name": "Location", "strict": True, "parameters": to_strict_json_schema(Location)},
    }
    function = tool["function"]
    assert isinstance(function, PydanticFunctionTool)
    assert function.model is Location


def test_pydantic_function_tool_name_and_description() -> None:
    tool = pydantic_function_tool(Query)
    assert tool["function"]["name"] == "Query"
    assert tool["function"].get("description") == "Look up the weather."

    renamed = pydantic_function_tool(Query, name="get_weather", description="Custom.")
    assert renamed["function"]["name"] == "get_weather"
    assert renamed["function"].get("description") == "Custom."


def test_importing_lib_is_cheap() -> None:
    code = "import sys, openai.lib; print('pydantic.main' in sys.modules, openai.lib.ResponseFormatT)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False ~ResponseFormatT"
