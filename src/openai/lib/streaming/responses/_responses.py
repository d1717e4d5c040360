"""`responses.stream()`: the stream of events built from the API's Responses stream events, its context managers,
and `ResponseStreamState`, which adds text / argument snapshots and parsed values to those events (usable on its
own)."""

from __future__ import annotations

from types import TracebackType
from typing import (
    Dict,
    List,
    Type,
    Tuple,
    Generic,
    TypeVar,
    Callable,
    Iterator,
    Optional,
    Awaitable,
    AsyncIterator,
)

import httpx
from typing_extensions import Self

from ._events import (
    ResponseStreamEvent,
    ResponseTextDoneEvent,
    ResponseCompletedEvent,
    ResponseTextDeltaEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
)
from ...._types import Omit
from ...._utils import consume_sync_iterator, consume_async_iterator
from ...._models import BaseModel
from ...._streaming import Stream, AsyncStream
from ..._parsing._responses import TextFormatT, parse_text, parse_response
from ....types.responses.tool_param import ToolParam
from ....types.responses.parsed_response import ParsedResponse
from ....types.responses.response_stream_event import ResponseStreamEvent as RawResponseStreamEvent

__all__ = [
    "ResponseStreamState",
    "ResponseStream",
    "AsyncResponseStream",
    "ResponseStreamManager",
    "AsyncResponseStreamManager",
]

_ModelT = TypeVar("_ModelT", bound=BaseModel)


def _extend(cls: Type[_ModelT], event: BaseModel, **fields: object) -> _ModelT:
    """`event` as the richer event class `cls`, with `fields` added (nested objects are shared, not copied)."""
    values: Dict[str, object] = {**event.__dict__, **(event.model_extra or {}), **fields}
    return cls.construct(_fields_set={*event.model_fields_set, *fields}, **values)


class ResponseStreamState(Generic[TextFormatT]):
    """Turns each API stream event into the event a `ResponseStream` yields, keeping the text of each output text
    part and the arguments of each function call seen so far, and the parsed response once it is completed."""

    def __init__(self, *, input_tools: List[ToolParam] | Omit, text_format: Type[TextFormatT] | Omit) -> None:
        self._input_tools = input_tools
        self._text_format = text_format
        self._texts: Dict[Tuple[int, int], str] = {}  # (output_index, content_index) -> text so far
        self._arguments: Dict[int, str] = {}  # output_index -> arguments so far
        self._completed: Optional[ParsedResponse[TextFormatT]] = None

    def handle_event(self, event: RawResponseStreamEvent) -> ResponseStreamEvent[TextFormatT]:
        if event.type == "response.output_text.delta":
            key = (event.output_index, event.content_index)
            self._texts[key] = snapshot = self._texts.get(key, "") + event.delta
            return _extend(ResponseTextDeltaEvent, event, snapshot=snapshot)
        if event.type == "response.function_call_arguments.delta":
            self._arguments[event.output_index] = snapshot = self._arguments.get(event.output_index, "") + event.delta
            return _extend(ResponseFunctionCallArgumentsDeltaEvent, event, snapshot=snapshot)
        if event.type == "response.output_text.done":
            parsed = parse_text(event.text, text_format=self._text_format)
            return _extend(ResponseTextDoneEvent[TextFormatT], event, parsed=parsed)
        if event.type == "response.completed":
            self._completed = parse_response(
                text_format=self._text_format, input_tools=self._input_tools, response=event.response
            )
            return _extend(ResponseCompletedEvent[TextFormatT], event, response=self._completed)
        return event

    def get_final_response(self) -> ParsedResponse[TextFormatT]:
        """The response of the `response.completed` event, parsed; `RuntimeError` if there was none yet."""
        if self._completed is None:
            raise RuntimeError("Didn't receive a `response.completed` event.")
        return self._completed


class ResponseStream(Generic[TextFormatT]):
    """The events of a streamed response (`for event in stream`), with snapshots and parsed values added."""

    def __init__(
        self,
        *,
        raw_stream: Stream[RawResponseStreamEvent],
        text_format: Type[TextFormatT] | Omit,
        input_tools: List[ToolParam] | Omit,
    ) -> None:
        self._raw_stream = raw_stream
        self._state = ResponseStreamState[TextFormatT](input_tools=input_tools, text_format=text_format)
        self._iterator = self.__stream__()

    @property
    def response(self) -> httpx.Response:
        return self._raw_stream.response

    def __next__(self) -> ResponseStreamEvent[TextFormatT]:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[ResponseStreamEvent[TextFormatT]]:
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

    def get_final_response(self) -> ParsedResponse[TextFormatT]:
        """Read the rest of the stream; the completed response, parsed as `responses.parse()` would."""
        self.until_done()
        return self._state.get_final_response()

    def until_done(self) -> Self:
        """Read the rest of the stream."""
        consume_sync_iterator(self)
        return self

    def __stream__(self) -> Iterator[ResponseStreamEvent[TextFormatT]]:
        for event in self._raw_stream:
            yield self._state.handle_event(event)


class AsyncResponseStream(Generic[TextFormatT]):
    """The events of a streamed response (`async for event in stream`), with snapshots and parsed values added."""

    def __init__(
        self,
        *,
        raw_stream: AsyncStream[RawResponseStreamEvent],
        text_format: Type[TextFormatT] | Omit,
        input_tools: List[ToolParam] | Omit,
    ) -> None:
        self._raw_stream = raw_stream
        self._state = ResponseStreamState[TextFormatT](input_tools=input_tools, text_format=text_format)
        self._iterator = self.__stream__()

    @property
    def response(self) -> httpx.Response:
        return self._raw_stream.response

    async def __anext__(self) -> ResponseStreamEvent[TextFormatT]:
        return await self._iterator.__anext__()

    async def __aiter__(self) -> AsyncIterator[ResponseStreamEvent[TextFormatT]]:
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

    async def get_final_response(self) -> ParsedResponse[TextFormatT]:
        """Read the rest of the stream; the completed response, parsed as `responses.parse()` would."""
        await self.until_done()
        return self._state.get_final_response()

    async def until_done(self) -> Self:
        """Read the rest of the stream."""
        await consume_async_iterator(self)
        return self

    async def __stream__(self) -> AsyncIterator[ResponseStreamEvent[TextFormatT]]:
        async for event in self._raw_stream:
            yield self._state.handle_event(event)


class ResponseStreamManager(Generic[TextFormatT]):
    """What `responses.stream()` returns: `with` it to send the request and get a `ResponseStream`."""

    def __init__(
        self,
        api_request: Callable[[], Stream[RawResponseStreamEvent]],
        *,
        text_format: Type[TextFormatT] | Omit,
        input_tools: List[ToolParam] | Omit,
    ) -> None:
        self._api_request = api_request
        self._text_format = text_format
        self._input_tools = input_tools
        self._stream: Optional[ResponseStream[TextFormatT]] = None

    def __enter__(self) -> ResponseStream[TextFormatT]:
        self._stream = ResponseStream(
            raw_stream=self._api_request(), text_format=self._text_format, input_tools=self._input_tools
        )
        return self._stream

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncResponseStreamManager(Generic[TextFormatT]):
    """What `responses.stream()` returns: `async with` it to send the request and get an `AsyncResponseStream`."""

    def __init__(
        self,
        api_request: Awaitable[AsyncStream[RawResponseStreamEvent]],
        *,
        text_format: Type[TextFormatT] | Omit,
        input_tools: List[ToolParam] | Omit,
    ) -> None:
        self._api_request = api_request
        self._text_format = text_format
        self._input_tools = input_tools
        self._stream: Optional[AsyncResponseStream[TextFormatT]] = None

    async def __aenter__(self) -> AsyncResponseStream[TextFormatT]:
        self._stream = AsyncResponseStream(
            raw_stream=await self._api_request, text_format=self._text_format, input_tools=self._input_tools
        )
        return self._stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
