"""Structured outputs for chat completions: turning a `response_format` type into its request param, checking the
tools that can be auto-parsed, and parsing a completion's content and tool-call arguments into those types."""

from __future__ import annotations

import json
import inspect
import dataclasses
from typing import TYPE_CHECKING, Any, Dict, List, Type, Iterable, Optional, cast

from .._tools import PydanticFunctionTool
from ..._types import Omit, omit
from ..._utils import is_given
from ..._models import construct_type_unchecked
from .._pydantic import to_strict_json_schema
from ..._exceptions import LengthFinishReasonError, ContentFilterFinishReasonError

if TYPE_CHECKING:
    from ...types.chat import ChatCompletion, ChatCompletionMessage, ChatCompletionToolUnionParam
    from ...types.chat.parsed_chat_completion import ParsedChatCompletion
    from ...types.chat.completion_create_params import ResponseFormat as ResponseFormatParam
    from ...types.chat.chat_completion_function_tool_param import ChatCompletionFunctionToolParam
    from ...types.chat.chat_completion_message_function_tool_call import Function

__all__ = [
    "type_to_response_format_param",
    "validate_response_format",
    "validate_input_tools",
    "has_rich_response_format",
    "has_parseable_input",
    "get_input_tool_by_name",
    "parse_function_tool_arguments",
    "maybe_parse_content",
    "parse_chat_completion",
]


def has_rich_response_format(response_format: object) -> bool:
    """Whether `response_format` is a type to parse content into (rather than omitted or a plain request dict)."""
    return is_given(response_format) and response_format is not None and not isinstance(response_format, dict)


def validate_response_format(response_format: object) -> None:
    """`chat.completions.create()` only takes request dicts: a model class belongs to `parse()`."""
    if inspect.isclass(response_format) and _is_pydantic_model(response_format):
        raise TypeError(
            "You tried to pass a `BaseModel` class to `chat.completions.create()`; "
            "You must use `chat.completions.parse()` instead"
        )


def type_to_response_format_param(response_format: object) -> ResponseFormatParam | Omit:
    """The `response_format` request param: dicts are sent as given, a type becomes its strict JSON schema."""
    if not is_given(response_format) or response_format is None:
        return omit
    if isinstance(response_format, dict):
        return cast("ResponseFormatParam", response_format)
    if not inspect.isclass(response_format) or not (
        _is_pydantic_model(response_format) or dataclasses.is_dataclass(response_format)
    ):
        raise TypeError(f"Unsupported response_format type - {response_format}")
    return {
        "type": "json_schema",
        "json_schema": {
            "schema": to_strict_json_schema(response_format),
            "name": response_format.__name__,
            "strict": True,
        },
    }


def validate_input_tools(tools: Iterable[ChatCompletionToolUnionParam] | Omit = omit) -> None:
    """Only strict function tools can be auto-parsed; raise `ValueError` for any other tool."""
    if not is_given(tools):
        return
    for tool in tools:
        if tool["type"] != "function":
            raise ValueError(f"Currently only `function` tool types support auto-parsing; Received `{tool['type']}`")
        if tool["function"].get("strict") is not True:
            raise ValueError(
                f"`{tool['function']['name']}` is not strict. Only `strict` function tools can be auto-parsed"
            )


def has_parseable_input(
    *, response_format: object, input_tools: Iterable[ChatCompletionToolUnionParam] | Omit = omit
) -> bool:
    """Whether anything in the request asks for parsing: a response format type or a `pydantic_function_tool()`."""
    if has_rich_response_format(response_format):
        return True
    return is_given(input_tools) and any(
        tool["type"] == "function" and isinstance(tool["function"], PydanticFunctionTool) for tool in input_tools
    )


def get_input_tool_by_name(
    *, input_tools: Iterable[ChatCompletionToolUnionParam] | Omit, name: str
) -> ChatCompletionFunctionToolParam | None:
    if not is_given(input_tools):
        return None
    for tool in input_tools:
        if tool["type"] == "function" and tool["function"]["name"] == name:
            return tool
    return None


def parse_function_tool_arguments(
    *, input_tools: Iterable[ChatCompletionToolUnionParam] | Omit, function: Function
) -> object:
    """A tool call's arguments as the tool's pydantic model, as decoded JSON for other strict tools, else None."""
    tool = get_input_tool_by_name(input_tools=input_tools, name=function.name)
    if tool is None:
        return None
    definition = tool["function"]
    if isinstance(definition, PydanticFunctionTool):
        return definition.model.model_validate_json(function.arguments)
    if definition.get("strict") is not True:
        return None
    return json.loads(function.arguments)


def maybe_parse_content(*, response_format: object, message: ChatCompletionMessage) -> object:
    """The message content parsed into `response_format`, or None (no type asked for, no content, or a refusal)."""
    if not has_rich_response_format(response_format) or not message.content or message.refusal:
        return None
    return _parse_content(response_format, message.content)


def parse_chat_completion(
    *,
    response_format: object,
    input_tools: Iterable[ChatCompletionToolUnionParam] | Omit,
    chat_completion: ChatCompletion,
) -> ParsedChatCompletion[Any]:
    """`chat_completion` with `message.parsed` and function tool calls' `parsed_arguments` filled in.

    Raises `LengthFinishReasonError` / `ContentFilterFinishReasonError` when a choice stopped for those reasons.
    """
    from ...types.chat.parsed_chat_completion import ParsedChatCompletion

    choices: List[Dict[str, object]] = []
    for choice in chat_completion.choices:
        if choice.finish_reason == "length":
            raise LengthFinishReasonError(completion=chat_completion)
        if choice.finish_reason == "content_filter":
            raise ContentFilterFinishReasonError()

        message = choice.message
        tool_calls: Optional[List[Dict[str, Any]]] = None
        if message.tool_calls is not None:
            tool_calls = []
            for call in message.tool_calls:
                data = call.to_dict()
                if call.type == "function":
                    parsed = parse_function_tool_arguments(input_tools=input_tools, function=call.function)
                    data["function"] = {**call.function.to_dict(), "parsed_arguments": parsed}
                tool_calls.append(data)
        choices.append(
            {
                **choice.to_dict(),
                "message": {
                    **message.to_dict(),
                    "parsed": maybe_parse_content(response_format=response_format, message=message),
                    **({"tool_calls": tool_calls} if tool_calls is not None else {}),
                },
            }
        )
    return construct_type_unchecked(
        type_=ParsedChatCompletion[Any],
        value={**chat_completion.to_dict(), "choices": choices},
    )


def _is_pydantic_model(type_: type) -> bool:
    import pydantic

    return issubclass(type_, pydantic.BaseModel)


def _parse_content(response_format: object, content: str) -> object:
    if inspect.isclass(response_format) and _is_pydantic_model(response_format):
        return cast("Type[Any]", response_format).model_validate_json(content)
    if dataclasses.is_dataclass(response_format):
        import pydantic

        return pydantic.TypeAdapter(cast("Type[Any]", response_format)).validate_json(content)
    raise TypeError(f"Unable to automatically parse response format type {response_format}")
