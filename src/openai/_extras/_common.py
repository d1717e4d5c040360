"""The error raised when an optional dependency (installed through an extra) is missing."""

from __future__ import annotations

from .._exceptions import OpenAIError

_INSTRUCTIONS = """

This feature needs `{library}`, which is not installed. Install it with the `{extra}` extra:

    $ pip install openai[{extra}]
"""


def format_instructions(*, library: str, extra: str) -> str:
    return _INSTRUCTIONS.format(library=library, extra=extra)


class MissingDependencyError(OpenAIError):
    pass
