"""`responses.connect()` and `beta.responses.connect()`: the websocket mode of the Responses API (mixed into the
generated resources: `ResponsesConnectHelpers`/`AsyncResponsesConnectHelpers` into `Responses`/`AsyncResponses`,
`BetaResponsesConnectHelpers`/`AsyncBetaResponsesConnectHelpers` into the beta twins). A connection sends
`response.create` events (`connection.response.create(model=..., input=...)`; beta also `response.inject`) and yields
the parsed streaming events of each response."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Generic, TypeVar, Callable, Iterable, Optional, Coroutine

from .._types import Query, Headers
from .._compat import cached_property
from .._resource import SyncAPIResource, AsyncAPIResource
from ._websocket import (
    Target,
    Reconnection,
    OnReconnecting,
    SyncConnection,
    AsyncConnection,
    SyncConnectionManager,
    AsyncConnectionManager,
)
from ..types.websocket_connection_options import WebSocketConnectionOptions

if TYPE_CHECKING:
    from ..types.beta.beta_responses_server_event import BetaResponsesServerEvent  # noqa: F401
    from ..types.responses.responses_server_event import ResponsesServerEvent  # noqa: F401

__all__ = [
    "ResponsesConnectHelpers",
    "AsyncResponsesConnectHelpers",
    "BetaResponsesConnectHelpers",
    "AsyncBetaResponsesConnectHelpers",
    "ResponsesConnection",
    "AsyncResponsesConnection",
    "ResponsesConnectionManager",
    "AsyncResponsesConnectionManager",
    "BetaResponsesConnection",
    "AsyncBetaResponsesConnection",
    "BetaResponsesConnectionManager",
    "AsyncBetaResponsesConnectionManager",
]

R = TypeVar("R")


class ResponseSender(Generic[R]):
    """Sends `response.*` client events through the connection (`R`: `None`, or an awaitable)."""

    def __init__(self, send: Callable[[Dict[str, object]], R]) -> None:
        self._send = send

    def create(self, **params: Any) -> R:
        """Start a response (`response.create`); takes the parameters of `responses.create()` (no `stream`)."""
        return self._send({"type": "response.create", **params})


class BetaResponseSender(ResponseSender[R]):
    def inject(self, *, response_id: str, input: Iterable[Dict[str, Any]]) -> R:
        """Add input items, such as tool outputs, to the active response `response_id` (`response.inject`)."""
        return self._send({"type": "response.inject", "response_id": response_id, "input": list(input)})


class ResponsesConnection(SyncConnection["ResponsesServerEvent"]):
    """A Responses API websocket connection."""

    @cached_property
    def response(self) -> ResponseSender[None]:
        return ResponseSender(self.send)


class AsyncResponsesConnection(AsyncConnection["ResponsesServerEvent"]):
    """A Responses API websocket connection (senders return awaitables)."""

    @cached_property
    def response(self) -> ResponseSender[Coroutine[Any, Any, None]]:
        return ResponseSender(self.send)


class BetaResponsesConnection(SyncConnection["BetaResponsesServerEvent"]):
    """A beta Responses API websocket connection."""

    @cached_property
    def response(self) -> BetaResponseSender[None]:
        return BetaResponseSender(self.send)


class AsyncBetaResponsesConnection(AsyncConnection["BetaResponsesServerEvent"]):
    """A beta Responses API websocket connection (senders return awaitables)."""

    @cached_property
    def response(self) -> BetaResponseSender[Coroutine[Any, Any, None]]:
        return BetaResponseSender(self.send)


class ResponsesConnectionManager(SyncConnectionManager[ResponsesConnection]):
    """`with client.responses.connect() as connection:` opens a `ResponsesConnection`."""

    _connection_cls = ResponsesConnection


class AsyncResponsesConnectionManager(AsyncConnectionManager[AsyncResponsesConnection]):
    """`async with client.responses.connect() as connection:` opens an `AsyncResponsesConnection`."""

    _connection_cls = AsyncResponsesConnection


class BetaResponsesConnectionManager(SyncConnectionManager[BetaResponsesConnection]):
    """`with client.beta.responses.connect() as connection:` opens a `BetaResponsesConnection`."""

    _connection_cls = BetaResponsesConnection


class AsyncBetaResponsesConnectionManager(AsyncConnectionManager[AsyncBetaResponsesConnection]):
    """`async with client.beta.responses.connect() as connection:` opens an `AsyncBetaResponsesConnection`."""

    _connection_cls = AsyncBetaResponsesConnection


def _target() -> Target:
    from ..types.responses.responses_server_event import ResponsesServerEvent

    return Target("responses", ResponsesServerEvent)


def _beta_target() -> Target:
    from ..types.beta.beta_responses_server_event import BetaResponsesServerEvent

    return Target("responses", BetaResponsesServerEvent)


class ResponsesConnectHelpers(SyncAPIResource):
    def connect(
        self,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1000,
    ) -> ResponsesConnectionManager:
        """Open a websocket connection to the Responses API (`<base>/responses`).

        After a recoverable drop the connection reopens by itself (up to `max_retries` times, waiting
        `initial_delay` doubling up to `max_delay` seconds; `on_reconnecting` may change the query/headers or
        abort); messages sent meanwhile are queued, at most `max_queue_size` of them. Needs the `realtime` extra.
        """
        return ResponsesConnectionManager(
            client=self._client,
            target=_target(),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(max_retries, initial_delay, max_delay, max_queue_size, on_reconnecting),
        )


class AsyncResponsesConnectHelpers(AsyncAPIResource):
    def connect(
        self,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1000,
    ) -> AsyncResponsesConnectionManager:
        """The async twin of `ResponsesConnectHelpers.connect()`."""
        return AsyncResponsesConnectionManager(
            client=self._client,
            target=_target(),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(max_retries, initial_delay, max_delay, max_queue_size, on_reconnecting),
        )


class BetaResponsesConnectHelpers(SyncAPIResource):
    def connect(
        self,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1000,
    ) -> BetaResponsesConnectionManager:
        """`ResponsesConnectHelpers.connect()` for the beta Responses API (beta event types, `response.inject`)."""
        return BetaResponsesConnectionManager(
            client=self._client,
            target=_beta_target(),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(max_retries, initial_delay, max_delay, max_queue_size, on_reconnecting),
        )


class AsyncBetaResponsesConnectHelpers(AsyncAPIResource):
    def connect(
        self,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1000,
    ) -> AsyncBetaResponsesConnectionManager:
        """The async twin of `BetaResponsesConnectHelpers.connect()`."""
        return AsyncBetaResponsesConnectionManager(
            client=self._client,
            target=_beta_target(),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(max_retries, initial_delay, max_delay, max_queue_size, on_reconnecting),
        )
