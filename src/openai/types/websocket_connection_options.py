"""Options passed through to the `websockets` client when opening a realtime or Responses websocket connection."""

from __future__ import annotations

from typing import Any, Tuple, Union, Optional, Sequence

from typing_extensions import TypedDict

__all__ = ["WebSocketConnectionOptions", "WebsocketConnectionOptions"]


class WebSocketConnectionOptions(TypedDict, total=False):
    """Keyword arguments of `websockets`' `connect()` that callers may tune (see the `websockets` documentation)."""

    extensions: Optional[Sequence[Any]]
    """Client extension factories (e.g. permessage-deflate) to negotiate."""

    subprotocols: Optional[Sequence[str]]
    """Subprotocols to offer, in order of preference."""

    compression: Optional[str]
    """`"deflate"` (the default) enables compression; `None` disables it."""

    max_size: Optional[int]
    """Largest incoming message in bytes; `None` for no limit."""

    max_queue: Union[int, None, Tuple[Union[int, None], Union[int, None]]]
    """High-water mark (or high and low marks) of the incoming message buffer."""

    write_limit: Union[int, Tuple[int, Union[int, None]]]
    """High-water mark (or high and low marks) of the outgoing write buffer, in bytes."""


WebsocketConnectionOptions = WebSocketConnectionOptions
"""Alias with the older spelling."""
