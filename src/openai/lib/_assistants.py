"""The Assistants API run helpers mixed into the generated `beta.threads` resources: `create_and_run_poll()` /
`create_and_run_stream()` (`ThreadsHelpers` into `Threads`) and `create_and_poll()`, `create_and_stream()`,
`poll()`, `stream()`, `submit_tool_outputs_and_poll()`, `submit_tool_outputs_stream()` (`RunsHelpers` into `Runs`),
with their async twins. They call the generated (deprecated) methods, so those still warn."""

# Calling the deprecated generated methods is what these helpers do.
# pyright: reportDeprecated=false

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Union, Callable, Iterable, Optional, Awaitable, cast

import httpx
import typing_extensions

from .._types import Body, Omit, Query, Headers, NotGiven, omit, not_given
from ._polling import poll, async_poll
from .._resource import SyncAPIResource, AsyncAPIResource

if TYPE_CHECKING:
    from .._streaming import Stream, AsyncStream
    from ..types.beta import thread_create_and_run_params
    from ..types.beta.threads import run_create_params, run_submit_tool_outputs_params
    from .streaming._assistants import (
        AssistantEventHandlerT,
        AssistantStreamManager,
        AsyncAssistantEventHandlerT,
        AsyncAssistantStreamManager,
    )
    from ..types.beta.threads.run import Run
    from ..types.shared.chat_model import ChatModel
    from ..types.shared_params.metadata import Metadata
    from ..types.shared.reasoning_effort import ReasoningEffort
    from ..resources.beta.threads.threads import Threads, AsyncThreads
    from ..types.beta.assistant_tool_param import AssistantToolParam
    from ..resources.beta.threads.runs.runs import Runs, AsyncRuns
    from ..types.beta.assistant_stream_event import AssistantStreamEvent
    from ..types.beta.threads.runs.run_step_include import RunStepInclude
    from ..types.beta.assistant_tool_choice_option_param import AssistantToolChoiceOptionParam
    from ..types.beta.assistant_response_format_option_param import AssistantResponseFormatOptionParam

__all__ = ["ThreadsHelpers", "AsyncThreadsHelpers", "RunsHelpers", "AsyncRunsHelpers"]

_DEPRECATED = "The Assistants API is deprecated in favor of the Responses API"

# Statuses after which a run no longer changes by itself.
_FINAL_STATUSES = ("requires_action", "cancelled", "completed", "failed", "expired", "incomplete")

# Helper-only arguments, not passed on to the generated method.
_OWN_ARGUMENTS = ("self", "poll_interval_ms", "event_handler")


def _is_final(run: Run) -> bool:
    return run.status in _FINAL_STATUSES


def _forwarded(arguments: Dict[str, Any]) -> Dict[str, Any]:
    """The arguments (a helper's `locals()`) of the generated method the helper calls."""
    return {key: value for key, value in arguments.items() if key not in _OWN_ARGUMENTS}


def _streamed(arguments: Dict[str, Any], helper: str) -> Dict[str, Any]:
    """`_forwarded()`, plus the headers that name the stream helper and say whether it got an event handler."""
    forwarded = _forwarded(arguments)
    forwarded["extra_headers"] = {
        "X-Stainless-Stream-Helper": helper,
        "X-Stainless-Custom-Event-Handler": "false" if arguments["event_handler"] is None else "true",
        **(arguments["extra_headers"] or {}),
    }
    return forwarded


class ThreadsHelpers(SyncAPIResource):
    def create_and_run_poll(
        self,
        *,
        assistant_id: str,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        thread: thread_create_and_run_params.Thread | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tool_resources: Optional[thread_create_and_run_params.ToolResources] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[thread_create_and_run_params.TruncationStrategy] | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Run:
        """Create a thread and run it (`create_and_run()`), then poll the run until it stops (`runs.poll()`)."""
        arguments = dict(locals())
        threads = cast("Threads", self)
        run = threads.create_and_run(**_forwarded(arguments), stream=omit)
        return threads.runs.poll(
            run.id, run.thread_id, extra_headers, extra_query, extra_body, timeout, poll_interval_ms
        )

    def create_and_run_stream(
        self,
        *,
        assistant_id: str,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        thread: thread_create_and_run_params.Thread | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tool_resources: Optional[thread_create_and_run_params.ToolResources] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[thread_create_and_run_params.TruncationStrategy] | Omit = omit,
        event_handler: AssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AssistantStreamManager[AssistantEventHandlerT]:
        """Create a thread and run it, streaming the run's events to `event_handler` (an `AssistantEventHandler`
        subclass instance; a plain one when not given). The request is sent when the `with` block is entered."""
        arguments = _streamed(locals(), "threads.create_and_run_stream")
        threads = cast("Threads", self)
        return _manager(lambda: threads.create_and_run(**arguments, stream=True), event_handler)


class RunsHelpers(SyncAPIResource):
    @typing_extensions.deprecated(_DEPRECATED)
    def create_and_poll(
        self,
        *,
        assistant_id: str,
        include: Iterable[RunStepInclude] | Omit = omit,
        additional_instructions: Optional[str] | Omit = omit,
        additional_messages: Optional[Iterable[run_create_params.AdditionalMessage]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[run_create_params.TruncationStrategy] | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        thread_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Run:
        """Create a run (`create()`), then poll it until it stops (`poll()`)."""
        arguments = dict(locals())
        runs = cast("Runs", self)
        run = runs.create(**_forwarded(arguments), stream=omit)
        return runs.poll(run.id, thread_id, extra_headers, extra_query, extra_body, timeout, poll_interval_ms)

    @typing_extensions.deprecated(_DEPRECATED)
    def create_and_stream(
        self,
        *,
        assistant_id: str,
        additional_instructions: Optional[str] | Omit = omit,
        additional_messages: Optional[Iterable[run_create_params.AdditionalMessage]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[run_create_params.TruncationStrategy] | Omit = omit,
        thread_id: str,
        event_handler: AssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AssistantStreamManager[AssistantEventHandlerT]:
        """Create a run, streaming its events to `event_handler` (see `stream()`, which also takes `include`)."""
        arguments = _streamed(locals(), "threads.runs.create_and_stream")
        runs = cast("Runs", self)
        return _manager(lambda: runs.create(**arguments, stream=True), event_handler)

    @typing_extensions.deprecated(_DEPRECATED)
    def poll(
        self,
        run_id: str,
        thread_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
        poll_interval_ms: int | Omit = omit,
    ) -> Run:
        """Retrieve the run until its status is `requires_action`, `cancelled`, `completed`, `failed`, `expired` or
        `incomplete`; returns its last state. Waits `poll_interval_ms` between requests, else what the server asks
        (`openai-poll-after-ms`), else one second."""
        runs = cast("Runs", self)
        return poll(
            lambda headers: runs.with_raw_response.retrieve(
                run_id,
                thread_id=thread_id,
                extra_headers={**headers, **(extra_headers or {})},
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            is_done=_is_final,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )

    @typing_extensions.deprecated(_DEPRECATED)
    def stream(
        self,
        *,
        assistant_id: str,
        include: Iterable[RunStepInclude] | Omit = omit,
        additional_instructions: Optional[str] | Omit = omit,
        additional_messages: Optional[Iterable[run_create_params.AdditionalMessage]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[run_create_params.TruncationStrategy] | Omit = omit,
        thread_id: str,
        event_handler: AssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AssistantStreamManager[AssistantEventHandlerT]:
        """Create a run and stream its events to `event_handler` (an `AssistantEventHandler` subclass instance; a
        plain one when not given). The request is sent when the `with` block is entered:

            with client.beta.threads.runs.stream(thread_id=..., assistant_id=..., event_handler=MyHandler()) as run:
                run.until_done()
        """
        arguments = _streamed(locals(), "threads.runs.create_and_stream")
        runs = cast("Runs", self)
        return _manager(lambda: runs.create(**arguments, stream=True), event_handler)

    @typing_extensions.deprecated(_DEPRECATED)
    def submit_tool_outputs_and_poll(
        self,
        *,
        tool_outputs: Iterable[run_submit_tool_outputs_params.ToolOutput],
        run_id: str,
        thread_id: str,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Run:
        """Submit tool outputs (`submit_tool_outputs()`), then poll the run until it stops again (`poll()`)."""
        arguments = dict(locals())
        runs = cast("Runs", self)
        run = runs.submit_tool_outputs(**_forwarded(arguments), stream=omit)
        return runs.poll(run.id, thread_id, extra_headers, extra_query, extra_body, timeout, poll_interval_ms)

    @typing_extensions.deprecated(_DEPRECATED)
    def submit_tool_outputs_stream(
        self,
        *,
        tool_outputs: Iterable[run_submit_tool_outputs_params.ToolOutput],
        run_id: str,
        thread_id: str,
        event_handler: AssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AssistantStreamManager[AssistantEventHandlerT]:
        """Submit tool outputs and stream the rest of the run's events to `event_handler` (see `stream()`)."""
        arguments = _streamed(locals(), "threads.runs.submit_tool_outputs_stream")
        runs = cast("Runs", self)
        return _manager(lambda: runs.submit_tool_outputs(**arguments, stream=True), event_handler)


class AsyncThreadsHelpers(AsyncAPIResource):
    async def create_and_run_poll(
        self,
        *,
        assistant_id: str,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        thread: thread_create_and_run_params.Thread | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tool_resources: Optional[thread_create_and_run_params.ToolResources] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[thread_create_and_run_params.TruncationStrategy] | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Run:
        """Create a thread and run it (`create_and_run()`), then poll the run until it stops (`runs.poll()`)."""
        arguments = dict(locals())
        threads = cast("AsyncThreads", self)
        run = await threads.create_and_run(**_forwarded(arguments), stream=omit)
        return await threads.runs.poll(
            run.id, run.thread_id, extra_headers, extra_query, extra_body, timeout, poll_interval_ms
        )

    def create_and_run_stream(
        self,
        *,
        assistant_id: str,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        thread: thread_create_and_run_params.Thread | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tool_resources: Optional[thread_create_and_run_params.ToolResources] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[thread_create_and_run_params.TruncationStrategy] | Omit = omit,
        event_handler: AsyncAssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncAssistantStreamManager[AsyncAssistantEventHandlerT]:
        """Create a thread and run it, streaming the run's events to `event_handler` (an `AsyncAssistantEventHandler`
        subclass instance; a plain one when not given). The request is sent when the `async with` block is entered."""
        arguments = _streamed(locals(), "threads.create_and_run_stream")
        threads = cast("AsyncThreads", self)
        return _async_manager(lambda: threads.create_and_run(**arguments, stream=True), event_handler)


class AsyncRunsHelpers(AsyncAPIResource):
    @typing_extensions.deprecated(_DEPRECATED)
    async def create_and_poll(
        self,
        *,
        assistant_id: str,
        include: Iterable[RunStepInclude] | Omit = omit,
        additional_instructions: Optional[str] | Omit = omit,
        additional_messages: Optional[Iterable[run_create_params.AdditionalMessage]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[run_create_params.TruncationStrategy] | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        thread_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Run:
        """Create a run (`create()`), then poll it until it stops (`poll()`)."""
        arguments = dict(locals())
        runs = cast("AsyncRuns", self)
        run = await runs.create(**_forwarded(arguments), stream=omit)
        return await runs.poll(run.id, thread_id, extra_headers, extra_query, extra_body, timeout, poll_interval_ms)

    @typing_extensions.deprecated(_DEPRECATED)
    def create_and_stream(
        self,
        *,
        assistant_id: str,
        additional_instructions: Optional[str] | Omit = omit,
        additional_messages: Optional[Iterable[run_create_params.AdditionalMessage]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[run_create_params.TruncationStrategy] | Omit = omit,
        thread_id: str,
        event_handler: AsyncAssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncAssistantStreamManager[AsyncAssistantEventHandlerT]:
        """Create a run, streaming its events to `event_handler` (see `stream()`, which also takes `include`)."""
        arguments = _streamed(locals(), "threads.runs.create_and_stream")
        runs = cast("AsyncRuns", self)
        return _async_manager(lambda: runs.create(**arguments, stream=True), event_handler)

    @typing_extensions.deprecated(_DEPRECATED)
    async def poll(
        self,
        run_id: str,
        thread_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
        poll_interval_ms: int | Omit = omit,
    ) -> Run:
        """Retrieve the run until its status is `requires_action`, `cancelled`, `completed`, `failed`, `expired` or
        `incomplete`; returns its last state. Waits `poll_interval_ms` between requests, else what the server asks
        (`openai-poll-after-ms`), else one second."""
        runs = cast("AsyncRuns", self)
        return await async_poll(
            lambda headers: runs.with_raw_response.retrieve(
                run_id,
                thread_id=thread_id,
                extra_headers={**headers, **(extra_headers or {})},
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            is_done=_is_final,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )

    @typing_extensions.deprecated(_DEPRECATED)
    def stream(
        self,
        *,
        assistant_id: str,
        include: Iterable[RunStepInclude] | Omit = omit,
        additional_instructions: Optional[str] | Omit = omit,
        additional_messages: Optional[Iterable[run_create_params.AdditionalMessage]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_prompt_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: Union[str, ChatModel, None] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        response_format: Optional[AssistantResponseFormatOptionParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: Optional[AssistantToolChoiceOptionParam] | Omit = omit,
        tools: Optional[Iterable[AssistantToolParam]] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation_strategy: Optional[run_create_params.TruncationStrategy] | Omit = omit,
        thread_id: str,
        event_handler: AsyncAssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncAssistantStreamManager[AsyncAssistantEventHandlerT]:
        """Create a run and stream its events to `event_handler` (an `AsyncAssistantEventHandler` subclass instance; a
        plain one when not given). The request is sent when the `async with` block is entered:

            async with client.beta.threads.runs.stream(thread_id=..., assistant_id=..., event_handler=MyHandler()) as run:
                await run.until_done()
        """
        arguments = _streamed(locals(), "threads.runs.create_and_stream")
        runs = cast("AsyncRuns", self)
        return _async_manager(lambda: runs.create(**arguments, stream=True), event_handler)

    @typing_extensions.deprecated(_DEPRECATED)
    async def submit_tool_outputs_and_poll(
        self,
        *,
        tool_outputs: Iterable[run_submit_tool_outputs_params.ToolOutput],
        run_id: str,
        thread_id: str,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Run:
        """Submit tool outputs (`submit_tool_outputs()`), then poll the run until it stops again (`poll()`)."""
        arguments = dict(locals())
        runs = cast("AsyncRuns", self)
        run = await runs.submit_tool_outputs(**_forwarded(arguments), stream=omit)
        return await runs.poll(run.id, thread_id, extra_headers, extra_query, extra_body, timeout, poll_interval_ms)

    @typing_extensions.deprecated(_DEPRECATED)
    def submit_tool_outputs_stream(
        self,
        *,
        tool_outputs: Iterable[run_submit_tool_outputs_params.ToolOutput],
        run_id: str,
        thread_id: str,
        event_handler: AsyncAssistantEventHandlerT | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncAssistantStreamManager[AsyncAssistantEventHandlerT]:
        """Submit tool outputs and stream the rest of the run's events to `event_handler` (see `stream()`)."""
        arguments = _streamed(locals(), "threads.runs.submit_tool_outputs_stream")
        runs = cast("AsyncRuns", self)
        return _async_manager(lambda: runs.submit_tool_outputs(**arguments, stream=True), event_handler)


def _manager(
    request: Callable[[], Stream[AssistantStreamEvent]], event_handler: AssistantEventHandlerT | None
) -> AssistantStreamManager[AssistantEventHandlerT]:
    from .streaming._assistants import AssistantEventHandler, AssistantStreamManager

    handler = cast("AssistantEventHandlerT", AssistantEventHandler()) if event_handler is None else event_handler
    return AssistantStreamManager(request, event_handler=handler)


def _async_manager(
    request: Callable[[], Awaitable[AsyncStream[AssistantStreamEvent]]],
    event_handler: AsyncAssistantEventHandlerT | None,
) -> AsyncAssistantStreamManager[AsyncAssistantEventHandlerT]:
    from .streaming._assistants import AsyncAssistantEventHandler, AsyncAssistantStreamManager

    handler = (
        cast("AsyncAssistantEventHandlerT", AsyncAssistantEventHandler()) if event_handler is None else event_handler
    )
    return AsyncAssistantStreamManager(request, event_handler=handler)
