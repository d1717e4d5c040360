"""Streaming helpers for the Responses API: `responses.stream()`'s stream, state and events."""

from ._events import (
    ResponseStreamEvent as ResponseStreamEvent,
    ResponseTextDoneEvent as ResponseTextDoneEvent,
    ResponseTextDeltaEvent as ResponseTextDeltaEvent,
    ResponseFunctionCallArgumentsDeltaEvent as ResponseFunctionCallArgumentsDeltaEvent,
)
from ._responses import (
    ResponseStream as ResponseStream,
    AsyncResponseStream as AsyncResponseStream,
    ResponseStreamState as ResponseStreamState,
    ResponseStreamManager as ResponseStreamManager,
    AsyncResponseStreamManager as AsyncResponseStreamManager,
)
