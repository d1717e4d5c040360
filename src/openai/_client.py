"""`OpenAI` / `AsyncOpenAI`: constructor rules (environment, credentials), auth headers chosen per endpoint,
`copy()`/`with_options()`, and the resource attributes, each imported on first access."""

# The helpers shared by the sync and async clients read their private options.
# pyright: reportPrivateUsage=false

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Union, Mapping, Callable, Optional, Awaitable, NamedTuple, cast

import httpx
from typing_extensions import Self, override

from ._types import Omit, Timeout, NotGiven, SecurityOptions, not_given
from ._utils import is_given
from ._compat import cached_property
from ._models import FinalRequestOptions
from ._version import __version__
from ._constants import DEFAULT_MAX_RETRIES
from ._streaming import Stream, AsyncStream
from ._exceptions import OpenAIError
from ._base_client import SyncAPIClient, AsyncAPIClient, find_header, merge_headers

if TYPE_CHECKING:
    from .auth import WorkloadIdentityAuth
    from .resources.files import (
        Files,
        AsyncFiles,
        FilesWithRawResponse,
        AsyncFilesWithRawResponse,
        FilesWithStreamingResponse,
        AsyncFilesWithStreamingResponse,
    )
    from .resources.images import (
        Images,
        AsyncImages,
        ImagesWithRawResponse,
        AsyncImagesWithRawResponse,
        ImagesWithStreamingResponse,
        AsyncImagesWithStreamingResponse,
    )
    from .resources.models import (
        Models,
        AsyncModels,
        ModelsWithRawResponse,
        AsyncModelsWithRawResponse,
        ModelsWithStreamingResponse,
        AsyncModelsWithStreamingResponse,
    )
    from .resources.videos import (
        Videos,
        AsyncVideos,
        VideosWithRawResponse,
        AsyncVideosWithRawResponse,
        VideosWithStreamingResponse,
        AsyncVideosWithStreamingResponse,
    )
    from .resources.batches import (
        Batches,
        AsyncBatches,
        BatchesWithRawResponse,
        AsyncBatchesWithRawResponse,
        BatchesWithStreamingResponse,
        AsyncBatchesWithStreamingResponse,
    )
    from .resources.webhooks import (
        Webhooks,
        AsyncWebhooks,
    )
    from .resources.beta.beta import (
        Beta,
        AsyncBeta,
        BetaWithRawResponse,
        AsyncBetaWithRawResponse,
        BetaWithStreamingResponse,
        AsyncBetaWithStreamingResponse,
    )
    from .resources.chat.chat import (
        Chat,
        AsyncChat,
        ChatWithRawResponse,
        AsyncChatWithRawResponse,
        ChatWithStreamingResponse,
        AsyncChatWithStreamingResponse,
    )
    from .resources.embeddings import (
        Embeddings,
        AsyncEmbeddings,
        EmbeddingsWithRawResponse,
        AsyncEmbeddingsWithRawResponse,
        EmbeddingsWithStreamingResponse,
        AsyncEmbeddingsWithStreamingResponse,
    )
    from .resources.admin.admin import (
        Admin,
        AsyncAdmin,
        AdminWithRawResponse,
        AsyncAdminWithRawResponse,
        AdminWithStreamingResponse,
        AsyncAdminWithStreamingResponse,
    )
    from .resources.audio.audio import (
        Audio,
        AsyncAudio,
        AudioWithRawResponse,
        AsyncAudioWithRawResponse,
        AudioWithStreamingResponse,
        AsyncAudioWithStreamingResponse,
    )
    from .resources.completions import (
        Completions,
        AsyncCompletions,
        CompletionsWithRawResponse,
        AsyncCompletionsWithRawResponse,
        CompletionsWithStreamingResponse,
        AsyncCompletionsWithStreamingResponse,
    )
    from .resources.evals.evals import (
        Evals,
        AsyncEvals,
        EvalsWithRawResponse,
        AsyncEvalsWithRawResponse,
        EvalsWithStreamingResponse,
        AsyncEvalsWithStreamingResponse,
    )
    from .resources.moderations import (
        Moderations,
        AsyncModerations,
        ModerationsWithRawResponse,
        AsyncModerationsWithRawResponse,
        ModerationsWithStreamingResponse,
        AsyncModerationsWithStreamingResponse,
    )
    from .resources.skills.skills import (
        Skills,
        AsyncSkills,
        SkillsWithRawResponse,
        AsyncSkillsWithRawResponse,
        SkillsWithStreamingResponse,
        AsyncSkillsWithStreamingResponse,
    )
    from .resources.uploads.uploads import (
        Uploads,
        AsyncUploads,
        UploadsWithRawResponse,
        AsyncUploadsWithRawResponse,
        UploadsWithStreamingResponse,
        AsyncUploadsWithStreamingResponse,
    )
    from .resources.realtime.realtime import (
        Realtime,
        AsyncRealtime,
        RealtimeWithRawResponse,
        AsyncRealtimeWithRawResponse,
        RealtimeWithStreamingResponse,
        AsyncRealtimeWithStreamingResponse,
    )
    from .resources.responses.responses import (
        Responses,
        AsyncResponses,
        ResponsesWithRawResponse,
        AsyncResponsesWithRawResponse,
        ResponsesWithStreamingResponse,
        AsyncResponsesWithStreamingResponse,
    )
    from .resources.containers.containers import (
        Containers,
        AsyncContainers,
        ContainersWithRawResponse,
        AsyncContainersWithRawResponse,
        ContainersWithStreamingResponse,
        AsyncContainersWithStreamingResponse,
    )
    from .resources.fine_tuning.fine_tuning import (
        FineTuning,
        AsyncFineTuning,
        FineTuningWithRawResponse,
        AsyncFineTuningWithRawResponse,
        FineTuningWithStreamingResponse,
        AsyncFineTuningWithStreamingResponse,
    )
    from .resources.content_provenance_checks import (
        ContentProvenanceChecks,
        AsyncContentProvenanceChecks,
        ContentProvenanceChecksWithRawResponse,
        AsyncContentProvenanceChecksWithRawResponse,
        ContentProvenanceChecksWithStreamingResponse,
        AsyncContentProvenanceChecksWithStreamingResponse,
    )
    from .resources.conversations.conversations import (
        Conversations,
        AsyncConversations,
        ConversationsWithRawResponse,
        AsyncConversationsWithRawResponse,
        ConversationsWithStreamingResponse,
        AsyncConversationsWithStreamingResponse,
    )
    from .resources.vector_stores.vector_stores import (
        VectorStores,
        AsyncVectorStores,
        VectorStoresWithRawResponse,
        AsyncVectorStoresWithRawResponse,
        VectorStoresWithStreamingResponse,
        AsyncVectorStoresWithStreamingResponse,
    )

__all__ = ["OpenAI", "AsyncOpenAI", "Client", "AsyncClient"]

DEFAULT_BASE_URL = "https://api.openai.com/v1"

# `openai.auth.WorkloadIdentity` and the `openai.providers` objects are accepted as opaque values here.
WorkloadIdentity = Mapping[str, Any]
Provider = Any


class _Settings(NamedTuple):
    api_key: str
    api_key_provider: Optional[Callable[[], Any]]
    admin_api_key: Optional[str]
    organization: Optional[str]
    project: Optional[str]
    webhook_secret: Optional[str]
    base_url: Union[str, httpx.URL]
    custom_headers: Dict[str, str]


def env_custom_headers() -> Dict[str, str]:
    """`OPENAI_CUSTOM_HEADERS`: one `Name: value` per line; lines without a colon are ignored."""
    headers: Dict[str, str] = {}
    for line in os.environ.get("OPENAI_CUSTOM_HEADERS", "").splitlines():
        name, colon, value = line.partition(":")
        if colon and name.strip():
            headers[name.strip()] = value.strip()
    return headers


def _resolve_settings(
    *,
    api_key: str | Callable[[], Any] | None,
    admin_api_key: str | None,
    workload_identity: WorkloadIdentity | None,
    organization: str | None,
    project: str | None,
    webhook_secret: str | None,
    provider: Provider | None,
    base_url: str | httpx.URL | None,
    default_headers: Mapping[str, str] | None,
    enforce_credentials: bool,
) -> _Settings:
    """Validate the constructor arguments and fill the missing ones from the environment."""
    if provider is not None:
        given = {"api_key": api_key, "admin_api_key": admin_api_key, "workload_identity": workload_identity}
        conflicts = [name for name, value in {**given, "base_url": base_url}.items() if value is not None]
        if conflicts:
            names = ", ".join(f"`{name}`" for name in conflicts)
            provider_name = getattr(provider, "name", type(provider).__name__)
            raise OpenAIError(
                f"`provider` cannot be combined with top-level {names}. Move provider authentication and routing options into `{provider_name}(...)`."
            )
    elif api_key is not None and workload_identity is not None:
        raise OpenAIError("The `api_key` and `workload_identity` arguments are mutually exclusive")

    if provider is None:
        if api_key is None and workload_identity is None:
            api_key = os.environ.get("OPENAI_API_KEY")
        if admin_api_key is None:
            admin_api_key = os.environ.get("OPENAI_ADMIN_KEY")
        if enforce_credentials and not api_key and workload_identity is None and not admin_api_key:
            raise OpenAIError(
                "Missing credentials. Please pass an `api_key`, `workload_identity`, `admin_api_key`, or set the `OPENAI_API_KEY` or `OPENAI_ADMIN_KEY` environment variable."
            )

    custom_headers: Dict[str, str] = {} if provider is not None else env_custom_headers()
    if default_headers:
        merge_headers(custom_headers, default_headers)

    return _Settings(
        api_key=api_key if isinstance(api_key, str) else "",
        api_key_provider=api_key if callable(api_key) else None,
        admin_api_key=admin_api_key,
        organization=organization if organization is not None else os.environ.get("OPENAI_ORG_ID"),
        project=project if project is not None else os.environ.get("OPENAI_PROJECT_ID"),
        webhook_secret=webhook_secret if webhook_secret is not None else os.environ.get("OPENAI_WEBHOOK_SECRET"),
        base_url=base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL,
        custom_headers=custom_headers,
    )


def _wants_bearer(security: SecurityOptions | None) -> bool:
    return security is None or bool(security.get("bearer_auth"))


def _security_headers(client: OpenAI | AsyncOpenAI, security: SecurityOptions | None) -> dict[str, str]:
    """Regular endpoints use the API key, admin endpoints the admin key, custom requests either (API key first)."""
    if _wants_bearer(security):
        if client.api_key:
            return {"Authorization": f"Bearer {client.api_key}"}
        if client._workload_auth is not None and client._workload_auth.access_token:
            return {"Authorization": f"Bearer {client._workload_auth.access_token}"}
    if (security is None or security.get("admin_api_key_auth")) and client.admin_api_key:
        return {"Authorization": f"Bearer {client.admin_api_key}"}
    return {}


def _workload_auth(workload_identity: WorkloadIdentity | None) -> WorkloadIdentityAuth | None:
    if workload_identity is None:
        return None
    from .auth import WorkloadIdentityAuth  # imported only by workload identity users

    return WorkloadIdentityAuth(cast(Any, workload_identity))


def _invalidate_workload_token(client: OpenAI | AsyncOpenAI, options: FinalRequestOptions) -> bool:
    """After a 401, drop the workload identity token so that the request is re-sent once with a fresh one."""
    if client._workload_auth is None or not _wants_bearer(options.security):
        return False
    client._workload_auth.invalidate()
    return True


def _identity_headers(client: OpenAI | AsyncOpenAI) -> dict[str, str]:
    headers: dict[str, str] = {}
    if client.organization is not None:
        headers["OpenAI-Organization"] = client.organization
    if client.project is not None:
        headers["OpenAI-Project"] = client.project
    return headers


def _validate_auth_headers(headers: Mapping[str, str], custom_headers: Mapping[str, str | Omit]) -> None:
    if "Authorization" in headers or find_header(headers, "authorization") is not None:
        return
    if isinstance(find_header(custom_headers, "authorization"), Omit):
        return
    raise TypeError(
        '"Could not resolve authentication method. Expected either api_key or admin_api_key to be set. Or for one of the `Authorization` or `Authorization` headers to be explicitly omitted"'
    )


def _check_provider(client: OpenAI | AsyncOpenAI) -> None:
    if client._provider is not None:
        raise NotImplementedError("Clients configured with `provider=` are not supported by this client yet")


def _copy_kwargs(
    client: OpenAI | AsyncOpenAI,
    *,
    api_key: object,
    admin_api_key: str | None,
    workload_identity: WorkloadIdentity | None,
    organization: str | None,
    project: str | None,
    webhook_secret: str | None,
    provider: Provider | None,
    websocket_base_url: str | httpx.URL | None,
    base_url: str | httpx.URL | None,
    timeout: float | Timeout | None | NotGiven,
    http_client: object,
    max_retries: int | NotGiven,
    default_headers: Mapping[str, str] | None,
    set_default_headers: Mapping[str, str] | None,
    default_query: Mapping[str, object] | None,
    set_default_query: Mapping[str, object] | None,
    enforce_credentials: bool | NotGiven,
) -> dict[str, Any]:
    """Constructor arguments for a copy of `client`: what is given replaces what the client has."""
    if default_headers is not None and set_default_headers is not None:
        raise ValueError("The `default_headers` and `set_default_headers` arguments are mutually exclusive")
    if default_query is not None and set_default_query is not None:
        raise ValueError("The `default_query` and `set_default_query` arguments are mutually exclusive")

    new_provider = provider or client._provider
    provider_changed = provider is not None and provider is not client._provider
    headers: Mapping[str, str] = {} if provider_changed else client._custom_headers
    if default_headers is not None:
        headers = {**headers, **default_headers}
    elif set_default_headers is not None:
        headers = set_default_headers
    params: Mapping[str, object] = client._custom_query
    if default_query is not None:
        params = {**params, **default_query}
    elif set_default_query is not None:
        params = set_default_query

    kwargs: dict[str, Any] = {
        "webhook_secret": webhook_secret or client.webhook_secret,
        "websocket_base_url": websocket_base_url or client.websocket_base_url,
        "timeout": client.timeout if isinstance(timeout, NotGiven) else timeout,
        "http_client": http_client or client._client,
        "max_retries": max_retries if is_given(max_retries) else client.max_retries,
        "default_headers": headers,
        "default_query": params,
        "_enforce_credentials": enforce_credentials if is_given(enforce_credentials) else client._enforce_credentials,
    }
    if not provider_changed:
        kwargs["organization"] = organization or client.organization
        kwargs["project"] = project or client.project
    if new_provider is not None:
        kwargs["provider"] = new_provider
        return kwargs
    kwargs["admin_api_key"] = admin_api_key or client.admin_api_key
    kwargs["base_url"] = base_url or client.base_url
    identity = workload_identity or client.workload_identity
    if identity is not None and api_key is None:
        kwargs["workload_identity"] = identity
    else:
        kwargs["api_key"] = api_key or client._api_key_provider or client.api_key
    return kwargs


class OpenAI(SyncAPIClient):
    _default_stream_cls = Stream
    # client options
    api_key: str
    admin_api_key: str | None
    workload_identity: WorkloadIdentity | None
    organization: str | None
    project: str | None
    webhook_secret: str | None
    websocket_base_url: str | httpx.URL | None
    """Base URL for WebSocket connections; by default derived from `base_url` with a `wss://` scheme."""

    def __init__(
        self,
        *,
        api_key: str | Callable[[], str] | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        provider: Provider | None = None,
        base_url: str | httpx.URL | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        timeout: Union[float, Timeout, None, NotGiven] = not_given,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        # An `httpx.Client` of your own, e.g. for proxies or transports (see `DefaultHttpxClient`).
        http_client: httpx.Client | None = None,
        # Validate response data against the models (raising on mismatch) instead of constructing them leniently.
        _strict_response_validation: bool = False,
        _enforce_credentials: bool = True,
    ) -> None:
        """Construct a new synchronous OpenAI client.

        Unless given, these arguments are read from the environment: `api_key` from `OPENAI_API_KEY`,
        `admin_api_key` from `OPENAI_ADMIN_KEY`, `organization` from `OPENAI_ORG_ID`, `project` from
        `OPENAI_PROJECT_ID`, `webhook_secret` from `OPENAI_WEBHOOK_SECRET` and `base_url` from `OPENAI_BASE_URL`.
        """
        settings = _resolve_settings(
            api_key=api_key,
            admin_api_key=admin_api_key,
            workload_identity=workload_identity,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            provider=provider,
            base_url=base_url,
            default_headers=default_headers,
            enforce_credentials=_enforce_credentials,
        )
        self._api_key_provider: Callable[[], str] | None = settings.api_key_provider
        self.api_key = settings.api_key
        self.admin_api_key = settings.admin_api_key
        self.workload_identity = workload_identity
        self._workload_auth = _workload_auth(workload_identity)
        self.organization = settings.organization
        self.project = settings.project
        self.webhook_secret = settings.webhook_secret
        self.websocket_base_url = websocket_base_url
        self._provider = provider
        self._enforce_credentials = _enforce_credentials

        super().__init__(
            version=__version__,
            base_url=settings.base_url,
            max_retries=max_retries,
            timeout=timeout,
            http_client=http_client,
            custom_headers=settings.custom_headers,
            custom_query=default_query,
            _strict_response_validation=_strict_response_validation,
        )

    @cached_property
    def completions(self) -> Completions:
        from .resources.completions import Completions

        return Completions(self)

    @cached_property
    def chat(self) -> Chat:
        from .resources.chat.chat import Chat

        return Chat(self)

    @cached_property
    def embeddings(self) -> Embeddings:
        from .resources.embeddings import Embeddings

        return Embeddings(self)

    @cached_property
    def files(self) -> Files:
        from .resources.files import Files

        return Files(self)

    @cached_property
    def images(self) -> Images:
        from .resources.images import Images

        return Images(self)

    @cached_property
    def content_provenance_checks(self) -> ContentProvenanceChecks:
        from .resources.content_provenance_checks import ContentProvenanceChecks

        return ContentProvenanceChecks(self)

    @cached_property
    def audio(self) -> Audio:
        from .resources.audio.audio import Audio

        return Audio(self)

    @cached_property
    def moderations(self) -> Moderations:
        from .resources.moderations import Moderations

        return Moderations(self)

    @cached_property
    def models(self) -> Models:
        from .resources.models import Models

        return Models(self)

    @cached_property
    def fine_tuning(self) -> FineTuning:
        from .resources.fine_tuning.fine_tuning import FineTuning

        return FineTuning(self)

    @cached_property
    def vector_stores(self) -> VectorStores:
        from .resources.vector_stores.vector_stores import VectorStores

        return VectorStores(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        from .resources.webhooks import Webhooks

        return Webhooks(self)

    @cached_property
    def beta(self) -> Beta:
        from .resources.beta.beta import Beta

        return Beta(self)

    @cached_property
    def batches(self) -> Batches:
        from .resources.batches import Batches

        return Batches(self)

    @cached_property
    def uploads(self) -> Uploads:
        from .resources.uploads.uploads import Uploads

        return Uploads(self)

    @cached_property
    def admin(self) -> Admin:
        from .resources.admin.admin import Admin

        return Admin(self)

    @cached_property
    def responses(self) -> Responses:
        from .resources.responses.responses import Responses

        return Responses(self)

    @cached_property
    def realtime(self) -> Realtime:
        from .resources.realtime.realtime import Realtime

        return Realtime(self)

    @cached_property
    def conversations(self) -> Conversations:
        from .resources.conversations.conversations import Conversations

        return Conversations(self)

    @cached_property
    def evals(self) -> Evals:
        from .resources.evals.evals import Evals

        return Evals(self)

    @cached_property
    def containers(self) -> Containers:
        from .resources.containers.containers import Containers

        return Containers(self)

    @cached_property
    def skills(self) -> Skills:
        from .resources.skills.skills import Skills

        return Skills(self)

    @cached_property
    def videos(self) -> Videos:
        from .resources.videos import Videos

        return Videos(self)

    @cached_property
    def with_raw_response(self) -> OpenAIWithRawResponse:
        return OpenAIWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> OpenAIWithStreamedResponse:
        return OpenAIWithStreamedResponse(self)

    @property
    @override
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    @override
    def _security_headers(self, security: SecurityOptions | None) -> dict[str, str]:
        return _security_headers(self, security)

    @override
    def _client_headers(self) -> dict[str, str]:
        return {**super()._client_headers(), **_identity_headers(self)}

    @override
    def _validate_headers(self, headers: Mapping[str, str], custom_headers: Mapping[str, str | Omit]) -> None:
        _validate_auth_headers(headers, custom_headers)

    def _refresh_api_key(self) -> None:
        if self._api_key_provider is not None:
            self.api_key = self._api_key_provider()

    @override
    def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        _check_provider(self)
        if _wants_bearer(options.security):
            self._refresh_api_key()
            if self._workload_auth is not None:
                self._workload_auth.get_token(self._client)
        return super()._prepare_options(options)

    @override
    def _reauthenticate(self, options: FinalRequestOptions) -> bool:
        return _invalidate_workload_token(self, options)

    def copy(
        self,
        *,
        api_key: str | Callable[[], str] | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        provider: Provider | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = not_given,
        http_client: httpx.Client | None = None,
        max_retries: int | NotGiven = not_given,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        _enforce_credentials: bool | NotGiven = not_given,
        _extra_kwargs: Mapping[str, Any] = {},
    ) -> Self:
        """A new client with the same options as this one, except those given; it shares the HTTP client."""
        kwargs = _copy_kwargs(
            self,
            api_key=api_key,
            admin_api_key=admin_api_key,
            workload_identity=workload_identity,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            provider=provider,
            websocket_base_url=websocket_base_url,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            enforce_credentials=_enforce_credentials,
        )
        client = self.__class__(**{**kwargs, **_extra_kwargs})
        if client.workload_identity is self.workload_identity:
            client._workload_auth = self._workload_auth  # copies share the cached access token
        return client

    # Alias for `copy`, read as "the same client, with these options".
    with_options = copy


class AsyncOpenAI(AsyncAPIClient):
    _default_stream_cls = AsyncStream
    # client options
    api_key: str
    admin_api_key: str | None
    workload_identity: WorkloadIdentity | None
    organization: str | None
    project: str | None
    webhook_secret: str | None
    websocket_base_url: str | httpx.URL | None
    """Base URL for WebSocket connections; by default derived from `base_url` with a `wss://` scheme."""

    def __init__(
        self,
        *,
        api_key: str | Callable[[], Awaitable[str]] | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        provider: Provider | None = None,
        base_url: str | httpx.URL | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        timeout: Union[float, Timeout, None, NotGiven] = not_given,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        # An `httpx.AsyncClient` of your own, e.g. for proxies or transports (see `DefaultAsyncHttpxClient`).
        http_client: httpx.AsyncClient | None = None,
        # Validate response data against the models (raising on mismatch) instead of constructing them leniently.
        _strict_response_validation: bool = False,
        _enforce_credentials: bool = True,
    ) -> None:
        """Construct a new async OpenAI client.

        Unless given, these arguments are read from the environment: `api_key` from `OPENAI_API_KEY`,
        `admin_api_key` from `OPENAI_ADMIN_KEY`, `organization` from `OPENAI_ORG_ID`, `project` from
        `OPENAI_PROJECT_ID`, `webhook_secret` from `OPENAI_WEBHOOK_SECRET` and `base_url` from `OPENAI_BASE_URL`.
        """
        settings = _resolve_settings(
            api_key=api_key,
            admin_api_key=admin_api_key,
            workload_identity=workload_identity,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            provider=provider,
            base_url=base_url,
            default_headers=default_headers,
            enforce_credentials=_enforce_credentials,
        )
        self._api_key_provider: Callable[[], Awaitable[str]] | None = settings.api_key_provider
        self.api_key = settings.api_key
        self.admin_api_key = settings.admin_api_key
        self.workload_identity = workload_identity
        self._workload_auth = _workload_auth(workload_identity)
        self.organization = settings.organization
        self.project = settings.project
        self.webhook_secret = settings.webhook_secret
        self.websocket_base_url = websocket_base_url
        self._provider = provider
        self._enforce_credentials = _enforce_credentials

        super().__init__(
            version=__version__,
            base_url=settings.base_url,
            max_retries=max_retries,
            timeout=timeout,
            http_client=http_client,
            custom_headers=settings.custom_headers,
            custom_query=default_query,
            _strict_response_validation=_strict_response_validation,
        )

    @cached_property
    def completions(self) -> AsyncCompletions:
        from .resources.completions import AsyncCompletions

        return AsyncCompletions(self)

    @cached_property
    def chat(self) -> AsyncChat:
        from .resources.chat.chat import AsyncChat

        return AsyncChat(self)

    @cached_property
    def embeddings(self) -> AsyncEmbeddings:
        from .resources.embeddings import AsyncEmbeddings

        return AsyncEmbeddings(self)

    @cached_property
    def files(self) -> AsyncFiles:
        from .resources.files import AsyncFiles

        return AsyncFiles(self)

    @cached_property
    def images(self) -> AsyncImages:
        from .resources.images import AsyncImages

        return AsyncImages(self)

    @cached_property
    def content_provenance_checks(self) -> AsyncContentProvenanceChecks:
        from .resources.content_provenance_checks import AsyncContentProvenanceChecks

        return AsyncContentProvenanceChecks(self)

    @cached_property
    def audio(self) -> AsyncAudio:
        from .resources.audio.audio import AsyncAudio

        return AsyncAudio(self)

    @cached_property
    def moderations(self) -> AsyncModerations:
        from .resources.moderations import AsyncModerations

        return AsyncModerations(self)

    @cached_property
    def models(self) -> AsyncModels:
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @cached_property
    def fine_tuning(self) -> AsyncFineTuning:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuning

        return AsyncFineTuning(self)

    @cached_property
    def vector_stores(self) -> AsyncVectorStores:
        from .resources.vector_stores.vector_stores import AsyncVectorStores

        return AsyncVectorStores(self)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        from .resources.webhooks import AsyncWebhooks

        return AsyncWebhooks(self)

    @cached_property
    def beta(self) -> AsyncBeta:
        from .resources.beta.beta import AsyncBeta

        return AsyncBeta(self)

    @cached_property
    def batches(self) -> AsyncBatches:
        from .resources.batches import AsyncBatches

        return AsyncBatches(self)

    @cached_property
    def uploads(self) -> AsyncUploads:
        from .resources.uploads.uploads import AsyncUploads

        return AsyncUploads(self)

    @cached_property
    def admin(self) -> AsyncAdmin:
        from .resources.admin.admin import AsyncAdmin

        return AsyncAdmin(self)

    @cached_property
    def responses(self) -> AsyncResponses:
        from .resources.responses.responses import AsyncResponses

        return AsyncResponses(self)

    @cached_property
    def realtime(self) -> AsyncRealtime:
        from .resources.realtime.realtime import AsyncRealtime

        return AsyncRealtime(self)

    @cached_property
    def conversations(self) -> AsyncConversations:
        from .resources.conversations.conversations import AsyncConversations

        return AsyncConversations(self)

    @cached_property
    def evals(self) -> AsyncEvals:
        from .resources.evals.evals import AsyncEvals

        return AsyncEvals(self)

    @cached_property
    def containers(self) -> AsyncContainers:
        from .resources.containers.containers import AsyncContainers

        return AsyncContainers(self)

    @cached_property
    def skills(self) -> AsyncSkills:
        from .resources.skills.skills import AsyncSkills

        return AsyncSkills(self)

    @cached_property
    def videos(self) -> AsyncVideos:
        from .resources.videos import AsyncVideos

        return AsyncVideos(self)

    @cached_property
    def with_raw_response(self) -> AsyncOpenAIWithRawResponse:
        return AsyncOpenAIWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncOpenAIWithStreamedResponse:
        return AsyncOpenAIWithStreamedResponse(self)

    @property
    @override
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    @override
    def _security_headers(self, security: SecurityOptions | None) -> dict[str, str]:
        return _security_headers(self, security)

    @override
    def _client_headers(self) -> dict[str, str]:
        return {**super()._client_headers(), **_identity_headers(self)}

    @override
    def _validate_headers(self, headers: Mapping[str, str], custom_headers: Mapping[str, str | Omit]) -> None:
        _validate_auth_headers(headers, custom_headers)

    async def _refresh_api_key(self) -> None:
        if self._api_key_provider is not None:
            self.api_key = await self._api_key_provider()

    @override
    async def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        _check_provider(self)
        if _wants_bearer(options.security):
            await self._refresh_api_key()
            if self._workload_auth is not None:
                await self._workload_auth.aget_token(self._client)
        return await super()._prepare_options(options)

    @override
    def _reauthenticate(self, options: FinalRequestOptions) -> bool:
        return _invalidate_workload_token(self, options)

    def copy(
        self,
        *,
        api_key: str | Callable[[], Awaitable[str]] | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        provider: Provider | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = not_given,
        http_client: httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = not_given,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        _enforce_credentials: bool | NotGiven = not_given,
        _extra_kwargs: Mapping[str, Any] = {},
    ) -> Self:
        """A new client with the same options as this one, except those given; it shares the HTTP client."""
        kwargs = _copy_kwargs(
            self,
            api_key=api_key,
            admin_api_key=admin_api_key,
            workload_identity=workload_identity,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            provider=provider,
            websocket_base_url=websocket_base_url,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            enforce_credentials=_enforce_credentials,
        )
        client = self.__class__(**{**kwargs, **_extra_kwargs})
        if client.workload_identity is self.workload_identity:
            client._workload_auth = self._workload_auth  # copies share the cached access token
        return client

    # Alias for `copy`, read as "the same client, with these options".
    with_options = copy


class OpenAIWithRawResponse:
    _client: OpenAI

    def __init__(self, client: OpenAI) -> None:
        self._client = client

    @cached_property
    def completions(self) -> CompletionsWithRawResponse:
        from .resources.completions import CompletionsWithRawResponse

        return CompletionsWithRawResponse(self._client.completions)

    @cached_property
    def chat(self) -> ChatWithRawResponse:
        from .resources.chat.chat import ChatWithRawResponse

        return ChatWithRawResponse(self._client.chat)

    @cached_property
    def embeddings(self) -> EmbeddingsWithRawResponse:
        from .resources.embeddings import EmbeddingsWithRawResponse

        return EmbeddingsWithRawResponse(self._client.embeddings)

    @cached_property
    def files(self) -> FilesWithRawResponse:
        from .resources.files import FilesWithRawResponse

        return FilesWithRawResponse(self._client.files)

    @cached_property
    def images(self) -> ImagesWithRawResponse:
        from .resources.images import ImagesWithRawResponse

        return ImagesWithRawResponse(self._client.images)

    @cached_property
    def content_provenance_checks(self) -> ContentProvenanceChecksWithRawResponse:
        from .resources.content_provenance_checks import ContentProvenanceChecksWithRawResponse

        return ContentProvenanceChecksWithRawResponse(self._client.content_provenance_checks)

    @cached_property
    def audio(self) -> AudioWithRawResponse:
        from .resources.audio.audio import AudioWithRawResponse

        return AudioWithRawResponse(self._client.audio)

    @cached_property
    def moderations(self) -> ModerationsWithRawResponse:
        from .resources.moderations import ModerationsWithRawResponse

        return ModerationsWithRawResponse(self._client.moderations)

    @cached_property
    def models(self) -> ModelsWithRawResponse:
        from .resources.models import ModelsWithRawResponse

        return ModelsWithRawResponse(self._client.models)

    @cached_property
    def fine_tuning(self) -> FineTuningWithRawResponse:
        from .resources.fine_tuning.fine_tuning import FineTuningWithRawResponse

        return FineTuningWithRawResponse(self._client.fine_tuning)

    @cached_property
    def vector_stores(self) -> VectorStoresWithRawResponse:
        from .resources.vector_stores.vector_stores import VectorStoresWithRawResponse

        return VectorStoresWithRawResponse(self._client.vector_stores)

    @cached_property
    def beta(self) -> BetaWithRawResponse:
        from .resources.beta.beta import BetaWithRawResponse

        return BetaWithRawResponse(self._client.beta)

    @cached_property
    def batches(self) -> BatchesWithRawResponse:
        from .resources.batches import BatchesWithRawResponse

        return BatchesWithRawResponse(self._client.batches)

    @cached_property
    def uploads(self) -> UploadsWithRawResponse:
        from .resources.uploads.uploads import UploadsWithRawResponse

        return UploadsWithRawResponse(self._client.uploads)

    @cached_property
    def admin(self) -> AdminWithRawResponse:
        from .resources.admin.admin import AdminWithRawResponse

        return AdminWithRawResponse(self._client.admin)

    @cached_property
    def responses(self) -> ResponsesWithRawResponse:
        from .resources.responses.responses import ResponsesWithRawResponse

        return ResponsesWithRawResponse(self._client.responses)

    @cached_property
    def realtime(self) -> RealtimeWithRawResponse:
        from .resources.realtime.realtime import RealtimeWithRawResponse

        return RealtimeWithRawResponse(self._client.realtime)

    @cached_property
    def conversations(self) -> ConversationsWithRawResponse:
        from .resources.conversations.conversations import ConversationsWithRawResponse

        return ConversationsWithRawResponse(self._client.conversations)

    @cached_property
    def evals(self) -> EvalsWithRawResponse:
        from .resources.evals.evals import EvalsWithRawResponse

        return EvalsWithRawResponse(self._client.evals)

    @cached_property
    def containers(self) -> ContainersWithRawResponse:
        from .resources.containers.containers import ContainersWithRawResponse

        return ContainersWithRawResponse(self._client.containers)

    @cached_property
    def skills(self) -> SkillsWithRawResponse:
        from .resources.skills.skills import SkillsWithRawResponse

        return SkillsWithRawResponse(self._client.skills)

    @cached_property
    def videos(self) -> VideosWithRawResponse:
        from .resources.videos import VideosWithRawResponse

        return VideosWithRawResponse(self._client.videos)


class AsyncOpenAIWithRawResponse:
    _client: AsyncOpenAI

    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client

    @cached_property
    def completions(self) -> AsyncCompletionsWithRawResponse:
        from .resources.completions import AsyncCompletionsWithRawResponse

        return AsyncCompletionsWithRawResponse(self._client.completions)

    @cached_property
    def chat(self) -> AsyncChatWithRawResponse:
        from .resources.chat.chat import AsyncChatWithRawResponse

        return AsyncChatWithRawResponse(self._client.chat)

    @cached_property
    def embeddings(self) -> AsyncEmbeddingsWithRawResponse:
        from .resources.embeddings import AsyncEmbeddingsWithRawResponse

        return AsyncEmbeddingsWithRawResponse(self._client.embeddings)

    @cached_property
    def files(self) -> AsyncFilesWithRawResponse:
        from .resources.files import AsyncFilesWithRawResponse

        return AsyncFilesWithRawResponse(self._client.files)

    @cached_property
    def images(self) -> AsyncImagesWithRawResponse:
        from .resources.images import AsyncImagesWithRawResponse

        return AsyncImagesWithRawResponse(self._client.images)

    @cached_property
    def content_provenance_checks(self) -> AsyncContentProvenanceChecksWithRawResponse:
        from .resources.content_provenance_checks import AsyncContentProvenanceChecksWithRawResponse

        return AsyncContentProvenanceChecksWithRawResponse(self._client.content_provenance_checks)

    @cached_property
    def audio(self) -> AsyncAudioWithRawResponse:
        from .resources.audio.audio import AsyncAudioWithRawResponse

        return AsyncAudioWithRawResponse(self._client.audio)

    @cached_property
    def moderations(self) -> AsyncModerationsWithRawResponse:
        from .resources.moderations import AsyncModerationsWithRawResponse

        return AsyncModerationsWithRawResponse(self._client.moderations)

    @cached_property
    def models(self) -> AsyncModelsWithRawResponse:
        from .resources.models import AsyncModelsWithRawResponse

        return AsyncModelsWithRawResponse(self._client.models)

    @cached_property
    def fine_tuning(self) -> AsyncFineTuningWithRawResponse:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuningWithRawResponse

        return AsyncFineTuningWithRawResponse(self._client.fine_tuning)

    @cached_property
    def vector_stores(self) -> AsyncVectorStoresWithRawResponse:
        from .resources.vector_stores.vector_stores import AsyncVectorStoresWithRawResponse

        return AsyncVectorStoresWithRawResponse(self._client.vector_stores)

    @cached_property
    def beta(self) -> AsyncBetaWithRawResponse:
        from .resources.beta.beta import AsyncBetaWithRawResponse

        return AsyncBetaWithRawResponse(self._client.beta)

    @cached_property
    def batches(self) -> AsyncBatchesWithRawResponse:
        from .resources.batches import AsyncBatchesWithRawResponse

        return AsyncBatchesWithRawResponse(self._client.batches)

    @cached_property
    def uploads(self) -> AsyncUploadsWithRawResponse:
        from .resources.uploads.uploads import AsyncUploadsWithRawResponse

        return AsyncUploadsWithRawResponse(self._client.uploads)

    @cached_property
    def admin(self) -> AsyncAdminWithRawResponse:
        from .resources.admin.admin import AsyncAdminWithRawResponse

        return AsyncAdminWithRawResponse(self._client.admin)

    @cached_property
    def responses(self) -> AsyncResponsesWithRawResponse:
        from .resources.responses.responses import AsyncResponsesWithRawResponse

        return AsyncResponsesWithRawResponse(self._client.responses)

    @cached_property
    def realtime(self) -> AsyncRealtimeWithRawResponse:
        from .resources.realtime.realtime import AsyncRealtimeWithRawResponse

        return AsyncRealtimeWithRawResponse(self._client.realtime)

    @cached_property
    def conversations(self) -> AsyncConversationsWithRawResponse:
        from .resources.conversations.conversations import AsyncConversationsWithRawResponse

        return AsyncConversationsWithRawResponse(self._client.conversations)

    @cached_property
    def evals(self) -> AsyncEvalsWithRawResponse:
        from .resources.evals.evals import AsyncEvalsWithRawResponse

        return AsyncEvalsWithRawResponse(self._client.evals)

    @cached_property
    def containers(self) -> AsyncContainersWithRawResponse:
        from .resources.containers.containers import AsyncContainersWithRawResponse

        return AsyncContainersWithRawResponse(self._client.containers)

    @cached_property
    def skills(self) -> AsyncSkillsWithRawResponse:
        from .resources.skills.skills import AsyncSkillsWithRawResponse

        return AsyncSkillsWithRawResponse(self._client.skills)

    @cached_property
    def videos(self) -> AsyncVideosWithRawResponse:
        from .resources.videos import AsyncVideosWithRawResponse

        return AsyncVideosWithRawResponse(self._client.videos)


class OpenAIWithStreamedResponse:
    _client: OpenAI

    def __init__(self, client: OpenAI) -> None:
        self._client = client

    @cached_property
    def completions(self) -> CompletionsWithStreamingResponse:
        from .resources.completions import CompletionsWithStreamingResponse

        return CompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    def chat(self) -> ChatWithStreamingResponse:
        from .resources.chat.chat import ChatWithStreamingResponse

        return ChatWithStreamingResponse(self._client.chat)

    @cached_property
    def embeddings(self) -> EmbeddingsWithStreamingResponse:
        from .resources.embeddings import EmbeddingsWithStreamingResponse

        return EmbeddingsWithStreamingResponse(self._client.embeddings)

    @cached_property
    def files(self) -> FilesWithStreamingResponse:
        from .resources.files import FilesWithStreamingResponse

        return FilesWithStreamingResponse(self._client.files)

    @cached_property
    def images(self) -> ImagesWithStreamingResponse:
        from .resources.images import ImagesWithStreamingResponse

        return ImagesWithStreamingResponse(self._client.images)

    @cached_property
    def content_provenance_checks(self) -> ContentProvenanceChecksWithStreamingResponse:
        from .resources.content_provenance_checks import ContentProvenanceChecksWithStreamingResponse

        return ContentProvenanceChecksWithStreamingResponse(self._client.content_provenance_checks)

    @cached_property
    def audio(self) -> AudioWithStreamingResponse:
        from .resources.audio.audio import AudioWithStreamingResponse

        return AudioWithStreamingResponse(self._client.audio)

    @cached_property
    def moderations(self) -> ModerationsWithStreamingResponse:
        from .resources.moderations import ModerationsWithStreamingResponse

        return ModerationsWithStreamingResponse(self._client.moderations)

    @cached_property
    def models(self) -> ModelsWithStreamingResponse:
        from .resources.models import ModelsWithStreamingResponse

        return ModelsWithStreamingResponse(self._client.models)

    @cached_property
    def fine_tuning(self) -> FineTuningWithStreamingResponse:
        from .resources.fine_tuning.fine_tuning import FineTuningWithStreamingResponse

        return FineTuningWithStreamingResponse(self._client.fine_tuning)

    @cached_property
    def vector_stores(self) -> VectorStoresWithStreamingResponse:
        from .resources.vector_stores.vector_stores import VectorStoresWithStreamingResponse

        return VectorStoresWithStreamingResponse(self._client.vector_stores)

    @cached_property
    def beta(self) -> BetaWithStreamingResponse:
        from .resources.beta.beta import BetaWithStreamingResponse

        return BetaWithStreamingResponse(self._client.beta)

    @cached_property
    def batches(self) -> BatchesWithStreamingResponse:
        from .resources.batches import BatchesWithStreamingResponse

        return BatchesWithStreamingResponse(self._client.batches)

    @cached_property
    def uploads(self) -> UploadsWithStreamingResponse:
        from .resources.uploads.uploads import UploadsWithStreamingResponse

        return UploadsWithStreamingResponse(self._client.uploads)

    @cached_property
    def admin(self) -> AdminWithStreamingResponse:
        from .resources.admin.admin import AdminWithStreamingResponse

        return AdminWithStreamingResponse(self._client.admin)

    @cached_property
    def responses(self) -> ResponsesWithStreamingResponse:
        from .resources.responses.responses import ResponsesWithStreamingResponse

        return ResponsesWithStreamingResponse(self._client.responses)

    @cached_property
    def realtime(self) -> RealtimeWithStreamingResponse:
        from .resources.realtime.realtime import RealtimeWithStreamingResponse

        return RealtimeWithStreamingResponse(self._client.realtime)

    @cached_property
    def conversations(self) -> ConversationsWithStreamingResponse:
        from .resources.conversations.conversations import ConversationsWithStreamingResponse

        return ConversationsWithStreamingResponse(self._client.conversations)

    @cached_property
    def evals(self) -> EvalsWithStreamingResponse:
        from .resources.evals.evals import EvalsWithStreamingResponse

        return EvalsWithStreamingResponse(self._client.evals)

    @cached_property
    def containers(self) -> ContainersWithStreamingResponse:
        from .resources.containers.containers import ContainersWithStreamingResponse

        return ContainersWithStreamingResponse(self._client.containers)

    @cached_property
    def skills(self) -> SkillsWithStreamingResponse:
        from .resources.skills.skills import SkillsWithStreamingResponse

        return SkillsWithStreamingResponse(self._client.skills)

    @cached_property
    def videos(self) -> VideosWithStreamingResponse:
        from .resources.videos import VideosWithStreamingResponse

        return VideosWithStreamingResponse(self._client.videos)


class AsyncOpenAIWithStreamedResponse:
    _client: AsyncOpenAI

    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client

    @cached_property
    def completions(self) -> AsyncCompletionsWithStreamingResponse:
        from .resources.completions import AsyncCompletionsWithStreamingResponse

        return AsyncCompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    def chat(self) -> AsyncChatWithStreamingResponse:
        from .resources.chat.chat import AsyncChatWithStreamingResponse

        return AsyncChatWithStreamingResponse(self._client.chat)

    @cached_property
    def embeddings(self) -> AsyncEmbeddingsWithStreamingResponse:
        from .resources.embeddings import AsyncEmbeddingsWithStreamingResponse

        return AsyncEmbeddingsWithStreamingResponse(self._client.embeddings)

    @cached_property
    def files(self) -> AsyncFilesWithStreamingResponse:
        from .resources.files import AsyncFilesWithStreamingResponse

        return AsyncFilesWithStreamingResponse(self._client.files)

    @cached_property
    def images(self) -> AsyncImagesWithStreamingResponse:
        from .resources.images import AsyncImagesWithStreamingResponse

        return AsyncImagesWithStreamingResponse(self._client.images)

    @cached_property
    def content_provenance_checks(self) -> AsyncContentProvenanceChecksWithStreamingResponse:
        from .resources.content_provenance_checks import AsyncContentProvenanceChecksWithStreamingResponse

        return AsyncContentProvenanceChecksWithStreamingResponse(self._client.content_provenance_checks)

    @cached_property
    def audio(self) -> AsyncAudioWithStreamingResponse:
        from .resources.audio.audio import AsyncAudioWithStreamingResponse

        return AsyncAudioWithStreamingResponse(self._client.audio)

    @cached_property
    def moderations(self) -> AsyncModerationsWithStreamingResponse:
        from .resources.moderations import AsyncModerationsWithStreamingResponse

        return AsyncModerationsWithStreamingResponse(self._client.moderations)

    @cached_property
    def models(self) -> AsyncModelsWithStreamingResponse:
        from .resources.models import AsyncModelsWithStreamingResponse

        return AsyncModelsWithStreamingResponse(self._client.models)

    @cached_property
    def fine_tuning(self) -> AsyncFineTuningWithStreamingResponse:
        from .resources.fine_tuning.fine_tuning import AsyncFineTuningWithStreamingResponse

        return AsyncFineTuningWithStreamingResponse(self._client.fine_tuning)

    @cached_property
    def vector_stores(self) -> AsyncVectorStoresWithStreamingResponse:
        from .resources.vector_stores.vector_stores import AsyncVectorStoresWithStreamingResponse

        return AsyncVectorStoresWithStreamingResponse(self._client.vector_stores)

    @cached_property
    def beta(self) -> AsyncBetaWithStreamingResponse:
        from .resources.beta.beta import AsyncBetaWithStreamingResponse

        return AsyncBetaWithStreamingResponse(self._client.beta)

    @cached_property
    def batches(self) -> AsyncBatchesWithStreamingResponse:
        from .resources.batches import AsyncBatchesWithStreamingResponse

        return AsyncBatchesWithStreamingResponse(self._client.batches)

    @cached_property
    def uploads(self) -> AsyncUploadsWithStreamingResponse:
        from .resources.uploads.uploads import AsyncUploadsWithStreamingResponse

        return AsyncUploadsWithStreamingResponse(self._client.uploads)

    @cached_property
    def admin(self) -> AsyncAdminWithStreamingResponse:
        from .resources.admin.admin import AsyncAdminWithStreamingResponse

        return AsyncAdminWithStreamingResponse(self._client.admin)

    @cached_property
    def responses(self) -> AsyncResponsesWithStreamingResponse:
        from .resources.responses.responses import AsyncResponsesWithStreamingResponse

        return AsyncResponsesWithStreamingResponse(self._client.responses)

    @cached_property
    def realtime(self) -> AsyncRealtimeWithStreamingResponse:
        from .resources.realtime.realtime import AsyncRealtimeWithStreamingResponse

        return AsyncRealtimeWithStreamingResponse(self._client.realtime)

    @cached_property
    def conversations(self) -> AsyncConversationsWithStreamingResponse:
        from .resources.conversations.conversations import AsyncConversationsWithStreamingResponse

        return AsyncConversationsWithStreamingResponse(self._client.conversations)

    @cached_property
    def evals(self) -> AsyncEvalsWithStreamingResponse:
        from .resources.evals.evals import AsyncEvalsWithStreamingResponse

        return AsyncEvalsWithStreamingResponse(self._client.evals)

    @cached_property
    def containers(self) -> AsyncContainersWithStreamingResponse:
        from .resources.containers.containers import AsyncContainersWithStreamingResponse

        return AsyncContainersWithStreamingResponse(self._client.containers)

    @cached_property
    def skills(self) -> AsyncSkillsWithStreamingResponse:
        from .resources.skills.skills import AsyncSkillsWithStreamingResponse

        return AsyncSkillsWithStreamingResponse(self._client.skills)

    @cached_property
    def videos(self) -> AsyncVideosWithStreamingResponse:
        from .resources.videos import AsyncVideosWithStreamingResponse

        return AsyncVideosWithStreamingResponse(self._client.videos)


Client = OpenAI

AsyncClient = AsyncOpenAI
