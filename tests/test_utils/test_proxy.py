"""`LazyProxy`: forwarding to the loaded object, and proxies that load themselves or fail to load."""

from __future__ import annotations

import operator
from typing import Any, List

from typing_extensions import override

from openai._utils import LazyProxy


class ListProxy(LazyProxy[List[int]]):
    def __init__(self) -> None:
        self.loads = 0

    @override
    def __load__(self) -> List[int]:
        self.loads += 1
        return [1, 2, 3]


def test_forwards_to_the_loaded_object() -> None:
    proxy = ListProxy()
    assert proxy.loads == 0
    assert repr(proxy) == "[1, 2, 3]"
    assert str(proxy) == "[1, 2, 3]"
    assert proxy.count(2) == 1  # type: ignore[attr-defined]
    assert isinstance(proxy, list)
    assert "append" in dir(proxy)
    assert proxy.__as_proxied__() is proxy


class RecursiveLazyProxy(LazyProxy[Any]):
    @override
    def __load__(self) -> Any:
        return self

    def __call__(self, *_args: Any, **_kwds: Any) -> Any:
        raise RuntimeError("called")


def test_a_proxy_loading_itself_answers_for_itself() -> None:
    proxy = RecursiveLazyProxy()
    assert repr(proxy) == "RecursiveLazyProxy"
    assert str(proxy) == "RecursiveLazyProxy"
    assert dir(proxy) == []
    assert type(proxy).__name__ == "RecursiveLazyProxy"
    assert type(operator.attrgetter("name.foo.bar.baz")(proxy)).__name__ == "RecursiveLazyProxy"


def test_isinstance_does_not_raise_when_loading_fails() -> None:
    class Failing(LazyProxy[Any]):
        @override
        def __load__(self) -> Any:
            raise RuntimeError("missing dependency")

    proxy = Failing()
    assert not isinstance(proxy, dict)
    assert isinstance(proxy, LazyProxy)
