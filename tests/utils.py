"""Test helpers: `assert_matches_type` checks a returned value against the type annotation it should satisfy."""

from __future__ import annotations

import types
import typing
import datetime
from typing import Any, Union, Sequence

import pydantic
import typing_extensions

_UNION_ORIGINS = (Union, getattr(types, "UnionType", Union))
_LITERAL_ORIGINS = (typing.Literal, typing_extensions.Literal)
_ANY_TYPES = (object, Any, typing_extensions.Any)
# Subclasses that do not count as their base here: a bool is no number, a datetime no date.
_EXCLUDED_SUBCLASSES: dict[type, type] = {int: bool, float: bool, datetime.date: datetime.datetime}


def assert_matches_type(type_: Any, value: object, *, path: Sequence[str | int]) -> None:
    """Raise `AssertionError` naming the first place (from `path`, e.g. `["response"]`) where `value` is not a `type_`.

    Models are checked field by field against their annotations; lists, dicts, unions, `Optional`, `Literal` and
    `Annotated` are followed; generic classes such as `Stream[Chunk]` need an instance of the class; `object`/`Any`
    accept anything. An `int` is accepted where a `float` is annotated, a `bool` is never accepted as a number.
    """
    where = _format_path(path)
    type_ = _unwrap(type_)
    origin = typing.get_origin(type_)

    if type_ in _ANY_TYPES:
        return
    if type_ is None or type_ is type(None):
        assert value is None, f"{where}: expected None, got {value!r}"
        return
    if origin in _UNION_ORIGINS:
        errors: list[str] = []
        for variant in typing.get_args(type_):
            try:
                assert_matches_type(variant, value, path=path)
                return
            except AssertionError as error:
                errors.append(str(error))
        raise AssertionError(f"{where}: {value!r} matches no member of {type_}:\n  " + "\n  ".join(errors))
    if origin in _LITERAL_ORIGINS:
        assert value in typing.get_args(type_), f"{where}: expected one of {typing.get_args(type_)}, got {value!r}"
        return
    if origin is list:
        assert isinstance(value, list), f"{where}: expected a list, got {value!r}"
        (item_type,) = typing.get_args(type_) or (Any,)
        for index, item in enumerate(typing.cast("list[object]", value)):
            assert_matches_type(item_type, item, path=[*path, index])
        return
    if origin is dict:
        assert isinstance(value, dict), f"{where}: expected a dict, got {value!r}"
        key_type, item_type = typing.get_args(type_) or (Any, Any)
        for key, item in typing.cast("dict[object, object]", value).items():
            assert_matches_type(key_type, key, path=[*path, f"<key {key!r}>"])
            assert_matches_type(item_type, item, path=[*path, str(key)])
        return
    if origin is not None:  # another generic class, e.g. Stream[ChatCompletionChunk]: the class is what we can check
        assert isinstance(value, origin), f"{where}: expected {type_}, got {value!r}"
        return
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        assert isinstance(value, type_), f"{where}: expected {type_.__name__}, got {value!r}"
        for name, annotation in _field_annotations(type_).items():
            assert_matches_type(annotation, getattr(value, name), path=[*path, name])
        return
    assert isinstance(type_, type), f"{where}: cannot check against {type_!r}"
    accepted = (float, int) if type_ is float else type_
    excluded = _EXCLUDED_SUBCLASSES.get(type_)
    assert isinstance(value, accepted) and not (excluded and isinstance(value, excluded)), (
        f"{where}: expected {type_.__name__}, got {value!r}"
    )


def _unwrap(type_: Any) -> Any:
    """Strips `Annotated[...]` and type aliases down to the type they stand for."""
    while True:
        origin = typing.get_origin(type_)
        if origin is typing_extensions.Annotated or origin is typing.Annotated:
            type_ = typing.get_args(type_)[0]
        elif isinstance(type_, typing_extensions.TypeAliasType):
            type_ = type_.__value__
        else:
            return type_


def _field_annotations(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    """The resolved annotation of every field of `model` (inherited ones included, generics substituted)."""
    fields = model.model_fields
    if any(isinstance(field.annotation, (str, typing.ForwardRef)) for field in fields.values()):
        model.model_rebuild()
        fields = model.model_fields
    return {name: field.annotation for name, field in fields.items()}


def _format_path(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "<value>"
