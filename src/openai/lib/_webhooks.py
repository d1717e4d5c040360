"""`webhooks.verify_signature()` and `webhooks.unwrap()`: checking a webhook's Standard Webhooks signature and
parsing its payload (mixed into the generated webhooks resource: `WebhooksHelpers` into `Webhooks`,
`AsyncWebhooksHelpers` into `AsyncWebhooks`). Both are synchronous on the async client too: no I/O is involved."""

from __future__ import annotations

import hmac
import json
import time
import base64
import hashlib
from typing import TYPE_CHECKING, Union, Mapping, cast

from .._types import HeadersLike
from .._resource import SyncAPIResource, AsyncAPIResource
from .._exceptions import InvalidWebhookSignatureError

if TYPE_CHECKING:
    from .._client import OpenAI, AsyncOpenAI
    from ..types.webhooks.unwrap_webhook_event import UnwrapWebhookEvent

__all__ = ["WebhooksHelpers", "AsyncWebhooksHelpers"]

Headers = Union[Mapping[str, str], HeadersLike]


def _header(headers: Headers, name: str) -> str:
    """Header `name` (lower case), looked up case-insensitively in a plain mapping."""
    value = headers.get(name)
    if value is None and isinstance(headers, Mapping):
        value = next((v for k, v in cast(Mapping[str, str], headers).items() if k.lower() == name), None)
    if value is None:
        raise ValueError(f"Could not find {name} header")
    return value


def _verify_signature(
    client: OpenAI | AsyncOpenAI, payload: str | bytes, headers: Headers, *, secret: str | None, tolerance: int
) -> None:
    if secret is None:
        secret = client.webhook_secret
    if secret is None:
        raise ValueError(
            "The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, "
            "on the client class, OpenAI(webhook_secret='123'), or passed to this function"
        )
    signatures = _header(headers, "webhook-signature")
    timestamp = _header(headers, "webhook-timestamp")
    webhook_id = _header(headers, "webhook-id")

    try:
        sent_at = int(timestamp)
    except ValueError:
        raise InvalidWebhookSignatureError("Invalid webhook timestamp format") from None
    now = int(time.time())
    if now - sent_at > tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too old")
    if sent_at > now + tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too new")

    body = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    key = base64.b64decode(secret[len("whsec_") :]) if secret.startswith("whsec_") else secret.encode("utf-8")
    signed = f"{webhook_id}.{timestamp}.{body}".encode()
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for signature in signatures.split(" "):
        if hmac.compare_digest(expected.encode(), signature.removeprefix("v1,").encode()):
            return
    raise InvalidWebhookSignatureError("The given webhook signature does not match the expected signature")


def _unwrap(
    client: OpenAI | AsyncOpenAI, payload: str | bytes, headers: Headers, *, secret: str | None
) -> UnwrapWebhookEvent:
    from .._models import construct_type  # here: verifying signatures alone does not need pydantic
    from ..types.webhooks.unwrap_webhook_event import UnwrapWebhookEvent

    _verify_signature(client, payload, headers, secret=secret, tolerance=300)
    return cast("UnwrapWebhookEvent", construct_type(type_=UnwrapWebhookEvent, value=json.loads(payload)))


class WebhooksHelpers(SyncAPIResource):
    def verify_signature(
        self, payload: str | bytes, headers: Headers, *, secret: str | None = None, tolerance: int = 300
    ) -> None:
        """Check that `payload` was sent by OpenAI: its `webhook-signature` header must hold the HMAC-SHA256 of
        `"<webhook-id>.<webhook-timestamp>.<payload>"` under `secret` (default: the client's `webhook_secret`), and
        its timestamp be within `tolerance` seconds of now. Raises `InvalidWebhookSignatureError` otherwise."""
        _verify_signature(self._client, payload, headers, secret=secret, tolerance=tolerance)

    def unwrap(self, payload: str | bytes, headers: Headers, *, secret: str | None = None) -> UnwrapWebhookEvent:
        """Verify the signature of `payload` (see `verify_signature()`) and parse it into its webhook event type."""
        return _unwrap(self._client, payload, headers, secret=secret)


class AsyncWebhooksHelpers(AsyncAPIResource):
    def verify_signature(
        self, payload: str | bytes, headers: Headers, *, secret: str | None = None, tolerance: int = 300
    ) -> None:
        """Check that `payload` was sent by OpenAI: its `webhook-signature` header must hold the HMAC-SHA256 of
        `"<webhook-id>.<webhook-timestamp>.<payload>"` under `secret` (default: the client's `webhook_secret`), and
        its timestamp be within `tolerance` seconds of now. Raises `InvalidWebhookSignatureError` otherwise."""
        _verify_signature(self._client, payload, headers, secret=secret, tolerance=tolerance)

    def unwrap(self, payload: str | bytes, headers: Headers, *, secret: str | None = None) -> UnwrapWebhookEvent:
        """Verify the signature of `payload` (see `verify_signature()`) and parse it into its webhook event type."""
        return _unwrap(self._client, payload, headers, secret=secret)
