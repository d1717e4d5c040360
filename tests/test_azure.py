"""`AzureOpenAI` / `AsyncAzureOpenAI`: constructor rules, auth headers, `api-version`, deployment URLs, copies and
the realtime URL (HTTP mocked with respx)."""

from __future__ import annotations

import json
from typing import Any, List, Union, Iterator

import httpx
import respx
import pytest

from openai import OpenAI, AsyncOpenAI, OpenAIError
from openai._types import Omit
from openai._models import FinalRequestOptions
from openai.lib.azure import API_KEY_SENTINEL, AzureOpenAI, AsyncAzureOpenAI, MutuallyExclusiveAuthError

endpoint = "https://example-resource.azure.openai.com"
api_version = "2024-02-01"

AzureClient = Union[AzureOpenAI, AsyncAzureOpenAI]
AZURE_CLASSES = [AzureOpenAI, AsyncAzureOpenAI]

MISSING_CREDENTIALS = "Missing credentials. Please pass one of `api_key`, `azure_ad_token`, `azure_ad_token_provider`, or the `AZURE_OPENAI_API_KEY` or `AZURE_OPENAI_AD_TOKEN` environment variables."
NO_AUTH = "Could not resolve authentication method. Expected either api_key, azure_ad_token or azure_ad_token_provider to be set. Or for one of the `Authorization` or `api-key` headers to be explicitly supplied or omitted"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "AZURE_OPENAI_API_KEY",
        "AZURE_OPENAI_AD_TOKEN",
        "AZURE_OPENAI_ENDPOINT",
        "OPENAI_API_VERSION",
        "OPENAI_API_KEY",
        "OPENAI_CUSTOM_HEADERS",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as mocked:
        yield mocked


def build(client: AzureClient, url: str, method: str = "post", **options: Any) -> httpx.Request:
    return client._build_request(FinalRequestOptions.construct(method=method, url=url, **options))


class TestConstruction:
    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_errors_in_order(self, cls: type[AzureOpenAI]) -> None:
        with pytest.raises(OpenAIError) as credentials:
            cls(api_version=api_version, azure_endpoint=endpoint)
        assert str(credentials.value) == MISSING_CREDENTIALS

        with pytest.raises(ValueError) as version:
            cls(api_key="k")
        assert (
            str(version.value)
            == "Must provide either the `api_version` argument or the `OPENAI_API_VERSION` environment variable"
        )

        with pytest.raises(ValueError) as base:
            cls(api_key="k", api_version=api_version)
        assert (
            str(base.value)
            == "Must provide one of the `base_url` or `azure_endpoint` arguments, or the `AZURE_OPENAI_ENDPOINT` environment variable"
        )

        with pytest.raises(ValueError) as both:
            cls(api_key="k", api_version=api_version, azure_endpoint=endpoint, base_url="https://x.test/openai")
        assert str(both.value) == "base_url and azure_endpoint are mutually exclusive"

    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_environment(self, cls: type[AzureOpenAI], monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("AZURE_OPENAI_API_KEY", "env-key")
        monkeypatch.setenv("OPENAI_API_VERSION", "2023-01-01")
        monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", f"{endpoint}/")
        client = cls()
        assert client.api_key == "env-key"
        assert client.base_url == f"{endpoint}/openai/"
        request = build(client, "/models", method="get")
        assert request.url == f"{endpoint}/openai/models?api-version=2023-01-01"
        assert request.headers["api-key"] == "env-key"
        assert "authorization" not in request.headers
        assert request.headers["user-agent"] == f"{cls.__name__}/Python 2.54.0"

        monkeypatch.setenv("AZURE_OPENAI_AD_TOKEN", "env-token")
        assert build(cls(), "/models").headers["authorization"] == "Bearer env-token"

    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_signature_order(self, cls: type[AzureOpenAI]) -> None:
        import inspect

        names = list(inspect.signature(cls.__init__).parameters)[1:]
        assert names[-7:] == [
            "timeout",
            "max_retries",
            "default_headers",
            "default_query",
            "http_client",
            "_strict_response_validation",
            "_enforce_credentials",
        ]
        assert {
            "api_version",
            "azure_endpoint",
            "azure_deployment",
            "azure_ad_token",
            "azure_ad_token_provider",
        } <= set(names)

    def test_clients_are_openai_clients(self) -> None:
        assert issubclass(AzureOpenAI, OpenAI)
        assert issubclass(AsyncAzureOpenAI, AsyncOpenAI)
        assert issubclass(MutuallyExclusiveAuthError, OpenAIError)
        assert API_KEY_SENTINEL == "<missing API key>"
        client = AzureOpenAI(azure_ad_token="t", api_version=api_version, azure_endpoint=endpoint)
        assert client.api_key == API_KEY_SENTINEL
        assert client._azure_ad_token == "t"

    def test_workload_identity_is_ignored(self) -> None:
        client = AzureOpenAI(api_key="k", workload_identity={"x": 1}, api_version=api_version, azure_endpoint=endpoint)
        assert build(client, "/models").headers["api-key"] == "k"


class TestURLs:
    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    @pytest.mark.parametrize(
        "path",
        [
            "/completions",
            "/chat/completions",
            "/embeddings",
            "/audio/transcriptions",
            "/audio/translations",
            "/audio/speech",
            "/images/generations",
            "/images/edits",
        ],
    )
    def test_deployment_paths_use_the_model(self, cls: type[AzureOpenAI], path: str) -> None:
        client = cls(api_key="k", api_version=api_version, azure_endpoint=endpoint)
        request = build(client, path, json_data={"model": "my-deployment"})
        assert request.url == f"{endpoint}/openai/deployments/my-deployment{path}?api-version={api_version}"

    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_other_paths_and_bodies_are_left_alone(self, cls: type[AzureOpenAI]) -> None:
        client = cls(api_key="k", api_version=api_version, azure_endpoint=endpoint)
        assert build(client, "/files", json_data={"model": "m"}).url.path == "/openai/files"
        assert build(client, "/chat/completions", json_data={"model": None}).url.path == "/openai/chat/completions"
        assert build(client, "/chat/completions", json_data=[1]).url.path == "/openai/chat/completions"

    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_base_url_with_deployments_is_not_rewritten(self, cls: type[AzureOpenAI]) -> None:
        client = cls(api_key="k", api_version=api_version, base_url=f"{endpoint}/openai/deployments/fixed")
        assert (
            build(client, "/chat/completions", json_data={"model": "m"}).url.path
            == "/openai/deployments/fixed/chat/completions"
        )
        named = cls(api_key="k", api_version=api_version, base_url="https://deployments.example.test/openai")
        assert (
            build(named, "/chat/completions", json_data={"model": "m"}).url.path
            == "/openai/deployments/m/chat/completions"
        )

    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_endpoint_with_deployment(self, cls: type[AzureOpenAI]) -> None:
        client = cls(api_key="k", api_version=api_version, azure_endpoint=f"{endpoint}/", azure_deployment="dep")
        assert client.base_url == f"{endpoint}/openai/deployments/dep/"
        chat = build(client, "/chat/completions", json_data={"model": "ignored"}, params={"extra": "1"})
        assert chat.url == f"{endpoint}/openai/deployments/dep/chat/completions?api-version={api_version}&extra=1"
        assert build(client, "/models", method="get").url == f"{endpoint}/openai/models?api-version={api_version}"

    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_api_version_overrides_default_query(self, cls: type[AzureOpenAI]) -> None:
        client = cls(
            api_key="k",
            api_version=api_version,
            azure_endpoint=endpoint,
            default_query={"api-version": "old", "x": "1"},
        )
        assert dict(build(client, "/models").url.params) == {"api-version": api_version, "x": "1"}


class TestAuth:
    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_ad_token_wins_over_api_key(self, cls: type[AzureOpenAI]) -> None:
        client = cls(api_key="k", azure_ad_token="tok", api_version=api_version, azure_endpoint=endpoint)
        request = build(client, "/models")
        assert request.headers["authorization"] == "Bearer tok"
        assert "api-key" not in request.headers

    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_headers_without_credentials(self, cls: type[AzureOpenAI]) -> None:
        client = cls(api_version=api_version, azure_endpoint=endpoint, _enforce_credentials=False)
        with pytest.raises(TypeError) as exc:
            build(client, "/models")
        assert NO_AUTH in str(exc.value)
        assert build(client, "/models", headers={"api-key": "custom"}).headers["api-key"] == "custom"
        assert (
            build(client, "/models", headers={"Authorization": "Bearer custom"}).headers["authorization"]
            == "Bearer custom"
        )
        assert build(client, "/models", headers={"api-key": Omit()})
        with_default = cls(
            api_version=api_version,
            azure_endpoint=endpoint,
            _enforce_credentials=False,
            default_headers={"api-key": "d"},
        )
        assert build(with_default, "/models").headers["api-key"] == "d"

    def test_token_provider_is_called_per_attempt(self, router: respx.MockRouter) -> None:
        url = f"{endpoint}/openai/deployments/gpt-4/chat/completions?api-version={api_version}"
        router.post(url).mock(side_effect=[httpx.Response(500, json={}), httpx.Response(200, json={"ok": True})])
        tokens = iter(["first", "second"])
        client = AzureOpenAI(
            azure_ad_token_provider=lambda: next(tokens), api_version=api_version, azure_endpoint=endpoint
        )
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(AzureOpenAI, "_calculate_retry_timeout", lambda *_: 0.0)
            client.post("/chat/completions", cast_to=object, body={"model": "gpt-4"})
        assert [call.request.headers["authorization"] for call in router.calls] == ["Bearer first", "Bearer second"]

    async def test_async_token_provider_may_be_sync_or_async(self, router: respx.MockRouter) -> None:
        router.get(f"{endpoint}/openai/models?api-version={api_version}").mock(
            return_value=httpx.Response(200, json={})
        )

        async def async_provider() -> str:
            return "async-token"

        for provider, expected in ((async_provider, "Bearer async-token"), (lambda: "sync-token", "Bearer sync-token")):
            client = AsyncAzureOpenAI(
                azure_ad_token_provider=provider, api_version=api_version, azure_endpoint=endpoint
            )
            await client.get("/models", cast_to=object)
            assert router.calls.last.request.headers["authorization"] == expected

    @pytest.mark.parametrize("returned", ["", None, 123])
    def test_token_provider_must_return_a_string(self, returned: Any, router: respx.MockRouter) -> None:
        client = AzureOpenAI(azure_ad_token_provider=lambda: returned, api_version=api_version, azure_endpoint=endpoint)
        with pytest.raises(ValueError) as exc:
            client.get("/models", cast_to=object)
        assert (
            str(exc.value)
            == f"Expected `azure_ad_token_provider` argument to return a string but it returned {returned}"
        )
        assert router.calls.call_count == 0


class TestCopy:
    @pytest.mark.parametrize("cls", AZURE_CLASSES)
    def test_copy_keeps_azure_settings(self, cls: type[AzureOpenAI]) -> None:
        client = cls(api_key="k", api_version=api_version, azure_endpoint=endpoint, azure_deployment="dep")
        copied = client.copy(timeout=3)
        assert type(copied) is cls
        assert copied.timeout == 3
        assert copied.base_url == client.base_url
        assert build(copied, "/models").url == f"{endpoint}/openai/models?api-version={api_version}"

        changed = client.with_options(api_version="2025-01-01", azure_ad_token="tok")
        request = build(changed, "/models")
        assert request.url.params["api-version"] == "2025-01-01"
        assert request.headers["authorization"] == "Bearer tok"

        rebased = client.copy(base_url="https://other.test/openai")
        assert build(rebased, "/models").url == f"https://other.test/openai/models?api-version={api_version}"

    def test_copy_keeps_the_token_provider(self) -> None:
        provider: List[str] = []

        def token() -> str:
            provider.append("called")
            return "t"

        client = AzureOpenAI(azure_ad_token_provider=token, api_version=api_version, azure_endpoint=endpoint)
        copied = client.copy()
        assert copied._azure_ad_token_provider is token

    @pytest.mark.parametrize("cls, sync_name", [(AzureOpenAI, "OpenAI"), (AsyncAzureOpenAI, "AsyncOpenAI")])
    def test_provider_is_rejected(self, cls: type[AzureOpenAI], sync_name: str) -> None:
        client = cls(api_key="k", api_version=api_version, azure_endpoint=endpoint)
        with pytest.raises(OpenAIError) as exc:
            client.with_options(provider=object())
        assert str(exc.value) == f"Configure `provider` on `{sync_name}`, not on `{cls.__name__}.with_options()`."


class TestRealtime:
    def test_realtime_url_and_auth(self) -> None:
        client = AzureOpenAI(api_key="k", api_version=api_version, azure_endpoint=endpoint, azure_deployment="dep")
        url, headers = client._configure_realtime("gpt-realtime", {"extra": "1"})
        assert (
            url
            == f"wss://example-resource.azure.openai.com/openai/realtime?extra=1&api-version={api_version}&deployment=dep"
        )
        assert headers == {"api-key": "k"}

        other = AzureOpenAI(
            azure_ad_token_provider=lambda: "tok",
            api_version=api_version,
            azure_endpoint=endpoint,
            websocket_base_url="wss://ws.test/base/",
        )
        url, headers = other._configure_realtime("gpt-realtime", {})
        assert url == f"wss://ws.test/base/realtime?api-version={api_version}&deployment=gpt-realtime"
        assert headers == {"Authorization": "Bearer tok"}

    async def test_async_realtime(self) -> None:
        async def token() -> str:
            return "tok"

        client = AsyncAzureOpenAI(azure_ad_token_provider=token, api_version=api_version, azure_endpoint=endpoint)
        url, headers = await client._configure_realtime("m", {})
        assert url.params["deployment"] == "m"
        assert headers == {"Authorization": "Bearer tok"}


def test_requests_through_a_resource(router: respx.MockRouter) -> None:
    route = router.post(f"{endpoint}/openai/deployments/emb/embeddings?api-version={api_version}").mock(
        return_value=httpx.Response(
            200, json={"object": "list", "data": [], "model": "emb", "usage": {"prompt_tokens": 1, "total_tokens": 1}}
        )
    )
    client = AzureOpenAI(api_key="k", api_version=api_version, azure_endpoint=endpoint)
    client.embeddings.create(input="hi", model="emb", encoding_format="float")
    assert json.loads(route.calls.last.request.content)["model"] == "emb"
