"""Upload values: what `to_httpx_files` / `async_to_httpx_files` accept and produce, and `deepcopy_with_paths`."""

from __future__ import annotations

import io
from typing import Any, Dict, List
from pathlib import Path

import anyio
import pytest

from openai._files import to_httpx_files, deepcopy_with_paths, async_to_httpx_files


@pytest.fixture
def readme(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_bytes(b"# hello\n")
    return path


@pytest.fixture(params=["sync", "async"])
def convert(request: pytest.FixtureRequest) -> Any:
    async def convert(files: Any) -> Any:
        if request.param == "async":
            return await async_to_httpx_files(files)
        return to_httpx_files(files)

    return convert


async def test_paths_are_read_with_their_name(convert: Any, readme: Path) -> None:
    assert await convert({"file": readme}) == {"file": ("README.md", b"# hello\n")}
    assert await convert([("file", readme)]) == [("file", ("README.md", b"# hello\n"))]


async def test_paths_inside_tuples_are_read(convert: Any, readme: Path) -> None:
    assert await convert({"file": ("custom.md", readme)}) == {"file": ("custom.md", b"# hello\n")}
    assert await convert({"file": ("custom.md", readme, "text/markdown", {"X-A": "1"})}) == {
        "file": ("custom.md", b"# hello\n", "text/markdown", {"X-A": "1"})
    }


async def test_anyio_paths_are_read(convert: Any, readme: Path) -> None:
    assert await convert({"file": anyio.Path(readme)}) == {"file": ("README.md", b"# hello\n")}


async def test_bytes_file_objects_and_tuples_pass_through(convert: Any) -> None:
    stream = io.BytesIO(b"x")
    files: Dict[str, Any] = {"a": b"raw", "b": stream, "c": ("n.txt", b"y"), "d": (None, b"z", "text/plain")}
    assert await convert(files) == files
    assert (await convert(files))["b"] is stream


async def test_none_is_none(convert: Any) -> None:
    assert await convert(None) is None


async def test_invalid_values(convert: Any) -> None:
    with pytest.raises(TypeError) as exc:
        await convert({"file": "README.md"})
    assert str(exc.value) == "Expected file types input to be a FileContent type or to be a tuple"
    with pytest.raises(TypeError, match="expected mapping or sequence"):
        await convert(42)


def test_deepcopy_with_paths_copies_only_along_the_paths() -> None:
    shared = {"left": "alone"}
    documents: List[Dict[str, Any]] = [{"file": b"a", "meta": shared}]
    original: Dict[str, Any] = {"documents": documents, "other": shared, "nested": {"deep": {"file": b"b"}}}

    copied = deepcopy_with_paths(original, [["documents", "<array>", "file"], ["nested", "deep", "file"]])

    assert copied == original
    assert copied is not original
    assert copied["documents"] is not documents
    assert copied["documents"][0] is not documents[0]
    assert copied["nested"]["deep"] is not original["nested"]["deep"]
    # what no path goes through is shared
    assert copied["other"] is shared
    assert copied["documents"][0]["meta"] is shared
    assert copied["documents"][0]["file"] is documents[0]["file"]

    copied["documents"][0].pop("file")
    assert "file" in documents[0]


def test_deepcopy_with_no_paths_returns_the_value() -> None:
    value = {"a": [1]}
    assert deepcopy_with_paths(value, []) is value
