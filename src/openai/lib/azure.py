"""`AzureOpenAI` / `AsyncAzureOpenAI`: `api-key` or Azure AD auth, `api-version` on every request, and
deployment-based URLs (`/deployments/<model>/...` for the endpoints that Azure routes per deployment)."""

from __future__ import annotations

import os
import inspect
from typing import Any, Union, Mapping, TypeVar, Callable, Optional, Awaitable, NamedTuple

import httpx
from typing_extensions import Self, override

from .._types import NOT_GIVEN, Omit, Query, Timeout, NotGiven, SecurityOptions
from .._utils import is_mapping
from .._client import OpenAI, AsyncOpenAI, WorkloadIdentity
from .._models import FinalRequestOptions
from .._constants import DEFAULT_MAX_RETRIES
from .._exceptions import OpenAIError
from .._base_client import BaseClient, find_header, is_absolute_url

__all__ = [
    "AzureADTokenProvider",
    "AsyncAzureADTokenProvider",
    "API_KEY_SENTINEL",
    "MutuallyExclusiveAuthError",
    "BaseAzureClient",
    "AzureOpenAI",
    "AsyncAzureOpenAI",
]

# Paths that Azure serves per deployment: `/chat/completions` becomes `/deployments/<model>/chat/completions`.
_deployments_endpoints = frozenset(
    {
        "/completions",
        "/chat/completions",
        "/embeddings",
        "/audio/transcriptions",
        "/audio/translations",
        "/audio/speech",
        "/images/generations",
        "/images/edits",
    }
)

AzureADTokenProvider = Callable[[], str]
AsyncAzureADTokenProvider = Callable[[], "str | Awaitable[str]"]
_HttpxClientT = TypeVar("_HttpxClientT", bound=Union[httpx.Client, httpx.AsyncClient])

# Stands in for the API key of clients authenticated with Azure AD only (never sent).
API_KEY_SENTINEL = "<missing API key>"


class MutuallyExclusiveAuthError(OpenAIError):
    def __init__(self) -> None:
        super().__init__(
            "The `api_key`, `azure_ad_token` and `azure_ad_token_provider` arguments are mutually exclusive; Only one can be passed at a time"
        )


class _AzureSettings(NamedTuple):
    api_key: str
    api_version: str
    azure_ad_token: Optional[str]
    base_url: Union[str, httpx.URL]
    default_query: Mapping[str, object]
    azure_endpoint: Optional[httpx.URL]
    azure_deployment: Optional[str]


def _resolve_azure_settings(
    *,
    api_version: str | None,
    azure_endpoint: str | None,
    azure_deployment: str | None,
    api_key: str | None,
    azure_ad_token: str | None,
    azure_ad_token_provider: object,
    base_url: str | httpx.URL | None,
    default_query: Mapping[str, object] | None,
    enforce_credentials: bool,
) -> _AzureSettings:
    """Validate the Azure constructor arguments (in the documented order) and fill them from the environment."""
    if api_key is None:
        api_key = os.environ.get("AZURE_OPENAI_API_KEY")
    if azure_ad_token is None:
        azure_ad_token = os.environ.get("AZURE_OPENAI_AD_TOKEN")
    if enforce_credentials and not api_key and not azure_ad_token and azure_ad_token_provider is None:
        raise OpenAIError(
            "Missing credentials. Please pass one of `api_key`, `azure_ad_token`, `azure_ad_token_provider`, or the `AZURE_OPENAI_API_KEY` or `AZURE_OPENAI_AD_TOKEN` environment variables."
        )

    if api_version is None:
        api_version = os.environ.get("OPENAI_API_VERSION")
    if api_version is None:
        raise ValueError(
            "Must provide either the `api_version` argument or the `OPENAI_API_VERSION` environment variable"
        )

    endpoint: httpx.URL | None = None
    if base_url is None:
        if azure_endpoint is None:
            azure_endpoint = os.environ.get("AZURE_OPENAI_ENDPOINT")
        if azure_endpoint is None:
            raise ValueError(
                "Must provide one of the `base_url` or `azure_endpoint` arguments, or the `AZURE_OPENAI_ENDPOINT` environment variable"
            )
        endpoint = httpx.URL(azure_endpoint)
        base_url = f"{azure_endpoint.rstrip('/')}/openai"
        if azure_deployment is not None:
            base_url = f"{base_url}/deployments/{azure_deployment}"
    elif azure_endpoint is not None:
        raise ValueError("base_url and azure_endpoint are mutually exclusive")

    return _AzureSettings(
        api_key=api_key or API_KEY_SENTINEL,
        api_version=api_version,
        azure_ad_token=azure_ad_token,
        base_url=base_url,
        default_query={**(default_query or {}), "api-version": api_version},
        azure_endpoint=endpoint,
        azure_deployment=azure_deployment if endpoint is not None else None,
    )


def _checked_token(token: object) -> str:
    if not token or not isinstance(token, str):
        raise ValueError(f"Expected `azure_ad_token_provider` argument to return a string but it returned {token}")
    return token


class BaseAzureClient(BaseClient[_HttpxClientT]):
    """What the sync and async Azure clients share: auth headers, URL rewriting, realtime URLs and copies."""

    api_key: str
    websocket_base_url: str | httpx.URL | None
    _api_version: str
    _azure_endpoint: httpx.URL | None
    _azure_deployment: str | None
    _azure_ad_token: str | None
    _ad_token: str | None  # the Azure AD token of the current attempt

    def _init_azure(self, settings: _AzureSettings) -> None:
        self._api_version = settings.api_version
        self._azure_ad_token = settings.azure_ad_token
        self._ad_token = settings.azure_ad_token
        self._azure_endpoint = settings.azure_endpoint
        self._azure_deployment = settings.azure_deployment

    def _azure_auth_headers(self, ad_token: str | None) -> dict[str, str]:
        if ad_token:
            return {"Authorization": f"Bearer {ad_token}"}
        if self.api_key != API_KEY_SENTINEL:
            return {"api-key": self.api_key}
        return {}

    @property
    @override
    def auth_headers(self) -> dict[str, str]:
        return self._azure_auth_headers(self._ad_token)

    @override
    def _security_headers(self, security: SecurityOptions | None) -> dict[str, str]:
        return self._azure_auth_headers(self._ad_token)

    @override
    def _validate_headers(self, headers: Mapping[str, str], custom_headers: Mapping[str, str | Omit]) -> None:
        for name in ("authorization", "api-key"):
            if find_header(headers, name) is not None or isinstance(find_header(custom_headers, name), Omit):
                return
        raise TypeError(
            '"Could not resolve authentication method. Expected either api_key, azure_ad_token or azure_ad_token_provider to be set. Or for one of the `Authorization` or `api-key` headers to be explicitly supplied or omitted"'
        )

    @override
    def _build_request(self, options: FinalRequestOptions, *, retries_taken: int = 0) -> httpx.Request:
        if options.url in _deployments_endpoints and is_mapping(options.json_data):
            model = options.json_data.get("model")
            if model is not None and "/deployments" not in self.base_url.path:
                options = options.model_copy(update={"url": f"/deployments/{model}{options.url}"})
        return super()._build_request(options, retries_taken=retries_taken)

    @override
    def _absolute_url(self, url: str) -> str:
        # With an endpoint and a deployment, paths Azure does not serve per deployment go to `<endpoint>/openai/`.
        endpoint = self._azure_endpoint
        if endpoint is None or not self._azure_deployment or url in _deployments_endpoints or is_absolute_url(url):
            return super()._absolute_url(url)
        return f"{str(endpoint).rstrip('/')}/openai/{url.lstrip('/')}"

    def _realtime_url(self, model: str, extra_query: Query) -> httpx.URL:
        query = {**extra_query, "api-version": self._api_version, "deployment": self._azure_deployment or model}
        if self.websocket_base_url is not None:
            base = httpx.URL(self.websocket_base_url)
            url = base.copy_with(raw_path=base.raw_path.rstrip(b"/") + b"/realtime")
        else:
            url = self._prepare_url("/realtime").copy_with(scheme="wss")
        return url.copy_with(params=query)

    def _azure_copy_kwargs(
        self,
        *,
        provider: object,
        base_url: str | httpx.URL | None,
        api_version: str | None,
        azure_ad_token: str | None,
        azure_ad_token_provider: object,
        extra: Mapping[str, Any],
    ) -> dict[str, Any]:
        if provider is not None:
            sync_name = "OpenAI" if isinstance(self, OpenAI) else "AsyncOpenAI"
            raise OpenAIError(f"Configure `provider` on `{sync_name}`, not on `{type(self).__name__}.with_options()`.")
        kwargs: dict[str, Any] = {
            "api_version": api_version or self._api_version,
            "azure_ad_token": azure_ad_token or self._azure_ad_token,
            "azure_ad_token_provider": azure_ad_token_provider or getattr(self, "_azure_ad_token_provider", None),
        }
        if base_url is None and self._azure_endpoint is not None:
            kwargs.update(
                base_url=None, azure_endpoint=str(self._azure_endpoint), azure_deployment=self._azure_deployment
            )
        return {**kwargs, **extra}


class AzureOpenAI(BaseAzureClient[httpx.Client], OpenAI):
    _azure_ad_token_provider: AzureADTokenProvider | None

    def __init__(
        self,
        *,
        api_version: str | None = None,
        azure_endpoint: str | None = None,
        azure_deployment: str | None = None,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AzureADTokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        base_url: str | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
        _enforce_credentials: bool = True,
    ) -> None:
        """Construct a new synchronous Azure OpenAI client.

        Unless given, these arguments are read from the environment: `api_key` from `AZURE_OPENAI_API_KEY`,
        `azure_ad_token` from `AZURE_OPENAI_AD_TOKEN`, `api_version` from `OPENAI_API_VERSION` and
        `azure_endpoint` from `AZURE_OPENAI_ENDPOINT`; `organization`, `project` and `webhook_secret` as for `OpenAI`.

        Args:
            azure_endpoint: Your Azure endpoint, including the resource, e.g. `https://example-resource.azure.openai.com/`
            azure_ad_token: Your Azure Active Directory token, https://www.microsoft.com/en-us/security/business/identity-access/microsoft-entra-id
            azure_ad_token_provider: A function that returns an Azure Active Directory token, called before every request attempt.
            azure_deployment: A model deployment; with `azure_endpoint`, deployment-based requests are sent to it.
                Not supported with Assistants APIs.
        """
        settings = _resolve_azure_settings(
            api_version=api_version,
            azure_endpoint=azure_endpoint,
            azure_deployment=azure_deployment,
            api_key=api_key,
            azure_ad_token=azure_ad_token,
            azure_ad_token_provider=azure_ad_token_provider,
            base_url=base_url,
            default_query=default_query,
            enforce_credentials=_enforce_credentials,
        )
        super().__init__(
            api_key=settings.api_key,
            admin_api_key=admin_api_key,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            base_url=settings.base_url,
            websocket_base_url=websocket_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=settings.default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
            _enforce_credentials=False,
        )
        self._init_azure(settings)
        self._azure_ad_token_provider = azure_ad_token_provider

    def _get_azure_ad_token(self) -> str | None:
        if self._azure_ad_token is not None:
            return self._azure_ad_token
        if self._azure_ad_token_provider is not None:
            return _checked_token(self._azure_ad_token_provider())
        return None

    @override
    def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        self._ad_token = self._get_azure_ad_token()
        return options

    def _configure_realtime(self, model: str, extra_query: Query) -> tuple[httpx.URL, dict[str, str]]:
        return self._realtime_url(model, extra_query), self._azure_auth_headers(self._get_azure_ad_token())

    @override
    def copy(
        self,
        *,
        api_key: str | Callable[[], str] | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        provider: Any | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        api_version: str | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AzureADTokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        _enforce_credentials: bool | NotGiven = NOT_GIVEN,
        _extra_kwargs: Mapping[str, Any] = {},
    ) -> Self:
        """A new client with the same options as this one, except those given; it shares the HTTP client."""
        extra = self._azure_copy_kwargs(
            provider=provider,
            base_url=base_url,
            api_version=api_version,
            azure_ad_token=azure_ad_token,
            azure_ad_token_provider=azure_ad_token_provider,
            extra=_extra_kwargs,
        )
        return super().copy(
            api_key=api_key,
            admin_api_key=admin_api_key,
            workload_identity=workload_identity,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            websocket_base_url=websocket_base_url,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _enforce_credentials=_enforce_credentials,
            _extra_kwargs=extra,
        )

    with_options = copy


class AsyncAzureOpenAI(BaseAzureClient[httpx.AsyncClient], AsyncOpenAI):
    _azure_ad_token_provider: AsyncAzureADTokenProvider | None

    def __init__(
        self,
        *,
        azure_endpoint: str | None = None,
        azure_deployment: str | None = None,
        api_version: str | None = None,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        base_url: str | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
        _enforce_credentials: bool = True,
    ) -> None:
        """Construct a new asynchronous Azure OpenAI client.

        Unless given, these arguments are read from the environment: `api_key` from `AZURE_OPENAI_API_KEY`,
        `azure_ad_token` from `AZURE_OPENAI_AD_TOKEN`, `api_version` from `OPENAI_API_VERSION` and
        `azure_endpoint` from `AZURE_OPENAI_ENDPOINT`; `organization`, `project` and `webhook_secret` as for `OpenAI`.

        Args:
            azure_endpoint: Your Azure endpoint, including the resource, e.g. `https://example-resource.azure.openai.com/`
            azure_ad_token: Your Azure Active Directory token, https://www.microsoft.com/en-us/security/business/identity-access/microsoft-entra-id
            azure_ad_token_provider: A function that returns an Azure Active Directory token (or an awaitable of
                one), called before every request attempt.
            azure_deployment: A model deployment; with `azure_endpoint`, deployment-based requests are sent to it.
                Not supported with Assistants APIs.
        """
        settings = _resolve_azure_settings(
            api_version=api_version,
            azure_endpoint=azure_endpoint,
            azure_deployment=azure_deployment,
            api_key=api_key,
            azure_ad_token=azure_ad_token,
            azure_ad_token_provider=azure_ad_token_provider,
            base_url=base_url,
            default_query=default_query,
            enforce_credentials=_enforce_credentials,
        )
        super().__init__(
            api_key=settings.api_key,
            admin_api_key=admin_api_key,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            base_url=settings.base_url,
            websocket_base_url=websocket_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=settings.default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
            _enforce_credentials=False,
        )
        self._init_azure(settings)
        self._azure_ad_token_provider = azure_ad_token_provider

    async def _get_azure_ad_token(self) -> str | None:
        if self._azure_ad_token is not None:
            return self._azure_ad_token
        if self._azure_ad_token_provider is not None:
            token = self._azure_ad_token_provider()
            return _checked_token(await token if inspect.isawaitable(token) else token)
        return None

    @override
    async def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        self._ad_token = await self._get_azure_ad_token()
        return options

    async def _configure_realtime(self, model: str, extra_query: Query) -> tuple[httpx.URL, dict[str, str]]:
        return self._realtime_url(model, extra_query), self._azure_auth_headers(await self._get_azure_ad_token())

    @override
    def copy(
        self,
        *,
        api_key: str | Callable[[], Awaitable[str]] | None = None,
        admin_api_key: str | None = None,
        workload_identity: WorkloadIdentity | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        provider: Any | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        api_version: str | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        _enforce_credentials: bool | NotGiven = NOT_GIVEN,
        _extra_kwargs: Mapping[str, Any] = {},
    ) -> Self:
        """A new client with the same options as this one, except those given; it shares the HTTP client."""
        extra = self._azure_copy_kwargs(
            provider=provider,
            base_url=base_url,
            api_version=api_version,
            azure_ad_token=azure_ad_token,
            azure_ad_token_provider=azure_ad_token_provider,
            extra=_extra_kwargs,
        )
        return super().copy(
            api_key=api_key,
            admin_api_key=admin_api_key,
            workload_identity=workload_identity,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            websocket_base_url=websocket_base_url,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _enforce_credentials=_enforce_credentials,
            _extra_kwargs=extra,
        )

    with_options = copy
