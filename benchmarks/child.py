# pyright: strict
"""The program each cold-start process runs: `child.py <sdk|raw> <import|first> <base_url>`.

Prints `<import_s> <total_s> <peak_rss_bytes>`: seconds spent in the imports, seconds from before the imports to
the first completion's content being read (0 for `import`), and the process's peak RSS. Nothing but `sys` and
`time` (both built in) is imported before the clock starts.
"""

import sys
import time

_ASK = "Explain in two sentences why the sky is blue."


def _sdk(mode: str, base_url: str) -> float:
    start = time.perf_counter()
    import openai

    imported = time.perf_counter()
    if mode == "first":
        client = openai.OpenAI(base_url=base_url, api_key="sk-benchmark")
        completion = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": _ASK}])
        assert completion.choices[0].message.content
    return imported - start


def _raw(mode: str, base_url: str) -> float:
    start = time.perf_counter()
    import httpx

    if mode == "import":
        import pydantic  # noqa: F401  # pyright: ignore[reportUnusedImport]  # what the SDK is built on

        return time.perf_counter() - start
    import json

    imported = time.perf_counter()
    client = httpx.Client(base_url=base_url, headers={"Authorization": "Bearer sk-benchmark"})
    messages = [{"role": "user", "content": _ASK}]
    response = client.post("/chat/completions", json={"model": "gpt-4o-mini", "messages": messages})
    assert json.loads(response.content)["choices"][0]["message"]["content"]
    return imported - start


def main() -> None:
    side, mode, base_url = sys.argv[1:4]
    start = time.perf_counter()
    import_s = (_sdk if side == "sdk" else _raw)(mode, base_url)
    total_s = time.perf_counter() - start if mode == "first" else 0.0

    print(import_s, total_s, _peak_rss())


def _peak_rss() -> int:
    """Peak RSS in bytes. On Linux `ru_maxrss` survives `exec` (it starts at the parent's RSS when forked), so the
    address space's own high-water mark, `VmHWM`, is read instead."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource

        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return maxrss if sys.platform == "darwin" else maxrss * 1024


if __name__ == "__main__":
    main()
