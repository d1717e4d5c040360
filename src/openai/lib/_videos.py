"""`videos.create_and_poll()` and `videos.poll()`: waiting for a video job to finish (mixed into the generated videos
resource: `VideosHelpers` into `Videos`, `AsyncVideosHelpers` into `AsyncVideos`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import httpx

from .._types import Body, Omit, Query, Headers, NotGiven, omit, not_given
from ._polling import poll, async_poll
from .._resource import SyncAPIResource, AsyncAPIResource

if TYPE_CHECKING:
    from ..types import video_create_params
    from ..types.video import Video
    from ..resources.videos import Videos, AsyncVideos
    from ..types.video_size import VideoSize
    from ..types.video_model import VideoModel
    from ..types.video_seconds import VideoSeconds

__all__ = ["VideosHelpers", "AsyncVideosHelpers"]


def _is_finished(video: Video) -> bool:
    return video.status in ("completed", "failed")


class VideosHelpers(SyncAPIResource):
    def create_and_poll(
        self,
        *,
        prompt: str,
        input_reference: video_create_params.InputReference | Omit = omit,
        model: VideoModel | Omit = omit,
        seconds: VideoSeconds | Omit = omit,
        size: VideoSize | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Video:
        """Create a video job, then `poll()` it until it has completed or failed."""
        video = cast("Videos", self).create(
            prompt=prompt,
            input_reference=input_reference,
            model=model,
            seconds=seconds,
            size=size,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self.poll(video.id, poll_interval_ms=poll_interval_ms)

    def poll(self, video_id: str, *, poll_interval_ms: int | Omit = omit) -> Video:
        """Retrieve the video until its status is `completed` or `failed`; returns its last state."""
        videos = cast("Videos", self)
        return poll(
            lambda headers: videos.with_raw_response.retrieve(video_id, extra_headers=headers),
            is_done=_is_finished,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )


class AsyncVideosHelpers(AsyncAPIResource):
    async def create_and_poll(
        self,
        *,
        prompt: str,
        input_reference: video_create_params.InputReference | Omit = omit,
        model: VideoModel | Omit = omit,
        seconds: VideoSeconds | Omit = omit,
        size: VideoSize | Omit = omit,
        poll_interval_ms: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Video:
        """Create a video job, then `poll()` it until it has completed or failed."""
        video = await cast("AsyncVideos", self).create(
            prompt=prompt,
            input_reference=input_reference,
            model=model,
            seconds=seconds,
            size=size,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self.poll(video.id, poll_interval_ms=poll_interval_ms)

    async def poll(self, video_id: str, *, poll_interval_ms: int | Omit = omit) -> Video:
        """Retrieve the video until its status is `completed` or `failed`; returns its last state."""
        videos = cast("AsyncVideos", self)
        return await async_poll(
            lambda headers: videos.with_raw_response.retrieve(video_id, extra_headers=headers),
            is_done=_is_finished,
            poll_interval_ms=poll_interval_ms,
            sleep=self._sleep,
        )
