"""The websocket machinery behind `realtime.connect()`, `beta.realtime.connect()` and `responses.connect()`: URL and
handshake headers from the client's settings, sending/receiving/parsing events, and automatic reconnection with a
bounded queue of messages sent while reconnecting. `websockets` (the `realtime` extra) is imported only on connect."""

from __future__ import annotations

import json
import time
import asyncio
import threading
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    List,
    Type,
    Union,
    Generic,
    Mapping,
    TypeVar,
    Callable,
    Iterator,
    Optional,
    AsyncIterator,
    cast,
)
from dataclasses import field, dataclass

import httpx

from .._types import Omit, Query, Headers
from .._models import BaseModel, construct_type_unchecked
from .._exceptions import WebSocketQueueFullError, WebSocketConnectionClosedError
from .._extras._common import MissingDependencyError, format_instructions
from ..types.websocket_reconnection import ReconnectingEvent, ReconnectingOverrides, is_recoverable_close
from ..types.websocket_connection_options import WebSocketConnectionOptions

if TYPE_CHECKING:
    from websockets.sync.client import ClientConnection
    from websockets.asyncio.client import ClientConnection as AsyncClientConnection

    from .._client import OpenAI, AsyncOpenAI

__all__ = [
    "Target",
    "Reconnection",
    "SyncConnection",
    "AsyncConnection",
    "SyncConnectionManager",
    "AsyncConnectionManager",
]

EventT = TypeVar("EventT")
OnReconnecting = Callable[[ReconnectingEvent], Optional[ReconnectingOverrides]]
Message = Union[str, bytes]

# Handshake headers that describe an HTTP body and mean nothing on a websocket upgrade.
_BODY_HEADERS = frozenset({"accept", "content-type"})


@dataclass
class Target:
    """What a connection manager connects to: `<websocket base>/<path>?<query>`, sending `headers`."""

    path: str
    event_type: Any
    query: Dict[str, object] = field(default_factory=lambda: {})
    headers: Dict[str, str] = field(default_factory=lambda: {})
    azure_model: Optional[str] = None
    """Set for realtime targets: an Azure client builds the URL and auth headers itself from this."""


@dataclass
class Reconnection:
    """Reconnection policy: up to `max_retries` attempts after a recoverable close, with doubling delays."""

    max_retries: int = 0
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_queue_size: int = 1000
    on_reconnecting: Optional[OnReconnecting] = None

    def delay(self, attempt: int) -> float:
        return min(self.initial_delay * 2 ** (attempt - 1), self.max_delay)


def _import_error() -> MissingDependencyError:
    return MissingDependencyError(format_instructions(library="websockets", extra="realtime"))


def _ws_base(client: OpenAI | AsyncOpenAI) -> httpx.URL:
    if client.websocket_base_url is not None:
        return httpx.URL(str(client.websocket_base_url))
    base = client.base_url
    return base.copy_with(scheme="ws" if base.scheme == "http" else "wss")


def build_url(client: OpenAI | AsyncOpenAI, target: Target, extra_query: Query) -> httpx.URL:
    """`<websocket_base_url or base_url as ws(s)>/<path>` with the client's default query, the target's and `extra_query`."""
    base = _ws_base(client)
    url = base.copy_with(raw_path=base.raw_path.split(b"?")[0].rstrip(b"/") + b"/" + target.path.encode())
    query = {**client.default_query, **target.query, **extra_query}
    return url.copy_with(params={k: v for k, v in query.items() if v is not None and not isinstance(v, Omit)})


def build_headers(
    client: OpenAI | AsyncOpenAI, target: Target, auth: Mapping[str, str] | None, extra_headers: Headers
) -> dict[str, str]:
    """The client's headers (auth, organization/project, user agent, platform), the target's, then `extra_headers`."""
    headers: dict[str, str | Omit] = {k: v for k, v in client.default_headers.items() if k.lower() not in _BODY_HEADERS}
    if auth is not None:
        headers = {k: v for k, v in headers.items() if k.lower() not in ("authorization", "api-key")}
    headers.update({**(auth or {}), **target.headers, **extra_headers})
    return {k: v for k, v in headers.items() if isinstance(v, str)}


def _serialize(event: object) -> str:
    if isinstance(event, BaseModel):
        return event.to_json(use_api_names=True, exclude_unset=True, indent=None)
    return json.dumps(event)


def _close_code(err: Exception) -> int:
    received = getattr(err, "rcvd", None)
    return received.code if received is not None else 1006  # pyright: ignore[reportUnknownMemberType]


class _Session:
    """State shared by the sync and async connections: handshake parameters, the reconnection plan and the queue."""

    def __init__(self, event_type: Any, reconnection: Reconnection, extra_query: Query, extra_headers: Headers) -> None:
        self._event_type = event_type
        self._reconnection = reconnection
        self._extra_query: dict[str, Any] = dict(extra_query)
        self._extra_headers: dict[str, Any] = dict(extra_headers)
        self._queue: List[Message] = []
        self._reconnecting = False
        self._closed = False

    def parse_event(self, data: str | bytes) -> Any:
        """Parse one server message into its event type (unknown event types stay loosely typed models)."""
        return construct_type_unchecked(value=json.loads(data), type_=self._event_type)

    def _enqueue(self, message: Message) -> None:
        if len(self._queue) >= self._reconnection.max_queue_size:
            raise WebSocketQueueFullError(
                f"The send queue is full ({self._reconnection.max_queue_size} messages) while reconnecting"
            )
        self._queue.append(message)

    def _should_reconnect(self, err: Exception) -> bool:
        return not self._closed and self._reconnection.max_retries > 0 and is_recoverable_close(_close_code(err))

    def _plan(self, attempt: int, err: Exception) -> float | None:
        """The delay before `attempt`, or `None` when the callback aborted; applies the callback's overrides."""
        policy = self._reconnection
        delay = policy.delay(attempt)
        if policy.on_reconnecting is not None:
            overrides = policy.on_reconnecting(
                ReconnectingEvent(
                    attempt=attempt,
                    max_attempts=policy.max_retries,
                    delay=delay,
                    close_code=_close_code(err),
                    extra_query=dict(self._extra_query),
                    extra_headers=dict(self._extra_headers),
                )
            )
            if overrides:
                if overrides.get("abort"):
                    return None
                self._extra_query = dict(overrides.get("extra_query", self._extra_query))
                self._extra_headers = dict(overrides.get("extra_headers", self._extra_headers))
        return delay

    def _give_up(self, err: Exception) -> Exception:
        if not self._queue:
            return err
        unsent, self._queue = self._queue, []
        return WebSocketConnectionClosedError(
            f"The websocket connection closed (code {_close_code(err)}) with {len(unsent)} message(s) unsent",
            unsent_messages=unsent,
        )


class SyncConnection(_Session, Generic[EventT]):
    """A live websocket connection: `send()` events, `recv()` parsed server events, or iterate over them."""

    def __init__(
        self,
        opener: Callable[[Query, Headers], ClientConnection],
        event_type: Any,
        reconnection: Reconnection,
        extra_query: Query,
        extra_headers: Headers,
    ) -> None:
        super().__init__(event_type, reconnection, extra_query, extra_headers)
        self._opener = opener
        self._lock = threading.Lock()
        self._ws = opener(self._extra_query, self._extra_headers)

    def send(self, event: Any) -> None:
        """Send a client event (a dict or an event model) as JSON."""
        self.send_raw(_serialize(event))

    def send_raw(self, data: str | bytes) -> None:
        """Send a text (`str`) or binary (`bytes`) message as it is."""
        from websockets.exceptions import ConnectionClosed

        if self._reconnecting:
            return self._enqueue(data)
        try:
            self._ws.send(data)
        except ConnectionClosed as err:
            self._enqueue(data)
            self._reconnect(err)

    def recv_bytes(self) -> bytes:
        """The next message as it arrived, reconnecting first if the connection dropped."""
        from websockets.exceptions import ConnectionClosed

        while True:
            try:
                message = self._ws.recv(decode=False)
            except ConnectionClosed as err:
                self._reconnect(err)
                continue
            return message

    def recv(self) -> EventT:
        """The next server event, parsed."""
        return self.parse_event(self.recv_bytes())  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[EventT]:
        """Server events until the connection closes normally."""
        from websockets.exceptions import ConnectionClosedOK

        try:
            while True:
                yield self.recv()
        except ConnectionClosedOK:
            return

    def close(self, *, code: int = 1000, reason: str = "") -> None:
        """Close the connection (no reconnection follows)."""
        self._closed = True
        self._ws.close(code=code, reason=reason)

    def _reconnect(self, err: Exception) -> None:
        from websockets.exceptions import WebSocketException

        with self._lock:
            if self._ws.state.name == "OPEN":  # another thread already reconnected
                return
            if not self._should_reconnect(err):
                raise self._give_up(err) from err
            self._reconnecting = True
            try:
                for attempt in range(1, self._reconnection.max_retries + 1):
                    delay = self._plan(attempt, err)
                    if delay is None:
                        break
                    time.sleep(delay)
                    try:
                        self._ws = self._opener(self._extra_query, self._extra_headers)
                    except (OSError, WebSocketException):
                        continue
                    while self._queue:
                        self._ws.send(self._queue.pop(0))
                    return
            finally:
                self._reconnecting = False
            raise self._give_up(err) from err


class AsyncConnection(_Session, Generic[EventT]):
    """The async twin of `SyncConnection`: `await send()`, `await recv()`, `async for event in connection`."""

    def __init__(
        self,
        opener: Callable[[Query, Headers], Any],
        event_type: Any,
        reconnection: Reconnection,
        extra_query: Query,
        extra_headers: Headers,
        ws: AsyncClientConnection,
    ) -> None:
        super().__init__(event_type, reconnection, extra_query, extra_headers)
        self._opener = opener
        self._lock = asyncio.Lock()
        self._ws = ws

    async def send(self, event: Any) -> None:
        """Send a client event (a dict or an event model) as JSON."""
        await self.send_raw(_serialize(event))

    async def send_raw(self, data: str | bytes) -> None:
        """Send a text (`str`) or binary (`bytes`) message as it is."""
        from websockets.exceptions import ConnectionClosed

        if self._reconnecting:
            return self._enqueue(data)
        try:
            await self._ws.send(data)
        except ConnectionClosed as err:
            self._enqueue(data)
            await self._reconnect(err)

    async def recv_bytes(self) -> bytes:
        """The next message as it arrived, reconnecting first if the connection dropped."""
        from websockets.exceptions import ConnectionClosed

        while True:
            try:
                message = await self._ws.recv(decode=False)
            except ConnectionClosed as err:
                await self._reconnect(err)
                continue
            return message

    async def recv(self) -> EventT:
        """The next server event, parsed."""
        return self.parse_event(await self.recv_bytes())  # type: ignore[no-any-return]

    async def __aiter__(self) -> AsyncIterator[EventT]:
        """Server events until the connection closes normally."""
        from websockets.exceptions import ConnectionClosedOK

        try:
            while True:
                yield await self.recv()
        except ConnectionClosedOK:
            return

    async def close(self, *, code: int = 1000, reason: str = "") -> None:
        """Close the connection (no reconnection follows)."""
        self._closed = True
        await self._ws.close(code=code, reason=reason)

    async def _reconnect(self, err: Exception) -> None:
        from websockets.exceptions import WebSocketException

        async with self._lock:
            if self._ws.state.name == "OPEN":  # another task already reconnected
                return
            if not self._should_reconnect(err):
                raise self._give_up(err) from err
            self._reconnecting = True
            try:
                for attempt in range(1, self._reconnection.max_retries + 1):
                    delay = self._plan(attempt, err)
                    if delay is None:
                        break
                    await asyncio.sleep(delay)
                    try:
                        self._ws = await self._opener(self._extra_query, self._extra_headers)
                    except (OSError, WebSocketException):
                        continue
                    while self._queue:
                        await self._ws.send(self._queue.pop(0))
                    return
            finally:
                self._reconnecting = False
            raise self._give_up(err) from err


def _azure_query(target: Target, extra_query: Query) -> dict[str, object]:
    return {**{k: v for k, v in target.query.items() if k != "model"}, **extra_query}


def _connect_kwargs(headers: dict[str, str], options: WebSocketConnectionOptions) -> dict[str, Any]:
    user_agent = next((headers.pop(k) for k in list(headers) if k.lower() == "user-agent"), None)
    return {"additional_headers": headers, "user_agent_header": user_agent, **options}


ConnT = TypeVar("ConnT", bound=SyncConnection[Any])
AsyncConnT = TypeVar("AsyncConnT", bound=AsyncConnection[Any])


class SyncConnectionManager(Generic[ConnT]):
    """Opens the connection on `__enter__` (or `enter()`) and closes it on `__exit__`."""

    _connection_cls: Type[ConnT]

    def __init__(
        self,
        *,
        client: OpenAI,
        target: Target,
        extra_query: Query,
        extra_headers: Headers,
        websocket_connection_options: WebSocketConnectionOptions,
        reconnection: Reconnection,
    ) -> None:
        self.__client = client
        self.__target = target
        self.__extra_query = extra_query
        self.__extra_headers = extra_headers
        self.__options = websocket_connection_options
        self.__reconnection = reconnection
        self.__connection: ConnT | None = None

    def __enter__(self) -> ConnT:
        try:
            from websockets.sync.client import connect
        except ImportError as err:
            raise _import_error() from err

        client, target = self.__client, self.__target

        def opener(extra_query: Query, extra_headers: Headers) -> ClientConnection:
            from .azure import AzureOpenAI

            if isinstance(client, AzureOpenAI) and target.azure_model is not None:
                url, auth = client._configure_realtime(target.azure_model, _azure_query(target, extra_query))  # pyright: ignore[reportPrivateUsage]
            else:
                client._refresh_api_key()  # pyright: ignore[reportPrivateUsage]
                url, auth = build_url(client, target, extra_query), None
            headers = build_headers(client, target, auth, extra_headers)
            ws = cast("ClientConnection", connect(str(url), **_connect_kwargs(headers, self.__options)))
            return ws.__enter__()  # entering marks it as managed by us (newer `websockets` warn otherwise)

        self.__connection = self._connection_cls(
            opener, target.event_type, self.__reconnection, self.__extra_query, self.__extra_headers
        )
        return self.__connection

    enter = __enter__

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self.__connection is not None:
            self.__connection.close()


class AsyncConnectionManager(Generic[AsyncConnT]):
    """Opens the connection on `async with` entry (or `await enter()`) and closes it on exit."""

    _connection_cls: Type[AsyncConnT]

    def __init__(
        self,
        *,
        client: AsyncOpenAI,
        target: Target,
        extra_query: Query,
        extra_headers: Headers,
        websocket_connection_options: WebSocketConnectionOptions,
        reconnection: Reconnection,
    ) -> None:
        self.__client = client
        self.__target = target
        self.__extra_query = extra_query
        self.__extra_headers = extra_headers
        self.__options = websocket_connection_options
        self.__reconnection = reconnection
        self.__connection: AsyncConnT | None = None

    async def __aenter__(self) -> AsyncConnT:
        try:
            from websockets.asyncio.client import connect
        except ImportError as err:
            raise _import_error() from err

        client, target = self.__client, self.__target

        async def opener(extra_query: Query, extra_headers: Headers) -> AsyncClientConnection:
            from .azure import AsyncAzureOpenAI

            if isinstance(client, AsyncAzureOpenAI) and target.azure_model is not None:
                url, auth = await client._configure_realtime(target.azure_model, _azure_query(target, extra_query))  # pyright: ignore[reportPrivateUsage]
            else:
                await client._refresh_api_key()  # pyright: ignore[reportPrivateUsage]
                url, auth = build_url(client, target, extra_query), None
            headers = build_headers(client, target, auth, extra_headers)
            return await connect(str(url), **_connect_kwargs(headers, self.__options))

        ws = await opener(self.__extra_query, self.__extra_headers)
        self.__connection = self._connection_cls(
            opener, target.event_type, self.__reconnection, self.__extra_query, self.__extra_headers, ws
        )
        return self.__connection

    enter = __aenter__

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        if self.__connection is not None:
            await self.__connection.close()
