"""The small helpers of `openai._utils`: sentinels, predicates, headers, coercion, async helpers, reflection."""

from __future__ import annotations

import threading
from typing import Any, Dict, Iterator, Optional, AsyncIterator
from pathlib import Path
from datetime import date, datetime

import httpx
import pytest

from openai._types import NotGiven, omit, not_given
from openai._utils import (
    quote,
    flatten,
    is_dict,
    is_list,
    asyncify,
    is_given,
    json_safe,
    lru_cache,
    human_join,
    is_mapping,
    coerce_float,
    removeprefix,
    removesuffix,
    coerce_boolean,
    coerce_integer,
    file_from_path,
    strip_not_given,
    get_async_library,
    get_required_header,
    maybe_coerce_boolean,
    maybe_coerce_integer,
    consume_sync_iterator,
    function_has_argument,
    consume_async_iterator,
    assert_signatures_in_sync,
)


def test_is_given() -> None:
    assert not is_given(not_given)
    assert not is_given(NotGiven())
    assert not is_given(omit)
    assert is_given(None)
    assert is_given(0)
    assert is_given("")


def test_strip_not_given() -> None:
    assert strip_not_given({"a": 1, "b": not_given, "c": omit, "d": None}) == {"a": 1, "d": None}
    assert strip_not_given(None) is None
    assert strip_not_given("x") == "x"


def test_predicates() -> None:
    assert is_dict({}) and not is_dict([])
    assert is_list([]) and not is_list(())
    assert is_mapping(httpx.Headers()) and not is_mapping([])


def test_flatten_and_joins() -> None:
    assert flatten([[1, 2], [], [3]]) == [1, 2, 3]
    assert human_join([]) == ""
    assert human_join(["a"]) == "a"
    assert human_join(["a", "b"]) == "a or b"
    assert human_join(["a", "b", "c"], final="and") == "a, b and c"
    assert quote("x") == "'x'"


def test_prefix_and_suffix() -> None:
    assert removeprefix("whsec_abc", "whsec_") == "abc"
    assert removeprefix("abc", "whsec_") == "abc"
    assert removesuffix("file.txt", ".txt") == "file"
    assert removesuffix("file", "") == "file"


def test_coercion() -> None:
    assert coerce_integer("42") == 42
    assert coerce_float("1.5") == 1.5
    assert [coerce_boolean(v) for v in ("true", "1", "on", "false", "0", "True")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert maybe_coerce_integer(None) is None
    assert maybe_coerce_boolean("on") is True
    with pytest.raises(ValueError):
        coerce_integer("4.2")


class HeadersObject:
    def __init__(self, values: Dict[str, str]) -> None:
        self.values = values

    def get(self, key: str) -> Optional[str]:
        return self.values.get(key)


def test_get_required_header() -> None:
    assert get_required_header({"Webhook-Id": "1"}, "webhook-id") == "1"
    assert get_required_header(httpx.Headers({"webhook-id": "2"}), "Webhook-ID") == "2"
    assert get_required_header(HeadersObject({"Webhook-Timestamp": "3"}), "webhook-timestamp") == "3"
    assert get_required_header(HeadersObject({"webhook-id": "4"}), "webhook-id") == "4"
    with pytest.raises(ValueError, match="^Could not find webhook-signature header$"):
        get_required_header({"other": "x"}, "webhook-signature")
    with pytest.raises(ValueError, match="^Could not find webhook-signature header$"):
        get_required_header(HeadersObject({}), "webhook-signature")


def test_json_safe() -> None:
    data = {"when": datetime(2024, 1, 2, 3, 4), "days": (date(2024, 1, 2),), "raw": b"x", "n": 1}
    assert json_safe(data) == {"when": "2024-01-02T03:04:00", "days": ["2024-01-02"], "raw": b"x", "n": 1}


def test_file_from_path(tmp_path: Path) -> None:
    path = tmp_path / "speech.mp3"
    path.write_bytes(b"ID3")
    assert file_from_path(str(path)) == ("speech.mp3", b"ID3")


def test_lru_cache() -> None:
    calls = []

    @lru_cache(maxsize=4)
    def double(x: int) -> int:
        calls.append(x)
        return x * 2

    assert double(2) == 4 and double(2) == 4
    assert calls == [2]


def test_get_async_library_outside_async_code() -> None:
    assert get_async_library() == "false"


async def test_get_async_library_in_asyncio() -> None:
    assert get_async_library() == "asyncio"


def test_get_async_library_in_trio() -> None:
    import trio

    async def main() -> str:
        return get_async_library()

    assert trio.run(main) == "trio"


async def test_asyncify_runs_in_a_worker_thread() -> None:
    def work(a: int, *, b: int) -> Any:
        return a + b, threading.current_thread()

    result, thread = await asyncify(work)(1, b=2)
    assert result == 3
    assert thread is not threading.current_thread()


def test_asyncify_under_trio() -> None:
    import trio

    async def main() -> int:
        return await asyncify(lambda: 7)()

    assert trio.run(main) == 7


async def test_consume_iterators() -> None:
    seen = []

    def sync_gen() -> Iterator[int]:
        for i in range(3):
            seen.append(i)
            yield i

    async def async_gen() -> AsyncIterator[int]:
        for i in range(3, 5):
            seen.append(i)
            yield i

    consume_sync_iterator(sync_gen())
    await consume_async_iterator(async_gen())
    assert seen == [0, 1, 2, 3, 4]


def source(a: int, *, b: str, c: Optional[float] = None) -> None: ...
def same(a: int, *, b: str, c: Optional[float] = None, extra: bool = False) -> None: ...
def differs(a: int, *, b: int) -> None: ...


def test_assert_signatures_in_sync() -> None:
    assert_signatures_in_sync(source, same)
    assert_signatures_in_sync(source, differs, exclude_params={"b", "c"})
    with pytest.raises(AssertionError) as exc:
        assert_signatures_in_sync(source, differs)
    message = str(exc.value)
    assert "2 place(s)" in message
    assert "the `c` param is missing" in message
    assert "types for the `b` param do not match" in message


def test_function_has_argument() -> None:
    assert function_has_argument(source, "c")
    assert not function_has_argument(source, "d")
