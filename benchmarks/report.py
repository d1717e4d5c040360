# pyright: strict
"""Benchmark results: the `Result` record, the printed table, the summary line and the JSON document."""

from __future__ import annotations

import sys
import json
import platform
from typing import Any, Dict, List, Optional
from dataclasses import field, asdict, dataclass
from importlib.metadata import version


@dataclass
class Result:
    """One scenario: the SDK and raw-httpx figures (medians) and the target for their ratio, if any."""

    scenario: str
    unit: str
    sdk: float
    raw: float
    target: Optional[float] = None
    higher_is_better: bool = False
    samples: Dict[str, List[float]] = field(default_factory=lambda: {})

    @property
    def ratio(self) -> float:
        return self.sdk / self.raw

    @property
    def passed(self) -> Optional[bool]:
        if self.target is None:
            return None
        return self.ratio >= self.target if self.higher_is_better else self.ratio <= self.target

    @property
    def target_text(self) -> str:
        return "-" if self.target is None else f"{'>=' if self.higher_is_better else '<='} {self.target:g}x"

    @property
    def verdict(self) -> str:
        return {None: "info", True: "pass", False: "MISS"}[self.passed]


@dataclass
class Failure:
    """A scenario that could not run (typically: the SDK raised)."""

    scenario: str
    error: str


def _figure(value: float, unit: str) -> str:
    digits = 0 if value >= 1000 else 1 if value >= 10 else 2
    return f"{value:,.{digits}f} {unit}"


def print_table(results: List[Result], failures: List[Failure]) -> None:
    """Print one row per scenario, then the failures, then a one-line summary."""
    header = f"{'scenario':<44} {'SDK':>16} {'raw httpx':>16} {'ratio':>7}  {'target':<8} result"
    print(header)
    print("-" * len(header))
    for r in results:
        sdk, raw = _figure(r.sdk, r.unit), _figure(r.raw, r.unit)
        print(f"{r.scenario:<44} {sdk:>16} {raw:>16} {r.ratio:>6.2f}x  {r.target_text:<8} {r.verdict}")
    for f in failures:
        print(f"{f.scenario:<44} ERROR: {f.error}")
    print(summary(results, failures))


def summary(results: List[Result], failures: List[Failure]) -> str:
    targeted = [r for r in results if r.passed is not None]
    missed = [r.scenario for r in targeted if not r.passed]
    text = f"SUMMARY: {len(targeted) - len(missed)}/{len(targeted)} targets met"
    if missed:
        text += "; missed: " + ", ".join(missed)
    if failures:
        text += f"; {len(failures)} scenario(s) failed to run: " + ", ".join(f.scenario for f in failures)
    return text


def write_json(path: str, results: List[Result], failures: List[Failure], settings: Dict[str, Any]) -> None:
    """Write every figure, ratio, verdict and raw sample, plus the environment, to `path`."""
    document = {
        "environment": {
            "python": sys.version,
            "platform": platform.platform(),
            "openai": version("openai"),
            "httpx": version("httpx"),
        },
        "settings": settings,
        "results": [{**asdict(r), "ratio": r.ratio, "passed": r.passed, "target_text": r.target_text} for r in results],
        "failures": [asdict(f) for f in failures],
        "summary": summary(results, failures),
    }
    with open(path, "w") as file:
        json.dump(document, file, indent=2)
