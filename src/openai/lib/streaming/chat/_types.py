"""The snapshot types of a chat completion stream: the completion accumulated from the chunks received so far."""

from __future__ import annotations

from typing import List, Optional

from typing_extensions import Literal

from ....types.chat.parsed_chat_completion import ParsedChoice, ParsedChatCompletion, ParsedChatCompletionMessage
from ....types.chat.parsed_function_tool_call import ParsedFunctionToolCall

__all__ = ["ParsedChatCompletionMessageSnapshot", "ParsedChoiceSnapshot", "ParsedChatCompletionSnapshot"]


class ParsedChatCompletionMessageSnapshot(ParsedChatCompletionMessage[object]):
    """The message so far; `parsed` holds the partially parsed JSON content while a response format type is given."""

    tool_calls: Optional[List[ParsedFunctionToolCall]] = None  # type: ignore[assignment]
    """The tool calls so far; `function.parsed_arguments` holds their partially parsed arguments."""


class ParsedChoiceSnapshot(ParsedChoice[object]):
    message: ParsedChatCompletionMessageSnapshot  # pyright: ignore[reportIncompatibleVariableOverride]
    """The message so far."""

    finish_reason: Optional[  # type: ignore[assignment]
        Literal["stop", "length", "tool_calls", "content_filter", "function_call"]
    ] = None
    """Why the model stopped; None until the choice's last chunk."""


class ParsedChatCompletionSnapshot(ParsedChatCompletion[object]):
    choices: List[ParsedChoiceSnapshot]  # type: ignore[assignment]
    """The choices so far."""
