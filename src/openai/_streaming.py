"""Server-sent events: the byte-level decoder (`SSEDecoder`) and the typed streams over it (`Stream`, `AsyncStream`)."""

from __future__ import annotations

import json
import inspect
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    List,
    Type,
    Generic,
    TypeVar,
    Iterator,
    Optional,
    AsyncIterator,
    AsyncGenerator,
    cast,
)

import httpx
from typing_extensions import Self, Protocol, TypeGuard, override, get_origin, runtime_checkable

from ._exceptions import APIError
from ._utils._typing import extract_type_var_from_base

if TYPE_CHECKING:
    from ._models import FinalRequestOptions

_T = TypeVar("_T")


class ServerSentEvent:
    """One event: its name (`None` when not given), data (`""` when there was none), last event id and retry."""

    __slots__ = ("event", "data", "id", "retry")

    def __init__(
        self,
        *,
        event: str | None = None,
        data: str | None = None,
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        self.event = event
        self.data = data or ""
        self.id = id
        self.retry = retry

    def json(self) -> Any:
        return json.loads(self.data)

    @override
    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event}, data={self.data}, id={self.id}, retry={self.retry})"


def _data_event(data: str, id: str | None, event: str | None) -> ServerSentEvent:
    """`ServerSentEvent(event=event, data=data, id=id)`, at half the cost of a call with keywords."""
    sse = _new_object(ServerSentEvent)
    sse.event = event
    sse.data = data
    sse.id = id
    sse.retry = None
    return sse


_new_object = object.__new__


@runtime_checkable
class SSEBytesDecoder(Protocol):
    def iter_bytes(self, iterator: Iterator[bytes]) -> Iterator[ServerSentEvent]:
        """Events decoded from an iterator of byte chunks."""
        ...

    def aiter_bytes(self, iterator: AsyncIterator[bytes]) -> AsyncIterator[ServerSentEvent]:
        """Events decoded from an async iterator of byte chunks."""
        ...


class SSEDecoder:
    """Decodes a server-sent event stream (https://html.spec.whatwg.org/multipage/server-sent-events.html).

    Bytes are split into lines at `\\r\\n`, `\\r` or `\\n` before decoding (so a line may arrive in pieces, even
    inside a multi-byte character, and U+2028 in JSON is no line break); a blank line ends an event.
    """

    def __init__(self) -> None:
        self._event: str | None = None
        self._data: List[str] = []
        self._last_event_id: str | None = None
        self._id_given = False
        self._retry: int | None = None
        self._pending: List[bytes] = []  # bytes received but not decoded yet: the end of an event is still to come
        self._after_cr = False  # the last chunk ended with `\r`: a `\n` starting the next one belongs to it

    def iter_bytes(self, iterator: Iterator[bytes]) -> Iterator[ServerSentEvent]:
        for chunk in iterator:
            yield from self._feed(chunk)

    async def aiter_bytes(self, iterator: AsyncIterator[bytes]) -> AsyncIterator[ServerSentEvent]:
        async for chunk in iterator:
            for sse in self._feed(chunk):
                yield sse

    def _feed(self, chunk: bytes) -> List[ServerSentEvent]:
        """The events that `chunk` completes."""
        if not chunk:
            return []
        if self._after_cr:
            self._after_cr = False
            if chunk[:1] == b"\n":
                chunk = chunk[1:]
                if not chunk:
                    return []
        pending = self._pending
        # Line by line when there are `\r` line breaks or lines of an unfinished event were decoded already.
        if b"\r" in chunk or (b"\n" in chunk and not self._is_between_events()):
            return self._feed_lines(b"".join(pending) + chunk if pending else chunk)
        if b"\n\n" in chunk or (chunk[:1] == b"\n" and pending and pending[-1][-1:] == b"\n"):
            return self._feed_events(b"".join(pending) + chunk if pending else chunk)
        pending.append(chunk)  # no event ends in this chunk
        return []

    def _is_between_events(self) -> bool:
        return self._event is None and not self._data and not self._id_given and self._retry is None

    def _feed_events(self, buffer: bytes) -> List[ServerSentEvent]:
        """Decodes `buffer` (no `\r` in it, no event begun) up to its last blank line, event by event; keeps the rest
        for later."""
        end = buffer.rfind(b"\n\n")
        rest = buffer[end + 2 :]
        self._pending = [rest] if rest else []
        # Complete lines only, so no multi-byte character is cut; `str.split` breaks only at "\n\n" (not U+2028).
        blocks = buffer[:end].decode("utf-8", "replace").split("\n\n")
        events: List[ServerSentEvent] = []
        last_event_id = self._last_event_id
        for block in blocks:
            # Fast paths for `data: ...` and `event: ...\ndata: ...`, what API streams send.
            newline = block.find("\n")
            if newline < 0:
                if block.startswith("data: "):
                    events.append(_data_event(block[6:], last_event_id, None))
                    continue
            elif (
                block.startswith("event: ")
                and block.startswith("data: ", newline + 1)
                and "\n" not in block[newline + 1 :]
            ):
                events.append(_data_event(block[newline + 7 :], last_event_id, block[7:newline]))
                continue
            for line in block.split("\n"):
                self._decode_into(events, line)
            self._decode_into(events, "")
            last_event_id = self._last_event_id
        return events

    def _feed_lines(self, buffer: bytes) -> List[ServerSentEvent]:
        """Decodes `buffer` line by line (any line breaks), keeping an unfinished last line for later."""
        lines = buffer.splitlines()
        self._pending = []
        if buffer[-1:] == b"\r":
            self._after_cr = True
        elif buffer[-1:] != b"\n":
            self._pending.append(lines.pop())
        events: List[ServerSentEvent] = []
        for line in lines:
            self._decode_into(events, line.decode("utf-8", "replace"))
        return events

    def _decode_into(self, events: List[ServerSentEvent], line: str) -> None:
        sse = self.decode(line)
        if sse is not None:
            events.append(sse)

    def decode(self, line: str) -> ServerSentEvent | None:
        """Takes one line (without its line break); returns the event that a blank line completes."""
        if not line:
            if self._event is None and not self._data and not self._id_given and self._retry is None:
                return None
            sse = ServerSentEvent(
                event=self._event, data="\n".join(self._data), id=self._last_event_id, retry=self._retry
            )
            # The last event id carries over to later events.
            self._event = None
            self._data = []
            self._id_given = False
            self._retry = None
            return sse

        if line[0] == ":":  # a comment
            return None
        field, _, value = line.partition(":")
        if value[:1] == " ":
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id":
            if "\0" not in value:
                self._last_event_id = value
                self._id_given = True
        elif field == "retry":
            try:
                self._retry = int(value)
            except ValueError:
                pass
        return None


class StreamClient(Protocol):
    """What responses and streams need from the client that made the request."""

    @property
    def _strict_response_validation(self) -> bool: ...

    @property
    def _default_stream_cls(self) -> Type[Stream[Any]] | Type[AsyncStream[Any]] | None: ...

    def _process_response_data(self, *, data: object, cast_to: Type[_T], response: httpx.Response) -> _T: ...


class _BaseStream(Generic[_T]):
    response: httpx.Response

    def __init__(
        self,
        *,
        cast_to: Type[_T],
        response: httpx.Response,
        client: StreamClient,
        options: Optional[FinalRequestOptions] = None,
    ) -> None:
        self.response = response
        self._cast_to = cast_to
        self._client = client
        self._strict = client._strict_response_validation  # pyright: ignore[reportPrivateUsage]
        # Beta endpoints get every event as `{"data": ..., "event": ...}`.
        self._synthesize_event_and_data = bool(options is not None and options.synthesize_event_and_data)
        self._decoder: SSEBytesDecoder = SSEDecoder()
        from ._models import parse_json  # here, so that importing this module does not import pydantic

        self._parse_json = parse_json

    def _parse_event(self, sse: ServerSentEvent) -> _T:
        """The item an event (other than `[DONE]`) yields, or the `APIError` it reports."""
        data, event = sse.data, sse.event
        if event is not None and event.startswith("thread."):
            return self._build({"data": json.loads(data), "event": event})

        # A top-level `error` key needs `"error"` in the text, unless its letters are escaped (e = \u0065, o = \u006f,
        # r = \u0072): only then is the event decoded in Python to look for it.
        if '"error"' in data or "\\u006" in data or "\\u0072" in data:
            decoded: object = json.loads(data)
            _raise_for_error(decoded, self.response.request)
            return self._build({"data": decoded, "event": event} if self._synthesize_event_and_data else decoded)

        if self._synthesize_event_and_data:
            return self._build({"data": json.loads(data), "event": event})
        return self._parse_json(self._cast_to, data, response=self.response, strict=self._strict)

    def _build(self, data: object) -> _T:
        return self._client._process_response_data(  # pyright: ignore[reportPrivateUsage]
            data=data, cast_to=self._cast_to, response=self.response
        )


def _raise_for_error(data: object, request: httpx.Request) -> None:
    """Raise `APIError` if the event's data is an object with a (truthy) `error`."""
    if not isinstance(data, dict):
        return
    error = cast(Dict[str, object], data).get("error")
    if error:
        raise APIError(_error_message(error), request, body=error)


def _error_message(error: object) -> str:
    message = cast(Dict[str, object], error).get("message") if isinstance(error, dict) else None
    return message if isinstance(message, str) and message else "An error occurred during streaming"


class Stream(_BaseStream[_T]):
    """The items of a `stream=True` response; the response is closed once iteration ends, stops early or fails."""

    def __init__(
        self,
        *,
        cast_to: Type[_T],
        response: httpx.Response,
        client: StreamClient,
        options: Optional[FinalRequestOptions] = None,
    ) -> None:
        super().__init__(cast_to=cast_to, response=response, client=client, options=options)
        self._iterator = self.__stream__()

    def __next__(self) -> _T:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[_T]:
        # `yield from` closes the inner generator (and so the response) when a loop over this one is abandoned.
        yield from self._iterator

    def _iter_events(self) -> Iterator[ServerSentEvent]:
        return self._decoder.iter_bytes(self.response.iter_bytes())

    def __stream__(self) -> Iterator[_T]:
        try:
            for sse in self._iter_events():
                if sse.data.startswith("[DONE]"):
                    break
                yield self._parse_event(sse)
        finally:
            self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the response (and its connection) without reading the rest of the stream."""
        self.response.close()


class AsyncStream(_BaseStream[_T]):
    """The items of a `stream=True` response (async); the response is closed once iteration ends, stops or fails."""

    def __init__(
        self,
        *,
        cast_to: Type[_T],
        response: httpx.Response,
        client: StreamClient,
        options: Optional[FinalRequestOptions] = None,
    ) -> None:
        super().__init__(cast_to=cast_to, response=response, client=client, options=options)
        self._iterator = self.__stream__()

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        try:
            async for item in self._iterator:
                yield item
        finally:
            # An abandoned loop closes this generator; pass that on so the response gets closed.
            await self._iterator.aclose()

    def _iter_events(self) -> AsyncIterator[ServerSentEvent]:
        return self._decoder.aiter_bytes(self.response.aiter_bytes())

    async def __stream__(self) -> AsyncGenerator[_T, None]:
        try:
            async for sse in self._iter_events():
                if sse.data.startswith("[DONE]"):
                    break
                yield self._parse_event(sse)
        finally:
            await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the response (and its connection) without reading the rest of the stream."""
        await self.response.aclose()


def is_stream_class_type(typ: type) -> TypeGuard[Type[Stream[object]] | Type[AsyncStream[object]]]:
    """Whether `typ` is `Stream`/`AsyncStream` or a subclass, parametrised or not."""
    origin = get_origin(typ) or typ
    return inspect.isclass(origin) and issubclass(origin, (Stream, AsyncStream))


def extract_stream_chunk_type(stream_cls: type, *, failure_message: Optional[str] = None) -> type:
    """The chunk type of `Stream[Chunk]`, `AsyncStream[Chunk]` or of a subclass that fixes it."""
    return cast(
        type,
        extract_type_var_from_base(
            stream_cls,
            index=0,
            generic_bases=cast("tuple[type, ...]", (Stream, AsyncStream)),
            failure_message=failure_message,
        ),
    )
