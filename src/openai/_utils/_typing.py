"""Introspection of type annotations: unions, `Annotated`, list/sequence/iterable forms, generic arguments."""

from __future__ import annotations

import sys
import typing
import collections.abc
from typing import Any, Tuple, Union, TypeVar, cast

import typing_extensions
from typing_extensions import Required, Annotated, NotRequired, TypeAliasType, get_args, get_origin

if sys.version_info >= (3, 10):
    from types import UnionType

    _UNION_ORIGINS: Tuple[object, ...] = (Union, UnionType)
else:
    _UNION_ORIGINS: Tuple[object, ...] = (Union,)

if sys.version_info >= (3, 12):
    _TYPE_ALIAS_TYPES: Tuple[type, ...] = (typing.TypeAliasType, TypeAliasType)
else:
    _TYPE_ALIAS_TYPES: Tuple[type, ...] = (TypeAliasType,)

_REQUIRED_ORIGINS = (Required, NotRequired, typing_extensions.ReadOnly)
_SEQUENCE_ORIGINS = (typing.Sequence, collections.abc.Sequence)


def is_annotated_type(typ: object) -> bool:
    return get_origin(typ) is Annotated


def is_list_type(typ: object) -> bool:
    return (get_origin(typ) or typ) is list


def is_sequence_type(typ: object) -> bool:
    return (get_origin(typ) or typ) in _SEQUENCE_ORIGINS


def is_iterable_type(typ: object) -> bool:
    return (get_origin(typ) or typ) is collections.abc.Iterable


def is_union_type(typ: object) -> bool:
    return get_origin(typ) in _UNION_ORIGINS


def is_required_type(typ: object) -> bool:
    return get_origin(typ) in _REQUIRED_ORIGINS


def is_typevar(typ: object) -> bool:
    return isinstance(typ, TypeVar)


def is_type_alias_type(typ: object) -> bool:
    """Whether `typ` is a `type X = ...` alias (PEP 695, or its `typing_extensions` backport)."""
    return isinstance(typ, _TYPE_ALIAS_TYPES)


def strip_annotated_type(typ: object) -> object:
    """`Required[Annotated[T, ...]]` and friends -> `T`."""
    while is_required_type(typ) or is_annotated_type(typ):
        typ = get_args(typ)[0]
    return typ


def extract_type_arg(typ: object, index: int) -> Any:
    args = get_args(typ)
    try:
        return args[index]
    except IndexError as err:
        raise RuntimeError(f"Expected type {typ} to have a type argument at index {index} but it did not") from err


def extract_type_var_from_base(
    typ: object,
    *,
    generic_bases: Tuple[type, ...],
    index: int,
    failure_message: str | None = None,
) -> Any:
    """The type argument at `index` given to one of `generic_bases` by `typ`.

    `typ` may be the base itself (`Stream[Chunk]`), a parametrised subclass (`MyStream[Chunk]`) or a
    class that fixes the argument in its bases (`class ChunkStream(Stream[Chunk])`). Pydantic generic
    models (`Page[Item]`, which pydantic turns into real subclasses) are supported too.
    """
    cls = cast(object, get_origin(typ) or typ)
    if isinstance(cls, type):
        if get_args(typ) and issubclass(cls, generic_bases):
            return extract_type_arg(typ, index)
        if cls in generic_bases and failure_message is None:
            return extract_type_arg(typ, index)  # a bare base: "Expected type <base> to have a type argument ..."

        for klass in cls.__mro__:
            # pydantic turns `Model[Arg]` into a real subclass that records what it was made from
            metadata = cast("dict[str, Any] | None", klass.__dict__.get("__pydantic_generic_metadata__"))
            if metadata and isinstance(metadata["origin"], type) and issubclass(metadata["origin"], generic_bases):
                return metadata["args"][index]
            for base in cast(Tuple[object, ...], klass.__dict__.get("__orig_bases__", ())):
                base_origin = get_origin(base)
                if isinstance(base_origin, type) and issubclass(base_origin, generic_bases):
                    arg = extract_type_arg(base, index)
                    if not is_typevar(arg):
                        return arg

    raise RuntimeError(failure_message or f"Could not resolve inner type variable at index {index} for {typ}")
