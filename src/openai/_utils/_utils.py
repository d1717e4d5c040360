"""Small helpers: type predicates, `required_args`, `extract_files`, header lookup, coercion, async library sniffing."""

from __future__ import annotations

import os
import re
import inspect
import functools
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    List,
    Tuple,
    Mapping,
    TypeVar,
    Callable,
    Iterable,
    Optional,
    Sequence,
    cast,
)
from pathlib import Path
from datetime import date

from typing_extensions import TypeGuard

from .._files import deepcopy_with_paths, assert_is_file_content
from .._types import Omit, NotGiven, FileTypes, HeadersLike

if TYPE_CHECKING:
    from ..lib.azure import AzureOpenAI, AsyncAzureOpenAI

_T = TypeVar("_T")
_CallableT = TypeVar("_CallableT", bound=Callable[..., Any])
_TupleT = TypeVar("_TupleT", bound=Tuple[object, ...])
_MappingT = TypeVar("_MappingT", bound=Mapping[str, object])
_SequenceT = TypeVar("_SequenceT", bound=Sequence[object])


def flatten(t: Iterable[Iterable[_T]]) -> List[_T]:
    return [item for sublist in t for item in sublist]


# --- sentinels ---------------------------------------------------------------------------------------


def is_given(obj: _T | NotGiven | Omit) -> TypeGuard[_T]:
    """False for `not_given`/`NOT_GIVEN` and `omit`, True for anything else (`None` included)."""
    return not isinstance(obj, (NotGiven, Omit))


def strip_not_given(obj: _T) -> _T:
    """A copy of a mapping without its `NotGiven`/`Omit` values; anything else is returned as is."""
    if not isinstance(obj, Mapping):
        return obj
    return cast(_T, {key: value for key, value in cast(Mapping[str, object], obj).items() if is_given(value)})


# --- predicates ----------------------------------------------------------------------------------------
# The `_t` variants keep the element types of the argument instead of widening them to `object`.


def is_dict(obj: object) -> TypeGuard[Dict[object, object]]:
    return isinstance(obj, dict)


def is_list(obj: object) -> TypeGuard[List[object]]:
    return isinstance(obj, list)


def is_tuple(obj: object) -> TypeGuard[Tuple[object, ...]]:
    return isinstance(obj, tuple)


def is_tuple_t(obj: _TupleT | object) -> TypeGuard[_TupleT]:
    return isinstance(obj, tuple)


def is_mapping(obj: object) -> TypeGuard[Mapping[str, object]]:
    return isinstance(obj, Mapping)


def is_mapping_t(obj: _MappingT | object) -> TypeGuard[_MappingT]:
    return isinstance(obj, Mapping)


def is_sequence(obj: object) -> TypeGuard[Sequence[object]]:
    return isinstance(obj, Sequence)


def is_sequence_t(obj: _SequenceT | object) -> TypeGuard[_SequenceT]:
    return isinstance(obj, Sequence)


def is_iterable(obj: object) -> TypeGuard[Iterable[object]]:
    return isinstance(obj, Iterable)


# --- files ---------------------------------------------------------------------------------------------


def extract_files(
    query: Mapping[str, object],
    *,
    paths: Sequence[Sequence[str]],
    array_format: str = "brackets",
) -> List[Tuple[str, FileTypes]]:
    """Remove the files found at `paths` from `query` and return them as `(form field name, file)` pairs.

    A path lists the keys to follow, `<array>` standing for every element of a list:
    `[["file"]]`, `[["image", "<array>"]]`, `[["documents", "<array>", "file"]]`. A list found at the end of a
    path holds several files (`image[]`). Only `query` itself is changed: dicts and lists below it that lie
    on a path are replaced by copies, so values the caller passed in are left intact.
    """
    body = cast(Dict[str, object], query)
    # the nested dicts and lists that files get popped from may be the caller's: work on copies of them
    body.update(deepcopy_with_paths(body, paths))
    files: List[Tuple[str, FileTypes]] = []
    for path in paths:
        files.extend(_extract_items(body, path, 0, None, array_format))
    return files


def _array_key(key: Optional[str], index: int, array_format: str) -> str:
    key = key or ""
    if array_format == "brackets":
        return f"{key}[]"
    if array_format == "indices":
        return f"{key}[{index}]"
    if array_format == "repeat":
        return key
    raise NotImplementedError(
        f"Unsupported array_format for files: {array_format}, choose from brackets, indices, repeat"
    )


def _extract_items(
    obj: object, path: Sequence[str], index: int, flattened_key: Optional[str], array_format: str
) -> List[Tuple[str, FileTypes]]:
    if index == len(path):
        # The end of the path: `obj` is the file, or a list of them.
        if not is_given(obj):
            return []
        if isinstance(obj, list):
            files: List[Tuple[str, FileTypes]] = []
            for position, entry in enumerate(cast(List[object], obj)):
                key = _array_key(flattened_key, position, array_format)
                assert_is_file_content(entry, key=key)
                files.append((key, cast(FileTypes, entry)))
            return files
        assert_is_file_content(obj, key=flattened_key)
        return [(flattened_key or "", cast(FileTypes, obj))]

    key = path[index]
    if isinstance(obj, dict):
        container = cast(Dict[str, object], obj)
        if key not in container:
            return []
        item = container.pop(key) if index + 1 == len(path) else container[key]
        child_key = key if flattened_key is None else f"{flattened_key}[{key}]"
        return _extract_items(item, path, index + 1, child_key, array_format)

    if isinstance(obj, list) and key == "<array>":
        files = []
        for position, entry in enumerate(cast(List[object], obj)):
            files.extend(
                _extract_items(entry, path, index + 1, _array_key(flattened_key, position, array_format), array_format)
            )
        return files
    return []


def file_from_path(path: str) -> FileTypes:
    """`(file name, contents)` for the file at `path`, ready to be passed as an upload."""
    return (os.path.basename(path), Path(path).read_bytes())


# --- functions -----------------------------------------------------------------------------------------


def human_join(seq: Sequence[str], *, delim: str = ", ", final: str = "or") -> str:
    """`["a", "b", "c"]` -> `"a, b or c"`."""
    if not seq:
        return ""
    if len(seq) == 1:
        return seq[0]
    return f"{delim.join(seq[:-1])} {final} {seq[-1]}"


def quote(string: str) -> str:
    return f"'{string}'"


def required_args(*variants: Sequence[str]) -> Callable[[_CallableT], _CallableT]:
    """Check at call time that the arguments of at least one variant were passed (for overloaded functions).

    ```py
    @overload
    def foo(*, a: str) -> str: ...
    @overload
    def foo(*, b: bool) -> str: ...
    @required_args(["a"], ["b"])
    def foo(*, a: str | None = None, b: bool | None = None) -> str: ...
    ```
    """
    required = [frozenset(variant) for variant in variants]

    def decorator(func: _CallableT) -> _CallableT:
        positional = [
            name
            for name, param in inspect.signature(func).parameters.items()
            if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD)
        ]
        # for each number of positional arguments: what each variant still needs from the keyword arguments
        still_needed = [
            [variant.difference(positional[:count]) for variant in required] for count in range(len(positional) + 1)
        ]

        @functools.wraps(func)
        def wrapper(*args: object, **kwargs: object) -> object:
            if len(args) >= len(still_needed):
                raise TypeError(f"{func.__name__}() takes {len(positional)} argument(s) but {len(args)} were given")
            given = kwargs.keys()
            for needed in still_needed[len(args)]:
                if given >= needed:
                    return func(*args, **kwargs)
            raise TypeError(_missing_arguments_message(variants, {*given, *positional[: len(args)]}))

        return cast(_CallableT, wrapper)

    return decorator


def _missing_arguments_message(variants: Sequence[Sequence[str]], given: set[str]) -> str:
    if len(variants) > 1:
        options = human_join(
            ["(" + human_join([quote(arg) for arg in variant], final="and") + ")" for variant in variants]
        )
        return f"Missing required arguments; Expected either {options} arguments to be given"
    missing = [quote(arg) for arg in variants[0] if arg not in given]
    if len(missing) == 1:
        return f"Missing required argument: {missing[0]}"
    return f"Missing required arguments: {', '.join(missing)}"


def lru_cache(*, maxsize: int | None = 128) -> Callable[[_CallableT], _CallableT]:
    """`functools.lru_cache` that keeps the decorated function's signature for type checkers."""
    return cast(Callable[[_CallableT], _CallableT], functools.lru_cache(maxsize=maxsize))


def json_safe(data: object) -> object:
    """`data` with mappings, iterables and dates turned into JSON-compatible dicts, lists and ISO strings."""
    if isinstance(data, Mapping):
        return {json_safe(key): json_safe(value) for key, value in cast(Mapping[object, object], data).items()}
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes, bytearray)):
        return [json_safe(item) for item in cast(Iterable[object], data)]
    if isinstance(data, date):
        return data.isoformat()
    return data


# --- strings and headers -------------------------------------------------------------------------------


def removeprefix(string: str, prefix: str) -> str:
    return string[len(prefix) :] if string.startswith(prefix) else string


def removesuffix(string: str, suffix: str) -> str:
    return string[: -len(suffix)] if suffix and string.endswith(suffix) else string


def get_required_header(headers: HeadersLike, header: str) -> str:
    """The value of `header` (case-insensitive) from a mapping or any object with `.get`; `ValueError` if absent."""
    lower = header.lower()
    if isinstance(headers, Mapping):
        for key, value in cast(Mapping[object, object], headers).items():
            if isinstance(key, str) and key.lower() == lower and isinstance(value, str):
                return value
    else:
        title = re.sub(r"(^|-)(\w)", lambda match: match.group(1) + match.group(2).upper(), lower)
        for candidate in (header, lower, header.upper(), title):
            value = headers.get(candidate)
            if value:
                return value
    raise ValueError(f"Could not find {header} header")


# --- coercion of environment and header values -----------------------------------------------------------


def coerce_integer(val: str) -> int:
    return int(val, base=10)


def coerce_float(val: str) -> float:
    return float(val)


def coerce_boolean(val: str) -> bool:
    return val in ("true", "1", "on")


def maybe_coerce_integer(val: str | None) -> int | None:
    return None if val is None else coerce_integer(val)


def maybe_coerce_float(val: str | None) -> float | None:
    return None if val is None else coerce_float(val)


def maybe_coerce_boolean(val: str | None) -> bool | None:
    return None if val is None else coerce_boolean(val)


# --- runtime environment -----------------------------------------------------------------------------


def get_async_library() -> str:
    """`"asyncio"`, `"trio"`, ... for the running async library, `"false"` when none can be detected."""
    import sniffio

    try:
        return sniffio.current_async_library()
    except Exception:
        return "false"


def is_azure_client(client: object) -> TypeGuard[AzureOpenAI]:
    from ..lib.azure import AzureOpenAI

    return isinstance(client, AzureOpenAI)


def is_async_azure_client(client: object) -> TypeGuard[AsyncAzureOpenAI]:
    from ..lib.azure import AsyncAzureOpenAI

    return isinstance(client, AsyncAzureOpenAI)
