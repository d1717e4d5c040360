"""Shared fixtures: SDK clients pointed at the local mock API server (./scripts/mock).

`client` / `async_client` are parametrized over strict and loose response validation; a test can pick one with
`@pytest.mark.parametrize("client", [False], indirect=True)` (False = loose). `openai` is imported inside the fixtures
so that collecting tests that do not use them never depends on the client being importable.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterator, AsyncIterator

import pytest

if TYPE_CHECKING:
    from openai import OpenAI, AsyncOpenAI

base_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")
api_key = "My API Key"
admin_api_key = "My Admin API Key"


def _strict(request: pytest.FixtureRequest) -> bool:
    strict = getattr(request, "param", True)
    if not isinstance(strict, bool):
        raise TypeError(f"Unexpected fixture parameter type {type(strict)}, expected a bool (strict validation)")
    return strict


@pytest.fixture(scope="session", params=[True, False], ids=["strict", "loose"])
def client(request: pytest.FixtureRequest) -> Iterator[OpenAI]:
    from openai import OpenAI

    with OpenAI(
        base_url=base_url, api_key=api_key, admin_api_key=admin_api_key, _strict_response_validation=_strict(request)
    ) as client:
        yield client


@pytest.fixture(scope="session", params=[True, False], ids=["strict", "loose"])
async def async_client(request: pytest.FixtureRequest) -> AsyncIterator[AsyncOpenAI]:
    from openai import AsyncOpenAI

    async with AsyncOpenAI(
        base_url=base_url, api_key=api_key, admin_api_key=admin_api_key, _strict_response_validation=_strict(request)
    ) as client:
        yield client
