"""`realtime.connect()` and `beta.realtime.connect()`: websocket sessions with the Realtime API (mixed into the generated
resources: `RealtimeHelpers`/`AsyncRealtimeHelpers` into `Realtime`/`AsyncRealtime`, `BetaRealtimeHelpers`/
`AsyncBetaRealtimeHelpers` into the beta twins). A connection sends client events, either whole (`send(event)`) or
through resource-style senders (`connection.session.update(session=...)`, `connection.response.create()`, ...), and
yields parsed server events (`recv()`, iteration)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Generic, Mapping, TypeVar, Callable, Optional, Coroutine

from .._types import Omit, Query, Headers, omit
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
    from ..types.realtime.realtime_server_event import RealtimeServerEvent  # noqa: F401
    from ..types.beta.realtime.realtime_server_event import (  # noqa: F401
        RealtimeServerEvent as BetaRealtimeServerEvent,
    )

__all__ = [
    "RealtimeHelpers",
    "AsyncRealtimeHelpers",
    "BetaRealtimeHelpers",
    "AsyncBetaRealtimeHelpers",
    "RealtimeConnection",
    "AsyncRealtimeConnection",
    "RealtimeConnectionManager",
    "AsyncRealtimeConnectionManager",
    "BetaRealtimeConnection",
    "AsyncBetaRealtimeConnection",
    "BetaRealtimeConnectionManager",
    "AsyncBetaRealtimeConnectionManager",
]

R = TypeVar("R")


class _Sender(Generic[R]):
    """Builds one kind of client event and sends it through the connection (`R`: `None`, or an awaitable)."""

    def __init__(self, send: Callable[[Dict[str, object]], R]) -> None:
        self._send = send

    def _event(self, type: str, **fields: object) -> R:
        return self._send({"type": type, **{k: v for k, v in fields.items() if not isinstance(v, Omit)}})


class SessionSender(_Sender[R]):
    def update(self, *, session: Mapping[str, Any], event_id: str | Omit = omit) -> R:
        """Update the session configuration (`session.update`)."""
        return self._event("session.update", session=session, event_id=event_id)


class TranscriptionSessionSender(_Sender[R]):
    def update(self, *, session: Mapping[str, Any], event_id: str | Omit = omit) -> R:
        """Update the transcription session configuration (`transcription_session.update`)."""
        return self._event("transcription_session.update", session=session, event_id=event_id)


class ResponseSender(_Sender[R]):
    def create(self, *, response: Mapping[str, Any] | Omit = omit, event_id: str | Omit = omit) -> R:
        """Ask the model for a response (`response.create`), optionally overriding the session's settings."""
        return self._event("response.create", response=response, event_id=event_id)

    def cancel(self, *, response_id: str | Omit = omit, event_id: str | Omit = omit) -> R:
        """Cancel the in-progress response (`response.cancel`)."""
        return self._event("response.cancel", response_id=response_id, event_id=event_id)


class ConversationItemSender(_Sender[R]):
    def create(self, *, item: Mapping[str, Any], previous_item_id: str | Omit = omit, event_id: str | Omit = omit) -> R:
        """Add an item to the conversation (`conversation.item.create`)."""
        return self._event("conversation.item.create", item=item, previous_item_id=previous_item_id, event_id=event_id)

    def delete(self, *, item_id: str, event_id: str | Omit = omit) -> R:
        """Remove an item from the conversation (`conversation.item.delete`)."""
        return self._event("conversation.item.delete", item_id=item_id, event_id=event_id)

    def retrieve(self, *, item_id: str, event_id: str | Omit = omit) -> R:
        """Ask for the server's copy of an item (`conversation.item.retrieve`)."""
        return self._event("conversation.item.retrieve", item_id=item_id, event_id=event_id)

    def truncate(self, *, item_id: str, content_index: int, audio_end_ms: int, event_id: str | Omit = omit) -> R:
        """Truncate an assistant message's audio (`conversation.item.truncate`)."""
        return self._event(
            "conversation.item.truncate",
            item_id=item_id,
            content_index=content_index,
            audio_end_ms=audio_end_ms,
            event_id=event_id,
        )


class ConversationSender(_Sender[R]):
    @cached_property
    def item(self) -> ConversationItemSender[R]:
        return ConversationItemSender(self._send)


class InputAudioBufferSender(_Sender[R]):
    def append(self, *, audio: str, event_id: str | Omit = omit) -> R:
        """Append base64-encoded audio to the input buffer (`input_audio_buffer.append`)."""
        return self._event("input_audio_buffer.append", audio=audio, event_id=event_id)

    def clear(self, *, event_id: str | Omit = omit) -> R:
        """Discard the buffered input audio (`input_audio_buffer.clear`)."""
        return self._event("input_audio_buffer.clear", event_id=event_id)

    def commit(self, *, event_id: str | Omit = omit) -> R:
        """Commit the buffered input audio as a user message (`input_audio_buffer.commit`)."""
        return self._event("input_audio_buffer.commit", event_id=event_id)


class OutputAudioBufferSender(_Sender[R]):
    def clear(self, *, event_id: str | Omit = omit) -> R:
        """Stop the audio being played out and discard the rest (`output_audio_buffer.clear`)."""
        return self._event("output_audio_buffer.clear", event_id=event_id)


class _Senders(Generic[R]):
    """The resource-style senders of a realtime connection."""

    def _send_event(self, event: Dict[str, object]) -> R:
        raise NotImplementedError

    @cached_property
    def session(self) -> SessionSender[R]:
        return SessionSender(self._send_event)

    @cached_property
    def response(self) -> ResponseSender[R]:
        return ResponseSender(self._send_event)

    @cached_property
    def conversation(self) -> ConversationSender[R]:
        return ConversationSender(self._send_event)

    @cached_property
    def input_audio_buffer(self) -> InputAudioBufferSender[R]:
        return InputAudioBufferSender(self._send_event)

    @cached_property
    def output_audio_buffer(self) -> OutputAudioBufferSender[R]:
        return OutputAudioBufferSender(self._send_event)


class _BetaSenders(_Senders[R]):
    @cached_property
    def transcription_session(self) -> TranscriptionSessionSender[R]:
        return TranscriptionSessionSender(self._send_event)


class RealtimeConnection(SyncConnection["RealtimeServerEvent"], _Senders[None]):
    """A Realtime API websocket session."""

    def _send_event(self, event: Dict[str, object]) -> None:
        self.send(event)


class AsyncRealtimeConnection(AsyncConnection["RealtimeServerEvent"], _Senders[Coroutine[Any, Any, None]]):
    """A Realtime API websocket session (senders return awaitables)."""

    def _send_event(self, event: Dict[str, object]) -> Coroutine[Any, Any, None]:
        return self.send(event)


class BetaRealtimeConnection(SyncConnection["BetaRealtimeServerEvent"], _BetaSenders[None]):
    """A beta Realtime API websocket session."""

    def _send_event(self, event: Dict[str, object]) -> None:
        self.send(event)


class AsyncBetaRealtimeConnection(AsyncConnection["BetaRealtimeServerEvent"], _BetaSenders[Coroutine[Any, Any, None]]):
    """A beta Realtime API websocket session (senders return awaitables)."""

    def _send_event(self, event: Dict[str, object]) -> Coroutine[Any, Any, None]:
        return self.send(event)


class RealtimeConnectionManager(SyncConnectionManager[RealtimeConnection]):
    """`with client.realtime.connect(model=...) as connection:` opens a `RealtimeConnection`."""

    _connection_cls = RealtimeConnection


class AsyncRealtimeConnectionManager(AsyncConnectionManager[AsyncRealtimeConnection]):
    """`async with client.realtime.connect(model=...) as connection:` opens an `AsyncRealtimeConnection`."""

    _connection_cls = AsyncRealtimeConnection


class BetaRealtimeConnectionManager(SyncConnectionManager[BetaRealtimeConnection]):
    """`with client.beta.realtime.connect(model=...) as connection:` opens a `BetaRealtimeConnection`."""

    _connection_cls = BetaRealtimeConnection


class AsyncBetaRealtimeConnectionManager(AsyncConnectionManager[AsyncBetaRealtimeConnection]):
    """`async with client.beta.realtime.connect(model=...) as connection:` opens an `AsyncBetaRealtimeConnection`."""

    _connection_cls = AsyncBetaRealtimeConnection


def _target(*, call_id: str | Omit, model: str | Omit) -> Target:
    from ..types.realtime.realtime_server_event import RealtimeServerEvent

    query: dict[str, object] = {"model": model, "call_id": call_id}
    return Target(
        "realtime",
        RealtimeServerEvent,
        query={k: v for k, v in query.items() if isinstance(v, str)},
        azure_model=model if isinstance(model, str) else "",
    )


def _beta_target(model: str) -> Target:
    from ..types.beta.realtime.realtime_server_event import RealtimeServerEvent

    return Target(
        "realtime",
        RealtimeServerEvent,
        query={"model": model},
        headers={"OpenAI-Beta": "realtime=v1"},
        azure_model=model,
    )


class RealtimeHelpers(SyncAPIResource):
    def connect(
        self,
        *,
        call_id: str | Omit = omit,
        model: str | Omit = omit,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1000,
    ) -> RealtimeConnectionManager:
        """Open a websocket session with the Realtime API, for `model` or attached to an existing `call_id`.

        After a recoverable drop the connection reopens by itself (up to `max_retries` times, waiting
        `initial_delay` doubling up to `max_delay` seconds; `on_reconnecting` may change the query/headers or
        abort); messages sent meanwhile are queued, at most `max_queue_size` of them. Needs the `realtime` extra.
        """
        return RealtimeConnectionManager(
            client=self._client,
            target=_target(call_id=call_id, model=model),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(max_retries, initial_delay, max_delay, max_queue_size, on_reconnecting),
        )


class AsyncRealtimeHelpers(AsyncAPIResource):
    def connect(
        self,
        *,
        call_id: str | Omit = omit,
        model: str | Omit = omit,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1000,
    ) -> AsyncRealtimeConnectionManager:
        """The async twin of `RealtimeHelpers.connect()`: `async with client.realtime.connect(...) as connection:`."""
        return AsyncRealtimeConnectionManager(
            client=self._client,
            target=_target(call_id=call_id, model=model),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(max_retries, initial_delay, max_delay, max_queue_size, on_reconnecting),
        )


class BetaRealtimeHelpers(SyncAPIResource):
    def connect(
        self,
        *,
        model: str,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
    ) -> BetaRealtimeConnectionManager:
        """Open a websocket session with the beta Realtime API (`OpenAI-Beta: realtime=v1`). Needs the `realtime` extra."""
        return BetaRealtimeConnectionManager(
            client=self._client,
            target=_beta_target(model),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(),
        )


class AsyncBetaRealtimeHelpers(AsyncAPIResource):
    def connect(
        self,
        *,
        model: str,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
    ) -> AsyncBetaRealtimeConnectionManager:
        """The async twin of `BetaRealtimeHelpers.connect()`."""
        return AsyncBetaRealtimeConnectionManager(
            client=self._client,
            target=_beta_target(model),
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            reconnection=Reconnection(),
        )
