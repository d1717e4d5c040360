"""`files.wait_for_processing()`: polling an uploaded file until the API has finished processing it (mixed into the
generated files resource: `FilesHelpers` into `Files`, `AsyncFilesHelpers` into `AsyncFiles`)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from .._resource import SyncAPIResource, AsyncAPIResource

if TYPE_CHECKING:
    from ..resources.files import Files, AsyncFiles
    from ..types.file_object import FileObject

__all__ = ["FilesHelpers", "AsyncFilesHelpers"]

# Statuses after which a file's status no longer changes.
_FINAL_STATUSES = ("processed", "error", "deleted")


def _check_deadline(id: str, started: float, max_wait_seconds: float) -> None:
    if time.monotonic() - started > max_wait_seconds:
        raise RuntimeError(f"Giving up on waiting for file {id} to finish processing after {max_wait_seconds} seconds.")


class FilesHelpers(SyncAPIResource):
    def wait_for_processing(
        self, id: str, *, poll_interval: float = 5.0, max_wait_seconds: float = 30 * 60
    ) -> FileObject:
        """Retrieve file `id` every `poll_interval` seconds until it is processed (or failed); returns the last state.

        Raises `RuntimeError` once more than `max_wait_seconds` have passed.
        """
        files = cast("Files", self)  # the generated class this is mixed into
        started = time.monotonic()
        file = files.retrieve(id)
        while file.status not in _FINAL_STATUSES:
            self._sleep(poll_interval)
            file = files.retrieve(id)
            _check_deadline(id, started, max_wait_seconds)
        return file


class AsyncFilesHelpers(AsyncAPIResource):
    async def wait_for_processing(
        self, id: str, *, poll_interval: float = 5.0, max_wait_seconds: float = 30 * 60
    ) -> FileObject:
        """Retrieve file `id` every `poll_interval` seconds until it is processed (or failed); returns the last state.

        Raises `RuntimeError` once more than `max_wait_seconds` have passed.
        """
        files = cast("AsyncFiles", self)  # the generated class this is mixed into
        started = time.monotonic()
        file = await files.retrieve(id)
        while file.status not in _FINAL_STATUSES:
            await self._sleep(poll_interval)
            file = await files.retrieve(id)
            _check_deadline(id, started, max_wait_seconds)
        return file
