"""`uploads.upload_file_chunked()`: creating an upload, sending a file as parts and completing it (mixed into the
generated uploads resource: `UploadsHelpers` into `Uploads`, `AsyncUploadsHelpers` into `AsyncUploads`)."""

from __future__ import annotations

import io
import os
import logging
import builtins
from typing import TYPE_CHECKING, List, Tuple, Union, cast, overload

from typing_extensions import Literal

from .._types import Omit, omit
from .._utils import to_thread
from .._resource import SyncAPIResource, AsyncAPIResource

if TYPE_CHECKING:
    from ..types.upload import Upload
    from ..resources.uploads import Uploads, AsyncUploads

__all__ = ["UploadsHelpers", "AsyncUploadsHelpers", "DEFAULT_PART_SIZE"]

log = logging.getLogger("openai")

DEFAULT_PART_SIZE = 64 * 1024 * 1024
"""Size of the parts a file is cut into unless `part_size` says otherwise: 64 MiB."""

_Purpose = Literal["assistants", "batch", "fine-tune", "vision"]


def _describe(
    file: Union[os.PathLike[str], builtins.bytes], filename: str | None, size: int | None
) -> Tuple[str, int, io.RawIOBase | io.BytesIO]:
    """The upload's file name and size, and the stream its parts are read from."""
    if isinstance(file, builtins.bytes):
        if filename is None:
            raise TypeError("The `filename` argument must be given for in-memory files")
        if size is None:
            raise TypeError("The `bytes` argument must be given for in-memory files")
        return filename, size, io.BytesIO(file)
    path = os.fspath(file)
    return filename or os.path.basename(path), os.path.getsize(path) if size is None else size, io.FileIO(path)


class UploadsHelpers(SyncAPIResource):
    @overload
    def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str],
        mime_type: str,
        purpose: _Purpose,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | Omit = omit,
    ) -> Upload: ...

    @overload
    def upload_file_chunked(
        self,
        *,
        file: builtins.bytes,
        filename: str,
        bytes: int,
        mime_type: str,
        purpose: _Purpose,
        part_size: int | None = None,
        md5: str | Omit = omit,
    ) -> Upload: ...

    def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str] | builtins.bytes,
        mime_type: str,
        purpose: _Purpose,
        filename: str | None = None,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | Omit = omit,
    ) -> Upload:
        """Upload a file (a path, or its content with `filename` and `bytes`) in parts of `part_size` bytes
        (default 64 MiB), sent one after the other, then complete the upload; returns the completed `Upload`."""
        api = cast("Uploads", self)  # the generated class this is mixed into
        filename, size, stream = _describe(file, filename, bytes)
        upload = api.create(bytes=size, filename=filename, mime_type=mime_type, purpose=purpose)
        part_ids: List[str] = []
        with stream:
            while data := stream.read(part_size or DEFAULT_PART_SIZE):
                part = api.parts.create(upload.id, data=data)
                log.info("Uploaded part %s for upload %s", part.id, upload.id)
                part_ids.append(part.id)
        return api.complete(upload.id, part_ids=part_ids, md5=md5)


class AsyncUploadsHelpers(AsyncAPIResource):
    @overload
    async def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str],
        mime_type: str,
        purpose: _Purpose,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | Omit = omit,
    ) -> Upload: ...

    @overload
    async def upload_file_chunked(
        self,
        *,
        file: builtins.bytes,
        filename: str,
        bytes: int,
        mime_type: str,
        purpose: _Purpose,
        part_size: int | None = None,
        md5: str | Omit = omit,
    ) -> Upload: ...

    async def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str] | builtins.bytes,
        mime_type: str,
        purpose: _Purpose,
        filename: str | None = None,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | Omit = omit,
    ) -> Upload:
        """Upload a file (a path, or its content with `filename` and `bytes`) in parts of `part_size` bytes
        (default 64 MiB), sent one after the other, then complete the upload; returns the completed `Upload`."""
        api = cast("AsyncUploads", self)  # the generated class this is mixed into
        filename, size, stream = _describe(file, filename, bytes)
        upload = await api.create(bytes=size, filename=filename, mime_type=mime_type, purpose=purpose)
        part_ids: List[str] = []
        with stream:
            # File reads happen in a worker thread, off the event loop.
            while data := await to_thread(stream.read, part_size or DEFAULT_PART_SIZE):
                part = await api.parts.create(upload.id, data=data)
                log.info("Uploaded part %s for upload %s", part.id, upload.id)
                part_ids.append(part.id)
        return await api.complete(upload.id, part_ids=part_ids, md5=md5)
