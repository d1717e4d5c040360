"""`.with_raw_response`: `LegacyAPIResponse` (body read eagerly, `parse()` is sync even for async clients), its
wrappers, and `HttpxBinaryResponseContent`, what binary endpoints return."""

from __future__ import annotations

import os
import warnings
import functools
from typing import (
    TYPE_CHECKING,
    Any,
    Type,
    Union,
    TypeVar,
    Callable,
    Iterator,
    Optional,
    Awaitable,
    AsyncIterator,
    cast,
    overload,
)

import httpx
from typing_extensions import ParamSpec, override, deprecated

from ._response import BaseAPIResponse, MissingStreamClassError as MissingStreamClassError, add_extra_headers
from ._constants import RAW_RESPONSE_HEADER

P = ParamSpec("P")
R = TypeVar("R")
_T = TypeVar("_T")


class LegacyAPIResponse(BaseAPIResponse[R]):
    """What `.with_raw_response` methods return: the HTTP response, already read, and `parse()` for the data.

    For `stream=True` requests the body is not read and `parse()` returns the `Stream`/`AsyncStream`.
    """

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    @overload
    def parse(self, *, to: Type[_T]) -> _T: ...

    @overload
    def parse(self) -> R: ...

    def parse(self, *, to: Optional[Type[_T]] = None) -> Union[R, _T]:
        """The data as the method returns it (or as `to`), with `_request_id` set; cached per type."""
        return self._parse_once(to)

    @override
    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code} {self.http_response.reason_phrase}] type={self._cast_to}>"


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, LegacyAPIResponse[R]]:
    """`method(...)` -> `LegacyAPIResponse` (for `.with_raw_response`)."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> LegacyAPIResponse[R]:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "true"})
        return cast(LegacyAPIResponse[R], func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[LegacyAPIResponse[R]]]:
    """`await method(...)` -> `LegacyAPIResponse` (for `.with_raw_response`)."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> LegacyAPIResponse[R]:
        add_extra_headers(kwargs, {RAW_RESPONSE_HEADER: "true"})
        return cast(LegacyAPIResponse[R], await func(*args, **kwargs))

    return wrapped


_NOT_STREAMING = (
    "The content is already in memory, so this does not stream: use `.write_to_file()`, or "
    "`.with_streaming_response.<method>()` and `stream_to_file()` to really stream it"
)


class HttpxBinaryResponseContent:
    """The body of a binary endpoint (files, audio, ...), already read: save it with `write_to_file`."""

    response: httpx.Response

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def text(self) -> str:
        return self.response.text

    @property
    def encoding(self) -> Optional[str]:
        return self.response.encoding

    @property
    def charset_encoding(self) -> Optional[str]:
        return self.response.charset_encoding

    def json(self, **kwargs: Any) -> Any:
        return self.response.json(**kwargs)

    def read(self) -> bytes:
        return self.response.read()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        return self.response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: Optional[int] = None) -> Iterator[str]:
        return self.response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.response.iter_lines()

    def iter_raw(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        return self.response.iter_raw(chunk_size)

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the content to `file` (created or truncated)."""
        with open(file, mode="wb") as f:
            for data in self.response.iter_bytes():
                f.write(data)

    @deprecated(_NOT_STREAMING)
    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        with open(file, mode="wb") as f:
            for data in self.response.iter_bytes(chunk_size):
                f.write(data)

    def close(self) -> None:
        return self.response.close()

    async def aread(self) -> bytes:
        return await self.response.aread()

    async def aiter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        return self.response.aiter_bytes(chunk_size)

    async def aiter_text(self, chunk_size: Optional[int] = None) -> AsyncIterator[str]:
        return self.response.aiter_text(chunk_size)

    async def aiter_lines(self) -> AsyncIterator[str]:
        return self.response.aiter_lines()

    async def aiter_raw(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        return self.response.aiter_raw(chunk_size)

    # A decorated `async def` makes typing_extensions import asyncio, which every resource import would pay
    # for; the runtime warning is therefore raised inline and the decorator is for type checkers only.
    if TYPE_CHECKING:

        @deprecated(_NOT_STREAMING)
        async def astream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None: ...

    else:

        async def astream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
            warnings.warn(_NOT_STREAMING, DeprecationWarning, stacklevel=2)
            await self._astream_to_file(file, chunk_size=chunk_size)

    async def _astream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None) -> None:
        import anyio

        async with await anyio.Path(file).open(mode="wb") as f:
            async for data in self.response.aiter_bytes(chunk_size):
                await f.write(data)

    async def aclose(self) -> None:
        return await self.response.aclose()
