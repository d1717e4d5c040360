"""`ResponseTextMixin`: the `output_text` property that the generated `Response` model inherits (and so
`ParsedResponse`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from ..types.responses.response_output_item import ResponseOutputItem

__all__ = ["ResponseTextMixin"]


class ResponseTextMixin:
    if TYPE_CHECKING:
        output: List[ResponseOutputItem]

    @property
    def output_text(self) -> str:
        """The text of every `output_text` part of the `message` outputs, joined; `""` if there is none."""
        return "".join(
            content.text
            for output in self.output
            if output.type == "message"
            for content in output.content
            if content.type == "output_text"
        )
