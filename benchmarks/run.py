# pyright: strict
"""Benchmark the SDK against raw httpx doing the same HTTP work on a loopback server, and report the ratios.

Usage: `.venv/bin/python benchmarks/run.py [--quick] [--json out.json]`. Progress goes to stderr, the table and a
summary line to stdout; the exit code is 0 even when a target is missed (this is a report, not a test).
"""

from __future__ import annotations

import sys
import time
import argparse
from typing import List, Tuple, Callable
from dataclasses import asdict, dataclass

import cold
import warm
from report import Result, Failure, write_json, print_table
from server import serve


@dataclass(frozen=True)
class Budget:
    """How much work each scenario does; `--quick` trades precision for time."""

    cold_runs: int
    chat_batches: int
    chat_iterations: int
    stream_batches: int
    embedding_batches: int


DEFAULT = Budget(cold_runs=21, chat_batches=15, chat_iterations=300, stream_batches=11, embedding_batches=15)
QUICK = Budget(cold_runs=7, chat_batches=5, chat_iterations=150, stream_batches=5, embedding_batches=5)


def scenarios(budget: Budget) -> List[Tuple[str, Callable[[str], List[Result]]]]:
    return [
        ("cold start", lambda url: cold.cold_start(url, runs=budget.cold_runs)),
        ("chat", lambda url: warm.chat(url, batches=budget.chat_batches, iterations=budget.chat_iterations)),
        ("stream", lambda url: warm.stream(url, batches=budget.stream_batches)),
        ("embeddings", lambda url: warm.embeddings(url, batches=budget.embedding_batches)),
        (
            "async chat",
            lambda url: warm.async_chat(url, batches=budget.chat_batches, iterations=budget.chat_iterations),
        ),
        ("async stream", lambda url: warm.async_stream(url, batches=budget.stream_batches)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="SDK vs raw httpx benchmark on a loopback server.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about 40 s instead of 3 min)")
    parser.add_argument("--json", metavar="PATH", help="also write every figure and sample to PATH")
    args = parser.parse_args()
    budget = QUICK if args.quick else DEFAULT

    started = time.perf_counter()
    results: List[Result] = []
    failures: List[Failure] = []
    with serve() as base_url:
        for name, run in scenarios(budget):
            print(f"running {name} ...", file=sys.stderr, flush=True)
            try:
                results += run(base_url)
            except Exception as exc:  # a broken scenario is reported, the others still run
                failures.append(Failure(name, f"{type(exc).__name__}: {exc}"))
    elapsed = time.perf_counter() - started

    print_table(results, failures)
    print(f"({elapsed:.0f} s{', --quick' if args.quick else ''})")
    if args.json:
        write_json(args.json, results, failures, {"quick": args.quick, "seconds": elapsed, **asdict(budget)})


if __name__ == "__main__":
    main()
