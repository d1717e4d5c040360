"""Workload identity (`openai.auth`): the token exchange, the access token on API requests, caching and refresh,
the single re-send after a 401, exchange and provider errors, and the ready-made Kubernetes/Azure/GCP providers
(sync and async clients, HTTP mocked with respx)."""

from __future__ import annotations

import sys
import json
import threading
import subprocess
from typing import Any, List, Union, Callable, Iterator

import httpx
import respx
import pytest
from typing_extensions import Unpack

from openai import OpenAI, OAuthError, AsyncOpenAI, APIStatusError, AuthenticationError, PermissionDeniedError
from openai.auth import (
    WorkloadIdentity,
    SubjectTokenProvider,
    gcp_id_token_provider,
    k8s_service_account_token_provider,
    azure_managed_identity_token_provider,
)
from openai._types import RequestOptions
from openai._exceptions import SubjectTokenProviderError

base_url = "http://api.test/v1"
token_url = "https://auth.openai.com/oauth/token"
azure_url = "http://169.254.169.254/metadata/identity/oauth2/token"
gcp_url = "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity"

Client = Union[OpenAI, AsyncOpenAI]
CLIENT_CLASSES = [OpenAI, AsyncOpenAI]


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as mocked:
        yield mocked


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> List[float]:
    """The monotonic time seen by the token cache; tests move it by assigning `clock[0]`."""
    now = [1000.0]
    monkeypatch.setattr("openai.auth._workload.monotonic", lambda: now[0])
    return now


def identity(
    get_token: Callable[[], str] = lambda: "subject-jwt", refresh_buffer: float | None = None
) -> WorkloadIdentity:
    provider: SubjectTokenProvider = {"token_type": "jwt", "get_token": get_token}
    workload: WorkloadIdentity = {"identity_provider_id": "idp_1", "service_account_id": "sa_1", "provider": provider}
    if refresh_buffer is not None:
        workload["refresh_buffer_seconds"] = refresh_buffer
    return workload


def tokens(router: respx.MockRouter, *names: str, expires_in: object = 3600) -> respx.Route:
    """The token endpoint, answering with access tokens `names` in turn."""
    return router.post(token_url).mock(
        side_effect=[httpx.Response(200, json={"access_token": name, "expires_in": expires_in}) for name in names]
    )


def api(router: respx.MockRouter, *responses: httpx.Response) -> respx.Route:
    route = router.get(f"{base_url}/things")
    if responses:
        return route.mock(side_effect=list(responses))
    return route.mock(return_value=httpx.Response(200, json={}))


async def get(client: Client, **options: Unpack[RequestOptions]) -> object:
    if isinstance(client, AsyncOpenAI):
        return await client.get("/things", cast_to=object, options=options)
    return client.get("/things", cast_to=object, options=options)


def bearer(route: respx.Route, index: int = -1) -> str:
    return route.calls[index].request.headers["authorization"]


@pytest.mark.parametrize("cls", CLIENT_CLASSES)
class TestClient:
    async def test_exchange_request_and_bearer_header(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = tokens(router, "at-1")
        things = api(router)
        await get(cls(workload_identity=identity(), base_url=base_url))

        request = exchange.calls.last.request
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == {
            "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
            "subject_token": "subject-jwt",
            "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
            "identity_provider_id": "idp_1",
            "service_account_id": "sa_1",
        }
        assert request.extensions["timeout"] == {"connect": 10.0, "read": 10.0, "write": 10.0, "pool": 10.0}
        assert bearer(things) == "Bearer at-1"

    async def test_id_tokens_are_exchanged_as_id_tokens(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = tokens(router, "at-1")
        api(router)
        workload = identity()
        workload["provider"] = {"token_type": "id", "get_token": lambda: "subject-id"}
        await get(cls(workload_identity=workload, base_url=base_url))
        assert json.loads(exchange.calls.last.request.content)["subject_token_type"] == (
            "urn:ietf:params:oauth:token-type:id_token"
        )

    async def test_token_is_cached_across_requests_and_copies(
        self, cls: type[Client], router: respx.MockRouter, clock: List[float]
    ) -> None:
        exchange = tokens(router, "at-1", "at-2")
        things = api(router)
        client = cls(workload_identity=identity(), base_url=base_url)
        await get(client)
        await get(client)
        await get(client.with_options(timeout=5))
        assert exchange.call_count == 1
        assert [call.request.headers["authorization"] for call in things.calls] == ["Bearer at-1"] * 3

    async def test_token_is_refreshed_before_it_expires(
        self, cls: type[Client], router: respx.MockRouter, clock: List[float]
    ) -> None:
        exchange = tokens(router, "at-1", "at-2")
        things = api(router)
        client = cls(workload_identity=identity(), base_url=base_url)
        await get(client)
        clock[0] += 3600 - 1200 - 1  # default buffer: 1200 s before expiry
        await get(client)
        assert bearer(things) == "Bearer at-1"
        clock[0] += 1
        await get(client)
        assert bearer(things) == "Bearer at-2"
        assert exchange.call_count == 2

    async def test_refresh_buffer_is_capped_at_half_the_lifetime(
        self, cls: type[Client], router: respx.MockRouter, clock: List[float]
    ) -> None:
        exchange = tokens(router, "at-1", "at-2", expires_in=100)
        things = api(router)
        client = cls(workload_identity=identity(refresh_buffer=90), base_url=base_url)
        await get(client)
        clock[0] += 49
        await get(client)
        assert bearer(things) == "Bearer at-1"
        clock[0] += 1
        await get(client)
        assert bearer(things) == "Bearer at-2"
        assert exchange.call_count == 2

    async def test_custom_refresh_buffer(self, cls: type[Client], router: respx.MockRouter, clock: List[float]) -> None:
        tokens(router, "at-1", "at-2")
        things = api(router)
        client = cls(workload_identity=identity(refresh_buffer=60), base_url=base_url)
        await get(client)
        clock[0] += 3539
        await get(client)
        assert bearer(things) == "Bearer at-1"
        clock[0] += 1
        await get(client)
        assert bearer(things) == "Bearer at-2"

    async def test_token_without_lifetime_is_kept(
        self, cls: type[Client], router: respx.MockRouter, clock: List[float]
    ) -> None:
        exchange = router.post(token_url).mock(return_value=httpx.Response(200, json={"access_token": "at-1"}))
        api(router)
        client = cls(workload_identity=identity(), base_url=base_url)
        await get(client)
        clock[0] += 10**9
        await get(client)
        assert exchange.call_count == 1

    async def test_unauthorized_is_resent_once_with_a_fresh_token(
        self, cls: type[Client], router: respx.MockRouter
    ) -> None:
        exchange = tokens(router, "at-1", "at-2")
        things = api(router, httpx.Response(401), httpx.Response(200, json={"ok": True}))
        assert await get(cls(workload_identity=identity(), base_url=base_url, max_retries=0)) == {"ok": True}
        assert exchange.call_count == 2
        assert [call.request.headers["authorization"] for call in things.calls] == ["Bearer at-1", "Bearer at-2"]

    async def test_second_unauthorized_is_raised(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = tokens(router, "at-1", "at-2", "at-3")
        things = api(router, httpx.Response(401), httpx.Response(401, json={"error": {"message": "no"}}))
        with pytest.raises(AuthenticationError) as exc:
            await get(cls(workload_identity=identity(), base_url=base_url))
        assert exc.value.status_code == 401
        assert not isinstance(exc.value, OAuthError)
        assert (exchange.call_count, things.call_count) == (2, 2)

    async def test_other_statuses_are_not_resent(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = tokens(router, "at-1", "at-2")
        things = api(router, httpx.Response(403))
        with pytest.raises(PermissionDeniedError):
            await get(cls(workload_identity=identity(), base_url=base_url))
        assert (exchange.call_count, things.call_count) == (1, 1)

    async def test_unauthorized_with_an_api_key_is_not_resent(
        self, cls: type[Client], router: respx.MockRouter
    ) -> None:
        things = api(router, httpx.Response(401), httpx.Response(200, json={}))
        with pytest.raises(AuthenticationError):
            await get(cls(api_key="sk-key", base_url=base_url))
        assert things.call_count == 1

    async def test_admin_endpoints_do_not_exchange(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = tokens(router, "at-1")
        things = api(router)
        client = cls(workload_identity=identity(), admin_api_key="sk-admin", base_url=base_url)
        await get(client, security={"admin_api_key_auth": True})
        assert exchange.call_count == 0
        assert bearer(things) == "Bearer sk-admin"

    @pytest.mark.parametrize(
        "status, body, message, error",
        [
            (
                400,
                {"error": "invalid_grant", "error_description": "Subject token expired"},
                "Subject token expired",
                "invalid_grant",
            ),
            (401, {"error": "invalid_subject_token"}, "OAuth authentication error.", "invalid_subject_token"),
            (403, {"error": "access_denied", "error_description": ""}, "OAuth authentication error.", "access_denied"),
            (400, "not json", "OAuth authentication error.", None),
        ],
    )
    async def test_exchange_rejections_raise_oauth_error(
        self,
        cls: type[Client],
        router: respx.MockRouter,
        status: int,
        body: object,
        message: str,
        error: str | None,
    ) -> None:
        content = json.dumps(body) if isinstance(body, dict) else str(body)
        exchange = router.post(token_url).mock(return_value=httpx.Response(status, content=content))
        things = api(router)
        with pytest.raises(OAuthError) as exc:
            await get(cls(workload_identity=identity(), base_url=base_url))
        assert str(exc.value) == message
        assert exc.value.error == error
        assert exc.value.response.status_code == status
        assert exc.value.body == body
        assert (exchange.call_count, things.call_count) == (1, 0)

    async def test_exchange_server_error_is_not_retried(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = router.post(token_url).mock(return_value=httpx.Response(500, json={"error": "server_error"}))
        with pytest.raises(APIStatusError) as exc:
            await get(cls(workload_identity=identity(), base_url=base_url))
        assert not isinstance(exc.value, OAuthError)
        assert str(exc.value) == "Error code: 500 - {'error': 'server_error'}"
        assert exchange.call_count == 1

    async def test_provider_failure(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = tokens(router, "at-1")

        def broken() -> str:
            raise RuntimeError("no token here")

        with pytest.raises(SubjectTokenProviderError) as exc:
            await get(cls(workload_identity=identity(broken), base_url=base_url))
        assert str(exc.value) == "The subject token provider failed: no token here"
        assert isinstance(exc.value.__cause__, RuntimeError)
        assert exc.value.response is None
        assert exchange.call_count == 0

    async def test_provider_returning_nothing(self, cls: type[Client], router: respx.MockRouter) -> None:
        with pytest.raises(SubjectTokenProviderError) as exc:
            await get(cls(workload_identity=identity(lambda: ""), base_url=base_url))
        assert str(exc.value) == "Expected the subject token provider to return a non-empty string but it returned ''"

    async def test_provider_is_called_per_exchange(self, cls: type[Client], router: respx.MockRouter) -> None:
        exchange = tokens(router, "at-1", "at-2")
        api(router, httpx.Response(401), httpx.Response(200, json={}))
        subjects = iter(["subject-1", "subject-2"])
        threads: List[threading.Thread] = []

        def get_token() -> str:
            threads.append(threading.current_thread())
            return next(subjects)

        await get(cls(workload_identity=identity(get_token), base_url=base_url))
        assert [json.loads(call.request.content)["subject_token"] for call in exchange.calls] == [
            "subject-1",
            "subject-2",
        ]
        # The async client runs blocking providers in a worker thread.
        assert all((thread is threading.main_thread()) == (cls is OpenAI) for thread in threads)


async def test_k8s_provider_end_to_end(router: respx.MockRouter, tmp_path: Any) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("k8s-jwt\n")
    exchange = tokens(router, "at-1")
    models = router.get(f"{base_url}/models").mock(
        return_value=httpx.Response(200, json={"object": "list", "data": []})
    )
    workload: WorkloadIdentity = {
        "identity_provider_id": "idp_1",
        "service_account_id": "sa_1",
        "provider": k8s_service_account_token_provider(token_file),
    }
    await AsyncOpenAI(workload_identity=workload, base_url=base_url).models.list()
    assert json.loads(exchange.calls.last.request.content)["subject_token"] == "k8s-jwt"
    assert bearer(models) == "Bearer at-1"


def test_importing_openai_does_not_import_auth() -> None:
    code = "import sys, openai; openai.OpenAI(api_key='k'); print('openai.auth' in sys.modules)"
    assert subprocess.check_output([sys.executable, "-c", code], text=True).strip() == "False"


class TestK8sProvider:
    def test_reads_the_token_file_on_every_call(self, tmp_path: Any) -> None:
        token_file = tmp_path / "token"
        token_file.write_text("  first\n")
        provider = k8s_service_account_token_provider(str(token_file))
        assert provider["token_type"] == "jwt"
        assert provider["get_token"]() == "first"
        token_file.write_text("second")
        assert provider["get_token"]() == "second"

    def test_default_path(self, monkeypatch: pytest.MonkeyPatch) -> None:
        opened: List[object] = []

        def fake_open(path: object, *args: Any, **kwargs: Any) -> Any:
            opened.append(path)
            raise FileNotFoundError(2, "No such file or directory")

        monkeypatch.setattr("builtins.open", fake_open)
        with pytest.raises(SubjectTokenProviderError):
            k8s_service_account_token_provider()["get_token"]()
        assert opened == ["/var/run/secrets/kubernetes.io/serviceaccount/token"]

    def test_missing_file(self, tmp_path: Any) -> None:
        path = tmp_path / "missing"
        with pytest.raises(SubjectTokenProviderError) as exc:
            k8s_service_account_token_provider(path)["get_token"]()
        assert str(exc.value).startswith(f"Could not read the Kubernetes service account token at {path}: ")
        assert isinstance(exc.value.__cause__, FileNotFoundError)

    def test_empty_file(self, tmp_path: Any) -> None:
        path = tmp_path / "token"
        path.write_text("\n")
        with pytest.raises(SubjectTokenProviderError) as exc:
            k8s_service_account_token_provider(path)["get_token"]()
        assert str(exc.value) == f"The Kubernetes service account token at {path} is empty"


class TestAzureProvider:
    def test_requests_a_token_from_imds(self, router: respx.MockRouter) -> None:
        route = router.get(azure_url).mock(return_value=httpx.Response(200, json={"access_token": "azure-jwt"}))
        provider = azure_managed_identity_token_provider()
        assert provider["token_type"] == "jwt"
        assert provider["get_token"]() == "azure-jwt"
        request = route.calls.last.request
        assert request.headers["metadata"] == "true"
        assert dict(request.url.params) == {"api-version": "2018-02-01", "resource": "api://AzureADTokenExchange"}

    def test_resource_and_client_id(self, router: respx.MockRouter) -> None:
        route = router.get(azure_url).mock(return_value=httpx.Response(200, json={"access_token": "azure-jwt"}))
        azure_managed_identity_token_provider("api://custom", client_id="cid")["get_token"]()
        params = route.calls.last.request.url.params
        assert (params["resource"], params["client_id"]) == ("api://custom", "cid")

    def test_error_status(self, router: respx.MockRouter) -> None:
        router.get(azure_url).mock(return_value=httpx.Response(400, text="Identity not found"))
        with pytest.raises(SubjectTokenProviderError) as exc:
            azure_managed_identity_token_provider()["get_token"]()
        assert str(exc.value) == "The Azure managed identity answered 400: Identity not found"
        assert exc.value.response is not None and exc.value.response.status_code == 400

    def test_response_without_token(self, router: respx.MockRouter) -> None:
        router.get(azure_url).mock(return_value=httpx.Response(200, json={"token_type": "Bearer"}))
        with pytest.raises(SubjectTokenProviderError) as exc:
            azure_managed_identity_token_provider()["get_token"]()
        assert str(exc.value) == "The Azure managed identity response has no `access_token`"

    def test_unreachable(self, router: respx.MockRouter) -> None:
        router.get(azure_url).mock(side_effect=httpx.ConnectError("unreachable"))
        with pytest.raises(SubjectTokenProviderError) as exc:
            azure_managed_identity_token_provider()["get_token"]()
        assert str(exc.value) == "Could not reach the Azure managed identity: unreachable"
        assert exc.value.response is None


class TestGcpProvider:
    def test_requests_an_id_token_from_the_metadata_server(self, router: respx.MockRouter) -> None:
        route = router.get(gcp_url).mock(return_value=httpx.Response(200, text="gcp-id-token\n"))
        provider = gcp_id_token_provider("https://openai.example")
        assert provider["token_type"] == "id"
        assert provider["get_token"]() == "gcp-id-token"
        request = route.calls.last.request
        assert request.headers["metadata-flavor"] == "Google"
        assert dict(request.url.params) == {"audience": "https://openai.example", "format": "full"}

    def test_error_status(self, router: respx.MockRouter) -> None:
        router.get(gcp_url).mock(return_value=httpx.Response(404, text="Not Found"))
        with pytest.raises(SubjectTokenProviderError) as exc:
            gcp_id_token_provider("aud")["get_token"]()
        assert str(exc.value) == "The Google Cloud metadata server answered 404: Not Found"
        assert exc.value.response is not None and exc.value.response.status_code == 404

    def test_empty_token(self, router: respx.MockRouter) -> None:
        router.get(gcp_url).mock(return_value=httpx.Response(200, text=""))
        with pytest.raises(SubjectTokenProviderError) as exc:
            gcp_id_token_provider("aud")["get_token"]()
        assert str(exc.value) == "The Google Cloud metadata server returned an empty ID token"
