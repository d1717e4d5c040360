"""`files.wait_for_processing()` and `uploads.upload_file_chunked()`, sync and async, over respx."""

from __future__ import annotations

import json
import logging
from typing import Any, Dict, List
from pathlib import Path

import httpx
import respx
import pytest

from openai import OpenAI, AsyncOpenAI

base_url = "http://127.0.0.1:4010/v1"


@pytest.fixture
def client() -> OpenAI:
    return OpenAI(base_url=base_url, api_key="sk-test")


@pytest.fixture
def async_client() -> AsyncOpenAI:
    return AsyncOpenAI(base_url=base_url, api_key="sk-test")


def file_object(status: str) -> Dict[str, Any]:
    return {
        "id": "file-1",
        "object": "file",
        "bytes": 3,
        "created_at": 1,
        "filename": "a.jsonl",
        "purpose": "batch",
        "status": status,
    }


def mock_statuses(*statuses: str) -> respx.Route:
    return respx.get(f"{base_url}/files/file-1").mock(
        side_effect=[httpx.Response(200, json=file_object(status)) for status in statuses]
    )


# --- files.wait_for_processing -------------------------------------------------------------------------------------


@respx.mock
def test_wait_for_processing_polls_until_processed(client: OpenAI) -> None:
    route = mock_statuses("uploaded", "uploaded", "processed")
    file = client.files.wait_for_processing("file-1", poll_interval=0)
    assert file.status == "processed"
    assert route.call_count == 3


@respx.mock
async def test_wait_for_processing_async_stops_on_error(async_client: AsyncOpenAI) -> None:
    route = mock_statuses("uploaded", "error")
    file = await async_client.files.wait_for_processing("file-1", poll_interval=0)
    assert file.status == "error"
    assert route.call_count == 2


@respx.mock
def test_wait_for_processing_gives_up(client: OpenAI) -> None:
    mock_statuses("uploaded", "uploaded")
    with pytest.raises(RuntimeError) as exc:
        client.files.wait_for_processing("file-1", poll_interval=0, max_wait_seconds=-1)
    assert str(exc.value) == "Giving up on waiting for file file-1 to finish processing after -1 seconds."


@respx.mock
async def test_wait_for_processing_async_gives_up(async_client: AsyncOpenAI) -> None:
    mock_statuses("uploaded", "uploaded")
    with pytest.raises(RuntimeError):
        await async_client.files.wait_for_processing("file-1", poll_interval=0, max_wait_seconds=-1)


# --- uploads.upload_file_chunked -----------------------------------------------------------------------------------


class UploadAPI:
    """Mocked `/uploads` endpoints recording what each part carried."""

    def __init__(self) -> None:
        self.created: Dict[str, Any] = {}
        self.parts: List[bytes] = []
        self.completed: Dict[str, Any] = {}
        respx.post(f"{base_url}/uploads").mock(side_effect=self.create)
        respx.post(f"{base_url}/uploads/upload_1/parts").mock(side_effect=self.add_part)
        respx.post(f"{base_url}/uploads/upload_1/complete").mock(side_effect=self.complete)

    def upload(self, status: str) -> Dict[str, Any]:
        return {
            "id": "upload_1",
            "object": "upload",
            "bytes": self.created["bytes"],
            "created_at": 1,
            "expires_at": 2,
            "filename": self.created["filename"],
            "purpose": self.created["purpose"],
            "status": status,
        }

    def create(self, request: httpx.Request) -> httpx.Response:
        self.created = json.loads(request.content)
        return httpx.Response(200, json=self.upload("pending"))

    def add_part(self, request: httpx.Request) -> httpx.Response:
        request.read()
        content = request.content
        # the multipart body holds the part's bytes between the `data` field's headers and the closing boundary
        start = content.index(b"\r\n\r\n") + 4
        self.parts.append(content[start : content.rindex(b"\r\n--")])
        part_id = f"part_{len(self.parts)}"
        return httpx.Response(
            200, json={"id": part_id, "object": "upload.part", "created_at": 1, "upload_id": "upload_1"}
        )

    def complete(self, request: httpx.Request) -> httpx.Response:
        self.completed = json.loads(request.content)
        return httpx.Response(200, json=self.upload("completed"))


@respx.mock
def test_upload_file_chunked_from_a_path(client: OpenAI, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    api = UploadAPI()
    path = tmp_path / "train.jsonl"
    path.write_bytes(b"0123456789")

    with caplog.at_level(logging.INFO, logger="openai"):
        upload = client.uploads.upload_file_chunked(
            file=path, mime_type="text/jsonl", purpose="fine-tune", part_size=4, md5="abc"
        )

    assert api.created == {"bytes": 10, "filename": "train.jsonl", "mime_type": "text/jsonl", "purpose": "fine-tune"}
    assert api.parts == [b"0123", b"4567", b"89"]
    assert api.completed == {"part_ids": ["part_1", "part_2", "part_3"], "md5": "abc"}
    assert upload.status == "completed"
    assert "Uploaded part part_3 for upload upload_1" in caplog.text


@respx.mock
async def test_upload_file_chunked_from_bytes_async(async_client: AsyncOpenAI) -> None:
    api = UploadAPI()
    upload = await async_client.uploads.upload_file_chunked(
        file=b"abcdef", filename="data.bin", bytes=6, mime_type="application/octet-stream", purpose="batch"
    )

    assert api.created["filename"] == "data.bin" and api.created["bytes"] == 6
    assert api.parts == [b"abcdef"]  # one part: smaller than the default part size
    assert api.completed == {"part_ids": ["part_1"]}
    assert upload.id == "upload_1"


@respx.mock
async def test_upload_file_chunked_from_a_path_async(async_client: AsyncOpenAI, tmp_path: Path) -> None:
    api = UploadAPI()
    path = tmp_path / "a.txt"
    path.write_bytes(b"xyz")
    await async_client.uploads.upload_file_chunked(file=path, mime_type="text/plain", purpose="assistants", part_size=2)
    assert api.parts == [b"xy", b"z"]
    assert api.created["filename"] == "a.txt"


def test_in_memory_files_need_a_filename_and_size(client: OpenAI) -> None:
    with pytest.raises(TypeError, match="`filename`"):
        client.uploads.upload_file_chunked(file=b"x", mime_type="text/plain", purpose="batch", bytes=1)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="`bytes`"):
        client.uploads.upload_file_chunked(file=b"x", mime_type="text/plain", purpose="batch", filename="x")  # type: ignore[call-overload]
