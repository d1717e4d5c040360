# pyright: strict
"""Interleaved timing of an SDK operation against its raw-httpx twin, sync and async.

Batches alternate between the two sides (and which side goes first), so drift in machine load hits both equally;
each batch yields seconds per operation, and callers report the median batch.
"""

from __future__ import annotations

import gc
import time
from typing import Any, Dict, List, Callable, Awaitable

Op = Callable[[], Any]
AsyncOp = Callable[[], Awaitable[Any]]


def _batch(op: Op, iterations: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(iterations):
        op()
    return (time.perf_counter() - start) / iterations


async def _abatch(op: AsyncOp, iterations: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(iterations):
        await op()
    return (time.perf_counter() - start) / iterations


def _check(sdk_result: object, raw_result: object) -> None:
    if sdk_result != raw_result:
        raise AssertionError(f"the SDK and raw httpx read different data: {sdk_result!r:.80} != {raw_result!r:.80}")


def compare(sdk: Op, raw: Op, *, batches: int, iterations: int) -> Dict[str, List[float]]:
    """Seconds per operation for each batch: `{"sdk": [...], "raw": [...]}`, after a warm-up run that checks both
    sides return the same value."""
    _check(sdk(), raw())
    samples: Dict[str, List[float]] = {"sdk": [], "raw": []}
    for i in range(batches):
        order = [("sdk", sdk), ("raw", raw)]
        for side, op in order if i % 2 == 0 else reversed(order):
            samples[side].append(_batch(op, iterations))
    return samples


async def acompare(sdk: AsyncOp, raw: AsyncOp, *, batches: int, iterations: int) -> Dict[str, List[float]]:
    """The async twin of `compare`."""
    _check(await sdk(), await raw())
    samples: Dict[str, List[float]] = {"sdk": [], "raw": []}
    for i in range(batches):
        order = [("sdk", sdk), ("raw", raw)]
        for side, op in order if i % 2 == 0 else reversed(order):
            samples[side].append(await _abatch(op, iterations))
    return samples
