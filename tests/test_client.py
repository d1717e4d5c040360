"""The clients' request side: construction rules, URLs, headers, auth, timeouts, retries, errors, copies,
lifecycle, custom requests and request options (sync and async, HTTP mocked with respx)."""

from __future__ import annotations

import gc
import sys
import json
import math
import asyncio
import inspect
import subprocess
from typing import Any, Dict, List, Union, Iterator, AsyncIterator
from datetime import datetime, timezone, timedelta
from unittest import mock
from email.utils import format_datetime

import httpx
import respx
import pytest
import pydantic

import openai
from openai import (
    OpenAI,
    AsyncOpenAI,
    APIStatusError,
    APITimeoutError,
    APIConnectionError,
    DefaultHttpxClient,
    DefaultAsyncHttpxClient,
)
from openai._types import Omit, omit
from openai._models import BaseModel, FinalRequestOptions
from openai._response import APIResponse, AsyncAPIResponse
from openai._constants import DEFAULT_TIMEOUT, RAW_RESPONSE_HEADER, OVERRIDE_CAST_TO_HEADER
from openai._streaming import Stream, AsyncStream
from openai._base_client import (
    HTTPX_DEFAULT_TIMEOUT,
    OtherArch,
    BaseClient,
    OtherPlatform,
    SyncHttpxClientWrapper,
    AsyncHttpxClientWrapper,
    get_platform,
    get_architecture,
    platform_headers,
    make_request_options,
)
from openai._legacy_response import LegacyAPIResponse, HttpxBinaryResponseContent

base_url = "http://api.test/v1"
api_key = "sk-test-secret-key"

MISSING_CREDENTIALS = "Missing credentials. Please pass an `api_key`, `workload_identity`, `admin_api_key`, or set the `OPENAI_API_KEY` or `OPENAI_ADMIN_KEY` environment variable."
NO_AUTH = '"Could not resolve authentication method. Expected either api_key or admin_api_key to be set. Or for one of the `Authorization` or `Authorization` headers to be explicitly omitted"'
MAX_RETRIES_NONE = "max_retries cannot be None. If you want to disable retries, pass `0`; if you want unlimited retries, pass `math.inf` or a very high number; if you want the default behavior, pass `openai.DEFAULT_MAX_RETRIES`"


class Item(BaseModel):
    id: str
    value: int = 0


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_ADMIN_KEY",
        "OPENAI_ORG_ID",
        "OPENAI_PROJECT_ID",
        "OPENAI_WEBHOOK_SECRET",
        "OPENAI_BASE_URL",
        "OPENAI_CUSTOM_HEADERS",
        "OPENAI_LOG",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_retry_wait() -> Iterator[mock.MagicMock]:
    with mock.patch.object(BaseClient, "_calculate_retry_timeout", return_value=0.0) as patched:
        yield patched


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=base_url, assert_all_called=False) as mocked:
        yield mocked


def build(client: OpenAI | AsyncOpenAI, method: str = "post", url: str = "/things", **options: Any) -> httpx.Request:
    return client._build_request(FinalRequestOptions.construct(method=method, url=url, **options))


def sent(router: respx.MockRouter, index: int = -1) -> httpx.Request:
    return router.calls[index].request


CLIENT_CLASSES = [OpenAI, AsyncOpenAI]


# -- construction -------------------------------------------------------------------------------------------------


class TestConstruction:
    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_signature_matches_the_reference(self, cls: type[OpenAI]) -> None:
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]
        assert [p.name for p in params] == [
            "api_key",
            "admin_api_key",
            "workload_identity",
            "organization",
            "project",
            "webhook_secret",
            "provider",
            "base_url",
            "websocket_base_url",
            "timeout",
            "max_retries",
            "default_headers",
            "default_query",
            "http_client",
            "_strict_response_validation",
            "_enforce_credentials",
        ]
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params)
        defaults = {p.name: p.default for p in params}
        assert defaults["max_retries"] == 2
        assert defaults["timeout"] is openai.not_given
        assert defaults["_strict_response_validation"] is False
        assert defaults["_enforce_credentials"] is True

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_reads_environment(self, cls: type[OpenAI], monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
        monkeypatch.setenv("OPENAI_ADMIN_KEY", "admin-env")
        monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
        monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
        monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", "whsec-env")
        monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:5000/from/env")
        client = cls()
        assert client.api_key == "sk-env"
        assert client.admin_api_key == "admin-env"
        assert client.organization == "org-env"
        assert client.project == "proj-env"
        assert client.webhook_secret == "whsec-env"
        assert client.base_url == "http://localhost:5000/from/env/"

        explicit = cls(api_key="sk-arg", organization="org-arg", base_url="http://example.com/v2")
        assert explicit.api_key == "sk-arg"
        assert explicit.organization == "org-arg"
        assert explicit.base_url == "http://example.com/v2/"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_default_base_url(self, cls: type[OpenAI]) -> None:
        assert cls(api_key=api_key).base_url == "https://api.openai.com/v1/"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    @pytest.mark.parametrize("key", [None, ""])
    def test_missing_credentials(self, cls: type[OpenAI], key: str | None) -> None:
        with pytest.raises(openai.OpenAIError) as exc:
            cls(api_key=key)
        assert str(exc.value) == MISSING_CREDENTIALS

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_other_credentials_suffice(self, cls: type[OpenAI]) -> None:
        assert cls(admin_api_key="admin").admin_api_key == "admin"
        assert cls(workload_identity={"identity_provider_id": "x"}).api_key == ""
        assert cls(_enforce_credentials=False).api_key == ""

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_api_key_and_workload_identity_are_exclusive(self, cls: type[OpenAI]) -> None:
        with pytest.raises(openai.OpenAIError) as exc:
            cls(api_key="k", workload_identity={"identity_provider_id": "x"})
        assert str(exc.value) == "The `api_key` and `workload_identity` arguments are mutually exclusive"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_provider_conflicts(self, cls: type[OpenAI]) -> None:
        class bedrock:
            pass

        with pytest.raises(openai.OpenAIError) as exc:
            cls(provider=bedrock(), api_key="k", base_url="http://x")
        assert str(exc.value) == (
            "`provider` cannot be combined with top-level `api_key`, `base_url`. "
            "Move provider authentication and routing options into `bedrock(...)`."
        )

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_provider_requests_are_not_supported_yet(self, cls: type[OpenAI], router: respx.MockRouter) -> None:
        client = cls(provider=object(), base_url=None)
        with pytest.raises(NotImplementedError):
            if isinstance(client, OpenAI):
                client.get("/things", cast_to=object)
            else:
                asyncio.run(client.get("/things", cast_to=object))

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_max_retries_none(self, cls: type[OpenAI]) -> None:
        with pytest.raises(TypeError) as exc:
            cls(api_key=api_key, max_retries=None)  # type: ignore[arg-type]
        assert str(exc.value) == MAX_RETRIES_NONE

    def test_http_client_type_is_checked(self) -> None:
        with pytest.raises(
            TypeError,
            match=r"^Invalid `http_client` argument; Expected an instance of `httpx.Client` or `httpx2.Client` but got <class 'httpx.AsyncClient'>",
        ):
            OpenAI(api_key=api_key, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
        with pytest.raises(
            TypeError,
            match=r"^Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient` or `httpx2.AsyncClient` but got <class 'httpx.Client'>",
        ):
            AsyncOpenAI(api_key=api_key, http_client=httpx.Client())  # type: ignore[arg-type]

    def test_callable_api_key_starts_empty(self) -> None:
        client = OpenAI(api_key=lambda: "sk-from-callable")
        assert client.api_key == ""
        assert client.auth_headers == {}

    def test_default_httpx_clients_use_sdk_defaults(self) -> None:
        for client in (DefaultHttpxClient(), DefaultAsyncHttpxClient()):
            assert client.timeout == DEFAULT_TIMEOUT
            assert client.follow_redirects is True
        assert DefaultHttpxClient(timeout=3.0, follow_redirects=False).timeout == httpx.Timeout(3.0)
        assert HTTPX_DEFAULT_TIMEOUT == httpx.Timeout(5.0)

    def test_aiohttp_client_without_the_extra(self) -> None:
        code = (
            "import sys; sys.modules['httpx_aiohttp'] = None\n"
            "from openai import DefaultAioHttpClient\n"
            "try:\n    DefaultAioHttpClient()\nexcept RuntimeError as e:\n    print(e)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "To use the aiohttp client you must have installed the package with the `aiohttp` extra"

    async def test_aiohttp_client_with_the_extra(self) -> None:
        client = openai.DefaultAioHttpClient()
        assert isinstance(client, httpx.AsyncClient)
        assert client.timeout == DEFAULT_TIMEOUT
        await client.aclose()
        assert isinstance(
            AsyncOpenAI(api_key=api_key, http_client=openai.DefaultAioHttpClient())._client, httpx.AsyncClient
        )


# -- URLs ---------------------------------------------------------------------------------------------------------


class TestURLs:
    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    @pytest.mark.parametrize("given", ["http://localhost:5000/custom/path/", "http://localhost:5000/custom/path"])
    def test_relative_paths_join_the_base_url(self, cls: type[OpenAI], given: str) -> None:
        client = cls(api_key=api_key, base_url=given)
        assert client.base_url == "http://localhost:5000/custom/path/"
        assert build(client, url="/foo").url == "http://localhost:5000/custom/path/foo"
        assert build(client, url="foo").url == "http://localhost:5000/custom/path/foo"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_base_url_setter_adds_trailing_slash(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key)
        client.base_url = "https://example.com/from_setter"
        assert client.base_url == "https://example.com/from_setter/"
        assert build(client, url="/x").url == "https://example.com/from_setter/x"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_absolute_urls_ignore_the_base_url(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, base_url="http://localhost:5000/custom/path/")
        assert build(client, url="https://myapi.com/foo").url == "https://myapi.com/foo"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_query_params(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, base_url=base_url, default_query={"query_param": "bar", "dropped": "x"})
        request = build(
            client, method="get", params={"limit": 10, "dropped": Omit(), "tags": ["a", "b"], "o": {"k": True}}
        )
        assert dict(request.url.params.multi_items()) == {
            "query_param": "bar",
            "limit": "10",
            "tags[]": "b",
            "o[k]": "true",
        }
        assert request.url.params.get_list("tags[]") == ["a", "b"]
        assert client.default_query == {"query_param": "bar", "dropped": "x"}

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_params_in_the_path_are_kept(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, base_url=base_url)
        request = build(client, method="get", url="/foo?beta=true&limit=1", params={"limit": "10"})
        assert str(request.url) == f"{base_url}/foo?beta=true&limit=10"
        assert build(client, method="get", url="/files/a%2Fb").url.raw_path == b"/v1/files/a%2Fb"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_sni_hostname_for_underscored_hosts(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, base_url="https://my_host.example.com/v1")
        assert build(client).extensions["sni_hostname"] == "my-host.example.com"
        assert "sni_hostname" not in build(cls(api_key=api_key, base_url=base_url)).extensions


# -- headers ------------------------------------------------------------------------------------------------------


class TestHeaders:
    def test_default_headers_sync(self) -> None:
        request = build(
            OpenAI(api_key=api_key, organization="org-1", project="proj-1", base_url=base_url), json_data={}
        )
        assert request.headers["authorization"] == f"Bearer {api_key}"
        assert request.headers["accept"] == "application/json"
        assert request.headers["content-type"] == "application/json"
        assert request.headers["user-agent"] == "OpenAI/Python 2.54.0"
        assert request.headers["x-stainless-lang"] == "python"
        assert request.headers["x-stainless-package-version"] == "2.54.0"
        assert request.headers["x-stainless-os"] == str(get_platform())
        assert request.headers["x-stainless-arch"] == str(get_architecture())
        assert request.headers["x-stainless-runtime"] == "CPython"
        assert request.headers["x-stainless-runtime-version"] == ".".join(map(str, sys.version_info[:3]))
        assert request.headers["x-stainless-async"] == "false"
        assert request.headers["openai-organization"] == "org-1"
        assert request.headers["openai-project"] == "proj-1"
        assert request.headers["x-stainless-retry-count"] == "0"
        assert request.headers["x-stainless-read-timeout"] == "600"
        assert "idempotency-key" not in request.headers
        assert list(request.headers.keys()) == [
            "host",
            "accept-encoding",
            "connection",
            "authorization",
            "accept",
            "content-type",
            "user-agent",
            "x-stainless-lang",
            "x-stainless-package-version",
            "x-stainless-os",
            "x-stainless-arch",
            "x-stainless-runtime",
            "x-stainless-runtime-version",
            "x-stainless-async",
            "openai-organization",
            "openai-project",
            "x-stainless-retry-count",
            "x-stainless-read-timeout",
            "content-length",
        ]

    async def test_async_headers(self) -> None:
        request = build(AsyncOpenAI(api_key=api_key, base_url=base_url))
        assert request.headers["x-stainless-async"] == "async:asyncio"
        assert request.headers["user-agent"] == "AsyncOpenAI/Python 2.54.0"
        assert "openai-organization" not in request.headers

    def test_async_header_under_trio(self) -> None:
        import trio

        async def main() -> str:
            return build(AsyncOpenAI(api_key=api_key, base_url=base_url)).headers["x-stainless-async"]

        assert trio.run(main) == "async:trio"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    @pytest.mark.parametrize(
        "timeout, expected",
        [
            (20.0, "20.0"),
            (20, "20"),
            (httpx.Timeout(30, connect=1.0), "30"),
            (None, None),
            (httpx.Timeout(5, read=None), None),
        ],
    )
    def test_read_timeout_header(self, cls: type[OpenAI], timeout: Any, expected: str | None) -> None:
        client = cls(api_key=api_key, base_url=base_url)
        assert build(client, timeout=timeout).headers.get("x-stainless-read-timeout") == expected
        assert build(client.with_options(timeout=timeout)).headers.get("x-stainless-read-timeout") == expected

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_precedence_and_removal(self, cls: type[OpenAI]) -> None:
        client = cls(
            api_key=api_key,
            base_url=base_url,
            default_headers={"X-Stainless-Lang": "my-lang", "X-Foo": "default", "x-bar": "default"},
        )
        assert client.default_headers["X-Stainless-Lang"] == "my-lang"
        request = build(client, headers={"x-foo": "extra", "Accept": Omit(), "X-Stainless-OS": omit})
        assert request.headers["x-stainless-lang"] == "my-lang"
        assert request.headers.get_list("x-foo") == ["extra"]
        assert request.headers["x-bar"] == "default"
        assert request.headers["accept"] == "*/*"  # httpx's own default once ours is removed
        assert "x-stainless-os" not in request.headers

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_caller_controls_retry_count_and_read_timeout(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, base_url=base_url)
        request = build(client, headers={"X-Stainless-Retry-Count": "42", "x-stainless-read-timeout": "7"})
        assert request.headers.get_list("x-stainless-retry-count") == ["42"]
        assert request.headers.get_list("x-stainless-read-timeout") == ["7"]
        removed = build(client, headers={"x-stainless-retry-count": Omit(), "x-stainless-read-timeout": Omit()})
        assert "x-stainless-retry-count" not in removed.headers
        assert "x-stainless-read-timeout" not in removed.headers

    def test_custom_headers_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(
            "OPENAI_CUSTOM_HEADERS", "X-Env-One: one\nno colon here\n  X-Env-Two :  a:b  \nX-Shared: env"
        )
        client = OpenAI(api_key=api_key, base_url=base_url, default_headers={"X-Shared": "explicit"})
        request = build(client)
        assert request.headers["x-env-one"] == "one"
        assert request.headers["x-env-two"] == "a:b"
        assert request.headers.get_list("x-shared") == ["explicit"]
        assert "no colon here" not in request.headers

    def test_retry_count_header_on_retries(self, router: respx.MockRouter, no_retry_wait: mock.MagicMock) -> None:
        router.get("/things").mock(side_effect=[httpx.Response(500), httpx.Response(500), httpx.Response(200, json={})])
        OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        assert [call.request.headers["x-stainless-retry-count"] for call in router.calls] == ["0", "1", "2"]


# -- auth ---------------------------------------------------------------------------------------------------------


class TestAuth:
    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_no_credentials_at_request_time(self, cls: type[OpenAI]) -> None:
        client = cls(_enforce_credentials=False, base_url=base_url)
        with pytest.raises(TypeError) as exc:
            build(client)
        assert str(exc.value) == NO_AUTH
        assert build(client, headers={"authorization": "Bearer custom"}).headers["authorization"] == "Bearer custom"
        assert "authorization" not in build(client, headers={"Authorization": Omit()}).headers
        assert build(cls(_enforce_credentials=False, base_url=base_url, default_headers={"Authorization": "x"}))

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_key_selection_by_security(self, cls: type[OpenAI]) -> None:
        both = cls(api_key="sk-user", admin_api_key="sk-admin", base_url=base_url)
        admin_only = cls(admin_api_key="sk-admin", base_url=base_url)
        bearer = {"bearer_auth": True}
        admin = {"admin_api_key_auth": True}
        assert build(both, security=bearer).headers["authorization"] == "Bearer sk-user"
        assert build(both, security=admin).headers["authorization"] == "Bearer sk-admin"
        assert build(both).headers["authorization"] == "Bearer sk-user"  # custom requests: api key first
        assert build(admin_only).headers["authorization"] == "Bearer sk-admin"  # ... admin key as fallback
        with pytest.raises(TypeError):
            build(admin_only, security=bearer)
        with pytest.raises(TypeError):
            build(cls(api_key="sk-user", base_url=base_url), security=admin)
        assert both.auth_headers == {"Authorization": "Bearer sk-user"}

    def test_callable_api_key_is_called_per_attempt(
        self, router: respx.MockRouter, no_retry_wait: mock.MagicMock
    ) -> None:
        keys = iter(["sk-1", "sk-2", "sk-3"])
        router.get("/things").mock(side_effect=[httpx.Response(500), httpx.Response(200, json={})])
        client = OpenAI(api_key=lambda: next(keys), base_url=base_url)
        client.get("/things", cast_to=object)
        assert [call.request.headers["authorization"] for call in router.calls] == ["Bearer sk-1", "Bearer sk-2"]
        assert client.api_key == "sk-2"

    async def test_async_callable_api_key_is_called_per_attempt(
        self, router: respx.MockRouter, no_retry_wait: mock.MagicMock
    ) -> None:
        keys = iter(["sk-1", "sk-2"])

        async def provider() -> str:
            return next(keys)

        router.get("/things").mock(side_effect=[httpx.Response(500), httpx.Response(200, json={})])
        await AsyncOpenAI(api_key=provider, base_url=base_url).get("/things", cast_to=object)
        assert [call.request.headers["authorization"] for call in router.calls] == ["Bearer sk-1", "Bearer sk-2"]

    def test_callable_api_key_not_called_for_admin_endpoints(self, router: respx.MockRouter) -> None:
        calls: List[str] = []
        router.get("/organization/users").mock(return_value=httpx.Response(200, json={}))
        client = OpenAI(api_key=lambda: calls.append("x") or "sk", admin_api_key="sk-admin", base_url=base_url)
        client.get("/organization/users", cast_to=object, options={"security": {"admin_api_key_auth": True}})
        assert calls == []
        assert sent(router).headers["authorization"] == "Bearer sk-admin"

    def test_api_key_stays_out_of_reprs_and_errors(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(401, json={"error": {"message": "bad key"}}))
        client = OpenAI(api_key=api_key, base_url=base_url, max_retries=0)
        with pytest.raises(openai.AuthenticationError) as exc:
            client.get("/things", cast_to=object)
        assert api_key not in str(exc.value)
        assert api_key not in repr(exc.value)
        assert api_key not in repr(client)
        assert api_key not in repr(exc.value.request)


# -- timeouts -----------------------------------------------------------------------------------------------------


class TestTimeouts:
    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_default_and_explicit(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, base_url=base_url)
        assert client.timeout == DEFAULT_TIMEOUT
        assert build(client).extensions["timeout"] == {"connect": 5.0, "read": 600, "write": 600, "pool": 600}
        assert build(client, timeout=12.5).extensions["timeout"] == dict.fromkeys(
            ("connect", "read", "write", "pool"), 12.5
        )
        assert build(client, timeout=None).extensions["timeout"] == dict.fromkeys(("connect", "read", "write", "pool"))
        assert cls(api_key=api_key, timeout=3).timeout == 3

    def test_custom_http_client_timeout_is_adopted(self) -> None:
        assert OpenAI(api_key=api_key, http_client=httpx.Client(timeout=None)).timeout == httpx.Timeout(None)
        assert OpenAI(api_key=api_key, http_client=httpx.Client(timeout=42)).timeout == httpx.Timeout(42)
        # httpx's own default (even when set explicitly) gives way to the SDK's
        assert OpenAI(api_key=api_key, http_client=httpx.Client()).timeout == DEFAULT_TIMEOUT
        assert OpenAI(api_key=api_key, http_client=httpx.Client(timeout=5.0)).timeout == DEFAULT_TIMEOUT
        assert OpenAI(api_key=api_key, timeout=7, http_client=httpx.Client(timeout=None)).timeout == 7

    async def test_async_custom_http_client_timeout_is_adopted(self) -> None:
        async with httpx.AsyncClient(timeout=None) as http_client:
            assert AsyncOpenAI(api_key=api_key, http_client=http_client).timeout == httpx.Timeout(None)

    def test_per_request_timeout_reaches_httpx(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, json={}))
        OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object, options={"timeout": 3.0})
        assert sent(router).extensions["timeout"]["read"] == 3.0


# -- retries ------------------------------------------------------------------------------------------------------


def options(**kwargs: Any) -> FinalRequestOptions:
    return FinalRequestOptions.construct(method="get", url="/things", **kwargs)


class TestRetries:
    @pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
    def test_retried_statuses(self, status: int, router: respx.MockRouter, no_retry_wait: mock.MagicMock) -> None:
        router.get("/things").mock(side_effect=[httpx.Response(status), httpx.Response(200, json={"ok": True})])
        raw = (
            OpenAI(api_key=api_key, base_url=base_url)
            .with_options()
            .get("/things", cast_to=object, options={"headers": {RAW_RESPONSE_HEADER: "true"}})
        )
        assert isinstance(raw, LegacyAPIResponse)
        assert raw.retries_taken == 1
        assert raw.parse() == {"ok": True}

    @pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
    def test_not_retried_statuses(self, status: int, router: respx.MockRouter, no_retry_wait: mock.MagicMock) -> None:
        route = router.get("/things").mock(return_value=httpx.Response(status))
        with pytest.raises(APIStatusError):
            OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        assert route.call_count == 1

    def test_x_should_retry(self, router: respx.MockRouter, no_retry_wait: mock.MagicMock) -> None:
        route = router.get("/things").mock(
            side_effect=[httpx.Response(400, headers={"x-should-retry": "true"}), httpx.Response(200, json={})]
        )
        client = OpenAI(api_key=api_key, base_url=base_url)
        assert client.get("/things", cast_to=object) == {}
        assert route.call_count == 2

        route.side_effect = None
        route.return_value = httpx.Response(503, headers={"x-should-retry": "false"})
        with pytest.raises(openai.InternalServerError):
            client.get("/things", cast_to=object)
        assert route.call_count == 3

    def test_max_retries_sets_the_number_of_attempts(
        self, router: respx.MockRouter, no_retry_wait: mock.MagicMock
    ) -> None:
        route = router.get("/things").mock(return_value=httpx.Response(500))
        client = OpenAI(api_key=api_key, base_url=base_url)
        with pytest.raises(openai.InternalServerError):
            client.get("/things", cast_to=object)
        assert route.call_count == 3
        with pytest.raises(openai.InternalServerError):
            client.with_options(max_retries=4).get("/things", cast_to=object)
        assert route.call_count == 3 + 5
        with pytest.raises(openai.InternalServerError):
            client.get("/things", cast_to=object, options={"max_retries": 0})
        assert route.call_count == 3 + 5 + 1

    def test_long_retry_after_is_not_retried(self, router: respx.MockRouter, no_retry_wait: mock.MagicMock) -> None:
        route = router.get("/things").mock(return_value=httpx.Response(429, headers={"retry-after": "121"}))
        with pytest.raises(openai.RateLimitError):
            OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        assert route.call_count == 1

    @pytest.mark.parametrize(
        "headers, expected",
        [
            ({"retry-after": "3"}, 3.0),
            ({"retry-after": "1.5"}, 1.5),
            ({"retry-after-ms": "250"}, 0.25),
            ({"retry-after-ms": "2000", "retry-after": "9"}, 2.0),
            ({"retry-after": "120"}, 120.0),
        ],
    )
    def test_server_retry_hints(self, headers: Dict[str, str], expected: float) -> None:
        client = OpenAI(api_key=api_key)
        assert client._calculate_retry_timeout(2, options(), httpx.Headers(headers)) == expected

    def test_http_date_retry_hint(self) -> None:
        client = OpenAI(api_key=api_key)
        when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
        assert 25 < client._calculate_retry_timeout(2, options(), httpx.Headers({"retry-after": when})) <= 30

    @pytest.mark.parametrize("value", ["0", "-5", "inf", "nan", "not a date", "500"])
    def test_unusable_hints_fall_back_to_backoff(self, value: str) -> None:
        client = OpenAI(api_key=api_key)
        with mock.patch("random.random", return_value=0.0):
            assert client._calculate_retry_timeout(2, options(), httpx.Headers({"retry-after": value})) == 0.5

    @pytest.mark.parametrize(
        "retries_taken, low, high",
        [(0, 0.375, 0.5), (1, 0.75, 1.0), (2, 1.5, 2.0), (3, 3.0, 4.0), (4, 6.0, 8.0), (9, 6.0, 8.0)],
    )
    def test_backoff_with_jitter(self, retries_taken: int, low: float, high: float) -> None:
        client = OpenAI(api_key=api_key, max_retries=10)
        remaining = 10 - retries_taken
        with mock.patch("random.random", return_value=0.0):
            assert client._calculate_retry_timeout(remaining, options(), None) == high
        with mock.patch("random.random", return_value=0.999999):
            assert client._calculate_retry_timeout(remaining, options(), None) == pytest.approx(low, rel=1e-5)

    def test_unlimited_retries_backoff_stays_bounded(self) -> None:
        client = OpenAI(api_key=api_key, max_retries=math.inf)  # type: ignore[arg-type]
        with mock.patch("random.random", return_value=0.0):
            assert client._calculate_retry_timeout(0, options(), None) == 8.0

    def test_should_retry(self) -> None:
        client = OpenAI(api_key=api_key)
        assert client._should_retry(httpx.Response(500))
        assert client._should_retry(httpx.Response(400, headers={"x-should-retry": "true"}))
        assert not client._should_retry(httpx.Response(500, headers={"x-should-retry": "false"}))
        assert not client._should_retry(httpx.Response(500, headers={"retry-after": "600"}))
        assert not client._should_retry(httpx.Response(418))

    def test_waits_the_calculated_delay(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(
            side_effect=[httpx.Response(429, headers={"retry-after": "2"}), httpx.Response(200, json={})]
        )
        with mock.patch("time.sleep") as sleep:
            OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        sleep.assert_called_once_with(2.0)

    async def test_async_waits_the_calculated_delay(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(
            side_effect=[httpx.Response(429, headers={"retry-after": "2"}), httpx.Response(200, json={})]
        )
        with mock.patch("anyio.sleep") as sleep:
            await AsyncOpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        sleep.assert_called_once_with(2.0)

    @pytest.mark.parametrize(
        "error, expected, message",
        [
            (httpx.ConnectError("refused"), APIConnectionError, "Connection error."),
            (httpx.ReadTimeout("slow"), APITimeoutError, "Request timed out."),
            (ValueError("broken transport"), APIConnectionError, "Connection error."),
        ],
    )
    def test_transport_failures(
        self,
        error: Exception,
        expected: type[Exception],
        message: str,
        router: respx.MockRouter,
        no_retry_wait: mock.MagicMock,
    ) -> None:
        route = router.get("/things").mock(side_effect=error)
        with pytest.raises(expected) as exc:
            OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        assert type(exc.value) is expected
        assert str(exc.value) == message
        assert exc.value.__cause__ is error
        assert route.call_count == 3

    async def test_async_transport_failures(self, router: respx.MockRouter, no_retry_wait: mock.MagicMock) -> None:
        route = router.get("/things").mock(side_effect=httpx.ConnectTimeout("slow"))
        with pytest.raises(APITimeoutError):
            await AsyncOpenAI(api_key=api_key, base_url=base_url, max_retries=1).get("/things", cast_to=object)
        assert route.call_count == 2

        route.side_effect = [httpx.ConnectError("refused"), httpx.Response(200, json={"ok": 1})]
        assert await AsyncOpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object) == {"ok": 1}

    def test_openai_errors_while_sending_are_not_retried(
        self, router: respx.MockRouter, no_retry_wait: mock.MagicMock
    ) -> None:
        failure = openai.OpenAIError("token exchange failed")
        route = router.get("/things").mock(side_effect=failure)
        with pytest.raises(openai.OpenAIError) as exc:
            OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        assert exc.value is failure
        assert route.call_count == 1


# -- errors -------------------------------------------------------------------------------------------------------


class TestErrors:
    @pytest.mark.parametrize(
        "status, cls",
        [
            (400, openai.BadRequestError),
            (401, openai.AuthenticationError),
            (403, openai.PermissionDeniedError),
            (404, openai.NotFoundError),
            (409, openai.ConflictError),
            (422, openai.UnprocessableEntityError),
            (429, openai.RateLimitError),
            (500, openai.InternalServerError),
            (503, openai.InternalServerError),
            (405, APIStatusError),
            (418, APIStatusError),
        ],
    )
    def test_status_mapping(self, status: int, cls: type[APIStatusError], router: respx.MockRouter) -> None:
        body = {"error": {"message": "nope", "type": "invalid_request_error", "param": "model", "code": "bad"}}
        router.get("/things").mock(return_value=httpx.Response(status, json=body, headers={"x-request-id": "req_1"}))
        with pytest.raises(APIStatusError) as exc:
            OpenAI(api_key=api_key, base_url=base_url, max_retries=0).get("/things", cast_to=object)
        err = exc.value
        assert type(err) is cls
        assert err.status_code == status
        assert str(err) == err.message == f"Error code: {status} - {body!r}"
        assert err.body == body["error"]
        assert (err.code, err.param, err.type) == ("bad", "model", "invalid_request_error")
        assert err.request_id == "req_1"
        assert err.response.status_code == status
        assert err.request.url == f"{base_url}/things"

    @pytest.mark.parametrize(
        "response, message, body",
        [
            (httpx.Response(400, text="  plain failure \n"), "plain failure", "plain failure"),
            (httpx.Response(400), "Error code: 400", ""),
            (httpx.Response(400, json=["a"]), "Error code: 400 - ['a']", ["a"]),
            (httpx.Response(400, json={"detail": "x"}), "Error code: 400 - {'detail': 'x'}", {"detail": "x"}),
        ],
    )
    def test_messages_and_bodies(
        self, response: httpx.Response, message: str, body: object, router: respx.MockRouter
    ) -> None:
        router.get("/things").mock(return_value=response)
        with pytest.raises(openai.BadRequestError) as exc:
            OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
        assert exc.value.message == message
        assert exc.value.body == body
        assert exc.value.code is None
        assert exc.value.request_id is None

    def test_unread_closed_response(self) -> None:
        client = OpenAI(api_key=api_key)
        response = httpx.Response(500, stream=httpx.ByteStream(b"{}"), request=httpx.Request("GET", "http://x"))
        response.close()
        err = client._make_status_error_from_response(response)
        assert err.message == "Error code: 500"
        assert err.body is None

    async def test_async_errors_read_the_body_of_streams(self, router: respx.MockRouter) -> None:
        router.post("/stream").mock(return_value=httpx.Response(400, json={"error": {"message": "bad stream"}}))
        client = AsyncOpenAI(api_key=api_key, base_url=base_url)
        with pytest.raises(openai.BadRequestError) as exc:
            await client.post("/stream", cast_to=object, body={}, stream=True, stream_cls=AsyncStream[object])
        assert exc.value.body == {"message": "bad stream"}

    def test_redirects(self, router: respx.MockRouter) -> None:
        router.get("/old").mock(return_value=httpx.Response(302, headers={"location": f"{base_url}/new"}))
        router.get("/new").mock(return_value=httpx.Response(200, json={"moved": True}))
        client = OpenAI(api_key=api_key, base_url=base_url)
        assert client.get("/old", cast_to=object) == {"moved": True}
        with pytest.raises(APIStatusError) as exc:
            client.get("/old", cast_to=object, options={"follow_redirects": False})
        assert exc.value.status_code == 302


# -- copies -------------------------------------------------------------------------------------------------------


class TestCopy:
    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_copy_signature_covers_the_constructor(self, cls: type[OpenAI]) -> None:
        init = inspect.signature(cls.__init__).parameters
        copy = inspect.signature(cls.copy).parameters
        missing = [name for name in init if name not in copy and name not in ("self", "_strict_response_validation")]
        assert missing == []
        assert {"set_default_headers", "set_default_query", "_extra_kwargs"} <= set(copy)
        assert cls.with_options is cls.copy

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_copy_inherits_and_overrides(self, cls: type[OpenAI]) -> None:
        original = cls(
            api_key="sk-1",
            admin_api_key="admin-1",
            organization="org-1",
            project="proj-1",
            webhook_secret="whsec",
            base_url="http://one.test",
            websocket_base_url="wss://one.test",
            timeout=12,
            max_retries=5,
            _strict_response_validation=True,
        )
        copied = original.copy()
        assert copied is not original
        assert type(copied) is cls
        for attr in ("api_key", "admin_api_key", "organization", "project", "webhook_secret", "websocket_base_url"):
            assert getattr(copied, attr) == getattr(original, attr)
        assert (copied.base_url, copied.timeout, copied.max_retries) == (original.base_url, 12, 5)
        assert copied._client is original._client
        assert copied._strict_response_validation is False

        changed = original.with_options(
            api_key="sk-2", base_url="http://two.test/v2", timeout=None, max_retries=0, organization=""
        )
        assert (changed.api_key, changed.base_url, changed.timeout, changed.max_retries) == (
            "sk-2",
            "http://two.test/v2/",
            None,
            0,
        )
        assert changed.organization == "org-1"  # falsy values do not clear inherited ones
        assert (original.api_key, original.timeout, original.max_retries) == ("sk-1", 12, 5)

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_default_headers_and_query(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, default_headers={"X-A": "1"}, default_query={"a": "1"})
        assert client.copy(default_headers={"X-B": "2"})._custom_headers == {"X-A": "1", "X-B": "2"}
        assert client.copy(set_default_headers={"X-B": "2"})._custom_headers == {"X-B": "2"}
        assert client.copy(set_default_headers={})._custom_headers == {}
        assert client.copy(default_query={"b": "2"}).default_query == {"a": "1", "b": "2"}
        assert client.copy(set_default_query={"b": "2"}).default_query == {"b": "2"}
        with pytest.raises(
            ValueError, match="`default_headers` and `set_default_headers` arguments are mutually exclusive"
        ):
            client.copy(default_headers={}, set_default_headers={})
        with pytest.raises(
            ValueError, match="`default_query` and `set_default_query` arguments are mutually exclusive"
        ):
            client.copy(default_query={}, set_default_query={})

    def test_copy_keeps_the_api_key_callable(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, json={}))
        client = OpenAI(api_key=lambda: "sk-dynamic", base_url=base_url)
        client.copy(max_retries=1).get("/things", cast_to=object)
        assert sent(router).headers["authorization"] == "Bearer sk-dynamic"

    def test_copy_of_client_without_enforced_credentials(self) -> None:
        assert OpenAI(_enforce_credentials=False).copy().api_key == ""

    def test_deleting_a_copy_keeps_the_http_client_open(self) -> None:
        client = OpenAI(api_key=api_key)
        copied = client.copy()
        del copied
        gc.collect()
        assert not client.is_closed()


# -- lifecycle ----------------------------------------------------------------------------------------------------


class TestLifecycle:
    def test_close_and_context_manager(self) -> None:
        client = OpenAI(api_key=api_key)
        assert not client.is_closed()
        client.close()
        assert client.is_closed()
        with OpenAI(api_key=api_key) as entered:
            assert not entered.is_closed()
        assert entered.is_closed()

    async def test_async_close_and_context_manager(self) -> None:
        client = AsyncOpenAI(api_key=api_key)
        await client.close()
        assert client.is_closed()
        async with AsyncOpenAI(api_key=api_key) as entered:
            assert not entered.is_closed()
        assert entered.is_closed()

    def test_close_after_failed_construction(self) -> None:
        client = OpenAI.__new__(OpenAI)
        client.close()

    def test_sdk_http_client_closes_on_garbage_collection(self) -> None:
        with mock.patch.object(SyncHttpxClientWrapper, "close", autospec=True) as close:
            client = OpenAI(api_key=api_key)
            del client
            gc.collect()
        close.assert_called_once()

    def test_user_http_client_is_not_closed_on_garbage_collection(self) -> None:
        http_client = httpx.Client()
        client = OpenAI(api_key=api_key, http_client=http_client)
        del client
        gc.collect()
        assert not http_client.is_closed

    async def test_async_sdk_http_client_closes_on_garbage_collection(self) -> None:
        closed: List[bool] = []

        async def aclose(self: httpx.AsyncClient) -> None:
            closed.append(True)

        with mock.patch.object(AsyncHttpxClientWrapper, "aclose", aclose):
            client = AsyncOpenAI(api_key=api_key)
            del client
            gc.collect()
            await asyncio.sleep(0)
        assert closed == [True]


# -- custom requests and request options ---------------------------------------------------------------------------


class TestCustomRequests:
    @pytest.mark.parametrize(
        "cast_to, content, expected",
        [
            (Item, b'{"id": "a", "value": 3}', Item(id="a", value=3)),
            (dict, b'{"id": "a"}', {"id": "a"}),
            (List[Item], b'[{"id": "a"}]', [Item(id="a")]),
            (Union[Item, int], b'{"id": "a"}', Item(id="a")),
            (object, b'{"a": [1, 2]}', {"a": [1, 2]}),
            (str, b"plain text", "plain text"),
            (bytes, b"\x00\x01", b"\x00\x01"),
            (int, b"42", 42),
            (float, b"4.5", 4.5),
            (bool, b"TRUE", True),
            (bool, b"nope", False),
            (type(None), b"{}", None),
        ],
    )
    def test_cast_to(self, cast_to: Any, content: bytes, expected: object, router: respx.MockRouter) -> None:
        router.get("/things").mock(
            return_value=httpx.Response(200, content=content, headers={"content-type": "application/json"})
        )
        assert OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=cast_to) == expected

    def test_cast_to_raw_and_binary(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, content=b"binary"))
        client = OpenAI(api_key=api_key, base_url=base_url)
        response = client.get("/things", cast_to=httpx.Response)
        assert isinstance(response, httpx.Response)
        assert response.content == b"binary"
        assert client.get("/things", cast_to=HttpxBinaryResponseContent).content == b"binary"

    def test_invalid_cast_to(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, json={}))
        client = OpenAI(api_key=api_key, base_url=base_url)

        class MyResponse(httpx.Response):
            pass

        class PlainModel(pydantic.BaseModel):
            id: str

        with pytest.raises(ValueError, match="^Subclasses of HTTP response classes cannot be passed to `cast_to`$"):
            client.get("/things", cast_to=MyResponse)
        with pytest.raises(
            TypeError,
            match=r"^Pydantic models must subclass our base model type, e\.g\. `from openai import BaseModel`$",
        ):
            client.get("/things", cast_to=PlainModel)

    async def test_async_methods(self, router: respx.MockRouter) -> None:
        for method in ("get", "post", "patch", "put", "delete"):
            getattr(router, method)("/things").mock(return_value=httpx.Response(200, json={"m": method}))
        client = AsyncOpenAI(api_key=api_key, base_url=base_url)
        assert await client.get("/things", cast_to=object) == {"m": "get"}
        assert await client.post("/things", cast_to=object, body={"a": 1}) == {"m": "post"}
        assert await client.patch("/things", cast_to=object, body={"a": 1}) == {"m": "patch"}
        assert await client.put("/things", cast_to=object, body={"a": 1}) == {"m": "put"}
        assert await client.delete("/things", cast_to=object) == {"m": "delete"}
        assert json.loads(router.calls[1].request.content) == {"a": 1}

    def test_sync_methods(self, router: respx.MockRouter) -> None:
        for method in ("get", "post", "patch", "put", "delete"):
            getattr(router, method)("/things").mock(return_value=httpx.Response(200, json={"m": method}))
        client = OpenAI(api_key=api_key, base_url=base_url)
        assert client.patch("/things", cast_to=object, body={"a": 1}) == {"m": "patch"}
        assert client.put("/things", cast_to=object, content=b"raw") == {"m": "put"}
        assert client.delete("/things", cast_to=object, body={"a": 2}) == {"m": "delete"}
        assert [call.request.content for call in router.calls] == [b'{"a":1}', b"raw", b'{"a":2}']

    def test_json_body_encoding(self) -> None:
        client = OpenAI(api_key=api_key, base_url=base_url)
        request = build(client, json_data={"text": "héllo ✓", "none": None, "when": datetime(2024, 1, 2, 3, 4, 5)})
        assert request.content == '{"text":"héllo ✓","none":null,"when":"2024-01-02T03:04:05"}'.encode()
        with pytest.raises(ValueError):
            build(client, json_data={"x": float("nan")})

    def test_extra_body(self) -> None:
        client = OpenAI(api_key=api_key, base_url=base_url)
        request = build(client, json_data={"a": 1, "b": 2}, extra_json={"b": None, "c": 3})
        assert json.loads(request.content) == {"a": 1, "b": None, "c": 3}
        assert json.loads(build(client, extra_json={"only": True}).content) == {"only": True}
        with pytest.raises(RuntimeError) as exc:
            build(client, json_data=["a"], extra_json={"b": 1})
        assert str(exc.value) == "Unexpected JSON data type, <class 'list'>, cannot merge with `extra_body`"

    def test_get_requests_carry_no_body(self) -> None:
        client = OpenAI(api_key=api_key, base_url=base_url)
        request = build(client, method="get", json_data={"a": 1}, extra_json={"b": 2})
        assert request.content == b""
        assert "content-type" not in request.headers

    def test_generated_method_options(self, router: respx.MockRouter) -> None:
        route = router.post("/things").mock(return_value=httpx.Response(200, json={}))
        client = OpenAI(api_key=api_key, base_url=base_url)
        opts = make_request_options(
            query={"a": "1", "b": "1"},
            extra_headers={"X-Extra": "yes"},
            extra_query={"b": "2"},
            extra_body={"z": 0},
            timeout=9,
        )
        client.post("/things", cast_to=object, body={"y": 1}, options=opts)
        request = route.calls.last.request
        assert dict(request.url.params) == {"a": "1", "b": "2"}
        assert request.headers["x-extra"] == "yes"
        assert json.loads(request.content) == {"y": 1, "z": 0}
        assert request.extensions["timeout"]["read"] == 9

    def test_make_request_options_only_sets_given_keys(self) -> None:
        assert make_request_options() == {}
        parser = lambda x: x  # noqa: E731
        assert make_request_options(
            query={"a": 1},
            extra_query={"b": 2},
            idempotency_key="k",
            timeout=None,
            post_parser=parser,
            security={"bearer_auth": True},
            synthesize_event_and_data=True,
        ) == {
            "params": {"a": 1, "b": 2},
            "idempotency_key": "k",
            "timeout": None,
            "post_parser": parser,
            "security": {"bearer_auth": True},
            "synthesize_event_and_data": True,
        }

    def test_body_argument_rules(self) -> None:
        client = OpenAI(api_key=api_key, base_url=base_url)
        with pytest.raises(TypeError, match="^Passing both `body` and `content` is not supported$"):
            client.post("/things", cast_to=object, body={}, content=b"x")
        with pytest.raises(TypeError, match="^Passing both `files` and `content` is not supported$"):
            client.post("/things", cast_to=object, files={"f": b"x"}, content=b"x")

    def test_raw_bytes_body_is_deprecated(self, router: respx.MockRouter) -> None:
        route = router.post("/things").mock(return_value=httpx.Response(200, json={}))
        client = OpenAI(api_key=api_key, base_url=base_url)
        with pytest.warns(DeprecationWarning, match="^Passing raw bytes as `body` is deprecated") as warned:
            client.post("/things", cast_to=object, body=b"raw bytes")
        assert warned[0].filename == __file__
        assert route.calls.last.request.content == b"raw bytes"

    def test_content_kinds(self, router: respx.MockRouter, tmp_path: Any) -> None:
        route = router.post("/things").mock(return_value=httpx.Response(200, json={}))
        client = OpenAI(api_key=api_key, base_url=base_url)
        path = tmp_path / "data.bin"
        path.write_bytes(b"from a file")

        def chunks() -> Iterator[bytes]:
            yield b"chunk-1|"
            yield b"chunk-2"

        with path.open("rb") as file:
            for content in (b"bytes", bytearray(b"bytearray"), chunks(), file):
                client.post("/things", cast_to=object, content=content)
        assert [call.request.read() for call in route.calls] == [
            b"bytes",
            b"bytearray",
            b"chunk-1|chunk-2",
            b"from a file",
        ]

    async def test_async_iterable_content(self, router: respx.MockRouter) -> None:
        route = router.post("/things").mock(return_value=httpx.Response(200, json={}))

        async def chunks() -> AsyncIterator[bytes]:
            yield b"a"
            yield b"b"

        await AsyncOpenAI(api_key=api_key, base_url=base_url).post("/things", cast_to=object, content=chunks())
        assert await route.calls.last.request.aread() == b"ab"

    @pytest.mark.parametrize("cls", CLIENT_CLASSES)
    def test_multipart(self, cls: type[OpenAI]) -> None:
        client = cls(api_key=api_key, base_url=base_url)
        request = build(
            client,
            headers={"Content-Type": "multipart/form-data"},
            json_data={
                "purpose": "fine-tune",
                "expires_after": {"anchor": "created_at"},
                "tags": ["a", "b"],
                "flag": True,
                "skip": None,
            },
            files=[("file", ("data.jsonl", b"{}", "application/jsonl"))],
        )
        content_type = request.headers["content-type"]
        assert content_type.startswith("multipart/form-data; boundary=")
        body = request.read().decode()
        for field in (
            'name="purpose"',
            'name="expires_after[anchor]"',
            'name="flag"\r\n\r\ntrue',
            'filename="data.jsonl"',
        ):
            assert field in body
        assert body.count('name="tags[]"') == 2
        assert 'name="skip"' not in body
        assert body.index('name="purpose"') < body.index('name="file"')

    def test_multipart_without_files_and_with_boundary(self) -> None:
        client = OpenAI(api_key=api_key, base_url=base_url)
        request = build(client, headers={"Content-Type": "multipart/form-data"}, json_data={"a": "1"})
        assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
        assert 'name="a"' in request.read().decode()
        kept = build(
            client, headers={"Content-Type": "multipart/form-data; boundary=fixed"}, json_data={"a": "1"}, files=[]
        )
        assert kept.headers["content-type"] == "multipart/form-data; boundary=fixed"

    def test_file_uploads_through_post(self, router: respx.MockRouter, tmp_path: Any) -> None:
        route = router.post("/files").mock(return_value=httpx.Response(200, json={}))
        path = tmp_path / "upload.txt"
        path.write_bytes(b"hello")
        client = OpenAI(api_key=api_key, base_url=base_url)
        client.post(
            "/files",
            cast_to=object,
            body={"purpose": "assistants"},
            files={"file": path},
            options={"headers": {"Content-Type": "multipart/form-data"}},
        )
        body = route.calls.last.request.read().decode()
        assert 'filename="upload.txt"' in body and "hello" in body


# -- raw and streamed responses -------------------------------------------------------------------------------------


class TestResponseModes:
    def test_raw_response_marker_is_sent(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, json={"id": "a"}))
        client = OpenAI(api_key=api_key, base_url=base_url)
        raw = client.get("/things", cast_to=Item, options={"headers": {RAW_RESPONSE_HEADER: "true"}})
        assert isinstance(raw, LegacyAPIResponse)
        assert sent(router).headers[RAW_RESPONSE_HEADER] == "true"
        assert raw.parse() == Item(id="a")

    def test_streamed_response_is_not_parsed(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, json={"id": "a"}))
        client = OpenAI(api_key=api_key, base_url=base_url)
        response = client.get("/things", cast_to=Item, options={"headers": {RAW_RESPONSE_HEADER: "stream"}})
        assert type(response) is APIResponse
        assert not response.is_closed
        assert response.parse() == Item(id="a")
        response.close()

    def test_override_cast_to_header_is_not_sent(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, content=b"bytes"))
        client = OpenAI(api_key=api_key, base_url=base_url)
        headers = {RAW_RESPONSE_HEADER: "stream", OVERRIDE_CAST_TO_HEADER: APIResponse[bytes]}
        response = client.get("/things", cast_to=Item, options={"headers": headers})  # type: ignore[typeddict-item]
        assert OVERRIDE_CAST_TO_HEADER not in sent(router).headers
        assert isinstance(response, APIResponse)
        assert response.read() == b"bytes"
        assert response.parse() == b"bytes"

    async def test_async_override_must_be_an_async_response(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, content=b"bytes"))
        client = AsyncOpenAI(api_key=api_key, base_url=base_url)
        headers: Any = {RAW_RESPONSE_HEADER: "stream", OVERRIDE_CAST_TO_HEADER: AsyncAPIResponse[bytes]}
        response = await client.get("/things", cast_to=Item, options={"headers": headers})
        assert isinstance(response, AsyncAPIResponse)
        assert await response.parse() == b"bytes"
        headers = {RAW_RESPONSE_HEADER: "stream", OVERRIDE_CAST_TO_HEADER: APIResponse[bytes]}
        with pytest.raises(TypeError, match="API Response types must subclass"):
            await client.get("/things", cast_to=Item, options={"headers": headers})

    def test_server_sent_events(self, router: respx.MockRouter) -> None:
        events = b'data: {"id": "1"}\n\ndata: {"id": "2"}\n\ndata: [DONE]\n\n'
        router.post("/stream").mock(
            return_value=httpx.Response(200, content=events, headers={"content-type": "text/event-stream"})
        )
        client = OpenAI(api_key=api_key, base_url=base_url)
        stream = client.post("/stream", cast_to=Item, body={}, stream=True, stream_cls=Stream[Item])
        assert isinstance(stream, Stream)
        assert [item.id for item in stream] == ["1", "2"]
        default: Any = client.post("/stream", cast_to=Item, body={}, stream=True)  # the client's default stream class
        assert isinstance(default, Stream)
        assert [item.id for item in default] == ["1", "2"]


# -- platform -----------------------------------------------------------------------------------------------------


class TestPlatform:
    def test_platform_and_arch(self) -> None:
        assert isinstance(get_platform(), (str, OtherPlatform))
        assert str(OtherPlatform("Plan9")) == "Other:Plan9"
        assert str(OtherArch("mips")) == "other:mips"
        headers = platform_headers("1.2.3", platform=None)
        assert headers["X-Stainless-Package-Version"] == "1.2.3"
        assert platform_headers("1.2.3", platform="MacOS")["X-Stainless-OS"] == "MacOS"

    @pytest.mark.parametrize(
        "system, machine, expected",
        [
            ("Darwin", "arm64", "MacOS"),
            ("Linux", "x86_64", "Linux"),
            ("Windows", "AMD64", "Windows"),
            ("FreeBSD", "amd64", "FreeBSD"),
            ("OpenBSD", "amd64", "OpenBSD"),
            ("Darwin", "iPhone14,2", "iOS"),
            ("Android", "aarch64", "Android"),
        ],
    )
    def test_known_platforms(self, system: str, machine: str, expected: str) -> None:
        with mock.patch("platform.system", return_value=system), mock.patch("platform.machine", return_value=machine):
            assert get_platform() == expected

    def test_other_platform(self) -> None:
        with (
            mock.patch("platform.system", return_value="Haiku"),
            mock.patch("platform.machine", return_value="x86_64"),
            mock.patch("platform.platform", return_value="Haiku-R1"),
        ):
            platform = get_platform()
        assert isinstance(platform, OtherPlatform)
        assert str(platform) == "Other:haiku-r1"

    @pytest.mark.parametrize(
        "machine, expected",
        [
            ("x86_64", "x64"),
            ("arm64", "arm64"),
            ("aarch64", "arm64"),
            ("arm", "arm"),
            ("riscv64", "other:riscv64"),
            ("", "unknown"),
        ],
    )
    def test_architectures(self, machine: str, expected: str) -> None:
        with mock.patch("platform.machine", return_value=machine):
            assert str(get_architecture()) == expected


# -- the httpx client -----------------------------------------------------------------------------------------------


class TestHttpxClient:
    def test_requests_keep_what_the_http_client_adds(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, json={}))
        http_client = httpx.Client(headers={"X-From-Client": "1", "User-Agent": "theirs"}, cookies={"session": "abc"})
        OpenAI(api_key=api_key, base_url=base_url, http_client=http_client).get("/things", cast_to=object)
        request = sent(router)
        assert request.headers["x-from-client"] == "1"
        assert request.headers["user-agent"] == "OpenAI/Python 2.54.0"
        assert request.headers["cookie"] == "session=abc"

    def test_client_params_and_custom_build_request(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(return_value=httpx.Response(200, json={}))
        built: List[str] = []

        class SigningClient(httpx.Client):
            def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
                request = super().build_request(*args, **kwargs)
                request.headers["X-Signature"] = "signed"
                built.append(str(request.url))
                return request

        OpenAI(api_key=api_key, base_url=base_url, http_client=SigningClient()).get("/things", cast_to=object)
        assert sent(router).headers["x-signature"] == "signed"
        assert built == [f"{base_url}/things"]

        OpenAI(api_key=api_key, base_url=base_url, http_client=httpx.Client(params={"from": "client"})).get(
            "/things", cast_to=object, options={"params": {"q": "1"}}
        )
        assert dict(sent(router).url.params) == {"from": "client", "q": "1"}

    def test_response_cookies_are_still_stored(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(
            return_value=httpx.Response(200, json={}, headers={"set-cookie": "token=xyz; Path=/"})
        )
        client = OpenAI(api_key=api_key, base_url=base_url)
        client.get("/things", cast_to=object)
        assert client._client.cookies["token"] == "xyz"
        client.get("/things", cast_to=object)
        assert sent(router).headers["cookie"] == "token=xyz"
