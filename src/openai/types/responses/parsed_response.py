"""Responses whose output text and strict function tool arguments were parsed by `responses.parse()` /
`responses.stream()` into the caller's types (hand-written, not generated)."""

from typing import TYPE_CHECKING, List, Union, Generic, TypeVar, Optional

from typing_extensions import Annotated, TypeAlias

from .response import Response
from ..._models import GenericModel
from ..._utils import PropertyInfo
from .response_output_item import (
    McpCall,
    McpListTools,
    LocalShellCall,
    Program,
    ProgramOutput,
    AdditionalTools,
    ImageGenerationCall,
    LocalShellCallOutput,
    McpApprovalRequest,
    McpApprovalResponse,
)
from .response_output_text import ResponseOutputText
from .response_output_message import ResponseOutputMessage
from .response_output_refusal import ResponseOutputRefusal
from .response_reasoning_item import ResponseReasoningItem
from .response_compaction_item import ResponseCompactionItem
from .response_custom_tool_call import ResponseCustomToolCall
from .response_tool_search_call import ResponseToolSearchCall
from .response_computer_tool_call import ResponseComputerToolCall
from .response_function_tool_call import ResponseFunctionToolCall
from .response_function_web_search import ResponseFunctionWebSearch
from .response_apply_patch_tool_call import ResponseApplyPatchToolCall
from .response_file_search_tool_call import ResponseFileSearchToolCall
from .response_tool_search_output_item import ResponseToolSearchOutputItem
from .response_function_shell_tool_call import ResponseFunctionShellToolCall
from .response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from .response_apply_patch_tool_call_output import ResponseApplyPatchToolCallOutput
from .response_custom_tool_call_output_item import ResponseCustomToolCallOutputItem
from .response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
from .response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
from .response_function_shell_tool_call_output import ResponseFunctionShellToolCallOutput

__all__ = [
    "ParsedResponse",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputItem",
    "ParsedContent",
]

ContentType = TypeVar("ContentType")


class ParsedResponseOutputText(ResponseOutputText, GenericModel, Generic[ContentType]):
    parsed: Optional[ContentType] = None
    """The text parsed into the requested `text_format` type, when one was given."""


# For type checkers these aliases are generic in `ContentType`. A runtime `Union` cannot carry the type parameter
# of a generic pydantic class, so at run time the fields below use them unsubscripted.
ParsedContent: TypeAlias = Annotated[
    Union[ParsedResponseOutputText[ContentType], ResponseOutputRefusal], PropertyInfo(discriminator="type")
]


class ParsedResponseOutputMessage(ResponseOutputMessage, GenericModel, Generic[ContentType]):
    if TYPE_CHECKING:
        content: List[ParsedContent[ContentType]]  # type: ignore[assignment]
    else:
        content: List[ParsedContent]
    """The content of the output message, with parsed text."""


class ParsedResponseFunctionToolCall(ResponseFunctionToolCall):
    parsed_arguments: object = None
    """The arguments parsed into the tool's pydantic model (decoded JSON for other strict function tools)."""


# The output items that nothing is parsed into.
_UnparsedOutputItem: TypeAlias = Union[
    ResponseFileSearchToolCall,
    ResponseFunctionToolCallOutputItem,
    ResponseFunctionWebSearch,
    ResponseComputerToolCall,
    ResponseComputerToolCallOutputItem,
    ResponseReasoningItem,
    Program,
    ProgramOutput,
    ResponseToolSearchCall,
    ResponseToolSearchOutputItem,
    AdditionalTools,
    ResponseCompactionItem,
    ImageGenerationCall,
    ResponseCodeInterpreterToolCall,
    LocalShellCall,
    LocalShellCallOutput,
    ResponseFunctionShellToolCall,
    ResponseFunctionShellToolCallOutput,
    ResponseApplyPatchToolCall,
    ResponseApplyPatchToolCallOutput,
    McpCall,
    McpListTools,
    McpApprovalRequest,
    McpApprovalResponse,
    ResponseCustomToolCall,
    ResponseCustomToolCallOutputItem,
]

ParsedResponseOutputItem: TypeAlias = Annotated[
    Union[ParsedResponseOutputMessage[ContentType], ParsedResponseFunctionToolCall, _UnparsedOutputItem],
    PropertyInfo(discriminator="type"),
]


class ParsedResponse(Response, GenericModel, Generic[ContentType]):
    if TYPE_CHECKING:
        output: List[ParsedResponseOutputItem[ContentType]]  # type: ignore[assignment]
    else:
        output: List[ParsedResponseOutputItem]
    """The output items, with parsed message text and function call arguments."""

    @property
    def output_parsed(self) -> Optional[ContentType]:
        """The first parsed `output_text` of the `message` outputs, or None."""
        for output in self.output:
            if output.type == "message":
                for content in output.content:
                    if content.type == "output_text" and content.parsed is not None:
                        return content.parsed
        return None
