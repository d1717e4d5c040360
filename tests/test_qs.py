"""Query-string serialisation: array and object styles, booleans, dropped values, errors."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import pytest

from openai._qs import Querystring, stringify
from openai._types import omit


def flat(params: Any, **kwargs: Any) -> str:
    return unquote(stringify(params, **kwargs))


def test_empty_and_scalars() -> None:
    assert flat({}) == ""
    assert flat({"a": "b"}) == "a=b"
    assert flat({"a": 1, "b": 2.5}) == "a=1&b=2.5"
    assert flat({"a": True, "b": False}) == "a=true&b=false"


def test_none_empty_and_omitted_values_are_dropped() -> None:
    assert flat({"a": None, "b": "", "c": omit, "d": "x"}) == "d=x"
    assert flat({"a": {"b": None}}) == ""


def test_output_is_url_encoded() -> None:
    assert Querystring(array_format="brackets").stringify({"a": [1, 2]}) == "a%5B%5D=1&a%5B%5D=2"
    assert stringify({"q": "a b&c=d"}) == "q=a+b%26c%3Dd"


def test_nested_objects() -> None:
    assert flat({"a": {"b": "c"}}) == "a[b]=c"
    assert flat({"a": {"b": {"c": True}}}) == "a[b][c]=true"
    assert flat({"a": {"b": "c"}}, nested_format="dots") == "a.b=c"
    assert flat({"a": {"b": {"c": 1}}}, nested_format="dots") == "a.b.c=1"


def test_module_default_repeats_arrays() -> None:
    assert flat({"in": ["foo", "bar"]}) == "in=foo&in=bar"
    assert flat({"a": [True, False, None, 1]}) == "a=true&a=false&a=1"
    assert flat({"a": ("x", "y")}) == "a=x&a=y"


def test_brackets() -> None:
    qs = Querystring(array_format="brackets", nested_format="brackets")
    assert unquote(qs.stringify({"a": [1, 2]})) == "a[]=1&a[]=2"
    assert unquote(qs.stringify({"b": {"c": True}})) == "b[c]=true"
    assert unquote(qs.stringify({"a": [{"b": "c"}, {"b": "d"}]})) == "a[][b]=c&a[][b]=d"


def test_comma() -> None:
    assert flat({"a": [1, None, 2, True]}, array_format="comma") == "a=1,2,true"
    assert flat({"a": []}, array_format="comma") == ""


def test_indices() -> None:
    assert flat({"a": ["x", "y"]}, array_format="indices") == "a[0]=x&a[1]=y"
    assert flat({"a": [{"b": 1}]}, array_format="indices") == "a[0][b]=1"


def test_per_call_formats_override_the_instance() -> None:
    qs = Querystring(array_format="brackets")
    assert unquote(qs.stringify({"a": [1]}, array_format="repeat")) == "a=1"
    assert qs.array_format == "brackets"


def test_stringify_items_keeps_pairs_in_order() -> None:
    assert Querystring().stringify_items({"b": 1, "a": [2, 3]}) == [("b", "1"), ("a", "2"), ("a", "3")]


def test_unknown_array_format() -> None:
    with pytest.raises(NotImplementedError) as exc:
        stringify({"a": [1]}, array_format="foo")  # type: ignore[arg-type]
    assert str(exc.value) == "Unknown array_format value: foo, choose from comma, repeat, indices, brackets"


def test_parse() -> None:
    assert Querystring().parse("a=1&a=2&b=x") == {"a": ["1", "2"], "b": ["x"]}
