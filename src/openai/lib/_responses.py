"""`responses.parse()` and `responses.stream()`: the structured-output and streaming helpers mixed into the
generated Responses resource (`ResponsesHelpers` into `Responses`, `AsyncResponsesHelpers` into `AsyncResponses`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Union, Iterable, Optional, cast

import httpx
from typing_extensions import Literal

from .._types import Body, Omit, Query, Headers, NotGiven, RequestOptions, omit, not_given
from .._utils import is_given, clean_params, path_template
from .._resource import SyncAPIResource, AsyncAPIResource
from .._streaming import Stream, AsyncStream
from .._base_client import make_request_options
from ._parsing._responses import TextFormatT, make_tools, parse_response, text_config_param
from ..types.responses.response import Response
from ..types.responses.parsed_response import ParsedResponse
from ..types.responses.response_stream_event import ResponseStreamEvent

if TYPE_CHECKING:
    from ..types.responses import response_create_params
    from .streaming.responses import ResponseStreamManager, AsyncResponseStreamManager
    from ..types.responses.tool_param import ToolParam, ParseableToolParam
    from ..types.shared.responses_model import ResponsesModel
    from ..types.shared_params.metadata import Metadata
    from ..types.shared_params.reasoning import Reasoning
    from ..types.responses.response_includable import ResponseIncludable
    from ..types.responses.response_input_param import ResponseInputParam
    from ..types.responses.response_prompt_param import ResponsePromptParam
    from ..types.responses.response_text_config_param import ResponseTextConfigParam

__all__ = ["ResponsesHelpers", "AsyncResponsesHelpers"]

_REQUEST_OPTIONS = ("self", "extra_headers", "extra_query", "extra_body", "timeout")
# Helper arguments that are no `create()` body fields: folded into `text`, or used to resume a stream.
_HELPER_ONLY = ("text_format", "verbosity", "response_id", "starting_after")


def _create_body(arguments: Dict[str, Any], input_tools: List[ToolParam] | Omit) -> Dict[str, object]:
    """The `create()` body from a helper's `locals()`: `text_format` (and `verbosity`) folded into `text`."""
    body = {key: value for key, value in arguments.items() if key not in _REQUEST_OPTIONS + _HELPER_ONLY}
    body["text"] = text_config_param(
        text=arguments["text"], text_format=arguments["text_format"], verbosity=arguments.get("verbosity", omit)
    )
    body["tools"] = input_tools
    return body


def _retrieve_query(arguments: Dict[str, Any]) -> Dict[str, object]:
    """The query that resumes streaming the response `response_id`."""
    return {"include": arguments["include"], "starting_after": arguments["starting_after"], "stream": True}


def _check_stream_arguments(arguments: Dict[str, Any]) -> None:
    """`stream()` either resumes a response (`response_id`) or creates one (`input` and `model`)."""
    if is_given(arguments["response_id"]):
        return
    if not is_given(arguments["input"]) or not is_given(arguments["model"]):
        raise ValueError("Expected either `response_id`, or both `input` and `model`, to be given")


def _options(arguments: Dict[str, Any], *, helper: str, **options: Any) -> RequestOptions:
    """The request options from a helper's `locals()`, naming the helper in `X-Stainless-Helper-Method`."""
    return make_request_options(
        extra_headers={"X-Stainless-Helper-Method": helper, **(arguments["extra_headers"] or {})},
        extra_query=arguments["extra_query"],
        extra_body=arguments["extra_body"],
        timeout=arguments["timeout"],
        security={"bearer_auth": True},
        **options,
    )


class ResponsesHelpers(SyncAPIResource):
    def parse(
        self,
        *,
        text_format: type[TextFormatT] | Omit = omit,
        background: Optional[bool] | Omit = omit,
        context_management: Optional[Iterable[response_create_params.ContextManagement]] | Omit = omit,
        conversation: Optional[response_create_params.Conversation] | Omit = omit,
        include: Optional[Iterable[ResponseIncludable]] | Omit = omit,
        input: Union[str, ResponseInputParam] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_output_tokens: Optional[int] | Omit = omit,
        max_tool_calls: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: ResponsesModel | Omit = omit,
        moderation: Optional[response_create_params.Moderation] | Omit = omit,
        parallel_tool_calls: Optional[bool] | Omit = omit,
        previous_response_id: Optional[str] | Omit = omit,
        prompt: Optional[ResponsePromptParam] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: response_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning: Optional[Reasoning] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream: Optional[Literal[False]] | Literal[True] | Omit = omit,
        stream_options: Optional[response_create_params.StreamOptions] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        text: ResponseTextConfigParam | Omit = omit,
        tool_choice: response_create_params.ToolChoice | Omit = omit,
        tools: Iterable[ParseableToolParam] | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation: Optional[Literal["auto", "disabled"]] | Omit = omit,
        user: str | Omit = omit,
        verbosity: Optional[Literal["low", "medium", "high"]] | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> ParsedResponse[TextFormatT]:
        """Create a response whose output text is parsed into `text_format`, a pydantic model class (or a type
        pydantic can validate), read back as `output_parsed` (and each `output_text` part's `parsed`). Such a type
        is sent as a strict JSON schema text format.

        Function calls of strict function tools (such as `openai.pydantic_function_tool(Model)`, accepted here in
        its chat form too) get their arguments parsed into `parsed_arguments`. The other arguments are those of
        `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        input_tools = make_tools(tools)

        def parser(response: Response) -> ParsedResponse[TextFormatT]:
            return parse_response(text_format=text_format, input_tools=input_tools, response=response)

        return self._post(
            "/responses",
            body=clean_params(_create_body(arguments, input_tools)),
            options=_options(arguments, helper="responses.parse", post_parser=parser),
            cast_to=cast("type[ParsedResponse[TextFormatT]]", Response),
        )

    def stream(
        self,
        *,
        response_id: str | Omit = omit,
        input: Union[str, ResponseInputParam] | Omit = omit,
        model: ResponsesModel | Omit = omit,
        background: Optional[bool] | Omit = omit,
        context_management: Optional[Iterable[response_create_params.ContextManagement]] | Omit = omit,
        text_format: type[TextFormatT] | Omit = omit,
        tools: Iterable[ParseableToolParam] | Omit = omit,
        conversation: Optional[response_create_params.Conversation] | Omit = omit,
        include: Optional[Iterable[ResponseIncludable]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_output_tokens: Optional[int] | Omit = omit,
        max_tool_calls: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        parallel_tool_calls: Optional[bool] | Omit = omit,
        moderation: Optional[response_create_params.Moderation] | Omit = omit,
        previous_response_id: Optional[str] | Omit = omit,
        prompt: Optional[ResponsePromptParam] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: response_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning: Optional[Reasoning] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream_options: Optional[response_create_params.StreamOptions] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        text: ResponseTextConfigParam | Omit = omit,
        tool_choice: response_create_params.ToolChoice | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation: Optional[Literal["auto", "disabled"]] | Omit = omit,
        user: str | Omit = omit,
        starting_after: int | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> ResponseStreamManager[TextFormatT]:
        """Stream a response as events, with text and function call argument snapshots and the text parsed as
        `parse()` does. Returns a context manager that sends the request on entry:

            with client.responses.stream(model=..., input=...) as stream:
                for event in stream:
                    ...
            response = stream.get_final_response()

        Pass `response_id` (and optionally `starting_after`) instead of `input` and `model` to resume streaming a
        background response. The other arguments are those of `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        _check_stream_arguments(arguments)
        input_tools = make_tools(tools)
        from .streaming.responses import ResponseStreamManager

        def request() -> Stream[ResponseStreamEvent]:
            if is_given(response_id):
                return self._get(
                    path_template("/responses/{response_id}", response_id=response_id),
                    options=_options(
                        arguments,
                        helper="responses.stream",
                        query=clean_params(_retrieve_query(arguments)),
                    ),
                    cast_to=Response,
                    stream=True,
                    stream_cls=Stream[ResponseStreamEvent],
                )
            return self._post(
                "/responses",
                body=clean_params({**_create_body(arguments, input_tools), "stream": True}),
                options=_options(arguments, helper="responses.stream"),
                cast_to=Response,
                stream=True,
                stream_cls=Stream[ResponseStreamEvent],
            )

        return ResponseStreamManager(request, text_format=text_format, input_tools=input_tools)


class AsyncResponsesHelpers(AsyncAPIResource):
    async def parse(
        self,
        *,
        text_format: type[TextFormatT] | Omit = omit,
        background: Optional[bool] | Omit = omit,
        context_management: Optional[Iterable[response_create_params.ContextManagement]] | Omit = omit,
        conversation: Optional[response_create_params.Conversation] | Omit = omit,
        include: Optional[Iterable[ResponseIncludable]] | Omit = omit,
        input: Union[str, ResponseInputParam] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_output_tokens: Optional[int] | Omit = omit,
        max_tool_calls: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        model: ResponsesModel | Omit = omit,
        moderation: Optional[response_create_params.Moderation] | Omit = omit,
        parallel_tool_calls: Optional[bool] | Omit = omit,
        previous_response_id: Optional[str] | Omit = omit,
        prompt: Optional[ResponsePromptParam] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: response_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning: Optional[Reasoning] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream: Optional[Literal[False]] | Literal[True] | Omit = omit,
        stream_options: Optional[response_create_params.StreamOptions] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        text: ResponseTextConfigParam | Omit = omit,
        tool_choice: response_create_params.ToolChoice | Omit = omit,
        tools: Iterable[ParseableToolParam] | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation: Optional[Literal["auto", "disabled"]] | Omit = omit,
        user: str | Omit = omit,
        verbosity: Optional[Literal["low", "medium", "high"]] | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> ParsedResponse[TextFormatT]:
        """Create a response whose output text is parsed into `text_format`, a pydantic model class (or a type
        pydantic can validate), read back as `output_parsed` (and each `output_text` part's `parsed`). Such a type
        is sent as a strict JSON schema text format.

        Function calls of strict function tools (such as `openai.pydantic_function_tool(Model)`, accepted here in
        its chat form too) get their arguments parsed into `parsed_arguments`. The other arguments are those of
        `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        input_tools = make_tools(tools)

        def parser(response: Response) -> ParsedResponse[TextFormatT]:
            return parse_response(text_format=text_format, input_tools=input_tools, response=response)

        return await self._post(
            "/responses",
            body=clean_params(_create_body(arguments, input_tools)),
            options=_options(arguments, helper="responses.parse", post_parser=parser),
            cast_to=cast("type[ParsedResponse[TextFormatT]]", Response),
        )

    def stream(
        self,
        *,
        response_id: str | Omit = omit,
        input: Union[str, ResponseInputParam] | Omit = omit,
        model: ResponsesModel | Omit = omit,
        background: Optional[bool] | Omit = omit,
        context_management: Optional[Iterable[response_create_params.ContextManagement]] | Omit = omit,
        text_format: type[TextFormatT] | Omit = omit,
        tools: Iterable[ParseableToolParam] | Omit = omit,
        conversation: Optional[response_create_params.Conversation] | Omit = omit,
        include: Optional[Iterable[ResponseIncludable]] | Omit = omit,
        instructions: Optional[str] | Omit = omit,
        max_output_tokens: Optional[int] | Omit = omit,
        max_tool_calls: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        parallel_tool_calls: Optional[bool] | Omit = omit,
        moderation: Optional[response_create_params.Moderation] | Omit = omit,
        previous_response_id: Optional[str] | Omit = omit,
        prompt: Optional[ResponsePromptParam] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: response_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning: Optional[Reasoning] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream_options: Optional[response_create_params.StreamOptions] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        text: ResponseTextConfigParam | Omit = omit,
        tool_choice: response_create_params.ToolChoice | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        truncation: Optional[Literal["auto", "disabled"]] | Omit = omit,
        user: str | Omit = omit,
        starting_after: int | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncResponseStreamManager[TextFormatT]:
        """Stream a response as events, with text and function call argument snapshots and the text parsed as
        `parse()` does. Returns a context manager that sends the request on entry:

            with client.responses.stream(model=..., input=...) as stream:
                for event in stream:
                    ...
            response = stream.get_final_response()

        Pass `response_id` (and optionally `starting_after`) instead of `input` and `model` to resume streaming a
        background response. The other arguments are those of `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        _check_stream_arguments(arguments)
        input_tools = make_tools(tools)
        from .streaming.responses import AsyncResponseStreamManager

        async def request() -> AsyncStream[ResponseStreamEvent]:
            if is_given(response_id):
                return await self._get(
                    path_template("/responses/{response_id}", response_id=response_id),
                    options=_options(
                        arguments,
                        helper="responses.stream",
                        query=clean_params(_retrieve_query(arguments)),
                    ),
                    cast_to=Response,
                    stream=True,
                    stream_cls=AsyncStream[ResponseStreamEvent],
                )
            return await self._post(
                "/responses",
                body=clean_params({**_create_body(arguments, input_tools), "stream": True}),
                options=_options(arguments, helper="responses.stream"),
                cast_to=Response,
                stream=True,
                stream_cls=AsyncStream[ResponseStreamEvent],
            )

        return AsyncResponseStreamManager(request(), text_format=text_format, input_tools=input_tools)
