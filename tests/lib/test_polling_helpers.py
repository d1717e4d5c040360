"""Poll and upload helpers of `vector_stores.files`, `vector_stores.file_batches` and `videos`, sync and async, over
respx (the waits between polls are recorded instead of slept)."""

from __future__ import annotations

import re
import json
import inspect
from typing import Any, Dict, List, Union

import httpx
import respx
import pytest

from openai import OpenAI, AsyncOpenAI, NotFoundError
from openai._resource import SyncAPIResource, AsyncAPIResource

base_url = "http://127.0.0.1:4010/v1"

Client = Union[OpenAI, AsyncOpenAI]


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest) -> Client:
    client_class = OpenAI if request.param == "sync" else AsyncOpenAI
    return client_class(base_url=base_url, api_key="sk-test")


async def call(value: Any) -> Any:
    """The result of a helper call, awaited when the client is async."""
    return await value if inspect.isawaitable(value) else value


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> List[float]:
    """Seconds each poll helper waited between two retrievals (nothing really sleeps)."""
    recorded: List[float] = []

    def sleep(_self: object, seconds: float) -> None:
        recorded.append(seconds)

    async def async_sleep(_self: object, seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(SyncAPIResource, "_sleep", sleep)
    monkeypatch.setattr(AsyncAPIResource, "_sleep", async_sleep)
    return recorded


def vector_store_file(status: str, id: str = "file-1") -> Dict[str, Any]:
    return {
        "id": id,
        "object": "vector_store.file",
        "created_at": 1,
        "last_error": None,
        "status": status,
        "usage_bytes": 3,
        "vector_store_id": "vs_1",
    }


def file_batch(status: str) -> Dict[str, Any]:
    counts = {"cancelled": 0, "completed": 0, "failed": 0, "in_progress": 0, "total": 0}
    return {
        "id": "vsfb_1",
        "object": "vector_store.files_batch",
        "created_at": 1,
        "file_counts": counts,
        "status": status,
        "vector_store_id": "vs_1",
    }


def video(status: str) -> Dict[str, Any]:
    return {
        "id": "video_1",
        "object": "video",
        "created_at": 1,
        "model": "sora-2",
        "progress": 100 if status == "completed" else 10,
        "seconds": "4",
        "size": "720x1280",
        "status": status,
    }


def replies(*bodies: Dict[str, Any], headers: Dict[str, str] | None = None) -> List[httpx.Response]:
    return [httpx.Response(200, json=body, headers=headers) for body in bodies]


def file_object(id: str, filename: str) -> Dict[str, Any]:
    return {
        "id": id,
        "object": "file",
        "bytes": 3,
        "created_at": 1,
        "filename": filename,
        "purpose": "assistants",
        "status": "uploaded",
    }


def mock_file_uploads() -> respx.Route:
    """`POST /files`, answering `file-<name>` for an uploaded file called `<name>.txt`."""

    def upload(request: httpx.Request) -> httpx.Response:
        request.read()
        match = re.search(rb'filename="([^"]+)\.txt"', request.content)
        assert match is not None and b'name="purpose"\r\n\r\nassistants' in request.content
        name = match.group(1).decode()
        return httpx.Response(200, json=file_object(f"file-{name}", f"{name}.txt"))

    return respx.post(f"{base_url}/files").mock(side_effect=upload)


def body(route: respx.Route, index: int = 0) -> Any:
    return json.loads(route.calls[index].request.content)


# --- the poll loop -------------------------------------------------------------------------------------------------


@respx.mock
async def test_poll_retrieves_until_done_and_marks_its_requests(client: Client, sleeps: List[float]) -> None:
    route = respx.get(f"{base_url}/vector_stores/vs_1/files/file-1").mock(
        side_effect=replies(
            vector_store_file("in_progress"), vector_store_file("in_progress"), vector_store_file("completed")
        )
    )

    result = await call(client.vector_stores.files.poll("file-1", vector_store_id="vs_1", poll_interval_ms=250))

    assert result.status == "completed"
    assert route.call_count == 3
    assert sleeps == [0.25, 0.25]
    for sent in route.calls:
        assert sent.request.headers["X-Stainless-Poll-Helper"] == "true"
        assert sent.request.headers["X-Stainless-Custom-Poll-Interval"] == "250"
        assert sent.request.headers["OpenAI-Beta"] == "assistants=v2"


@respx.mock
async def test_poll_waits_as_long_as_the_server_asks(client: Client, sleeps: List[float]) -> None:
    route = respx.get(f"{base_url}/vector_stores/vs_1/files/file-1").mock(
        side_effect=replies(
            vector_store_file("in_progress"), vector_store_file("completed"), headers={"openai-poll-after-ms": "1500"}
        )
    )

    await call(client.vector_stores.files.poll("file-1", vector_store_id="vs_1"))

    assert sleeps == [1.5]
    assert "X-Stainless-Custom-Poll-Interval" not in route.calls[0].request.headers
    assert route.calls[0].request.headers["X-Stainless-Poll-Helper"] == "true"


@respx.mock
async def test_poll_interval_given_beats_the_server_header(client: Client, sleeps: List[float]) -> None:
    respx.get(f"{base_url}/vector_stores/vs_1/files/file-1").mock(
        side_effect=replies(
            vector_store_file("in_progress"), vector_store_file("completed"), headers={"openai-poll-after-ms": "1500"}
        )
    )
    await call(client.vector_stores.files.poll("file-1", vector_store_id="vs_1", poll_interval_ms=0))
    assert sleeps == [0]


@respx.mock
async def test_poll_waits_one_second_by_default(client: Client, sleeps: List[float]) -> None:
    respx.get(f"{base_url}/vector_stores/vs_1/files/file-1").mock(
        side_effect=replies(
            vector_store_file("in_progress"), vector_store_file("in_progress"), vector_store_file("failed")
        )
    )
    await call(client.vector_stores.files.poll("file-1", vector_store_id="vs_1"))
    assert sleeps == [1.0, 1.0]


@pytest.mark.parametrize("status", ["completed", "failed", "cancelled"])
@respx.mock
async def test_poll_stops_on_every_final_status(client: Client, sleeps: List[float], status: str) -> None:
    route = respx.get(f"{base_url}/vector_stores/vs_1/file_batches/vsfb_1").mock(
        side_effect=replies(file_batch(status))
    )
    batch = await call(client.vector_stores.file_batches.poll("vsfb_1", vector_store_id="vs_1"))
    assert batch.status == status
    assert route.call_count == 1
    assert sleeps == []


@respx.mock
async def test_poll_raises_api_errors(client: Client, sleeps: List[float]) -> None:
    respx.get(f"{base_url}/videos/video_1").mock(
        return_value=httpx.Response(404, json={"error": {"message": "No such video", "type": "invalid_request_error"}})
    )
    with pytest.raises(NotFoundError, match="No such video"):
        await call(client.videos.poll("video_1"))


async def test_poll_rejects_empty_ids_before_any_request(client: Client) -> None:
    with pytest.raises(ValueError, match="Expected a non-empty value for `file_id` but received ''"):
        await call(client.vector_stores.files.poll("", vector_store_id="vs_1"))


# --- vector_stores.files ---------------------------------------------------------------------------------------------


@respx.mock
async def test_files_create_and_poll(client: Client, sleeps: List[float]) -> None:
    created = respx.post(f"{base_url}/vector_stores/vs_1/files").mock(
        return_value=httpx.Response(200, json=vector_store_file("in_progress"))
    )
    polled = respx.get(f"{base_url}/vector_stores/vs_1/files/file-1").mock(
        side_effect=replies(vector_store_file("in_progress"), vector_store_file("completed"))
    )

    result = await call(
        client.vector_stores.files.create_and_poll(
            "file-1",
            vector_store_id="vs_1",
            attributes={"topic": "cats"},
            chunking_strategy={"type": "auto"},
            poll_interval_ms=10,
            extra_headers={"X-Trace": "1"},
        )
    )

    assert result.status == "completed"
    assert body(created) == {
        "file_id": "file-1",
        "attributes": {"topic": "cats"},
        "chunking_strategy": {"type": "auto"},
    }
    create_headers = created.calls[0].request.headers
    assert create_headers["X-Trace"] == "1"
    assert "X-Stainless-Poll-Helper" not in create_headers
    assert polled.call_count == 2
    assert sleeps == [0.01]


@respx.mock
async def test_files_upload_attaches_without_polling(client: Client) -> None:
    uploads = mock_file_uploads()
    created = respx.post(f"{base_url}/vector_stores/vs_1/files").mock(
        return_value=httpx.Response(200, json=vector_store_file("in_progress", id="file-notes"))
    )
    polled = respx.get(url__regex=r".*/vector_stores/vs_1/files/.*")

    result = await call(
        client.vector_stores.files.upload(
            vector_store_id="vs_1",
            file=("notes.txt", b"abc"),
            chunking_strategy={"type": "static", "static": {"max_chunk_size_tokens": 100, "chunk_overlap_tokens": 10}},
        )
    )

    assert result.status == "in_progress"
    assert uploads.call_count == 1
    assert body(created) == {
        "file_id": "file-notes",
        "chunking_strategy": {"type": "static", "static": {"max_chunk_size_tokens": 100, "chunk_overlap_tokens": 10}},
    }
    assert not polled.called


@respx.mock
async def test_files_upload_and_poll(client: Client, sleeps: List[float]) -> None:
    mock_file_uploads()
    created = respx.post(f"{base_url}/vector_stores/vs_1/files").mock(
        return_value=httpx.Response(200, json=vector_store_file("in_progress", id="file-notes"))
    )
    polled = respx.get(f"{base_url}/vector_stores/vs_1/files/file-notes").mock(
        side_effect=replies(
            vector_store_file("in_progress", id="file-notes"), vector_store_file("completed", id="file-notes")
        )
    )

    result = await call(
        client.vector_stores.files.upload_and_poll(
            vector_store_id="vs_1", file=("notes.txt", b"abc"), attributes={"n": 1}, poll_interval_ms=0
        )
    )

    assert (result.id, result.status) == ("file-notes", "completed")
    assert body(created) == {"file_id": "file-notes", "attributes": {"n": 1}}
    assert polled.call_count == 2
    assert polled.calls[0].request.headers["X-Stainless-Custom-Poll-Interval"] == "0"


# --- vector_stores.file_batches ----------------------------------------------------------------------------------------


@respx.mock
async def test_file_batches_create_and_poll(client: Client, sleeps: List[float]) -> None:
    created = respx.post(f"{base_url}/vector_stores/vs_1/file_batches").mock(
        return_value=httpx.Response(200, json=file_batch("in_progress"))
    )
    polled = respx.get(f"{base_url}/vector_stores/vs_1/file_batches/vsfb_1").mock(
        side_effect=replies(file_batch("in_progress"), file_batch("completed"))
    )

    batch = await call(
        client.vector_stores.file_batches.create_and_poll(
            "vs_1", files=[{"file_id": "file-a", "attributes": {"k": "v"}}], poll_interval_ms=5
        )
    )

    assert batch.status == "completed"
    assert body(created) == {"files": [{"file_id": "file-a", "attributes": {"k": "v"}}]}
    assert polled.call_count == 2
    assert sleeps == [0.005]


@respx.mock
async def test_file_batches_upload_and_poll(client: Client, sleeps: List[float]) -> None:
    uploads = mock_file_uploads()
    created = respx.post(f"{base_url}/vector_stores/vs_1/file_batches").mock(
        return_value=httpx.Response(200, json=file_batch("in_progress"))
    )
    polled = respx.get(f"{base_url}/vector_stores/vs_1/file_batches/vsfb_1").mock(
        side_effect=replies(file_batch("in_progress"), file_batch("completed"))
    )
    files = [(f"{name}.txt", name.encode()) for name in ["a", "b", "c", "d"]]

    batch = await call(
        client.vector_stores.file_batches.upload_and_poll(
            "vs_1",
            files=files,
            max_concurrency=2,
            file_ids=["file-old"],
            chunking_strategy={"type": "auto"},
            poll_interval_ms=0,
        )
    )

    assert batch.status == "completed"
    assert uploads.call_count == 4
    assert body(created) == {
        "file_ids": ["file-old", "file-a", "file-b", "file-c", "file-d"],
        "chunking_strategy": {"type": "auto"},
    }
    assert polled.call_count == 2
    assert all(sent.request.headers["X-Stainless-Poll-Helper"] == "true" for sent in polled.calls)


@respx.mock
async def test_file_batches_upload_failure_is_raised_as_is(client: Client) -> None:
    respx.post(f"{base_url}/files").mock(
        return_value=httpx.Response(404, json={"error": {"message": "gone", "type": "invalid_request_error"}})
    )
    created = respx.post(f"{base_url}/vector_stores/vs_1/file_batches")

    with pytest.raises(NotFoundError, match="gone"):
        await call(client.vector_stores.file_batches.upload_and_poll("vs_1", files=[("a.txt", b"a"), ("b.txt", b"b")]))
    assert not created.called


@respx.mock
async def test_file_batches_upload_needs_files(client: Client) -> None:
    route = respx.route()
    with pytest.raises(ValueError, match="No `files` to upload"):
        await call(client.vector_stores.file_batches.upload_and_poll("vs_1", files=[], file_ids=["file-old"]))
    assert not route.called


# --- videos ----------------------------------------------------------------------------------------------------------


@respx.mock
async def test_videos_create_and_poll(client: Client, sleeps: List[float]) -> None:
    created = respx.post(f"{base_url}/videos").mock(return_value=httpx.Response(200, json=video("queued")))
    polled = respx.get(f"{base_url}/videos/video_1").mock(
        side_effect=replies(
            video("queued"), video("in_progress"), video("completed"), headers={"openai-poll-after-ms": "20"}
        )
    )

    result = await call(
        client.videos.create_and_poll(prompt="a cat surfing", seconds="4", extra_headers={"X-Trace": "1"})
    )

    assert (result.id, result.status, result.progress) == ("video_1", "completed", 100)
    request = created.calls[0].request
    assert request.headers["X-Trace"] == "1"
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    request.read()
    assert b"a cat surfing" in request.content
    assert polled.call_count == 3
    assert sleeps == [0.02, 0.02]
    assert polled.calls[0].request.headers["X-Stainless-Poll-Helper"] == "true"


@respx.mock
async def test_videos_poll_stops_when_failed(client: Client, sleeps: List[float]) -> None:
    polled = respx.get(f"{base_url}/videos/video_1").mock(side_effect=replies(video("in_progress"), video("failed")))
    result = await call(client.videos.poll("video_1", poll_interval_ms=1))
    assert result.status == "failed"
    assert polled.call_count == 2
    assert polled.calls[1].request.headers["X-Stainless-Custom-Poll-Interval"] == "1"
