"""`chat.completions.stream()`: the events built from chunks, the accumulated snapshot and the final parsed
completion; sync and async over respx, and once over a real loopback SSE server."""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, List, Iterator, Optional
from http.server import HTTPServer, BaseHTTPRequestHandler

import httpx
import respx
import pytest
import pydantic

import openai
from openai import OpenAI, AsyncOpenAI, LengthFinishReasonError
from openai.lib.streaming.chat import (
    ChunkEvent,
    ContentDoneEvent,
    ContentDeltaEvent,
    ChatCompletionStream,
    ChatCompletionStreamState,
    FunctionToolCallArgumentsDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
)

base_url = "http://127.0.0.1:4010/v1"
MESSAGES: List[Any] = [{"role": "user", "content": "hi"}]


class Location(pydantic.BaseModel):
    city: str
    temperature: float


class GetWeather(pydantic.BaseModel):
    city: str


def chunk(
    delta: Dict[str, Any],
    finish_reason: Optional[str] = None,
    logprobs: Optional[Dict[str, Any]] = None,
    index: int = 0,
) -> Dict[str, Any]:
    choice = {"index": index, "delta": delta, "finish_reason": finish_reason, "logprobs": logprobs}
    return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o", "choices": [choice]}


USAGE_CHUNK = {
    "id": "chatcmpl-1",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "gpt-4o",
    "choices": [],
    "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12},
}

CONTENT_CHUNKS = [
    chunk({"role": "assistant", "content": ""}),
    chunk({"content": '{"city": "Pa'}),
    chunk({"content": 'ris", "temperature": 21.5'}),
    chunk({"content": "}"}),
    chunk({}, finish_reason="stop"),
    USAGE_CHUNK,
]


def tool_delta(index: int, arguments: str, name: Optional[str] = None) -> Dict[str, Any]:
    call: Dict[str, Any] = {"index": index, "function": {"arguments": arguments}}
    if name is not None:
        call.update(id=f"call_{index}", type="function", function={"name": name, "arguments": arguments})
    return {"tool_calls": [call]}


TOOL_CHUNKS = [
    chunk({"role": "assistant", **tool_delta(0, "", "GetWeather")}),
    chunk(tool_delta(0, '{"city": ')),
    chunk(tool_delta(0, '"Oslo"}')),
    chunk(tool_delta(1, '{"city": "Rome"}', "GetWeather")),
    chunk({}, finish_reason="tool_calls"),
]


def sse(chunks: List[Dict[str, Any]]) -> bytes:
    return b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks) + b"data: [DONE]\n\n"


def mock_stream(chunks: List[Dict[str, Any]]) -> respx.Route:
    return respx.post(f"{base_url}/chat/completions").mock(
        return_value=httpx.Response(200, content=sse(chunks), headers={"content-type": "text/event-stream"})
    )


@pytest.fixture
def client() -> OpenAI:
    return OpenAI(base_url=base_url, api_key="sk-test")


@pytest.fixture
def async_client() -> AsyncOpenAI:
    return AsyncOpenAI(base_url=base_url, api_key="sk-test")


def check_content_events(events: List[Any]) -> None:
    assert [e.type for e in events] == [
        "chunk",
        "content.delta",
        "chunk",
        "content.delta",
        "chunk",
        "content.delta",
        "chunk",
        "content.delta",
        "chunk",
        "content.done",
        "chunk",
    ]
    deltas = [e for e in events if isinstance(e, ContentDeltaEvent)]
    assert [e.delta for e in deltas] == ["", '{"city": "Pa', 'ris", "temperature": 21.5', "}"]
    assert deltas[2].snapshot == '{"city": "Paris", "temperature": 21.5'
    # partial JSON: incomplete strings are left out until they are complete
    assert [e.parsed for e in deltas] == [None, {}, {"city": "Paris", "temperature": 21.5}] + [
        {"city": "Paris", "temperature": 21.5}
    ]
    done = events[9]
    assert isinstance(done, ContentDoneEvent)
    assert done.parsed == Location(city="Paris", temperature=21.5)
    assert isinstance(events[0], ChunkEvent) and events[0].chunk.choices[0].delta.role == "assistant"


def check_final(completion: Any) -> None:
    assert completion.object == "chat.completion"
    assert completion.choices[0].message.parsed == Location(city="Paris", temperature=21.5)
    assert completion.choices[0].message.content == '{"city": "Paris", "temperature": 21.5}'
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage.total_tokens == 12


@respx.mock
def test_stream_content_events_and_final_completion(client: OpenAI) -> None:
    route = mock_stream(CONTENT_CHUNKS)
    manager = client.chat.completions.stream(model="gpt-4o", messages=MESSAGES, response_format=Location)
    assert not route.called  # the request is sent on entering the context
    with manager as stream:
        events = list(stream)
        final = stream.get_final_completion()

    request = route.calls.last.request
    assert request.headers["X-Stainless-Helper-Method"] == "chat.completions.stream"
    body = json.loads(request.content)
    assert body["stream"] is True
    assert body["response_format"]["json_schema"]["name"] == "Location"
    check_content_events(events)
    check_final(final)
    assert stream.response.is_closed


@respx.mock
async def test_stream_content_events_and_final_completion_async(async_client: AsyncOpenAI) -> None:
    route = mock_stream(CONTENT_CHUNKS)
    async with async_client.chat.completions.stream(
        model="gpt-4o", messages=MESSAGES, response_format=Location
    ) as stream:
        events = [event async for event in stream]
        final = await stream.get_final_completion()

    assert route.calls.last.request.headers["X-Stainless-Helper-Method"] == "chat.completions.stream"
    check_content_events(events)
    check_final(final)


def check_tool_events(events: List[Any]) -> None:
    tool_events = [e for e in events if e.type.startswith("tool_calls.")]
    assert [(e.type.rsplit(".", 1)[1], e.index) for e in tool_events] == [
        ("delta", 0),
        ("delta", 0),
        ("done", 0),
        ("delta", 1),
        ("done", 1),
    ]
    first_delta = tool_events[0]
    assert isinstance(first_delta, FunctionToolCallArgumentsDeltaEvent)
    assert (first_delta.name, first_delta.arguments_delta, first_delta.arguments) == (
        "GetWeather",
        '{"city": ',
        '{"city": ',
    )
    assert first_delta.parsed_arguments == {}
    assert tool_events[1].parsed_arguments == {"city": "Oslo"}
    done = tool_events[2]
    assert isinstance(done, FunctionToolCallArgumentsDoneEvent)
    assert (done.name, done.arguments) == ("GetWeather", '{"city": "Oslo"}')
    assert done.parsed_arguments == GetWeather(city="Oslo")
    assert tool_events[4].parsed_arguments == GetWeather(city="Rome")


def check_tool_final(completion: Any) -> None:
    calls = completion.choices[0].message.tool_calls
    assert [(c.id, c.function.name, c.function.parsed_arguments) for c in calls] == [
        ("call_0", "GetWeather", GetWeather(city="Oslo")),
        ("call_1", "GetWeather", GetWeather(city="Rome")),
    ]
    assert completion.choices[0].message.parsed is None


@respx.mock
def test_stream_tool_call_events(client: OpenAI) -> None:
    mock_stream(TOOL_CHUNKS)
    tools = [openai.pydantic_function_tool(GetWeather)]
    with client.chat.completions.stream(model="gpt-4o", messages=MESSAGES, tools=tools) as stream:
        events = list(stream)
        check_tool_events(events)
        check_tool_final(stream.get_final_completion())


@respx.mock
async def test_stream_tool_call_events_async(async_client: AsyncOpenAI) -> None:
    mock_stream(TOOL_CHUNKS)
    tools = [openai.pydantic_function_tool(GetWeather)]
    async with async_client.chat.completions.stream(model="gpt-4o", messages=MESSAGES, tools=tools) as stream:
        events = [event async for event in stream]
    check_tool_events(events)
    check_tool_final(await stream.get_final_completion())


def logprob(token: str) -> Dict[str, Any]:
    return {"token": token, "logprob": -0.5, "bytes": None, "top_logprobs": []}


@respx.mock
def test_refusal_and_logprobs_events(client: OpenAI) -> None:
    mock_stream(
        [
            chunk({"role": "assistant", "refusal": "I can"}, logprobs={"content": None, "refusal": [logprob("I can")]}),
            chunk({"refusal": "'t"}, logprobs={"content": None, "refusal": [logprob("'t")]}),
            chunk({}, finish_reason="stop"),
        ]
    )
    with client.chat.completions.stream(model="gpt-4o", messages=MESSAGES, response_format=Location) as stream:
        events: List[Any] = [e for e in stream if e.type != "chunk"]
        snapshot = stream.current_completion_snapshot

    assert [e.type for e in events] == [
        "refusal.delta",
        "logprobs.refusal.delta",
        "refusal.delta",
        "logprobs.refusal.delta",
        "refusal.done",
        "logprobs.refusal.done",
    ]
    assert [(e.delta, e.snapshot) for e in events if e.type == "refusal.delta"] == [
        ("I can", "I can"),
        ("'t", "I can't"),
    ]
    assert [t.token for t in events[3].snapshot] == ["I can", "'t"]
    assert events[4].refusal == "I can't"
    assert [t.token for t in events[5].refusal] == ["I can", "'t"]
    assert snapshot.choices[0].message.refusal == "I can't"
    assert snapshot.choices[0].message.parsed is None


@respx.mock
def test_length_finish_reason_raises_while_streaming(client: OpenAI) -> None:
    mock_stream([chunk({"content": '{"city": '}), chunk({}, finish_reason="length")])
    with client.chat.completions.stream(model="gpt-4o", messages=MESSAGES, response_format=Location) as stream:
        with pytest.raises(LengthFinishReasonError):
            stream.until_done()


@respx.mock
def test_multiple_choices_accumulate_separately(client: OpenAI) -> None:
    mock_stream(
        [
            chunk({"content": "a"}, index=0),
            chunk({"content": "x"}, index=1),
            chunk({"content": "b"}, index=0),
            chunk({}, finish_reason="stop", index=0),
            chunk({}, finish_reason="stop", index=1),
        ]
    )
    with client.chat.completions.stream(model="gpt-4o", messages=MESSAGES, n=2) as stream:
        final = stream.get_final_completion()
    assert [(c.index, c.message.content) for c in final.choices] == [(0, "ab"), (1, "x")]


@respx.mock
def test_state_accumulates_chunks_from_create(client: OpenAI) -> None:
    mock_stream(CONTENT_CHUNKS)
    state = ChatCompletionStreamState(response_format=Location)
    for item in client.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True):
        state.handle_chunk(item)
    check_final(state.get_final_completion())


class _Handler(BaseHTTPRequestHandler):
    body = b""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["content-length"]))
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        for event in self.body.split(b"\n\n")[:-1]:  # one SSE event per HTTP chunk
            piece = event + b"\n\n"
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def sse_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), type("Handler", (_Handler,), {"body": sse(CONTENT_CHUNKS)}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_stream_over_a_real_loopback_server(sse_server: str) -> None:
    with OpenAI(base_url=sse_server, api_key="sk-test") as client:
        with client.chat.completions.stream(model="gpt-4o", messages=MESSAGES, response_format=Location) as stream:
            assert isinstance(stream, ChatCompletionStream)
            events = list(stream)
        check_content_events(events)
        check_final(stream.get_final_completion())
        assert stream.response.is_closed


def test_accumulate_delta_merges_strings_objects_and_indexed_lists() -> None:
    from openai.lib.streaming._deltas import accumulate_delta

    acc: Dict[str, Any] = {}
    accumulate_delta(acc, {"content": "a", "tool_calls": [{"index": 0, "type": "function", "function": {"name": "f"}}]})
    accumulate_delta(
        acc, {"content": "b", "tool_calls": [{"index": 0, "type": "function", "function": {"arguments": "{"}}]}
    )
    accumulate_delta(acc, {"tool_calls": [{"index": 1, "function": {"arguments": "x"}}], "tags": [1], "n": 1})
    accumulate_delta(acc, {"tool_calls": [{"index": 0, "function": {"arguments": "}"}}], "tags": [2], "n": 2})
    assert acc == {
        "content": "ab",
        "tool_calls": [
            {"index": 0, "type": "function", "function": {"name": "f", "arguments": "{}"}},
            {"index": 1, "function": {"arguments": "x"}},
        ],
        "tags": [1, 2],
        "n": 2,
    }
