"""Type introspection helpers: generic arguments, unions, annotated/list/sequence forms."""

from __future__ import annotations

import sys
from typing import Dict, List, Tuple, Union, Generic, TypeVar, Optional, Sequence, cast
from collections import abc

import pytest
import pydantic
from typing_extensions import Required, Annotated, TypeAliasType

from openai._utils import (
    is_list_type,
    is_union_type,
    extract_type_arg,
    is_sequence_type,
    is_annotated_type,
    is_type_alias_type,
    strip_annotated_type,
    extract_type_var_from_base,
)
from openai._utils._typing import is_union_type as is_union_type_direct

_T = TypeVar("_T")
_T2 = TypeVar("_T2")
_T3 = TypeVar("_T3")


class Base(Generic[_T]): ...


class Sub(Base[_T]): ...


class Fixed(Base[int]): ...


class FixedDeeper(Fixed): ...


class Multi(Generic[_T, _T2, _T3]): ...


class Reordered(Multi[_T2, _T, _T3]): ...


class Page(pydantic.BaseModel, Generic[_T]):
    data: List[_T]


class MyPage(Page[str]):
    pass


BASES = cast("Tuple[type, ...]", (Base,))


def test_extract_type_var_from_the_base_itself() -> None:
    assert extract_type_var_from_base(Base[int], index=0, generic_bases=BASES) is int


def test_extract_type_var_from_a_parametrised_subclass() -> None:
    assert extract_type_var_from_base(Sub[str], index=0, generic_bases=BASES) is str


def test_extract_type_var_fixed_in_the_bases() -> None:
    assert extract_type_var_from_base(Fixed, index=0, generic_bases=BASES) is int
    assert extract_type_var_from_base(FixedDeeper, index=0, generic_bases=BASES) is int


def test_extract_type_var_multiple_arguments() -> None:
    bases = cast("Tuple[type, ...]", (Multi,))
    assert extract_type_var_from_base(Multi[int, str, None], index=1, generic_bases=bases) is str
    assert extract_type_var_from_base(Multi[int, str, None], index=2, generic_bases=bases) is type(None)
    # a subclass's own parameters are what its subscription fills, in its own order
    assert extract_type_var_from_base(Reordered[int, str, None], index=0, generic_bases=bases) is int
    assert extract_type_var_from_base(Reordered[int, str, None], index=1, generic_bases=bases) is str


def test_extract_type_var_from_pydantic_generic_models() -> None:
    bases = cast("Tuple[type, ...]", (Page,))
    assert extract_type_var_from_base(Page[int], index=0, generic_bases=bases) is int
    assert extract_type_var_from_base(MyPage, index=0, generic_bases=bases) is str


def test_extract_type_var_failure() -> None:
    with pytest.raises(RuntimeError, match="to have a type argument at index 0 but it did not"):
        extract_type_var_from_base(Base, index=0, generic_bases=BASES)
    with pytest.raises(RuntimeError, match="Could not resolve inner type variable at index 0"):
        extract_type_var_from_base(int, index=0, generic_bases=BASES)
    with pytest.raises(RuntimeError, match="custom message"):
        extract_type_var_from_base(int, index=0, generic_bases=BASES, failure_message="custom message")


def test_extract_type_arg() -> None:
    assert extract_type_arg(List[int], 0) is int
    assert extract_type_arg(Dict[str, float], 1) is float
    with pytest.raises(RuntimeError, match="to have a type argument at index 1"):
        extract_type_arg(List[int], 1)


def test_is_union_type() -> None:
    assert is_union_type(Union[int, str])
    assert is_union_type(Optional[int])
    if sys.version_info >= (3, 10):
        assert is_union_type(int | str)
    assert not is_union_type(int)
    assert not is_union_type(List[int])
    assert is_union_type_direct is is_union_type


def test_annotated_and_container_predicates() -> None:
    assert is_annotated_type(Annotated[int, "meta"])
    assert not is_annotated_type(int)
    assert is_list_type(List[int]) and is_list_type(list) and is_list_type(list[int])
    assert not is_list_type(Sequence[int])
    assert is_sequence_type(Sequence[int]) and is_sequence_type(abc.Sequence[int])
    assert not is_sequence_type(List[int])


def test_strip_annotated_type() -> None:
    assert strip_annotated_type(Required[Annotated[int, "meta"]]) is int
    assert strip_annotated_type(Annotated[Required[str], "meta"]) is str
    assert strip_annotated_type(float) is float


IntOrStr = TypeAliasType("IntOrStr", Union[int, str])


def test_is_type_alias_type() -> None:
    assert is_type_alias_type(IntOrStr)
    assert not is_type_alias_type(Union[int, str])
