"""Running blocking functions from async code, in a worker thread of whichever async library is running."""

from __future__ import annotations

import functools
from typing import TypeVar, Callable, Awaitable

from typing_extensions import ParamSpec

_T = TypeVar("_T")
_P = ParamSpec("_P")


async def to_thread(func: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """Run `func(*args, **kwargs)` in a worker thread (asyncio and trio alike) and return its result."""
    import anyio.to_thread  # only async users pay for importing anyio

    return await anyio.to_thread.run_sync(functools.partial(func, *args, **kwargs))


def asyncify(function: Callable[_P, _T]) -> Callable[_P, Awaitable[_T]]:
    """Turn a blocking function into a coroutine function that runs it in a worker thread.

    ```py
    def read(path: str) -> bytes: ...

    data = await asyncify(read)("a.txt")
    ```
    """

    @functools.wraps(function)
    async def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        return await to_thread(function, *args, **kwargs)

    return wrapper
