"""Placeholders for the module-level names of the pre-1.0 API (`openai.Completion`, ...): using them explains the change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from typing_extensions import override

from .._utils import LazyProxy
from .._exceptions import OpenAIError

_MESSAGE = """

You tried to access openai.{symbol}, but this is no longer supported in openai>=1.0.0 - the v0 module-level API was replaced by client objects.

Either port your code (`openai migrate` can rewrite most of it automatically), e.g.

    client = openai.OpenAI()
    client.chat.completions.create(...)

or keep the old interface by pinning an older release: `pip install openai==0.28`.
"""

REMOVED_SYMBOLS = (
    "Edit",
    "File",
    "Audio",
    "Image",
    "Model",
    "Engine",
    "Customer",
    "FineTune",
    "Embedding",
    "Completion",
    "Deployment",
    "Moderation",
    "ErrorObject",
    "FineTuningJob",
    "ChatCompletion",
)


class APIRemovedInV1(OpenAIError):
    def __init__(self, *, symbol: str) -> None:
        super().__init__(_MESSAGE.format(symbol=symbol))


class APIRemovedInV1Proxy(LazyProxy[Any]):
    """Stands for a removed name: attribute access yields the proxy again, calling it raises `APIRemovedInV1`."""

    def __init__(self, *, symbol: str) -> None:
        super().__init__()
        self._symbol = symbol

    @override
    def __load__(self) -> Any:
        # returning the proxy itself makes `openai.Completion.create` resolve to the proxy as well
        return self

    def __call__(self, *_args: Any, **_kwargs: Any) -> Any:
        raise APIRemovedInV1(symbol=self._symbol)


# Not declared to type checkers, so that editors do not offer the removed names for completion.
if not TYPE_CHECKING:
    for _symbol in REMOVED_SYMBOLS:
        globals()[_symbol] = APIRemovedInV1Proxy(symbol=_symbol)
    del _symbol
