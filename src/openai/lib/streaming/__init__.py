"""Streaming helpers: chat completions (`openai.lib.streaming.chat`), Assistants runs (`AssistantEventHandler`, ...)
and the delta accumulation they share.

The Assistants names load their module (and the thread types) on first access.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._assistants import (
        AssistantEventHandler as AssistantEventHandler,
        AssistantEventHandlerT as AssistantEventHandlerT,
        AssistantStreamManager as AssistantStreamManager,
        AsyncAssistantEventHandler as AsyncAssistantEventHandler,
        AsyncAssistantEventHandlerT as AsyncAssistantEventHandlerT,
        AsyncAssistantStreamManager as AsyncAssistantStreamManager,
    )

_ASSISTANTS = {
    "AssistantEventHandler",
    "AssistantEventHandlerT",
    "AssistantStreamManager",
    "AsyncAssistantEventHandler",
    "AsyncAssistantEventHandlerT",
    "AsyncAssistantStreamManager",
}


def __getattr__(name: str) -> Any:
    if name in _ASSISTANTS:
        return getattr(importlib.import_module("._assistants", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_ASSISTANTS})
