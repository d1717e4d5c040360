"""Assistants API run helpers: the event handlers over a `thread.*` SSE body (callbacks, snapshots, final
run/steps/messages, `text_deltas`), the `*_stream()` helpers' requests, and the poll helpers; sync and async over
respx (the waits between polls are recorded instead of slept)."""

from __future__ import annotations

import json
import inspect
import warnings
import threading
from typing import Any, Dict, List, Tuple, Union, Callable, Iterator
from http.server import HTTPServer, BaseHTTPRequestHandler

import httpx
import respx
import pytest

from openai import OpenAI, AsyncOpenAI
from openai._resource import SyncAPIResource, AsyncAPIResource
from openai.lib.streaming._assistants import (
    AssistantEventHandler,
    AssistantStreamManager,
    AsyncAssistantEventHandler,
    AsyncAssistantStreamManager,
)
from openai.types.beta.thread_create_and_run_params import Thread
from openai.types.beta.threads.run_submit_tool_outputs_params import ToolOutput

base_url = "http://127.0.0.1:4010/v1"

Client = Union[OpenAI, AsyncOpenAI]

DEPRECATED = "The Assistants API is deprecated in favor of the Responses API"

pytestmark = pytest.mark.filterwarnings(f"ignore:{DEPRECATED}:DeprecationWarning")


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest) -> Client:
    client_class = OpenAI if request.param == "sync" else AsyncOpenAI
    return client_class(base_url=base_url, api_key="sk-test")


async def call(value: Any) -> Any:
    """The result of a helper call, awaited when the client is async."""
    return await value if inspect.isawaitable(value) else value


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> List[float]:
    """Seconds each poll helper waited between two retrievals (nothing really sleeps)."""
    recorded: List[float] = []

    def sleep(_self: object, seconds: float) -> None:
        recorded.append(seconds)

    async def async_sleep(_self: object, seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(SyncAPIResource, "_sleep", sleep)
    monkeypatch.setattr(AsyncAPIResource, "_sleep", async_sleep)
    return recorded


# --- a run's events ----------------------------------------------------------------------------------------------


def run(status: str, id: str = "run_1") -> Dict[str, Any]:
    return {
        "id": id,
        "object": "thread.run",
        "created_at": 1,
        "thread_id": "thread_1",
        "assistant_id": "asst_1",
        "status": status,
    }


def step(id: str, details: Dict[str, Any], status: str = "in_progress") -> Dict[str, Any]:
    return {"id": id, "object": "thread.run.step", "run_id": "run_1", "status": status, "step_details": details}


def message(content: List[Dict[str, Any]], status: str = "in_progress") -> Dict[str, Any]:
    return {
        "id": "msg_1",
        "object": "thread.message",
        "thread_id": "thread_1",
        "role": "assistant",
        "status": status,
        "content": content,
    }


def step_delta(tool_call: Dict[str, Any]) -> Dict[str, Any]:
    details = {"type": "tool_calls", "tool_calls": [tool_call]}
    return {"id": "step_1", "object": "thread.run.step.delta", "delta": {"step_details": details}}


def message_delta(content: Dict[str, Any]) -> Dict[str, Any]:
    return {"id": "msg_1", "object": "thread.message.delta", "delta": {"content": [content]}}


FUNCTION_CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "weather", "arguments": '{"city": "Paris"}', "output": None},
}
CODE_CALL = {"id": "call_2", "type": "code_interpreter", "code_interpreter": {"input": "1+1", "outputs": []}}
TEXT = {"type": "text", "text": {"value": "Hello", "annotations": []}}
IMAGE = {"type": "image_file", "image_file": {"file_id": "file_img"}}

EVENTS: List[Tuple[str, Dict[str, Any]]] = [
    ("thread.created", {"id": "thread_1", "object": "thread", "created_at": 1, "metadata": {}}),
    ("thread.run.created", run("queued")),
    ("thread.run.in_progress", run("in_progress")),
    ("thread.run.step.created", step("step_1", {"type": "tool_calls", "tool_calls": []})),
    (
        "thread.run.step.delta",
        step_delta({"index": 0, **FUNCTION_CALL, "function": {"name": "weather", "arguments": ""}}),
    ),
    ("thread.run.step.delta", step_delta({"index": 0, "type": "function", "function": {"arguments": '{"city": '}})),
    ("thread.run.step.delta", step_delta({"index": 0, "type": "function", "function": {"arguments": '"Paris"}'}})),
    ("thread.run.step.delta", step_delta({"index": 1, **CODE_CALL})),
    (
        "thread.run.step.completed",
        step("step_1", {"type": "tool_calls", "tool_calls": [FUNCTION_CALL, CODE_CALL]}, "completed"),
    ),
    ("thread.message.created", message([])),
    ("thread.message.delta", message_delta({"index": 0, "type": "text", "text": {"value": "Hel", "annotations": []}})),
    ("thread.message.delta", message_delta({"index": 0, "type": "text", "text": {"value": "lo"}})),
    ("thread.message.delta", message_delta({"index": 1, **IMAGE})),
    ("thread.message.completed", message([TEXT, IMAGE], "completed")),
    ("thread.run.completed", run("completed")),
]


def sse(events: List[Tuple[str, Dict[str, Any]]]) -> bytes:
    body = "".join(f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in events)
    return (body + "event: done\ndata: [DONE]\n\n").encode()


def mock_stream(path: str, events: List[Tuple[str, Dict[str, Any]]] = EVENTS) -> respx.Route:
    return respx.post(f"{base_url}{path}").mock(
        return_value=httpx.Response(200, content=sse(events), headers={"content-type": "text/event-stream"})
    )


def describe(value: Any) -> Any:
    """A callback argument as plain data (models as their dicts)."""
    return value.to_dict() if hasattr(value, "to_dict") else value


class Recorder(AssistantEventHandler):
    """Logs every callback but `on_event` (logged as the event name only)."""

    def __init__(self) -> None:
        super().__init__()
        self.log: List[Tuple[Any, ...]] = []

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("on_"):
            return super().__getattribute__(name)
        log: List[Tuple[Any, ...]] = super().__getattribute__("log")

        def record(*args: Any) -> None:
            log.append((name, *(arg.event if name == "on_event" else describe(arg) for arg in args)))

        return record


class AsyncRecorder(AsyncAssistantEventHandler):
    def __init__(self) -> None:
        super().__init__()
        self.log: List[Tuple[Any, ...]] = []

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("on_"):
            return super().__getattribute__(name)
        log: List[Tuple[Any, ...]] = super().__getattribute__("log")

        async def record(*args: Any) -> None:
            log.append((name, *(arg.event if name == "on_event" else describe(arg) for arg in args)))

        return record


FUNCTION_SO_FAR = {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": ""}}
FUNCTION_DONE = {**FUNCTION_SO_FAR, "function": {"name": "weather", "arguments": '{"city": "Paris"}'}}
FUNCTION_HALF = {**FUNCTION_SO_FAR, "function": {"name": "weather", "arguments": '{"city": '}}

# What a recording handler sees of EVENTS, `on_event` aside.
EXPECTED_CALLBACKS: List[Tuple[Any, ...]] = [
    ("on_run_step_created", step("step_1", {"type": "tool_calls", "tool_calls": []})),
    ("on_run_step_delta",),
    ("on_tool_call_created", FUNCTION_SO_FAR),
    ("on_tool_call_delta", {"index": 0, **FUNCTION_SO_FAR}, FUNCTION_SO_FAR),
    ("on_run_step_delta",),
    ("on_tool_call_delta", {"index": 0, "type": "function", "function": {"arguments": '{"city": '}}, FUNCTION_HALF),
    ("on_run_step_delta",),
    ("on_tool_call_delta", {"index": 0, "type": "function", "function": {"arguments": '"Paris"}'}}, FUNCTION_DONE),
    ("on_run_step_delta",),
    ("on_tool_call_done", FUNCTION_DONE),
    ("on_tool_call_created", CODE_CALL),
    ("on_tool_call_delta", {"index": 1, **CODE_CALL}, CODE_CALL),
    ("on_tool_call_done", CODE_CALL),
    ("on_run_step_done", step("step_1", {"type": "tool_calls", "tool_calls": [FUNCTION_CALL, CODE_CALL]}, "completed")),
    ("on_message_created", message([])),
    ("on_message_delta",),
    ("on_text_created", {"value": "Hel", "annotations": []}),
    ("on_text_delta", {"value": "Hel", "annotations": []}, {"value": "Hel", "annotations": []}),
    ("on_message_delta",),
    ("on_text_delta", {"value": "lo"}, {"value": "Hello", "annotations": []}),
    ("on_message_delta",),
    ("on_text_done", {"value": "Hello", "annotations": []}),
    ("on_image_file_done", {"file_id": "file_img"}),
    ("on_message_done", message([TEXT, IMAGE], "completed")),
    ("on_end",),
]


def without_events(log: List[Tuple[Any, ...]]) -> List[Tuple[Any, ...]]:
    """The log with `on_event` entries dropped and the (large) delta/snapshot pairs of step/message deltas elided."""
    return [
        entry[:1] if entry[0] in ("on_run_step_delta", "on_message_delta") else entry
        for entry in log
        if entry[0] != "on_event"
    ]


def check_final_state(handler: Union[AssistantEventHandler, AsyncAssistantEventHandler]) -> None:
    assert handler.current_event is not None and handler.current_event.event == "thread.run.completed"
    assert handler.current_run is not None and handler.current_run.status == "completed"
    assert handler.current_message_snapshot is not None
    assert handler.current_message_snapshot.to_dict()["content"] == [TEXT, IMAGE]
    assert handler.current_run_step_snapshot is not None and handler.current_run_step_snapshot.id == "step_1"


# --- event handlers ----------------------------------------------------------------------------------------------


@respx.mock
def test_stream_calls_the_handler_callbacks_in_order() -> None:
    route = mock_stream("/threads/thread_1/runs")
    client = OpenAI(base_url=base_url, api_key="sk-test")
    handler = Recorder()
    with client.beta.threads.runs.stream(thread_id="thread_1", assistant_id="asst_1", event_handler=handler) as stream:
        assert stream is handler
        events = [event.event for event in stream]

    assert events == [name for name, _ in EVENTS]
    assert [entry[1] for entry in handler.log if entry[0] == "on_event"] == events
    # `on_event` comes before the callbacks specific to the event
    assert handler.log[:2] == [("on_event", "thread.created"), ("on_event", "thread.run.created")]
    assert without_events(handler.log) == EXPECTED_CALLBACKS
    check_final_state(handler)
    request = route.calls.last.request
    assert request.headers["X-Stainless-Stream-Helper"] == "threads.runs.create_and_stream"
    assert request.headers["X-Stainless-Custom-Event-Handler"] == "true"
    assert request.headers["OpenAI-Beta"] == "assistants=v2"
    assert json.loads(request.content) == {"assistant_id": "asst_1", "stream": True}


@respx.mock
async def test_async_stream_calls_the_handler_callbacks_in_order() -> None:
    mock_stream("/threads/thread_1/runs")
    client = AsyncOpenAI(base_url=base_url, api_key="sk-test")
    handler = AsyncRecorder()
    manager = client.beta.threads.runs.stream(thread_id="thread_1", assistant_id="asst_1", event_handler=handler)
    async with manager as stream:
        assert stream is handler
        events = [event.event async for event in stream]

    assert events == [name for name, _ in EVENTS]
    assert without_events(handler.log) == EXPECTED_CALLBACKS
    check_final_state(handler)


@respx.mock
def test_default_handler_final_results_and_text_deltas() -> None:
    route = mock_stream("/threads/runs")
    client = OpenAI(base_url=base_url, api_key="sk-test")
    with client.beta.threads.create_and_run_stream(assistant_id="asst_1") as stream:
        assert type(stream) is AssistantEventHandler
        assert list(stream.text_deltas) == ["Hel", "lo"]
        assert stream.get_final_run().status == "completed"
        assert [s.to_dict()["step_details"] for s in stream.get_final_run_steps()] == [
            {"type": "tool_calls", "tool_calls": [FUNCTION_CALL, CODE_CALL]}
        ]
        assert [m.to_dict() for m in stream.get_final_messages()] == [message([TEXT, IMAGE], "completed")]
    assert route.calls.last.request.headers["X-Stainless-Stream-Helper"] == "threads.create_and_run_stream"
    assert route.calls.last.request.headers["X-Stainless-Custom-Event-Handler"] == "false"


@respx.mock
async def test_async_default_handler_final_results_and_text_deltas() -> None:
    mock_stream("/threads/runs")
    client = AsyncOpenAI(base_url=base_url, api_key="sk-test")
    async with client.beta.threads.create_and_run_stream(assistant_id="asst_1") as stream:
        assert type(stream) is AsyncAssistantEventHandler
        assert [text async for text in stream.text_deltas] == ["Hel", "lo"]
        assert (await stream.get_final_run()).status == "completed"
        assert [s.id for s in await stream.get_final_run_steps()] == ["step_1"]
        assert [m.to_dict() for m in await stream.get_final_messages()] == [message([TEXT, IMAGE], "completed")]


@respx.mock
def test_snapshots_while_streaming() -> None:
    mock_stream("/threads/thread_1/runs")
    client = OpenAI(base_url=base_url, api_key="sk-test")
    with client.beta.threads.runs.stream(thread_id="thread_1", assistant_id="asst_1") as stream:
        assert stream.current_event is None and stream.current_run is None
        assert next(stream).event == "thread.created"
        assert stream.current_event is not None and stream.current_event.event == "thread.created"
        seen: List[Any] = []
        for event in stream:
            if event.event == "thread.run.step.delta":
                snapshot = stream.current_run_step_snapshot
                assert snapshot is not None
                seen.append(snapshot.step_details.to_dict()["tool_calls"])
            if event.event == "thread.message.delta":
                snapshot = stream.current_message_snapshot
                assert snapshot is not None
                seen.append(snapshot.to_dict()["content"])
    assert seen == [
        [FUNCTION_SO_FAR],
        [FUNCTION_HALF],
        [FUNCTION_DONE],
        [FUNCTION_DONE, CODE_CALL],
        [{"type": "text", "text": {"value": "Hel", "annotations": []}}],
        [TEXT],
        [TEXT, IMAGE],
    ]


STREAM_HELPERS = [
    ("beta.threads.create_and_run_stream", {}, "/threads/runs", "threads.create_and_run_stream"),
    (
        "beta.threads.runs.create_and_stream",
        {"thread_id": "thread_1"},
        "/threads/thread_1/runs",
        "threads.runs.create_and_stream",
    ),
    (
        "beta.threads.runs.stream",
        {"thread_id": "thread_1", "include": ["step_details.tool_calls[*].file_search.results[*].content"]},
        "/threads/thread_1/runs",
        "threads.runs.create_and_stream",
    ),
]


def resolve(client: Client, path: str) -> Callable[..., Any]:
    target: Any = client
    for name in path.split("."):
        target = getattr(target, name)
    return target


@pytest.mark.parametrize("path, kwargs, url, helper", STREAM_HELPERS)
@respx.mock
async def test_stream_helpers_send_the_request_on_entry(
    client: Client, path: str, kwargs: Dict[str, Any], url: str, helper: str
) -> None:
    route = mock_stream(url)
    manager = resolve(client, path)(
        assistant_id="asst_1", temperature=0.5, extra_headers={"X-Extra": "1"}, extra_query={"q": "1"}, **kwargs
    )
    assert isinstance(manager, (AssistantStreamManager, AsyncAssistantStreamManager))
    assert not route.called
    if isinstance(manager, AssistantStreamManager):
        with manager as stream:
            stream.until_done()
    else:
        async with manager as stream:
            await stream.until_done()

    request = route.calls.last.request
    assert request.headers["X-Stainless-Stream-Helper"] == helper
    assert request.headers["X-Stainless-Custom-Event-Handler"] == "false"
    assert request.headers["X-Extra"] == "1"
    assert request.url.params["q"] == "1"
    assert json.loads(request.content) == {"assistant_id": "asst_1", "temperature": 0.5, "stream": True}
    if "include" in kwargs:
        assert request.url.params.get_list("include[]") == kwargs["include"]


@respx.mock
async def test_submit_tool_outputs_stream(client: Client) -> None:
    route = mock_stream("/threads/thread_1/runs/run_1/submit_tool_outputs", EVENTS[-1:])
    outputs: List[ToolOutput] = [{"tool_call_id": "call_1", "output": "sunny"}]
    manager = client.beta.threads.runs.submit_tool_outputs_stream(
        thread_id="thread_1", run_id="run_1", tool_outputs=outputs
    )
    if isinstance(manager, AssistantStreamManager):
        with manager as stream:
            final = stream.get_final_run()
    else:
        async with manager as stream:
            final = await stream.get_final_run()

    assert final.status == "completed"
    request = route.calls.last.request
    assert request.headers["X-Stainless-Stream-Helper"] == "threads.runs.submit_tool_outputs_stream"
    assert json.loads(request.content) == {"tool_outputs": outputs, "stream": True}


@respx.mock
def test_runs_stream_helpers_are_deprecated() -> None:
    mock_stream("/threads/thread_1/runs")
    client = OpenAI(base_url=base_url, api_key="sk-test")
    with pytest.warns(DeprecationWarning, match=DEPRECATED):
        manager = client.beta.threads.runs.stream(thread_id="thread_1", assistant_id="asst_1")
    with pytest.warns(DeprecationWarning, match=DEPRECATED):  # the generated `create()` it calls
        with manager as stream:
            stream.until_done()


class _SSEServer(BaseHTTPRequestHandler):
    """Answers any POST with the SSE body of EVENTS, cut into small HTTP chunks that split events and lines."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["content-length"]))
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        body = sse(EVENTS)
        for start in range(0, len(body), 97):
            piece = body[start : start + 97]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def sse_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _SSEServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_stream_over_a_real_loopback_server(sse_server: str) -> None:
    handler = Recorder()
    with OpenAI(base_url=sse_server, api_key="sk-test") as client:
        with client.beta.threads.runs.stream(thread_id="thread_1", assistant_id="asst_1", event_handler=handler) as s:
            s.until_done()
    assert without_events(handler.log) == EXPECTED_CALLBACKS


async def test_async_stream_over_a_real_loopback_server(sse_server: str) -> None:
    handler = AsyncRecorder()
    async with AsyncOpenAI(base_url=sse_server, api_key="sk-test") as client:
        manager = client.beta.threads.runs.stream(thread_id="thread_1", assistant_id="asst_1", event_handler=handler)
        async with manager as stream:
            await stream.until_done()
    assert without_events(handler.log) == EXPECTED_CALLBACKS


# --- errors ------------------------------------------------------------------------------------------------------


class Failing(AssistantEventHandler):
    def __init__(self) -> None:
        super().__init__()
        self.log: List[Any] = []

    def on_text_delta(self, delta: Any, snapshot: Any) -> None:
        raise ValueError("boom")

    def on_exception(self, exception: Exception) -> None:
        self.log.append(exception)

    def on_end(self) -> None:
        self.log.append("end")


@respx.mock
def test_exception_in_a_callback_calls_on_exception_and_on_end() -> None:
    mock_stream("/threads/thread_1/runs")
    client = OpenAI(base_url=base_url, api_key="sk-test")
    handler = Failing()
    with client.beta.threads.runs.stream(thread_id="thread_1", assistant_id="asst_1", event_handler=handler) as stream:
        with pytest.raises(ValueError, match="boom"):
            stream.until_done()
    assert [str(entry) for entry in handler.log] == ["boom", "end"]
    assert isinstance(handler.log[0], ValueError)


class TimeoutBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that times out after its first event."""

    def __iter__(self) -> Any:
        yield sse(EVENTS[:1])[: -len(b"event: done\ndata: [DONE]\n\n")]
        raise httpx.ReadTimeout("timed out")

    async def __aiter__(self) -> Any:
        for chunk in self:
            yield chunk


@respx.mock
async def test_read_timeout_calls_on_timeout(client: Client) -> None:
    respx.post(f"{base_url}/threads/runs").mock(
        return_value=httpx.Response(200, stream=TimeoutBody(), headers={"content-type": "text/event-stream"})
    )
    if isinstance(client, OpenAI):
        handler = Recorder()
        with client.beta.threads.create_and_run_stream(assistant_id="asst_1", event_handler=handler) as stream:
            with pytest.raises(httpx.ReadTimeout):
                stream.until_done()
        log = handler.log
    else:
        async_handler = AsyncRecorder()
        async with client.beta.threads.create_and_run_stream(assistant_id="asst_1", event_handler=async_handler) as s:
            with pytest.raises(httpx.ReadTimeout):
                await s.until_done()
        log = async_handler.log
    assert [entry[0] for entry in log] == ["on_event", "on_timeout", "on_exception", "on_end"]


@respx.mock
def test_a_handler_serves_one_stream() -> None:
    mock_stream("/threads/runs")
    client = OpenAI(base_url=base_url, api_key="sk-test")
    handler = AssistantEventHandler()
    with pytest.raises(RuntimeError, match="no stream yet"):
        handler.until_done()
    with client.beta.threads.create_and_run_stream(assistant_id="asst_1", event_handler=handler) as stream:
        stream.until_done()
    with pytest.raises(RuntimeError, match="can only handle one stream"):
        with client.beta.threads.create_and_run_stream(assistant_id="asst_1", event_handler=handler):
            pass


def test_final_run_without_run_events() -> None:
    with respx.mock:
        mock_stream("/threads/runs", EVENTS[:1])
        client = OpenAI(base_url=base_url, api_key="sk-test")
        with client.beta.threads.create_and_run_stream(assistant_id="asst_1") as stream:
            with pytest.raises(RuntimeError, match="^No final run object found$"):
                stream.get_final_run()


# --- polling -----------------------------------------------------------------------------------------------------


def mock_retrieve(statuses: List[str], headers: Dict[str, str] | None = None) -> respx.Route:
    return respx.get(f"{base_url}/threads/thread_1/runs/run_1").mock(
        side_effect=[httpx.Response(200, json=run(status), headers=headers) for status in statuses]
    )


@respx.mock
async def test_poll_until_a_final_status(client: Client, sleeps: List[float]) -> None:
    route = mock_retrieve(["queued", "in_progress", "requires_action"], {"openai-poll-after-ms": "250"})
    result = await call(client.beta.threads.runs.poll("run_1", "thread_1", extra_headers={"X-Extra": "1"}))
    assert result.status == "requires_action"
    assert sleeps == [0.25, 0.25]
    for request_call in route.calls:
        assert request_call.request.headers["X-Stainless-Poll-Helper"] == "true"
        assert request_call.request.headers["X-Extra"] == "1"
        assert "X-Stainless-Custom-Poll-Interval" not in request_call.request.headers


@pytest.mark.parametrize("status", ["requires_action", "cancelled", "completed", "failed", "expired", "incomplete"])
@respx.mock
async def test_poll_stops_on(client: Client, sleeps: List[float], status: str) -> None:
    route = mock_retrieve(["in_progress", "cancelling", status])
    result = await call(client.beta.threads.runs.poll("run_1", "thread_1"))
    assert result.status == status
    assert route.call_count == 3
    assert sleeps == [1.0, 1.0]


@respx.mock
async def test_create_and_poll(client: Client, sleeps: List[float]) -> None:
    created = respx.post(f"{base_url}/threads/thread_1/runs").mock(return_value=httpx.Response(200, json=run("queued")))
    retrieved = mock_retrieve(["in_progress", "completed"])
    result = await call(
        client.beta.threads.runs.create_and_poll(
            thread_id="thread_1", assistant_id="asst_1", instructions="be brief", poll_interval_ms=5
        )
    )
    assert result.status == "completed"
    assert json.loads(created.calls.last.request.content) == {"assistant_id": "asst_1", "instructions": "be brief"}
    assert retrieved.calls.last.request.headers["X-Stainless-Custom-Poll-Interval"] == "5"
    assert sleeps == [0.005]


@respx.mock
async def test_submit_tool_outputs_and_poll(client: Client, sleeps: List[float]) -> None:
    outputs: List[ToolOutput] = [{"tool_call_id": "call_1", "output": "sunny"}]
    submitted = respx.post(f"{base_url}/threads/thread_1/runs/run_1/submit_tool_outputs").mock(
        return_value=httpx.Response(200, json=run("queued"))
    )
    mock_retrieve(["expired"])
    result = await call(
        client.beta.threads.runs.submit_tool_outputs_and_poll(
            thread_id="thread_1", run_id="run_1", tool_outputs=outputs
        )
    )
    assert result.status == "expired"
    assert json.loads(submitted.calls.last.request.content) == {"tool_outputs": outputs}
    assert sleeps == []


@respx.mock
async def test_create_and_run_poll(client: Client, sleeps: List[float]) -> None:
    created = respx.post(f"{base_url}/threads/runs").mock(return_value=httpx.Response(200, json=run("queued")))
    retrieved = mock_retrieve(["queued", "failed"])
    thread: Thread = {"messages": [{"role": "user", "content": "hi"}]}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = await call(client.beta.threads.create_and_run_poll(assistant_id="asst_1", thread=thread))
    assert result.status == "failed"
    assert json.loads(created.calls.last.request.content) == {"assistant_id": "asst_1", "thread": thread}
    assert retrieved.calls.last.request.headers["X-Stainless-Poll-Helper"] == "true"
    assert sleeps == [1.0]
    assert any(issubclass(w.category, DeprecationWarning) and str(w.message) == DEPRECATED for w in caught)
