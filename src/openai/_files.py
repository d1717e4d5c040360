"""Upload inputs: checking `FileTypes` values and turning them into what httpx sends as multipart parts."""

from __future__ import annotations

import io
import os
import pathlib
from typing import List, Tuple, Union, Mapping, TypeVar, Optional, Sequence, cast

from typing_extensions import TypeGuard

from ._types import (
    FileTypes,
    FileContent,
    RequestFiles,
    HttpxFileTypes,
    Base64FileInput,
    HttpxRequestFiles,
)

_T = TypeVar("_T")


def is_base64_file_input(obj: object) -> TypeGuard[Base64FileInput]:
    return isinstance(obj, (io.IOBase, os.PathLike))


def is_file_content(obj: object) -> TypeGuard[FileContent]:
    return isinstance(obj, (bytes, tuple, io.IOBase, os.PathLike))


def assert_is_file_content(obj: object, *, key: str | None = None) -> None:
    if not is_file_content(obj):
        prefix = f"Expected entry at `{key}`" if key is not None else f"Expected file input `{obj!r}`"
        raise RuntimeError(
            f"{prefix} to be bytes, an io.IOBase instance, PathLike or a tuple but received {type(obj)} instead."
        )


def deepcopy_with_paths(item: _T, paths: Sequence[Sequence[str]]) -> _T:
    """Copy the dicts and lists lying along `paths` (as used by `extract_files`); everything else is shared.

    `<array>` in a path stands for every element of a list.
    """
    return cast(_T, _copy_along(item, [list(path) for path in paths]))


def _copy_along(item: object, paths: List[List[str]]) -> object:
    live = [path for path in paths if path]
    if not live:
        return item
    if isinstance(item, Mapping):
        copied = dict(cast(Mapping[str, object], item))
        for key in {path[0] for path in live}:
            if key in copied:
                copied[key] = _copy_along(copied[key], [path[1:] for path in live if path[0] == key])
        return copied
    if isinstance(item, list):
        rest = [path[1:] for path in live if path[0] == "<array>"]
        return [_copy_along(entry, rest) for entry in cast(List[object], item)]
    return item


def to_httpx_files(files: RequestFiles | None) -> HttpxRequestFiles | None:
    """Read every `PathLike` (in place or inside a tuple) into bytes; other accepted values pass through."""
    if files is None:
        return None
    if isinstance(files, Mapping):
        return {key: _transform_file(file) for key, file in files.items()}
    if isinstance(files, Sequence):  # pyright: ignore[reportUnnecessaryIsInstance]
        return [(key, _transform_file(file)) for key, file in files]
    raise TypeError(f"Unexpected file type input {type(files)}, expected mapping or sequence")


def _path_to_read(file: FileTypes) -> Optional[os.PathLike[str]]:
    """The path whose bytes this upload value still needs, checking the value's shape on the way."""
    if isinstance(file, os.PathLike):
        return file
    if isinstance(file, tuple):
        content = file[1]
        return content if isinstance(content, os.PathLike) else None
    if is_file_content(file):
        return None
    raise TypeError("Expected file types input to be a FileContent type or to be a tuple")


def _with_bytes(file: Union[os.PathLike[str], Tuple[object, ...]], data: bytes) -> HttpxFileTypes:
    if isinstance(file, tuple):
        return cast(HttpxFileTypes, (file[0], data, *file[2:]))
    return (pathlib.PurePath(file).name, data)


def _transform_file(file: FileTypes) -> HttpxFileTypes:
    path = _path_to_read(file)
    if path is None:
        return cast(HttpxFileTypes, file)
    return _with_bytes(cast("os.PathLike[str] | Tuple[object, ...]", file), pathlib.Path(path).read_bytes())


async def async_to_httpx_files(files: RequestFiles | None) -> HttpxRequestFiles | None:
    """`to_httpx_files` reading paths without blocking the event loop."""
    if files is None:
        return None
    if isinstance(files, Mapping):
        return {key: await _async_transform_file(file) for key, file in files.items()}
    if isinstance(files, Sequence):  # pyright: ignore[reportUnnecessaryIsInstance]
        return [(key, await _async_transform_file(file)) for key, file in files]
    raise TypeError(f"Unexpected file type input {type(files)}, expected mapping or sequence")


async def _async_transform_file(file: FileTypes) -> HttpxFileTypes:
    path = _path_to_read(file)
    if path is None:
        return cast(HttpxFileTypes, file)
    return _with_bytes(cast("os.PathLike[str] | Tuple[object, ...]", file), await _read_bytes_async(path))


async def _read_bytes_async(path: os.PathLike[str]) -> bytes:
    import anyio  # only async users pay for importing anyio

    return await anyio.Path(path).read_bytes()
