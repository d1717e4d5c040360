"""`responses.parse()`, `responses.stream()` and `Response.output_text`: the requests sent, the parsed output text
and function call arguments, the stream's events with their snapshots; sync and async over respx, and once over a
real loopback SSE server."""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, List, Iterator
from http.server import HTTPServer, BaseHTTPRequestHandler

import httpx
import respx
import pytest
import pydantic

import openai
from openai import OpenAI, AsyncOpenAI
from openai.types.responses import Response, ParsedResponse, ParsedResponseFunctionToolCall
from openai.lib.streaming.responses import (
    ResponseStream,
    ResponseTextDoneEvent,
    ResponseTextDeltaEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
)

base_url = "http://127.0.0.1:4010/v1"
LOCATION_JSON = '{"city": "Paris", "temperature": 21.5}'


class Location(pydantic.BaseModel):
    city: str
    temperature: float


class GetWeather(pydantic.BaseModel):
    city: str


def response(output: List[Dict[str, Any]], status: str = "completed") -> Dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "gpt-4o",
        "status": status,
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
    }


def message(*texts: str, refusal: bool = False) -> Dict[str, Any]:
    content: List[Dict[str, Any]] = [{"type": "output_text", "text": text, "annotations": []} for text in texts]
    if refusal:
        content.append({"type": "refusal", "refusal": "no"})
    return {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed", "content": content}


def function_call(arguments: str, name: str = "GetWeather") -> Dict[str, Any]:
    return {
        "type": "function_call",
        "id": "fc_1",
        "call_id": "call_1",
        "name": name,
        "arguments": arguments,
        "status": "completed",
    }


@pytest.fixture
def client() -> OpenAI:
    return OpenAI(base_url=base_url, api_key="sk-test")


@pytest.fixture
def async_client() -> AsyncOpenAI:
    return AsyncOpenAI(base_url=base_url, api_key="sk-test")


def mock_create(body: Dict[str, Any]) -> respx.Route:
    return respx.post(f"{base_url}/responses").mock(
        return_value=httpx.Response(200, json=body, headers={"x-request-id": "req_1"})
    )


# -- output_text -----------------------------------------------------------------------------------------------


def test_output_text_joins_the_text_of_every_message_output() -> None:
    data = response([message("Hello, ", "world", refusal=True), function_call("{}"), message("!")])
    assert Response.construct(**data).output_text == "Hello, world!"
    assert Response.construct(**response([function_call("{}")])).output_text == ""
    assert "output_text" not in Response.model_fields


# -- parse -----------------------------------------------------------------------------------------------------


def check_parse_request(request: httpx.Request, helper: str = "responses.parse") -> Dict[str, Any]:
    assert request.headers["X-Stainless-Helper-Method"] == helper
    body = json.loads(request.content)
    text_format = body["text"]["format"]
    assert list(text_format) == ["type", "strict", "name", "schema"]
    assert text_format["type"] == "json_schema" and text_format["strict"] is True
    assert text_format["name"] == "Location"
    assert text_format["schema"]["additionalProperties"] is False
    assert text_format["schema"]["required"] == ["city", "temperature"]
    # the chat-style pydantic tool is sent in the Responses shape
    [tool] = body["tools"]
    assert tool["type"] == "function" and tool["name"] == "GetWeather" and tool["strict"] is True
    assert tool["parameters"]["properties"] == {"city": {"title": "City", "type": "string"}}
    assert "function" not in tool
    return body


def check_parsed(parsed: ParsedResponse[Location]) -> None:
    assert isinstance(parsed, ParsedResponse)
    assert parsed.output_parsed == Location(city="Paris", temperature=21.5)
    assert parsed.output_text == LOCATION_JSON
    first = parsed.output[0]
    assert first.type == "message" and first.content[0].type == "output_text"
    assert first.content[0].parsed == Location(city="Paris", temperature=21.5)
    call = parsed.output[1]
    assert isinstance(call, ParsedResponseFunctionToolCall)
    assert call.parsed_arguments == GetWeather(city="Oslo")


@respx.mock
def test_parse_sends_the_text_format_and_parses_text_and_tool_arguments(client: OpenAI) -> None:
    route = mock_create(response([message(LOCATION_JSON), function_call('{"city": "Oslo"}')]))
    parsed = client.responses.parse(
        model="gpt-4o",
        input="weather?",
        text_format=Location,
        tools=[openai.pydantic_function_tool(GetWeather)],
    )
    body = check_parse_request(route.calls.last.request)
    assert (body["model"], body["input"]) == ("gpt-4o", "weather?")
    assert "stream" not in body
    check_parsed(parsed)
    assert parsed._request_id == "req_1"


@respx.mock
async def test_parse_async(async_client: AsyncOpenAI) -> None:
    route = mock_create(response([message(LOCATION_JSON), function_call('{"city": "Oslo"}')]))
    parsed = await async_client.responses.parse(
        model="gpt-4o", input="weather?", text_format=Location, tools=[openai.pydantic_function_tool(GetWeather)]
    )
    check_parse_request(route.calls.last.request)
    check_parsed(parsed)


@respx.mock
def test_parse_with_raw_response(client: OpenAI) -> None:
    mock_create(response([message(LOCATION_JSON)]))
    raw = client.responses.with_raw_response.parse(model="gpt-4o", input="hi", text_format=Location)
    assert raw.headers["x-request-id"] == "req_1"
    assert raw.parse().output_parsed == Location(city="Paris", temperature=21.5)


@respx.mock
def test_parse_without_text_format_keeps_text_and_parses_strict_dict_tools(client: OpenAI) -> None:
    route = mock_create(response([message("plain"), function_call('{"n": 1}', name="count")]))
    strict_tool: Any = {"type": "function", "name": "count", "parameters": {}, "strict": True}
    parsed = client.responses.parse(
        model="gpt-4o", input="hi", text={"verbosity": "low"}, tools=[strict_tool], verbosity="high"
    )
    body = json.loads(route.calls.last.request.content)
    assert body["text"] == {"verbosity": "high"}
    assert body["tools"] == [strict_tool]
    assert parsed.output_parsed is None and parsed.output_text == "plain"
    assert parsed.output[1].type == "function_call" and parsed.output[1].parsed_arguments == {"n": 1}

    mock_create(response([function_call('{"n": 1}', name="count")]))
    loose_tool: Any = {**strict_tool, "strict": False}
    parsed = client.responses.parse(model="gpt-4o", input="hi", tools=[loose_tool])
    assert parsed.output[0].type == "function_call" and parsed.output[0].parsed_arguments is None


def test_parse_refuses_text_format_together_with_text_format_config(client: OpenAI) -> None:
    with pytest.raises(TypeError, match="Cannot mix and match text.format with text_format"):
        client.responses.parse(model="gpt-4o", input="hi", text={"format": {"type": "text"}}, text_format=Location)


# -- stream ----------------------------------------------------------------------------------------------------

CALL = {**function_call(""), "status": "in_progress"}
EVENTS: List[Dict[str, Any]] = [
    {"type": "response.created", "response": response([], status="in_progress")},
    {"type": "response.output_item.added", "output_index": 0, "item": {**message(), "status": "in_progress"}},
    {
        "type": "response.content_part.added",
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 0,
        "part": {"type": "output_text", "text": "", "annotations": []},
    },
    *(
        {
            "type": "response.output_text.delta",
            "item_id": "msg_1",
            "output_index": 0,
            "content_index": 0,
            "delta": delta,
            "logprobs": [],
        }
        for delta in ('{"city": "Pa', 'ris", "temperature": 21.5', "}")
    ),
    {
        "type": "response.output_text.done",
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 0,
        "text": LOCATION_JSON,
        "logprobs": [],
    },
    {"type": "response.output_item.added", "output_index": 1, "item": CALL},
    *(
        {"type": "response.function_call_arguments.delta", "item_id": "fc_1", "output_index": 1, "delta": delta}
        for delta in ('{"city": ', '"Oslo"}')
    ),
    {
        "type": "response.function_call_arguments.done",
        "item_id": "fc_1",
        "output_index": 1,
        "arguments": '{"city": "Oslo"}',
    },
    {"type": "response.completed", "response": response([message(LOCATION_JSON), function_call('{"city": "Oslo"}')])},
]


def sse(events: List[Dict[str, Any]]) -> bytes:
    numbered = [{**event, "sequence_number": number} for number, event in enumerate(events)]
    return b"".join(b"event: %s\ndata: %s\n\n" % (e["type"].encode(), json.dumps(e).encode()) for e in numbered)


def sse_response() -> httpx.Response:
    return httpx.Response(200, content=sse(EVENTS), headers={"content-type": "text/event-stream"})


def check_events(events: List[Any]) -> None:
    assert [e.type for e in events] == [e["type"] for e in EVENTS]
    text_deltas = [e for e in events if e.type == "response.output_text.delta"]
    assert all(isinstance(e, ResponseTextDeltaEvent) for e in text_deltas)
    assert [e.snapshot for e in text_deltas] == ['{"city": "Pa', '{"city": "Paris", "temperature": 21.5', LOCATION_JSON]
    assert text_deltas[1].delta == 'ris", "temperature": 21.5'
    [text_done] = [e for e in events if e.type == "response.output_text.done"]
    assert isinstance(text_done, ResponseTextDoneEvent)
    assert text_done.parsed == Location(city="Paris", temperature=21.5)
    argument_deltas = [e for e in events if e.type == "response.function_call_arguments.delta"]
    assert all(isinstance(e, ResponseFunctionCallArgumentsDeltaEvent) for e in argument_deltas)
    assert [e.snapshot for e in argument_deltas] == ['{"city": ', '{"city": "Oslo"}']
    assert events[-1].response.output_parsed == Location(city="Paris", temperature=21.5)


@respx.mock
def test_stream_events_snapshots_and_final_response(client: OpenAI) -> None:
    route = respx.post(f"{base_url}/responses").mock(return_value=sse_response())
    manager = client.responses.stream(
        model="gpt-4o", input="weather?", text_format=Location, tools=[openai.pydantic_function_tool(GetWeather)]
    )
    assert not route.called  # the request is sent on entering the context
    with manager as stream:
        assert isinstance(stream, ResponseStream)
        events = list(stream)
        final = stream.get_final_response()

    body = check_parse_request(route.calls.last.request, helper="responses.stream")
    assert body["stream"] is True
    check_events(events)
    check_parsed(final)
    assert stream.response.is_closed


@respx.mock
async def test_stream_async(async_client: AsyncOpenAI) -> None:
    route = respx.post(f"{base_url}/responses").mock(return_value=sse_response())
    async with async_client.responses.stream(
        model="gpt-4o", input="weather?", text_format=Location, tools=[openai.pydantic_function_tool(GetWeather)]
    ) as stream:
        events = [event async for event in stream]
        final = await stream.get_final_response()

    check_parse_request(route.calls.last.request, helper="responses.stream")
    check_events(events)
    check_parsed(final)


@respx.mock
def test_stream_resumes_a_response_by_id(client: OpenAI) -> None:
    route = respx.get(f"{base_url}/responses/resp_1").mock(return_value=sse_response())
    with client.responses.stream(response_id="resp_1", starting_after=3, text_format=Location) as stream:
        final = stream.until_done().get_final_response()

    request = route.calls.last.request
    assert request.headers["X-Stainless-Helper-Method"] == "responses.stream"
    assert dict(request.url.params) == {"starting_after": "3", "stream": "true"}
    assert final.output_parsed == Location(city="Paris", temperature=21.5)


@respx.mock
async def test_stream_resumes_a_response_by_id_async(async_client: AsyncOpenAI) -> None:
    route = respx.get(f"{base_url}/responses/resp_1").mock(return_value=sse_response())
    async with async_client.responses.stream(response_id="resp_1") as stream:
        final = await stream.get_final_response()

    assert route.calls.last.request.headers["X-Stainless-Helper-Method"] == "responses.stream"
    assert final.output_parsed is None and final.output_text == LOCATION_JSON


def test_stream_needs_a_response_id_or_input_and_model(client: OpenAI) -> None:
    with pytest.raises(ValueError, match="Expected either `response_id`, or both `input` and `model`, to be given"):
        client.responses.stream(model="gpt-4o")


@respx.mock
def test_final_response_needs_a_completed_event(client: OpenAI) -> None:
    respx.post(f"{base_url}/responses").mock(
        return_value=httpx.Response(200, content=sse(EVENTS[:4]), headers={"content-type": "text/event-stream"})
    )
    with client.responses.stream(model="gpt-4o", input="hi") as stream:
        with pytest.raises(RuntimeError, match="Didn't receive a `response.completed` event."):
            stream.get_final_response()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["content-length"]))
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        for event in sse(EVENTS).split(b"\n\n")[:-1]:  # one SSE event per HTTP chunk
            piece = event + b"\n\n"
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def sse_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_stream_over_a_real_loopback_server(sse_server: str) -> None:
    with OpenAI(base_url=sse_server, api_key="sk-test") as client:
        with client.responses.stream(
            model="gpt-4o", input="hi", text_format=Location, tools=[openai.pydantic_function_tool(GetWeather)]
        ) as stream:
            events = list(stream)
            final = stream.get_final_response()
    check_events(events)
    check_parsed(final)
