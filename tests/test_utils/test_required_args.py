"""`required_args`: call-time checks of overloaded functions' required-argument sets, with exact messages."""

from __future__ import annotations

from typing import Optional

import pytest

from openai._utils import required_args


def test_too_many_positional_params() -> None:
    @required_args(["a"])
    def foo(a: Optional[str] = None) -> Optional[str]:
        return a

    with pytest.raises(TypeError, match=r"^foo\(\) takes 1 argument\(s\) but 2 were given$"):
        foo("a", "b")  # type: ignore[call-arg]


def test_positional_param_counts_as_given() -> None:
    @required_args(["a"])
    def foo(a: Optional[str] = None) -> Optional[str]:
        return a

    assert foo("a") == "a"
    assert foo(None) is None
    assert foo(a="b") == "b"
    with pytest.raises(TypeError, match=r"^Missing required argument: 'a'$"):
        foo()


def test_methods_count_self() -> None:
    class Resource:
        @required_args(["model"])
        def create(self, *, model: Optional[str] = None) -> Optional[str]:
            return model

    assert Resource().create(model="m") == "m"
    with pytest.raises(TypeError, match=r"^Missing required argument: 'model'$"):
        Resource().create()


def test_several_missing_of_one_variant() -> None:
    @required_args(["a", "b", "c"])
    def foo(*, a: str = "", b: str = "", c: str = "") -> str:
        return f"{a} {b} {c}"

    assert foo(a="a", b="b", c="c") == "a b c"
    with pytest.raises(TypeError, match=r"^Missing required arguments: 'a', 'b', 'c'$"):
        foo()
    with pytest.raises(TypeError, match=r"^Missing required arguments: 'b', 'c'$"):
        foo(a="a")
    with pytest.raises(TypeError, match=r"^Missing required argument: 'c'$"):
        foo(a="a", b="b")


def test_multiple_variants() -> None:
    @required_args(["messages", "model"], ["messages", "model", "stream"])
    def create(*, messages: object = None, model: object = None, stream: object = None) -> str:
        return "ok"

    assert create(messages=[], model="m") == "ok"
    assert create(messages=[], model="m", stream=True) == "ok"
    with pytest.raises(TypeError) as exc:
        create(messages=[])
    assert str(exc.value) == (
        "Missing required arguments; Expected either ('messages' and 'model') or ('messages', 'model' and 'stream') "
        "arguments to be given"
    )


def test_three_variants_message() -> None:
    @required_args(["a"], ["b"], ["c", "d"])
    def foo(*, a: object = None, b: object = None, c: object = None, d: object = None) -> str:
        return "ok"

    assert foo(b=1) == "ok"
    assert foo(c=1, d=None) == "ok"
    with pytest.raises(TypeError) as exc:
        foo(c=1)
    assert (
        str(exc.value)
        == "Missing required arguments; Expected either ('a'), ('b') or ('c' and 'd') arguments to be given"
    )


def test_wrapper_keeps_the_function_metadata() -> None:
    @required_args(["a"])
    def documented(*, a: int = 0) -> int:
        """Docs."""
        return a

    assert documented.__name__ == "documented"
    assert documented.__doc__ == "Docs."
