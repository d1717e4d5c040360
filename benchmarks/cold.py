# pyright: strict
"""Fresh-process scenarios: (a) import time and first completion, (e) peak RSS; SDK vs raw httpx.

Every run is a new interpreter executing `child.py`; the four kinds of child take turns so machine-load drift
hits all of them, and one uncounted round first warms the bytecode and file caches.
"""

from __future__ import annotations

import sys
import time
import statistics
import subprocess
from typing import Dict, List, Tuple
from pathlib import Path

from report import Result

_CHILD = str(Path(__file__).with_name("child.py"))
_KINDS = [("sdk", "first"), ("raw", "first"), ("sdk", "import"), ("raw", "import")]
_FIELDS = ["import_ms", "in_process_ms", "rss_mb", "process_ms"]


def _spawn(side: str, mode: str, base_url: str) -> Dict[str, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, _CHILD, side, mode, base_url], capture_output=True, text=True)
    process_s = time.perf_counter() - start
    if done.returncode != 0:
        last_line = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"{side} {mode} child failed: {last_line}")
    import_s, in_process_s, rss = (float(x) for x in done.stdout.split())
    return dict(zip(_FIELDS, (import_s * 1e3, in_process_s * 1e3, rss / 2**20, process_s * 1e3)))


def cold_start(base_url: str, *, runs: int) -> List[Result]:
    """Median over `runs` fresh processes of each kind."""
    samples: Dict[Tuple[str, str], Dict[str, List[float]]] = {kind: {f: [] for f in _FIELDS} for kind in _KINDS}
    for round_ in range(runs + 1):
        for kind in _KINDS:
            figures = _spawn(*kind, base_url)
            for name, value in figures.items():
                if round_:
                    samples[kind][name].append(value)

    def result(scenario: str, mode: str, name: str, unit: str, target: float | None = None) -> Result:
        sdk, raw = samples[("sdk", mode)][name], samples[("raw", mode)][name]
        figures = {"sdk": sdk, "raw": raw}
        return Result(scenario, unit, statistics.median(sdk), statistics.median(raw), target, samples=figures)

    return [
        result("cold import (openai vs httpx+pydantic)", "import", "import_ms", "ms", 1.25),
        result("cold import, whole process", "import", "process_ms", "ms"),
        result("cold first completion (import+client+call)", "first", "in_process_ms", "ms", 2.0),
        result("cold first completion, whole process", "first", "process_ms", "ms"),
        result("peak RSS after first completion", "first", "rss_mb", "MB", 1.4),
    ]
