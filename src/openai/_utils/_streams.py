"""Draining iterators to the end, e.g. so that a stream's response gets closed."""

from __future__ import annotations

from typing import Any, Iterator, AsyncIterator


def consume_sync_iterator(iterator: Iterator[Any]) -> None:
    for _ in iterator:
        pass


async def consume_async_iterator(iterator: AsyncIterator[Any]) -> None:
    async for _ in iterator:
        pass
