"""The `openai` package surface and its module-level client (`openai.api_key = ...; openai.models.list()`)."""

from __future__ import annotations

import sys
import json
import subprocess
from typing import Any, Iterator

import httpx
import respx
import pytest

import openai
from openai import OpenAI, AzureOpenAI

SETTINGS = (
    "api_key",
    "admin_api_key",
    "organization",
    "project",
    "webhook_secret",
    "base_url",
    "timeout",
    "max_retries",
    "default_headers",
    "default_query",
    "http_client",
    "api_type",
    "api_version",
    "azure_endpoint",
    "azure_ad_token",
    "azure_ad_token_provider",
)
AMBIGUOUS = "Ambiguous use of module client; please set `openai.api_type` or the `OPENAI_API_TYPE` environment variable to `openai`, `azure`, or `amazon-bedrock`"
MODELS = {"object": "list", "data": []}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (
        "OPENAI_API_KEY",
        "AZURE_OPENAI_API_KEY",
        "AZURE_OPENAI_AD_TOKEN",
        "OPENAI_CUSTOM_HEADERS",
        "OPENAI_ORG_ID",
    ):
        monkeypatch.delenv(name, raising=False)
    saved = {name: getattr(openai, name) for name in SETTINGS}
    for name in ("api_type", "api_version", "azure_endpoint", "azure_ad_token"):
        setattr(openai, name, None)
    openai._reset_client()
    yield
    for name, value in saved.items():
        setattr(openai, name, value)
    openai._reset_client()


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as mocked:
        mocked.get("https://api.openai.com/v1/models").mock(return_value=httpx.Response(200, json=MODELS))
        yield mocked


def run_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


class TestPackage:
    def test_version(self) -> None:
        assert openai.__version__ == openai.VERSION == "2.54.0"
        assert openai.__title__ == "openai"

    def test_all_names_resolve(self) -> None:
        for name in openai.__all__:
            assert getattr(openai, name) is not None, name
        for name in (
            "APIResponse",
            "AsyncAPIResponse",
            "HttpxBinaryResponseContent",
            "AzureOpenAI",
            "AsyncAzureOpenAI",
            "resources",
        ):
            assert getattr(openai, name) is not None
        assert openai.Timeout is httpx.Timeout
        assert openai.Client is openai.OpenAI and openai.AsyncClient is openai.AsyncOpenAI
        assert {"OpenAI", "chat", "models", "types"} <= set(dir(openai))
        with pytest.raises(AttributeError):
            openai.does_not_exist  # noqa: B018

    def test_public_names_report_the_package_as_their_module(self) -> None:
        assert repr(openai.NotFoundError) == "<class 'openai.NotFoundError'>"
        assert openai.OpenAI.__module__ == "openai"
        assert openai.BaseModel.__module__ == "openai"
        assert AzureOpenAI.__module__ == "openai.lib.azure"  # not in `__all__`

    def test_import_is_lazy(self) -> None:
        loaded = json.loads(
            run_python(
                "import sys, json, openai; print(json.dumps(sorted(m for m in sys.modules if m.startswith(('openai', 'pydantic')))))"
            )
        )
        for heavy in (
            "openai._models",
            "openai._client",
            "openai._base_client",
            "openai.types",
            "openai.resources",
            "openai.lib.azure",
            "pydantic.main",
        ):
            assert heavy not in loaded

    def test_client_creation_imports_no_resource_or_type_module(self) -> None:
        code = "import sys, openai; openai.OpenAI(api_key='k'); print([m for m in sys.modules if m.startswith(('openai.types', 'openai.resources'))])"
        assert run_python(code).strip() == "[]"

    def test_removed_v0_names(self) -> None:
        with pytest.raises(
            openai.OpenAIError,
            match=r"You tried to access openai\.Completion, but this is no longer supported in openai>=1\.0\.0",
        ):
            openai.Completion.create()

    def test_initial_settings(self) -> None:
        code = "import openai; print([openai.api_key, openai.organization, openai.base_url, openai.max_retries, openai.timeout == openai.DEFAULT_TIMEOUT, openai.http_client])"
        assert run_python(code).strip() == "[None, None, None, 2, True, None]"


class TestModuleClient:
    def test_one_shared_client(self, router: respx.MockRouter) -> None:
        openai.api_key = "sk-module"
        assert openai.models.list().data == []
        client = openai._load_client()
        assert isinstance(client, OpenAI)
        assert openai.chat.completions._client is client
        assert openai._load_client() is client
        assert router.calls.last.request.headers["authorization"] == "Bearer sk-module"
        assert router.calls.last.request.headers["user-agent"] == "_ModuleClient/Python 2.54.0"
        openai._reset_client()
        assert openai._load_client() is not client

    def test_settings_are_read_live(self, router: respx.MockRouter) -> None:
        openai.api_key = "sk-1"
        openai.models.list()
        openai.api_key = "sk-2"
        openai.organization = "org-x"
        openai.project = "proj-x"
        openai.default_headers = {"X-Module": "yes"}
        openai.default_query = {"q": "1"}
        openai.max_retries = 0
        openai.timeout = 9.0
        router.routes[0].return_value = httpx.Response(500)
        with pytest.raises(openai.InternalServerError):
            openai.models.list()
        request = router.calls.last.request
        assert router.calls.call_count == 2  # max_retries=0 took effect
        assert request.headers["authorization"] == "Bearer sk-2"
        assert request.headers["openai-organization"] == "org-x"
        assert request.headers["openai-project"] == "proj-x"
        assert request.headers["x-module"] == "yes"
        assert request.url.params["q"] == "1"
        assert request.headers["x-stainless-read-timeout"] == "9.0"
        assert openai._load_client().timeout == 9.0

    def test_http_client_is_read_live(self) -> None:
        seen: list[httpx.Request] = []

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return httpx.Response(200, json=MODELS)

        openai.api_key = "sk"
        openai.models.list  # noqa: B018 - the client exists before `http_client` is set
        openai.http_client = httpx.Client(transport=httpx.MockTransport(handler))
        openai.models.list()
        assert len(seen) == 1

    def test_resolved_key_is_written_back(self, router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
        openai.models.list()
        assert openai.api_key == "sk-env"

    def test_missing_key_fails_on_request(self) -> None:
        client = openai._load_client()
        assert openai.api_key == ""
        with pytest.raises(TypeError, match="Could not resolve authentication method"):
            client.models.list()

    def test_base_url_is_used_verbatim(self, router: respx.MockRouter) -> None:
        openai.api_key = "sk"
        assert openai._load_client().base_url == "https://api.openai.com/v1/"
        openai.base_url = "http://foo.test"
        assert openai._load_client().base_url == httpx.URL("http://foo.test")
        router.get("http://foo.test/models").mock(return_value=httpx.Response(200, json=MODELS))
        openai.models.list()
        assert router.calls.last.request.url == "http://foo.test/models"


class TestApiType:
    def test_defaults_to_openai(self) -> None:
        assert type(openai._load_client()).__name__ == "_ModuleClient"
        assert openai.api_type == "openai"

    @pytest.mark.parametrize(
        "settings, env",
        [
            ({"azure_endpoint": "https://res.test"}, {}),
            ({}, {"AZURE_OPENAI_API_KEY": "k"}),
            ({"azure_ad_token": "t"}, {}),
            ({"azure_ad_token_provider": lambda: "t"}, {}),
        ],
    )
    def test_ambiguous_with_openai_key(
        self, settings: dict[str, Any], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("OPENAI_API_KEY", "sk")
        for name, value in {**env}.items():
            monkeypatch.setenv(name, value)
        for name, value in settings.items():
            setattr(openai, name, value)
        with pytest.raises(openai.OpenAIError) as exc:
            openai._load_client()
        assert str(exc.value) == AMBIGUOUS

    def test_ambiguous_azure_key_and_ad_token(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("AZURE_OPENAI_API_KEY", "k")
        openai.azure_ad_token = "t"
        with pytest.raises(openai.OpenAIError, match="Ambiguous use of module client"):
            openai._load_client()

    def test_azure_client(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-key")
        openai.azure_endpoint = "https://res.openai.azure.com"
        openai.api_version = "2024-02-01"
        with respx.mock() as router:
            route = router.get("https://res.openai.azure.com/openai/models?api-version=2024-02-01").mock(
                return_value=httpx.Response(200, json=MODELS)
            )
            openai.models.list()
        client = openai._load_client()
        assert isinstance(client, AzureOpenAI)
        assert openai.api_type == "azure"
        assert route.calls.last.request.headers["api-key"] == "azure-key"

    def test_azure_errors_surface_on_first_use(self) -> None:
        openai.api_type = "azure"
        with pytest.raises(openai.OpenAIError, match="Missing credentials"):
            openai.models.list()

    def test_explicit_type_skips_detection(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("OPENAI_API_KEY", "sk")
        openai.azure_endpoint = "https://res.test"
        openai.api_type = "openai"
        assert not isinstance(openai._load_client(), AzureOpenAI)
