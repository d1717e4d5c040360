"""The events a `ChatCompletionStream` yields, named by their `type`."""

from __future__ import annotations

from typing import List, Union, Generic, Optional

from typing_extensions import Literal

from ... import ResponseFormatT
from ._types import ParsedChatCompletionSnapshot
from ...._models import BaseModel, GenericModel
from ....types.chat import ChatCompletionChunk, ChatCompletionTokenLogprob

__all__ = [
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "LogprobsRefusalDeltaEvent",
    "LogprobsRefusalDoneEvent",
    "ChatCompletionStreamEvent",
]


class ChunkEvent(BaseModel):
    """A chunk arrived (always the first event for it); `snapshot` is the completion so far."""

    type: Literal["chunk"]
    chunk: ChatCompletionChunk
    snapshot: ParsedChatCompletionSnapshot


class ContentDeltaEvent(BaseModel):
    """More message content: `delta` is the new text, `snapshot` all of it so far, `parsed` its partial JSON."""

    type: Literal["content.delta"]
    delta: str
    snapshot: str
    parsed: Optional[object] = None


class ContentDoneEvent(GenericModel, Generic[ResponseFormatT]):
    """The message content is complete; `parsed` is it parsed into the response format type, if one was given."""

    type: Literal["content.done"]
    content: str
    parsed: Optional[ResponseFormatT] = None


class RefusalDeltaEvent(BaseModel):
    """More refusal text: `delta` is the new text, `snapshot` all of it so far."""

    type: Literal["refusal.delta"]
    delta: str
    snapshot: str


class RefusalDoneEvent(BaseModel):
    """The refusal is complete."""

    type: Literal["refusal.done"]
    refusal: str


class FunctionToolCallArgumentsDeltaEvent(BaseModel):
    """More arguments for tool call `index`: `arguments_delta` is the new text, `arguments` all of it so far."""

    type: Literal["tool_calls.function.arguments.delta"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object = None
    """The partial JSON of `arguments`, for strict tools."""
    arguments_delta: str


class FunctionToolCallArgumentsDoneEvent(BaseModel):
    """The arguments of tool call `index` are complete; `parsed_arguments` as in `chat.completions.parse()`."""

    type: Literal["tool_calls.function.arguments.done"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object = None


class LogprobsContentDeltaEvent(BaseModel):
    """Log probabilities of new content tokens (`content`) and of all of them so far (`snapshot`)."""

    type: Literal["logprobs.content.delta"]
    content: List[ChatCompletionTokenLogprob]
    snapshot: List[ChatCompletionTokenLogprob]


class LogprobsContentDoneEvent(BaseModel):
    """Log probabilities of all content tokens."""

    type: Literal["logprobs.content.done"]
    content: List[ChatCompletionTokenLogprob]


class LogprobsRefusalDeltaEvent(BaseModel):
    """Log probabilities of new refusal tokens (`refusal`) and of all of them so far (`snapshot`)."""

    type: Literal["logprobs.refusal.delta"]
    refusal: List[ChatCompletionTokenLogprob]
    snapshot: List[ChatCompletionTokenLogprob]


class LogprobsRefusalDoneEvent(BaseModel):
    """Log probabilities of all refusal tokens."""

    type: Literal["logprobs.refusal.done"]
    refusal: List[ChatCompletionTokenLogprob]


ChatCompletionStreamEvent = Union[
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent[ResponseFormatT],
    RefusalDeltaEvent,
    RefusalDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
]
