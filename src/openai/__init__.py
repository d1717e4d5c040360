"""The `openai` package: its public names, the settings of the module-level client (`openai.api_key = ...`,
`openai.chat.completions.create(...)`), and on-demand imports of everything heavier, so `import openai` is cheap."""

from __future__ import annotations

import os as _os
import importlib as _importlib
from typing import (
    TYPE_CHECKING as _TYPE_CHECKING,
    Any as _Any,
    Dict as _Dict,
    Tuple as _Tuple,
    Mapping as _Mapping,
    Optional as _Optional,
    cast as _cast,
)

import httpx as _httpx
from httpx import Timeout as Timeout
from typing_extensions import Literal as _Literal

from ._types import (
    NOT_GIVEN as NOT_GIVEN,
    Omit as Omit,
    NoneType as NoneType,
    NotGiven as NotGiven,
    Transport as Transport,
    ProxiesTypes as ProxiesTypes,
    RequestOptions as RequestOptions,
    omit as omit,
    not_given as not_given,
)
from ._version import __title__ as __title__, __version__ as __version__
from ._constants import (
    DEFAULT_TIMEOUT as DEFAULT_TIMEOUT,
    DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES,
    DEFAULT_CONNECTION_LIMITS as DEFAULT_CONNECTION_LIMITS,
)
from ._exceptions import (
    APIError as APIError,
    OAuthError as OAuthError,
    OpenAIError as OpenAIError,
    ConflictError as ConflictError,
    NotFoundError as NotFoundError,
    APIStatusError as APIStatusError,
    RateLimitError as RateLimitError,
    APITimeoutError as APITimeoutError,
    BadRequestError as BadRequestError,
    APIConnectionError as APIConnectionError,
    AuthenticationError as AuthenticationError,
    InternalServerError as InternalServerError,
    PermissionDeniedError as PermissionDeniedError,
    LengthFinishReasonError as LengthFinishReasonError,
    WebSocketQueueFullError as WebSocketQueueFullError,
    UnprocessableEntityError as UnprocessableEntityError,
    APIResponseValidationError as APIResponseValidationError,
    InvalidWebhookSignatureError as InvalidWebhookSignatureError,
    ContentFilterFinishReasonError as ContentFilterFinishReasonError,
    WebSocketConnectionClosedError as WebSocketConnectionClosedError,
)
from ._utils._logs import setup_logging as _setup_logging

if _TYPE_CHECKING:
    from . import types as types, resources as resources
    from ._utils import file_from_path as file_from_path
    from ._client import Client as Client, OpenAI as OpenAI, AsyncClient as AsyncClient, AsyncOpenAI as AsyncOpenAI
    from ._models import BaseModel as BaseModel
    from ._response import APIResponse as APIResponse, AsyncAPIResponse as AsyncAPIResponse
    from .lib.azure import (
        AzureOpenAI as AzureOpenAI,
        AsyncAzureOpenAI as AsyncAzureOpenAI,
        AzureADTokenProvider as _AzureADTokenProvider,
    )
    from ._streaming import Stream as Stream, AsyncStream as AsyncStream
    from .lib._tools import pydantic_function_tool as pydantic_function_tool
    from ._base_client import (
        DefaultHttpxClient as DefaultHttpxClient,
        DefaultAioHttpClient as DefaultAioHttpClient,
        DefaultAsyncHttpxClient as DefaultAsyncHttpxClient,
    )
    from .lib.streaming import (
        AssistantEventHandler as AssistantEventHandler,
        AsyncAssistantEventHandler as AsyncAssistantEventHandler,
    )
    from ._module_client import (
        beta as beta,
        chat as chat,
        admin as admin,
        audio as audio,
        evals as evals,
        files as files,
        images as images,
        models as models,
        skills as skills,
        videos as videos,
        batches as batches,
        uploads as uploads,
        realtime as realtime,
        webhooks as webhooks,
        responses as responses,
        containers as containers,
        embeddings as embeddings,
        completions as completions,
        fine_tuning as fine_tuning,
        moderations as moderations,
        conversations as conversations,
        vector_stores as vector_stores,
        content_provenance_checks as content_provenance_checks,
    )
    from ._legacy_response import HttpxBinaryResponseContent as HttpxBinaryResponseContent
    from .types.websocket_reconnection import (
        ReconnectingEvent as ReconnectingEvent,
        ReconnectingOverrides as ReconnectingOverrides,
    )

__all__ = [
    "types",
    "__version__",
    "__title__",
    "NoneType",
    "Transport",
    "ProxiesTypes",
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "Omit",
    "omit",
    "OpenAIError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "APIConnectionError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "OAuthError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "LengthFinishReasonError",
    "ContentFilterFinishReasonError",
    "InvalidWebhookSignatureError",
    "Timeout",
    "RequestOptions",
    "Client",
    "AsyncClient",
    "Stream",
    "AsyncStream",
    "OpenAI",
    "AsyncOpenAI",
    "file_from_path",
    "BaseModel",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DefaultAioHttpClient",
    "ReconnectingEvent",
    "ReconnectingOverrides",
    "WebSocketQueueFullError",
    "WebSocketConnectionClosedError",
]

VERSION: str = __version__

# -- names imported on first access ---------------------------------------------------------------------------------

_RESOURCES = (
    "completions",
    "chat",
    "embeddings",
    "files",
    "images",
    "content_provenance_checks",
    "audio",
    "moderations",
    "models",
    "fine_tuning",
    "vector_stores",
    "webhooks",
    "beta",
    "batches",
    "uploads",
    "admin",
    "responses",
    "realtime",
    "conversations",
    "evals",
    "containers",
    "skills",
    "videos",
)
_REMOVED_V0_NAMES = (
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

# name -> (module, attribute); an empty attribute means the module itself
_LAZY: _Dict[str, _Tuple[str, str]] = {
    "types": (".types", ""),
    "resources": (".resources", ""),
    "OpenAI": ("._client", "OpenAI"),
    "AsyncOpenAI": ("._client", "AsyncOpenAI"),
    "Client": ("._client", "Client"),
    "AsyncClient": ("._client", "AsyncClient"),
    "Stream": ("._streaming", "Stream"),
    "AsyncStream": ("._streaming", "AsyncStream"),
    "BaseModel": ("._models", "BaseModel"),
    "APIResponse": ("._response", "APIResponse"),
    "AsyncAPIResponse": ("._response", "AsyncAPIResponse"),
    "HttpxBinaryResponseContent": ("._legacy_response", "HttpxBinaryResponseContent"),
    "DefaultHttpxClient": ("._base_client", "DefaultHttpxClient"),
    "DefaultAsyncHttpxClient": ("._base_client", "DefaultAsyncHttpxClient"),
    "DefaultAioHttpClient": ("._base_client", "DefaultAioHttpClient"),
    "file_from_path": ("._utils", "file_from_path"),
    "pydantic_function_tool": (".lib._tools", "pydantic_function_tool"),
    "ReconnectingEvent": (".types.websocket_reconnection", "ReconnectingEvent"),
    "ReconnectingOverrides": (".types.websocket_reconnection", "ReconnectingOverrides"),
    "AssistantEventHandler": (".lib.streaming._assistants", "AssistantEventHandler"),
    "AsyncAssistantEventHandler": (".lib.streaming._assistants", "AsyncAssistantEventHandler"),
    "AzureOpenAI": (".lib.azure", "AzureOpenAI"),
    "AsyncAzureOpenAI": (".lib.azure", "AsyncAzureOpenAI"),
    **{name: ("._module_client", name) for name in _RESOURCES},
    **{name: (".lib._old_api", name) for name in _REMOVED_V0_NAMES},
}


def __getattr__(name: str) -> _Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module_name, attribute = target
    module = _importlib.import_module(module_name, __name__)
    value = getattr(module, attribute) if attribute else module
    if name in __all__ and attribute:
        _set_public_module(value)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def _set_public_module(value: object) -> None:
    """Show public names as `openai.X` (e.g. in reprs and tracebacks) rather than their private module."""
    try:
        value.__module__ = "openai"
    except (TypeError, AttributeError):
        pass


def _set_public_modules() -> None:
    for name in __all__:
        if name in globals():
            _set_public_module(globals()[name])


_set_public_modules()

# -- the module-level client ----------------------------------------------------------------------------------------

api_key: str | None = None

admin_api_key: str | None = None

organization: str | None = None

project: str | None = None

webhook_secret: str | None = None

base_url: str | _httpx.URL | None = None

timeout: float | Timeout | None = DEFAULT_TIMEOUT

max_retries: int = DEFAULT_MAX_RETRIES

default_headers: _Mapping[str, str] | None = None

default_query: _Mapping[str, object] | None = None

http_client: _httpx.Client | None = None

_ApiType = _Literal["openai", "azure", "amazon-bedrock"]

api_type: _ApiType | None = _cast(_Optional[_ApiType], _os.environ.get("OPENAI_API_TYPE"))

api_version: str | None = _os.environ.get("OPENAI_API_VERSION")

azure_endpoint: str | None = _os.environ.get("AZURE_OPENAI_ENDPOINT")

azure_ad_token: str | None = _os.environ.get("AZURE_OPENAI_AD_TOKEN")

azure_ad_token_provider: _AzureADTokenProvider | None = None

bedrock_token_provider: _Any = None

_bedrock_api_key: str | None = None


def _load_client() -> OpenAI:  # pyright: ignore[reportUnusedFunction]
    """The shared module-level client, created on first use from the settings above."""
    from ._module_client import load_client

    return load_client()


def _reset_client() -> None:  # pyright: ignore[reportUnusedFunction]
    """Forget the module-level client; the next use creates a new one."""
    from ._module_client import reset_client

    reset_client()


_setup_logging()
