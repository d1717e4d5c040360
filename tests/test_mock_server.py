"""The mock API server (./scripts/mock) is up and checks requests against the spec, with bracket-style arrays."""

from __future__ import annotations

import os
from typing import Iterator

import httpx
import pytest

base_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url) as client:
        yield client


def test_valid_chat_completion_request_gets_a_chat_completion(http: httpx.Client) -> None:
    response = http.post("/chat/completions", json={"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]})

    assert response.status_code == 200
    assert response.headers["x-steady-request-valid"] == "true"
    assert response.json()["object"] == "chat.completion"


def test_invalid_chat_completion_request_is_rejected(http: httpx.Client) -> None:
    response = http.post("/chat/completions", json={"messages": "hi"})

    assert response.status_code == 400
    assert response.headers["x-steady-request-valid"] == "false"


@pytest.mark.parametrize(("value", "status"), [("message.output_text.logprobs", 200), ("nonsense", 400)])
def test_bracket_array_query_items_are_validated(http: httpx.Client, value: str, status: int) -> None:
    response = http.get("/responses/resp_1", params={"include[]": value})

    assert response.status_code == status


@pytest.mark.parametrize(("anchor", "status"), [("created_at", 200), ("nonsense", 400)])
def test_bracket_object_form_fields_are_validated(http: httpx.Client, anchor: str, status: int) -> None:
    response = http.post(
        "/files",
        data={"purpose": "batch", "expires_after[anchor]": anchor, "expires_after[seconds]": "3600"},
        files={"file": ("batch.jsonl", b"{}\n")},
    )

    assert response.status_code == status
