"""Response objects of `.with_streaming_response` (`APIResponse`, `AsyncAPIResponse` and the binary variants), how a
response body becomes the requested type (`BaseAPIResponse._parse`), and the wrappers that ask the client for them."""

from __future__ import annotations

import os
import json
import inspect
import datetime
import functools
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Type,
    Union,
    Generic,
    TypeVar,
    Callable,
    Iterator,
    Optional,
    Awaitable,
    AsyncIterator,
    cast,
    overload,
)

import anyio
import httpx
import pydantic
from typing_extensions import ParamSpec, override, get_origin

from ._types import NoneType, NotGiven
from ._models import BaseModel, FinalRequestOptions, parse_json, is_basemodel, add_request_id, is_basemodel_type
from ._constants import RAW_RESPONSE_HEADER, OVERRIDE_CAST_TO_HEADER
from ._streaming import Stream, AsyncStream, StreamClient, is_stream_class_type, extract_stream_chunk_type
from ._exceptions import OpenAIError, APIResponseValidationError
from ._utils._typing import is_union_type, strip_annotated_type, extract_type_var_from_base

if TYPE_CHECKING:
    from ._legacy_response import HttpxBinaryResponseContent

P = ParamSpec("P")
R = TypeVar("R")
_T = TypeVar("_T")
_APIResponseT = TypeVar("_APIResponseT", bound="APIResponse[Any]")
_AsyncAPIResponseT = TypeVar("_AsyncAPIResponseT", bound="AsyncAPIResponse[Any]")


class MissingStreamClassError(TypeError):
    def __init__(self) -> None:
        super().__init__(
            "The `stream` argument was set to `True` but the `stream_cls` argument was not given. See `openai._streaming` for reference",
        )


class StreamAlreadyConsumed(OpenAIError):
    """The body was already streamed, so it cannot be read (or streamed) again."""

    def __init__(self) -> None:
        super().__init__(
            "Attempted to read or stream some content, but the content has already been streamed. "
            "A response body can only be streamed once: call `.read()` first if you need the content again, "
            "or keep the chunks as you stream them."
        )


class BaseAPIResponse(Generic[R]):
    """An HTTP response and the type its body is parsed into; the base of the raw and streaming response types."""

    http_response: httpx.Response
    retries_taken: int
    """How many times the request was retried before this response (0 for the first attempt)."""

    def __init__(
        self,
        *,
        raw: httpx.Response,
        cast_to: Type[R],
        client: StreamClient,
        stream: bool,
        stream_cls: Type[Stream[Any]] | Type[AsyncStream[Any]] | None,
        options: FinalRequestOptions,
        retries_taken: int = 0,
    ) -> None:
        self._cast_to = cast_to
        self._client = client
        self._parsed_by_type: Dict[object, Any] = {}
        self._is_sse_stream = stream
        self._stream_cls = stream_cls
        self._options = options
        self.http_response = raw
        self.retries_taken = retries_taken

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        """The time between sending the request and the end of the response."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        """Whether the body was read in full or the response closed; a response that is not must be closed."""
        return self.http_response.is_closed

    @property
    def request_id(self) -> str | None:
        return self.http_response.headers.get("x-request-id")

    @override
    def __repr__(self) -> str:
        return (
            f"<{self.__class__.__name__} [{self.status_code} {self.http_response.reason_phrase}] type={self._cast_to}>"
        )

    def _parse_once(self, to: object) -> Any:
        """`_parse(to=to)` with the request's `post_parser` applied and the request id recorded on a model, cached
        per target type. The body must have been read already (unless this is an event stream)."""
        key = self._cast_to if to is None else to
        if key not in self._parsed_by_type:
            parsed = self._parse(to=cast(Any, to))
            if not isinstance(self._options.post_parser, NotGiven):
                parsed = self._options.post_parser(parsed)
            if isinstance(parsed, BaseModel):
                add_request_id(parsed, self.request_id)
            self._parsed_by_type[key] = parsed
        return self._parsed_by_type[key]

    def _parse(self, *, to: Optional[Type[_T]] = None) -> Union[R, _T]:
        """The body (already read, unless this is an event stream) as `to`, or as the request's `cast_to`."""
        if self._is_sse_stream:
            return cast(Union[R, _T], self._make_stream(to))

        cast_to = cast(Any, self._cast_to if to is None else to)
        response = self.http_response
        # The common case, a model class, skips the checks below.
        is_model = _is_model_class(cast_to)
        if not is_model:
            target = strip_annotated_type(cast_to)  # `cast_to` itself is what gets parsed: its metadata may matter
            if target is NoneType:
                return cast(R, None)
            if target is str:
                return cast(R, response.text)
            if target is bytes:
                return cast(R, response.content)
            if target is int:
                return cast(R, int(response.text))
            if target is float:
                return cast(R, float(response.text))
            if target is bool:
                return cast(R, response.text.lower() == "true")

            origin = get_origin(target) or target
            if inspect.isclass(origin) and not issubclass(origin, BaseModel):
                if issubclass(origin, httpx.Response):
                    if target is not httpx.Response:
                        raise ValueError("Subclasses of HTTP response classes cannot be passed to `cast_to`")
                    return cast(R, response)
                if issubclass(origin, pydantic.BaseModel):
                    raise TypeError(
                        "Pydantic models must subclass our base model type, e.g. `from openai import BaseModel`"
                    )
                from ._legacy_response import HttpxBinaryResponseContent  # that module imports this one

                if issubclass(origin, HttpxBinaryResponseContent):
                    return cast(R, cast("type[HttpxBinaryResponseContent]", target)(response))
            if not (origin is object or origin is list or origin is dict or is_union_type(target)):
                if not is_basemodel_type(target):
                    raise RuntimeError(
                        f"Unsupported type, expected {cast_to} to be a subclass of {BaseModel}, {dict}, {list}, {Union}, {NoneType}, {str} or {httpx.Response}."
                    )
            is_model = is_basemodel(cast_to)

        strict = self._client._strict_response_validation  # pyright: ignore[reportPrivateUsage]
        content_type = response.headers.get("content-type", "*").split(";")[0]
        is_json = content_type.endswith("json")
        if is_json or is_model:
            try:
                return cast(R, parse_json(cast_to, response.content, response=response, strict=strict))
            except json.JSONDecodeError:
                if is_json:
                    raise
        if strict:
            raise APIResponseValidationError(
                response=response,
                message=f"Expected Content-Type response header to be `application/json` but received `{content_type}` instead.",
                body=response.text,
            )
        return cast(R, response.text)

    def _make_stream(self, to: object) -> Stream[Any] | AsyncStream[Any]:
        if to is not None:
            if not is_stream_class_type(cast(type, to)):
                raise TypeError(f"Expected custom parse type to be a subclass of {Stream} or {AsyncStream}")
            stream_cls = cast("type[Stream[Any]]", to)
            chunk_type = extract_stream_chunk_type(
                stream_cls,
                failure_message="Expected custom stream type to be passed with a type argument, e.g. Stream[ChunkType]",
            )
        elif self._stream_cls is not None:
            stream_cls = self._stream_cls
            chunk_type = extract_stream_chunk_type(stream_cls)
        else:
            default = self._client._default_stream_cls  # pyright: ignore[reportPrivateUsage]
            if default is None:
                raise MissingStreamClassError()
            stream_cls, chunk_type = default, self._cast_to
        return stream_cls(cast_to=chunk_type, response=self.http_response, client=self._client, options=self._options)


def _is_model_class(type_: object) -> bool:
    return isinstance(type_, type) and issubclass(type_, BaseModel)


class APIResponse(BaseAPIResponse[R]):
    """A response whose body has not been read yet: `parse()`, `read()`, `text()`, `json()` or stream it."""

    @overload
    def parse(self, *, to: Type[_T]) -> _T: ...

    @overload
    def parse(self) -> R: ...

    def parse(self, *, to: Optional[Type[_T]] = None) -> Union[R, _T]:
        """The body as the type the method returns (or as `to`), the same object the method would have returned.

        For `stream=True` requests this is the `Stream`. Results are cached per type.
        """
        if not self._is_sse_stream:
            self.read()
        return self._parse_once(to)

    def read(self) -> bytes:
        """The whole body (read once, then kept)."""
        try:
            return self.http_response.read()
        except httpx.StreamConsumed as exc:
            raise StreamAlreadyConsumed() from exc

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def close(self) -> None:
        """Close the response and release its connection; needed only when the body is not read in full."""
        self.http_response.close()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks (decompressed when the server compressed it)."""
        yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        yield from self.http_response.iter_lines()


class AsyncAPIResponse(BaseAPIResponse[R]):
    """The async `APIResponse`: every method that may read the body is a coroutine."""

    @overload
    async def parse(self, *, to: Type[_T]) -> _T: ...

    @overload
    async def parse(self) -> R: ...

    async def parse(self, *, to: Optional[Type[_T]] = None) -> Union[R, _T]:
        """The body as the type the method returns (or as `to`), the same object the method would have returned.

        For `stream=True` requests this is the `AsyncStream`. Results are cached per type.
        """
        if not self._is_sse_stream:
            await self.read()
        return self._parse_once(to)

    async def read(self) -> bytes:
        """The whole body (read once, then kept)."""
        try:
            return await self.http_response.aread()
        except httpx.StreamConsumed as exc:
            raise StreamAlreadyConsumed() from exc

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    async def close(self) -> None:
        """Close the response and release its connection; needed only when the body is not read in full."""
        await self.http_response.aclose()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks (decompressed when the server compressed it)."""
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line


def _write_to_file(file: str | os.PathLike[str], chunks: Iterator[bytes]) -> None:
    with open(file, mode="wb") as f:
        for chunk in chunks:
            f.write(chunk)


async def _async_write_to_file(file: str | os.PathLike[str], chunks: AsyncIterator[bytes]) -> None:
    async with await anyio.Path(file).open(mode="wb") as f:
        async for chunk in chunks:
            await f.write(chunk)


class BinaryAPIResponse(APIResponse[bytes]):
    """A response with a binary body."""

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to `file`, chunk by chunk."""
        _write_to_file(file, self.iter_bytes())


class AsyncBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """A response with a binary body (async)."""

    async def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to `file`, chunk by chunk."""
        await _async_write_to_file(file, self.iter_bytes())


class StreamedBinaryAPIResponse(APIResponse[bytes]):
    """The response of a binary endpoint's `.with_streaming_response`."""

    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to `file` as it arrives."""
        _write_to_file(file, self.iter_bytes(chunk_size))


class AsyncStreamedBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """The response of a binary endpoint's `.with_streaming_response` (async)."""

    async def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to `file` as it arrives."""
        await _async_write_to_file(file, self.iter_bytes(chunk_size))


class ResponseContextManager(Generic[_APIResponseT]):
    """Makes the request on `__enter__` and closes the response on `__exit__`."""

    def __init__(self, request_func: Callable[[], _APIResponseT]) -> None:
        self._request_func = request_func
        self._response: _APIResponseT | None = None

    def __enter__(self) -> _APIResponseT:
        self._response = self._request_func()
        return self._response

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[_AsyncAPIResponseT]):
    """Makes the request on `__aenter__` and closes the response on `__aexit__`."""

    def __init__(self, request_func: Callable[[], Awaitable[_AsyncAPIResponseT]]) -> None:
        self._request_func = request_func
        self._response: _AsyncAPIResponseT | None = None

    async def __aenter__(self) -> _AsyncAPIResponseT:
        self._response = await self._request_func()
        return self._response

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            await self._response.close()


def add_extra_headers(kwargs: Dict[str, Any], headers: Dict[str, Any]) -> None:
    """Merge `headers` over the call's `extra_headers` (how the wrappers tell the client what to return)."""
    kwargs["extra_headers"] = {**(kwargs.get("extra_headers") or {}), **headers}


def to_streamed_response_wrapper(func: Callable[P, R]) -> Callable[P, ResponseContextManager[APIResponse[R]]]:
    """`method(...)` -> a context manager giving the unread `APIResponse` (for `.with_streaming_response`)."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[APIResponse[R]]:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "stream"})
        return ResponseContextManager(cast(Callable[[], APIResponse[R]], functools.partial(func, *args, **kwargs)))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[AsyncAPIResponse[R]]]:
    """`await method(...)` -> an async context manager giving the unread `AsyncAPIResponse`."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[AsyncAPIResponse[R]]:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "stream"})
        request = functools.partial(func, *args, **kwargs)
        return AsyncResponseContextManager(cast(Callable[[], Awaitable[AsyncAPIResponse[R]]], request))

    return wrapped


def to_custom_streamed_response_wrapper(
    func: Callable[P, object], response_cls: type[_APIResponseT]
) -> Callable[P, ResponseContextManager[_APIResponseT]]:
    """Like `to_streamed_response_wrapper`, giving a `response_cls` (e.g. `StreamedBinaryAPIResponse`)."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[_APIResponseT]:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "stream", OVERRIDE_CAST_TO_HEADER: response_cls})
        return ResponseContextManager(cast(Callable[[], _APIResponseT], functools.partial(func, *args, **kwargs)))

    return wrapped


def async_to_custom_streamed_response_wrapper(
    func: Callable[P, Awaitable[object]], response_cls: type[_AsyncAPIResponseT]
) -> Callable[P, AsyncResponseContextManager[_AsyncAPIResponseT]]:
    """Like `async_to_streamed_response_wrapper`, giving a `response_cls` (e.g. `AsyncStreamedBinaryAPIResponse`)."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[_AsyncAPIResponseT]:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "stream", OVERRIDE_CAST_TO_HEADER: response_cls})
        request = functools.partial(func, *args, **kwargs)
        return AsyncResponseContextManager(cast(Callable[[], Awaitable[_AsyncAPIResponseT]], request))

    return wrapped


def to_custom_raw_response_wrapper(
    func: Callable[P, object], response_cls: type[_APIResponseT]
) -> Callable[P, _APIResponseT]:
    """`method(...)` -> a `response_cls` whose body has been read."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> _APIResponseT:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "raw", OVERRIDE_CAST_TO_HEADER: response_cls})
        return cast(_APIResponseT, func(*args, **kwargs))

    return wrapped


def async_to_custom_raw_response_wrapper(
    func: Callable[P, Awaitable[object]], response_cls: type[_AsyncAPIResponseT]
) -> Callable[P, Awaitable[_AsyncAPIResponseT]]:
    """`await method(...)` -> a `response_cls` whose body has been read."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> _AsyncAPIResponseT:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "raw", OVERRIDE_CAST_TO_HEADER: response_cls})
        return cast(_AsyncAPIResponseT, await func(*args, **kwargs))

    return wrapped


def extract_response_type(typ: Type[BaseAPIResponse[Any]]) -> type:
    """The type a response class parses into: `APIResponse[bytes]` and `BinaryAPIResponse` give `bytes`."""
    return cast(
        type,
        extract_type_var_from_base(typ, generic_bases=(BaseAPIResponse, APIResponse, AsyncAPIResponse), index=0),
    )
