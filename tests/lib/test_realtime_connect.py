"""Websocket `connect()` helpers (`realtime`, `beta.realtime`, `responses`, `beta.responses`) against a real websocket
server on 127.0.0.1: handshake URL/query/headers, events sent and received, closing, reconnection and its queue."""

from __future__ import annotations

import sys
import json
import asyncio
import threading
from typing import Any, Dict, List, Tuple, Iterator, Optional

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from openai import OpenAI, AsyncOpenAI, AzureOpenAI
from openai.types import ReconnectingEvent, ReconnectingOverrides
from openai._exceptions import WebSocketQueueFullError, WebSocketConnectionClosedError
from openai.types.realtime import SessionCreatedEvent, ResponseTextDeltaEvent, InputAudioBufferClearEvent
from openai._extras._common import MissingDependencyError
from openai.types.responses import ResponseCreatedEvent
from openai.types.beta.realtime import SessionCreatedEvent as BetaSessionCreatedEvent

Action = Tuple[str, Any]
TIMEOUT = 5.0

SESSION_CREATED: Dict[str, Any] = {
    "type": "session.created",
    "event_id": "event_1",
    "session": {"type": "realtime", "id": "sess_1", "object": "realtime.session", "model": "gpt-realtime"},
}
TEXT_DELTA: Dict[str, Any] = {
    "type": "response.output_text.delta",
    "event_id": "event_2",
    "response_id": "resp_1",
    "item_id": "item_1",
    "output_index": 0,
    "content_index": 0,
    "delta": "Hi",
}


class LoopbackServer:
    """A websocket server on a random loopback port; each accepted connection plays the next script of `plans`:
    `("send", event)`, `("recv", None)` (wait for one message) or `("close", code)`; afterwards it records messages
    until the client closes (or `TIMEOUT` passes)."""

    def __init__(self) -> None:
        self.plans: List[List[Action]] = []
        self.requests: List[Tuple[str, Dict[str, str]]] = []
        self.received: List[Tuple[int, Any]] = []
        self.close_codes: List[Optional[int]] = []
        self._done = threading.Semaphore(0)
        self._server: Server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.socket.getsockname()[1])

    def _handle(self, ws: ServerConnection) -> None:
        index = len(self.requests)
        assert ws.request is not None
        self.requests.append((ws.request.path, {k.lower(): v for k, v in ws.request.headers.raw_items()}))
        try:
            for action in self.plans[index] if index < len(self.plans) else []:
                if action[0] == "send":
                    ws.send(json.dumps(action[1]))
                elif action[0] == "recv":
                    self.received.append((index, json.loads(ws.recv(timeout=TIMEOUT))))
                else:
                    ws.close(code=int(action[1]))
            while True:
                self.received.append((index, json.loads(ws.recv(timeout=TIMEOUT))))
        except (ConnectionClosed, TimeoutError):
            pass
        finally:
            ws.close()
            self.close_codes.append(ws.close_code)
            self._done.release()

    def wait(self, connections: int = 1) -> None:
        """Wait until that many connections have ended on the server side."""
        for _ in range(connections):
            assert self._done.acquire(timeout=TIMEOUT)

    def shutdown(self) -> None:
        self._server.shutdown()
        self._thread.join(TIMEOUT)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    yield srv
    srv.shutdown()


def client_for(server: LoopbackServer, **kwargs: Any) -> OpenAI:
    return OpenAI(
        api_key="sk-test",
        base_url=f"http://127.0.0.1:{server.port}/v1",
        organization="org_1",
        project="proj_1",
        **kwargs,
    )


def async_client_for(server: LoopbackServer, **kwargs: Any) -> AsyncOpenAI:
    return AsyncOpenAI(
        api_key="sk-test",
        base_url=f"http://127.0.0.1:{server.port}/v1",
        organization="org_1",
        project="proj_1",
        **kwargs,
    )


def assert_standard_headers(headers: Dict[str, str], *, is_async: bool) -> None:
    assert headers["authorization"] == "Bearer sk-test"
    assert headers["openai-organization"] == "org_1"
    assert headers["openai-project"] == "proj_1"
    assert headers["user-agent"].startswith("AsyncOpenAI/Python " if is_async else "OpenAI/Python ")
    assert headers["x-stainless-lang"] == "python"
    assert "x-stainless-package-version" in headers
    assert "content-type" not in headers


def test_realtime_connect_send_recv_close(server: LoopbackServer) -> None:
    server.plans = [[("send", SESSION_CREATED), ("recv", None), ("recv", None), ("send", TEXT_DELTA)]]
    client = client_for(server)
    with client.realtime.connect(
        model="gpt-realtime", extra_query={"foo": "bar"}, extra_headers={"X-Custom": "1"}
    ) as connection:
        event = connection.recv()
        assert isinstance(event, SessionCreatedEvent)
        assert event.session.id == "sess_1"  # type: ignore[union-attr]
        connection.session.update(session={"type": "realtime", "instructions": "Be brief"})
        connection.conversation.item.create(
            item={"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hello"}]},
            event_id="ev_client",
        )
        delta = connection.recv()
        assert isinstance(delta, ResponseTextDeltaEvent)
        assert delta.delta == "Hi"
        connection.send(InputAudioBufferClearEvent(type="input_audio_buffer.clear"))
    server.wait()

    path, headers = server.requests[0]
    assert path == "/v1/realtime?model=gpt-realtime&foo=bar"
    assert_standard_headers(headers, is_async=False)
    assert headers["x-custom"] == "1"
    assert "openai-beta" not in headers
    assert server.received == [
        (0, {"type": "session.update", "session": {"type": "realtime", "instructions": "Be brief"}}),
        (
            0,
            {
                "type": "conversation.item.create",
                "item": {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hello"}]},
                "event_id": "ev_client",
            },
        ),
        (0, {"type": "input_audio_buffer.clear"}),
    ]
    assert server.close_codes == [1000]


async def test_async_realtime_connect_send_recv_close(server: LoopbackServer) -> None:
    server.plans = [[("send", SESSION_CREATED), ("recv", None), ("recv", None), ("send", TEXT_DELTA)]]
    client = async_client_for(server)
    async with client.realtime.connect(call_id="rtc_1", extra_headers={"X-Custom": "1"}) as connection:
        event = await connection.recv()
        assert isinstance(event, SessionCreatedEvent)
        await connection.input_audio_buffer.append(audio="AAAA")
        await connection.send({"type": "response.create", "response": {"instructions": "Hi"}})
        assert json.loads(await connection.recv_bytes()) == TEXT_DELTA
    server.wait()

    path, headers = server.requests[0]
    assert path == "/v1/realtime?call_id=rtc_1"
    assert_standard_headers(headers, is_async=True)
    assert headers["x-stainless-async"].startswith("async:")
    assert server.received == [
        (0, {"type": "input_audio_buffer.append", "audio": "AAAA"}),
        (0, {"type": "response.create", "response": {"instructions": "Hi"}}),
    ]
    assert server.close_codes == [1000]


def test_iteration_ends_when_the_server_closes_normally(server: LoopbackServer) -> None:
    server.plans = [[("send", SESSION_CREATED), ("send", TEXT_DELTA), ("close", 1000)]]
    with client_for(server).realtime.connect(model="gpt-realtime") as connection:
        events = [event.type for event in connection]
    assert events == ["session.created", "response.output_text.delta"]


async def test_async_iteration_ends_when_the_server_closes_normally(server: LoopbackServer) -> None:
    server.plans = [[("send", SESSION_CREATED), ("close", 1000)]]
    async with async_client_for(server).realtime.connect(model="gpt-realtime") as connection:
        events = [event.type async for event in connection]
    assert events == ["session.created"]


def test_beta_realtime_sends_the_beta_header_and_parses_beta_events(server: LoopbackServer) -> None:
    beta_created = {"type": "session.created", "event_id": "event_1", "session": {"id": "sess_1", "model": "m"}}
    server.plans = [[("send", beta_created), ("recv", None)]]
    with client_for(server).beta.realtime.connect(model="gpt-4o-realtime-preview") as connection:
        event = connection.recv()
        assert isinstance(event, BetaSessionCreatedEvent)
        connection.transcription_session.update(session={"input_audio_format": "pcm16"})
    server.wait()
    path, headers = server.requests[0]
    assert path == "/v1/realtime?model=gpt-4o-realtime-preview"
    assert headers["openai-beta"] == "realtime=v1"
    assert server.received == [
        (0, {"type": "transcription_session.update", "session": {"input_audio_format": "pcm16"}}),
    ]


async def test_async_beta_realtime(server: LoopbackServer) -> None:
    server.plans = [[("recv", None)]]
    async with async_client_for(server).beta.realtime.connect(model="m") as connection:
        await connection.output_audio_buffer.clear(event_id="e")
    server.wait()
    assert server.requests[0][1]["openai-beta"] == "realtime=v1"
    assert server.received == [(0, {"type": "output_audio_buffer.clear", "event_id": "e"})]


RESPONSE_CREATED: Dict[str, Any] = {
    "type": "response.created",
    "sequence_number": 0,
    "response": {"id": "resp_1", "object": "response", "status": "in_progress", "model": "gpt-5", "output": []},
}


def test_responses_connect(server: LoopbackServer) -> None:
    server.plans = [[("recv", None), ("send", RESPONSE_CREATED)]]
    with client_for(server).responses.connect(extra_query={"x": "1"}) as connection:
        connection.response.create(model="gpt-5", input="Hello")
        event = connection.recv()
        assert isinstance(event, ResponseCreatedEvent)
        assert event.response.id == "resp_1"
    server.wait()
    path, headers = server.requests[0]
    assert path == "/v1/responses?x=1"
    assert_standard_headers(headers, is_async=False)
    assert server.received == [(0, {"type": "response.create", "model": "gpt-5", "input": "Hello"})]


async def test_async_beta_responses_connect(server: LoopbackServer) -> None:
    server.plans = [[("recv", None), ("recv", None), ("send", RESPONSE_CREATED)]]
    async with async_client_for(server).beta.responses.connect() as connection:
        await connection.response.create(model="gpt-5", input="Hello")
        await connection.response.inject(
            response_id="resp_1", input=[{"type": "function_call_output", "call_id": "c", "output": "4"}]
        )
        event = await connection.recv()
        assert event.type == "response.created"
    server.wait()
    assert server.requests[0][0] == "/v1/responses"
    assert server.received == [
        (0, {"type": "response.create", "model": "gpt-5", "input": "Hello"}),
        (
            0,
            {
                "type": "response.inject",
                "response_id": "resp_1",
                "input": [{"type": "function_call_output", "call_id": "c", "output": "4"}],
            },
        ),
    ]


def test_websocket_base_url_and_azure(server: LoopbackServer) -> None:
    client = client_for(server, websocket_base_url=f"ws://127.0.0.1:{server.port}/ws/")
    with client.realtime.connect(model="m"):
        pass
    azure = AzureOpenAI(
        api_key="azure-key",
        api_version="2025-04-01-preview",
        azure_endpoint=f"http://127.0.0.1:{server.port}",
        websocket_base_url=f"ws://127.0.0.1:{server.port}/openai",
    )
    with azure.realtime.connect(model="my-deployment", extra_query={"q": "1"}):
        pass
    server.wait(2)
    assert server.requests[0][0] == "/ws/realtime?model=m"
    path, headers = server.requests[1]
    assert path == "/openai/realtime?q=1&api-version=2025-04-01-preview&deployment=my-deployment"
    assert headers["api-key"] == "azure-key"
    assert "authorization" not in headers
    assert headers["user-agent"].startswith("AzureOpenAI/Python ")


def test_reconnects_after_a_recoverable_close(server: LoopbackServer) -> None:
    server.plans = [[("send", SESSION_CREATED), ("close", 1012)], [("send", TEXT_DELTA), ("recv", None)]]
    seen: List[ReconnectingEvent] = []

    def on_reconnecting(event: ReconnectingEvent) -> ReconnectingOverrides:
        seen.append(event)
        connection.input_audio_buffer.commit()  # sent while reconnecting: queued, then flushed
        return {"extra_query": {"resume": "sess_1"}, "extra_headers": {"X-Attempt": str(event.attempt)}}

    with client_for(server).realtime.connect(
        model="m", extra_query={"a": "b"}, on_reconnecting=on_reconnecting, initial_delay=0, max_retries=2
    ) as connection:
        assert connection.recv().type == "session.created"
        assert connection.recv().type == "response.output_text.delta"
    server.wait(2)

    assert [(e.attempt, e.max_attempts, e.close_code, e.extra_query) for e in seen] == [(1, 2, 1012, {"a": "b"})]
    assert server.requests[1][0] == "/v1/realtime?model=m&resume=sess_1"
    assert server.requests[1][1]["x-attempt"] == "1"
    assert server.received == [(1, {"type": "input_audio_buffer.commit"})]


async def test_async_reconnects_after_a_recoverable_close(server: LoopbackServer) -> None:
    server.plans = [[("close", 1011)], [("send", SESSION_CREATED)]]
    attempts: List[int] = []

    def on_reconnecting(event: ReconnectingEvent) -> None:
        attempts.append(event.attempt)

    async with async_client_for(server).realtime.connect(
        model="m", on_reconnecting=on_reconnecting, initial_delay=0
    ) as connection:
        assert (await connection.recv()).type == "session.created"
    server.wait(2)
    assert attempts == [1]
    assert [path for path, _ in server.requests] == ["/v1/realtime?model=m", "/v1/realtime?model=m"]


def test_no_reconnect_after_a_normal_close_and_unsent_messages_are_reported(server: LoopbackServer) -> None:
    server.plans = [[("close", 1000)]]
    with client_for(server).realtime.connect(model="m", initial_delay=0) as connection:
        assert list(connection) == []
        with pytest.raises(WebSocketConnectionClosedError) as info:
            connection.response.create()
    assert info.value.unsent_messages == ['{"type": "response.create"}']
    assert len(server.requests) == 1


def test_on_reconnecting_can_abort(server: LoopbackServer) -> None:
    server.plans = [[("close", 1012)]]
    with client_for(server).realtime.connect(
        model="m", initial_delay=0, on_reconnecting=lambda _: {"abort": True}
    ) as connection:
        with pytest.raises(ConnectionClosed) as info:
            connection.recv()
    assert info.value.rcvd is not None and info.value.rcvd.code == 1012
    assert len(server.requests) == 1


def test_send_queue_is_bounded_while_reconnecting(server: LoopbackServer) -> None:
    server.plans = [[("close", 1012)]]

    def on_reconnecting(_: ReconnectingEvent) -> None:
        connection.input_audio_buffer.clear()
        connection.input_audio_buffer.clear()

    with client_for(server).realtime.connect(
        model="m", initial_delay=0, max_queue_size=1, on_reconnecting=on_reconnecting
    ) as connection:
        with pytest.raises(WebSocketQueueFullError):
            connection.recv()


async def test_async_sends_while_reconnecting_are_queued_and_bounded(server: LoopbackServer) -> None:
    server.plans = [[("close", 1012)], [("recv", None), ("send", TEXT_DELTA)]]
    reconnecting = asyncio.Event()

    async def send_twice() -> None:
        await reconnecting.wait()
        await connection.input_audio_buffer.clear()  # queued
        with pytest.raises(WebSocketQueueFullError):
            await connection.input_audio_buffer.commit()

    async with async_client_for(server).realtime.connect(
        model="m", initial_delay=0, max_queue_size=1, on_reconnecting=lambda _: reconnecting.set()
    ) as connection:
        sender = asyncio.ensure_future(send_twice())
        assert (await connection.recv()).type == "response.output_text.delta"
        await sender
    server.wait(2)
    assert server.received == [(1, {"type": "input_audio_buffer.clear"})]


def test_missing_websockets_dependency(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "websockets.sync.client", None)
    with pytest.raises(MissingDependencyError, match=r"pip install openai\[realtime\]"):
        with client_for(server).realtime.connect(model="m"):
            pass
    assert server.requests == []
