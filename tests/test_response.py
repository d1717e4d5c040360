"""`APIResponse`/`AsyncAPIResponse` (+ binary variants): parsing every kind of `cast_to`, reading and streaming the
body, and the `with_streaming_response` wrappers."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Type, Union, Optional, AsyncIterator, cast
from pathlib import Path
from datetime import timedelta

import httpx
import pytest
import pydantic
from typing_extensions import Annotated

from openai import OpenAIError, APIResponseValidationError
from openai._models import BaseModel, FinalRequestOptions, process_response_data
from openai._response import (
    APIResponse,
    BaseAPIResponse,
    AsyncAPIResponse,
    BinaryAPIResponse,
    StreamAlreadyConsumed,
    AsyncBinaryAPIResponse,
    MissingStreamClassError,
    StreamedBinaryAPIResponse,
    AsyncStreamedBinaryAPIResponse,
    extract_response_type,
    to_streamed_response_wrapper,
    to_custom_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_custom_streamed_response_wrapper,
    async_to_custom_raw_response_wrapper,
    async_to_custom_streamed_response_wrapper,
)
from openai._constants import RAW_RESPONSE_HEADER, OVERRIDE_CAST_TO_HEADER
from openai._streaming import Stream, AsyncStream
from openai._legacy_response import HttpxBinaryResponseContent


class FakeClient:
    """The part of the client that responses use."""

    def __init__(self, strict: bool = False, default_stream_cls: Optional[type] = None) -> None:
        self._strict_response_validation = strict
        self._default_stream_cls = default_stream_cls

    def _process_response_data(self, *, data: object, cast_to: Type[Any], response: httpx.Response) -> Any:
        return process_response_data(
            data=data, cast_to=cast_to, response=response, strict=self._strict_response_validation
        )


class Model(BaseModel):
    foo: str
    bar: int


class Chunk(BaseModel):
    n: int


def http_response(
    body: Union[bytes, str, object] = b"", *, content_type: Optional[str] = "application/json", **kwargs: Any
) -> httpx.Response:
    headers = {"x-request-id": "req_abc", **({"content-type": content_type} if content_type else {})}
    content = body if isinstance(body, bytes) else body.encode() if isinstance(body, str) else json.dumps(body).encode()
    return httpx.Response(200, content=content, headers=headers, request=httpx.Request("GET", "http://x/foo"), **kwargs)


def make_response(
    raw: httpx.Response,
    cast_to: Any,
    *,
    strict: bool = False,
    stream: bool = False,
    stream_cls: Any = None,
    post_parser: Any = None,
    cls: Type[BaseAPIResponse[Any]] = APIResponse,
    default_stream_cls: Optional[type] = None,
) -> Any:
    options = FinalRequestOptions.construct(
        method="get", url="/foo", **({"post_parser": post_parser} if post_parser else {})
    )
    return cls(
        raw=raw,
        cast_to=cast_to,
        client=FakeClient(strict, default_stream_cls),
        stream=stream,
        stream_cls=stream_cls,
        options=options,
        retries_taken=1,
    )


# --- extract_response_type ---------------------------------------------------------------------------------------


class ConcreteBaseAPIResponse(APIResponse[bytes]): ...


class ConcreteAPIResponse(APIResponse[List[str]]): ...


class ConcreteAsyncAPIResponse(APIResponse[httpx.Response]): ...


def test_extract_response_type() -> None:
    assert extract_response_type(BaseAPIResponse[str]) is str
    assert extract_response_type(APIResponse[str]) is str
    assert extract_response_type(AsyncAPIResponse[str]) is str
    assert extract_response_type(ConcreteBaseAPIResponse) is bytes
    assert extract_response_type(ConcreteAPIResponse) == List[str]
    assert extract_response_type(ConcreteAsyncAPIResponse) is httpx.Response
    assert extract_response_type(BinaryAPIResponse) is bytes
    assert extract_response_type(AsyncBinaryAPIResponse) is bytes
    assert extract_response_type(StreamedBinaryAPIResponse) is bytes
    assert extract_response_type(AsyncStreamedBinaryAPIResponse) is bytes


def test_extract_response_type_without_type_argument() -> None:
    with pytest.raises(RuntimeError, match="AsyncAPIResponse"):
        extract_response_type(AsyncAPIResponse)


# --- parsing -----------------------------------------------------------------------------------------------------


def test_parse_model_sets_the_request_id_on_the_top_level_object_only() -> None:
    class Outer(BaseModel):
        inner: Model

    obj = make_response(http_response({"inner": {"foo": "hello!", "bar": 2}}), Outer).parse()

    assert isinstance(obj, Outer)
    assert obj.inner == Model(foo="hello!", bar=2)
    assert obj._request_id == "req_abc"
    with pytest.raises(AttributeError):
        obj.inner._request_id  # noqa: B018


@pytest.mark.parametrize(
    "cast_to, body, expected",
    [
        (str, b"hello", "hello"),
        (bytes, b"\x00\x01", b"\x00\x01"),
        (int, b"42", 42),
        (float, b"4.5", 4.5),
        (type(None), b'{"ignored": 1}', None),
        (object, b'{"a": [1, null]}', {"a": [1, None]}),
        (dict, b'{"a": 1}', {"a": 1}),
        (list, b"[1, 2]", [1, 2]),
        (Dict[str, int], b'{"a": 1}', {"a": 1}),
        (List[Chunk], b'[{"n": 1}]', [Chunk(n=1)]),
        (Union[Chunk, Model], b'{"foo": "f", "bar": 1}', Model(foo="f", bar=1)),
        (Annotated[Model, "metadata"], b'{"foo": "f", "bar": 1}', Model(foo="f", bar=1)),
    ],
)
def test_parse_cast_to_kinds(cast_to: Any, body: bytes, expected: object) -> None:
    assert make_response(http_response(body), cast_to).parse() == expected
    assert make_response(http_response(body), str).parse(to=cast_to) == expected


@pytest.mark.parametrize(
    "text, expected", [("true", True), ("TRUE", True), ("True", True), ("false", False), ("1", False), ("", False)]
)
def test_parse_bool(text: str, expected: bool) -> None:
    assert make_response(http_response(text), bool).parse() is expected


def test_parse_httpx_response() -> None:
    raw = http_response(b"{}")
    assert make_response(raw, httpx.Response).parse() is raw


def test_parse_binary_content() -> None:
    content = make_response(http_response(b"\x89PNG", content_type="image/png"), HttpxBinaryResponseContent).parse()
    assert isinstance(content, HttpxBinaryResponseContent)
    assert content.content == b"\x89PNG"


def test_parse_rejects_httpx_response_subclasses() -> None:
    class MyResponse(httpx.Response): ...

    with pytest.raises(ValueError) as exc_info:
        make_response(http_response(b"{}"), MyResponse).parse()
    assert str(exc_info.value) == "Subclasses of HTTP response classes cannot be passed to `cast_to`"


def test_parse_rejects_plain_pydantic_models() -> None:
    class Plain(pydantic.BaseModel):
        foo: str

    with pytest.raises(TypeError) as exc_info:
        make_response(http_response(b'{"foo": "x"}'), Plain).parse()
    assert (
        str(exc_info.value) == "Pydantic models must subclass our base model type, e.g. `from openai import BaseModel`"
    )


def test_parse_rejects_unsupported_types() -> None:
    with pytest.raises(RuntimeError, match="Unsupported type"):
        make_response(http_response(b"[]"), set).parse()


def test_parse_lenient_keeps_mismatched_data() -> None:
    obj = make_response(http_response({"foo": "x", "bar": "not an int", "new": True}), Model).parse()
    assert (obj.foo, obj.bar, obj.new) == ("x", "not an int", True)


def test_parse_strict_raises_validation_error() -> None:
    with pytest.raises(APIResponseValidationError) as exc_info:
        make_response(http_response({"foo": "x", "bar": "not an int"}), Model, strict=True).parse()
    assert exc_info.value.status_code == 200
    assert exc_info.value.body == {"foo": "x", "bar": "not an int"}
    assert isinstance(exc_info.value.__cause__, pydantic.ValidationError)


def test_parse_invalid_json_raises() -> None:
    with pytest.raises(json.JSONDecodeError):
        make_response(http_response(b"{oops"), Model).parse()


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "application/vnd.api+json", "text/json"]
)
def test_json_content_types(content_type: str) -> None:
    assert make_response(http_response(b'{"a": 1}', content_type=content_type), dict).parse() == {"a": 1}


@pytest.mark.parametrize("strict", [True, False])
def test_non_json_content_type_with_a_model_target_still_tries_json(strict: bool) -> None:
    raw = http_response(b'{"foo": "f", "bar": 1}', content_type="text/plain")
    assert make_response(raw, Optional[Model], strict=strict).parse() == Model(foo="f", bar=1)


def test_non_json_content_type_lenient_returns_the_text() -> None:
    assert make_response(http_response(b"not json", content_type="text/plain"), Model).parse() == "not json"
    assert make_response(http_response(b'{"a": 1}', content_type="text/plain"), dict).parse() == '{"a": 1}'
    assert make_response(http_response(b"{}", content_type=None), dict).parse() == "{}"


@pytest.mark.parametrize("cast_to", [Model, dict])
def test_non_json_content_type_strict_raises(cast_to: Any) -> None:
    raw = http_response(b"<html>oops</html>", content_type="text/html; charset=utf-8")
    with pytest.raises(APIResponseValidationError) as exc_info:
        make_response(raw, cast_to, strict=True).parse()
    assert (
        exc_info.value.message
        == "Expected Content-Type response header to be `application/json` but received `text/html` instead."
    )
    assert exc_info.value.body == "<html>oops</html>"


def test_parse_applies_the_post_parser_and_caches_per_type() -> None:
    calls: List[object] = []

    def post_parser(value: Any) -> Any:
        calls.append(value)
        return {"wrapped": value}

    response = make_response(http_response({"foo": "f", "bar": 1}), Model, post_parser=post_parser)
    first = response.parse()
    assert first == {"wrapped": Model(foo="f", bar=1)}
    assert response.parse() is first
    assert len(calls) == 1
    assert response.parse(to=dict) == {"wrapped": {"foo": "f", "bar": 1}}
    assert len(calls) == 2


def test_parse_result_is_cached() -> None:
    response = make_response(http_response({"foo": "f", "bar": 1}), Model)
    assert response.parse() is response.parse()
    assert response.parse(to=dict) is response.parse(to=dict)
    assert response.parse(to=dict) is not response.parse()


async def test_async_parse() -> None:
    response = make_response(http_response({"foo": "f", "bar": 1}), Model, cls=AsyncAPIResponse)
    obj = await response.parse()
    assert obj == Model(foo="f", bar=1)
    assert obj._request_id == "req_abc"
    assert await response.parse(to=dict) == {"foo": "f", "bar": 1}
    assert await response.parse() is obj


# --- event streams -----------------------------------------------------------------------------------------------

SSE_BODY = b'data: {"n": 1}\n\ndata: {"n": 2}\n\ndata: [DONE]\n\n'


def sse_http_response() -> httpx.Response:
    return http_response(SSE_BODY, content_type="text/event-stream")


def test_stream_response_parses_into_its_stream_class() -> None:
    response = make_response(sse_http_response(), Model, stream=True, stream_cls=Stream[Chunk])
    stream = response.parse()
    assert isinstance(stream, Stream)
    assert [chunk.n for chunk in stream] == [1, 2]
    assert response.parse() is stream


def test_stream_response_parse_to_a_custom_stream() -> None:
    class MyStream(Stream[Chunk]): ...

    stream = make_response(sse_http_response(), Model, stream=True).parse(to=MyStream)
    assert isinstance(stream, MyStream)
    assert [chunk.n for chunk in stream] == [1, 2]


def test_stream_response_parse_to_requires_a_stream_class_with_a_type_argument() -> None:
    response = make_response(sse_http_response(), Model, stream=True)
    with pytest.raises(TypeError, match="Expected custom parse type to be a subclass of"):
        response.parse(to=Chunk)
    with pytest.raises(RuntimeError) as exc_info:
        response.parse(to=Stream)
    assert (
        str(exc_info.value) == "Expected custom stream type to be passed with a type argument, e.g. Stream[ChunkType]"
    )


def test_stream_response_uses_the_clients_default_stream_class() -> None:
    stream = make_response(sse_http_response(), Chunk, stream=True, default_stream_cls=Stream).parse()
    assert isinstance(stream, Stream)
    assert [chunk.n for chunk in stream] == [1, 2]


def test_stream_response_without_stream_class() -> None:
    with pytest.raises(MissingStreamClassError) as exc_info:
        make_response(sse_http_response(), Chunk, stream=True).parse()
    assert isinstance(exc_info.value, TypeError)
    assert str(exc_info.value) == (
        "The `stream` argument was set to `True` but the `stream_cls` argument was not given. "
        "See `openai._streaming` for reference"
    )


async def test_async_stream_response() -> None:
    response = make_response(
        sse_http_response(), Model, stream=True, stream_cls=AsyncStream[Chunk], cls=AsyncAPIResponse
    )
    stream = await response.parse()
    assert isinstance(stream, AsyncStream)
    assert [chunk.n async for chunk in stream] == [1, 2]


# --- the response object -----------------------------------------------------------------------------------------


def test_properties_and_repr() -> None:
    raw = http_response(b"{}")
    raw.elapsed = timedelta(milliseconds=5)
    response = make_response(raw, Model)

    assert repr(response) == "<APIResponse [200 OK] type=<class 'tests.test_response.Model'>>"
    assert repr(make_response(raw, Model, cls=AsyncAPIResponse)).startswith("<AsyncAPIResponse [200 OK] type=")
    assert response.http_response is raw
    assert response.headers is raw.headers
    assert response.http_request is raw.request
    assert response.status_code == 200
    assert response.url == httpx.URL("http://x/foo")
    assert response.method == "GET"
    assert response.http_version == "HTTP/1.1"
    assert response.is_closed
    assert response.elapsed == timedelta(milliseconds=5)
    assert response.request_id == "req_abc"
    assert response.retries_taken == 1


def streaming_http_response(chunks: List[bytes]) -> httpx.Response:
    return httpx.Response(200, content=iter(chunks), request=httpx.Request("GET", "http://x/foo"))


def test_read_text_json() -> None:
    response = make_response(streaming_http_response([b'{"a":', b" 1}"]), object)
    assert not response.is_closed
    assert response.read() == b'{"a": 1}'
    assert response.text() == '{"a": 1}'
    assert response.json() == {"a": 1}
    assert response.is_closed


def test_iterating_the_body() -> None:
    assert list(make_response(streaming_http_response([b"ab", b"cd"]), bytes).iter_bytes()) == [b"ab", b"cd"]
    assert list(make_response(streaming_http_response([b"ab", b"cd"]), bytes).iter_bytes(1)) == [b"a", b"b", b"c", b"d"]


def test_reading_after_streaming_raises_stream_already_consumed() -> None:
    response = make_response(streaming_http_response([b"ab", b"cd"]), bytes)
    assert b"".join(response.iter_bytes()) == b"abcd"

    with pytest.raises(StreamAlreadyConsumed) as exc_info:
        response.read()
    assert isinstance(exc_info.value, OpenAIError)
    assert str(exc_info.value).startswith(
        "Attempted to read or stream some content, but the content has already been streamed."
    )
    with pytest.raises(StreamAlreadyConsumed):
        response.parse()


class _AsyncChunks(httpx.AsyncByteStream):
    def __init__(self, chunks: List[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


def async_streaming_http_response(chunks: List[bytes]) -> httpx.Response:
    return httpx.Response(200, stream=_AsyncChunks(chunks), request=httpx.Request("GET", "http://x/foo"))


async def test_async_read_text_json_and_iteration() -> None:
    response = make_response(async_streaming_http_response([b'{"a":', b" 1}"]), object, cls=AsyncAPIResponse)
    assert await response.read() == b'{"a": 1}'
    assert await response.text() == '{"a": 1}'
    assert await response.json() == {"a": 1}

    lines = make_response(async_streaming_http_response([b"x\ny", b"\nz"]), str, cls=AsyncAPIResponse)
    assert [line async for line in lines.iter_lines()] == ["x", "y", "z"]
    text = make_response(async_streaming_http_response([b"ab", b"cd"]), str, cls=AsyncAPIResponse)
    assert "".join([chunk async for chunk in text.iter_text()]) == "abcd"

    consumed = make_response(async_streaming_http_response([b"ab"]), bytes, cls=AsyncAPIResponse)
    assert [chunk async for chunk in consumed.iter_bytes()] == [b"ab"]
    with pytest.raises(StreamAlreadyConsumed):
        await consumed.read()


def test_iter_text_and_lines() -> None:
    assert list(make_response(streaming_http_response([b"x\ny", b"\nz"]), str).iter_lines()) == ["x", "y", "z"]
    assert "".join(make_response(streaming_http_response([b"\xd0", b"\xb8"]), str).iter_text()) == "и"


def test_close() -> None:
    response = make_response(streaming_http_response([b"ab"]), bytes)
    response.close()
    assert response.is_closed


def test_binary_responses_write_to_file(tmp_path: Path) -> None:
    binary = make_response(streaming_http_response([b"ab", b"cd"]), bytes, cls=BinaryAPIResponse)
    binary.write_to_file(tmp_path / "a.bin")
    assert (tmp_path / "a.bin").read_bytes() == b"abcd"

    streamed = make_response(streaming_http_response([b"ef", b"gh"]), bytes, cls=StreamedBinaryAPIResponse)
    streamed.stream_to_file(str(tmp_path / "b.bin"), chunk_size=1)
    assert (tmp_path / "b.bin").read_bytes() == b"efgh"


async def test_async_binary_responses_write_to_file(tmp_path: Path) -> None:
    binary = make_response(async_streaming_http_response([b"ab", b"cd"]), bytes, cls=AsyncBinaryAPIResponse)
    await binary.write_to_file(tmp_path / "a.bin")
    assert (tmp_path / "a.bin").read_bytes() == b"abcd"

    streamed = make_response(async_streaming_http_response([b"ef"]), bytes, cls=AsyncStreamedBinaryAPIResponse)
    await streamed.stream_to_file(tmp_path / "b.bin")
    assert (tmp_path / "b.bin").read_bytes() == b"ef"


# --- wrappers ----------------------------------------------------------------------------------------------------


class Recorder:
    """A stand-in for a resource method: records its keyword arguments, returns an unread `APIResponse`."""

    def __init__(self, response_cls: Type[BaseAPIResponse[Any]] = APIResponse) -> None:
        self.calls: List[Dict[str, Any]] = []
        self.response_cls = response_cls
        self.responses: List[Any] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._respond(streaming_http_response([b"{}"]), args, kwargs)

    async def acall(self, *args: Any, **kwargs: Any) -> Any:
        return self._respond(async_streaming_http_response([b"{}"]), args, kwargs)

    def _respond(self, raw: httpx.Response, args: Any, kwargs: Dict[str, Any]) -> Any:
        self.calls.append({"args": args, **kwargs})
        response = make_response(raw, object, cls=self.response_cls)
        self.responses.append(response)
        return response


def test_streamed_response_wrapper() -> None:
    method = Recorder()
    manager = to_streamed_response_wrapper(method)("pos", extra_headers={"X-Mine": "1"}, timeout=3)
    assert method.calls == []  # nothing is sent before `__enter__`

    with manager as response:
        assert response is method.responses[0]
        assert not response.is_closed
    assert response.is_closed
    assert method.calls == [
        {"args": ("pos",), "extra_headers": {"X-Mine": "1", RAW_RESPONSE_HEADER: "stream"}, "timeout": 3}
    ]


def test_streamed_response_wrapper_closes_on_error() -> None:
    method = Recorder()
    with pytest.raises(KeyError):
        with to_streamed_response_wrapper(method)() as response:
            raise KeyError("boom")
    assert response.is_closed
    assert method.calls[0]["extra_headers"] == {RAW_RESPONSE_HEADER: "stream"}


def test_streamed_response_wrapper_keeps_the_method_metadata() -> None:
    def create(*, model: str) -> str:
        """Docs."""
        return model

    wrapped = to_streamed_response_wrapper(create)
    assert wrapped.__name__ == "create"
    assert wrapped.__doc__ == "Docs."


async def test_async_streamed_response_wrapper() -> None:
    method = Recorder(AsyncAPIResponse)
    manager = async_to_streamed_response_wrapper(method.acall)(extra_headers=None)
    assert method.calls == []

    async with manager as response:
        assert response is method.responses[0]
    assert response.is_closed
    assert method.calls == [{"args": (), "extra_headers": {RAW_RESPONSE_HEADER: "stream"}}]


def test_custom_streamed_response_wrapper() -> None:
    method = Recorder(StreamedBinaryAPIResponse)
    with to_custom_streamed_response_wrapper(method, StreamedBinaryAPIResponse)() as response:
        assert isinstance(response, StreamedBinaryAPIResponse)
    assert response.is_closed
    assert method.calls[0]["extra_headers"] == {
        RAW_RESPONSE_HEADER: "stream",
        OVERRIDE_CAST_TO_HEADER: StreamedBinaryAPIResponse,
    }


async def test_async_custom_streamed_response_wrapper() -> None:
    method = Recorder(AsyncStreamedBinaryAPIResponse)
    wrapper = async_to_custom_streamed_response_wrapper(method.acall, AsyncStreamedBinaryAPIResponse)
    async with wrapper(extra_headers={"A": "b"}) as response:
        assert isinstance(response, AsyncStreamedBinaryAPIResponse)
    assert response.is_closed
    assert method.calls[0]["extra_headers"] == {
        "A": "b",
        RAW_RESPONSE_HEADER: "stream",
        OVERRIDE_CAST_TO_HEADER: AsyncStreamedBinaryAPIResponse,
    }


def test_custom_raw_response_wrapper() -> None:
    method = Recorder(BinaryAPIResponse)
    response = to_custom_raw_response_wrapper(method, BinaryAPIResponse)(1, extra_headers={RAW_RESPONSE_HEADER: "x"})
    assert response is method.responses[0]
    assert method.calls[0] == {
        "args": (1,),
        "extra_headers": {RAW_RESPONSE_HEADER: "raw", OVERRIDE_CAST_TO_HEADER: BinaryAPIResponse},
    }


async def test_async_custom_raw_response_wrapper() -> None:
    method = Recorder(AsyncBinaryAPIResponse)
    response = await async_to_custom_raw_response_wrapper(method.acall, AsyncBinaryAPIResponse)()
    assert response is method.responses[0]
    assert method.calls[0]["extra_headers"] == {
        RAW_RESPONSE_HEADER: "raw",
        OVERRIDE_CAST_TO_HEADER: AsyncBinaryAPIResponse,
    }


def test_wrappers_do_not_change_the_callers_headers() -> None:
    headers = {"X-Mine": "1"}
    method = Recorder()
    with to_streamed_response_wrapper(method)(extra_headers=headers):
        pass
    assert headers == {"X-Mine": "1"}


def test_response_types_are_generic() -> None:
    response = cast("APIResponse[Model]", make_response(http_response({"foo": "f", "bar": 1}), Model))
    parsed: Model = response.parse()
    assert parsed.foo == "f"
