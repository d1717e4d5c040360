"""`extract_files`: pulling uploads out of params along paths, without touching what the caller passed in."""

from __future__ import annotations

import io
import copy
from typing import Any, Dict, List, Sequence

import pytest

from openai._types import omit
from openai._utils import extract_files


def test_no_paths() -> None:
    query = {"foo": "bar"}
    assert extract_files(query, paths=[]) == []
    assert query == {"foo": "bar"}


def test_top_level_file_is_removed() -> None:
    query: Dict[str, object] = {"file": b"data", "purpose": "fine-tune"}
    assert extract_files(query, paths=[["file"]]) == [("file", b"data")]
    assert query == {"purpose": "fine-tune"}


def test_nested_file_keys() -> None:
    query: Dict[str, Any] = {"foo": {"foo": {"bar": b"Bar"}}, "hello": "world"}
    assert extract_files(query, paths=[["foo", "foo", "bar"]]) == [("foo[foo][bar]", b"Bar")]
    assert query == {"foo": {"foo": {}}, "hello": "world"}

    query = {"foo": {"bar": b"Bar", "baz": "foo"}, "hello": "world"}
    assert extract_files(query, paths=[["foo", "bar"]]) == [("foo[bar]", b"Bar")]
    assert query == {"hello": "world", "foo": {"baz": "foo"}}


def test_arrays_of_files() -> None:
    first, second = io.BytesIO(b"1"), ("b.png", b"2", "image/png")
    query: Dict[str, object] = {"image": [first, second], "prompt": "p"}
    assert extract_files(query, paths=[["image"], ["image", "<array>"], ["mask"]]) == [
        ("image[]", first),
        ("image[]", second),
    ]
    assert query == {"prompt": "p"}

    single: Dict[str, object] = {"image": b"x", "mask": b"m"}
    assert extract_files(single, paths=[["image"], ["image", "<array>"], ["mask"]]) == [
        ("image", b"x"),
        ("mask", b"m"),
    ]
    assert single == {}


def test_files_inside_arrays_of_objects() -> None:
    query: Dict[str, object] = {"documents": [{"file": b"first", "n": 1}, {"file": b"second", "n": 2}]}
    assert extract_files(query, paths=[["documents", "<array>", "file"]]) == [
        ("documents[][file]", b"first"),
        ("documents[][file]", b"second"),
    ]
    assert query == {"documents": [{"n": 1}, {"n": 2}]}


def test_the_callers_values_are_not_mutated() -> None:
    documents: List[Dict[str, object]] = [{"file": b"first", "n": 1}]
    nested = {"inner": {"file": b"x", "keep": True}}
    snapshot = copy.deepcopy((documents, nested))
    query: Dict[str, object] = {"documents": documents, "outer": nested}

    files = extract_files(query, paths=[["documents", "<array>", "file"], ["outer", "inner", "file"]])

    assert files == [("documents[][file]", b"first"), ("outer[inner][file]", b"x")]
    assert (documents, nested) == snapshot
    assert query == {"documents": [{"n": 1}], "outer": {"inner": {"keep": True}}}


def test_omitted_files_are_skipped() -> None:
    query: Dict[str, object] = {"file": b"x", "mask": omit}
    assert extract_files(query, paths=[["file"], ["mask"]]) == [("file", b"x")]
    assert query == {}


@pytest.mark.parametrize(
    "query, paths",
    [
        ({"foo": {"bar": "baz"}}, [["foo", "<array>", "bar"]]),
        ({"foo": ["bar", "baz"]}, [["foo", "bar"]]),
        ({"foo": {"bar": "baz"}}, [["foo", "foo"]]),
    ],
    ids=["dict expecting array", "array expecting dict", "unknown keys"],
)
def test_paths_that_do_not_match_are_ignored(query: Dict[str, object], paths: Sequence[Sequence[str]]) -> None:
    assert extract_files(query, paths=paths) == []


def test_other_array_formats() -> None:
    query: Dict[str, object] = {"files": [b"a", b"b"]}
    assert extract_files(query, paths=[["files"]], array_format="indices") == [("files[0]", b"a"), ("files[1]", b"b")]
    query = {"files": [b"a", b"b"]}
    assert extract_files(query, paths=[["files"]], array_format="repeat") == [("files", b"a"), ("files", b"b")]


def test_non_file_values_raise() -> None:
    with pytest.raises(RuntimeError) as exc:
        extract_files({"file": "not a file"}, paths=[["file"]])
    assert str(exc.value).startswith(
        "Expected entry at `file` to be bytes, an io.IOBase instance, PathLike or a tuple but received <class 'str'> instead."
    )
    with pytest.raises(RuntimeError, match=r"^Expected entry at `image\[\]`"):
        extract_files({"image": [b"ok", 3]}, paths=[["image"]])
