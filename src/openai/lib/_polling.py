"""The poll loop shared by the `poll()` / `*_and_poll()` helpers: retrieve an object through `.with_raw_response`
until it reaches a final state, waiting between calls for `poll_interval_ms`, else the server's
`openai-poll-after-ms` header, else one second."""

from __future__ import annotations

from typing import Dict, TypeVar, Callable, Awaitable

import httpx

from .._types import Omit
from .._utils import is_given
from .._legacy_response import LegacyAPIResponse

__all__ = ["poll_headers", "poll", "async_poll"]

_T = TypeVar("_T")

DEFAULT_POLL_INTERVAL_MS = 1000


def poll_headers(poll_interval_ms: int | Omit) -> Dict[str, str]:
    """The headers that tell the API a request comes from a poll helper (and at what interval, when the caller chose)."""
    headers = {"X-Stainless-Poll-Helper": "true"}
    if is_given(poll_interval_ms):
        headers["X-Stainless-Custom-Poll-Interval"] = str(poll_interval_ms)
    return headers


def _delay_seconds(poll_interval_ms: int | Omit, response_headers: httpx.Headers) -> float:
    if is_given(poll_interval_ms):
        return poll_interval_ms / 1000
    try:
        return int(response_headers["openai-poll-after-ms"]) / 1000
    except (KeyError, ValueError):
        return DEFAULT_POLL_INTERVAL_MS / 1000


def poll(
    retrieve: Callable[[Dict[str, str]], LegacyAPIResponse[_T]],
    *,
    is_done: Callable[[_T], bool],
    poll_interval_ms: int | Omit,
    sleep: Callable[[float], None],
) -> _T:
    """Call `retrieve(extra_headers)` until `is_done(result)`, sleeping between calls; returns the final result."""
    headers = poll_headers(poll_interval_ms)
    while True:
        response = retrieve(headers)
        result = response.parse()
        if is_done(result):
            return result
        sleep(_delay_seconds(poll_interval_ms, response.headers))


async def async_poll(
    retrieve: Callable[[Dict[str, str]], Awaitable[LegacyAPIResponse[_T]]],
    *,
    is_done: Callable[[_T], bool],
    poll_interval_ms: int | Omit,
    sleep: Callable[[float], Awaitable[None]],
) -> _T:
    """`poll()` for async clients."""
    headers = poll_headers(poll_interval_ms)
    while True:
        response = await retrieve(headers)
        result = response.parse()
        if is_done(result):
            return result
        await sleep(_delay_seconds(poll_interval_ms, response.headers))
