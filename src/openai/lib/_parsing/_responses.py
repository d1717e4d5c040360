"""Structured outputs for the Responses API: a `text_format` type as its `text.format` request param, chat-style
function tools in the Responses shape, and a response's output text and function call arguments parsed into
the caller's types."""

from __future__ import annotations

import json
import inspect
import dataclasses
from typing import TYPE_CHECKING, Any, Dict, List, Type, Iterable, cast

from typing_extensions import TypeVar

from .._tools import PydanticFunctionTool, ResponsesPydanticFunctionTool
from ..._types import Omit, omit
from ..._utils import is_given
from ..._models import construct_type_unchecked
from .._pydantic import to_strict_json_schema

if TYPE_CHECKING:
    from ...types.responses import Response, ToolParam, ResponseTextConfigParam
    from ...types.responses.parsed_response import ParsedResponse
    from ...types.responses.function_tool_param import FunctionToolParam
    from ...types.chat.chat_completion_function_tool_param import ChatCompletionFunctionToolParam
    from ...types.responses.response_format_text_config_param import ResponseFormatTextConfigParam

__all__ = [
    "TextFormatT",
    "type_to_text_format_param",
    "text_config_param",
    "make_tools",
    "parse_text",
    "parse_function_tool_arguments",
    "parse_response",
]

# The type `responses.parse()` / `responses.stream()` parse output text into; None when nothing is parsed.
TextFormatT = TypeVar("TextFormatT", default=None)


def type_to_text_format_param(type_: type) -> ResponseFormatTextConfigParam:
    """The strict JSON schema text format for `type_`, a pydantic model class or a dataclass."""
    if not inspect.isclass(type_) or not (_is_pydantic_model(type_) or dataclasses.is_dataclass(type_)):
        raise TypeError(f"Unsupported text_format type - {type_}")
    return {"type": "json_schema", "strict": True, "name": type_.__name__, "schema": to_strict_json_schema(type_)}


def text_config_param(
    *, text: ResponseTextConfigParam | Omit, text_format: object, verbosity: object = omit
) -> ResponseTextConfigParam | Omit:
    """The `text` request param: `text` with `format` set from `text_format` and `verbosity` when they are given."""
    has_format = is_given(text_format) and text_format is not None
    has_verbosity = is_given(verbosity) and verbosity is not None
    if not has_format and not has_verbosity:
        return text
    config: Dict[str, object] = dict(text) if is_given(text) else {}
    if has_format:
        if "format" in config:
            raise TypeError("Cannot mix and match text.format with text_format")
        config["format"] = type_to_text_format_param(cast(type, text_format))
    if has_verbosity:
        config["verbosity"] = verbosity
    return cast("ResponseTextConfigParam", config)


def make_tools(tools: Iterable[ToolParam | ChatCompletionFunctionToolParam] | Omit) -> List[ToolParam] | Omit:
    """`tools` in the Responses shape: chat-style `{"type": "function", "function": {...}}` tools (such as
    `openai.pydantic_function_tool(Model)`) become Responses function tools, remembering their pydantic model."""
    if not is_given(tools):
        return omit
    converted: List[ToolParam] = []
    for tool in tools:
        if tool["type"] != "function" or "function" not in tool:
            converted.append(tool)
            continue
        definition = tool["function"]
        function_tool: FunctionToolParam = {
            "type": "function",
            "name": definition["name"],
            "parameters": cast(Dict[str, object], definition.get("parameters")),
            "strict": definition.get("strict"),
        }
        if "description" in definition:
            function_tool["description"] = definition["description"]
        if isinstance(definition, PydanticFunctionTool):
            function_tool = ResponsesPydanticFunctionTool(function_tool, definition.model).cast()
        converted.append(function_tool)
    return converted


def parse_text(text: str, *, text_format: object) -> object:
    """`text` parsed into `text_format` (a pydantic model class or a type pydantic validates), or None without one."""
    if not is_given(text_format) or text_format is None:
        return None
    if inspect.isclass(text_format) and _is_pydantic_model(text_format):
        return cast("Type[Any]", text_format).model_validate_json(text)
    if dataclasses.is_dataclass(text_format):
        import pydantic

        return pydantic.TypeAdapter(cast("Type[Any]", text_format)).validate_json(text)
    raise TypeError(f"Unable to automatically parse response format type {text_format}")


def parse_function_tool_arguments(*, input_tools: Iterable[ToolParam] | Omit, name: str, arguments: str) -> object:
    """A function call's arguments as its tool's pydantic model, as decoded JSON for other strict function tools,
    else None."""
    if not is_given(input_tools):
        return None
    for tool in input_tools:
        if tool["type"] != "function" or tool["name"] != name:
            continue
        if isinstance(tool, ResponsesPydanticFunctionTool):
            return tool.model.model_validate_json(arguments)
        return json.loads(arguments) if tool.get("strict") else None
    return None


def parse_response(
    *, text_format: object, input_tools: Iterable[ToolParam] | Omit, response: Response
) -> ParsedResponse[Any]:
    """`response` with each output text's `parsed` and each function call's `parsed_arguments` filled in."""
    from ...types.responses.parsed_response import ParsedResponse

    output: List[Dict[str, Any]] = []
    for item in response.output:
        data = item.to_dict()
        if item.type == "message":
            data["content"] = [
                {**part.to_dict(), "parsed": parse_text(part.text, text_format=text_format)}
                if part.type == "output_text"
                else part.to_dict()
                for part in item.content
            ]
        elif item.type == "function_call":
            data["parsed_arguments"] = parse_function_tool_arguments(
                input_tools=input_tools, name=item.name, arguments=item.arguments
            )
        output.append(data)
    return construct_type_unchecked(type_=ParsedResponse[Any], value={**response.to_dict(), "output": output})


def _is_pydantic_model(type_: type) -> bool:
    import pydantic

    return issubclass(type_, pydantic.BaseModel)
