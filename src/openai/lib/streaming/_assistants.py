"""Assistant run streams: `AssistantEventHandler` / `AsyncAssistantEventHandler` (the callbacks a run's events call,
the run/step/message snapshots built from them) and the context managers the `*_stream()` helpers return."""

from __future__ import annotations

from types import TracebackType
from typing import (
    Any,
    Dict,
    List,
    Tuple,
    Generic,
    Callable,
    Iterator,
    Optional,
    Sequence,
    Awaitable,
    AsyncIterator,
)

import httpx
from typing_extensions import TypeVar

from ._deltas import accumulate_delta
from ..._utils import consume_sync_iterator, consume_async_iterator
from ..._models import BaseModel, construct_type_unchecked
from ..._streaming import Stream, AsyncStream
from ..._exceptions import APITimeoutError
from ...types.beta.threads.run import Run
from ...types.beta.threads.text import Text
from ...types.beta.threads.message import Message
from ...types.beta.threads.image_file import ImageFile
from ...types.beta.threads.text_delta import TextDelta
from ...types.beta.threads.message_delta import MessageDelta
from ...types.beta.threads.runs.run_step import RunStep
from ...types.beta.assistant_stream_event import (
    ThreadMessageDelta,
    ThreadRunStepDelta,
    ThreadRunStepFailed,
    AssistantStreamEvent,
    ThreadMessageCreated,
    ThreadRunStepCreated,
    ThreadRunStepExpired,
    ThreadMessageCompleted,
    ThreadRunStepCancelled,
    ThreadRunStepCompleted,
    ThreadMessageIncomplete,
    ThreadMessageInProgress,
    ThreadRunStepInProgress,
)
from ...types.beta.threads.runs.tool_call import ToolCall
from ...types.beta.threads.message_content import MessageContent
from ...types.beta.threads.runs.run_step_delta import RunStepDelta
from ...types.beta.threads.runs.tool_call_delta import ToolCallDelta

__all__ = [
    "AssistantEventHandler",
    "AsyncAssistantEventHandler",
    "AssistantEventHandlerT",
    "AsyncAssistantEventHandlerT",
    "AssistantStreamManager",
    "AsyncAssistantStreamManager",
]

# A callback to call: the handler method's name and its arguments.
_Call = Tuple[str, Tuple[Any, ...]]

_RUN_STEP_EVENTS = (ThreadRunStepCreated, ThreadRunStepInProgress)
_RUN_STEP_DONE_EVENTS = (ThreadRunStepCompleted, ThreadRunStepFailed, ThreadRunStepCancelled, ThreadRunStepExpired)
_MESSAGE_DONE_EVENTS = (ThreadMessageCompleted, ThreadMessageIncomplete)
_TIMEOUTS = (httpx.TimeoutException, APITimeoutError)


def _merge_indexed(items: List[Any], deltas: Sequence[BaseModel]) -> None:
    """Merge list-entry deltas into `items`: each delta's `index` is the position of the entry it continues."""
    for delta in deltas:
        entry = delta.to_dict()
        index = entry.pop("index")
        if isinstance(index, int) and index < len(items):
            accumulate_delta(items[index], entry)
        else:
            items.append(entry)


def _content_done(content: MessageContent) -> List[_Call]:
    if content.type == "text":
        return [("on_text_done", (content.text,))]
    if content.type == "image_file":
        return [("on_image_file_done", (content.image_file,))]
    return []


class _RunStreamState:
    """The snapshots of a run, its steps and its messages, built event by event, and the callbacks each event calls."""

    def __init__(self) -> None:
        self.current_event: Optional[AssistantStreamEvent] = None
        self.current_run: Optional[Run] = None
        self.current_run_step: Optional[RunStep] = None
        self.current_message: Optional[Message] = None
        self.run_steps: Dict[str, RunStep] = {}
        self.messages: Dict[str, Message] = {}
        # The decoded JSON the step/message deltas are merged into, by id.
        self._raw: Dict[str, Dict[str, Any]] = {}
        # The tool call (of the current run step) and the content block (of the current message) deltas go to.
        self._tool_call: Optional[Tuple[int, ToolCall]] = None
        self._content: Optional[Tuple[int, MessageContent]] = None

    def handle(self, event: AssistantStreamEvent) -> List[_Call]:
        """Update the snapshots with `event`; return the callbacks to call, in order."""
        self.current_event = event
        calls: List[_Call] = [("on_event", (event,))]
        if isinstance(event, ThreadRunStepDelta):
            calls += self._run_step_delta(event)
        elif isinstance(event, (*_RUN_STEP_EVENTS, *_RUN_STEP_DONE_EVENTS)):
            step = self._keep_run_step(event.data)
            if isinstance(event, ThreadRunStepCreated):
                self._tool_call = None
                calls.append(("on_run_step_created", (step,)))
            elif isinstance(event, _RUN_STEP_DONE_EVENTS):
                if self._tool_call is not None:
                    calls.append(("on_tool_call_done", (self._final_tool_call(step, *self._tool_call),)))
                    self._tool_call = None
                calls.append(("on_run_step_done", (step,)))
        elif isinstance(event, ThreadMessageDelta):
            calls += self._message_delta(event)
        elif isinstance(event, (ThreadMessageCreated, ThreadMessageInProgress, *_MESSAGE_DONE_EVENTS)):
            message = self._keep_message(event.data)
            if isinstance(event, ThreadMessageCreated):
                self._content = None
                calls.append(("on_message_created", (message,)))
            elif isinstance(event, _MESSAGE_DONE_EVENTS):
                if self._content is not None:
                    index, content = self._content
                    calls += _content_done(message.content[index] if index < len(message.content) else content)
                    self._content = None
                calls.append(("on_message_done", (message,)))
        elif isinstance(event.data, Run):
            self.current_run = event.data
        return calls

    def _keep_run_step(self, step: RunStep) -> RunStep:
        self._raw[step.id] = step.to_dict()
        self.run_steps[step.id] = self.current_run_step = step
        return step

    def _keep_message(self, message: Message) -> Message:
        self._raw[message.id] = message.to_dict()
        self.messages[message.id] = self.current_message = message
        return message

    def _run_step_delta(self, event: ThreadRunStepDelta) -> List[_Call]:
        delta = event.data.delta
        raw = self._raw.setdefault(event.data.id, {"id": event.data.id})
        details = delta.step_details
        if details is not None:
            raw_details: Dict[str, Any] = raw.get("step_details") or {}
            raw["step_details"] = raw_details
            if details.type == "tool_calls":
                raw_details["type"] = "tool_calls"
                _merge_indexed(raw_details.setdefault("tool_calls", []), details.tool_calls or [])
            else:
                accumulate_delta(raw_details, details.to_dict())
        step = construct_type_unchecked(value=raw, type_=RunStep)
        self.run_steps[step.id] = self.current_run_step = step
        calls: List[_Call] = [("on_run_step_delta", (delta, step))]
        if details is None or details.type != "tool_calls" or step.step_details.type != "tool_calls":
            return calls
        for tool_call_delta in details.tool_calls or []:
            index = tool_call_delta.index
            tool_call = step.step_details.tool_calls[index]
            if self._tool_call is None or self._tool_call[0] != index:
                if self._tool_call is not None:
                    calls.append(("on_tool_call_done", (self._final_tool_call(step, *self._tool_call),)))
                calls.append(("on_tool_call_created", (tool_call,)))
            self._tool_call = (index, tool_call)
            calls.append(("on_tool_call_delta", (tool_call_delta, tool_call)))
        return calls

    @staticmethod
    def _final_tool_call(step: RunStep, index: int, last: ToolCall) -> ToolCall:
        details = step.step_details
        if details.type == "tool_calls" and index < len(details.tool_calls):
            return details.tool_calls[index]
        return last

    def _message_delta(self, event: ThreadMessageDelta) -> List[_Call]:
        delta = event.data.delta
        raw = self._raw.setdefault(event.data.id, {"id": event.data.id, "content": []})
        if delta.role is not None:
            raw["role"] = delta.role
        _merge_indexed(raw.setdefault("content", []), delta.content or [])
        message = construct_type_unchecked(value=raw, type_=Message)
        self.messages[message.id] = self.current_message = message
        calls: List[_Call] = [("on_message_delta", (delta, message))]
        for content_delta in delta.content or []:
            index = content_delta.index
            content = message.content[index]
            if self._content is None or self._content[0] != index:
                if self._content is not None:
                    calls += _content_done(self._content[1])
                if content.type == "text":
                    calls.append(("on_text_created", (content.text,)))
            self._content = (index, content)
            if content_delta.type == "text" and content_delta.text is not None and content.type == "text":
                calls.append(("on_text_delta", (content_delta.text, content.text)))
        return calls


def _text_values(event: AssistantStreamEvent) -> Iterator[str]:
    if isinstance(event, ThreadMessageDelta):
        for content in event.data.delta.content or []:
            if content.type == "text" and content.text is not None and content.text.value:
                yield content.text.value


_NOT_STARTED = (
    "This event handler has no stream yet: use it through a `with client.beta.threads.runs.stream(...)` block"
)
_REUSED = "An event handler can only handle one stream; create a new instance for each stream"


class _EventHandlerBase:
    """The snapshot accessors both handlers share."""

    def __init__(self) -> None:
        self._state = _RunStreamState()
        self._started = False

    def _start(self) -> None:
        if self._started:
            raise RuntimeError(_REUSED)
        self._started = True

    @property
    def current_event(self) -> Optional[AssistantStreamEvent]:
        """The last event received."""
        return self._state.current_event

    @property
    def current_run(self) -> Optional[Run]:
        """The run as of the last `thread.run.*` event."""
        return self._state.current_run

    @property
    def current_run_step_snapshot(self) -> Optional[RunStep]:
        """The run step the last step event was about, with every delta so far merged in."""
        return self._state.current_run_step

    @property
    def current_message_snapshot(self) -> Optional[Message]:
        """The message the last message event was about, with every delta so far merged in."""
        return self._state.current_message

    def _final_run(self) -> Run:
        if self._state.current_run is None:
            raise RuntimeError("No final run object found")
        return self._state.current_run


class AssistantEventHandler(_EventHandlerBase):
    """Receives the events of a run stream. Subclass it and override the `on_*` callbacks you need (they do nothing
    by default), pass an instance as `event_handler=`, then iterate it (each event after its callbacks ran) or call
    `until_done()`. Snapshots of the run, its steps and its messages are kept as the deltas arrive."""

    def __init__(self) -> None:
        super().__init__()
        self._stream: Optional[Stream[AssistantStreamEvent]] = None
        self._events: Optional[Iterator[AssistantStreamEvent]] = None

    def _init(self, stream: Stream[AssistantStreamEvent]) -> None:
        self._start()
        self._stream = stream
        self._events = self._run(stream)

    def _run(self, stream: Stream[AssistantStreamEvent]) -> Iterator[AssistantStreamEvent]:
        try:
            for event in stream:
                for name, args in self._state.handle(event):
                    getattr(self, name)(*args)
                yield event
        except Exception as exc:
            if isinstance(exc, _TIMEOUTS):
                self.on_timeout()
            self.on_exception(exc)
            raise
        finally:
            stream.close()
            self.on_end()

    def __next__(self) -> AssistantStreamEvent:
        if self._events is None:
            raise RuntimeError(_NOT_STARTED)
        return next(self._events)

    def __iter__(self) -> Iterator[AssistantStreamEvent]:
        if self._events is None:
            raise RuntimeError(_NOT_STARTED)
        return self._events

    @property
    def text_deltas(self) -> Iterator[str]:
        """Iterate the stream, giving the text of each text delta."""
        return (text for event in self for text in _text_values(event))

    def until_done(self) -> None:
        """Read the stream to its end (calling the callbacks)."""
        consume_sync_iterator(self)

    def get_final_run(self) -> Run:
        """Read the stream to its end; return the run as of its last event."""
        self.until_done()
        return self._final_run()

    def get_final_run_steps(self) -> List[RunStep]:
        """Read the stream to its end; return a snapshot of each run step it was about."""
        self.until_done()
        return list(self._state.run_steps.values())

    def get_final_messages(self) -> List[Message]:
        """Read the stream to its end; return a snapshot of each message it was about."""
        self.until_done()
        return list(self._state.messages.values())

    def close(self) -> None:
        """Close the response (also done when the `with` block exits)."""
        if self._stream is not None:
            self._stream.close()

    def on_event(self, event: AssistantStreamEvent) -> None:
        """Called for every event, before the more specific callbacks."""

    def on_run_step_created(self, run_step: RunStep) -> None:
        """A run step was created."""

    def on_run_step_delta(self, delta: RunStepDelta, snapshot: RunStep) -> None:
        """A run step changed: `delta` is the change, `snapshot` the step with every delta so far."""

    def on_run_step_done(self, run_step: RunStep) -> None:
        """A run step completed, failed, was cancelled or expired."""

    def on_tool_call_created(self, tool_call: ToolCall) -> None:
        """The first delta of a tool call arrived (`tool_call` holds it)."""

    def on_tool_call_delta(self, delta: ToolCallDelta, snapshot: ToolCall) -> None:
        """A tool call changed: `delta` is the change, `snapshot` the tool call with every delta so far."""

    def on_tool_call_done(self, tool_call: ToolCall) -> None:
        """A tool call is complete: the next one started or its run step ended."""

    def on_message_created(self, message: Message) -> None:
        """A message was created."""

    def on_message_delta(self, delta: MessageDelta, snapshot: Message) -> None:
        """A message changed: `delta` is the change, `snapshot` the message with every delta so far."""

    def on_message_done(self, message: Message) -> None:
        """A message completed or ended incomplete."""

    def on_text_created(self, text: Text) -> None:
        """A text content block started (before its first `on_text_delta`)."""

    def on_text_delta(self, delta: TextDelta, snapshot: Text) -> None:
        """Text was added: `delta` is the change, `snapshot` the text so far."""

    def on_text_done(self, text: Text) -> None:
        """A text content block is complete."""

    def on_image_file_done(self, image_file: ImageFile) -> None:
        """An image file content block is complete."""

    def on_exception(self, exception: Exception) -> None:
        """Reading the stream (or a callback) raised `exception`; it is raised again after this."""

    def on_timeout(self) -> None:
        """Reading the stream timed out (`on_exception` follows)."""

    def on_end(self) -> None:
        """The stream ended, normally or with an exception."""


# Defaulted so that a `*_stream()` call without `event_handler=` is typed with the plain handler.
AssistantEventHandlerT = TypeVar("AssistantEventHandlerT", bound=AssistantEventHandler, default=AssistantEventHandler)


class AssistantStreamManager(Generic[AssistantEventHandlerT]):
    """What the `*_stream()` helpers return: a context manager that sends the request on entry and gives the event
    handler the stream (`with ... as handler`), and closes the response on exit."""

    def __init__(
        self, api_request: Callable[[], Stream[AssistantStreamEvent]], *, event_handler: AssistantEventHandlerT
    ) -> None:
        self._api_request = api_request
        self._event_handler = event_handler
        self._stream: Optional[Stream[AssistantStreamEvent]] = None

    def __enter__(self) -> AssistantEventHandlerT:
        self._stream = self._api_request()
        self._event_handler._init(self._stream)  # pyright: ignore[reportPrivateUsage]
        return self._event_handler

    def __exit__(
        self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException], exc_tb: Optional[TracebackType]
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncAssistantEventHandler(_EventHandlerBase):
    """`AssistantEventHandler` for `AsyncOpenAI`: the callbacks are coroutines, the handler an async iterator and
    `until_done()` / `get_final_*()` are awaited."""

    def __init__(self) -> None:
        super().__init__()
        self._stream: Optional[AsyncStream[AssistantStreamEvent]] = None
        self._events: Optional[AsyncIterator[AssistantStreamEvent]] = None

    def _init(self, stream: AsyncStream[AssistantStreamEvent]) -> None:
        self._start()
        self._stream = stream
        self._events = self._run(stream)

    async def _run(self, stream: AsyncStream[AssistantStreamEvent]) -> AsyncIterator[AssistantStreamEvent]:
        try:
            async for event in stream:
                for name, args in self._state.handle(event):
                    await getattr(self, name)(*args)
                yield event
        except Exception as exc:
            if isinstance(exc, _TIMEOUTS):
                await self.on_timeout()
            await self.on_exception(exc)
            raise
        finally:
            await stream.close()
            await self.on_end()

    async def __anext__(self) -> AssistantStreamEvent:
        if self._events is None:
            raise RuntimeError(_NOT_STARTED)
        return await self._events.__anext__()

    def __aiter__(self) -> AsyncIterator[AssistantStreamEvent]:
        if self._events is None:
            raise RuntimeError(_NOT_STARTED)
        return self._events

    @property
    def text_deltas(self) -> AsyncIterator[str]:
        """Iterate the stream, giving the text of each text delta."""
        return (text async for event in self for text in _text_values(event))

    async def until_done(self) -> None:
        """Read the stream to its end (calling the callbacks)."""
        await consume_async_iterator(self)

    async def get_final_run(self) -> Run:
        """Read the stream to its end; return the run as of its last event."""
        await self.until_done()
        return self._final_run()

    async def get_final_run_steps(self) -> List[RunStep]:
        """Read the stream to its end; return a snapshot of each run step it was about."""
        await self.until_done()
        return list(self._state.run_steps.values())

    async def get_final_messages(self) -> List[Message]:
        """Read the stream to its end; return a snapshot of each message it was about."""
        await self.until_done()
        return list(self._state.messages.values())

    async def close(self) -> None:
        """Close the response (also done when the `async with` block exits)."""
        if self._stream is not None:
            await self._stream.close()

    async def on_event(self, event: AssistantStreamEvent) -> None:
        """Called for every event, before the more specific callbacks."""

    async def on_run_step_created(self, run_step: RunStep) -> None:
        """A run step was created."""

    async def on_run_step_delta(self, delta: RunStepDelta, snapshot: RunStep) -> None:
        """A run step changed: `delta` is the change, `snapshot` the step with every delta so far."""

    async def on_run_step_done(self, run_step: RunStep) -> None:
        """A run step completed, failed, was cancelled or expired."""

    async def on_tool_call_created(self, tool_call: ToolCall) -> None:
        """The first delta of a tool call arrived (`tool_call` holds it)."""

    async def on_tool_call_delta(self, delta: ToolCallDelta, snapshot: ToolCall) -> None:
        """A tool call changed: `delta` is the change, `snapshot` the tool call with every delta so far."""

    async def on_tool_call_done(self, tool_call: ToolCall) -> None:
        """A tool call is complete: the next one started or its run step ended."""

    async def on_message_created(self, message: Message) -> None:
        """A message was created."""

    async def on_message_delta(self, delta: MessageDelta, snapshot: Message) -> None:
        """A message changed: `delta` is the change, `snapshot` the message with every delta so far."""

    async def on_message_done(self, message: Message) -> None:
        """A message completed or ended incomplete."""

    async def on_text_created(self, text: Text) -> None:
        """A text content block started (before its first `on_text_delta`)."""

    async def on_text_delta(self, delta: TextDelta, snapshot: Text) -> None:
        """Text was added: `delta` is the change, `snapshot` the text so far."""

    async def on_text_done(self, text: Text) -> None:
        """A text content block is complete."""

    async def on_image_file_done(self, image_file: ImageFile) -> None:
        """An image file content block is complete."""

    async def on_exception(self, exception: Exception) -> None:
        """Reading the stream (or a callback) raised `exception`; it is raised again after this."""

    async def on_timeout(self) -> None:
        """Reading the stream timed out (`on_exception` follows)."""

    async def on_end(self) -> None:
        """The stream ended, normally or with an exception."""


AsyncAssistantEventHandlerT = TypeVar(
    "AsyncAssistantEventHandlerT", bound=AsyncAssistantEventHandler, default=AsyncAssistantEventHandler
)


class AsyncAssistantStreamManager(Generic[AsyncAssistantEventHandlerT]):
    """`AssistantStreamManager` for `AsyncOpenAI`: `async with ... as handler`."""

    def __init__(
        self,
        api_request: Callable[[], Awaitable[AsyncStream[AssistantStreamEvent]]],
        *,
        event_handler: AsyncAssistantEventHandlerT,
    ) -> None:
        self._api_request = api_request
        self._event_handler = event_handler
        self._stream: Optional[AsyncStream[AssistantStreamEvent]] = None

    async def __aenter__(self) -> AsyncAssistantEventHandlerT:
        self._stream = await self._api_request()
        self._event_handler._init(self._stream)  # pyright: ignore[reportPrivateUsage]
        return self._event_handler

    async def __aexit__(
        self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException], exc_tb: Optional[TracebackType]
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
