"""Server-sent events: the decoder's edge cases, `Stream`/`AsyncStream` semantics, and real loopback streams."""

from __future__ import annotations

import json
import time
import socket
import threading
from typing import Any, Dict, List, Type, Tuple, Union, Callable, Optional, AsyncIterator, AsyncGenerator, cast

import httpx
import pytest

from openai import APIError, APIResponseValidationError
from openai._models import BaseModel, FinalRequestOptions, process_response_data
from openai._streaming import Stream, SSEDecoder, AsyncStream, ServerSentEvent, is_stream_class_type

# --- helpers -----------------------------------------------------------------------------------------------------


class FakeClient:
    """The part of the client that streams use."""

    _default_stream_cls = None

    def __init__(self, strict: bool = False) -> None:
        self._strict_response_validation = strict

    def _process_response_data(self, *, data: object, cast_to: Type[Any], response: httpx.Response) -> Any:
        return process_response_data(
            data=data, cast_to=cast_to, response=response, strict=self._strict_response_validation
        )


class Delta(BaseModel):
    content: Optional[str] = None


class Chunk(BaseModel):
    id: str
    created: int
    delta: Delta


class ThreadEvent(BaseModel):
    data: Dict[str, Any]
    event: str


async def _aiter(chunks: List[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def decode(chunks: List[bytes]) -> List[Tuple[Optional[str], str, Optional[str], Optional[int]]]:
    return [(sse.event, sse.data, sse.id, sse.retry) for sse in SSEDecoder().iter_bytes(iter(chunks))]


async def adecode(chunks: List[bytes]) -> List[Tuple[Optional[str], str, Optional[str], Optional[int]]]:
    return [(sse.event, sse.data, sse.id, sse.retry) async for sse in SSEDecoder().aiter_bytes(_aiter(chunks))]


def sse_response(chunks: List[bytes]) -> httpx.Response:
    return httpx.Response(200, content=iter(chunks), request=httpx.Request("POST", "http://localhost/chat"))


class _AsyncChunks(httpx.AsyncByteStream):
    def __init__(self, chunks: List[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


def async_sse_response(chunks: List[bytes]) -> httpx.Response:
    return httpx.Response(200, stream=_AsyncChunks(chunks), request=httpx.Request("POST", "http://localhost/chat"))


def make_stream(
    chunks: List[bytes], cast_to: Any = Chunk, *, strict: bool = False, options: Optional[FinalRequestOptions] = None
) -> Stream[Any]:
    return Stream(cast_to=cast_to, response=sse_response(chunks), client=FakeClient(strict), options=options)


def make_async_stream(
    chunks: List[bytes], cast_to: Any = Chunk, *, strict: bool = False, options: Optional[FinalRequestOptions] = None
) -> AsyncStream[Any]:
    return AsyncStream(cast_to=cast_to, response=async_sse_response(chunks), client=FakeClient(strict), options=options)


def chunk_json(content: str, id: str = "c1") -> str:
    return json.dumps({"id": id, "created": 1, "delta": {"content": content}}, ensure_ascii=False)


# --- the decoder -------------------------------------------------------------------------------------------------

DECODER_CASES: Dict[str, Tuple[bytes, List[Tuple[Optional[str], str, Optional[str], Optional[int]]]]] = {
    "event and data": (b'event: completion\ndata: {"foo":true}\n\n', [("completion", '{"foo":true}', None, None)]),
    "data without event": (b'data: {"foo":true}\n\n', [(None, '{"foo":true}', None, None)]),
    "event without data": (b"event: ping\n\n", [("ping", "", None, None)]),
    "several events": (
        b"event: ping\n\nevent: completion\ndata: 1\n\n",
        [("ping", "", None, None), ("completion", "1", None, None)],
    ),
    "data lines are joined, empty ones too": (
        b'event: ping\ndata: {\ndata: "foo":\ndata: \ndata:\ndata: true}\n\n',
        [("ping", '{\n"foo":\n\n\ntrue}', None, None)],
    ),
    "escaped newlines stay in the JSON": (
        b'data: {"foo": "my long\\n\\ncontent"}\n\n',
        [(None, '{"foo": "my long\\n\\ncontent"}', None, None)],
    ),
    "only one leading space is dropped": (b"data:  two\ndata:none\n\n", [(None, " two\nnone", None, None)]),
    "a field without a colon has an empty value": (b"data\ndata\n\n", [(None, "\n", None, None)]),
    "comments and unknown fields are ignored": (
        b": keep-alive\n\n:another\ndata: x\nfoo: bar\n: mid\n\n",
        [(None, "x", None, None)],
    ),
    "blank lines with nothing accumulated emit nothing": (b"\n\n\n\ndata: a\n\n\n\n\n", [(None, "a", None, None)]),
    "an event without a final blank line is dropped": (b"data: a\n\ndata: b\n", [(None, "a", None, None)]),
    "ids persist to later events": (
        b"id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n",
        [(None, "a", "1", None), (None, "b", "1", None), (None, "c", "2", None)],
    ),
    "an id containing NUL is ignored": (
        b"id: 1\ndata: a\n\nid: x\x00y\ndata: b\n\n",
        [(None, "a", "1", None), (None, "b", "1", None)],
    ),
    "retry must be an integer": (
        b"retry: 1500\ndata: a\n\nretry: soon\ndata: b\n\n",
        [(None, "a", None, 1500), (None, "b", None, None)],
    ),
    "a retry alone makes an event": (b"retry: 10\n\n", [(None, "", None, 10)]),
    "CR separators": (b"event: a\rdata: 1\r\rdata: 2\r\r", [("a", "1", None, None), (None, "2", None, None)]),
    "CRLF separators": (
        b"event: a\r\ndata: 1\r\n\r\ndata: 2\r\n\r\n",
        [("a", "1", None, None), (None, "2", None, None)],
    ),
    "mixed separators": (
        b"data: 1\r\ndata: 2\n\r\ndata: 3\r\rdata: 4\n\n",
        [(None, "1\n2", None, None), (None, "3", None, None), (None, "4", None, None)],
    ),
    "U+2028 and other Unicode line breaks are no line breaks": (
        'data: {"content":" \u2028 \u2029 \x85 \x0b \x0c \x1c"}\n\n'.encode(),
        [(None, '{"content":" \u2028 \u2029 \x85 \x0b \x0c \x1c"}', None, None)],
    ),
    "Unicode line breaks with CRLF separators": (
        'event: e\r\ndata: {"content":"\u2028\x85"}\r\n\r\n'.encode(),
        [("e", '{"content":"\u2028\x85"}', None, None)],
    ),
    "event and data fast path keeps the id and spaces": (
        b"id: 9\n\nevent:  spaced\ndata:  x\n\nevent:tight\ndata:y\n\n",
        [(None, "", "9", None), (" spaced", " x", "9", None), ("tight", "y", "9", None)],
    ),
    "multi-byte characters": ('data: {"content":"иé😀"}\n\n'.encode(), [(None, '{"content":"иé😀"}', None, None)]),
}


@pytest.mark.parametrize("body, expected", list(DECODER_CASES.values()), ids=list(DECODER_CASES))
async def test_decoder(body: bytes, expected: List[Tuple[Optional[str], str, Optional[str], Optional[int]]]) -> None:
    assert decode([body]) == expected
    assert await adecode([body]) == expected
    # byte by byte, and split at every position: an event, a line break or a UTF-8 character may arrive in pieces
    assert decode([body[i : i + 1] for i in range(len(body))]) == expected
    for cut in range(1, len(body)):
        assert decode([body[:cut], b"", body[cut:]]) == expected, f"split at {cut}"
    assert await adecode([body[i : i + 1] for i in range(len(body))]) == expected


def test_decoder_splits_a_multi_byte_character_across_three_chunks() -> None:
    assert decode([b'data: {"content":"', b"\xd0", b"\xb8", b'"}\n\n']) == [(None, '{"content":"и"}', None, None)]


def test_decoder_handles_many_events_in_large_chunks() -> None:
    body = b"".join(f"data: {i}\n\n".encode() for i in range(5000)) + b"event: done\ndata: end\n\n"
    chunks = [body[i : i + 4096] for i in range(0, len(body), 4096)]

    events = decode(chunks)

    assert [data for _, data, _, _ in events] == [str(i) for i in range(5000)] + ["end"]
    assert events[-1][0] == "done"


def test_decoder_line_api() -> None:
    decoder = SSEDecoder()
    assert decoder.decode("event: x") is None
    assert decoder.decode("data: 1") is None
    sse = decoder.decode("")
    assert sse is not None
    assert (sse.event, sse.data, sse.json()) == ("x", "1", 1)
    assert decoder.decode("") is None


def test_server_sent_event() -> None:
    sse = ServerSentEvent(event="e", data='{"a": [1]}', id="7", retry=3)
    assert sse.json() == {"a": [1]}
    assert repr(sse) == 'ServerSentEvent(event=e, data={"a": [1]}, id=7, retry=3)'
    assert ServerSentEvent().data == ""


# --- Stream / AsyncStream ----------------------------------------------------------------------------------------


def events(*datas: str, event: Optional[str] = None) -> List[bytes]:
    prefix = f"event: {event}\n" if event else ""
    return [f"{prefix}data: {data}\n\n".encode() for data in datas]


async def collect(stream: Union[Stream[Any], AsyncStream[Any]]) -> List[Any]:
    if isinstance(stream, Stream):
        return list(stream)
    return [item async for item in stream]


@pytest.fixture(params=["sync", "async"])
def stream_factory(request: pytest.FixtureRequest) -> Callable[..., Union[Stream[Any], AsyncStream[Any]]]:
    return make_stream if request.param == "sync" else make_async_stream


StreamFactory = Callable[..., Union[Stream[Any], AsyncStream[Any]]]


async def test_stream_yields_models_and_stops_at_done(stream_factory: StreamFactory) -> None:
    stream = stream_factory(
        [*events(chunk_json("Hel"), chunk_json("lo")), b"data: [DONE]\n\n", *events(chunk_json("x"))]
    )

    chunks = await collect(stream)

    assert [chunk.delta.content for chunk in chunks] == ["Hel", "lo"]
    assert all(isinstance(chunk, Chunk) for chunk in chunks)
    assert stream.response.is_closed


async def test_stream_ends_with_the_body_without_done(stream_factory: StreamFactory) -> None:
    stream = stream_factory(events(chunk_json("a")))
    assert [chunk.delta.content for chunk in await collect(stream)] == ["a"]
    assert stream.response.is_closed


async def test_stream_items_are_built_leniently(stream_factory: StreamFactory) -> None:
    data = json.dumps({"id": "c1", "created": "not-an-int", "delta": {"content": None}, "extra": [1]})
    (chunk,) = await collect(stream_factory(events(data)))
    assert chunk.created == "not-an-int"
    assert chunk.extra == [1]
    assert chunk.model_fields_set == {"id", "created", "delta", "extra"}


async def test_strict_stream_raises_on_invalid_items(stream_factory: StreamFactory) -> None:
    data = json.dumps({"id": "c1", "created": "not-an-int", "delta": {}})
    stream = stream_factory(events(data), strict=True)

    with pytest.raises(APIResponseValidationError) as exc_info:
        await collect(stream)

    assert exc_info.value.body == json.loads(data)
    assert exc_info.value.__cause__ is not None
    assert stream.response.is_closed


async def test_stream_of_objects(stream_factory: StreamFactory) -> None:
    stream = stream_factory(events('{"a": 1}', "[1, 2]", '"s"'), object)
    assert await collect(stream) == [{"a": 1}, [1, 2], "s"]


@pytest.mark.parametrize(
    "error, message",
    [
        ({"message": "Rate limit reached", "type": "rate_limit"}, "Rate limit reached"),
        ({"type": "server_error"}, "An error occurred during streaming"),
        ({"message": ""}, "An error occurred during streaming"),
        ({"message": 42}, "An error occurred during streaming"),
        ("plain string", "An error occurred during streaming"),
    ],
)
async def test_stream_error_events_raise_api_error(stream_factory: StreamFactory, error: object, message: str) -> None:
    stream = stream_factory([*events(chunk_json("a")), *events(json.dumps({"error": error})), *events(chunk_json("b"))])
    seen: List[Any] = []

    with pytest.raises(APIError) as exc_info:
        if isinstance(stream, Stream):
            seen.extend(stream)
        else:
            seen.extend([item async for item in stream])

    assert type(exc_info.value) is APIError
    assert exc_info.value.message == message
    assert exc_info.value.body == error
    assert exc_info.value.request is stream.response.request
    assert stream.response.is_closed


async def test_stream_error_key_with_escaped_letters_is_found(stream_factory: StreamFactory) -> None:
    stream = stream_factory([b'data: {"\\u0065rror": {"message": "boom"}}\n\n'])
    with pytest.raises(APIError, match="boom"):
        await collect(stream)


@pytest.mark.parametrize(
    "data",
    [
        '{"error": null, "id": "c1", "created": 1, "delta": {}}',
        '{"id": "c1", "created": 1, "delta": {"content": "error"}, "status": "error"}',
        '{"id": "c1", "created": 1, "delta": {"error": {"message": "nested"}}}',
    ],
)
async def test_stream_without_a_top_level_error_yields(stream_factory: StreamFactory, data: str) -> None:
    (chunk,) = await collect(stream_factory(events(data)))
    assert isinstance(chunk, Chunk)
    assert chunk.id == "c1"


async def test_error_event_name_without_error_key_is_yielded(stream_factory: StreamFactory) -> None:
    (item,) = await collect(stream_factory(events('{"message": "hi"}', event="error"), object))
    assert item == {"message": "hi"}


async def test_thread_events_are_wrapped_with_their_name(stream_factory: StreamFactory) -> None:
    body = [
        *events('{"id": "run_1", "status": "queued"}', event="thread.run.created"),
        # no error check for thread events
        *events('{"error": {"message": "kept"}}', event="thread.message.delta"),
    ]
    items = await collect(stream_factory(body, ThreadEvent))
    assert [(item.event, item.data) for item in items] == [
        ("thread.run.created", {"id": "run_1", "status": "queued"}),
        ("thread.message.delta", {"error": {"message": "kept"}}),
    ]


async def test_synthesize_event_and_data(stream_factory: StreamFactory) -> None:
    options = FinalRequestOptions(method="post", url="/x", synthesize_event_and_data=True)
    body = [*events('{"a": 1}', event="response.created"), *events('{"b": "error"}')]

    items = await collect(stream_factory(body, object, options=options))

    assert items == [{"data": {"a": 1}, "event": "response.created"}, {"data": {"b": "error"}, "event": None}]


def test_stream_next_and_context_manager() -> None:
    with make_stream(events(chunk_json("a"), chunk_json("b"))) as stream:
        assert next(stream).delta.content == "a"
        assert not stream.response.is_closed
    assert stream.response.is_closed


async def test_async_stream_next_and_context_manager() -> None:
    async with make_async_stream(events(chunk_json("a"), chunk_json("b"))) as stream:
        assert (await stream.__anext__()).delta.content == "a"
        assert not stream.response.is_closed
    assert stream.response.is_closed


def test_breaking_out_of_a_loop_closes_the_response() -> None:
    stream = make_stream(events(chunk_json("a"), chunk_json("b"), chunk_json("c")))
    for _ in stream:
        break
    assert stream.response.is_closed


async def test_breaking_out_of_an_async_loop_closes_the_response() -> None:
    stream = make_async_stream(events(chunk_json("a"), chunk_json("b"), chunk_json("c")))
    iterator = cast(AsyncGenerator[Any, None], stream.__aiter__())
    await iterator.__anext__()
    await iterator.aclose()  # what the event loop does with an abandoned `async for`
    assert stream.response.is_closed


def test_is_stream_class_type() -> None:
    assert is_stream_class_type(Stream[Chunk])
    assert is_stream_class_type(AsyncStream)
    assert not is_stream_class_type(Chunk)


# --- real loopback streams ---------------------------------------------------------------------------------------


class SSEServer:
    """A one-request-per-connection HTTP server sending `pieces` as separate chunks of a chunked body, with a pause
    before each, then ending the body properly or dropping the connection. With `gated`, each piece after the
    first waits for `proceed` to be set."""

    def __init__(self, pieces: List[bytes], *, drop: bool = False, gated: bool = False) -> None:
        self.pieces = pieces
        self.drop = drop
        self.gated = gated
        self.sent = 0
        self.proceed = threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/stream"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> SSEServer:
        self._thread.start()
        return self

    def __exit__(self, *args: object) -> None:
        self.proceed.set()
        self._sock.close()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        try:
            conn, _ = self._sock.accept()
        except OSError:
            return
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n"
                b"x-request-id: req_loop\r\n\r\n"
            )
            for piece in self.pieces:
                if self.gated and self.sent:
                    self.proceed.wait(timeout=5)
                    self.proceed.clear()
                else:
                    time.sleep(0.01)
                conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.sent += 1
            if not self.drop:
                conn.sendall(b"0\r\n\r\n")


def slow_pieces() -> Tuple[List[bytes], List[str]]:
    """A stream cut at awkward places: inside `data:`, between `\\r` and `\\n`, inside a UTF-8 character."""
    contents = ["Hello", " wörld", " и", " 😀", " \u2028done"]
    body = "".join(f"data: {chunk_json(c)}\r\n\r\n" for c in contents).encode() + b"data: [DONE]\r\n\r\n"
    cuts = sorted({3, 40, body.index(b"\r\n") + 1, body.index("ö".encode()) + 1, body.index("😀".encode()) + 2})
    pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)])]
    return pieces, contents


def test_real_server_streams_slowly_in_pieces() -> None:
    pieces, contents = slow_pieces()
    with SSEServer(pieces) as server, httpx.Client() as http:
        response = http.send(http.build_request("GET", server.url), stream=True)
        stream = Stream(cast_to=Chunk, response=response, client=FakeClient())
        received = [chunk.delta.content for chunk in stream]
    assert received == contents
    assert response.is_closed


async def test_real_server_streams_slowly_in_pieces_async() -> None:
    pieces, contents = slow_pieces()
    with SSEServer(pieces) as server:
        async with httpx.AsyncClient() as http:
            response = await http.send(http.build_request("GET", server.url), stream=True)
            stream = AsyncStream(cast_to=Chunk, response=response, client=FakeClient())
            received = [chunk.delta.content async for chunk in stream]
    assert received == contents
    assert response.is_closed


def dropped_pieces() -> List[bytes]:
    return [f"data: {chunk_json('one')}\n\n".encode(), f'data: {chunk_json("two")}\n\ndata: {{"id'.encode()]


def test_real_server_dropping_the_connection_mid_stream() -> None:
    received: List[Optional[str]] = []
    with SSEServer(dropped_pieces(), drop=True) as server, httpx.Client() as http:
        response = http.send(http.build_request("GET", server.url), stream=True)
        stream = Stream(cast_to=Chunk, response=response, client=FakeClient())
        with pytest.raises(httpx.RemoteProtocolError):
            for chunk in stream:
                received.append(chunk.delta.content)
    assert received == ["one", "two"]
    assert response.is_closed


async def test_real_server_dropping_the_connection_mid_stream_async() -> None:
    received: List[Optional[str]] = []
    with SSEServer(dropped_pieces(), drop=True) as server:
        async with httpx.AsyncClient() as http:
            response = await http.send(http.build_request("GET", server.url), stream=True)
            stream = AsyncStream(cast_to=Chunk, response=response, client=FakeClient())
            with pytest.raises(httpx.RemoteProtocolError):
                async for chunk in stream:
                    received.append(chunk.delta.content)
    assert received == ["one", "two"]
    assert response.is_closed


def test_stream_yields_each_event_as_it_arrives() -> None:
    pieces = [f"data: {chunk_json(str(i))}\n\n".encode() for i in range(3)]
    with SSEServer(pieces, gated=True) as server, httpx.Client() as http:
        response = http.send(http.build_request("GET", server.url), stream=True)
        stream = iter(Stream(cast_to=Chunk, response=response, client=FakeClient()))
        received: List[Optional[str]] = []
        for chunk in stream:
            received.append(chunk.delta.content)
            assert server.sent == len(received)  # the next event has not been sent yet
            server.proceed.set()
    assert received == ["0", "1", "2"]
