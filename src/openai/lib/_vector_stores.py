"""Upload and poll helpers of `vector_stores.files` (`FileHelpers`) and `vector_stores.file_batches`
(`FileBatchHelpers`), mixed into the generated resources (`Async<Name>` into the async ones): upload files, attach
them to a vector store and wait until the vector store has finished processing them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List, Union, Iterable, Optional, cast
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx

from .._types import Body, Omit, Query, Headers, NotGiven, FileTypes, SequenceNotStr, omit, not_given
from ._polling import poll, async_poll
from .._resource import SyncAPIResource, AsyncAPIResource

if TYPE_CHECKING:
    from ..types.file_object import FileObject
    from ..types.vector_stores import file_batch_create_params
    from ..resources.vector_stores.files import Files, AsyncFiles
    from ..types.file_chunking_strategy_param import FileChunkingStrategyParam
    from ..resources.vector_stores.file_batches import FileBatches, AsyncFileBatches
    from ..types.vector_stores.vector_store_file import VectorStoreFile
    from ..types.vector_stores.vector_store_file_batch import VectorStoreFileBatch

__all__ = ["FileHelpers", "AsyncFileHelpers", "FileBatchHelpers", "AsyncFileBatchHelpers"]

_Attributes = Optional[Dict[str, Union[str, float, bool]]]


def _is_processed(item: Union[VectorStoreFile, VectorStoreFileBatch]) -> bool:
    return item.status != "in_progress"


def _files_to_upload(files: Iterable[FileTypes]) -> List[FileTypes]:
    to_upload = list(files)
    if not to_upload:
        raise ValueError("No `files` to upload; to add files that are already uploaded, use `create_and_poll()`")
    return to_upload


class FileHelpers(SyncAPIResource):
    def create_and_poll(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: _Attributes | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> VectorStoreFile:
        """Attach file `file_id` to the vector store, then `poll()` it until it is processed."""
        cast("Files", self).create(
            vector_store_id,
            file_id=file_id,
            attributes=attributes,
            chunking_strategy=chunking_strategy,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self.poll(file_id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)

    def poll(self, file_id: str, *, vector_store_id: str, poll_interval_ms: int | Omit = omit) -> VectorStoreFile:
        """Retrieve the vector store file until its status is no longer `in_progress`; returns its last state."""
        files = cast("Files", self)
        return poll(
            lambda headers: files.with_raw_response.retrieve(
                file_id, vector_store_id=vector_store_id, extra_headers=headers
            ),
            is_done=_is_processed,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )

    def upload(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
    ) -> VectorStoreFile:
        """Upload `file` (purpose `assistants`) and attach it to the vector store, without waiting for processing."""
        uploaded = self._client.files.create(file=file, purpose="assistants")
        return cast("Files", self).create(vector_store_id, file_id=uploaded.id, chunking_strategy=chunking_strategy)

    def upload_and_poll(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        attributes: _Attributes | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
    ) -> VectorStoreFile:
        """Upload `file` (purpose `assistants`), attach it to the vector store and wait until it is processed."""
        uploaded = self._client.files.create(file=file, purpose="assistants")
        return self.create_and_poll(
            uploaded.id,
            vector_store_id=vector_store_id,
            attributes=attributes,
            poll_interval_ms=poll_interval_ms,
            chunking_strategy=chunking_strategy,
        )


class AsyncFileHelpers(AsyncAPIResource):
    async def create_and_poll(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: _Attributes | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> VectorStoreFile:
        """Attach file `file_id` to the vector store, then `poll()` it until it is processed."""
        await cast("AsyncFiles", self).create(
            vector_store_id,
            file_id=file_id,
            attributes=attributes,
            chunking_strategy=chunking_strategy,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self.poll(file_id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)

    async def poll(self, file_id: str, *, vector_store_id: str, poll_interval_ms: int | Omit = omit) -> VectorStoreFile:
        """Retrieve the vector store file until its status is no longer `in_progress`; returns its last state."""
        files = cast("AsyncFiles", self)
        return await async_poll(
            lambda headers: files.with_raw_response.retrieve(
                file_id, vector_store_id=vector_store_id, extra_headers=headers
            ),
            is_done=_is_processed,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )

    async def upload(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
    ) -> VectorStoreFile:
        """Upload `file` (purpose `assistants`) and attach it to the vector store, without waiting for processing."""
        uploaded = await self._client.files.create(file=file, purpose="assistants")
        return await cast("AsyncFiles", self).create(
            vector_store_id, file_id=uploaded.id, chunking_strategy=chunking_strategy
        )

    async def upload_and_poll(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        attributes: _Attributes | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
    ) -> VectorStoreFile:
        """Upload `file` (purpose `assistants`), attach it to the vector store and wait until it is processed."""
        uploaded = await self._client.files.create(file=file, purpose="assistants")
        return await self.create_and_poll(
            uploaded.id,
            vector_store_id=vector_store_id,
            attributes=attributes,
            poll_interval_ms=poll_interval_ms,
            chunking_strategy=chunking_strategy,
        )


class FileBatchHelpers(SyncAPIResource):
    def create_and_poll(
        self,
        vector_store_id: str,
        *,
        attributes: _Attributes | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
        file_ids: SequenceNotStr[str] | Omit = omit,
        files: Iterable[file_batch_create_params.File] | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> VectorStoreFileBatch:
        """Create a file batch in the vector store, then `poll()` it until all its files are processed."""
        batch = cast("FileBatches", self).create(
            vector_store_id,
            attributes=attributes,
            chunking_strategy=chunking_strategy,
            file_ids=file_ids,
            files=files,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self.poll(batch.id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)

    def poll(self, batch_id: str, *, vector_store_id: str, poll_interval_ms: int | Omit = omit) -> VectorStoreFileBatch:
        """Retrieve the file batch until its status is no longer `in_progress`; returns its last state."""
        batches = cast("FileBatches", self)
        return poll(
            lambda headers: batches.with_raw_response.retrieve(
                batch_id, vector_store_id=vector_store_id, extra_headers=headers
            ),
            is_done=_is_processed,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )

    def upload_and_poll(
        self,
        vector_store_id: str,
        *,
        files: Iterable[FileTypes],
        max_concurrency: int = 5,
        file_ids: SequenceNotStr[str] = (),
        poll_interval_ms: int | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
    ) -> VectorStoreFileBatch:
        """Upload `files` (purpose `assistants`, at most `max_concurrency` at a time), then create a batch of them and
        of the already uploaded `file_ids`, and wait until it is processed."""
        to_upload = _files_to_upload(files)

        def upload(file: FileTypes) -> FileObject:
            return self._client.files.create(file=file, purpose="assistants")

        with ThreadPoolExecutor(max_workers=max_concurrency) as pool:
            uploaded = list(pool.map(upload, to_upload))
        return self.create_and_poll(
            vector_store_id,
            file_ids=[*file_ids, *(file.id for file in uploaded)],
            poll_interval_ms=poll_interval_ms,
            chunking_strategy=chunking_strategy,
        )


class AsyncFileBatchHelpers(AsyncAPIResource):
    async def create_and_poll(
        self,
        vector_store_id: str,
        *,
        attributes: _Attributes | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
        file_ids: SequenceNotStr[str] | Omit = omit,
        files: Iterable[file_batch_create_params.File] | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> VectorStoreFileBatch:
        """Create a file batch in the vector store, then `poll()` it until all its files are processed."""
        batch = await cast("AsyncFileBatches", self).create(
            vector_store_id,
            attributes=attributes,
            chunking_strategy=chunking_strategy,
            file_ids=file_ids,
            files=files,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self.poll(batch.id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)

    async def poll(
        self, batch_id: str, *, vector_store_id: str, poll_interval_ms: int | Omit = omit
    ) -> VectorStoreFileBatch:
        """Retrieve the file batch until its status is no longer `in_progress`; returns its last state."""
        batches = cast("AsyncFileBatches", self)
        return await async_poll(
            lambda headers: batches.with_raw_response.retrieve(
                batch_id, vector_store_id=vector_store_id, extra_headers=headers
            ),
            is_done=_is_processed,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )

    async def upload_and_poll(
        self,
        vector_store_id: str,
        *,
        files: Iterable[FileTypes],
        max_concurrency: int = 5,
        file_ids: SequenceNotStr[str] = (),
        poll_interval_ms: int | Omit = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit = omit,
    ) -> VectorStoreFileBatch:
        """Upload `files` (purpose `assistants`, at most `max_concurrency` at a time), then create a batch of them and
        of the already uploaded `file_ids`, and wait until it is processed."""
        uploaded = await self._upload_all(_files_to_upload(files), max_concurrency)
        return await self.create_and_poll(
            vector_store_id,
            file_ids=[*file_ids, *(file.id for file in uploaded)],
            poll_interval_ms=poll_interval_ms,
            chunking_strategy=chunking_strategy,
        )

    async def _upload_all(self, files: List[FileTypes], max_concurrency: int) -> List[FileObject]:
        """Upload `files` concurrently, in their order; the first failure cancels the others and is raised as is."""
        limiter = anyio.CapacityLimiter(max_concurrency)
        uploaded: Dict[int, FileObject] = {}
        errors: List[Exception] = []

        async def upload(index: int, file: FileTypes) -> None:
            async with limiter:
                try:
                    uploaded[index] = await self._client.files.create(file=file, purpose="assistants")
                except Exception as error:
                    errors.append(error)
                    group.cancel_scope.cancel()

        async with anyio.create_task_group() as group:
            for index, file in enumerate(files):
                group.start_soon(upload, index, file)
        if errors:
            raise errors[0]
        return [uploaded[index] for index in range(len(files))]
