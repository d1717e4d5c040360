"""Ready-made subject token providers for common platforms: a Kubernetes service account token file, the Azure
managed identity endpoint (IMDS) and the Google Cloud metadata server."""

from __future__ import annotations

import os
from typing import Dict

import httpx

from ._workload import SubjectTokenProvider
from .._exceptions import SubjectTokenProviderError

__all__ = ["k8s_service_account_token_provider", "azure_managed_identity_token_provider", "gcp_id_token_provider"]

K8S_SERVICE_ACCOUNT_TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token"
AZURE_IMDS_TOKEN_URL = "http://169.254.169.254/metadata/identity/oauth2/token"
AZURE_TOKEN_EXCHANGE_RESOURCE = "api://AzureADTokenExchange"
GCP_IDENTITY_URL = "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity"
METADATA_TIMEOUT = 10.0


def k8s_service_account_token_provider(
    token_path: str | os.PathLike[str] = K8S_SERVICE_ACCOUNT_TOKEN_PATH,
) -> SubjectTokenProvider:
    """The pod's projected service account token (a JWT), re-read on every exchange since Kubernetes rotates it."""

    def get_token() -> str:
        try:
            with open(token_path, encoding="utf-8") as file:
                token = file.read().strip()
        except OSError as err:
            raise SubjectTokenProviderError(
                f"Could not read the Kubernetes service account token at {os.fspath(token_path)}: {err}"
            ) from err
        if not token:
            raise SubjectTokenProviderError(f"The Kubernetes service account token at {os.fspath(token_path)} is empty")
        return token

    return {"token_type": "jwt", "get_token": get_token}


def azure_managed_identity_token_provider(
    resource: str = AZURE_TOKEN_EXCHANGE_RESOURCE, *, client_id: str | None = None
) -> SubjectTokenProvider:
    """A token for `resource` from the Azure Instance Metadata Service; `client_id` picks a user-assigned identity."""

    def get_token() -> str:
        params = {"api-version": "2018-02-01", "resource": resource}
        if client_id is not None:
            params["client_id"] = client_id
        response = _metadata_get("Azure managed identity", AZURE_IMDS_TOKEN_URL, params, {"Metadata": "true"})
        try:
            token: object = response.json().get("access_token")
        except (ValueError, AttributeError):
            token = None
        if not isinstance(token, str) or not token:
            raise SubjectTokenProviderError(
                "The Azure managed identity response has no `access_token`", response=response
            )
        return token

    return {"token_type": "jwt", "get_token": get_token}


def gcp_id_token_provider(audience: str) -> SubjectTokenProvider:
    """A Google-signed ID token for `audience` from the metadata server of the Google Cloud service account."""

    def get_token() -> str:
        params = {"audience": audience, "format": "full"}
        response = _metadata_get(
            "Google Cloud metadata server", GCP_IDENTITY_URL, params, {"Metadata-Flavor": "Google"}
        )
        token = response.text.strip()
        if not token:
            raise SubjectTokenProviderError(
                "The Google Cloud metadata server returned an empty ID token", response=response
            )
        return token

    return {"token_type": "id", "get_token": get_token}


def _metadata_get(source: str, url: str, params: Dict[str, str], headers: Dict[str, str]) -> httpx.Response:
    """GET from a link-local metadata service, never through a proxy from the environment."""
    try:
        with httpx.Client(timeout=METADATA_TIMEOUT, trust_env=False) as client:
            response = client.get(url, params=params, headers=headers)
    except httpx.HTTPError as err:
        raise SubjectTokenProviderError(f"Could not reach the {source}: {err}") from err
    if not response.is_success:
        raise SubjectTokenProviderError(
            f"The {source} answered {response.status_code}: {response.text.strip()}", response=response
        )
    return response
