"""`LegacyAPIResponse` (what `.with_raw_response` returns), its wrappers, and `HttpxBinaryResponseContent`."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Type, Optional, AsyncIterator
from pathlib import Path

import httpx
import pytest
import pydantic

import openai._legacy_response as _legacy_response
from openai import APIResponseValidationError
from openai._models import BaseModel, FinalRequestOptions, process_response_data
from openai._response import MissingStreamClassError
from openai._constants import RAW_RESPONSE_HEADER
from openai._streaming import Stream, AsyncStream
from openai._legacy_response import (
    LegacyAPIResponse,
    HttpxBinaryResponseContent,
    to_raw_response_wrapper,
    async_to_raw_response_wrapper,
)


class FakeClient:
    """The part of the client that responses use."""

    _default_stream_cls = None

    def __init__(self, strict: bool = False) -> None:
        self._strict_response_validation = strict

    def _process_response_data(self, *, data: object, cast_to: Type[Any], response: httpx.Response) -> Any:
        return process_response_data(
            data=data, cast_to=cast_to, response=response, strict=self._strict_response_validation
        )


class Model(BaseModel):
    foo: str
    bar: int


class Chunk(BaseModel):
    n: int


def legacy_response(
    body: bytes,
    cast_to: Any,
    *,
    content_type: str = "application/json",
    strict: bool = False,
    stream: bool = False,
    stream_cls: Any = None,
    post_parser: Any = None,
) -> LegacyAPIResponse[Any]:
    raw = httpx.Response(
        200,
        content=body,
        headers={"content-type": content_type, "x-request-id": "req_legacy"},
        request=httpx.Request("POST", "http://x/things"),
    )
    extra = {"post_parser": post_parser} if post_parser else {}
    options = FinalRequestOptions.construct(method="post", url="/things", **extra)
    return LegacyAPIResponse(
        raw=raw, cast_to=cast_to, client=FakeClient(strict), stream=stream, stream_cls=stream_cls, options=options
    )


def test_parse_model() -> None:
    response = legacy_response(b'{"foo": "f", "bar": 1}', Model)
    obj = response.parse()
    assert obj == Model(foo="f", bar=1)
    assert obj._request_id == "req_legacy"
    assert response.parse() is obj
    assert response.parse(to=Dict[str, Any]) == {"foo": "f", "bar": 1}


def test_parse_is_lenient_or_strict_like_the_client() -> None:
    assert legacy_response(b'{"foo": "f", "bar": "x"}', Model).parse().bar == "x"
    with pytest.raises(APIResponseValidationError) as exc_info:
        legacy_response(b'{"foo": "f", "bar": "x"}', Model, strict=True).parse()
    assert isinstance(exc_info.value.__cause__, pydantic.ValidationError)


def test_parse_applies_the_post_parser() -> None:
    response = legacy_response(b'{"foo": "f", "bar": 1}', Model, post_parser=lambda m: [m])
    assert response.parse() == [Model(foo="f", bar=1)]


def test_parse_scalars_and_binary() -> None:
    assert legacy_response(b"TRUE", bool, content_type="text/plain").parse() is True
    assert legacy_response(b"12", int).parse() == 12
    assert legacy_response(b"hi", str, content_type="text/plain").parse() == "hi"
    binary = legacy_response(b"\x00\xff", HttpxBinaryResponseContent, content_type="application/octet-stream").parse()
    assert isinstance(binary, HttpxBinaryResponseContent)
    assert binary.content == b"\x00\xff"


def test_parse_stream() -> None:
    body = b'data: {"n": 1}\n\ndata: {"n": 2}\n\ndata: [DONE]\n\n'
    stream = legacy_response(body, Model, stream=True, stream_cls=Stream[Chunk]).parse()
    assert isinstance(stream, Stream)
    assert [chunk.n for chunk in stream] == [1, 2]

    async_stream = legacy_response(body, Model, stream=True, stream_cls=AsyncStream[Chunk]).parse()
    assert isinstance(async_stream, AsyncStream)

    with pytest.raises(MissingStreamClassError):
        legacy_response(body, Model, stream=True).parse()
    assert _legacy_response.MissingStreamClassError is MissingStreamClassError


async def test_parse_async_stream() -> None:
    body = b'data: {"n": 1}\n\ndata: [DONE]\n\n'
    stream = legacy_response(body, Model, stream=True, stream_cls=AsyncStream[Chunk]).parse()
    assert [chunk.n async for chunk in stream] == [1]


def test_properties_and_repr() -> None:
    response = legacy_response(b'{"a": 1}', Model)
    assert response.content == b'{"a": 1}'
    assert response.text == '{"a": 1}'
    assert response.request_id == "req_legacy"
    assert response.status_code == 200
    assert response.method == "POST"
    assert response.url == httpx.URL("http://x/things")
    assert response.headers["content-type"] == "application/json"
    assert response.http_request is response.http_response.request
    assert response.http_version == "HTTP/1.1"
    assert response.is_closed
    assert response.retries_taken == 0
    assert repr(response) == "<APIResponse [200 OK] type=<class 'tests.test_legacy_response.Model'>>"


# --- wrappers ----------------------------------------------------------------------------------------------------


def test_raw_response_wrapper() -> None:
    calls: List[Dict[str, Any]] = []

    def retrieve(thing_id: str, *, extra_headers: Optional[Dict[str, str]] = None) -> Any:
        """Retrieve a thing."""
        calls.append({"thing_id": thing_id, "extra_headers": extra_headers})
        return "raw response"

    wrapped = to_raw_response_wrapper(retrieve)
    assert wrapped("t1", extra_headers={"X-A": "1"}) == "raw response"
    assert wrapped("t2") == "raw response"
    assert calls == [
        {"thing_id": "t1", "extra_headers": {"X-A": "1", RAW_RESPONSE_HEADER: "true"}},
        {"thing_id": "t2", "extra_headers": {RAW_RESPONSE_HEADER: "true"}},
    ]
    assert wrapped.__name__ == "retrieve"
    assert wrapped.__doc__ == "Retrieve a thing."


async def test_async_raw_response_wrapper() -> None:
    calls: List[Dict[str, Any]] = []

    async def retrieve(*, extra_headers: Optional[Dict[str, str]] = None) -> Any:
        calls.append({"extra_headers": extra_headers})
        return "raw response"

    assert await async_to_raw_response_wrapper(retrieve)(extra_headers=None) == "raw response"
    assert calls == [{"extra_headers": {RAW_RESPONSE_HEADER: "true"}}]


# --- HttpxBinaryResponseContent ----------------------------------------------------------------------------------


def binary_content(body: bytes = b'{"x": "\xc3\xa9"}\nline 2') -> HttpxBinaryResponseContent:
    raw = httpx.Response(
        200, content=body, headers={"content-type": "application/octet-stream; charset=utf-8"}, request=None
    )
    return HttpxBinaryResponseContent(raw)


def test_binary_content_accessors() -> None:
    content = binary_content()
    assert content.content == b'{"x": "\xc3\xa9"}\nline 2'
    assert content.text == '{"x": "é"}\nline 2'
    assert content.encoding == "utf-8"
    assert content.charset_encoding == "utf-8"
    assert content.read() == content.content
    assert b"".join(content.iter_bytes(3)) == content.content
    assert "".join(content.iter_text()) == content.text
    assert list(content.iter_lines()) == ['{"x": "é"}', "line 2"]
    assert binary_content(b'{"a": 1.5}').json(parse_float=str) == {"a": "1.5"}
    content.close()
    assert content.response.is_closed


def test_binary_content_iter_raw() -> None:
    raw = httpx.Response(200, content=iter([b"ab", b"c"]))
    assert list(HttpxBinaryResponseContent(raw).iter_raw()) == [b"ab", b"c"]


def test_binary_content_files(tmp_path: Path) -> None:
    content = binary_content(b"\x00binary\xff")
    content.write_to_file(tmp_path / "out.bin")
    assert (tmp_path / "out.bin").read_bytes() == b"\x00binary\xff"

    with pytest.warns(DeprecationWarning):
        content.stream_to_file(str(tmp_path / "streamed.bin"), chunk_size=2)
    assert (tmp_path / "streamed.bin").read_bytes() == b"\x00binary\xff"


class _AsyncChunks(httpx.AsyncByteStream):
    def __init__(self, chunks: List[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


async def test_binary_content_async(tmp_path: Path) -> None:
    def fresh() -> HttpxBinaryResponseContent:
        return HttpxBinaryResponseContent(httpx.Response(200, stream=_AsyncChunks([b"a\n", b"b"])))

    assert await fresh().aread() == b"a\nb"
    assert [chunk async for chunk in await fresh().aiter_bytes()] == [b"a\n", b"b"]
    assert [chunk async for chunk in await fresh().aiter_raw()] == [b"a\n", b"b"]
    assert "".join([text async for text in await fresh().aiter_text()]) == "a\nb"
    assert [line async for line in await fresh().aiter_lines()] == ["a", "b"]

    with pytest.warns(DeprecationWarning):
        await fresh().astream_to_file(tmp_path / "a.bin")
    assert (tmp_path / "a.bin").read_bytes() == b"a\nb"

    content = fresh()
    await content.aclose()
    assert content.response.is_closed


def test_binary_content_json_body() -> None:
    assert binary_content(json.dumps({"k": [1]}).encode()).json() == {"k": [1]}
