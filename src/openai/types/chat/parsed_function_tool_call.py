"""Tool calls whose JSON arguments were parsed by `chat.completions.parse()` (hand-written, not generated)."""

from typing import Optional

from .chat_completion_message_function_tool_call import Function, ChatCompletionMessageFunctionToolCall

__all__ = ["ParsedFunctionToolCall", "ParsedFunction"]


class ParsedFunction(Function):
    parsed_arguments: Optional[object] = None
    """The arguments parsed into the tool's pydantic model, for strict `pydantic_function_tool()` tools."""


class ParsedFunctionToolCall(ChatCompletionMessageFunctionToolCall):
    function: ParsedFunction  # pyright: ignore[reportIncompatibleVariableOverride]
    """The function that the model called, with its parsed arguments."""
