"""Hand-written helpers on top of the generated API (structured outputs, streaming helpers, Azure, ...)."""

from typing_extensions import TypeVar

from ._tools import pydantic_function_tool as pydantic_function_tool

# The type a structured-output helper parses content into; None when nothing is parsed.
ResponseFormatT = TypeVar("ResponseFormatT", default=None)
