"""`chat.completions.parse()` and `chat.completions.stream()`: the structured-output helpers mixed into the
generated chat completions resource (`CompletionsHelpers` into `Completions`, `AsyncCompletionsHelpers` into
`AsyncCompletions`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Type, Union, Iterable, Optional, cast

import httpx
from typing_extensions import Literal

from . import ResponseFormatT
from .._types import Body, Omit, Query, Headers, NotGiven, RequestOptions, SequenceNotStr, omit, not_given
from .._utils import clean_params
from ._parsing import validate_input_tools, parse_chat_completion, type_to_response_format_param
from .._resource import SyncAPIResource, AsyncAPIResource
from .._streaming import Stream, AsyncStream
from .._base_client import make_request_options
from ..types.chat.chat_completion import ChatCompletion
from ..types.chat.chat_completion_chunk import ChatCompletionChunk
from ..types.chat.parsed_chat_completion import ParsedChatCompletion

if TYPE_CHECKING:
    from ..types.chat import completion_create_params
    from .streaming.chat import ChatCompletionStreamManager, AsyncChatCompletionStreamManager
    from ..types.shared.chat_model import ChatModel
    from ..types.shared_params.metadata import Metadata
    from ..types.shared.reasoning_effort import ReasoningEffort
    from ..types.chat.chat_completion_audio_param import ChatCompletionAudioParam
    from ..types.chat.chat_completion_message_param import ChatCompletionMessageParam
    from ..types.chat.chat_completion_tool_union_param import ChatCompletionToolUnionParam
    from ..types.chat.chat_completion_stream_options_param import ChatCompletionStreamOptionsParam
    from ..types.chat.chat_completion_prediction_content_param import ChatCompletionPredictionContentParam
    from ..types.chat.chat_completion_tool_choice_option_param import ChatCompletionToolChoiceOptionParam

__all__ = ["CompletionsHelpers", "AsyncCompletionsHelpers"]

_REQUEST_OPTIONS = ("self", "extra_headers", "extra_query", "extra_body", "timeout")


def _body(arguments: Dict[str, Any], *, stream: bool) -> Dict[str, object]:
    """The request body from a helper's `locals()`: its API arguments, with `response_format` made a request param."""
    body = {key: value for key, value in arguments.items() if key not in _REQUEST_OPTIONS}
    body["response_format"] = type_to_response_format_param(arguments["response_format"])
    body["stream"] = stream
    return body


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


class CompletionsHelpers(SyncAPIResource):
    def parse(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: Union[str, ChatModel],
        audio: Optional[ChatCompletionAudioParam] | Omit = omit,
        response_format: Type[ResponseFormatT] | completion_create_params.ResponseFormat | Omit = omit,
        frequency_penalty: Optional[float] | Omit = omit,
        function_call: completion_create_params.FunctionCall | Omit = omit,
        functions: Iterable[completion_create_params.Function] | Omit = omit,
        logit_bias: Optional[Dict[str, int]] | Omit = omit,
        logprobs: Optional[bool] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        modalities: Optional[List[Literal["text", "audio"]]] | Omit = omit,
        moderation: Optional[completion_create_params.Moderation] | Omit = omit,
        n: Optional[int] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        prediction: Optional[ChatCompletionPredictionContentParam] | Omit = omit,
        presence_penalty: Optional[float] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: completion_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        seed: Optional[int] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        stop: Optional[Union[Optional[str], SequenceNotStr[str]]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream_options: Optional[ChatCompletionStreamOptionsParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: ChatCompletionToolChoiceOptionParam | Omit = omit,
        tools: Iterable[ChatCompletionToolUnionParam] | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        user: str | Omit = omit,
        verbosity: Optional[Literal["low", "medium", "high"]] | Omit = omit,
        web_search_options: completion_create_params.WebSearchOptions | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """Create a chat completion whose content is parsed into `response_format`, a pydantic model class (or a
        type pydantic can validate), into `choices[].message.parsed`. Such a type is sent as a strict JSON schema.

        Tool calls of strict function tools (such as `openai.pydantic_function_tool(Model)`) get their arguments
        parsed into `function.parsed_arguments` (a `Model` instance for pydantic function tools).

        Raises `LengthFinishReasonError` / `ContentFilterFinishReasonError` when a choice was cut short for those
        reasons. The other arguments are those of `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        validate_input_tools(tools)

        def parser(completion: ChatCompletion) -> ParsedChatCompletion[ResponseFormatT]:
            return parse_chat_completion(response_format=response_format, input_tools=tools, chat_completion=completion)

        return self._post(
            "/chat/completions",
            body=clean_params(_body(arguments, stream=False)),
            options=_options(arguments, helper="chat.completions.parse", post_parser=parser),
            cast_to=cast("Type[ParsedChatCompletion[ResponseFormatT]]", ChatCompletion),
            stream=False,
        )

    def stream(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: Union[str, ChatModel],
        audio: Optional[ChatCompletionAudioParam] | Omit = omit,
        response_format: Type[ResponseFormatT] | completion_create_params.ResponseFormat | Omit = omit,
        frequency_penalty: Optional[float] | Omit = omit,
        function_call: completion_create_params.FunctionCall | Omit = omit,
        functions: Iterable[completion_create_params.Function] | Omit = omit,
        logit_bias: Optional[Dict[str, int]] | Omit = omit,
        logprobs: Optional[bool] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        modalities: Optional[List[Literal["text", "audio"]]] | Omit = omit,
        moderation: Optional[completion_create_params.Moderation] | Omit = omit,
        n: Optional[int] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        prediction: Optional[ChatCompletionPredictionContentParam] | Omit = omit,
        presence_penalty: Optional[float] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: completion_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        seed: Optional[int] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        stop: Optional[Union[Optional[str], SequenceNotStr[str]]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream_options: Optional[ChatCompletionStreamOptionsParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: ChatCompletionToolChoiceOptionParam | Omit = omit,
        tools: Iterable[ChatCompletionToolUnionParam] | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        user: str | Omit = omit,
        verbosity: Optional[Literal["low", "medium", "high"]] | Omit = omit,
        web_search_options: completion_create_params.WebSearchOptions | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> ChatCompletionStreamManager[ResponseFormatT]:
        """Stream a chat completion as events (`content.delta`, `tool_calls.function.arguments.done`, ...), parsing
        content and tool arguments as `parse()` does. Returns a context manager that sends the request on entry:

            with client.chat.completions.stream(model=..., messages=[...]) as stream:
                for event in stream:
                    ...
            completion = stream.get_final_completion()

        The other arguments are those of `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        validate_input_tools(tools)
        from .streaming.chat import ChatCompletionStreamManager

        def request() -> Stream[ChatCompletionChunk]:
            return self._post(
                "/chat/completions",
                body=clean_params(_body(arguments, stream=True)),
                options=_options(arguments, helper="chat.completions.stream"),
                cast_to=ChatCompletionChunk,
                stream=True,
                stream_cls=Stream[ChatCompletionChunk],
            )

        return ChatCompletionStreamManager(request, response_format=response_format, input_tools=tools)


class AsyncCompletionsHelpers(AsyncAPIResource):
    async def parse(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: Union[str, ChatModel],
        audio: Optional[ChatCompletionAudioParam] | Omit = omit,
        response_format: Type[ResponseFormatT] | completion_create_params.ResponseFormat | Omit = omit,
        frequency_penalty: Optional[float] | Omit = omit,
        function_call: completion_create_params.FunctionCall | Omit = omit,
        functions: Iterable[completion_create_params.Function] | Omit = omit,
        logit_bias: Optional[Dict[str, int]] | Omit = omit,
        logprobs: Optional[bool] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        modalities: Optional[List[Literal["text", "audio"]]] | Omit = omit,
        moderation: Optional[completion_create_params.Moderation] | Omit = omit,
        n: Optional[int] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        prediction: Optional[ChatCompletionPredictionContentParam] | Omit = omit,
        presence_penalty: Optional[float] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: completion_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        seed: Optional[int] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        stop: Optional[Union[Optional[str], SequenceNotStr[str]]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream_options: Optional[ChatCompletionStreamOptionsParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: ChatCompletionToolChoiceOptionParam | Omit = omit,
        tools: Iterable[ChatCompletionToolUnionParam] | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        user: str | Omit = omit,
        verbosity: Optional[Literal["low", "medium", "high"]] | Omit = omit,
        web_search_options: completion_create_params.WebSearchOptions | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """Create a chat completion whose content is parsed into `response_format`, a pydantic model class (or a
        type pydantic can validate), into `choices[].message.parsed`. Such a type is sent as a strict JSON schema.

        Tool calls of strict function tools (such as `openai.pydantic_function_tool(Model)`) get their arguments
        parsed into `function.parsed_arguments` (a `Model` instance for pydantic function tools).

        Raises `LengthFinishReasonError` / `ContentFilterFinishReasonError` when a choice was cut short for those
        reasons. The other arguments are those of `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        validate_input_tools(tools)

        def parser(completion: ChatCompletion) -> ParsedChatCompletion[ResponseFormatT]:
            return parse_chat_completion(response_format=response_format, input_tools=tools, chat_completion=completion)

        return await self._post(
            "/chat/completions",
            body=clean_params(_body(arguments, stream=False)),
            options=_options(arguments, helper="chat.completions.parse", post_parser=parser),
            cast_to=cast("Type[ParsedChatCompletion[ResponseFormatT]]", ChatCompletion),
            stream=False,
        )

    def stream(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: Union[str, ChatModel],
        audio: Optional[ChatCompletionAudioParam] | Omit = omit,
        response_format: Type[ResponseFormatT] | completion_create_params.ResponseFormat | Omit = omit,
        frequency_penalty: Optional[float] | Omit = omit,
        function_call: completion_create_params.FunctionCall | Omit = omit,
        functions: Iterable[completion_create_params.Function] | Omit = omit,
        logit_bias: Optional[Dict[str, int]] | Omit = omit,
        logprobs: Optional[bool] | Omit = omit,
        max_completion_tokens: Optional[int] | Omit = omit,
        max_tokens: Optional[int] | Omit = omit,
        metadata: Optional[Metadata] | Omit = omit,
        modalities: Optional[List[Literal["text", "audio"]]] | Omit = omit,
        moderation: Optional[completion_create_params.Moderation] | Omit = omit,
        n: Optional[int] | Omit = omit,
        parallel_tool_calls: bool | Omit = omit,
        prediction: Optional[ChatCompletionPredictionContentParam] | Omit = omit,
        presence_penalty: Optional[float] | Omit = omit,
        prompt_cache_key: Optional[str] | Omit = omit,
        prompt_cache_options: completion_create_params.PromptCacheOptions | Omit = omit,
        prompt_cache_retention: Optional[Literal["in_memory", "24h"]] | Omit = omit,
        reasoning_effort: Optional[ReasoningEffort] | Omit = omit,
        safety_identifier: Optional[str] | Omit = omit,
        seed: Optional[int] | Omit = omit,
        service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]] | Omit = omit,
        stop: Optional[Union[Optional[str], SequenceNotStr[str]]] | Omit = omit,
        store: Optional[bool] | Omit = omit,
        stream_options: Optional[ChatCompletionStreamOptionsParam] | Omit = omit,
        temperature: Optional[float] | Omit = omit,
        tool_choice: ChatCompletionToolChoiceOptionParam | Omit = omit,
        tools: Iterable[ChatCompletionToolUnionParam] | Omit = omit,
        top_logprobs: Optional[int] | Omit = omit,
        top_p: Optional[float] | Omit = omit,
        user: str | Omit = omit,
        verbosity: Optional[Literal["low", "medium", "high"]] | Omit = omit,
        web_search_options: completion_create_params.WebSearchOptions | Omit = omit,
        # Extra request options, for anything the typed arguments above do not cover.
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncChatCompletionStreamManager[ResponseFormatT]:
        """Stream a chat completion as events (`content.delta`, `tool_calls.function.arguments.done`, ...), parsing
        content and tool arguments as `parse()` does. Returns a context manager that sends the request on entry:

            with client.chat.completions.stream(model=..., messages=[...]) as stream:
                for event in stream:
                    ...
            completion = stream.get_final_completion()

        The other arguments are those of `create()`.
        """
        arguments = dict(locals())  # first thing: exactly the arguments
        validate_input_tools(tools)
        from .streaming.chat import AsyncChatCompletionStreamManager

        async def request() -> AsyncStream[ChatCompletionChunk]:
            return await self._post(
                "/chat/completions",
                body=clean_params(_body(arguments, stream=True)),
                options=_options(arguments, helper="chat.completions.stream"),
                cast_to=ChatCompletionChunk,
                stream=True,
                stream_cls=AsyncStream[ChatCompletionChunk],
            )

        return AsyncChatCompletionStreamManager(request(), response_format=response_format, input_tools=tools)
