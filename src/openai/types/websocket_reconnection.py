"""Automatic reconnection of websocket connections: the event passed to `on_reconnecting` and what it may return."""

from __future__ import annotations

from typing import Any, Dict, Mapping
from dataclasses import dataclass

from typing_extensions import TypedDict

__all__ = ["ReconnectingEvent", "ReconnectingOverrides", "is_recoverable_close"]

# Going away, no status, abnormal closure, server error, service restart, try again later, bad gateway.
_RECOVERABLE_CLOSE_CODES = frozenset({1001, 1005, 1006, 1011, 1012, 1013, 1014})


@dataclass
class ReconnectingEvent:
    """Describes the reconnection attempt about to be made after the connection dropped."""

    attempt: int
    """1 for the first attempt after a drop, then 2, ..."""

    max_attempts: int
    """The `max_retries` the connection was opened with."""

    delay: float
    """Seconds waited before this attempt."""

    close_code: int
    """The websocket close code that ended the previous connection (1006 when it dropped without one)."""

    extra_query: Dict[str, Any]
    """The query parameters the attempt will use."""

    extra_headers: Dict[str, str]
    """The extra headers the attempt will use."""


class ReconnectingOverrides(TypedDict, total=False):
    """What an `on_reconnecting` callback may return to change or cancel the attempt."""

    extra_query: Mapping[str, Any]
    """Replaces the query parameters for this and later attempts."""

    extra_headers: Mapping[str, str]
    """Replaces the extra headers for this and later attempts."""

    abort: bool
    """`True` gives up reconnecting: the connection stays closed."""


def is_recoverable_close(code: int) -> bool:
    """Whether a connection closed with `code` is worth reopening (transient server or network conditions)."""
    return code in _RECOVERABLE_CLOSE_CODES
