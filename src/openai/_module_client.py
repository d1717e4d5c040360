"""The module-level client behind `openai.chat`, `openai.models`, ...: created on first use from the `openai.*`
settings, which it keeps reading, so that `openai.api_key = ...` takes effect on the next request."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional

import httpx
from typing_extensions import override

import openai

from ._types import Timeout
from ._utils import LazyProxy
from ._client import OpenAI, env_custom_headers
from .lib.azure import AzureOpenAI
from ._exceptions import OpenAIError

if TYPE_CHECKING:
    from .resources.files import Files
    from .resources.images import Images
    from .resources.models import Models
    from .resources.videos import Videos
    from .resources.batches import Batches
    from .resources.webhooks import Webhooks
    from .resources.beta.beta import Beta
    from .resources.chat.chat import Chat
    from .resources.embeddings import Embeddings
    from .resources.admin.admin import Admin
    from .resources.audio.audio import Audio
    from .resources.completions import Completions
    from .resources.evals.evals import Evals
    from .resources.moderations import Moderations
    from .resources.skills.skills import Skills
    from .resources.uploads.uploads import Uploads
    from .resources.realtime.realtime import Realtime
    from .resources.responses.responses import Responses
    from .resources.containers.containers import Containers
    from .resources.fine_tuning.fine_tuning import FineTuning
    from .resources.content_provenance_checks import ContentProvenanceChecks
    from .resources.conversations.conversations import Conversations
    from .resources.vector_stores.vector_stores import VectorStores


class _ModuleClient(OpenAI):
    """Every option is a view of the `openai.<name>` setting; assigning an option assigns the setting."""

    # pyright cannot see that properties may replace the attributes declared on `OpenAI`.

    @property
    @override
    def api_key(self) -> str:
        return openai.api_key or ""

    @api_key.setter
    def api_key(self, value: str) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        openai.api_key = value

    @property
    @override
    def admin_api_key(self) -> str | None:
        return openai.admin_api_key

    @admin_api_key.setter
    def admin_api_key(self, value: str | None) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        openai.admin_api_key = value

    @property
    @override
    def organization(self) -> str | None:
        return openai.organization

    @organization.setter
    def organization(self, value: str | None) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        openai.organization = value

    @property
    @override
    def project(self) -> str | None:
        return openai.project

    @project.setter
    def project(self, value: str | None) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        openai.project = value

    @property
    @override
    def webhook_secret(self) -> str | None:
        return openai.webhook_secret

    @webhook_secret.setter
    def webhook_secret(self, value: str | None) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        openai.webhook_secret = value

    @property
    @override
    def base_url(self) -> httpx.URL:
        # A `openai.base_url` set by the user is taken as it is (no trailing slash is added).
        if openai.base_url is not None:
            return httpx.URL(openai.base_url)
        return super().base_url

    @base_url.setter
    def base_url(self, url: httpx.URL | str) -> None:
        openai.base_url = url

    @property
    @override
    def timeout(self) -> float | Timeout | None:
        return openai.timeout

    @timeout.setter
    def timeout(self, value: float | Timeout | None) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        openai.timeout = value

    @property
    @override
    def max_retries(self) -> int:
        return openai.max_retries

    @max_retries.setter
    def max_retries(self, value: int) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        openai.max_retries = value

    @property
    def _custom_headers(self) -> Dict[str, str]:
        return {**env_custom_headers(), **(openai.default_headers or {})}

    @_custom_headers.setter
    def _custom_headers(self, value: Mapping[str, str]) -> None:
        pass  # the settings are the source of truth

    @property
    def _custom_query(self) -> Mapping[str, object]:
        return openai.default_query or {}

    @_custom_query.setter
    def _custom_query(self, value: Mapping[str, object]) -> None:
        pass  # the settings are the source of truth

    @property
    @override
    def _client(self) -> httpx.Client:
        return openai.http_client or self._own_http_client

    @_client.setter
    def _client(self, value: httpx.Client) -> None:  # pyright: ignore[reportIncompatibleVariableOverride]
        self._own_http_client = value


class _AzureModuleClient(_ModuleClient, AzureOpenAI):  # pyright: ignore[reportIncompatibleMethodOverride, reportIncompatibleVariableOverride]
    @property
    @override
    def _custom_query(self) -> Mapping[str, object]:
        return {**(openai.default_query or {}), "api-version": self._api_version}

    @_custom_query.setter
    def _custom_query(self, value: Mapping[str, object]) -> None:
        pass  # the settings are the source of truth


class _AmbiguousModuleClientUsageError(OpenAIError):
    def __init__(self) -> None:
        super().__init__(
            "Ambiguous use of module client; please set `openai.api_type` or the `OPENAI_API_TYPE` environment variable to `openai`, `azure`, or `amazon-bedrock`"
        )


_instance: Optional[OpenAI] = None


def _detect_api_type() -> str:
    """`azure` when Azure (or Azure AD) credentials are configured, else `openai`; both at once is ambiguous."""
    has_openai_key = os.environ.get("OPENAI_API_KEY") is not None
    has_azure_key = os.environ.get("AZURE_OPENAI_API_KEY") is not None
    has_azure = openai.azure_endpoint is not None or has_azure_key
    has_azure_ad = (
        openai.azure_ad_token is not None
        or os.environ.get("AZURE_OPENAI_AD_TOKEN") is not None
        or openai.azure_ad_token_provider is not None
    )
    if has_openai_key and (has_azure or has_azure_ad):
        raise _AmbiguousModuleClientUsageError()
    if has_azure_ad and has_azure_key:
        raise _AmbiguousModuleClientUsageError()
    return "azure" if has_azure or has_azure_ad else "openai"


def _create_client() -> OpenAI:
    if openai.api_type is None:
        openai.api_type = "azure" if _detect_api_type() == "azure" else "openai"

    if openai.api_type == "azure":
        return _AzureModuleClient(
            api_version=openai.api_version,
            azure_endpoint=openai.azure_endpoint,
            api_key=openai.api_key,
            azure_ad_token=openai.azure_ad_token,
            azure_ad_token_provider=openai.azure_ad_token_provider,
            organization=openai.organization,
            base_url=None if openai.base_url is None else str(openai.base_url),
            timeout=openai.timeout,
            max_retries=openai.max_retries,
            default_headers=openai.default_headers,
            default_query=openai.default_query,
        )
    if openai.api_type == "amazon-bedrock":
        raise NotImplementedError("The `amazon-bedrock` module client is not supported yet")
    return _ModuleClient(
        api_key=openai.api_key,
        admin_api_key=openai.admin_api_key,
        organization=openai.organization,
        project=openai.project,
        webhook_secret=openai.webhook_secret,
        base_url=openai.base_url,
        timeout=openai.timeout,
        max_retries=openai.max_retries,
        default_headers=openai.default_headers,
        default_query=openai.default_query,
        _enforce_credentials=False,
    )


def load_client() -> OpenAI:
    """The shared module-level client, created on first use."""
    global _instance
    if _instance is None:
        _instance = _create_client()
    return _instance


def reset_client() -> None:
    """Forget the module-level client; the next use creates a new one from the current settings."""
    global _instance
    _instance = None


class _ResourceProxy(LazyProxy[Any]):
    """`openai.<resource>`: the module client's resource of that name, looked up on every use."""

    def __init__(self, name: str) -> None:
        self._resource_name = name

    @override
    def __load__(self) -> Any:
        return getattr(load_client(), self._resource_name)


completions: Completions = _ResourceProxy("completions").__as_proxied__()
chat: Chat = _ResourceProxy("chat").__as_proxied__()
embeddings: Embeddings = _ResourceProxy("embeddings").__as_proxied__()
files: Files = _ResourceProxy("files").__as_proxied__()
images: Images = _ResourceProxy("images").__as_proxied__()
content_provenance_checks: ContentProvenanceChecks = _ResourceProxy("content_provenance_checks").__as_proxied__()
audio: Audio = _ResourceProxy("audio").__as_proxied__()
moderations: Moderations = _ResourceProxy("moderations").__as_proxied__()
models: Models = _ResourceProxy("models").__as_proxied__()
fine_tuning: FineTuning = _ResourceProxy("fine_tuning").__as_proxied__()
vector_stores: VectorStores = _ResourceProxy("vector_stores").__as_proxied__()
webhooks: Webhooks = _ResourceProxy("webhooks").__as_proxied__()
beta: Beta = _ResourceProxy("beta").__as_proxied__()
batches: Batches = _ResourceProxy("batches").__as_proxied__()
uploads: Uploads = _ResourceProxy("uploads").__as_proxied__()
admin: Admin = _ResourceProxy("admin").__as_proxied__()
responses: Responses = _ResourceProxy("responses").__as_proxied__()
realtime: Realtime = _ResourceProxy("realtime").__as_proxied__()
conversations: Conversations = _ResourceProxy("conversations").__as_proxied__()
evals: Evals = _ResourceProxy("evals").__as_proxied__()
containers: Containers = _ResourceProxy("containers").__as_proxied__()
skills: Skills = _ResourceProxy("skills").__as_proxied__()
videos: Videos = _ResourceProxy("videos").__as_proxied__()
