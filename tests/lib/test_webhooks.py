"""`webhooks.verify_signature()` / `webhooks.unwrap()`: Standard Webhooks signatures, header lookup, timestamps,
secrets, and parsing the payload into its event type; the same (synchronous) methods on the async client."""

from __future__ import annotations

import hmac
import json
import time
import base64
import hashlib
from typing import Any, Dict, Union

import httpx
import pytest

from openai import OpenAI, AsyncOpenAI, InvalidWebhookSignatureError

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()
PAYLOAD = json.dumps(
    {
        "id": "evt_1",
        "object": "event",
        "created_at": 1750000000,
        "type": "response.completed",
        "data": {"id": "resp_1"},
    }
)


def sign(payload: str, *, msg_id: str = "msg_1", timestamp: Union[int, str, None] = None, secret: str = SECRET) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    key = base64.b64decode(secret[len("whsec_") :]) if secret.startswith("whsec_") else secret.encode()
    digest = hmac.new(key, f"{msg_id}.{timestamp}.{payload}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def headers(payload: str = PAYLOAD, **overrides: Any) -> Dict[str, str]:
    timestamp = overrides.pop("timestamp", int(time.time()))
    return {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": overrides.pop("signature", "v1," + sign(payload, timestamp=timestamp)),
        **overrides,
    }


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest) -> Union[OpenAI, AsyncOpenAI]:
    cls = OpenAI if request.param == "sync" else AsyncOpenAI
    return cls(api_key="sk-test", webhook_secret=SECRET)


def test_valid_signature_passes(client: Union[OpenAI, AsyncOpenAI]) -> None:
    assert client.webhooks.verify_signature(PAYLOAD, headers()) is None
    assert client.webhooks.verify_signature(PAYLOAD.encode(), headers()) is None


def test_unwrap_parses_the_event(client: Union[OpenAI, AsyncOpenAI]) -> None:
    from openai.types.webhooks import ResponseCompletedWebhookEvent

    event = client.webhooks.unwrap(PAYLOAD, headers())
    assert isinstance(event, ResponseCompletedWebhookEvent)
    assert event.type == "response.completed"
    assert event.data.id == "resp_1"


def test_unwrap_rejects_a_bad_signature(client: Union[OpenAI, AsyncOpenAI]) -> None:
    with pytest.raises(InvalidWebhookSignatureError) as exc:
        client.webhooks.unwrap(PAYLOAD, headers(signature="v1,AAAA"))
    assert str(exc.value) == "The given webhook signature does not match the expected signature"


def test_tampered_payload_fails(client: Union[OpenAI, AsyncOpenAI]) -> None:
    with pytest.raises(InvalidWebhookSignatureError):
        client.webhooks.verify_signature(PAYLOAD.replace("resp_1", "resp_2"), headers())


def test_any_of_several_signatures_may_match(client: Union[OpenAI, AsyncOpenAI]) -> None:
    good = sign(PAYLOAD)
    client.webhooks.verify_signature(PAYLOAD, headers(signature=f"v1,bad v1,{good}"))
    client.webhooks.verify_signature(PAYLOAD, headers(signature=good))  # without the `v1,` prefix


def test_headers_are_looked_up_case_insensitively(client: Union[OpenAI, AsyncOpenAI]) -> None:
    upper = {key.title(): value for key, value in headers().items()}
    client.webhooks.verify_signature(PAYLOAD, upper)
    client.webhooks.verify_signature(PAYLOAD, httpx.Headers(upper))


@pytest.mark.parametrize("name", ["webhook-signature", "webhook-timestamp", "webhook-id"])
def test_missing_header(client: Union[OpenAI, AsyncOpenAI], name: str) -> None:
    incomplete = {key: value for key, value in headers().items() if key != name}
    with pytest.raises(ValueError) as exc:
        client.webhooks.verify_signature(PAYLOAD, incomplete)
    assert str(exc.value) == f"Could not find {name} header"
    assert not isinstance(exc.value, InvalidWebhookSignatureError)


@pytest.mark.parametrize(
    ("age", "message"),
    [
        ("soon", "Invalid webhook timestamp format"),
        (1000, "Webhook timestamp is too old"),
        (-1000, "Webhook timestamp is too new"),
    ],
)
def test_timestamp_checks(client: Union[OpenAI, AsyncOpenAI], age: Union[int, str], message: str) -> None:
    timestamp = int(time.time()) - age if isinstance(age, int) else age
    signed = headers(timestamp=timestamp, signature="v1," + sign(PAYLOAD, timestamp=timestamp))
    with pytest.raises(InvalidWebhookSignatureError) as exc:
        client.webhooks.verify_signature(PAYLOAD, signed)
    assert str(exc.value) == message
    assert isinstance(exc.value, ValueError)


def test_tolerance_is_configurable(client: Union[OpenAI, AsyncOpenAI]) -> None:
    timestamp = int(time.time()) - 1000
    signed = headers(timestamp=timestamp, signature="v1," + sign(PAYLOAD, timestamp=timestamp))
    client.webhooks.verify_signature(PAYLOAD, signed, tolerance=2000)


def test_secret_argument_and_plain_secrets(client: Union[OpenAI, AsyncOpenAI]) -> None:
    plain = "not-a-whsec-secret"
    signed = headers(signature="v1," + sign(PAYLOAD, secret=plain))
    client.webhooks.verify_signature(PAYLOAD, signed, secret=plain)
    with pytest.raises(InvalidWebhookSignatureError):
        client.webhooks.verify_signature(PAYLOAD, signed)  # the client's secret does not match


def test_missing_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_WEBHOOK_SECRET", raising=False)
    for client in (OpenAI(api_key="sk-test"), AsyncOpenAI(api_key="sk-test")):
        with pytest.raises(ValueError) as exc:
            client.webhooks.verify_signature(PAYLOAD, headers())
        assert str(exc.value) == (
            "The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, on the client class, "
            "OpenAI(webhook_secret='123'), or passed to this function"
        )


def test_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", SECRET)
    OpenAI(api_key="sk-test").webhooks.verify_signature(PAYLOAD, headers())
