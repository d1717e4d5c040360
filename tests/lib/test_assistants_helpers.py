"""Assistants API run helpers: the event handlers over a `thread.*` SSE body (callbacks, snapshots, final
run/steps/messages, `text_deltas`), the `*_stream()` helpers' requests, and the poll helpers; sync and async over
respx (the waits between polls are recorded instead of slept)."""

from __future__ import annotations

import json
import inspect
import warnings
from typing import Any, Dict, List, Tuple, Union, Callable

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
    ("thread.run.step.delta", step_delta({"index": 0, **FUNCTION_CALL, "function": {"name": "weather", "arguments": ""}})),
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
