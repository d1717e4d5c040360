"""Workload identity: the `WorkloadIdentity` configuration, and `WorkloadIdentityAuth`, which exchanges the workload's
subject token for an OpenAI access token at `https://auth.openai.com/oauth/token` and caches it until shortly before
it expires."""

from __future__ import annotations

import math
import threading
from time import monotonic
from typing import Any, Dict, Callable, Generator, cast
from contextlib import contextmanager

import httpx
from typing_extensions import Literal, Required, TypedDict, NotRequired

from .._utils import asyncify
from .._exceptions import (
    OAuthError,
    OpenAIError,
    APIStatusError,
    APITimeoutError,
    APIConnectionError,
    SubjectTokenProviderError,
    APIResponseValidationError,
)

__all__ = ["SubjectTokenProvider", "WorkloadIdentity", "WorkloadIdentityAuth"]

TOKEN_URL = "https://auth.openai.com/oauth/token"
TOKEN_EXCHANGE_TIMEOUT = 10.0
DEFAULT_REFRESH_BUFFER_SECONDS = 1200

_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange"
_SUBJECT_TOKEN_TYPES = {
    "jwt": "urn:ietf:params:oauth:token-type:jwt",
    "id": "urn:ietf:params:oauth:token-type:id_token",
}


class SubjectTokenProvider(TypedDict):
    """Where the workload's own identity token comes from: `get_token()` returns it, `token_type` says what it is."""

    token_type: Literal["jwt", "id"]
    get_token: Callable[[], str]


class WorkloadIdentity(TypedDict, total=False):
    """The `workload_identity` client argument: which OpenAI service account the workload acts as, and how to prove
    the workload's identity. Access tokens are refreshed `refresh_buffer_seconds` (default 1200, at most half the
    token's lifetime) before they expire."""

    identity_provider_id: Required[str]
    service_account_id: Required[str]
    provider: Required[SubjectTokenProvider]
    refresh_buffer_seconds: NotRequired[float]


class WorkloadIdentityAuth:
    """Access tokens for one `WorkloadIdentity`: exchanged on first use, then reused until they are due for refresh
    or `invalidate()` is called. The `OpenAI`/`AsyncOpenAI` clients keep one per workload identity."""

    def __init__(self, workload_identity: WorkloadIdentity, *, token_url: str = TOKEN_URL) -> None:
        self.workload_identity = workload_identity
        self.token_url = token_url
        self.access_token: str | None = None
        """The most recently obtained access token (None before the first exchange)."""
        self._refresh_at = -math.inf
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        """Make the next `get_token()`/`aget_token()` exchange a new token (e.g. after the API rejected this one)."""
        self._refresh_at = -math.inf

    def get_token(self, http_client: httpx.Client) -> str:
        """A valid access token, from the cache or a new exchange sent with `http_client`."""
        token = self._cached_token()
        if token is not None:
            return token
        with self._lock:  # one exchange at a time; threads that waited reuse its result
            token = self._cached_token()
            if token is not None:
                return token
            started = monotonic()
            request = self._exchange_request(http_client, _subject_token(self._provider()))
            with _transport_errors(request):
                response = http_client.send(request)
            return self._store(response, started)

    async def aget_token(self, http_client: httpx.AsyncClient) -> str:
        """`get_token()` for async clients; a blocking `get_token` of the provider runs in a worker thread.
        Tasks that find the cache empty at the same moment each run their own exchange."""
        token = self._cached_token()
        if token is not None:
            return token
        started = monotonic()
        subject_token = await asyncify(_subject_token)(self._provider())
        request = self._exchange_request(http_client, subject_token)
        with _transport_errors(request):
            response = await http_client.send(request)
        return self._store(response, started)

    def _cached_token(self) -> str | None:
        return self.access_token if monotonic() < self._refresh_at else None

    def _provider(self) -> SubjectTokenProvider:
        return self.workload_identity["provider"]

    def _exchange_request(self, http_client: httpx.Client | httpx.AsyncClient, subject_token: str) -> httpx.Request:
        token_type = self._provider()["token_type"]
        subject_token_type = _SUBJECT_TOKEN_TYPES.get(token_type)
        if subject_token_type is None:
            raise OpenAIError(f"Unknown subject token type {token_type!r}; expected 'jwt' or 'id'")
        body = {
            "grant_type": _GRANT_TYPE,
            "subject_token": subject_token,
            "subject_token_type": subject_token_type,
            "identity_provider_id": self.workload_identity["identity_provider_id"],
            "service_account_id": self.workload_identity["service_account_id"],
        }
        return http_client.build_request(
            "POST", self.token_url, json=body, headers={"Accept": "application/json"}, timeout=TOKEN_EXCHANGE_TIMEOUT
        )

    def _store(self, response: httpx.Response, started: float) -> str:
        """Check the exchange response, cache its token and return it."""
        body = _decode(response)
        if response.status_code in (400, 401, 403):
            raise _oauth_error(response, body)
        if not response.is_success:
            raise APIStatusError(
                f"Error code: {response.status_code}" + (f" - {body!r}" if body else ""), response=response, body=body
            )
        fields = _fields(body)
        token = fields.get("access_token")
        if not isinstance(token, str) or not token:
            raise APIResponseValidationError(
                response, body, message="The token exchange response has no `access_token`."
            )
        self.access_token = token
        self._refresh_at = started + self._usable_seconds(fields.get("expires_in"))
        return token

    def _usable_seconds(self, expires_in: object) -> float:
        """How long a token that expires in `expires_in` seconds is used before refreshing it (forever if unknown)."""
        if isinstance(expires_in, bool) or not isinstance(expires_in, (int, float)):
            return math.inf
        buffer = self.workload_identity.get("refresh_buffer_seconds", DEFAULT_REFRESH_BUFFER_SECONDS)
        return expires_in - min(buffer, expires_in / 2)


def _subject_token(provider: SubjectTokenProvider) -> str:
    """Call the provider; any failure, or anything but a non-empty string, becomes a `SubjectTokenProviderError`."""
    try:
        token: object = provider["get_token"]()
    except SubjectTokenProviderError:
        raise
    except Exception as err:
        raise SubjectTokenProviderError(f"The subject token provider failed: {err}") from err
    # providers are user code: check what they return despite their annotation
    if not isinstance(token, str) or not token:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise SubjectTokenProviderError(
            f"Expected the subject token provider to return a non-empty string but it returned {token!r}"
        )
    return token


@contextmanager
def _transport_errors(request: httpx.Request) -> Generator[None, None, None]:
    """Report network failures of the exchange like those of API requests (they are not retried)."""
    try:
        yield
    except httpx.TimeoutException as err:
        raise APITimeoutError(request=request) from err
    except httpx.TransportError as err:
        raise APIConnectionError(request=request) from err


def _decode(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return response.text.strip()


def _fields(body: object) -> Dict[str, Any]:
    return cast(Dict[str, Any], body) if isinstance(body, dict) else {}


def _oauth_error(response: httpx.Response, body: object) -> OAuthError:
    fields = _fields(body)
    description = fields.get("error_description")
    error = fields.get("error")
    return OAuthError(
        description if isinstance(description, str) and description else "OAuth authentication error.",
        response=response,
        body=body,
        error=error if isinstance(error, str) else None,
    )
