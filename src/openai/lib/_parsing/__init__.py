"""Parsing model output into the caller's types (structured outputs and strict function tools)."""

from ._completions import (
    has_parseable_input as has_parseable_input,
    maybe_parse_content as maybe_parse_content,
    validate_input_tools as validate_input_tools,
    parse_chat_completion as parse_chat_completion,
    get_input_tool_by_name as get_input_tool_by_name,
    has_rich_response_format as has_rich_response_format,
    validate_response_format as validate_response_format,
    parse_function_tool_arguments as parse_function_tool_arguments,
    type_to_response_format_param as type_to_response_format_param,
)
