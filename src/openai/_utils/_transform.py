"""Request-parameter transformation: user data -> what is sent, driven by the params' TypedDict annotations.

`transform(data, ParamsType)` drops `omit`/`not_given` values, turns iterables into lists and pydantic models
into dicts, renames keys that carry `PropertyInfo(alias=...)` and formats values that carry
`PropertyInfo(format=...)`. What a type needs is worked out once per type: most parameter types have no
alias or format anywhere, and their data is cleaned by one cheap generic walk.
"""

from __future__ import annotations

import io
import os
import base64
import pathlib
import threading
from typing import Any, Dict, List, Tuple, Union, Mapping, TypeVar, Callable, Iterable, Optional, Sequence, cast
from datetime import date
from functools import cache
from collections import abc

from typing_extensions import Literal, get_args, override, get_origin, is_typeddict, get_type_hints

from ._sync import to_thread
from .._types import Omit, NotGiven, SequenceNotStr
from ._typing import is_union_type, is_required_type, is_annotated_type, is_type_alias_type
from .._compat import model_dump, is_pydantic_model

_T = TypeVar("_T")
_Transform = Callable[[object], object]

PropertyFormat = Literal["iso8601", "base64", "custom"]


class PropertyInfo:
    """Metadata for `Annotated[...]` params and model fields.

    `alias`: the name sent on the wire; `format` (+ `format_template` for `"custom"`, a `strftime`
    pattern): how a `date`/`datetime` or file value is serialised; `discriminator`: the field that tells
    apart the members of a union (used when parsing responses).
    """

    alias: Optional[str]
    format: Optional[PropertyFormat]
    format_template: Optional[str]
    discriminator: Optional[str]

    def __init__(
        self,
        *,
        alias: Optional[str] = None,
        format: Optional[PropertyFormat] = None,
        format_template: Optional[str] = None,
        discriminator: Optional[str] = None,
    ) -> None:
        self.alias = alias
        self.format = format
        self.format_template = format_template
        self.discriminator = discriminator

    @override
    def __repr__(self) -> str:
        return (
            f"{self.__class__.__name__}(alias={self.alias!r}, format={self.format!r}, "
            f"format_template={self.format_template!r}, discriminator={self.discriminator!r})"
        )

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        """Hand a union's discriminator to pydantic, so validation picks the variant by its tag in one step."""
        if self.discriminator is None:
            return handler(source)
        import pydantic

        try:
            return pydantic.Discriminator(self.discriminator).__get_pydantic_core_schema__(source, handler)
        except pydantic.PydanticUserError:
            # a variant without the tag field (or a non-union): validate the union member by member
            return handler(source)


def maybe_transform(data: object, expected_type: object) -> Any | None:
    """`transform` that lets `None` through."""
    if data is None:
        return None
    return transform(data, expected_type)


def clean_params(data: object) -> Any | None:
    """`maybe_transform` for params whose type has no alias or format anywhere (what the generator emits for them):
    drops omitted values, turns iterables into lists and pydantic models into dicts, without the params type."""
    if data is None:
        return None
    return _clean(data)


def transform(data: _T, expected_type: object) -> _T:
    """Turn `data` into what is sent for a value of type `expected_type`.

    ```py
    class Params(TypedDict, total=False):
        card_id: Required[Annotated[str, PropertyInfo(alias="cardID")]]

    transform({"card_id": "<my card ID>"}, Params)  # {"cardID": "<my card ID>"}
    ```

    Data that does not match its annotation is left as it is: nothing is validated here.
    """
    return cast(_T, _plan(expected_type)(data))


async def async_maybe_transform(data: object, expected_type: object) -> Any | None:
    if data is None:
        return None
    return await async_transform(data, expected_type)


async def async_transform(data: _T, expected_type: object) -> _T:
    """`transform`, reading files for `format="base64"` values in a worker thread."""
    plan = _plan(expected_type)
    if _reads_files(expected_type):
        return cast(_T, await to_thread(plan, data))
    return cast(_T, plan(data))


# --- the generic walk ----------------------------------------------------------------------------------

_SCALARS = frozenset({str, int, float, bool, type(None)})
# exact types, checked with a set lookup on the hot path
_OMITTED = frozenset({NotGiven, Omit})
# values that are sent as they are although some of them are iterable
_ATOMS = (str, bytes, bytearray, memoryview, int, float, date, io.IOBase, os.PathLike)


def _clean(data: Any) -> object:
    """Drop omitted values from dicts, turn other iterables into lists and pydantic models into dicts, anywhere in `data`.

    Dicts and lists in which there is nothing to change are returned as they are, not copied.
    """
    # `data` is `Any` so that this hot path carries no `cast()` calls
    kind = type(data)  # pyright: ignore[reportUnknownVariableType]
    if kind in _SCALARS:
        return data
    if kind is dict:
        for value in data.values():
            if type(value) not in _SCALARS:
                return _clean_mapping(data)
        return data
    if kind is list:
        copied: Optional[List[object]] = None
        for index, item in enumerate(data):
            if type(item) not in _SCALARS:
                cleaned = _clean(item)
                if cleaned is not item:
                    if copied is None:
                        copied = list(data)
                    copied[index] = cleaned
        return data if copied is None else copied
    return _clean_other(data)


def _clean_other(data: object) -> object:
    if isinstance(data, Mapping):
        return _clean_mapping(cast("Mapping[str, object]", data))
    if is_pydantic_model(data):
        return model_dump(
            data, exclude_unset=True, mode="json", by_alias=True, exclude=getattr(data, "__api_exclude__", None)
        )
    if isinstance(data, _ATOMS) or not isinstance(data, Iterable):
        return cast(object, data)
    return [_clean(item) for item in cast("Iterable[object]", data)]


def _clean_mapping(data: Mapping[str, object]) -> Dict[str, object]:
    return {
        key: value if type(value) in _SCALARS else _clean(value)
        for key, value in data.items()
        if type(value) not in _OMITTED
    }


# --- plans: per-type transformations, built once -----------------------------------------------------------
#
# `_compile(type, format)` returns a function transforming data of that type, or None when the generic
# walk `_clean` already does all there is to do (no alias or format can occur anywhere inside the type).

_compile_lock = threading.RLock()
# TypedDict -> its transform, or None when it needs none; entries can be in-progress placeholders while
# a (recursive) TypedDict is being compiled, which is why compiling holds `_compile_lock`.
_typeddicts: Dict[type, Optional[_TypedDictTransform]] = {}


@cache
def _type_hints(typeddict: type) -> Dict[str, Any]:
    return get_type_hints(typeddict, include_extras=True)


@cache
def _plan(expected_type: object) -> _Transform:
    with _compile_lock:
        known = set(_typeddicts)
        try:
            return _compile(expected_type, None) or _clean
        except BaseException:
            # forget half-built TypedDict transforms
            for typeddict in set(_typeddicts) - known:
                del _typeddicts[typeddict]
            raise


def _compile(annotation: object, fmt: Optional[PropertyInfo]) -> Optional[_Transform]:
    typ, fmt = _unwrap(annotation, fmt)
    if is_typeddict(typ):
        return _compile_typeddict(cast(type, typ))

    args = get_args(typ)
    if is_union_type(typ):
        return _compile_union(args, fmt)

    origin = get_origin(typ) or typ
    if origin in _ITEMS_CHECKS:
        item = _compile(args[0] if args else object, fmt)
        return None if item is None else _items_transform(item, _ITEMS_CHECKS[origin], _leaf(fmt))
    if origin in _MAPPING_ORIGINS:
        value = _compile(args[1] if len(args) == 2 else object, fmt)
        return None if value is None else _mapping_transform(value, _leaf(fmt))
    return None if fmt is None else _leaf(fmt)


def _unwrap(annotation: object, fmt: Optional[PropertyInfo]) -> Tuple[object, Optional[PropertyInfo]]:
    """Strip `Required`/`NotRequired`/`Annotated`/type aliases, picking up the format an `Annotated` gives."""
    typ = annotation
    while True:
        if is_required_type(typ):
            typ = get_args(typ)[0]
        elif is_annotated_type(typ):
            typ, *metadata = get_args(typ)
            for info in metadata:
                if isinstance(info, PropertyInfo) and info.format is not None:
                    fmt = info
        elif is_type_alias_type(typ):
            typ = cast(Any, typ).__value__
        else:
            return typ, fmt


def _field_alias(annotation: object) -> Optional[str]:
    while is_required_type(annotation):
        annotation = get_args(annotation)[0]
    if is_annotated_type(annotation):
        for info in get_args(annotation)[1:]:
            if isinstance(info, PropertyInfo) and info.alias is not None:
                return info.alias
    return None


class _TypedDictTransform:
    __slots__ = ("fields",)

    def __init__(self) -> None:
        # key -> (key sent, transform of the value); unknown keys are passed through untouched
        self.fields: Dict[str, Tuple[str, _Transform]] = {}

    def __call__(self, data: object) -> object:
        if not isinstance(data, Mapping):
            return _clean(data)
        fields = self.fields
        result: Dict[str, object] = {}
        for key, value in cast("Mapping[str, object]", data).items():
            if type(value) in _OMITTED:
                continue
            field = fields.get(key)
            if field is None:
                result[key] = value
            else:
                result[field[0]] = field[1](value)
        return result


def _compile_typeddict(typeddict: type) -> Optional[_TypedDictTransform]:
    if typeddict in _typeddicts:
        return _typeddicts[typeddict]
    # Registered before compiling the fields so that recursive references find it. A TypedDict that
    # refers to itself therefore always counts as needing work: conservative, and its placeholder,
    # once handed out, is always the transform that gets filled in below.
    transform = _typeddicts[typeddict] = _TypedDictTransform()
    fields: Dict[str, Tuple[str, _Transform]] = {}
    needs_work = False
    for key, annotation in _type_hints(typeddict).items():
        alias = _field_alias(annotation)
        value = _compile(annotation, None)
        needs_work = needs_work or alias is not None or value is not None
        fields[key] = (alias or key, value or _clean)
    if not needs_work:
        _typeddicts[typeddict] = None
        return None
    transform.fields = fields
    return transform


def _compile_union(members: Sequence[object], fmt: Optional[PropertyInfo]) -> Optional[_Transform]:
    # Every member's transform is applied in turn, so that e.g. the aliases of each TypedDict member apply.
    transforms: List[_Transform] = []
    has_plain_member = False
    for member in members:
        if member is type(None):
            continue
        member_transform = _compile(member, fmt)
        if member_transform is None:
            has_plain_member = True
        elif member_transform not in transforms:
            transforms.append(member_transform)
    if not transforms:
        return None
    if has_plain_member:
        transforms.insert(0, _clean)
    if len(transforms) == 1:
        return transforms[0]

    def transform_union(data: object) -> object:
        for member_transform in transforms:
            data = member_transform(data)
        return data

    return transform_union


def _is_list(data: object) -> bool:
    return isinstance(data, list)


def _is_sequence(data: object) -> bool:
    return isinstance(data, Sequence) and not isinstance(data, (str, bytes, bytearray))


def _is_iterable(data: object) -> bool:
    # a dict iterates over its keys, which is never what an `Iterable[...]` parameter means
    return not (isinstance(data, (str, bytes, bytearray, Mapping)) or is_pydantic_model(data)) and isinstance(
        data, Iterable
    )


# keyed by `get_origin()` of the annotation (`typing.Sequence[X]` -> `collections.abc.Sequence`)
_ITEMS_CHECKS: Dict[object, Callable[[object], bool]] = {
    list: _is_list,
    abc.Sequence: _is_sequence,
    SequenceNotStr: _is_sequence,
    abc.Iterable: _is_iterable,
}
_MAPPING_ORIGINS = (dict, abc.Mapping)


def _items_transform(item: _Transform, accepts: Callable[[object], bool], fallback: _Transform) -> _Transform:
    def transform_items(data: object) -> object:
        if accepts(data):
            return [item(entry) for entry in cast("Iterable[object]", data)]
        return fallback(data)

    return transform_items


def _mapping_transform(value: _Transform, fallback: _Transform) -> _Transform:
    def transform_mapping(data: object) -> object:
        if isinstance(data, Mapping):
            return {
                key: value(entry)
                for key, entry in cast("Mapping[str, object]", data).items()
                if type(entry) not in _OMITTED
            }
        return fallback(data)

    return transform_mapping


@cache
def _leaf(fmt: Optional[PropertyInfo]) -> _Transform:
    """The transform of a value that is not a container: `_clean`, then the format if one applies."""
    if fmt is None:
        return _clean
    info = fmt

    def format_value(data: object) -> object:
        if isinstance(data, date):
            if info.format == "iso8601":
                return data.isoformat()
            if info.format == "custom" and info.format_template is not None:
                return data.strftime(info.format_template)
        elif info.format == "base64" and isinstance(data, (io.IOBase, os.PathLike)):
            return _base64(cast("io.IOBase | os.PathLike[str]", data))
        return _clean(data)

    return format_value


def _base64(source: Union[io.IOBase, os.PathLike[str]]) -> str:
    if isinstance(source, os.PathLike):
        binary: object = pathlib.Path(source).read_bytes()
    else:
        binary = source.read()
        if isinstance(binary, str):
            binary = binary.encode()
    if not isinstance(binary, (bytes, bytearray)):
        raise RuntimeError(f"Could not read bytes from {source}; Received {type(binary)}")
    return base64.b64encode(binary).decode("ascii")


@cache
def _reads_files(expected_type: object) -> bool:
    """Whether a `format="base64"` property, whose files get read, can occur anywhere inside `expected_type`."""
    seen: set[int] = set()
    pending: List[object] = [expected_type]
    while pending:
        typ = pending.pop()
        if id(typ) in seen:
            continue
        seen.add(id(typ))
        args = get_args(typ)
        if is_annotated_type(typ) and any(isinstance(i, PropertyInfo) and i.format == "base64" for i in args[1:]):
            return True
        pending.extend(args)
        if is_typeddict(typ):
            pending.extend(_type_hints(cast(type, typ)).values())
        elif is_type_alias_type(typ):
            pending.append(cast(Any, typ).__value__)
    return False
