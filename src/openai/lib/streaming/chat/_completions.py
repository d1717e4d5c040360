"""`chat.completions.stream()`: the stream of events built from chat completion chunks, its context managers, and
`ChatCompletionStreamState`, which turns chunks into a completion snapshot and events (usable on its own)."""

from __future__ import annotations

from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Set,
    Dict,
    List,
    Type,
    Generic,
    Callable,
    Iterable,
    Iterator,
    Optional,
    Awaitable,
    AsyncIterator,
    cast,
)

from jiter import from_json
from typing_extensions import Self

from ... import ResponseFormatT
from ._types import ParsedChoiceSnapshot, ParsedChatCompletionSnapshot, ParsedChatCompletionMessageSnapshot
from ._events import (
    ChunkEvent,
    ContentDoneEvent,
    RefusalDoneEvent,
    ContentDeltaEvent,
    RefusalDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDoneEvent,
    ChatCompletionStreamEvent,
    LogprobsContentDeltaEvent,
    LogprobsRefusalDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
)
from ..._tools import PydanticFunctionTool
from .._deltas import accumulate_delta
from ...._types import Omit, omit
from ...._utils import is_given, consume_sync_iterator, consume_async_iterator
from ...._models import construct_type_unchecked
from ..._parsing import (
    has_parseable_input,
    maybe_parse_content,
    parse_chat_completion,
    get_input_tool_by_name,
    has_rich_response_format,
    parse_function_tool_arguments,
)
from ...._streaming import Stream, AsyncStream
from ....types.chat import ChatCompletionChunk, ChatCompletionToolUnionParam
from ...._exceptions import LengthFinishReasonError, ContentFilterFinishReasonError
from ....types.chat.chat_completion import ChoiceLogprobs
from ....types.chat.chat_completion_chunk import Choice as ChunkChoice
from ....types.chat.parsed_chat_completion import ParsedChatCompletion

if TYPE_CHECKING:
    import httpx

    from ....types.chat.completion_create_params import ResponseFormat as ResponseFormatParam

__all__ = [
    "ChatCompletionStream",
    "AsyncChatCompletionStream",
    "ChatCompletionStreamManager",
    "AsyncChatCompletionStreamManager",
    "ChatCompletionStreamState",
]


class ChatCompletionStreamState(Generic[ResponseFormatT]):
    """Accumulates chat completion chunks into a snapshot and works out the events each one gives.

    Also usable with chunks from `chat.completions.create(stream=True)`:

        state = ChatCompletionStreamState()
        for chunk in client.chat.completions.create(..., stream=True):
            state.handle_chunk(chunk)
        completion = state.get_final_completion()
    """

    def __init__(
        self,
        *,
        input_tools: Iterable[ChatCompletionToolUnionParam] | Omit = omit,
        response_format: Type[ResponseFormatT] | ResponseFormatParam | Omit = omit,
    ) -> None:
        self._input_tools: List[ChatCompletionToolUnionParam] | Omit = (
            list(input_tools) if is_given(input_tools) else omit
        )
        self._response_format: object = response_format if has_rich_response_format(response_format) else omit
        self._parseable = has_parseable_input(response_format=response_format, input_tools=self._input_tools)
        self._snapshot: Optional[ParsedChatCompletionSnapshot] = None
        self._choices: Dict[int, _ChoiceState] = {}

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated from the chunks so far."""
        if self._snapshot is None:
            raise RuntimeError("No chunks have been received yet")
        return self._snapshot

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The accumulated completion, parsed as `chat.completions.parse()` would (call once all chunks are in)."""
        return parse_chat_completion(
            chat_completion=self.current_completion_snapshot,
            response_format=self._response_format,
            input_tools=self._input_tools,
        )

    def handle_chunk(self, chunk: ChatCompletionChunk) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        """Add `chunk` to the snapshot; returns the events it gives, starting with its `ChunkEvent`."""
        snapshot = self._accumulate(chunk)
        events: List[ChatCompletionStreamEvent[ResponseFormatT]] = [
            ChunkEvent.construct(type="chunk", chunk=chunk, snapshot=snapshot)
        ]
        for choice in chunk.choices:
            events += self._choices[choice.index].events(choice)
        return events

    def _accumulate(self, chunk: ChatCompletionChunk) -> ParsedChatCompletionSnapshot:
        snapshot = self._snapshot
        if snapshot is None:
            data: Dict[str, object] = {**chunk.to_dict(), "object": "chat.completion", "choices": []}
            snapshot = self._snapshot = construct_type_unchecked(type_=ParsedChatCompletionSnapshot, value=data)
        else:
            # Later chunks carry the same ids; the last one may add `usage`, `system_fingerprint`, ...
            for name in chunk.model_fields_set:
                value = getattr(chunk, name)
                if value is not None and name not in _OWN_FIELDS and value != getattr(snapshot, name, None):
                    setattr(snapshot, name, value)

        for choice in chunk.choices:
            state = self._choices.get(choice.index)
            if state is None:
                state = _ChoiceState(choice.index, response_format=self._response_format, input_tools=self._input_tools)
                self._choices[choice.index] = state
                snapshot.choices.append(state.snapshot)
            state.accumulate(choice)
            if choice.finish_reason is not None and self._parseable:
                if choice.finish_reason == "length":
                    raise LengthFinishReasonError(completion=snapshot)
                if choice.finish_reason == "content_filter":
                    raise ContentFilterFinishReasonError()
        return snapshot


class _ChoiceState:
    """One choice of the stream: its accumulated message (as API data) and which `*.done` events it has given."""

    def __init__(
        self, index: int, *, response_format: object, input_tools: List[ChatCompletionToolUnionParam] | Omit
    ) -> None:
        self.response_format = response_format
        self.input_tools = input_tools
        self.message: Dict[str, Any] = {}
        self.snapshot = ParsedChoiceSnapshot.construct(
            index=index, finish_reason=None, logprobs=None, message=ParsedChatCompletionMessageSnapshot.construct()
        )
        self.message_built = False  # whether `snapshot.message` was built from `message` yet
        self.done: Set[str] = set()  # "content", "refusal", "logprobs.content", "logprobs.refusal"
        self.current_tool_call: Optional[int] = None
        self.done_tool_calls: Set[int] = set()

    def accumulate(self, choice: ChunkChoice) -> None:
        delta = choice.delta.to_dict()
        message = accumulate_delta(self.message, delta)
        if "content" in delta and has_rich_response_format(self.response_format):
            content: Optional[str] = message.get("content")
            message["parsed"] = _partial_json(content) if content and not message.get("refusal") else None
        call_deltas = cast("List[Dict[str, Any]]", delta.get("tool_calls") or [])
        for call_delta in call_deltas:
            function: Dict[str, Any] = self._tool_call(call_delta["index"]).get("function") or {}
            if function.get("arguments") and self._is_parsed_tool(function.get("name")):
                function["parsed_arguments"] = _partial_json(function["arguments"])
        if delta.keys() <= _TEXT_KEYS and self.message_built:
            # The usual chunk only extends the text: update the snapshot in place rather than rebuild it.
            for key in (*delta, "parsed") if "parsed" in message else delta:
                setattr(self.snapshot.message, key, message[key])
        else:
            self.snapshot.message = construct_type_unchecked(type_=ParsedChatCompletionMessageSnapshot, value=message)
            self.message_built = True

        if choice.finish_reason is not None:
            self.snapshot.finish_reason = choice.finish_reason
        if choice.logprobs is not None:
            logprobs = self.snapshot.logprobs
            if logprobs is None:
                logprobs = self.snapshot.logprobs = ChoiceLogprobs.construct()
            for kind in ("content", "refusal"):
                tokens = getattr(choice.logprobs, kind)
                if tokens is None:
                    continue
                so_far = getattr(logprobs, kind)
                if so_far is None:
                    setattr(logprobs, kind, list(tokens))  # a copy: it grows as the next chunks arrive
                else:
                    so_far.extend(tokens)

    def events(self, choice: ChunkChoice) -> List[ChatCompletionStreamEvent[Any]]:
        delta = choice.delta
        message = self.snapshot.message
        events: List[ChatCompletionStreamEvent[Any]] = []
        if delta.content is not None and message.content is not None:
            events.append(
                ContentDeltaEvent.construct(
                    type="content.delta", delta=delta.content, snapshot=message.content, parsed=message.parsed
                )
            )
        if delta.refusal is not None and message.refusal is not None:
            events.append(
                RefusalDeltaEvent.construct(type="refusal.delta", delta=delta.refusal, snapshot=message.refusal)
            )
        for call_delta in delta.tool_calls or []:
            if self.current_tool_call is not None and self.current_tool_call != call_delta.index:
                events.append(self._tool_call_done(self.current_tool_call))
            self.current_tool_call = call_delta.index
            if call_delta.function is not None and call_delta.function.arguments:
                function = self._tool_call(call_delta.index)["function"]
                events.append(
                    FunctionToolCallArgumentsDeltaEvent.construct(
                        type="tool_calls.function.arguments.delta",
                        name=function["name"],
                        index=call_delta.index,
                        arguments=function["arguments"],
                        parsed_arguments=function.get("parsed_arguments"),
                        arguments_delta=call_delta.function.arguments,
                    )
                )
        logprobs = self.snapshot.logprobs
        if choice.logprobs is not None and logprobs is not None:
            if choice.logprobs.content and logprobs.content:
                events.append(
                    LogprobsContentDeltaEvent.construct(
                        type="logprobs.content.delta", content=choice.logprobs.content, snapshot=logprobs.content
                    )
                )
            if choice.logprobs.refusal and logprobs.refusal:
                events.append(
                    LogprobsRefusalDeltaEvent.construct(
                        type="logprobs.refusal.delta", refusal=choice.logprobs.refusal, snapshot=logprobs.refusal
                    )
                )
        if self.snapshot.finish_reason is not None:
            events += self._done_events()
        return events

    def _done_events(self) -> List[ChatCompletionStreamEvent[Any]]:
        message, logprobs, done = self.snapshot.message, self.snapshot.logprobs, self.done
        events: List[ChatCompletionStreamEvent[Any]] = []
        if message.content and "content" not in done:
            done.add("content")
            parsed = maybe_parse_content(response_format=self.response_format, message=message)
            self.message["parsed"] = message.parsed = parsed
            events.append(ContentDoneEvent.construct(type="content.done", content=message.content, parsed=parsed))
        if message.refusal and "refusal" not in done:
            done.add("refusal")
            events.append(RefusalDoneEvent.construct(type="refusal.done", refusal=message.refusal))
        if logprobs is not None and logprobs.content and "logprobs.content" not in done:
            done.add("logprobs.content")
            events.append(LogprobsContentDoneEvent.construct(type="logprobs.content.done", content=logprobs.content))
        if logprobs is not None and logprobs.refusal and "logprobs.refusal" not in done:
            done.add("logprobs.refusal")
            events.append(LogprobsRefusalDoneEvent.construct(type="logprobs.refusal.done", refusal=logprobs.refusal))
        if self.current_tool_call is not None and self.current_tool_call not in self.done_tool_calls:
            events.append(self._tool_call_done(self.current_tool_call))
        return events

    def _is_parsed_tool(self, name: object) -> bool:
        """Whether the arguments of calls to tool `name` get parsed: strict tools (`pydantic_function_tool()` ones are)."""
        tool = get_input_tool_by_name(input_tools=self.input_tools, name=name) if isinstance(name, str) else None
        return tool is not None and (
            isinstance(tool["function"], PydanticFunctionTool) or tool["function"].get("strict") is True
        )

    def _tool_call(self, index: int) -> Dict[str, Any]:
        return next(call for call in self.message["tool_calls"] if call["index"] == index)

    def _tool_call_done(self, index: int) -> FunctionToolCallArgumentsDoneEvent:
        self.done_tool_calls.add(index)
        position = self.message["tool_calls"].index(self._tool_call(index))
        function = cast(Any, self.snapshot.message.tool_calls)[position].function
        parsed = parse_function_tool_arguments(input_tools=self.input_tools, function=function)
        self.message["tool_calls"][position]["function"]["parsed_arguments"] = function.parsed_arguments = parsed
        return FunctionToolCallArgumentsDoneEvent.construct(
            type="tool_calls.function.arguments.done",
            name=function.name,
            index=index,
            arguments=function.arguments,
            parsed_arguments=parsed,
        )


# Chunk fields that differ from the snapshot's own.
_OWN_FIELDS = {"choices", "object"}

# Delta keys whose values are plain strings on the message model.
_TEXT_KEYS = {"content", "refusal", "role"}


def _partial_json(text: str) -> object:
    return from_json(text.encode(), partial_mode=True)


class ChatCompletionStream(Generic[ResponseFormatT]):
    """The events of a streamed chat completion (`for event in stream`), built from its chunks as they arrive."""

    def __init__(
        self,
        *,
        raw_stream: Stream[ChatCompletionChunk],
        response_format: Type[ResponseFormatT] | ResponseFormatParam | Omit,
        input_tools: Iterable[ChatCompletionToolUnionParam] | Omit,
    ) -> None:
        self._raw_stream = raw_stream
        self._state = ChatCompletionStreamState[ResponseFormatT](
            input_tools=input_tools, response_format=response_format
        )
        self._iterator = self.__stream__()

    @property
    def response(self) -> httpx.Response:
        return self._raw_stream.response

    def __next__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        yield from self._iterator

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the response without reading the rest of the stream."""
        self._raw_stream.close()

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated from the chunks read so far."""
        return self._state.current_completion_snapshot

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Read the rest of the stream; the whole completion, parsed as `chat.completions.parse()` would."""
        self.until_done()
        return self._state.get_final_completion()

    def until_done(self) -> Self:
        """Read the rest of the stream."""
        consume_sync_iterator(self)
        return self

    def __stream__(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        for chunk in self._raw_stream:
            yield from self._state.handle_chunk(chunk)


class AsyncChatCompletionStream(Generic[ResponseFormatT]):
    """The events of a streamed chat completion (`async for event in stream`), built from its chunks as they arrive."""

    def __init__(
        self,
        *,
        raw_stream: AsyncStream[ChatCompletionChunk],
        response_format: Type[ResponseFormatT] | ResponseFormatParam | Omit,
        input_tools: Iterable[ChatCompletionToolUnionParam] | Omit,
    ) -> None:
        self._raw_stream = raw_stream
        self._state = ChatCompletionStreamState[ResponseFormatT](
            input_tools=input_tools, response_format=response_format
        )
        self._iterator = self.__stream__()

    @property
    def response(self) -> httpx.Response:
        return self._raw_stream.response

    async def __anext__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return await self._iterator.__anext__()

    async def __aiter__(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        async for event in self._iterator:
            yield event

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the response without reading the rest of the stream."""
        await self._raw_stream.close()

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated from the chunks read so far."""
        return self._state.current_completion_snapshot

    async def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Read the rest of the stream; the whole completion, parsed as `chat.completions.parse()` would."""
        await self.until_done()
        return self._state.get_final_completion()

    async def until_done(self) -> Self:
        """Read the rest of the stream."""
        await consume_async_iterator(self)
        return self

    async def __stream__(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        async for chunk in self._raw_stream:
            for event in self._state.handle_chunk(chunk):
                yield event


class ChatCompletionStreamManager(Generic[ResponseFormatT]):
    """What `chat.completions.stream()` returns: `with` it to send the request and get a `ChatCompletionStream`."""

    def __init__(
        self,
        api_request: Callable[[], Stream[ChatCompletionChunk]],
        *,
        response_format: Type[ResponseFormatT] | ResponseFormatParam | Omit,
        input_tools: Iterable[ChatCompletionToolUnionParam] | Omit,
    ) -> None:
        self._api_request = api_request
        self._response_format = response_format
        self._input_tools = input_tools
        self._stream: Optional[ChatCompletionStream[ResponseFormatT]] = None

    def __enter__(self) -> ChatCompletionStream[ResponseFormatT]:
        self._stream = ChatCompletionStream(
            raw_stream=self._api_request(), response_format=self._response_format, input_tools=self._input_tools
        )
        return self._stream

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncChatCompletionStreamManager(Generic[ResponseFormatT]):
    """What `chat.completions.stream()` returns: `async with` it to send the request and get the stream."""

    def __init__(
        self,
        api_request: Awaitable[AsyncStream[ChatCompletionChunk]],
        *,
        response_format: Type[ResponseFormatT] | ResponseFormatParam | Omit,
        input_tools: Iterable[ChatCompletionToolUnionParam] | Omit,
    ) -> None:
        self._api_request = api_request
        self._response_format = response_format
        self._input_tools = input_tools
        self._stream: Optional[AsyncChatCompletionStream[ResponseFormatT]] = None

    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        self._stream = AsyncChatCompletionStream(
            raw_stream=await self._api_request, response_format=self._response_format, input_tools=self._input_tools
        )
        return self._stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
