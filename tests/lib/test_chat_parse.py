"""`chat.completions.parse()`: the request it sends for a response format type or tools, and what it parses."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import httpx
import respx
import pytest
import pydantic

import openai
from openai import OpenAI, AsyncOpenAI, LengthFinishReasonError, ContentFilterFinishReasonError
from openai.lib._parsing import type_to_response_format_param

base_url = "http://127.0.0.1:4010/v1"


class Location(pydantic.BaseModel):
    city: str
    temperature: float
    units: Optional[str] = None


@pydantic.dataclasses.dataclass
class Point:
    x: int
    y: int


class GetWeather(pydantic.BaseModel):
    """Get the weather in a city."""

    city: str


def completion(message: Dict[str, Any], finish_reason: str = "stop", **extra: Any) -> Dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "gpt-4o",
        "choices": [{"index": 0, "finish_reason": finish_reason, "logprobs": None, "message": message}],
        **extra,
    }


def content_message(content: Optional[str], refusal: Optional[str] = None) -> Dict[str, Any]:
    return {"role": "assistant", "content": content, "refusal": refusal}


def tool_call_message(name: str, arguments: str) -> Dict[str, Any]:
    call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}
    return {"role": "assistant", "content": None, "refusal": None, "tool_calls": [call]}


@pytest.fixture
def client() -> OpenAI:
    return OpenAI(base_url=base_url, api_key="sk-test")


@pytest.fixture
def async_client() -> AsyncOpenAI:
    return AsyncOpenAI(base_url=base_url, api_key="sk-test")


def mock_completion(body: Dict[str, Any]) -> respx.Route:
    return respx.post(f"{base_url}/chat/completions").mock(return_value=httpx.Response(200, json=body))


def sent_json(route: respx.Route) -> Any:
    return json.loads(route.calls.last.request.content)


MESSAGES: List[Any] = [{"role": "user", "content": "Weather in Paris?"}]
PARIS = '{"city": "Paris", "temperature": 21.5, "units": "c"}'


@respx.mock
def test_parse_sends_strict_schema_and_parses_content(client: OpenAI) -> None:
    route = mock_completion(completion(content_message(PARIS)))
    result = client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=Location)

    request = route.calls.last.request
    assert request.headers["X-Stainless-Helper-Method"] == "chat.completions.parse"
    body = sent_json(route)
    assert body["stream"] is False
    assert body["messages"] == MESSAGES
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "schema": openai.lib._pydantic.to_strict_json_schema(Location),
            "name": "Location",
            "strict": True,
        },
    }
    assert body["response_format"]["json_schema"]["schema"]["additionalProperties"] is False
    parsed = result.choices[0].message.parsed
    assert parsed == Location(city="Paris", temperature=21.5, units="c")
    assert result.choices[0].message.content == PARIS
    assert result.id == "chatcmpl-1"


@respx.mock
async def test_parse_async(async_client: AsyncOpenAI) -> None:
    route = mock_completion(completion(content_message(PARIS)))
    result = await async_client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=Location)

    assert route.calls.last.request.headers["X-Stainless-Helper-Method"] == "chat.completions.parse"
    assert sent_json(route)["response_format"]["json_schema"]["name"] == "Location"
    assert result.choices[0].message.parsed == Location(city="Paris", temperature=21.5, units="c")


@respx.mock
def test_parse_pydantic_dataclass(client: OpenAI) -> None:
    route = mock_completion(completion(content_message('{"x": 1, "y": 2}')))
    result = client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=Point)

    assert sent_json(route)["response_format"]["json_schema"]["name"] == "Point"
    assert result.choices[0].message.parsed == Point(x=1, y=2)


@respx.mock
def test_parse_without_response_format_or_with_a_dict(client: OpenAI) -> None:
    route = mock_completion(completion(content_message('{"a": 1}')))
    result = client.chat.completions.parse(model="gpt-4o", messages=MESSAGES)
    assert "response_format" not in sent_json(route)
    assert result.choices[0].message.parsed is None

    result = client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format={"type": "json_object"})
    assert sent_json(route)["response_format"] == {"type": "json_object"}
    assert result.choices[0].message.parsed is None
    assert result.choices[0].message.content == '{"a": 1}'


@respx.mock
def test_refusal_is_not_parsed(client: OpenAI) -> None:
    mock_completion(completion(content_message(None, refusal="I can't help with that")))
    result = client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=Location)
    assert result.choices[0].message.parsed is None
    assert result.choices[0].message.refusal == "I can't help with that"


@respx.mock
def test_pydantic_function_tool_arguments_are_parsed(client: OpenAI) -> None:
    route = mock_completion(completion(tool_call_message("GetWeather", '{"city": "Oslo"}'), "tool_calls"))
    result = client.chat.completions.parse(
        model="gpt-4o", messages=MESSAGES, tools=[openai.pydantic_function_tool(GetWeather)]
    )

    assert sent_json(route)["tools"][0]["function"]["name"] == "GetWeather"
    call = (result.choices[0].message.tool_calls or [])[0]
    assert call.function.parsed_arguments == GetWeather(city="Oslo")
    assert call.function.arguments == '{"city": "Oslo"}'
    assert call.id == "call_1"


@respx.mock
async def test_strict_dict_tool_arguments_are_decoded_async(async_client: AsyncOpenAI) -> None:
    mock_completion(completion(tool_call_message("lookup", '{"q": "x"}'), "tool_calls"))
    tool: Any = {"type": "function", "function": {"name": "lookup", "parameters": {}, "strict": True}}
    result = await async_client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, tools=[tool])
    assert (result.choices[0].message.tool_calls or [])[0].function.parsed_arguments == {"q": "x"}


@respx.mock
def test_unknown_tool_arguments_are_not_parsed(client: OpenAI) -> None:
    mock_completion(completion(tool_call_message("other", '{"q": "x"}'), "tool_calls"))
    result = client.chat.completions.parse(model="gpt-4o", messages=MESSAGES)
    assert (result.choices[0].message.tool_calls or [])[0].function.parsed_arguments is None


@pytest.mark.parametrize(
    ("tool", "message"),
    [
        (
            {"type": "function", "function": {"name": "loose", "parameters": {}}},
            "`loose` is not strict. Only `strict` function tools can be auto-parsed",
        ),
        (
            {"type": "custom", "custom": {"name": "grammar"}},
            "Currently only `function` tool types support auto-parsing; Received `custom`",
        ),
    ],
)
def test_only_strict_function_tools_are_accepted(client: OpenAI, tool: Any, message: str) -> None:
    with pytest.raises(ValueError) as exc:
        client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, tools=[tool])
    assert str(exc.value) == message


@respx.mock
def test_length_finish_reason_raises(client: OpenAI) -> None:
    usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    mock_completion(completion(content_message('{"city": "Par'), "length", usage=usage))
    with pytest.raises(LengthFinishReasonError) as exc:
        client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=Location)
    assert str(exc.value).startswith("Could not parse response content as the length limit was reached - ")
    assert exc.value.completion.usage is not None and exc.value.completion.usage.total_tokens == 3


@respx.mock
async def test_content_filter_finish_reason_raises_async(async_client: AsyncOpenAI) -> None:
    mock_completion(completion(content_message(None), "content_filter"))
    with pytest.raises(ContentFilterFinishReasonError) as exc:
        await async_client.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=Location)
    assert str(exc.value) == "Could not parse response content as the request was rejected by the content filter"


@respx.mock
def test_raw_response_parse_gives_parsed_completion(client: OpenAI) -> None:
    route = mock_completion(completion(content_message(PARIS)))
    raw = client.chat.completions.with_raw_response.parse(model="gpt-4o", messages=MESSAGES, response_format=Location)

    assert route.calls.last.request.headers["X-Stainless-Raw-Response"] == "true"
    assert route.calls.last.request.headers["X-Stainless-Helper-Method"] == "chat.completions.parse"
    assert raw.status_code == 200
    assert raw.parse().choices[0].message.parsed == Location(city="Paris", temperature=21.5, units="c")


@respx.mock
async def test_streaming_response_parse_async(async_client: AsyncOpenAI) -> None:
    mock_completion(completion(content_message(PARIS)))
    async with async_client.chat.completions.with_streaming_response.parse(
        model="gpt-4o", messages=MESSAGES, response_format=Location
    ) as response:
        result = await response.parse()
    assert result.choices[0].message.parsed == Location(city="Paris", temperature=21.5, units="c")


def test_unsupported_response_format_type() -> None:
    with pytest.raises(TypeError) as exc:
        type_to_response_format_param(int)
    assert str(exc.value) == "Unsupported response_format type - <class 'int'>"


@respx.mock
def test_parse_is_also_on_beta_chat_completions(client: OpenAI) -> None:
    mock_completion(completion(content_message(PARIS)))
    result = client.beta.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=Location)
    assert result.choices[0].message.parsed == Location(city="Paris", temperature=21.5, units="c")


def test_create_rejects_a_model_class(client: OpenAI) -> None:
    with pytest.raises(TypeError) as exc:
        client.chat.completions.create(model="gpt-4o", messages=MESSAGES, response_format=Location)  # type: ignore[arg-type]
    assert str(exc.value) == (
        "You tried to pass a `BaseModel` class to `chat.completions.create()`; "
        "You must use `chat.completions.parse()` instead"
    )


async def test_async_create_rejects_a_model_class(async_client: AsyncOpenAI) -> None:
    with pytest.raises(TypeError, match="You must use `chat.completions.parse\\(\\)` instead"):
        await async_client.chat.completions.create(model="gpt-4o", messages=MESSAGES, response_format=Location)  # type: ignore[arg-type]
