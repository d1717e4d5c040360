"""Pydantic and typing shims: one place that knows how to dump, copy, validate and introspect models.

Pydantic itself is imported inside the functions so that `import openai` does not pay for it.
"""

from __future__ import annotations

import sys
import typing
from typing import TYPE_CHECKING, Any, Dict, Type, Union, TypeVar, Optional
from functools import cached_property as cached_property

import typing_extensions
from typing_extensions import (
    Literal,
    TypeGuard,
    get_args as get_args,
    get_origin as get_origin,
    is_typeddict as is_typeddict,
)

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic.fields import FieldInfo

    from ._types import IncEx

__all__ = [
    "PYDANTIC_V1",
    "cached_property",
    "field_get_default",
    "field_is_required",
    "field_outer_type",
    "get_args",
    "get_model_config",
    "get_model_fields",
    "get_origin",
    "is_literal_type",
    "is_pydantic_model",
    "is_typeddict",
    "is_union",
    "model_copy",
    "model_dump",
    "model_json",
    "model_json_schema",
    "model_parse",
    "model_parse_json",
    "parse_obj",
]

_ModelT = TypeVar("_ModelT", bound="BaseModel")

# Only pydantic v2 is supported (see pyproject.toml); the flag stays for code written against both.
PYDANTIC_V1 = False

if sys.version_info >= (3, 10):
    from types import UnionType

    _UNIONS: tuple[object, ...] = (Union, UnionType)
else:
    _UNIONS: tuple[object, ...] = (Union,)

_LITERALS = (typing.Literal, typing_extensions.Literal)


def is_union(tp: object) -> bool:
    """Whether `tp` is `typing.Union` (or `types.UnionType`) itself, i.e. an origin returned by `get_origin`."""
    return tp in _UNIONS


def is_literal_type(tp: object) -> bool:
    return get_origin(tp) in _LITERALS


def is_pydantic_model(obj: object) -> TypeGuard[BaseModel]:
    """Whether `obj` is a pydantic model instance, without importing pydantic when no model can exist yet."""
    main = sys.modules.get("pydantic.main")
    return main is not None and isinstance(obj, main.BaseModel)


def field_is_required(field: FieldInfo) -> bool:
    return field.is_required()


def field_get_default(field: FieldInfo) -> Any:
    from pydantic_core import PydanticUndefined

    value = field.get_default()
    return None if value is PydanticUndefined else value


def field_outer_type(field: FieldInfo) -> Any:
    return field.annotation


def get_model_config(model: Type[BaseModel]) -> Any:
    return model.model_config


def get_model_fields(model: Type[BaseModel]) -> Dict[str, FieldInfo]:
    return model.model_fields


def model_copy(model: _ModelT, *, deep: bool = False) -> _ModelT:
    return model.model_copy(deep=deep)


def model_json(model: BaseModel, *, indent: Optional[int] = None) -> str:
    return model.model_dump_json(indent=indent)


def model_dump(
    model: BaseModel,
    *,
    exclude: IncEx | None = None,
    exclude_unset: bool = False,
    exclude_defaults: bool = False,
    warnings: bool = True,
    mode: Literal["json", "python"] = "python",
    by_alias: bool | None = None,
) -> Dict[str, Any]:
    if by_alias is None:  # pydantic < 2.11 does not accept `by_alias=None`
        return model.model_dump(
            mode=mode,
            exclude=exclude,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            warnings=warnings,
        )
    return model.model_dump(
        mode=mode,
        exclude=exclude,
        exclude_unset=exclude_unset,
        exclude_defaults=exclude_defaults,
        warnings=warnings,
        by_alias=by_alias,
    )


def model_parse(model: Type[_ModelT], data: Any) -> _ModelT:
    return model.model_validate(data)


parse_obj = model_parse


def model_parse_json(model: Type[_ModelT], data: Union[str, bytes]) -> _ModelT:
    return model.model_validate_json(data)


def model_json_schema(model: Type[BaseModel]) -> Dict[str, Any]:
    return model.model_json_schema()
